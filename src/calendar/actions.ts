import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/index.js';
import { calendarDays, holidayYears } from './tables.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { actorOf, appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import type { Principal } from '../platform/auth/roles.js';
import { CN_HOLIDAY_ARRANGEMENTS, type HolidayArrangement } from '../law/data/cn-holidays.js';
import { findArrangementProblems } from '../law/holiday-arrangement.js';
import { findHolidayYear, listRecordedYears, type HolidayYearDetail } from './queries.js';
import { afterHolidayYearRecorded } from './hooks.js';

export interface HolidayYearInput {
  source: string;
  note: string | null;
  days: { on: string; kind: 'rest' | 'work'; name: string; source?: string | null }[];
}

async function writeYear(tx: Tx, year: number, input: HolidayYearInput, now: Date): Promise<void> {
  await tx.delete(calendarDays).where(eq(calendarDays.year, year));
  await tx.insert(holidayYears).values({ year, source: input.source, note: input.note, updatedAt: now })
    .onConflictDoUpdate({ target: holidayYears.year, set: { source: input.source, note: input.note, updatedAt: now } });
  if (input.days.length) {
    await tx.insert(calendarDays).values(input.days.map((d) => ({ on: d.on, year, kind: d.kind, name: d.name, source: d.source || input.source })));
  }
}

/** The stored arrangement in the input's shape, for the audit's before/after. */
const snapshot = (y: HolidayYearDetail): HolidayYearInput => ({ source: y.source, note: y.note, days: y.days });

const normalise = (input: HolidayYearInput): HolidayYearInput => ({
  source: input.source.trim(),
  note: input.note?.trim() || null,
  days: input.days
    .map((d) => ({ on: d.on, kind: d.kind, name: d.name.trim(), source: d.source?.trim() || input.source.trim() }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
});

/**
 * Adds or replaces one year's arrangement (行政处罚法 第八十五条 periods depend on it), after the
 * checks of findArrangementProblems; the first problem is returned with the offending field.
 * Every open deadline computed on the year's provisional calendar (暂定) is recomputed in the same
 * transaction, each change audited (src/cases/deadline-records.ts, registered in ./hooks.ts).
 */
export async function putHolidayYear(db: Db, principal: Principal, year: number, input: HolidayYearInput & { reason?: string | null }, now: Date):
  Promise<Result<{ created: boolean; detail: HolidayYearDetail; deadlines: { recomputed: number; changed: number } }>> {
  const problems = findArrangementProblems(year, input.days);
  if (problems.length) {
    const p = problems[0]!;
    return refuse(p.code, undefined, p.index === null ? 'days' : `days.${p.index}.on`);
  }
  const f = normalise(input);
  return db.transaction(async (tx) => {
    const before = await findHolidayYear(tx, year);
    await writeYear(tx, year, f, now);
    await appendAudit(tx, actorOf(principal), {
      action: before ? 'calendar.year.replace' : 'calendar.year.create', entity: 'calendar_year', entityId: year,
      before: before ? snapshot(before) : undefined, after: f, reason: input.reason ?? null,
    }, now);
    const deadlines = await afterHolidayYearRecorded(tx, actorOf(principal), year, f.source, now);
    return success({ created: !before, detail: (await findHolidayYear(tx, year))!, deadlines });
  });
}

/**
 * Loads the State Council arrangements of src/law/data/cn-holidays.ts for every year not yet on
 * record (idempotent: recorded years, including ones an administrator changed, are left alone).
 */
export async function seedCalendar(db: Db, now: Date, arrangements: readonly HolidayArrangement[] = CN_HOLIDAY_ARRANGEMENTS,
  actor: Actor = SYSTEM_ACTOR): Promise<{ years: number[] }> {
  return db.transaction(async (tx) => {
    const recorded = new Set(await listRecordedYears(tx));
    const missing = arrangements.filter((a) => !recorded.has(a.year));
    if (!missing.length) return { years: [] };
    for (const a of missing) await writeYear(tx, a.year, { source: a.source, note: a.note, days: a.days }, now);
    const years = missing.map((a) => a.year);
    await appendAudit(tx, actor, {
      action: 'calendar.seed', entity: 'calendar_year', entityId: years.join(','),
      after: missing.map((a) => ({ year: a.year, source: a.source, restDays: a.days.filter((d) => d.kind === 'rest').length, workDays: a.days.filter((d) => d.kind === 'work').length })),
      reason: '国务院办公厅部分节假日安排通知 reference data',
    }, now);
    return { years };
  });
}
