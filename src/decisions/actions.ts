// 重大行政决策 actions: load facts → apply the rule → write and audit in one transaction.
import type { Db, DbOrTx } from '../platform/db/index.js';
import { eq } from 'drizzle-orm';
import { allowed, refuse, success, type Outcome, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import type { WorkingCalendar } from '../law/working-days.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { can, type Permission, type Principal } from '../platform/auth/roles.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { loadBureauSettings } from '../settings/index.js';
import { decisionCatalogues, decisionComments, decisionItems } from './tables.js';
import {
  checkArchive, checkCommentPeriod, checkCommentSubmission, checkDecision, checkDiscussion, checkEvaluation, checkMeetingRecord,
  checkOpenComment, checkParticipationStep, checkProposal, checkPublication, checkReviewCompletion, checkReviewSubmission, checkStepDate,
  reached, stepIndex, STEPS, type CatalogueStatus, type DecisionFacts, type MeetingOpinion, type Step,
} from './rules.js';
import {
  commentCounts, countUnanswered, findCatalogue, findCatalogueByYear, findComment, findItem, listCatalogues, listComments, listItems,
  type CatalogueRow, type CommentRow, type ItemRow,
} from './queries.js';
import { renderReviewOpinionDocument } from './document.js';

const PUBLIC_ACTOR: Actor = { id: null, name: 'public', role: 'public' };
const ENTITY = 'decision_item';

const factsOf = (row: ItemRow, catalogueStatus: CatalogueStatus, unanswered: number): DecisionFacts => ({
  step: row.step, catalogueStatus,
  planned: { hearing: row.plannedHearing, experts: row.plannedExperts, risk: row.plannedRisk },
  comment: { startOn: row.commentStartOn, endOn: row.commentEndOn, unanswered },
  hearingOn: row.hearingOn, expertsOn: row.expertsOn, riskOn: row.riskOn,
  review: { submittedOn: row.reviewSubmittedOn, completedOn: row.reviewCompletedOn, passed: row.reviewPassed },
  discussedOn: row.discussedOn, decidedOn: row.decidedOn, publishedOn: row.publishedOn,
});

const latest = (...ons: (string | null)[]): string | null => ons.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
const later = (a: Step, b: Step): Step => (stepIndex(a) >= stepIndex(b) ? a : b);

export type ActionName = 'propose' | 'comment' | 'hearing' | 'experts' | 'risk' | 'review-submit' | 'review' | 'discuss' | 'decide'
  | 'publish' | 'archive' | 'evaluate';
export const ACTION_PERMISSION: Record<ActionName, Permission> = {
  propose: 'decision.manage', comment: 'decision.manage', hearing: 'decision.manage', experts: 'decision.manage', risk: 'decision.manage',
  'review-submit': 'decision.manage', review: 'decision.review', discuss: 'decision.manage', decide: 'decision.decide',
  publish: 'decision.manage', archive: 'decision.manage', evaluate: 'decision.manage',
};

/** The gate of each action as it stands today (a date-bound gate is checked again with the entered date). */
function gateOf(name: ActionName, f: DecisionFacts, cal: WorkingCalendar, todayOn: string): Outcome {
  switch (name) {
    case 'propose': return checkProposal(f);
    case 'comment': return checkOpenComment(f);
    case 'hearing': case 'experts': case 'risk': return checkParticipationStep(f, name);
    case 'review-submit': return checkReviewSubmission(f, todayOn);
    case 'review': return checkReviewCompletion(cal, f, todayOn);
    case 'discuss': return checkDiscussion(f);
    case 'decide': return checkDecision(f);
    case 'publish': return checkPublication(f);
    case 'archive': return checkArchive(f);
    case 'evaluate': return checkEvaluation(f);
  }
}

/** The actions the principal may take now, each with the refusal that blocks it (the UI disables it and cites the article). */
function actionsOf(p: Principal, f: DecisionFacts, cal: WorkingCalendar, todayOn: string) {
  const out: { name: ActionName; allowed: boolean; refusal?: Refusal }[] = [];
  for (const name of Object.keys(ACTION_PERMISSION) as ActionName[]) {
    if (!can(p, ACTION_PERMISSION[name])) continue;
    const o = gateOf(name, f, cal, todayOn);
    if (!o.ok && (o.code === 'DECISION_STEP_DONE' || o.code === 'DECISION_STEP_NOT_PLANNED')) continue;
    // A review still inside its 7 working days is offered: the entered date is what the rule checks.
    if (name === 'review' && !o.ok && o.code === 'DECISION_REVIEW_TOO_SHORT') { out.push({ name, allowed: true }); continue; }
    out.push(o.ok ? { name, allowed: true } : { name, allowed: false, refusal: o });
  }
  return out;
}

function timelineOf(row: ItemRow) {
  const on: Record<Step, string | null> = {
    listed: null, proposed: row.proposedOn, comment: row.commentStartOn, hearing: row.hearingOn, experts: row.expertsOn, risk: row.riskOn,
    'review-submitted': row.reviewSubmittedOn, reviewed: row.reviewCompletedOn, discussed: row.discussedOn, decided: row.decidedOn,
    published: row.publishedOn, archived: row.archivedOn, evaluated: row.evaluatedOn,
  };
  const planned = (s: Step) => (s === 'hearing' ? row.plannedHearing : s === 'experts' ? row.plannedExperts : s === 'risk' ? row.plannedRisk : true);
  return STEPS.filter(planned).map((step) => ({ step, on: on[step], done: step === 'listed' || on[step] !== null }));
}

// ---------- reads ----------

export async function catalogueList(db: DbOrTx, p: Principal) {
  if (!can(p, 'decision.read')) return refuse('FORBIDDEN');
  const catalogues = await listCatalogues(db);
  const items = await listItems(db);
  return success(catalogues.map((c) => ({ ...c, items: items.filter((i) => i.item.catalogueId === c.id).map((i) => summaryOf(i.item)) })));
}

function summaryOf(i: ItemRow) {
  return {
    id: i.id, catalogueId: i.catalogueId, title: i.title, department: i.department, step: i.step,
    plannedHearing: i.plannedHearing, plannedExperts: i.plannedExperts, plannedRisk: i.plannedRisk,
    proposedOn: i.proposedOn, decidedOn: i.decidedOn, publishedOn: i.publishedOn,
  };
}

export async function decisionList(db: DbOrTx, p: Principal) {
  if (!can(p, 'decision.read')) return refuse('FORBIDDEN');
  return success((await listItems(db)).map((r) => ({ ...summaryOf(r.item), year: r.year, catalogueStatus: r.catalogueStatus })));
}

export async function decisionDetail(db: DbOrTx, p: Principal, id: number, now: Date) {
  if (!can(p, 'decision.read')) return refuse('FORBIDDEN');
  const row = await findItem(db, id);
  if (!row) return refuse('NOT_FOUND');
  const catalogue = (await findCatalogue(db, row.catalogueId))!;
  const comments = await listComments(db, id);
  const cal = await loadWorkingCalendar(db);
  const todayOn = chinaDateOf(now);
  const f = factsOf(row, catalogue.status, comments.filter((c) => c.answer === null).length);
  return success({
    ...row, catalogue: { id: catalogue.id, year: catalogue.year, status: catalogue.status }, comments,
    timeline: timelineOf(row), actions: actionsOf(p, f, cal, todayOn), todayOn,
  });
}

// ---------- catalogue ----------

export async function createCatalogue(db: Db, p: Principal, input: { year: number }, now: Date) {
  if (!can(p, 'decision.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    if (await findCatalogueByYear(tx, input.year)) return refuse('DECISION_CATALOGUE_EXISTS', undefined, 'year');
    const [row] = await tx.insert(decisionCatalogues).values({ year: input.year, status: 'draft', createdById: p.id, createdAt: now, updatedAt: now })
      .onConflictDoNothing().returning();
    if (!row) return refuse('DECISION_CATALOGUE_EXISTS', undefined, 'year');
    await appendAudit(tx, actorOf(p), { action: 'decision.catalogue.create', entity: 'decision_catalogue', entityId: row.id, after: row }, now);
    return success(row);
  });
}

export async function addItem(db: Db, p: Principal, catalogueId: number, input: { title: string; department: string; plannedHearing: boolean; plannedExperts: boolean; plannedRisk: boolean }, now: Date) {
  if (!can(p, 'decision.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findCatalogue(tx, catalogueId, true);
    if (!c) return refuse('NOT_FOUND');
    // 第三条第三款: the catalogue is changed by the bureau's own procedure; once approved it is not edited here.
    if (c.status !== 'draft') return refuse('DECISION_CATALOGUE_NOT_DRAFT');
    const [row] = await tx.insert(decisionItems).values({ ...input, catalogueId, step: 'listed', createdById: p.id, createdAt: now, updatedAt: now }).returning();
    await appendAudit(tx, actorOf(p), { action: 'decision.item.add', entity: ENTITY, entityId: row!.id, after: summaryOf(row!) }, now);
    return success(row!);
  });
}

async function changeCatalogue(db: Db, p: Principal, id: number, on: string, to: 'approved' | 'published', now: Date): Promise<Result<CatalogueRow>> {
  if (!can(p, to === 'approved' ? 'decision.decide' : 'decision.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findCatalogue(tx, id, true);
    if (!c) return refuse('NOT_FOUND');
    if (to === 'approved' && c.status !== 'draft') return refuse('DECISION_STEP_DONE');
    if (to === 'published' && c.status !== 'approved') return refuse(c.status === 'draft' ? 'DECISION_CATALOGUE_NOT_APPROVED' : 'DECISION_STEP_DONE');
    if (to === 'approved' && (await listItems(tx, id)).length === 0) return refuse('DECISION_CATALOGUE_EMPTY');
    const date = checkStepDate(on, to === 'published' ? c.approvedOn : null, chinaDateOf(now), 'on');
    if (!date.ok) return date;
    const values = to === 'approved' ? { status: to, approvedOn: on, approvedById: p.id, updatedAt: now } : { status: to, publishedOn: on, updatedAt: now };
    const [row] = await tx.update(decisionCatalogues).set(values).where(eq(decisionCatalogues.id, id)).returning();
    await appendAudit(tx, actorOf(p), { action: `decision.catalogue.${to === 'approved' ? 'approve' : 'publish'}`, entity: 'decision_catalogue', entityId: id, before: { status: c.status }, after: { status: to, on } }, now);
    return success(row!);
  });
}
export const approveCatalogue = (db: Db, p: Principal, id: number, on: string, now: Date) => changeCatalogue(db, p, id, on, 'approved', now);
export const publishCatalogue = (db: Db, p: Principal, id: number, on: string, now: Date) => changeCatalogue(db, p, id, on, 'published', now);

// ---------- the procedure ----------

interface StepContext { row: ItemRow; facts: DecisionFacts; cal: WorkingCalendar; todayOn: string; catalogue: CatalogueRow }
interface StepSpec {
  action: ActionName;
  /** The entered date, the date it follows and its field. */
  date: (c: StepContext) => { on: string; previousOn: string | null; field: string };
  check: (c: StepContext) => Outcome;
  values: (c: StepContext) => Partial<typeof decisionItems.$inferInsert>;
}

async function runStep(db: Db, p: Principal, id: number, spec: StepSpec, now: Date) {
  if (!can(p, ACTION_PERMISSION[spec.action])) return refuse('FORBIDDEN');
  const cal = await loadWorkingCalendar(db);
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const row = await findItem(tx, id, true);
    if (!row) return refuse('NOT_FOUND');
    const catalogue = (await findCatalogue(tx, row.catalogueId))!;
    const c: StepContext = { row, catalogue, cal, todayOn, facts: factsOf(row, catalogue.status, await countUnanswered(tx, id)) };
    const gate = gateOf(spec.action, c.facts, cal, todayOn);
    // The review's 7 working days are checked on the entered completion date (spec.check), not today.
    if (!gate.ok && !(spec.action === 'review' && gate.code === 'DECISION_REVIEW_TOO_SHORT')) return gate;
    const d = spec.date(c);
    const date = checkStepDate(d.on, d.previousOn, todayOn, d.field);
    if (!date.ok) return date;
    const o = spec.check(c);
    if (!o.ok) return o;
    const values = spec.values(c);
    const [updated] = await tx.update(decisionItems).set({ ...values, updatedAt: now }).where(eq(decisionItems.id, id)).returning();
    await appendAudit(tx, actorOf(p), { action: `decision.${spec.action}`, entity: ENTITY, entityId: id, before: { step: row.step }, after: values }, now);
    return success(updated!);
  });
}

