// 加处罚款: the surcharge on a fine paid late. Pure.
//
// 行政处罚法 第六十七条第三款: the party pays within fifteen days of receiving the decision.
// 行政处罚法 第七十二条第一款第（一）项: 到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，
//   加处罚款的数额不得超出罚款的数额. (行政强制法 第四十五条第二款 sets the same cap.)
//
// Counting: the surcharge runs from the day after the payment deadline (`dueOn`); each day from then
// up to and including the day of payment (or `asOfOn` while unpaid) is one day overdue, so payment on
// the deadline costs nothing and payment the next day costs 3 %.
// Rounding: 3 % × days × fine is computed exactly and rounded once, half-up, to the fen, then capped.
// Where practice differs: some bureaus round the daily 3 % first and multiply; with fines in whole
// yuan (the usual case) both give the same result, since 3 % of a whole-yuan fine is a whole fen.
// A deferred or instalment payment approved under 第六十六条 moves `dueOn`; the caller passes the
// deadline that applies.

import type { Citation, Result } from './outcome.js';
import { daysBetween } from './civil-date.js';
import { divideRounded } from './fen.js';
import { addCalendarDays, type WorkingCalendar } from './working-days.js';

export const APL_67_3: Citation = { law: '行政处罚法', article: '第六十七条', paragraph: '第三款' };
export const APL_72_1_1: Citation = { law: '行政处罚法', article: '第七十二条', paragraph: '第一款', item: '第（一）项' };

/** 行政处罚法 第六十七条: fifteen days from receipt of the decision. */
export const PAYMENT_PERIOD_DAYS = 15;
/** 行政处罚法 第七十二条: three per cent of the fine per day. */
export const SURCHARGE_PERCENT_PER_DAY = 3;

/**
 * The last day to pay a fine whose decision was received (served) on `servedOn`: fifteen natural
 * days, the day of service not counted, moved to the next working day when it falls on a rest day
 * (see working-days.ts for the counting rules). 行政处罚法 第六十七条第三款.
 */
export function computePaymentDueOn(cal: WorkingCalendar, servedOn: string): Result<string> {
  return addCalendarDays(cal, servedOn, PAYMENT_PERIOD_DAYS);
}

export interface LatePaymentInput {
  fineFen: number;
  /** The last day to pay. */
  dueOn: string;
  /** The day the fine was paid; or, while unpaid, `asOfOn`: the day to compute for. */
  paidOn?: string | null;
  asOfOn?: string | null;
}

export interface LatePaymentSurcharge {
  daysOverdue: number;
  surchargeFen: number;
  /** True when the cap (the fine amount) applies. */
  capped: boolean;
  citation: Citation;
}

/** 行政处罚法 第七十二条第一款第（一）项: 3 % of the fine per day overdue, never more than the fine. */
export function computeLatePaymentSurcharge(input: LatePaymentInput): LatePaymentSurcharge {
  const { fineFen, dueOn } = input;
  if (!Number.isSafeInteger(fineFen) || fineFen < 0) throw new RangeError(`fineFen must be a non-negative integer: ${fineFen}`);
  const endOn = input.paidOn ?? input.asOfOn;
  if (!endOn || (input.paidOn && input.asOfOn)) throw new RangeError('give exactly one of paidOn and asOfOn');
  const daysOverdue = Math.max(0, daysBetween(dueOn, endOn));
  const uncapped = divideRounded(BigInt(fineFen) * BigInt(SURCHARGE_PERCENT_PER_DAY) * BigInt(daysOverdue), 100n, 'half-up');
  const capped = uncapped > BigInt(fineFen);
  return { daysOverdue, surchargeFen: capped ? fineFen : Number(uncapped), capped, citation: APL_72_1_1 };
}

/** The surcharge alone, in fen (see computeLatePaymentSurcharge). */
export function computeLatePaymentSurchargeFen(input: LatePaymentInput): number {
  return computeLatePaymentSurcharge(input).surchargeFen;
}
