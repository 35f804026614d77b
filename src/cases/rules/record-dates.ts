// Dates the party relies on: a record can be neither in the future nor earlier than the step it follows.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { chinaDateOf } from '../../law/civil-date.js';
import { CITE } from './citations.js';
import type { CaseFacts } from './procedure.js';

/** The step a date follows, the code naming it, and its date (null: that step has no date yet). */
export interface Predecessor { code: string; on: string | null }

/**
 * 行政处罚法 第四十七条 (全过程记录): the record of each step tells when it really happened, so its date lies
 * neither after today nor before the step it follows (a notice before the case review, a hearing before its
 * request, a meeting before the legal review it relies on, any record before filing).
 */
export function checkRecordDate(todayOn: string, field: string, on: string, predecessors: Predecessor[]): Outcome {
  if (on > todayOn) return refuse('DATE_IN_FUTURE', CITE.fullRecord, field);
  for (const p of predecessors) {
    if (p.on !== null && on < p.on) return refuse(p.code, CITE.fullRecord, field, { predecessorOn: p.on });
  }
  return allowed;
}

const dayOf = (instant: string | null) => (instant ? chinaDateOf(new Date(instant)) : null);

/** Every record of a case follows its filing. */
export const afterFiling = (f: CaseFacts): Predecessor => ({ code: 'DATE_BEFORE_FILING', on: f.filedOn });

/** A notice follows the case review and the legal review that allowed it. */
export function noticePredecessors(f: CaseFacts): Predecessor[] {
  const passed = f.reviews.filter((r) => r.outcome === 'passed').at(-1);
  return [
    afterFiling(f),
    { code: 'DATE_BEFORE_CASE_REVIEW', on: dayOf(f.caseReviewPassedAt) },
    { code: 'DATE_BEFORE_LEGAL_REVIEW', on: dayOf(passed?.at ?? null) },
  ];
}

/** A committee meeting that decides on a case follows the case review and the legal review it relies on. */
export function meetingPredecessors(f: CaseFacts, reviewAt: string | null): Predecessor[] {
  return [afterFiling(f), { code: 'DATE_BEFORE_CASE_REVIEW', on: dayOf(f.caseReviewPassedAt) }, { code: 'DATE_BEFORE_LEGAL_REVIEW', on: dayOf(reviewAt) }];
}