export const propose = (db: Db, p: Principal, id: number, i: { proposedOn: string; draftText: string }, now: Date) => runStep(db, p, id, {
  action: 'propose', date: (c) => ({ on: i.proposedOn, previousOn: c.catalogue.approvedOn, field: 'proposedOn' }),
  check: () => allowed, values: () => ({ step: 'proposed', proposedOn: i.proposedOn, draftText: i.draftText }),
}, now);

export const openComment = (db: Db, p: Principal, id: number, i: { startOn: string; endOn: string; shortenedReason?: string | null }, now: Date) => runStep(db, p, id, {
  action: 'comment', date: (c) => ({ on: i.startOn, previousOn: c.row.proposedOn, field: 'startOn' }),
  check: () => checkCommentPeriod(i.startOn, i.endOn, i.shortenedReason ?? null),
  values: () => ({ step: 'comment', commentStartOn: i.startOn, commentEndOn: i.endOn, commentShortenedReason: i.shortenedReason?.trim() || null }),
}, now);

export const recordHearing = (db: Db, p: Principal, id: number, i: { heldOn: string; summary: string }, now: Date) => runStep(db, p, id, {
  action: 'hearing', date: (c) => ({ on: i.heldOn, previousOn: c.row.commentStartOn, field: 'heldOn' }),
  check: () => allowed, values: (c) => ({ step: later(c.row.step, 'hearing'), hearingOn: i.heldOn, hearingSummary: i.summary }),
}, now);

