// The record each measure keeps (stored as the measure's details), one shape per kind.
import type { ExplanationLine, Reinspection } from './daily-penalty.js';
import type { CrimeOutcome } from './crime-transfer.js';
import type { DetentionOutcome, PriorOrder } from './detention-transfer.js';
import type {
  DailyPenaltyGround, DetentionSituation, ReleaseGround, RestrictionGround, SeizureGround, SuspensionGround,
} from './kinds.js';
import type { RestrictionMode } from './production-restriction.js';

export interface DailyPenaltyRecord {
  kind: 'daily_penalty';
  ground: DailyPenaltyGround;
  violation: string;
  /** 责令改正违法行为决定书 */
  orderNumber: string;
  orderServedOn: string;
  reinspectionDueOn: string;
  reinspections: Reinspection[];
  /** The 按日连续处罚 decision, with the computation it fixed. */
  decision: null | {
    decidedOn: string; decisionNumber: string | null; originalFineFen: number; days: number; totalFen: number;
    /** The case in which the daily penalty was decided through the penalty procedure. */
    penaltyCaseId?: number | null;
    startOn: string; endOn: string; lines: ExplanationLine[];
  };
}

export interface SeizureItem { name: string; specification: string; quantity: string; location: string }

export interface SeizureRecord {
  kind: 'seizure';
  mode: 'seal' | 'detain';
  ground: SeizureGround;
  seriousPollutionCaused: boolean;
  decisionNumber: string;
  decidedOn: string;
  implementedOn: string;
  emergency: boolean;
  items: SeizureItem[];
  extension: null | { approvedOn: string; days: number; reason: string };
  release: null | { releasedOn: string; ground: ReleaseGround; note: string };
}

export interface RestrictionRecord {
  kind: 'production_restriction';
  mode: RestrictionMode;
  ground: RestrictionGround | SuspensionGround;
  decisionNumber: string;
  decidedOn: string;
  servedOn: string;
  /** What the decision requires: the reduced load or output, or what must be rectified. */
  requirements: string;
  serviceDueOn: string;
  planDueOn: string;
  plan: null | { filedOn: string; summary: string };
  extension: null | { approvedOn: string; months: number; reason: string };
  lifting: null | { liftedOn: string; note: string };
}

export interface DetentionRecord {
  kind: 'detention_transfer';
  situation: DetentionSituation;
  /** 环境保护法 第六十三条 (一)(二)(四): the earlier order and the party's refusal; null for (三). */
  priorOrder?: PriorOrder | null;
  /** 直接负责的主管人员和其他直接责任人员 */
  persons: { name: string; position: string }[];
  facts: string;
  decidedOn: string;
  transferDueOn: string;
  transfer: null | { transferredOn: string; receivingOrgan: string; lateReason: string | null };
  outcome: null | { outcome: DetentionOutcome; decidedOn: string; detentionDays: number | null; note: string };
}

export interface CrimeTransferRecord {
  kind: 'crime_transfer';
  suspectedCrime: string;
  facts: string;
  reportOn: string;
  approvalDueOn: string;
  approval: null | { decidedOn: string; approved: boolean; reason: string | null; lateReason: string | null };
  transfer: null | { transferredOn: string; receivingOrgan: string; materials: string[]; lateReason: string | null; policeReviewDueOn: string };
  outcome: null | { outcome: CrimeOutcome; decidedOn: string; note: string; reconsiderationDueOn: string | null };
}

export type MeasureRecord = DailyPenaltyRecord | SeizureRecord | RestrictionRecord | DetentionRecord | CrimeTransferRecord;

