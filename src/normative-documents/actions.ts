// 行政规范性文件: load facts → apply the rule → write and audit in one transaction.
import type { Db, Tx } from '../platform/db/index.js';
import { refuse, success, type Outcome, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import type { WorkingCalendar } from '../law/working-days.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Permission, type Principal } from '../platform/auth/roles.js';
import { formatDocumentNumber } from '../platform/documents/official.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { DEFAULT_SETTINGS, loadBureauSettings } from '../settings/index.js';
import {
  checkAssessment, checkCleanup, checkCommentClose, checkCommentStart, checkDeliberation, checkFiling, checkIssue, checkPublication,
  checkReviewOpinion, checkReviewSubmit, documentActions, expiryWarning, filingClock, isInForce, reviewDue, validUntil,
  type CleanupOutcome, type DocumentAction, type DocumentFacts, type DraftingLevel, type MeetingKind, type NormativeSettings, type ReviewOpinionInput,
} from './rules.js';
import {
  allocateNumberSeq, cleanupsInYear, findDocument, findDocumentByNumber, insertCleanup, insertDocument, insertReview, listCleanups, listDocuments, listReviews,
  reviewsAndCleanupsOf, reviewsInYear, updateDocument, updateReview, type DocumentRow, type ReviewRow,
} from './queries.js';
import { renderIssuedDocument, renderReviewOpinion } from './document.js';

const READ: Permission = 'normative_doc.read';
const MANAGE: Permission = 'normative_doc.manage';
const ENTITY = 'normative_document';

/** Which permission each step needs: the legal department reviews, the leader signs the issue. */
const STEP_PERMISSION: Record<DocumentAction, Permission> = {
  assess: MANAGE, comment_start: MANAGE, comment_close: MANAGE, review_submit: MANAGE, review_opinion: 'normative_doc.review',
  deliberate: MANAGE, issue: 'normative_doc.issue', publish: MANAGE, file: MANAGE, cleanup: MANAGE,
};

export async function loadNormativeSettings(db: Db | Tx): Promise<NormativeSettings> {
  return (await loadBureauSettings(db)).normativeDocuments ?? DEFAULT_SETTINGS.normativeDocuments!;
}

const factsOf = (d: DocumentRow, latest: ReviewRow | undefined, lastCleanupOn: string | null): DocumentFacts => ({
  status: d.status, draftedOn: d.draftedOn, assessedOn: d.assessedOn, commentStartOn: d.commentStartOn, commentPlannedEndOn: d.commentPlannedEndOn,
  commentEndOn: d.commentEndOn, review: latest ? { submittedOn: latest.submittedOn, reviewedOn: latest.reviewedOn, passed: latest.passed } : null,
  deliberatedOn: d.deliberatedOn, issuedOn: d.issuedOn, publishedOn: d.publishedOn, filedOn: d.filedOn, lastCleanupOn,
});

async function loadFacts(tx: Db | Tx, d: DocumentRow) {
  const reviews = await listReviews(tx, d.id);
  const cleanups = await listCleanups(tx, d.id);
  return { reviews, cleanups, facts: factsOf(d, reviews.at(-1), cleanups.at(-1)?.cleanedOn ?? null) };
}

function view(d: DocumentRow, reviews: ReviewRow[], cleanups: Awaited<ReturnType<typeof listCleanups>>, cal: WorkingCalendar, s: NormativeSettings, principal: Principal | null, todayOn: string) {
  const facts = factsOf(d, reviews.at(-1), cleanups.at(-1)?.cleanedOn ?? null);
  const latest = reviews.at(-1);
  const open = latest && !latest.reviewedOn ? { ...reviewDue(cal, latest.submittedOn) } : null;
  const inForce = isInForce(d, todayOn);
  return {
    ...d, reviews, cleanups,
    reviewClock: open ? { ...open, overdue: todayOn > open.dueOn } : null,
    filingClock: d.status === 'published' || d.filedOn ? filingClock(d.publishedOn, d.filedOn, s, todayOn) : null,
    inForce,
    expiryWarning: inForce ? expiryWarning(d.validUntilOn, s, todayOn) : null,
    actions: documentActions(facts).filter((a) => can(principal, STEP_PERMISSION[a])),
  };
}

export async function documentList(db: Db, principal: Principal, now: Date): Promise<Result<unknown[]>> {
  if (!can(principal, READ)) return refuse('FORBIDDEN');
  const [cal, s] = [await loadWorkingCalendar(db), await loadNormativeSettings(db)];
  const todayOn = chinaDateOf(now);
  const docs = await listDocuments(db);
  const all = await reviewsAndCleanupsOf(db, docs.map((d) => d.id));
  return success(docs.map((d) => {
    const { body: _b, ...rest } = view(d, all.reviews.filter((r) => r.documentId === d.id), all.cleanups.filter((c) => c.documentId === d.id), cal, s, principal, todayOn);
    return rest;
  }));
}

export async function documentDetail(db: Db, principal: Principal, id: number, now: Date): Promise<Result<unknown>> {
  if (!can(principal, READ)) return refuse('FORBIDDEN');
  const d = await findDocument(db, id);
  if (!d) return refuse('NOT_FOUND');
  const { reviews, cleanups } = await loadFacts(db, d);
  return success(view(d, reviews, cleanups, await loadWorkingCalendar(db), await loadNormativeSettings(db), principal, chinaDateOf(now)));
}

export interface DraftInput { title: string; draftingUnit: string; draftingLevel?: DraftingLevel; body: string; draftedOn: string }

/** 起草: a new draft in the register. */
export async function createDraft(db: Db, principal: Principal, input: DraftInput, now: Date, amendsId: number | null = null): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  if (input.draftedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'draftedOn');
  const row = await db.transaction(async (tx) => {
    const r = await insertDocument(tx, { ...input, draftingLevel: input.draftingLevel ?? 'bureau', status: 'drafting', amendsId, createdById: principal.id, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'normative_document.draft', entity: ENTITY, entityId: r.id, after: r }, now);
    return r;
  });
  return documentDetail(db, principal, row.id, now);
}