export const recordExperts = (db: Db, p: Principal, id: number, i: { heldOn: string; opinion: string }, now: Date) => runStep(db, p, id, {
  action: 'experts', date: (c) => ({ on: i.heldOn, previousOn: c.row.commentStartOn, field: 'heldOn' }),
  check: () => allowed, values: (c) => ({ step: later(c.row.step, 'experts'), expertsOn: i.heldOn, expertsOpinion: i.opinion }),
}, now);

export const recordRisk = (db: Db, p: Principal, id: number, i: { assessedOn: string; level: 'low' | 'medium' | 'high'; report: string }, now: Date) => runStep(db, p, id, {
  action: 'risk', date: (c) => ({ on: i.assessedOn, previousOn: c.row.commentStartOn, field: 'assessedOn' }),
  check: () => allowed, values: (c) => ({ step: later(c.row.step, 'risk'), riskOn: i.assessedOn, riskLevel: i.level, riskReport: i.report }),
}, now);

export const submitForReview = (db: Db, p: Principal, id: number, i: { submittedOn: string }, now: Date) => runStep(db, p, id, {
  action: 'review-submit',
  date: (c) => ({ on: i.submittedOn, previousOn: latest(c.row.commentStartOn, c.row.hearingOn, c.row.expertsOn, c.row.riskOn), field: 'submittedOn' }),
  check: (c) => { const o = checkReviewSubmission(c.facts, i.submittedOn); return o.ok ? o : { ...o, field: o.code === 'DECISION_COMMENT_PERIOD_RUNNING' ? 'submittedOn' : o.field }; },
  values: () => ({ step: 'review-submitted', reviewSubmittedOn: i.submittedOn }),
}, now);

