// Shapes of the discretion API (type-only imports from the server's rules and schemas).
import type { z } from 'zod';
import type { tableInputSchema } from '../../../src/discretion/schema';
import type { Calculation, Factor, FactorLine, LegalRange } from '../../../src/discretion/rules/benchmark';
import type { Spread, ViolationTypeSpread } from '../../../src/discretion/rules/consistency';
import type { Citation, Refusal } from '../../../src/law/outcome';
import type { Violation } from '../../../src/discretion/rules/violations';
import type { RecordedRepeat } from '../../../src/discretion/rules/repeat';

export type { Calculation, Factor, FactorLine, LegalRange, Spread, ViolationTypeSpread, Citation, Violation, RecordedRepeat };
export type TableInput = z.input<typeof tableInputSchema>;

export interface Table {
  id: number; code: string; version: number; title: string; category: string; violatedProvision: Citation; penaltyProvision: Citation;
  range: LegalRange; factors: Factor[]; baselinePercent: number; roundingFen: number; effectiveOn: string; source: string; note: string; createdAt: string;
}

export interface Judged { fineFen: number; differenceFen: number; departs: boolean; outcome: { ok: true } | Refusal }

/** GET /api/discretion/cases/:caseId */
export interface CaseDiscretion {
  case: { id: number; number: string; stage: string; decisionKind: string | null; decidedOn: string | null };
  latest: null | { id: number; tableId: number; levels: Record<string, string>; baseFen: number | null; computedFen: number; legalMinFen: number; legalMaxFen: number; breakdown: Calculation; calculatedAt: string; table: Table; calculatedByName: string };
  history: { id: number; tableCode: string; tableVersion: number; computedFen: number; calculatedAt: string; calculatedByName: string }[];
  proposal: Judged | null; decision: Judged | null; discretionReason: string | null; groundsRecorded: string[];
  /** Factors the bureau's records settle (pre-set in the calculator, still changeable): 违法次数. */
  recorded: { repeat: RecordedRepeat };
  actions: { calculate: boolean };
}

export interface ConsistencyReport {
  decided: number; uncalculated: number; types: ViolationTypeSpread[];
  cases: { caseId: number; number: string; decidedOn: string; tableCode: string; tableTitle: string; districtName: string; officerName: string; computedFen: number; decidedFen: number }[];
}