type StepPlan = { check: Outcome; values: Partial<DocumentRow>; after?: (tx: Tx, d: DocumentRow) => Promise<unknown> };

/** One step: lock the row, read its facts, apply the gate, write and audit. */
async function step(db: Db, principal: Principal, id: number, action: DocumentAction, now: Date,
  plan: (ctx: { cal: WorkingCalendar; s: NormativeSettings; d: DocumentRow; facts: DocumentFacts; reviews: ReviewRow[]; todayOn: string; tx: Tx }) => Promise<StepPlan> | StepPlan,
  reason?: string | null): Promise<Result<unknown>> {
  if (!can(principal, STEP_PERMISSION[action])) return refuse('FORBIDDEN');
  const cal = await loadWorkingCalendar(db);
  const todayOn = chinaDateOf(now);
  const r = await db.transaction(async (tx): Promise<Outcome> => {
    const d = await findDocument(tx, id, 'update');
    if (!d) return refuse('NOT_FOUND');
    const s = await loadNormativeSettings(tx);
    const { facts, reviews } = await loadFacts(tx, d);
    const p = await plan({ cal, s, d, facts, reviews, todayOn, tx });
    if (!p.check.ok) return p.check;
    const after = Object.keys(p.values).length ? await updateDocument(tx, id, p.values) : d;
    const extra = p.after ? await p.after(tx, after) : undefined;
    await appendAudit(tx, actorOf(principal), {
      action: `normative_document.${action}`, entity: ENTITY, entityId: id, before: d, after: extra ? { document: after, ...extra as object } : after, reason: reason ?? null,
    }, now);
    return { ok: true };
  });
  if (!r.ok) return r;
  return documentDetail(db, principal, id, now);
}

export const assessDocument = (db: Db, p: Principal, id: number, input: { assessedOn: string; summary: string }, now: Date) =>
  step(db, p, id, 'assess', now, ({ facts, todayOn }) => ({
    check: checkAssessment(facts, input.assessedOn, todayOn),
    values: { status: 'assessed', assessedOn: input.assessedOn, assessmentSummary: input.summary },
  }));