export interface ReviewInput { completedOn: string; passed: boolean; competence: string; procedure: string; content: string; reviewerOpinion: string; counselOpinion: string }
export const recordReview = (db: Db, p: Principal, id: number, i: ReviewInput, now: Date) => runStep(db, p, id, {
  action: 'review', date: (c) => ({ on: i.completedOn, previousOn: c.row.reviewSubmittedOn, field: 'completedOn' }),
  check: (c) => checkReviewCompletion(c.cal, c.facts, i.completedOn),
  values: () => ({
    step: 'reviewed', reviewCompletedOn: i.completedOn, reviewPassed: i.passed, reviewCompetence: i.competence, reviewProcedure: i.procedure,
    reviewContent: i.content, reviewerOpinion: i.reviewerOpinion, counselOpinion: i.counselOpinion, reviewerId: p.id,
  }),
}, now);

export interface DiscussInput {
  discussedOn: string; meetingKind: 'party_group' | 'director_office'; attendees: string[]; opinions: MeetingOpinion[];
  conclusion: 'adopt' | 'reject'; departureReason?: string | null;
}
export const recordDiscussion = (db: Db, p: Principal, id: number, i: DiscussInput, now: Date) => runStep(db, p, id, {
  action: 'discuss', date: (c) => ({ on: i.discussedOn, previousOn: c.row.reviewCompletedOn, field: 'discussedOn' }),
  check: () => checkMeetingRecord(i.opinions, i.conclusion, i.departureReason ?? null),
  values: () => ({
    step: 'discussed', discussedOn: i.discussedOn, meetingKind: i.meetingKind, attendees: i.attendees, opinions: i.opinions,
    conclusion: i.conclusion, departureReason: i.departureReason?.trim() || null,
  }),
}, now);

