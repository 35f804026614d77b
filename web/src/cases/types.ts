// Shapes of the case API. Request bodies are inferred from the server's zod schemas (type-only:
// nothing is bundled); responses mirror `presentCase` and the list/board read models as JSON.
import type { z } from 'zod';
import type { ACTION_SCHEMAS, filingSchema, leadInputSchema, meetingSchema } from '../../../src/cases/schema';
import type { CaseActionName } from '../../../src/cases/rules/available-actions';
import type { CaseStage } from '../../../src/cases/rules/procedure';
import type { DecisionKind, PenaltyKind } from '../../../src/cases/rules/penalties';
import type { Citation } from '../../../src/law/outcome';

export type { CaseActionName, CaseStage, Citation, DecisionKind, PenaltyKind };

export type ActionBody<A extends CaseActionName> = z.input<(typeof ACTION_SCHEMAS)[A]>;
export type LeadInput = z.input<typeof leadInputSchema>;
export type FilingInput = z.input<typeof filingSchema>;
export type MeetingInput = z.input<typeof meetingSchema>;
export type ReviewPoint = keyof ActionBody<'legal_review'>['findings'];
export type LeadStatus = 'open' | 'filed' | 'dismissed';
export type LeadSource = LeadInput['source'];

export interface PageOf<T> { items: T[]; total: number; page: number; pageSize: number }

export interface Lead {
  id: number; source: LeadSource; summary: string; sourceRef: string | null; discoveredOn: string; filingDueOn: string;
  status: LeadStatus; enterpriseId: number; enterpriseName: string; districtId: number; districtName: string;
  /** 暂定: the filing deadline was computed on a provisional holiday calendar. */
  filingDueProvisional?: boolean;
  /** Who registered it (the officer proposed for the case). */
  registeredById?: number | null;
  /** The head's approved extension of the filing window, if any. */
  filingExtension?: { approvedOn: string; days: number; reason: string } | null;
}

export interface MajorFlags { majorPublicInterest: boolean; complexSeveralLegalRelations: boolean; requiredByOtherLaw: boolean }
export interface Proposal {
  penaltyKinds: PenaltyKind[]; fineFen: number; facts: string; violatedProvisions: string; penaltyBasis: string; discretionReason: string | null;
  penaltyProvisionCode?: string | null; penaltyBaseFen?: number | null;
}

export interface CaseSummary {
  id: number; number: string; cause: string; stage: CaseStage; filedOn: string; decisionDueOn: string;
  enterpriseId: number; enterpriseName: string; districtId: number; districtName: string;
  decisionKind: DecisionKind | null; decisionFineFen: number | null; major: MajorFlags; proposal: Proposal | null;
  /** 暂定: the decision deadline was computed on a provisional holiday calendar. */
  decisionDueProvisional?: boolean;
}

/** One action the case offers now, with the outcome of its gate. */
export interface CaseAction { action: CaseActionName; allowed: boolean; code?: string; citation?: Citation }

export interface CaseStep {
  id: number; kind: string; occurredOn: string; actorId: number | null; officerIds: number[]; data: Record<string, unknown>; createdAt: string;
}

export interface LegalReview {
  id: number; reviewerId: number; reviewerName: string; findings: Record<ReviewPoint, { ok: boolean; note: string }>;
  outcome: 'passed' | 'returned' | 'rejected'; opinion: string; reviewedAt: string;
}

export type CommitteeDecision = ActionBody<'collective_discussion'>['decision'];

export interface Discussion {
  meetingId: number; heldOn: string; decision: CommitteeDecision; conclusion: string; opinions: { memberId: number; opinion: string }[]; decidedAt: string;
}

export interface Notification {
  servedOn: string; statementDueOn: string; hearingOffered: boolean; hearingRequestDueOn: string | null; proposedFineFen: number;
  /** Added with re-notification (行政处罚法 第四十四条): the kinds notified, the notice's round, the written hearing waiver. */
  penaltyKinds?: PenaltyKind[]; round?: number; amendedAt?: string | null; hearingWaivedOn?: string | null; documentNumber?: string;
}

export interface Hearing {
  caseId: number; requestedOn: string; hostId: number | null; noticeOn: string | null; scheduledOn: string | null;
  location: string | null; heldAt: string | null; record: string | null;
}

export interface Payment { id: number; paidOn: string; amountFen: number; receiptNo: string | null; createdAt: string }

