// The only file of the disclosure capability that talks to the database.
import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { cases, caseSteps } from '../cases/index.js';
import { districts } from '../organisation/index.js';
import { enterprises } from '../enterprises/index.js';
import { penaltyPublications, publicListVersions } from './tables.js';

export type PublicationRow = typeof penaltyPublications.$inferSelect;

/** Decided penalty cases without a publication (due), within the district scope. */
export async function listUnpublishedDecisions(db: DbOrTx, districtId: number | null) {
  return db.select({
    caseId: cases.id, number: cases.number, decisionNumber: cases.decisionNumber, decidedOn: cases.decidedOn, districtId: cases.districtId,
    districtName: districts.name, enterpriseName: enterprises.name, fineFen: cases.decisionFineFen,
  }).from(cases)
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .leftJoin(penaltyPublications, eq(penaltyPublications.caseId, cases.id))
    .where(and(eq(cases.decisionKind, 'penalty'), isNotNull(cases.decidedOn), isNull(penaltyPublications.id), districtId === null ? undefined : eq(cases.districtId, districtId)))
    .orderBy(asc(cases.decidedOn), asc(cases.id));
}

/** Published records with the latest remedy that changed or revoked the decision (a withdrawal is due). */
export async function listPublicationsNeedingWithdrawal(db: DbOrTx, districtId: number | null) {
  const rows = await db.select({
    publication: penaltyPublications,
    districtName: districts.name,
    changedOn: sql<string | null>`(select ${caseSteps.occurredOn}::text from ${caseSteps} where ${caseSteps.caseId} = ${penaltyPublications.caseId} and ${caseSteps.kind} = 'remedy_ended' and ${caseSteps.data}->>'outcome' in ('changed', 'revoked') order by ${caseSteps.id} desc limit 1)`,
  }).from(penaltyPublications).innerJoin(districts, eq(districts.id, penaltyPublications.districtId))
    .where(and(eq(penaltyPublications.status, 'published'), districtId === null ? undefined : eq(penaltyPublications.districtId, districtId)));
  return rows.filter((r) => r.changedOn !== null) as (typeof rows[number] & { changedOn: string })[];
}

export async function listStaffPublications(db: DbOrTx, districtId: number | null, limit = 200) {
  return db.select({ publication: penaltyPublications, districtName: districts.name }).from(penaltyPublications)
    .innerJoin(districts, eq(districts.id, penaltyPublications.districtId))
    .where(districtId === null ? undefined : eq(penaltyPublications.districtId, districtId))
    .orderBy(desc(penaltyPublications.publishedAt), desc(penaltyPublications.id)).limit(limit);
}

/** The case, its party and district, for the record (the case row locked while publishing). */
export async function loadDecisionSource(db: DbOrTx, caseId: number, lock: boolean) {
  const q = db.select({
    caseId: cases.id, districtId: cases.districtId, enterpriseId: cases.enterpriseId, partyKind: cases.partyKind, cause: cases.cause,
    decisionKind: cases.decisionKind, decisionNumber: cases.decisionNumber, decidedOn: cases.decidedOn, fineFen: cases.decisionFineFen,
    proposal: cases.proposal, decision: cases.decision,
    enterpriseName: enterprises.name, creditCode: enterprises.creditCode, legalRepresentative: enterprises.legalRepresentative, address: enterprises.address,
    districtName: districts.name,
  }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).innerJoin(districts, eq(districts.id, cases.districtId))
    .where(eq(cases.id, caseId));
  const [row] = lock ? await q.for('update', { of: cases }) : await q;
  return row ?? null;
}

export async function findPublicationByCase(db: DbOrTx, caseId: number) {
  const [row] = await db.select().from(penaltyPublications).where(eq(penaltyPublications.caseId, caseId));
  return row ?? null;
}

