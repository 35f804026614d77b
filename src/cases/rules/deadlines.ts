// Statutory periods: computed from dates, never typed in.
import { CITE } from './citations.js';
import type { Citation } from '../../law/outcome.js';

/** Date arithmetic the periods need; built from the official holiday calendar (行政处罚法 第八十五条). */
export interface PeriodCalendar {
  /** n working days after `fromOn` (the starting day is not counted). */
  addWorkingDays(fromOn: string, n: number): string;
  /** n natural days after `fromOn`; a last day on a rest day moves to the next working day. */
  addDays(fromOn: string, n: number): string;
  /**
   * The same two with the years, lacking a recorded State Council arrangement, whose provisional
   * calendar the result relied on (src/law/provisional-calendar.ts: the earliest date the final
   * arrangement could give). Absent in test calendars: then nothing is provisional.
   */
  dated?: { addWorkingDays(fromOn: string, n: number, bound: Bound): DueDate; addDays(fromOn: string, n: number, bound: Bound): DueDate };
  /** Told of every deadline computed, so the action can store what it was computed from. */
  onComputed?(c: DeadlineComputation): void;
}

/**
 * Which 暂定 date a period takes across a year without a recorded arrangement (src/law/provisional-calendar.ts):
 * - 'earliest' for what the BUREAU must do by then (file, decide, serve): following it, the bureau never
 *   misses the real deadline;
 * - 'latest' for the end of a PARTY's window (statement, hearing request, payment before the surcharge)
 *   and for a minimum notice (hearingNotice): the bureau never acts before the party's real time is up,
 *   nor refuses a request the final calendar would find timely.
 */
export type Bound = 'earliest' | 'latest';

/** A due date and the years without a recorded arrangement it relied on (empty: final; else 暂定). */
export interface DueDate { dueOn: string; provisionalYears: number[] }

/** What a deadline was computed from, so it can be recomputed when the official calendar arrives. */
export interface DeadlineComputation extends DueDate { period: PeriodName; fromOn: string; extraDays: number }

/** `bound`: which 暂定 date across a year without a recorded arrangement; 'earliest' when absent. */
export interface Period { days: number; working: boolean; citation: Citation; bound?: Bound }

export const PERIODS = {
  // 生态环境行政处罚办法: check a lead and decide on filing within 15 days of discovery (unconfirmed).
  filing: { days: 15, working: false, citation: CITE.filingWindow, bound: 'earliest' },
  // 行政处罚法 第六十条: decide within 90 days of filing.
  decision: { days: 90, working: false, citation: CITE.decisionWithin90Days, bound: 'earliest' },
  // 行政处罚法 第四十四条 with 第八十五条: the bureau allows 5 working days to state and defend.
  statement: { days: 5, working: true, citation: CITE.notification, bound: 'latest' },
  // 行政处罚法 第六十四条 (一): a hearing is requested within 5 (working) days of notification.
  hearingRequest: { days: 5, working: true, citation: CITE.hearingProcedure, bound: 'latest' },
  // 行政处罚法 第六十四条 (二): the party is notified 7 (working) days before the hearing.
  hearingNotice: { days: 7, working: true, citation: CITE.hearingProcedure, bound: 'latest' },
  // 行政处罚法 第六十一条: served within 7 (working) days when not handed over on the spot.
  service: { days: 7, working: true, citation: CITE.service, bound: 'earliest' },
  // 行政处罚法 第六十七条: pay within 15 days of receiving the decision.
  payment: { days: 15, working: false, citation: CITE.payment, bound: 'latest' },
  // 行政处罚法 第五十六条: decide on evidence preserved by registration within 7 (working) days.
  evidencePreservation: { days: 7, working: true, citation: CITE.evidencePreservation, bound: 'earliest' },
} as const satisfies Record<string, Period>;
export type PeriodName = keyof typeof PERIODS;

/** The last day of `period` after `fromOn` (plus `extraDays`), and whether it is provisional (暂定). */
export function computeDue(cal: PeriodCalendar, period: PeriodName, fromOn: string, extraDays = 0): DueDate {
  const p: Period = PERIODS[period];
  const bound = p.bound ?? 'earliest';
  const n = p.days + extraDays;
  const due: DueDate = cal.dated
    ? (p.working ? cal.dated.addWorkingDays(fromOn, n, bound) : cal.dated.addDays(fromOn, n, bound))
    : { dueOn: p.working ? cal.addWorkingDays(fromOn, n) : cal.addDays(fromOn, n), provisionalYears: [] };
  cal.onComputed?.({ period, fromOn, extraDays, ...due });
  return due;
}

export function computeDueOn(cal: PeriodCalendar, period: PeriodName, fromOn: string, extraDays = 0): string {
  return computeDue(cal, period, fromOn, extraDays).dueOn;
}

/** Overdue when today is past the due date; due soon within `soonDays` natural days. */
export function deadlineState(dueOn: string, todayOn: string, soonDays = 3): 'overdue' | 'due_soon' | 'ok' {
  if (todayOn > dueOn) return 'overdue';
  const soon = new Date(`${todayOn}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return soon.toISOString().slice(0, 10) >= dueOn ? 'due_soon' : 'ok';
}