export const startComment = (db: Db, p: Principal, id: number, input: { startOn: string; plannedEndOn: string; shortReason?: string | null }, now: Date) =>
  step(db, p, id, 'comment_start', now, ({ facts, s, todayOn }) => ({
    check: checkCommentStart(facts, input, s, todayOn),
    values: { status: 'commenting', commentStartOn: input.startOn, commentPlannedEndOn: input.plannedEndOn, commentShortReason: input.shortReason?.trim() || null },
  }), input.shortReason);

export const closeComment = (db: Db, p: Principal, id: number, input: { endOn: string; received: number; answered: number; answerSummary: string }, now: Date) =>
  step(db, p, id, 'comment_close', now, ({ facts, todayOn }) => ({
    check: checkCommentClose(facts, input, todayOn),
    values: { status: 'comment_closed', commentEndOn: input.endOn, commentsReceived: input.received, commentsAnswered: input.answered, commentAnswerSummary: input.answerSummary },
  }));

export const submitForReview = (db: Db, p: Principal, id: number, input: { submittedOn: string }, now: Date) =>
  step(db, p, id, 'review_submit', now, ({ facts, reviews, todayOn }) => ({
    check: checkReviewSubmit(facts, input.submittedOn, todayOn),
    values: { status: 'under_review' },
    after: async (tx, d) => ({ review: await insertReview(tx, { documentId: d.id, round: reviews.length + 1, submittedOn: input.submittedOn }) }),
  }));

export const recordReviewOpinion = (db: Db, p: Principal, id: number, input: ReviewOpinionInput & { conclusion?: string | null }, now: Date) =>
  step(db, p, id, 'review_opinion', now, ({ cal, facts, reviews, todayOn }) => ({
    check: checkReviewOpinion(cal, facts, input, todayOn),
    values: { status: input.passed ? 'review_passed' : 'review_failed' },
    after: async (tx) => ({
      review: await updateReview(tx, reviews.at(-1)!.id, {
        reviewedOn: input.reviewedOn, passed: input.passed, competence: input.competence, procedure: input.procedure, content: input.content,
        conclusion: input.conclusion?.trim() || null, reviewerId: p.id, reviewerName: p.displayName,
      }),
    }),
  }));

export const recordDeliberation = (db: Db, p: Principal, id: number, input: { meetingOn: string; meetingKind: MeetingKind; note: string }, now: Date) =>
  step(db, p, id, 'deliberate', now, ({ facts, todayOn }) => ({
    check: checkDeliberation(facts, input.meetingOn, todayOn),
    values: { status: 'deliberated', deliberatedOn: input.meetingOn, meetingKind: input.meetingKind, meetingNote: input.note },
  }));

/**
 * 统一登记、统一编号、统一印发: the next number of the bureau's one series, signed by the leader; a document drafted for
 * the municipal government is recorded under the number the government issued it with (the bureau's series is untouched).
 */
export const issueDocument = (db: Db, p: Principal, id: number, input: { issuedOn: string; effectiveOn?: string | null; validityYears?: number | null; documentNumber?: string | null }, now: Date) =>
  step(db, p, id, 'issue', now, async ({ d, facts, s, todayOn, tx }) => {
    const effectiveOn = input.effectiveOn ?? input.issuedOn;
    const check = checkIssue(facts, { issuedOn: input.issuedOn, effectiveOn, level: d.draftingLevel, documentNumber: input.documentNumber }, todayOn);
    if (!check.ok) return { check, values: {} };
    if (d.draftingLevel === 'government' && await findDocumentByNumber(tx, input.documentNumber!.trim())) {
      return { check: refuse('NORMATIVE_DOCUMENT_NUMBER_TAKEN', undefined, 'documentNumber'), values: {} };
    }
    const year = Number(input.issuedOn.slice(0, 4));
    const numbering = d.draftingLevel === 'government'
      ? { numberYear: null, numberSeq: null, documentNumber: input.documentNumber!.trim() }
      : await (async () => { const seq = await allocateNumberSeq(tx, year); return { numberYear: year, numberSeq: seq, documentNumber: formatDocumentNumber({ prefix: s.numberPrefix, year, seq }) }; })();
    return {
      check,
      values: {
        status: 'issued', issuedOn: input.issuedOn, effectiveOn, validUntilOn: validUntil(effectiveOn, input.validityYears ?? s.validityYears),
        ...numbering, signerId: p.id, signerName: p.displayName,
      },
    };
  });

