import type { Band, ScoreSheet, ScoringStandard, SheetLine } from '../../../src/file-review/rules/standard';
import type { PrecheckFinding } from '../../../src/file-review/rules/prechecks';
import type { Defect, GroupResult, ReviewedCase } from '../../../src/file-review/rules/results';

export type { Band, ScoreSheet, ScoringStandard, SheetLine, PrecheckFinding, Defect, GroupResult, ReviewedCase };

export interface StandardRow extends ScoringStandard { id: number; createdAt: string }

export interface ClosedCase {
  id: number; number: string; cause: string; enterpriseName: string; districtId: number; districtName: string; decisionKind: string | null; decisionFineFen: number | null;
  closedAt: string; archivedAt: string | null; reviews: number; latestScore: number | null; latestBand: Band | null; myStatus: 'draft' | 'submitted' | null;
}

export interface Review {
  id: number; caseId: number; standardId: number; reviewerId: number; status: 'draft' | 'submitted'; lines: SheetLine[]; score: number; band: Band; comment: string;
  createdAt: string; updatedAt: string; submittedAt: string | null;
}

/** GET /api/file-review/cases/:caseId */
export interface CaseFile {
  case: { id: number; number: string; cause: string; enterpriseName: string; districtName: string; closedAt: string | null; archivedAt: string | null; decisionKind: string | null; decisionFineFen: number | null };
  findings: PrecheckFinding[]; standard: StandardRow | null; prefill: SheetLine[]; mine: Review | null;
  reviews: (Review & { reviewerName: string; standardTitle: string; standardVersion: number; sheet: ScoreSheet | null })[];
  actions: { review: boolean };
}

export interface Results { year: number; overall: GroupResult; byUnit: GroupResult[]; byOfficer: GroupResult[]; defects: Defect[]; cases: ReviewedCase[] }
