// Period arithmetic the measures need. Pure: the official calendar is passed in.
//
// Two kinds of period, counted differently on purpose:
// - A time limit for doing something (the police transfer within 3 days, serving a decision within
//   7 working days, filing a rectification plan within 15 working days): the starting day is not
//   counted, and a natural-day limit whose last day is a rest day ends on the next working day —
//   the same counting the case procedure uses (src/law/working-days.ts explains the sources).
// - The longest a coercive measure may last (seizure 30 days, production restriction 3 months):
//   the measure ends on the last day of the period and is never carried over a weekend, because
//   carrying it over would coerce the party for longer than the law allows.
import { addDays, daysInMonth, yearOf } from '../../law/civil-date.js';

/** The official calendar, as src/cases/calendar.ts adapts it (the same shape as the case rules' PeriodCalendar). */
export interface MeasureCalendar {
  /** n working days after `fromOn` (the starting day is not counted). */
  addWorkingDays(fromOn: string, n: number): string;
  /** n natural days after `fromOn`; a last day on a rest day moves to the next working day. */
  addDays(fromOn: string, n: number): string;
}

/**
 * The last day of a period of `n` months after `fromOn`. 民法典 第二百零一条: the starting day is not
 * counted; 第二百零二条: a period in months ends on the corresponding day of the final month, or on
 * that month's last day when it has no such day (1 month from 31 January ends on 28/29 February).
 */
export function addMonths(fromOn: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number of months: ${n}`);
  const total = yearOf(fromOn) * 12 + (Number(fromOn.slice(5, 7)) - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(fromOn.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last day a measure lasting `days` natural days from `fromOn` may run (no roll-forward). */
export function lastDayOf(fromOn: string, days: number): string {
  return addDays(fromOn, days);
}

/** Overdue when today is past the due date; due soon within three natural days. */
export function deadlineStateOf(dueOn: string | null, todayOn: string): 'overdue' | 'due_soon' | 'ok' | null {
  if (dueOn === null) return null;
  if (todayOn > dueOn) return 'overdue';
  return addDays(todayOn, 3) >= dueOn ? 'due_soon' : 'ok';
}
