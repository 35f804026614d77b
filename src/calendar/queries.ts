import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { calendarDays, holidayYears } from './tables.js';
import { buildWorkingCalendar, type WorkingCalendar } from '../law/working-days.js';

const dayColumns = { on: calendarDays.on, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source };

export async function listHolidayYears(db: DbOrTx) {
  return db.select({
    year: holidayYears.year, source: holidayYears.source, note: holidayYears.note, updatedAt: holidayYears.updatedAt,
    restDays: sql<number>`(count(*) filter (where ${calendarDays.kind} = 'rest'))::int`,
    workDays: sql<number>`(count(*) filter (where ${calendarDays.kind} = 'work'))::int`,
  }).from(holidayYears).leftJoin(calendarDays, eq(calendarDays.year, holidayYears.year))
    .groupBy(holidayYears.year).orderBy(asc(holidayYears.year));
}

/** One year's arrangement with its days in date order, or null when the year is not on record. */
export async function findHolidayYear(db: DbOrTx, year: number) {
  const [row] = await db.select().from(holidayYears).where(eq(holidayYears.year, year));
  if (!row) return null;
  const days = await db.select(dayColumns).from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.on));
  return { ...row, days };
}
export type HolidayYearDetail = NonNullable<Awaited<ReturnType<typeof findHolidayYear>>>;

export async function listRecordedYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.select({ year: holidayYears.year }).from(holidayYears);
  return rows.map((r) => r.year);
}

/** The pure working calendar (行政处罚法 第八十五条 periods) from the recorded arrangements. */
export async function loadWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  const years = await listRecordedYears(db);
  const days = await db.select({ on: calendarDays.on, kind: calendarDays.kind }).from(calendarDays);
  return buildWorkingCalendar({
    years,
    restDays: days.filter((d) => d.kind === 'rest').map((d) => d.on),
    workDays: days.filter((d) => d.kind === 'work').map((d) => d.on),
  });
}
