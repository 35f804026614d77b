// A fine stays inside the legal range of the provision applied, and under the bureau's sanity ceiling.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { CITE } from './citations.js';

export interface FineRangeFacts {
  fineFen: number;
  /** The legal range of the penalty provision applied (from the discretion benchmark of that provision). */
  range: { minFen: number; maxFen: number };
  provision: Citation;
  /** A 行政处罚法 第三十条–第三十二条 ground (减轻处罚) is recorded on the case. */
  mitigationRecorded: boolean;
}

/**
 * 行政处罚法 第三十四条, 第三十二条: a fine is set inside the range of the provision applied, with or without a
 * discretion calculation; never above its maximum; below its minimum only as 减轻处罚 on a recorded ground.
 */
export function checkFineInLegalRange(f: FineRangeFacts, field: string): Outcome {
  if (f.fineFen > f.range.maxFen) return refuse('FINE_ABOVE_LEGAL_RANGE', f.provision, field, { legalMaxFen: f.range.maxFen });
  if (f.fineFen < f.range.minFen && !f.mitigationRecorded) return refuse('FINE_BELOW_LEGAL_RANGE', CITE.mitigation, field, { legalMinFen: f.range.minFen });
  return allowed;
}

/** A typing guard from the bureau's settings, not law: a fine above the ceiling is surely a mistake. */
export function checkFineCeiling(fineFen: number, ceilingFen: number, field: string): Outcome {
  return fineFen > ceilingFen ? refuse('FINE_ABOVE_CEILING', undefined, field, { ceilingFen }) : allowed;
}

/** 行政处罚法 第四十四条, 第五十九条 (三): a proposal with a fine names the penalty provision it applies. */
export function checkPenaltyProvisionNamed(penaltyKinds: readonly string[], provisionCode: string | null | undefined, field: string): Outcome {
  if (penaltyKinds.includes('fine') && !provisionCode?.trim()) return refuse('PENALTY_PROVISION_REQUIRED', CITE.decisionContent, field);
  return allowed;
}
