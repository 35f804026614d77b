// The only file of the annual report that talks to the database: its own tables, and the counts over other
// capabilities' tables (read through their index.ts) that they do not export as functions.
import { and, desc, eq, gte, isNotNull, lt, lte, notExists, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { cases, legalReviews } from '../cases/index.js';
import { users } from '../users/index.js';
import { positiveListEntries } from '../supervision/index.js';
import { annualReportParagraphVersions, annualReports } from './tables.js';

const yearStartAt = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);
const num = (v: unknown) => Number(v ?? 0);

/** Cases filed (立案) in the year, all districts (seed-figures.md #21). */
export async function countCasesFiled(db: DbOrTx, year: number): Promise<number> {
  const [r] = await db.select({ n: sql`count(*)` }).from(cases).where(and(gte(cases.filedOn, `${year}-01-01`), lte(cases.filedOn, `${year}-12-31`)));
  return num(r?.n);
}

/** Penalty decisions made in the year: how many, and the fines they imposed in fen (decided, not collected; #22). */
export async function sumFinesDecided(db: DbOrTx, year: number): Promise<{ decisions: number; fineFen: number }> {
  const [r] = await db.select({ n: sql`count(*)`, fen: sql`coalesce(sum(${cases.decisionFineFen}), 0)` }).from(cases)
    .where(and(eq(cases.decisionKind, 'penalty'), gte(cases.decidedOn, `${year}-01-01`), lte(cases.decidedOn, `${year}-12-31`)));
  return { decisions: num(r?.n), fineFen: num(r?.fen) };
}

/** Cases the committee decided in the year, and those among them without a passed legal review before it (#19, must be 0). */
export async function countCommitteeCasesWithoutReview(db: DbOrTx, year: number): Promise<{ discussed: number; withoutReview: number }> {
  const inYear = and(isNotNull(cases.committeeDecidedAt), gte(cases.committeeDecidedAt, yearStartAt(year)), lt(cases.committeeDecidedAt, yearStartAt(year + 1)));
  // The review is a correlated subquery in WHERE, where Drizzle qualifies every column with its table (in a
  // selected sql`` it wrote them bare: "id" and "committee_decided_at" then named legal_reviews' own columns).
  const passedBefore = db.select({ one: sql`1` }).from(legalReviews)
    .where(and(eq(legalReviews.caseId, cases.id), eq(legalReviews.outcome, 'passed'), lte(legalReviews.reviewedAt, cases.committeeDecidedAt)));
  const [[d], [w]] = [
    await db.select({ n: sql`count(*)` }).from(cases).where(inYear),
    await db.select({ n: sql`count(*)` }).from(cases).where(and(inYear, notExists(passedBefore))),
  ];
  return { discussed: num(d?.n), withoutReview: num(w?.n) };
}

/** Active legal reviewers and credentialed enforcement officers (users hold no history: as they stand now; #18). */
export async function countReviewersAndOfficers(db: DbOrTx): Promise<{ reviewers: number; officers: number }> {
  const [r] = await db.select({
    reviewers: sql`count(*) filter (where ${users.role} = 'legal_reviewer')`,
    officers: sql`count(*) filter (where ${users.role} = 'enforcement_officer' and coalesce(${users.credentialNo}, '') <> '')`,
  }).from(users).where(eq(users.active, true));
  return { reviewers: num(r?.reviewers), officers: num(r?.officers) };
}

/** Distinct enterprises on the published positive list at the year's end (#28: "at year end"). */
export async function countPositiveListAtYearEnd(db: DbOrTx, year: number): Promise<number> {
  const end = yearStartAt(year + 1);
  const [r] = await db.select({ n: sql`count(distinct ${positiveListEntries.enterpriseId})` }).from(positiveListEntries)
    .where(and(isNotNull(positiveListEntries.publishedAt), lt(positiveListEntries.publishedAt, end),
      sql`(${positiveListEntries.removedAt} is null or ${positiveListEntries.removedAt} >= ${end})`));
  return num(r?.n);
}

/** The cases behind #21 (filed in the year) or #22 (penalty decided in the year), within the principal's district; at most 1 000. */
export async function listCaseRecords(db: DbOrTx, year: number, which: 'filed' | 'fined', districtId: number | null) {
  const where = which === 'filed'
    ? and(gte(cases.filedOn, `${year}-01-01`), lte(cases.filedOn, `${year}-12-31`))
    : and(eq(cases.decisionKind, 'penalty'), gte(cases.decidedOn, `${year}-01-01`), lte(cases.decidedOn, `${year}-12-31`));
  return db.select({ id: cases.id, number: cases.number, cause: cases.cause, filedOn: cases.filedOn, decidedOn: cases.decidedOn, fineFen: cases.decisionFineFen })
    .from(cases).where(and(where, districtId === null ? undefined : eq(cases.districtId, districtId))).orderBy(cases.id).limit(1000);
}

export type ReportRow = typeof annualReports.$inferSelect;
export type VersionRow = typeof annualReportParagraphVersions.$inferSelect;

export async function findReport(db: DbOrTx, year: number, lock = false): Promise<ReportRow | null> {
  const q = db.select().from(annualReports).where(eq(annualReports.year, year));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The year's report row, created (as a draft) if missing; concurrent callers meet at the unique year. */
export async function ensureReport(tx: DbOrTx, year: number, now: Date): Promise<ReportRow> {
  await tx.insert(annualReports).values({ year, status: 'draft', createdAt: now }).onConflictDoNothing({ target: annualReports.year });
  return (await findReport(tx, year, true))!;
}

export async function listVersions(db: DbOrTx, reportId: number) {
  return db.select({ v: annualReportParagraphVersions, editorName: users.displayName }).from(annualReportParagraphVersions)
    .innerJoin(users, eq(users.id, annualReportParagraphVersions.editedById))
    .where(eq(annualReportParagraphVersions.reportId, reportId))
    .orderBy(annualReportParagraphVersions.paragraphKey, desc(annualReportParagraphVersions.version));
}

export async function latestVersionNo(tx: DbOrTx, reportId: number, key: string): Promise<number> {
  const [r] = await tx.select({ n: sql`coalesce(max(${annualReportParagraphVersions.version}), 0)` }).from(annualReportParagraphVersions)
    .where(and(eq(annualReportParagraphVersions.reportId, reportId), eq(annualReportParagraphVersions.paragraphKey, key)));
  return num(r?.n);
}

export async function insertVersion(tx: DbOrTx, v: typeof annualReportParagraphVersions.$inferInsert): Promise<VersionRow> {
  const [row] = await tx.insert(annualReportParagraphVersions).values(v).returning();
  return row!;
}

export async function markFinalised(tx: DbOrTx, id: number, by: number, now: Date, frozen: ReportRow['frozenFigures']): Promise<ReportRow | null> {
  const [row] = await tx.update(annualReports).set({ status: 'finalised', finalisedAt: now, finalisedById: by, frozenFigures: frozen })
    .where(and(eq(annualReports.id, id), eq(annualReports.status, 'draft'))).returning();
  return row ?? null;
}
export type { Db };