/** 政府信息公开条例 第二十条(一): publication; an amendment's publication replaces the document it amends. */
export const publishDocument = (db: Db, p: Principal, id: number, input: { publishedOn: string; channel: string }, now: Date) =>
  step(db, p, id, 'publish', now, ({ facts, s, d, todayOn }) => ({
    check: checkPublication(facts, input.publishedOn, todayOn),
    values: { status: 'published', publishedOn: input.publishedOn, publicationChannel: input.channel, filingDueOn: filingClock(input.publishedOn, null, s, todayOn)!.dueOn },
    after: async (tx) => {
      if (!d.amendsId) return undefined;
      const old = await findDocument(tx, d.amendsId, 'update');
      if (!old || old.status !== 'published') return undefined;
      const replaced = await updateDocument(tx, old.id, { status: 'replaced', endedOn: input.publishedOn, replacedById: d.id });
      await appendAudit(tx, actorOf(p), { action: 'normative_document.replace', entity: ENTITY, entityId: old.id, before: old, after: replaced }, now);
      return { replaced: old.id };
    },
  }));

export const fileDocument = (db: Db, p: Principal, id: number, input: { filedOn: string; filedWith: string }, now: Date) =>
  step(db, p, id, 'file', now, ({ facts, todayOn }) => ({
    check: checkFiling(facts, input.filedOn, todayOn),
    values: { filedOn: input.filedOn, filedWith: input.filedWith },
  }));

/** 清理: 保留 records the review; 废止 ends it (off the public list); 修改 opens a new draft linked to it. */
export const cleanupDocument = (db: Db, p: Principal, id: number, input: { cleanedOn: string; outcome: CleanupOutcome; note: string }, now: Date) =>
  step(db, p, id, 'cleanup', now, ({ facts, d, todayOn }) => ({
    check: checkCleanup(facts, input.cleanedOn, todayOn),
    values: input.outcome === 'repeal' ? { status: 'repealed', endedOn: input.cleanedOn } : {},
    after: async (tx) => {
      let newDraftId: number | null = null;
      if (input.outcome === 'amend') {
        const draft = await insertDocument(tx, {
          title: d.title, draftingUnit: d.draftingUnit, draftingLevel: d.draftingLevel, body: d.body, draftedOn: input.cleanedOn, status: 'drafting', amendsId: d.id, createdById: p.id, createdAt: now,
        });
        await appendAudit(tx, actorOf(p), { action: 'normative_document.draft', entity: ENTITY, entityId: draft.id, after: draft, reason: `修改 ${d.documentNumber ?? d.id}` }, now);
        newDraftId = draft.id;
      }
      return { cleanup: await insertCleanup(tx, { documentId: d.id, cleanedOn: input.cleanedOn, outcome: input.outcome, note: input.note, newDraftId, actorId: p.id }) };
    },
  }), input.note);

// ── Public ──

/** 现行有效规范性文件: what stands in force today, no login. */
export async function publicInForce(db: Db, now: Date) {
  const todayOn = chinaDateOf(now);
  const items = (await listDocuments(db)).filter((d) => isInForce(d, todayOn)).map((d) => ({
    id: d.id, documentNumber: d.documentNumber, title: d.title, issuedOn: d.issuedOn, effectiveOn: d.effectiveOn, validUntilOn: d.validUntilOn, publishedOn: d.publishedOn,
  }));
  items.sort((a, b) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || b.id - a.id);
  return { items, asOfOn: todayOn };
}

export async function publicDocument(db: Db, id: number, now: Date): Promise<Result<unknown>> {
  const d = await findDocument(db, id);
  if (!d || !isInForce(d, chinaDateOf(now))) return refuse('NOT_FOUND');
  return success({ id: d.id, documentNumber: d.documentNumber, title: d.title, body: d.body, issuedOn: d.issuedOn, effectiveOn: d.effectiveOn, validUntilOn: d.validUntilOn, publishedOn: d.publishedOn });
}

// ── Word documents ──

