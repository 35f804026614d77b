// The only file of the exemptions capability that talks to the database. Cases are read from their
// tables directly (the cases capability owns them; nothing here writes them).
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { cases } from '../cases/index.js';
import { enterprises } from '../enterprises/index.js';
import { districts } from '../organisation/index.js';
import { users } from '../users/index.js';
import { caseExemptionFacts, caseStatutoryGrounds, exemptionCatalogues, exemptionEntries, exemptions } from './tables.js';
import type { PriorViolation } from './rules/eligibility.js';

export type CatalogueRow = typeof exemptionCatalogues.$inferSelect;
export type EntryRow = typeof exemptionEntries.$inferSelect;

export async function listCatalogues(db: DbOrTx) {
  return db.select({
    id: exemptionCatalogues.id, code: exemptionCatalogues.code, title: exemptionCatalogues.title, documentNumber: exemptionCatalogues.documentNumber,
    issuer: exemptionCatalogues.issuer, effectiveOn: exemptionCatalogues.effectiveOn, expiresOn: exemptionCatalogues.expiresOn, note: exemptionCatalogues.note,
    entryCount: sql<number>`(select count(*)::int from ${exemptionEntries} e where e.catalogue_id = "exemption_catalogues"."id")`,
  }).from(exemptionCatalogues).orderBy(asc(exemptionCatalogues.effectiveOn), asc(exemptionCatalogues.id));
}

export async function findCatalogue(db: DbOrTx, id: number) {
  const [row] = await db.select().from(exemptionCatalogues).where(eq(exemptionCatalogues.id, id));
  if (!row) return null;
  const entries = await db.select().from(exemptionEntries).where(eq(exemptionEntries.catalogueId, id)).orderBy(asc(exemptionEntries.seq));
  return { ...row, entries };
}

export async function findCatalogueByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(exemptionCatalogues).where(eq(exemptionCatalogues.code, code));
  return row ?? null;
}

export async function findEntry(db: DbOrTx, id: number) {
  const [row] = await db.select({ entry: exemptionEntries, catalogue: exemptionCatalogues }).from(exemptionEntries)
    .innerJoin(exemptionCatalogues, eq(exemptionCatalogues.id, exemptionEntries.catalogueId)).where(eq(exemptionEntries.id, id));
  return row ?? null;
}

