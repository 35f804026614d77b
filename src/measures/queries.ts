// The only file of this capability that talks to the database.
import { and, asc, count, desc, eq, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { cases } from '../cases/index.js';
import { enterprises } from '../enterprises/index.js';
import { districts } from '../organisation/index.js';
import { users } from '../users/index.js';
import { measureEvents, measures } from './tables.js';
import type { MeasureKind, MeasureStatus } from './rules/kinds.js';

export type MeasureRow = typeof measures.$inferSelect;
export type MeasureEventRow = typeof measureEvents.$inferSelect;

/** District-bound users see only the measures of their district's cases. */
const scope = (p: Principal | null): SQL | undefined => (p === null || p.districtId === null ? undefined : eq(cases.districtId, p.districtId));

export async function findMeasureRow(db: DbOrTx, id: number, principal: Principal | null, lock = false): Promise<MeasureRow | null> {
  const q = db.select({ m: measures }).from(measures).innerJoin(cases, eq(cases.id, measures.caseId)).where(and(eq(measures.id, id), scope(principal)));
  const [row] = lock ? await q.for('update', { of: measures }) : await q;
  return row?.m ?? null;
}

export async function listMeasureRowsOfCase(db: DbOrTx, caseId: number): Promise<MeasureRow[]> {
  return db.select().from(measures).where(eq(measures.caseId, caseId)).orderBy(asc(measures.id));
}

export async function listEventsOf(db: DbOrTx, measureIds: number[]) {
  if (!measureIds.length) return [];
  return db.select({
    id: measureEvents.id, measureId: measureEvents.measureId, event: measureEvents.event, occurredOn: measureEvents.occurredOn,
    actorId: measureEvents.actorId, actorName: users.displayName, data: measureEvents.data, createdAt: measureEvents.createdAt,
  }).from(measureEvents).leftJoin(users, eq(users.id, measureEvents.actorId))
    .where(inArray(measureEvents.measureId, measureIds)).orderBy(asc(measureEvents.id));
}

export async function findUserNames(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertMeasureRow(tx: DbOrTx, values: typeof measures.$inferInsert): Promise<MeasureRow> {
  const [row] = await tx.insert(measures).values(values).returning();
  return row!;
}

export async function updateMeasureRow(tx: DbOrTx, id: number, values: Partial<typeof measures.$inferInsert>): Promise<MeasureRow> {
  const [row] = await tx.update(measures).set({ ...values, version: sql`${measures.version} + 1` }).where(eq(measures.id, id)).returning();
  return row!;
}

export async function insertMeasureEvent(tx: DbOrTx, values: typeof measureEvents.$inferInsert): Promise<void> {
  await tx.insert(measureEvents).values(values);
}

export interface MeasureFilter { kind?: MeasureKind; status?: MeasureStatus; year?: number; districtId?: number; caseId?: number; overdueOn?: string }

function conditions(p: Principal, f: MeasureFilter, withKind: boolean): SQL | undefined {
  const c: (SQL | undefined)[] = [scope(p)];
  if (withKind && f.kind) c.push(eq(measures.kind, f.kind));
  if (f.status) c.push(eq(measures.status, f.status));
  if (f.year) c.push(sql`${measures.startedOn} >= ${`${f.year}-01-01`} and ${measures.startedOn} <= ${`${f.year}-12-31`}`);
  if (f.districtId) c.push(eq(cases.districtId, f.districtId));
  if (f.caseId) c.push(eq(measures.caseId, f.caseId));
  if (f.overdueOn) c.push(and(isNotNull(measures.dueOn), lt(measures.dueOn, f.overdueOn)));
  return and(...c);
}

/** Measures across cases (for the statistics and the deadlines), with the count of each kind under the same filter. */
export async function listMeasures(db: Db, principal: Principal, f: MeasureFilter, page: { page: number; pageSize: number }) {
  const where = conditions(principal, f, true);
  const [total] = await db.select({ n: count() }).from(measures).innerJoin(cases, eq(cases.id, measures.caseId)).where(where);
  const items = await db.select({
    id: measures.id, caseId: measures.caseId, caseNumber: cases.number, enterpriseName: enterprises.name, districtId: cases.districtId,
    districtName: districts.name, kind: measures.kind, status: measures.status, basis: measures.basis, startedOn: measures.startedOn,
    dueOn: measures.dueOn, endedOn: measures.endedOn, responsibleOfficerId: measures.responsibleOfficerId, responsibleOfficerName: users.displayName,
    record: measures.record,
  }).from(measures)
    .innerJoin(cases, eq(cases.id, measures.caseId))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .innerJoin(users, eq(users.id, measures.responsibleOfficerId))
    .where(where).orderBy(desc(measures.startedOn), desc(measures.id))
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const byKind = await db.select({ kind: measures.kind, n: count() }).from(measures).innerJoin(cases, eq(cases.id, measures.caseId))
    .where(conditions(principal, f, false)).groupBy(measures.kind);
  return { items, total: Number(total?.n ?? 0), countsByKind: Object.fromEntries(byKind.map((r) => [r.kind, Number(r.n)])) as Partial<Record<MeasureKind, number>> };
}

/**
 * Measures of each kind begun in a year (the year-end report's C7 figures). A crime transfer the head
 * did not approve was never transferred, so it is not counted.
 */
export async function countMeasuresByKind(db: Db, year: number): Promise<Record<MeasureKind, number>> {
  const rows = await db.select({ kind: measures.kind, n: count() }).from(measures)
    .where(and(sql`${measures.startedOn} >= ${`${year}-01-01`} and ${measures.startedOn} <= ${`${year}-12-31`}`, ne(measures.status, 'not_approved')))
    .groupBy(measures.kind);
  const out = { daily_penalty: 0, seizure: 0, production_restriction: 0, detention_transfer: 0, crime_transfer: 0 };
  for (const r of rows) out[r.kind] = Number(r.n);
  return out;
}
