import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CalendarDayKind } from '../law/data/cn-holidays.js';

/** Years whose State Council holiday arrangement (部分节假日安排的通知) is on record. */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  /** Document number(s) of the notice, e.g. 国办发明电〔2025〕7号. */
  source: text('source').notNull(),
  note: text('note'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * The days a year's arrangement changes: rest days (放假调休, weekend days inside a block included)
 * and adjusted working weekend days (调休上班). Every other weekday works and every other weekend rests.
 */
export const calendarDays = pgTable('calendar_days', {
  on: date('date', { mode: 'string' }).primaryKey(),
  year: integer('year').notNull().references(() => holidayYears.year, { onDelete: 'cascade' }),
  kind: text('kind').$type<CalendarDayKind>().notNull(),
  /** The festival as the notice names it: 春节, 国庆节、中秋节 … */
  name: text('name').notNull(),
  /** Document number of the notice that sets this day. */
  source: text('source').notNull(),
}, (t) => [
  index('calendar_days_year_idx').on(t.year),
  check('calendar_days_kind', sql`${t.kind} in ('rest', 'work')`),
  check('calendar_days_in_year', sql`extract(year from ${t.on}) = ${t.year}`),
]);