export async function nextEntrySeq(db: DbOrTx, catalogueId: number): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${exemptionEntries.seq})` }).from(exemptionEntries).where(eq(exemptionEntries.catalogueId, catalogueId));
  return Number(row?.max ?? 0) + 1;
}

/** Entries of every batch in force on a day. */
export async function listEntriesInForce(db: DbOrTx, on: string) {
  return db.select({ entry: exemptionEntries, catalogue: exemptionCatalogues }).from(exemptionEntries)
    .innerJoin(exemptionCatalogues, eq(exemptionCatalogues.id, exemptionEntries.catalogueId))
    .where(and(sql`${exemptionCatalogues.effectiveOn} <= ${on}`, sql`(${exemptionCatalogues.expiresOn} is null or ${exemptionCatalogues.expiresOn} > ${on})`))
    .orderBy(asc(exemptionCatalogues.effectiveOn), asc(exemptionEntries.seq));
}

/** The entries in force on a day with their batch's code (for the violation catalogue). */
export async function exemptionEntriesInForce(db: DbOrTx, on: string) {
  return (await listEntriesInForce(db, on)).map(({ entry, catalogue }) => ({
    id: entry.id, title: entry.title, violatedProvision: entry.violatedProvision, penaltyProvision: entry.penaltyProvision, circumstances: entry.circumstances, catalogueCode: catalogue.code,
  }));
}

const caseScope = (p: Principal | null): SQL | undefined => (p && p.districtId !== null ? eq(cases.districtId, p.districtId) : undefined);

/** The case as the exemption pages need it, or null when missing or outside the principal's district. */
export async function findCaseForExemption(db: DbOrTx, caseId: number, principal: Principal | null, lock = false) {
  const q = db.select({
    id: cases.id, number: cases.number, enterpriseId: cases.enterpriseId, enterpriseName: enterprises.name, districtId: cases.districtId,
    partyKind: cases.partyKind, cause: cases.cause, actOn: cases.actOn, stage: cases.stage, decisionKind: cases.decisionKind, decidedOn: cases.decidedOn,
    submittedAt: cases.submittedAt, caseReviewPassedAt: cases.caseReviewPassedAt,
    /** The provisions the case's proposal says were broken (行政处罚法 第三十三条: the entry must be that violation). */
    violatedProvisions: sql<string | null>`${cases.proposal}->>'violatedProvisions'`,
    /** The violation catalogue code the proposal names (its penaltyProvisionCode): the panel starts from its entries. */
    violationCode: sql<string | null>`${cases.proposal}->>'penaltyProvisionCode'`,
  }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).where(and(eq(cases.id, caseId), caseScope(principal)));
  const [row] = lock ? await q.for('update', { of: cases }) : await q;
  return row ?? null;
}
export type ExemptionCase = NonNullable<Awaited<ReturnType<typeof findCaseForExemption>>>;

/** The enterprise's violations the bureau established (penalties and exemptions), other than this case. */
export async function loadHistory(db: DbOrTx, enterpriseId: number, excludeCaseId: number): Promise<{ knownFromOn: string; priors: PriorViolation[] }> {
  const rows = await db.select({ caseId: cases.id, number: cases.number, kind: cases.decisionKind, actOn: cases.actOn, decidedOn: cases.decidedOn }).from(cases)
    .where(and(eq(cases.enterpriseId, enterpriseId), ne(cases.id, excludeCaseId), inArray(cases.decisionKind, ['penalty', 'exemption']), isNotNull(cases.decidedOn)))
    .orderBy(asc(cases.actOn));
  // The system's records are complete from its first filed case.
  const [first] = await db.select({ on: sql<string | null>`min(${cases.filedOn})::text` }).from(cases);
  return {
    knownFromOn: first?.on ?? '9999-12-31',
    priors: rows.map((r) => ({ caseId: r.caseId, number: r.number, kind: r.kind as 'penalty' | 'exemption', actOn: r.actOn, decidedOn: r.decidedOn! })),
  };
}

export async function findFacts(db: DbOrTx, caseId: number) {
  const [row] = await db.select().from(caseExemptionFacts).where(eq(caseExemptionFacts.caseId, caseId));
  return row ?? null;
}
export type FactsRow = typeof caseExemptionFacts.$inferSelect;

export async function findApplied(db: DbOrTx, caseId: number) {
  const [row] = await db.select().from(exemptions).where(eq(exemptions.caseId, caseId));
  return row ?? null;
}

export async function listGrounds(db: DbOrTx, caseId: number) {
  return db.select({ id: caseStatutoryGrounds.id, ground: caseStatutoryGrounds.ground, note: caseStatutoryGrounds.note, recordedById: caseStatutoryGrounds.recordedById,
    recordedByName: users.displayName, recordedAt: caseStatutoryGrounds.recordedAt })
    .from(caseStatutoryGrounds).innerJoin(users, eq(users.id, caseStatutoryGrounds.recordedById))
    .where(eq(caseStatutoryGrounds.caseId, caseId)).orderBy(asc(caseStatutoryGrounds.id));
}

/** Exemptions applied in a year, scoped to the principal's district, with the count of distinct enterprises. */
export async function listApplied(db: DbOrTx, principal: Principal, year: number | undefined) {
  const c: (SQL | undefined)[] = [principal.districtId !== null ? eq(exemptions.districtId, principal.districtId) : undefined];
  if (year) c.push(gte(exemptions.decidedOn, `${year}-01-01`), lt(exemptions.decidedOn, `${year + 1}-01-01`));
  const where = and(...c);
  const items = await db.select({
    id: exemptions.id, caseId: exemptions.caseId, caseNumber: cases.number, decidedOn: exemptions.decidedOn,
    enterpriseId: exemptions.enterpriseId, enterpriseName: enterprises.name, districtId: exemptions.districtId, districtName: districts.name,
    entryId: exemptions.entryId, entryTitle: exemptionEntries.title, entrySeq: exemptionEntries.seq, catalogueTitle: exemptionCatalogues.title,
  }).from(exemptions)
    .innerJoin(cases, eq(cases.id, exemptions.caseId)).innerJoin(enterprises, eq(enterprises.id, exemptions.enterpriseId))
    .innerJoin(districts, eq(districts.id, exemptions.districtId)).innerJoin(exemptionEntries, eq(exemptionEntries.id, exemptions.entryId))
    .innerJoin(exemptionCatalogues, eq(exemptionCatalogues.id, exemptions.catalogueId))
    .where(where).orderBy(desc(exemptions.decidedOn), desc(exemptions.id));
  const [n] = await db.select({ n: sql<number>`count(distinct ${exemptions.enterpriseId})::int` }).from(exemptions).where(where);
  return { items, enterprises: Number(n?.n ?? 0) };
}

/** How many distinct enterprises were exempted (首违不罚) in a year: the year-end report's figure. */
export async function countExemptedEnterprises(db: DbOrTx, year: number, districtId?: number): Promise<number> {
  const [n] = await db.select({ n: sql<number>`count(distinct ${exemptions.enterpriseId})::int` }).from(exemptions)
    .where(and(gte(exemptions.decidedOn, `${year}-01-01`), lt(exemptions.decidedOn, `${year + 1}-01-01`), districtId ? eq(exemptions.districtId, districtId) : undefined));
  return Number(n?.n ?? 0);
}

export async function countCatalogues(db: DbOrTx) {
  const [n] = await db.select({ n: count() }).from(exemptionCatalogues);
  return Number(n?.n ?? 0);
}