export async function issuedDocumentFile(db: Db, principal: Principal, id: number): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!can(principal, READ)) return refuse('FORBIDDEN');
  const d = await findDocument(db, id);
  if (!d) return refuse('NOT_FOUND');
  if (!d.documentNumber || !d.issuedOn || !d.effectiveOn || !d.validUntilOn) return refuse('NORMATIVE_NOT_ISSUED');
  const settings = await loadBureauSettings(db);
  const body = await renderIssuedDocument({
    authority: settings.bureau.name, number: d.documentNumber, title: d.title, body: d.body, issuedOn: d.issuedOn, effectiveOn: d.effectiveOn, validUntilOn: d.validUntilOn,
  });
  return success({ fileName: `${d.documentNumber}${d.title}.docx`, body });
}

export async function reviewOpinionFile(db: Db, principal: Principal, id: number, round: number): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!can(principal, READ)) return refuse('FORBIDDEN');
  const d = await findDocument(db, id);
  if (!d) return refuse('NOT_FOUND');
  const review = (await listReviews(db, id)).find((r) => r.round === round);
  if (!review) return refuse('NOT_FOUND');
  if (!review.reviewedOn || review.passed === null) return refuse('NORMATIVE_REVIEW_MISSING');
  const settings = await loadBureauSettings(db);
  const body = await renderReviewOpinion({
    authority: settings.bureau.name, documentTitle: d.title, draftingUnit: d.draftingUnit, round, submittedOn: review.submittedOn, reviewedOn: review.reviewedOn,
    passed: review.passed, competence: review.competence ?? '', procedure: review.procedure ?? '', content: review.content ?? '', conclusion: review.conclusion,
    reviewerName: review.reviewerName ?? '',
  });
  return success({ fileName: `合法性审核意见书-${d.title}-${round}.docx`, body });
}

// ── Year figures ──

export interface NormativeYearFigures {
  year: number; drafted: number; reviewed: number; reviewPassed: number; issued: number;
  /** Issued in the year by drafting level (seed-figures.md #5: 市政府和部门规范性文件各1件). */
  issuedByLevel: Record<DraftingLevel, number>; published: number;
  filedOnTime: number; filedLate: number; cleanedUp: Record<CleanupOutcome, number>; repealed: number; inForceAtYearEnd: number;
}

/** The year's figures for the rule-of-law report and Table 二 of the disclosure report (本年制发 / 本年废止 / 现行有效). */
export async function normativeDocumentYearFigures(db: Db, year: number): Promise<NormativeYearFigures> {
  const s = await loadNormativeSettings(db);
  const docs = await listDocuments(db);
  const inYear = (on: string | null) => !!on && on.startsWith(`${year}-`);
  const filed = docs.filter((d) => inYear(d.filedOn) && d.publishedOn);
  const onTime = filed.filter((d) => filingClock(d.publishedOn, d.filedOn, s, d.filedOn!)!.onTime).length;
  const reviews = await reviewsInYear(db, year);
  const cleanups = await cleanupsInYear(db, year);
  const cleanedUp: Record<CleanupOutcome, number> = { retain: 0, amend: 0, repeal: 0 };
  for (const c of cleanups) cleanedUp[c.outcome]++;
  return {
    year, drafted: docs.filter((d) => inYear(d.draftedOn)).length, reviewed: reviews.length, reviewPassed: reviews.filter((r) => r.passed).length,
    issued: docs.filter((d) => inYear(d.issuedOn)).length,
    issuedByLevel: { government: docs.filter((d) => inYear(d.issuedOn) && d.draftingLevel === 'government').length, bureau: docs.filter((d) => inYear(d.issuedOn) && d.draftingLevel === 'bureau').length },
    published: docs.filter((d) => inYear(d.publishedOn)).length,
    filedOnTime: onTime, filedLate: filed.length - onTime, cleanedUp,
    repealed: docs.filter((d) => d.status === 'repealed' && inYear(d.endedOn)).length,
    inForceAtYearEnd: docs.filter((d) => isInForce(d, `${year}-12-31`)).length,
  };
}

export async function yearFigures(db: Db, principal: Principal, year: number): Promise<Result<NormativeYearFigures>> {
  if (!can(principal, READ)) return refuse('FORBIDDEN');
  return success(await normativeDocumentYearFigures(db, year));
}
