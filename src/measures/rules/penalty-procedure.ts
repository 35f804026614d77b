// 按日连续处罚 and 限制生产、停产整治 are administrative penalties (行政处罚法 第九条 (四) 限制开展生产经营活动、
// 责令停产停业; 环境保护法 第五十九条, 第六十条): their decision is not typed into the measure but made inside a
// case, where the case procedure's gates apply — prior notice and statement (行政处罚法 第四十四条, 第四十五条),
// the hearing offer (第六十三条 (四) 责令停产停业; large fines (一)), legal review (第五十八条), collective
// discussion (第五十七条第二款) and the decision document (第五十九条). The measure links to that decision.
// 按日连续处罚办法 (unconfirmed article): a re-inspection that finds the violation continuing is followed by a
// new correction order (再次责令改正).
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import type { ReinspectionFinding } from './daily-penalty.js';

export const APL_9: Citation = { law: '行政处罚法', article: '第九条', item: '（四）' };
export const APL_44: Citation = { law: '行政处罚法', article: '第四十四条' };
export const EPL_59: Citation = { law: '环境保护法', article: '第五十九条' };
const DAILY_ORDER_AGAIN: Citation = { law: '环境保护主管部门实施按日连续处罚办法', article: '第十三条' };

/** The case decision a measure rests on, as the case procedure made it. */
export interface CaseDecisionFacts {
  caseId: number;
  enterpriseId: number;
  kind: string;
  penaltyKinds: readonly string[];
  fineFen: number;
  decisionNumber: string | null;
  decidedOn: string;
}

/** The penalty kind of the case decision each mode needs. */
export const RESTRICTION_PENALTY_KIND = { restriction: 'production_restriction', suspension: 'suspension' } as const;

/**
 * 环境保护法 第六十条 with 行政处罚法 第九条 (四), 第四十四条, 第六十三条 (四): a restriction or suspension is
 * recorded only after the case decided it as a penalty; the number and date are the case decision's.
 */
export function checkRestrictionDecidedInCase(
  mode: 'restriction' | 'suspension', decision: CaseDecisionFacts | null, input: { decisionNumber?: string | null; decidedOn?: string | null },
): Outcome {
  const needed = RESTRICTION_PENALTY_KIND[mode];
  if (!decision || decision.kind !== 'penalty') return refuse('MEASURE_DECISION_NOT_IN_CASE', APL_44);
  if (!decision.penaltyKinds.includes(needed)) return refuse('MEASURE_KIND_NOT_DECIDED', APL_9, 'mode');
  if (input.decisionNumber && decision.decisionNumber && input.decisionNumber !== decision.decisionNumber) return refuse('MEASURE_DECISION_MISMATCH', APL_44, 'decisionNumber');
  if (input.decidedOn && input.decidedOn !== decision.decidedOn) return refuse('MEASURE_DECISION_MISMATCH', APL_44, 'decidedOn');
  return allowed;
}

/**
 * 环境保护法 第五十九条: the daily-penalty decision is a penalty decision of its own, made in a case of the same
 * party through the penalty procedure, for the amount the days counted give, after the last day counted.
 */
export function checkDailyPenaltyCase(
  f: { originalCaseId: number; enterpriseId: number; totalFen: number | null; endOn: string | null }, linked: CaseDecisionFacts | null,
): Outcome {
  if (!linked) return refuse('DAILY_PENALTY_CASE_REQUIRED', APL_44, 'penaltyCaseId');
  if (linked.caseId === f.originalCaseId) return refuse('DAILY_PENALTY_CASE_IS_ORIGINAL', EPL_59, 'penaltyCaseId');
  if (linked.enterpriseId !== f.enterpriseId) return refuse('DAILY_PENALTY_CASE_OTHER_PARTY', EPL_59, 'penaltyCaseId');
  if (linked.kind !== 'penalty' || !linked.penaltyKinds.includes('fine')) return refuse('DAILY_PENALTY_CASE_NOT_DECIDED', APL_44, 'penaltyCaseId');
  if (f.totalFen === null || linked.fineFen !== f.totalFen) return refuse('DAILY_PENALTY_AMOUNT_MISMATCH', EPL_59, 'penaltyCaseId');
  if (f.endOn && linked.decidedOn < f.endOn) return refuse('DATE_BEFORE_REINSPECTION', EPL_59, 'penaltyCaseId');
  return allowed;
}

export interface NewCorrectionOrder { number: string; servedOn: string }

/** A re-inspection finding the violation continuing (or obstructed) records the new correction order served. */
export function checkNewCorrectionOrder(
  input: { inspectedOn: string; finding: ReinspectionFinding; newOrder?: NewCorrectionOrder | null }, todayOn: string,
): Outcome {
  if (input.finding === 'corrected') return input.newOrder ? refuse('CORRECTION_ORDER_NOT_NEEDED', undefined, 'newOrder') : allowed;
  const o = input.newOrder;
  if (!o) return refuse('CORRECTION_ORDER_REQUIRED', DAILY_ORDER_AGAIN, 'newOrder');
  if (o.servedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'newOrder.servedOn');
  if (o.servedOn < input.inspectedOn) return refuse('DATE_BEFORE_REINSPECTION', DAILY_ORDER_AGAIN, 'newOrder.servedOn');
  return allowed;
}
