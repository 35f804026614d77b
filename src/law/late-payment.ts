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
  // A party's window: across a year without a recorded arrangement, the latest date it could end (暂定).
  return addCalendarDays(cal, servedOn, PAYMENT_PERIOD_DAYS, 'latest');
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

// ---------- instalments, deferral and pauses ----------
//
// 行政处罚法 第六十六条第二款: 当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，
//   可以暂缓或者分期缴纳. A deferral is one instalment of the whole fine on a later day; instalments
//   each carry their own last day.
// 行政处罚法 第七十三条第三款: 当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼
//   期间不予计算. A day from the filing of the reconsideration or the action up to and including the day
//   it ended is not counted; a proceeding still pending pauses the surcharge up to `asOfOn`.
// Decision (unconfirmed in practice): an instalment paid late bears the 3 % on the overdue instalment,
// not on the whole fine; payments settle the earliest instalment first; the cap of 第七十二条 (the fine)
// applies to the sum over all instalments.

export const APL_66_2: Citation = { law: '行政处罚法', article: '第六十六条', paragraph: '第二款' };
export const APL_73_3: Citation = { law: '行政处罚法', article: '第七十三条', paragraph: '第三款' };

export interface Instalment { dueOn: string; amountFen: number }
/** A reconsideration or litigation: from `fromOn` to `toOn` inclusive; `toOn` null while pending. */
export interface SurchargePause { fromOn: string; toOn: string | null }

export interface ScheduledSurchargeInput {
  /** The instalments in order of due date; their amounts add up to the fine. */
  schedule: Instalment[];
  payments: { paidOn: string; amountFen: number }[];
  pauses: SurchargePause[];
  asOfOn: string;
}

/** Days after `dueOn` up to and including `endOn` that fall inside no pause. */
export function countSurchargeDays(dueOn: string, endOn: string, pauses: SurchargePause[], asOfOn: string): number {
  const first = daysBetween('1970-01-01', dueOn) + 1;
  const last = daysBetween('1970-01-01', endOn);
  if (last < first) return 0;
  const ranges = pauses
    .map((p) => [Math.max(first, daysBetween('1970-01-01', p.fromOn)), Math.min(last, daysBetween('1970-01-01', p.toOn ?? asOfOn))] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  let paused = 0;
  let covered = first - 1;
  for (const [a, b] of ranges) {
    const from = Math.max(a, covered + 1);
    if (from <= b) { paused += b - from + 1; covered = b; }
  }
  return last - first + 1 - paused;
}

/**
 * 行政处罚法 第七十二条第一款第（一）项 with 第六十六条第二款 and 第七十三条第三款: the surcharge over an
 * approved schedule (or the single original due date), with reconsideration and litigation days left out.
 * Each instalment bears 3 % of its amount per counted day until the payments cover it.
 */
export function computeScheduledSurchargeFen(input: ScheduledSurchargeInput): number {
  const fineFen = input.schedule.reduce((s, i) => s + i.amountFen, 0);
  const paid = [...input.payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let total = 0n;
  let owedSoFar = 0;
  for (const inst of input.schedule) {
    owedSoFar += inst.amountFen;
    let cumulative = 0;
    const coveredOn = paid.find((p) => (cumulative += p.amountFen) >= owedSoFar)?.paidOn ?? null;
    const days = countSurchargeDays(inst.dueOn, coveredOn ?? input.asOfOn, input.pauses, input.asOfOn);
    total += BigInt(inst.amountFen) * BigInt(SURCHARGE_PERCENT_PER_DAY) * BigInt(days);
  }
  const surcharge = divideRounded(total, 100n, 'half-up');
  return surcharge > BigInt(fineFen) ? fineFen : Number(surcharge);
}
