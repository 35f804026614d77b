// 限制生产、停产整治: 环境保护法 第六十条 with 《环境保护主管部门实施限制生产、停产整治办法》 (环境保护部令第30号).
//
// Read: 第五条 (restriction for exceeding a discharge standard or the daily total), 第六条 (一)–(六)
// (suspension), 第七条 (public facilities, basic livelihood, production safety: may be exempted from
// suspension). Recalled, article numbers unconfirmed:
// - 第十三条: the decision is served within 7 working days of being made.
// - 第十四条: a restriction lasts in general at most three months; where complex, the head of the
//   agency may approve an extension of at most three months. A suspension has no fixed length: it runs
//   from service of the decision until it is lifted. (The 2014 draft, read, gave both measures the
//   three-month limit; the published text is read here as limiting the restriction only.)
// - 第十五条: the discharger files its rectification plan within 15 working days of receiving the
//   decision.
// - 第十七条: on finishing the rectification the discharger files a report, and the measure is lifted
//   from the day it is filed. A measure is not lifted without a rectification plan on record.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { CITE } from './citations.js';
import { addMonths, type MeasureCalendar } from './periods.js';

export const RESTRICTION_MONTHS = 3;
export const RESTRICTION_EXTENSION_MAX_MONTHS = 3;
export const SERVICE_WORKING_DAYS = 7;
export const PLAN_WORKING_DAYS = 15;

export type RestrictionMode = 'restriction' | 'suspension';

export interface RestrictionFacts {
  mode: RestrictionMode;
  decidedOn: string;
  servedOn: string;
  extensionMonths: number | null;
  planFiledOn: string | null;
  lifted: boolean;
}

/** The last day a restriction may last; null for a suspension, which runs until lifted. */
export function restrictionEndsOn(f: Pick<RestrictionFacts, 'mode' | 'servedOn' | 'extensionMonths'>): string | null {
  if (f.mode === 'suspension') return null;
  return addMonths(f.servedOn, RESTRICTION_MONTHS + (f.extensionMonths ?? 0));
}

export function restrictionServiceDueOn(cal: MeasureCalendar, decidedOn: string): string {
  return cal.addWorkingDays(decidedOn, SERVICE_WORKING_DAYS);
}

export function rectificationPlanDueOn(cal: MeasureCalendar, servedOn: string): string {
  return cal.addWorkingDays(servedOn, PLAN_WORKING_DAYS);
}

/** The decision and its service: served on or after the decision, neither in the future. */
export function checkRestriction(input: { decidedOn: string; servedOn: string }, todayOn: string): Outcome {
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (input.servedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'servedOn');
  if (input.servedOn < input.decidedOn) return refuse('SERVED_BEFORE_DECISION', CITE.restrictionService, 'servedOn');
  return allowed;
}

/** One extension of a restriction, at most three months, approved before it ends (第十四条, unconfirmed). */
export function checkRestrictionExtension(f: RestrictionFacts, input: { approvedOn: string; months: number }, todayOn: string): Outcome {
  if (f.lifted) return refuse('MEASURE_CLOSED');
  if (f.mode === 'suspension') return refuse('SUSPENSION_NOT_EXTENDABLE', CITE.restrictionPeriod);
  if (f.extensionMonths !== null) return refuse('RESTRICTION_ALREADY_EXTENDED', CITE.restrictionPeriod);
  if (input.months > RESTRICTION_EXTENSION_MAX_MONTHS) return refuse('RESTRICTION_EXTENSION_TOO_LONG', CITE.restrictionPeriod, 'months');
  if (input.approvedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'approvedOn');
  if (input.approvedOn < f.servedOn) return refuse('DATE_BEFORE_MEASURE', undefined, 'approvedOn');
  if (input.approvedOn > restrictionEndsOn(f)!) return refuse('RESTRICTION_PERIOD_ENDED', CITE.restrictionPeriod, 'approvedOn');
  return allowed;
}

/** The rectification plan filed with the bureau (第十五条, unconfirmed). */
export function checkRectificationPlan(f: RestrictionFacts, input: { filedOn: string }, todayOn: string): Outcome {
  if (f.lifted) return refuse('MEASURE_CLOSED');
  if (input.filedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'filedOn');
  if (input.filedOn < f.servedOn) return refuse('DATE_BEFORE_MEASURE', undefined, 'filedOn');
  return allowed;
}

/** Lifting on the filing of the completed rectification (第十七条, unconfirmed); a plan must be on record. */
export function checkLifting(f: RestrictionFacts, input: { liftedOn: string }, todayOn: string): Outcome {
  if (f.lifted) return refuse('MEASURE_CLOSED');
  if (f.planFiledOn === null) return refuse('RECTIFICATION_PLAN_MISSING', CITE.rectificationPlan);
  if (input.liftedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'liftedOn');
  if (input.liftedOn < f.planFiledOn) return refuse('LIFTED_BEFORE_PLAN', CITE.restrictionLifting, 'liftedOn');
  return allowed;
}
