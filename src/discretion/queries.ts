// The only file of the discretion capability that talks to the database. Cases are read from their
// tables directly (the cases capability owns them).
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { caseOfficers, cases, caseSteps } from '../cases/index.js';
import { districts } from '../organisation/index.js';
import { users } from '../users/index.js';
import { discretionCalculations, discretionTables } from './tables.js';
import type { BenchmarkTable } from './rules/benchmark.js';

export type TableRow = typeof discretionTables.$inferSelect;

export const asBenchmark = (r: TableRow): BenchmarkTable => ({
  code: r.code, version: r.version, title: r.title, violatedProvision: r.violatedProvision, penaltyProvision: r.penaltyProvision,
  range: r.range, factors: r.factors, baselinePercent: r.baselinePercent, roundingFen: r.roundingFen,
});

export async function listAllTableVersions(db: DbOrTx): Promise<TableRow[]> {
  return db.select().from(discretionTables).orderBy(asc(discretionTables.code), asc(discretionTables.version));
}

export async function listVersions(db: DbOrTx, code: string): Promise<TableRow[]> {
  return db.select().from(discretionTables).where(eq(discretionTables.code, code)).orderBy(asc(discretionTables.version));
}

export async function findTable(db: DbOrTx, id: number): Promise<TableRow | null> {
  const [row] = await db.select().from(discretionTables).where(eq(discretionTables.id, id));
  return row ?? null;
}

// Always qualified: drizzle leaves columns unqualified in a query without joins, where a subquery would misread them.
const CASE_ID = sql.raw('"cases"."id"');

const caseScope = (p: Principal | null): SQL | undefined => (p && p.districtId !== null ? eq(cases.districtId, p.districtId) : undefined);

export async function findCaseForDiscretion(db: DbOrTx, caseId: number, principal: Principal | null) {
  const [row] = await db.select({
    id: cases.id, number: cases.number, districtId: cases.districtId, enterpriseId: cases.enterpriseId, filedOn: cases.filedOn, actOn: cases.actOn, stage: cases.stage, proposal: cases.proposal,
    decisionKind: cases.decisionKind, decisionFineFen: cases.decisionFineFen, decidedOn: cases.decidedOn,
  }).from(cases).where(and(eq(cases.id, caseId), caseScope(principal)));
  return row ?? null;
}

/**
 * Every case of an enterprise with its decision, and whether a reconsideration or lawsuit revoked it
 * (the 违法次数 rule's input). Not narrowed to the user's district: the party's record is the bureau's.
 */
export async function listPartyCases(db: DbOrTx, enterpriseId: number) {
  const revoked = sql<boolean>`exists (select 1 from ${caseSteps} s where s.case_id = ${CASE_ID} and s.kind = 'remedy_ended' and s.data->>'outcome' = 'revoked')`;
  return db.select({ id: cases.id, number: cases.number, decisionKind: cases.decisionKind, decidedOn: cases.decidedOn, revoked })
    .from(cases).where(eq(cases.enterpriseId, enterpriseId)).orderBy(asc(cases.id));
}

/** The case's calculations, newest first, with the table version each used. */
export async function listCalculations(db: DbOrTx, caseId: number) {
  return db.select({ calc: discretionCalculations, table: discretionTables, calculatedByName: users.displayName })
    .from(discretionCalculations).innerJoin(discretionTables, eq(discretionTables.id, discretionCalculations.tableId))
    .innerJoin(users, eq(users.id, discretionCalculations.calculatedById))
    .where(eq(discretionCalculations.caseId, caseId)).orderBy(desc(discretionCalculations.id));
}

export async function latestCalculation(db: DbOrTx, caseId: number) {
  const [row] = await db.select({ calc: discretionCalculations, table: discretionTables }).from(discretionCalculations)
    .innerJoin(discretionTables, eq(discretionTables.id, discretionCalculations.tableId))
    .where(eq(discretionCalculations.caseId, caseId)).orderBy(desc(discretionCalculations.id)).limit(1);
  return row ?? null;
}

export interface ConsistencyFilter { fromOn?: string; toOn?: string; tableCode?: string; districtId?: number }

/** Decided penalty cases with a stored calculation (the latest per case), with their district and lead officer. */
export async function listDecidedFines(db: DbOrTx, principal: Principal, f: ConsistencyFilter) {
  const latest = sql`${discretionCalculations.id} = (select max(dc.id) from ${discretionCalculations} dc where dc.case_id = ${CASE_ID})`;
  const c: (SQL | undefined)[] = [caseScope(principal), eq(cases.decisionKind, 'penalty'), latest];
  if (f.fromOn) c.push(gte(cases.decidedOn, f.fromOn));
  if (f.toOn) c.push(lt(cases.decidedOn, f.toOn));
  if (f.tableCode) c.push(eq(discretionTables.code, f.tableCode));
  if (f.districtId) c.push(eq(cases.districtId, f.districtId));
  return db.select({
    caseId: cases.id, number: cases.number, decidedOn: cases.decidedOn, tableCode: discretionTables.code, tableTitle: discretionTables.title,
    districtName: districts.name, computedFen: discretionCalculations.computedFen, decidedFen: sql<number>`coalesce(${cases.decisionFineFen}, 0)::bigint`.mapWith(Number),
    officerName: sql<string>`coalesce((select u.display_name from ${caseOfficers} co join ${users} u on u.id = co.user_id where co.case_id = ${CASE_ID} and co.lead limit 1), '—')`,
  }).from(cases)
    .innerJoin(discretionCalculations, eq(discretionCalculations.caseId, cases.id))
    .innerJoin(discretionTables, eq(discretionTables.id, discretionCalculations.tableId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(...c)).orderBy(asc(cases.decidedOn), asc(cases.id));
}

/** Decided penalty cases with a fine but no calculation: what the report cannot judge. */
export async function countUncalculated(db: DbOrTx, principal: Principal, f: ConsistencyFilter): Promise<number> {
  const c: (SQL | undefined)[] = [caseScope(principal), eq(cases.decisionKind, 'penalty'), sql`${cases.decisionFineFen} > 0`,
    sql`not exists (select 1 from ${discretionCalculations} dc where dc.case_id = ${CASE_ID})`];
  if (f.fromOn) c.push(gte(cases.decidedOn, f.fromOn));
  if (f.toOn) c.push(lt(cases.decidedOn, f.toOn));
  if (f.districtId) c.push(eq(cases.districtId, f.districtId));
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(and(...c));
  return Number(n?.n ?? 0);
}
