// The only file of the file-review capability that talks to the database. Case records are read
// from their tables directly (the cases and evidence capabilities own them; nothing here writes them).
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { caseOfficers, cases, caseSteps, hearings, leads, legalReviews } from '../cases/index.js';
import { evidenceFiles } from '../evidence/index.js';
import { enterprises } from '../enterprises/index.js';
import { districts } from '../organisation/index.js';
import { users } from '../users/index.js';
import { chinaDateOf } from '../law/civil-date.js';
import { fileReviews, fileReviewStandards } from './tables.js';
import type { CaseFileFacts, DecisionKindFact } from './rules/prechecks.js';

export type StandardRow = typeof fileReviewStandards.$inferSelect;
export type ReviewRow = typeof fileReviews.$inferSelect;

export async function listStandardVersions(db: DbOrTx, code?: string): Promise<StandardRow[]> {
  return db.select().from(fileReviewStandards).where(code ? eq(fileReviewStandards.code, code) : undefined).orderBy(asc(fileReviewStandards.code), asc(fileReviewStandards.version));
}

export async function findStandard(db: DbOrTx, id: number): Promise<StandardRow | null> {
  const [row] = await db.select().from(fileReviewStandards).where(eq(fileReviewStandards.id, id));
  return row ?? null;
}

// Always qualified: drizzle leaves columns unqualified in a query without joins, where a subquery would misread them.
const CASE_ID = sql.raw('"cases"."id"');

const caseScope = (p: Principal | null): SQL | undefined => (p && p.districtId !== null ? eq(cases.districtId, p.districtId) : undefined);
const CLOSED = sql`${cases.closedAt} is not null`;

/** Closed cases for the workbench, with the number of submitted reviews, the principal's own and the latest score. */
export async function listClosedCases(db: DbOrTx, principal: Principal, f: { year?: number; reviewed?: boolean }) {
  const c: (SQL | undefined)[] = [caseScope(principal), CLOSED];
  if (f.year) c.push(sql`${cases.closedAt} >= ${`${f.year}-01-01T00:00:00+08:00`}::timestamptz and ${cases.closedAt} < ${`${f.year + 1}-01-01T00:00:00+08:00`}::timestamptz`);
  const submitted = sql`(select count(*)::int from ${fileReviews} fr where fr.case_id = ${CASE_ID} and fr.status = 'submitted')`;
  if (f.reviewed !== undefined) c.push(f.reviewed ? sql`${submitted} > 0` : sql`${submitted} = 0`);
  return db.select({
    id: cases.id, number: cases.number, cause: cases.cause, enterpriseName: enterprises.name, districtId: cases.districtId, districtName: districts.name,
    decisionKind: cases.decisionKind, decisionFineFen: cases.decisionFineFen, closedAt: cases.closedAt, archivedAt: cases.archivedAt,
    reviews: submitted.mapWith(Number),
    latestScore: sql<number | null>`(select fr.score from ${fileReviews} fr where fr.case_id = ${CASE_ID} and fr.status = 'submitted' order by fr.submitted_at desc, fr.id desc limit 1)`,
    latestBand: sql<string | null>`(select fr.band from ${fileReviews} fr where fr.case_id = ${CASE_ID} and fr.status = 'submitted' order by fr.submitted_at desc, fr.id desc limit 1)`,
    myStatus: sql<string | null>`(select fr.status from ${fileReviews} fr where fr.case_id = ${CASE_ID} and fr.reviewer_id = ${principal.id})`,
  }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(...c)).orderBy(desc(cases.closedAt), desc(cases.id)).limit(500);
}

export async function findClosedCase(db: DbOrTx, caseId: number, principal: Principal | null) {
  const [row] = await db.select({ id: cases.id, number: cases.number, cause: cases.cause, enterpriseName: enterprises.name, districtName: districts.name, closedAt: cases.closedAt, archivedAt: cases.archivedAt, decisionKind: cases.decisionKind, decisionFineFen: cases.decisionFineFen })
    .from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(eq(cases.id, caseId), caseScope(principal)));
  return row ?? null;
}