export async function findPublication(db: DbOrTx, id: number, lock = false): Promise<PublicationRow | null> {
  const q = db.select().from(penaltyPublications).where(eq(penaltyPublications.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertPublication(db: DbOrTx, values: typeof penaltyPublications.$inferInsert): Promise<PublicationRow> {
  const [row] = await db.insert(penaltyPublications).values(values).returning();
  await bumpPublicListVersion(db);
  return row!;
}

export async function markWithdrawn(db: DbOrTx, id: number, values: { withdrawnOn: string; withdrawnAt: Date; withdrawnById: number; withdrawalReason: string }) {
  const [row] = await db.update(penaltyPublications).set({ ...values, status: 'withdrawn', updatedAt: values.withdrawnAt }).where(eq(penaltyPublications.id, id)).returning();
  await bumpPublicListVersion(db);
  return row!;
}

export interface PublicFilter { districtId?: number; enterpriseId?: number; year?: number }
const publicWhere = (f: PublicFilter): SQL | undefined => and(
  f.districtId === undefined ? undefined : eq(penaltyPublications.districtId, f.districtId),
  // An individual's (个体) decision is never found by its register entry: that would tie "X某" to a name.
  f.enterpriseId === undefined ? undefined : and(eq(penaltyPublications.enterpriseId, f.enterpriseId), sql`${penaltyPublications.record}->>'partyKind' = 'organisation'`),
  f.year === undefined ? undefined : eq(penaltyPublications.year, f.year),
);

const PUBLIC_DECISIONS_LIST = 'penalty-decisions';

/** Raised by every write of penalty_publications, in the writer's transaction (the row lock orders writers). */
async function bumpPublicListVersion(db: DbOrTx) {
  await db.insert(publicListVersions).values({ list: PUBLIC_DECISIONS_LIST, version: 1 })
    .onConflictDoUpdate({ target: publicListVersions.list, set: { version: sql`${publicListVersions.version} + 1` } });
}

/** The public decision list's version (0 before the first publication): one primary-key lookup. */
export async function publicListVersion(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ version: publicListVersions.version }).from(publicListVersions).where(eq(publicListVersions.list, PUBLIC_DECISIONS_LIST));
  return row?.version ?? 0;
}

/** Totals per (version, filter): a version never returns to an earlier state, so an entry is never stale. */
const totals = new Map<string, number>();

export async function countPublic(db: DbOrTx, f: PublicFilter, version: number): Promise<number> {
  const key = `${version}|${f.districtId ?? ''}|${f.enterpriseId ?? ''}|${f.year ?? ''}`;
  const held = totals.get(key);
  if (held !== undefined) return held;
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int`.mapWith(Number) }).from(penaltyPublications).where(publicWhere(f));
  if (totals.size >= 1000) totals.clear();
  totals.set(key, total);
  return total;
}

/** One page of the public list, newest decision first. */
export async function listPublic(db: DbOrTx, f: PublicFilter, page: number, pageSize: number, version?: number) {
  const where = publicWhere(f);
  // The version is read before the count: a count cached under it can only be newer than it, never older.
  const total = await countPublic(db, f, version ?? await publicListVersion(db));
  const rows = await db.select().from(penaltyPublications).where(where)
    .orderBy(desc(penaltyPublications.decidedOn), desc(penaltyPublications.id)).limit(pageSize).offset((page - 1) * pageSize);
  return { total, rows };
}

/** Keyset pages for the downloads (newest first): never the whole list in memory. */
export async function publicPageAfter(db: DbOrTx, f: PublicFilter, after: { decidedOn: string; id: number } | null, size: number) {
  const cursor = after === null ? undefined : or(lt(penaltyPublications.decidedOn, after.decidedOn), and(eq(penaltyPublications.decidedOn, after.decidedOn), lt(penaltyPublications.id, after.id)));
  return db.select().from(penaltyPublications).where(and(publicWhere(f), cursor))
    .orderBy(desc(penaltyPublications.decidedOn), desc(penaltyPublications.id)).limit(size);
}

/** The feed's entries: latest published or withdrawn, by when that happened. */
export async function latestChanges(db: DbOrTx, f: PublicFilter, limit: number) {
  const changedAt = sql<Date>`coalesce(${penaltyPublications.withdrawnAt}, ${penaltyPublications.publishedAt})`;
  return db.select().from(penaltyPublications).where(publicWhere(f)).orderBy(desc(changedAt), desc(penaltyPublications.id)).limit(limit);
}

export async function findPublicEnterprise(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, districtId: enterprises.districtId, districtName: districts.name })
    .from(enterprises).innerJoin(districts, eq(districts.id, enterprises.districtId)).where(eq(enterprises.id, id));
  return row ?? null;
}

export async function findDistrict(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, id));
  return row ?? null;
}

export async function listPublicDistricts(db: DbOrTx) {
  return db.select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.id));
}


export async function updatePublicationRecord(db: DbOrTx, id: number, values: Pick<PublicationRow, 'record' | 'corrections' | 'updatedAt'>) {
  const [row] = await db.update(penaltyPublications).set(values).where(eq(penaltyPublications.id, id)).returning();
  await bumpPublicListVersion(db);
  return row!;
}
