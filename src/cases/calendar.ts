// The case rules' view of the official calendar: deadline arithmetic that refuses uncovered years.
import type { Db } from '../platform/db/index.js';
import { addCalendarDays, addWorkingDays, type WorkingCalendar } from '../law/working-days.js';
import type { Refusal, Result } from '../law/outcome.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import type { PeriodCalendar } from './rules/deadlines.js';

/** Thrown inside a case action when a deadline falls in a year the calendar lacks; the action turns it into its refusal. */
export class CalendarRefusal extends Error {
  constructor(readonly refusal: Refusal) { super(refusal.code); }
}

const unwrap = (r: Result<string>): string => { if (!r.ok) throw new CalendarRefusal(r); return r.value; };

export function periodCalendarOf(cal: WorkingCalendar): PeriodCalendar {
  return {
    addWorkingDays: (fromOn, n) => unwrap(addWorkingDays(cal, fromOn, n)),
    addDays: (fromOn, n) => unwrap(addCalendarDays(cal, fromOn, n)),
  };
}

/** The calendar administrators keep (src/calendar), so their corrections reach every deadline. */
export async function loadPeriodCalendar(db: Db): Promise<PeriodCalendar> {
  return periodCalendarOf(await loadWorkingCalendar(db));
}
