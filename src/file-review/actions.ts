// Case-file review actions: the standard as versioned data, score sheets with automatic pre-checks,
// and the results. Every write is audited in its transaction.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { tableInForceOn, latestComputedFen } from '../discretion/index.js';
import { fileReviews, fileReviewStandards } from './tables.js';
import { findSheetProblems, findStandardProblems, prefillFromPrechecks, scoreSheet, type ScoringStandard, type SheetLine } from './rules/standard.js';
import { runPrechecks } from './rules/prechecks.js';
import { computeResults, type ReviewedCase } from './rules/results.js';
import {
  findClosedCase, findMyReview, findStandardsByIds, isInvestigator, listReviewsOfCase, listStandardVersions, listSubmittedForResults, loadCaseFileFacts,
  type StandardRow,
} from './queries.js';
import { FILE_REVIEW_STANDARD } from './data/standard.js';

const asStandard = (r: StandardRow): ScoringStandard => ({ code: r.code, version: r.version, title: r.title, effectiveOn: r.effectiveOn, bands: r.bands, items: r.items });

/** The standard in force on a day: the latest effective version (of any code; one standard is used at a time). */
export async function standardInForce(db: DbOrTx, on: string): Promise<StandardRow | null> {
  return tableInForceOn(await listStandardVersions(db), on);
}

export type StandardInput = Omit<ScoringStandard, 'version'> & { reason?: string | null };

