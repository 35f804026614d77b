// Statutory periods: computed from dates, never typed in.
import { CITE } from './citations.js';
import type { Citation } from '../../law/outcome.js';

/** Date arithmetic the periods need; built from the official holiday calendar (行政处罚法 第八十五条). */
export interface PeriodCalendar {
  /** n working days after `fromOn` (the starting day is not counted). */
  addWorkingDays(fromOn: string, n: number): string;
  /** n natural days after `fromOn`; a last day on a rest day moves to the next working day. */
  addDays(fromOn: string, n: number): string;
}

export interface Period { days: number; working: boolean; citation: Citation }

export const PERIODS = {
  // 生态环境行政处罚办法: check a lead and decide on filing within 15 days of discovery (unconfirmed).
  filing: { days: 15, working: false, citation: CITE.filingWindow },
  // 行政处罚法 第六十条: decide within 90 days of filing.
  decision: { days: 90, working: false, citation: CITE.decisionWithin90Days },
  // 行政处罚法 第四十四条 with 第八十五条: the bureau allows 5 working days to state and defend.
  statement: { days: 5, working: true, citation: CITE.notification },
  // 行政处罚法 第六十四条 (一): a hearing is requested within 5 (working) days of notification.
  hearingRequest: { days: 5, working: true, citation: CITE.hearingProcedure },
  // 行政处罚法 第六十四条 (二): the party is notified 7 (working) days before the hearing.
  hearingNotice: { days: 7, working: true, citation: CITE.hearingProcedure },
  // 行政处罚法 第六十一条: served within 7 (working) days when not handed over on the spot.
  service: { days: 7, working: true, citation: CITE.service },
  // 行政处罚法 第六十七条: pay within 15 days of receiving the decision.
  payment: { days: 15, working: false, citation: CITE.payment },
  // 行政处罚法 第五十六条: decide on evidence preserved by registration within 7 (working) days.
  evidencePreservation: { days: 7, working: true, citation: CITE.evidencePreservation },
} as const satisfies Record<string, Period>;
export type PeriodName = keyof typeof PERIODS;

export function computeDueOn(cal: PeriodCalendar, period: PeriodName, fromOn: string, extraDays = 0): string {
  const p = PERIODS[period];
  return p.working ? cal.addWorkingDays(fromOn, p.days + extraDays) : cal.addDays(fromOn, p.days + extraDays);
}

/** Overdue when today is past the due date; due soon within `soonDays` natural days. */
export function deadlineState(dueOn: string, todayOn: string, soonDays = 3): 'overdue' | 'due_soon' | 'ok' {
  if (todayOn > dueOn) return 'overdue';
  const soon = new Date(`${todayOn}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return soon.toISOString().slice(0, 10) >= dueOn ? 'due_soon' : 'ok';
}