/** GET /api/cases/:id and the answer of every step. */
export interface CaseDetail {
  id: number; number: string; leadId: number; enterpriseId: number; districtId: number; districtName: string;
  partyKind: 'organisation' | 'individual'; cause: string; actOn: string; stage: CaseStage; filedOn: string; filedById: number;
  decisionDueOn: string; major: MajorFlags; proposal: Proposal | null;
  submittedAt: string | null; caseReviewPassedAt: string | null; committeeDecidedAt: string | null;
  notification: Notification | null; statementWaived: boolean;
  decisionKind: DecisionKind | null; decisionFineFen: number | null; decisionNumber: string | null; decidedOn: string | null;
  decision: { penaltyKinds: PenaltyKind[]; reasons: string; basis: string; transferTo?: string } | null;
  servedOn: string | null; paymentDueOn: string | null; courtEnforcementAppliedOn: string | null;
  closedAt: string | null; archivedAt: string | null; version: number; createdAt: string; updatedAt: string;
  amountDueFen: number; paidFen: number;
  enterprise: { id: number; name: string; creditCode: string; legalRepresentative: string; address: string };
  officers: { id: number; displayName: string; credentialNo: string | null; lead: boolean }[];
  steps: CaseStep[];
  reviews: LegalReview[];
  discussions: Discussion[];
  hearing: Hearing | null;
  payments: Payment[];
  actions: CaseAction[];
  /** Each current deadline; `provisional` (暂定) when computed on a year without a recorded holiday arrangement. */
  deadlines?: CaseDeadline[];
}

export interface CaseDeadline {
  kind: DeadlineKind; dueOn: string; provisional: boolean; provisionalYears: number[]; fromOn: string; extraDays: number;
  recomputedAt: string | null; previousDueOn: string | null; recomputedForYear: number | null;
}

export interface Meeting {
  id: number; heldOn: string; location: string; chairId: number; memberIds: number[]; attendeeIds: number[]; minutes: string; createdAt: string;
}

export type DeadlineKind = 'filing' | 'decision' | 'statement' | 'hearingRequest' | 'hearingNotice' | 'service' | 'payment' | 'evidencePreservation';

export interface DeadlineItem {
  kind: DeadlineKind; caseId: number | null; leadId: number | null; number: string | null; dueOn: string; state: 'overdue' | 'due_soon';
  districtId: number; districtName: string; officerIds: number[]; citation: Citation;
  /** 暂定: computed on the provisional calendar of a year without a recorded holiday arrangement. */
  provisional?: boolean;
}

/** A deadline recomputed after the official holiday arrangement of `recomputedForYear` was recorded. */
export interface RecomputedDeadline {
  id: number; kind: DeadlineKind; caseId: number | null; leadId: number | null; number: string | null;
  previousDueOn: string | null; dueOn: string; provisional: boolean; recomputedAt: string | null; recomputedForYear: number | null;
}

export interface DeadlineBoard {
  todayOn: string;
  items: DeadlineItem[];
  byDistrict: { key: string; overdue: number; dueSoon: number }[];
  byOfficer: { key: number; overdue: number; dueSoon: number }[];
  recomputed?: RecomputedDeadline[];
  /** 行政强制法 第五十三条, 第五十四条: when each unpaid fine may go to the court (src/cases/court-window-board.ts). */
  courtEnforcement?: CourtWindowItem[];
  /** Deadlines of other capabilities (campaigns' rectification items, late monthly reports), with a link. */
  others?: BoardSourceItem[];
}

export interface BoardSourceItem { source: string; kind: string; title: string; dueOn: string; state: 'overdue' | 'due_soon'; districtName: string | null; link: string }

export interface CourtWindowItem {
  caseId: number; number: string; districtName: string; earliestOn: string; latestOn: string; state: 'not_yet' | 'open' | 'passed';
  reminderServedOn: string | null; remedyPending: boolean; citation: Citation;
}

export interface ReviewerRatio { reviewers: number; officers: number; ratio: number | null; minimum: number; belowMinimum: boolean }

/** GET /api/users/directory */
export interface StaffMember { id: number; displayName: string; role: string; credentialNo: string | null; districtId: number | null }

/** GET /api/cases/:id/documents: each official document and whether the case can produce it now. */
export interface CaseDocument { kind: string; zh: string; en: string; basis: string; available: boolean; number: string | null }
