// The case rules' view of the official calendar: deadline arithmetic that refuses uncovered years.
import type { Db } from '../platform/db/index.js';
import { addCalendarDays, addWorkingDays, buildWorkingCalendar, type WorkingCalendar } from '../law/working-days.js';
import type { Refusal, Result } from '../law/outcome.js';
import { CN_HOLIDAY_ARRANGEMENTS } from '../law/data/cn-holidays.js';
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

export async function loadPeriodCalendar(_db: Db): Promise<PeriodCalendar> {
  const days = CN_HOLIDAY_ARRANGEMENTS.flatMap((a) => a.days);
  return periodCalendarOf(buildWorkingCalendar({
    years: CN_HOLIDAY_ARRANGEMENTS.map((a) => a.year),
    restDays: days.filter((d) => d.kind === 'rest').map((d) => d.on),
    workDays: days.filter((d) => d.kind === 'work').map((d) => d.on),
  }));
}