export async function publishStandardVersion(db: Db, principal: Principal, input: StandardInput, now: Date): Promise<Result<StandardRow>> {
  if (!can(principal, 'file_review.manage')) return refuse('FORBIDDEN');
  const problems = findStandardProblems(input);
  if (problems.length) return refuse(problems[0]!.code, undefined, problems[0]!.field);
  if (input.effectiveOn < chinaDateOf(now)) return refuse('TABLE_VERSION_RETROACTIVE', undefined, 'effectiveOn');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7301005, hashtext(${input.code}))`);
    const versions = await listStandardVersions(tx, input.code);
    const { reason, ...values } = input;
    const [row] = await tx.insert(fileReviewStandards).values({ ...values, version: (versions.at(-1)?.version ?? 0) + 1, createdById: principal.id, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'file_review.standard.publish', entity: 'file_review_standard', entityId: `${row!.code}@${row!.version}`, before: versions.at(-1), after: row, reason: reason ?? null }, now);
    return success(row!);
  });
}

/** Loads the demo standard unless its code is on record (idempotent). */
export async function seedFileReviewStandard(db: Db, now: Date, standard: Omit<ScoringStandard, 'version'> = FILE_REVIEW_STANDARD, actor: Actor = SYSTEM_ACTOR): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    if ((await listStandardVersions(tx, standard.code)).length) return { created: false };
    const [row] = await tx.insert(fileReviewStandards).values({ ...standard, version: 1, createdById: null, createdAt: now }).returning({ id: fileReviewStandards.id });
    await appendAudit(tx, actor, { action: 'file_review.standard.seed', entity: 'file_review_standard', entityId: `${standard.code}@1`, after: { id: row!.id, items: standard.items.length }, reason: '案卷评查标准 reference data' }, now);
    return { created: true };
  });
}

/** The workbench view of one closed case: pre-check findings, the deductions they propose, the reviews so far. */
export async function loadCaseFile(db: DbOrTx, principal: Principal, caseId: number, now: Date) {
  const c = await findClosedCase(db, caseId, principal);
  if (!c) return null;
  const facts = (await loadCaseFileFacts(db, caseId, await latestComputedFen(db, caseId)))!;
  const findings = runPrechecks(facts);
  const standard = await standardInForce(db, chinaDateOf(now));
  const mine = await findMyReview(db, caseId, principal.id);
  const reviews = await listReviewsOfCase(db, caseId);
  const standards = new Map((await findStandardsByIds(db, [...new Set(reviews.map((r) => r.review.standardId))])).map((s) => [s.id, s]));
  return {
    case: c, findings, standard,
    prefill: standard ? prefillFromPrechecks(asStandard(standard), findings) : [],
    mine,
    reviews: reviews.filter((r) => r.review.status === 'submitted' || r.review.reviewerId === principal.id).map((r) => ({
      ...r.review, reviewerName: r.reviewerName, standardTitle: r.standardTitle, standardVersion: r.standardVersion,
      sheet: standards.has(r.review.standardId) ? scoreSheet(asStandard(standards.get(r.review.standardId)!), r.review.lines) : null,
    })),
    actions: { review: can(principal, 'file_review.score') && c.closedAt !== null && mine?.status !== 'submitted' && !(await isInvestigator(db, caseId, principal.id)) },
  };
}

export interface ReviewInput { lines: SheetLine[]; comment: string; submit: boolean }

/** Saves the principal's score sheet for a closed case (a draft, or submitted and then final). */
export async function saveReview(db: Db, principal: Principal, caseId: number, input: ReviewInput, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'file_review.score')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findClosedCase(tx, caseId, principal);
    if (!c) return refuse('NOT_FOUND');
    if (!c.closedAt) return refuse('CASE_NOT_CLOSED');
    // A reviewer does not score a case they investigated.
    if (await isInvestigator(tx, caseId, principal.id)) return refuse('FILE_REVIEWER_IS_INVESTIGATOR');
    const before = await findMyReview(tx, caseId, principal.id);
    if (before?.status === 'submitted') return refuse('FILE_REVIEW_ALREADY_SUBMITTED');
    const standardRow = before ? (await tx.select().from(fileReviewStandards).where(eq(fileReviewStandards.id, before.standardId)))[0]! : await standardInForce(tx, chinaDateOf(now));
    if (!standardRow) return refuse('FILE_REVIEW_STANDARD_MISSING');
    const standard = asStandard(standardRow);
    const problems = findSheetProblems(standard, input.lines);
    if (problems.length) return refuse(problems[0]!.code, undefined, problems[0]!.field);
    const sheet = scoreSheet(standard, input.lines);
    const values = {
      status: input.submit ? 'submitted' as const : 'draft' as const, lines: input.lines, score: sheet.total, band: sheet.band, comment: input.comment,
      updatedAt: now, submittedAt: input.submit ? now : null,
    };
    const [row] = before
      ? await tx.update(fileReviews).set(values).where(eq(fileReviews.id, before.id)).returning({ id: fileReviews.id })
      : await tx.insert(fileReviews).values({ caseId, standardId: standardRow.id, reviewerId: principal.id, createdAt: now, ...values }).returning({ id: fileReviews.id });
    await appendAudit(tx, actorOf(principal), {
      action: input.submit ? 'file_review.submit' : 'file_review.save', entity: 'case', entityId: caseId,
      before: before ? { score: before.score, band: before.band, lines: before.lines } : undefined, after: { reviewId: row!.id, score: sheet.total, band: sheet.band, lines: input.lines },
    }, now);
    return success({ id: row!.id });
  });
}

/** Results of a year's reviews (cases closed that year): per unit, per officer, bands, most common defects. */
export async function reviewResults(db: DbOrTx, principal: Principal, year: number) {
  const rows = await listSubmittedForResults(db, principal, year);
  const standards = new Map((await findStandardsByIds(db, [...new Set(rows.map((r) => r.standardId))])).map((s) => [s.id, asStandard(s)]));
  const reviewed: ReviewedCase[] = rows.map((r) => {
    const sheet = scoreSheet(standards.get(r.standardId)!, r.lines);
    return {
      caseId: r.caseId, caseNumber: r.caseNumber, districtName: r.districtName, officerName: r.officerName, score: r.score, band: r.band,
      deductions: sheet.items.flatMap((i) => i.lines.map((l) => ({ itemCode: i.code, itemTitle: i.title, deductionCode: l.deductionCode, text: l.text, points: l.applied, listed: l.points }))),
    };
  });
  return { year, ...computeResults(reviewed), cases: reviewed };
}
