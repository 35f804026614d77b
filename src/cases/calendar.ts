// The case rules' view of the holiday calendar: deadline arithmetic on the recorded arrangements and,
// for a year without one, on the provisional calendar (src/law/provisional-calendar.ts). Never refuses;
// every deadline computed is logged with what it was computed from, for deadline-records.ts to store.
import type { DbOrTx } from '../platform/db/index.js';
import { addCalendarDays, addWorkingDays, type Dated, type WorkingCalendar } from '../law/working-days.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { changeCache, onTables } from '../platform/db/change-feed.js';
import type { DeadlineComputation, DueDate, PeriodCalendar } from './rules/deadlines.js';

/** A period calendar that keeps the deadlines computed on it since it was built. */
export interface LoggingPeriodCalendar extends PeriodCalendar {
  readonly computed: DeadlineComputation[];
}

const due = (r: Dated<string>): DueDate => ({ dueOn: r.value, provisionalYears: r.provisionalYears ?? [] });

export function periodCalendarOf(cal: WorkingCalendar): LoggingPeriodCalendar {
  const computed: DeadlineComputation[] = [];
  return {
    computed,
    addWorkingDays: (fromOn, n) => addWorkingDays(cal, fromOn, n).value,
    addDays: (fromOn, n) => addCalendarDays(cal, fromOn, n).value,
    dated: {
      addWorkingDays: (fromOn, n, bound) => due(addWorkingDays(cal, fromOn, n, bound)),
      addDays: (fromOn, n, bound) => due(addCalendarDays(cal, fromOn, n, bound)),
    },
    onComputed: (c) => { computed.push(c); },
  };
}

/**
 * The calendar administrators keep (src/calendar), so their corrections reach every deadline. Kept per
 * process (it is read by nearly every case request) and dropped the moment holiday_years or
 * calendar_days change (their triggers NOTIFY in the changing transaction, drizzle/0023); a fresh
 * logging wrapper each call. Inside a transaction it is always loaded.
 */
export async function loadPeriodCalendar(db: DbOrTx): Promise<LoggingPeriodCalendar> {
  const cache = changeCache<WorkingCalendar>(db, 'working-calendar', 60_000, 1, onTables('holiday_years', 'calendar_days'));
  return periodCalendarOf(cache ? await cache.load('calendar', () => loadWorkingCalendar(db)) : await loadWorkingCalendar(db));
}