export const decide = (db: Db, p: Principal, id: number, i: { decidedOn: string; decisionText: string }, now: Date) => runStep(db, p, id, {
  action: 'decide', date: (c) => ({ on: i.decidedOn, previousOn: c.row.discussedOn, field: 'decidedOn' }),
  check: () => allowed, values: () => ({ step: 'decided', decidedOn: i.decidedOn, decisionText: i.decisionText, decidedById: p.id }),
}, now);

export const publish = (db: Db, p: Principal, id: number, i: { publishedOn: string; channel: string }, now: Date) => runStep(db, p, id, {
  action: 'publish', date: (c) => ({ on: i.publishedOn, previousOn: c.row.decidedOn, field: 'publishedOn' }),
  check: () => allowed, values: () => ({ step: 'published', publishedOn: i.publishedOn, publicationChannel: i.channel }),
}, now);

export const archive = (db: Db, p: Principal, id: number, i: { archivedOn: string; reference: string }, now: Date) => runStep(db, p, id, {
  action: 'archive', date: (c) => ({ on: i.archivedOn, previousOn: c.row.publishedOn, field: 'archivedOn' }),
  check: () => allowed, values: () => ({ step: 'archived', archivedOn: i.archivedOn, archiveReference: i.reference }),
}, now);

export const evaluate = (db: Db, p: Principal, id: number, i: { evaluatedOn: string; text: string }, now: Date) => runStep(db, p, id, {
  action: 'evaluate', date: (c) => ({ on: i.evaluatedOn, previousOn: c.row.archivedOn, field: 'evaluatedOn' }),
  check: () => allowed, values: () => ({ step: 'evaluated', evaluatedOn: i.evaluatedOn, evaluationText: i.text }),
}, now);

// ---------- public comment ----------

const publicComment = (c: CommentRow) => ({ id: c.id, content: c.content, submittedOn: c.submittedOn, answer: c.answer, answeredOn: c.answeredOn });

/** Drafts whose public comment has opened (第十五条), open or closed, with the answers published (第十八条). */
export async function publicDecisionList(db: DbOrTx, now: Date) {
  const todayOn = chinaDateOf(now);
  return (await listItems(db)).filter((r) => r.item.commentStartOn !== null && r.item.commentStartOn <= todayOn).map(({ item: i }) => ({
    id: i.id, title: i.title, department: i.department, commentStartOn: i.commentStartOn, commentEndOn: i.commentEndOn,
    open: i.commentEndOn !== null && todayOn <= i.commentEndOn, publishedOn: i.publishedOn,
  }));
}

export async function publicDecisionDetail(db: DbOrTx, id: number, now: Date) {
  const todayOn = chinaDateOf(now);
  const i = await findItem(db, id);
  if (!i || i.commentStartOn === null || i.commentStartOn > todayOn) return refuse('NOT_FOUND');
  const comments = await listComments(db, id);
  return success({
    id: i.id, title: i.title, department: i.department, draftText: i.draftText, commentStartOn: i.commentStartOn, commentEndOn: i.commentEndOn,
    shortenedReason: i.commentShortenedReason, open: i.commentEndOn !== null && todayOn <= i.commentEndOn,
    // 第十八条 / 第三十二条: answered comments are published with their answers; the authors' names are not.
    comments: comments.filter((c) => c.answer !== null).map(publicComment),
    received: comments.length, decision: i.publishedOn ? { publishedOn: i.publishedOn, text: i.decisionText } : null,
  });
}