/** Everything the pre-checks judge, from the case's own records. `benchmarkFen` comes from the discretion capability. */
export async function loadCaseFileFacts(db: DbOrTx, caseId: number, benchmarkFen: number | null): Promise<CaseFileFacts | null> {
  const [row] = await db.select({ c: cases, filingDueOn: leads.filingDueOn }).from(cases).innerJoin(leads, eq(leads.id, cases.leadId)).where(eq(cases.id, caseId));
  if (!row) return null;
  const c = row.c;
  const steps = await db.select({ id: caseSteps.id, kind: caseSteps.kind, occurredOn: caseSteps.occurredOn, data: caseSteps.data }).from(caseSteps).where(eq(caseSteps.caseId, caseId)).orderBy(asc(caseSteps.id));
  const officers = await db.select({ name: users.displayName, credentialNo: users.credentialNo }).from(caseOfficers).innerJoin(users, eq(users.id, caseOfficers.userId)).where(eq(caseOfficers.caseId, caseId));
  const files = await db.select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, sha256: evidenceFiles.sha256 }).from(evidenceFiles).where(eq(evidenceFiles.caseId, caseId)).orderBy(asc(evidenceFiles.id));
  const passed = await db.select({ id: legalReviews.id }).from(legalReviews).where(and(eq(legalReviews.caseId, caseId), eq(legalReviews.outcome, 'passed'))).limit(1);
  const [hearing] = await db.select({ heldAt: hearings.heldAt }).from(hearings).where(eq(hearings.caseId, caseId));
  const filing = steps.find((s) => s.kind === 'filing');
  const decision = steps.filter((s) => s.kind === 'decision').at(-1);
  return {
    decisionKind: c.decisionKind as DecisionKindFact | null, fineFen: c.decisionFineFen ?? 0,
    filedOn: c.filedOn, filingDueOn: row.filingDueOn, filingLateReason: typeof filing?.data.lateReason === 'string' ? filing.data.lateReason : null,
    decisionDueOn: c.decisionDueOn, decidedOn: c.decidedOn,
    serviceDueOn: typeof decision?.data.serviceDueOn === 'string' ? decision.data.serviceDueOn : null, servedOn: c.servedOn,
    statementDueOn: c.notification?.statementDueOn ?? null, statementWaived: c.statementWaived,
    closedOn: c.closedAt ? chinaDateOf(c.closedAt) : null, archivedOn: c.archivedAt ? chinaDateOf(c.archivedAt) : null,
    officers, steps: steps.map(({ id, kind, occurredOn }) => ({ id, kind, occurredOn })), evidenceFiles: files,
    proposal: c.proposal ? { violatedProvisions: c.proposal.violatedProvisions, penaltyBasis: c.proposal.penaltyBasis, discretionReason: c.proposal.discretionReason } : null,
    benchmarkFen,
    // 行政处罚法 第五十八条 (一)(三)(四) as flagged on the case, and (二) after a hearing; the bureau's fine threshold lives in the case rules.
    needsLegalReview: c.major.majorPublicInterest || c.major.complexSeveralLegalRelations || c.major.requiredByOtherLaw || Boolean(hearing?.heldAt),
    legalReviewPassed: passed.length > 0,
  };
}

export async function isInvestigator(db: DbOrTx, caseId: number, userId: number): Promise<boolean> {
  const [row] = await db.select({ userId: caseOfficers.userId }).from(caseOfficers).where(and(eq(caseOfficers.caseId, caseId), eq(caseOfficers.userId, userId)));
  return Boolean(row);
}

export async function listReviewsOfCase(db: DbOrTx, caseId: number) {
  return db.select({ review: fileReviews, reviewerName: users.displayName, standardTitle: fileReviewStandards.title, standardVersion: fileReviewStandards.version })
    .from(fileReviews).innerJoin(users, eq(users.id, fileReviews.reviewerId)).innerJoin(fileReviewStandards, eq(fileReviewStandards.id, fileReviews.standardId))
    .where(eq(fileReviews.caseId, caseId)).orderBy(asc(fileReviews.id));
}

export async function findMyReview(db: DbOrTx, caseId: number, reviewerId: number) {
  const [row] = await db.select().from(fileReviews).where(and(eq(fileReviews.caseId, caseId), eq(fileReviews.reviewerId, reviewerId)));
  return row ?? null;
}

export async function findReview(db: DbOrTx, id: number) {
  const [row] = await db.select().from(fileReviews).where(eq(fileReviews.id, id));
  return row ?? null;
}

/** The latest submitted review of each case closed in the year, with the case's unit and lead officer. */
export async function listSubmittedForResults(db: DbOrTx, principal: Principal, year: number) {
  const latest = sql`${fileReviews.id} = (select fr.id from ${fileReviews} fr where fr.case_id = ${CASE_ID} and fr.status = 'submitted' order by fr.submitted_at desc, fr.id desc limit 1)`;
  return db.select({
    caseId: cases.id, caseNumber: cases.number, districtName: districts.name, lines: fileReviews.lines, score: fileReviews.score, band: fileReviews.band,
    standardId: fileReviews.standardId,
    officerName: sql<string>`coalesce((select u.display_name from ${caseOfficers} co join ${users} u on u.id = co.user_id where co.case_id = ${CASE_ID} and co.lead limit 1), '—')`,
  }).from(fileReviews).innerJoin(cases, eq(cases.id, fileReviews.caseId)).innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(caseScope(principal), latest,
      gte(cases.closedAt, new Date(`${year}-01-01T00:00:00+08:00`)), lt(cases.closedAt, new Date(`${year + 1}-01-01T00:00:00+08:00`))))
    .orderBy(asc(cases.id));
}

export async function findStandardsByIds(db: DbOrTx, ids: number[]): Promise<StandardRow[]> {
  return ids.length ? db.select().from(fileReviewStandards).where(inArray(fileReviewStandards.id, ids)) : [];
}
