// The official calendar (2020–2026 seed data) as the measure rules see it, for their tests.
import { CN_HOLIDAY_ARRANGEMENTS } from '../../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../../law/holiday-arrangement.js';
import { addCalendarDays, addWorkingDays } from '../../law/working-days.js';
import type { Result } from '../../law/outcome.js';
import type { MeasureCalendar } from './periods.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const unwrap = (r: Result<string>) => { if (!r.ok) throw new Error(r.code); return r.value; };

export const TEST_CALENDAR: MeasureCalendar = {
  addWorkingDays: (fromOn, n) => unwrap(addWorkingDays(cal, fromOn, n)),
  addDays: (fromOn, n) => unwrap(addCalendarDays(cal, fromOn, n)),
};