export async function submitPublicComment(db: Db, id: number, input: { authorName?: string | null; content: string }, now: Date) {
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const row = await findItem(tx, id, true);
    if (!row || row.commentStartOn === null || row.commentStartOn > todayOn) return refuse('NOT_FOUND');
    const catalogue = (await findCatalogue(tx, row.catalogueId))!;
    const o = checkCommentSubmission(factsOf(row, catalogue.status, 0), todayOn);
    if (!o.ok) return o;
    const [c] = await tx.insert(decisionComments).values({ itemId: id, authorName: input.authorName?.trim() || null, content: input.content, submittedOn: todayOn, createdAt: now }).returning();
    await appendAudit(tx, PUBLIC_ACTOR, { action: 'decision.comment.submit', entity: 'decision_comment', entityId: c!.id, after: { itemId: id, submittedOn: todayOn } }, now);
    return success({ id: c!.id, submittedOn: todayOn });
  });
}

export async function answerComment(db: Db, p: Principal, id: number, commentId: number, input: { answer: string }, now: Date) {
  if (!can(p, 'decision.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const item = await findItem(tx, id, true);
    const c = await findComment(tx, id, commentId, true);
    if (!item || !c) return refuse('NOT_FOUND');
    // The answers are part of the draft's account sent to legality review (第二十六条); after that they are fixed.
    if (reached(item.step, 'review-submitted')) return refuse('DECISION_STEP_DONE');
    const answeredOn = chinaDateOf(now);
    const [row] = await tx.update(decisionComments).set({ answer: input.answer, answeredOn, answeredById: p.id }).where(eq(decisionComments.id, commentId)).returning();
    await appendAudit(tx, actorOf(p), { action: 'decision.comment.answer', entity: 'decision_comment', entityId: commentId, before: { answer: c.answer }, after: { answer: input.answer, answeredOn } }, now);
    return success(row!);
  });
}

// ---------- documents and figures ----------

export async function reviewOpinionDocument(db: DbOrTx, p: Principal, id: number): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!can(p, 'decision.read')) return refuse('FORBIDDEN');
  const row = await findItem(db, id);
  if (!row) return refuse('NOT_FOUND');
  if (row.reviewCompletedOn === null) return refuse('DECISION_REVIEW_MISSING');
  const settings = await loadBureauSettings(db);
  const body = await renderReviewOpinionDocument({
    authority: settings.bureau.name, title: row.title, department: row.department, submittedOn: row.reviewSubmittedOn!, completedOn: row.reviewCompletedOn,
    passed: row.reviewPassed === true, competence: row.reviewCompetence ?? '', procedure: row.reviewProcedure ?? '', content: row.reviewContent ?? '',
    reviewerOpinion: row.reviewerOpinion ?? '', counselOpinion: row.counselOpinion ?? '',
  });
  return success({ fileName: `合法性审查意见书-${row.title}.docx`, body });
}

/** The year's figures for the year-end report: the catalogue's items and how far their procedures got. */
export async function decisionYearFigures(db: DbOrTx, year: number) {
  const catalogue = await findCatalogueByYear(db, year);
  const items = catalogue ? (await listItems(db, catalogue.id)).map((r) => r.item) : [];
  const reachedCount = (s: Step) => items.filter((i) => reached(i.step, s)).length;
  /** Decisions that reached each step (a decision published has also been proposed, reviewed…). */
  const byStepReached = Object.fromEntries(STEPS.map((s) => [s, reachedCount(s)])) as Record<Step, number>;
  return {
    year, catalogueStatus: catalogue?.status ?? null, catalogueItems: items.length, byStepReached,
    comments: await commentCounts(db, year),
    hearings: items.filter((i) => i.hearingOn !== null).length,
    expertArgumentations: items.filter((i) => i.expertsOn !== null).length,
    riskAssessments: items.filter((i) => i.riskOn !== null).length,
    legalityReviews: items.filter((i) => i.reviewCompletedOn !== null).length,
    collectiveDiscussions: items.filter((i) => i.discussedOn !== null).length,
    decided: reachedCount('decided'),
    published: reachedCount('published'),
  };
}

export async function yearFigures(db: DbOrTx, p: Principal, year: number) {
  if (!can(p, 'decision.read')) return refuse('FORBIDDEN');
  return success(await decisionYearFigures(db, year));
}
