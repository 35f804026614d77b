// Training (学法考试) actions: load facts → apply the rule → write and audit in one transaction.
import { randomInt } from 'node:crypto';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { allowed, refuse, success, type Outcome, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, inDistrictScope, type Principal, type Role } from '../platform/auth/roles.js';
import { trainingEnrolments, trainingExams, trainingQuestions } from './tables.js';
import {
  checkExamOpen, checkExamSettings, checkSubmission, computeFigures, drawPaper, findAnswerProblem, findLapsed, findQuestionProblem,
  markPaper, QUESTION_KINDS, sittingSeed, submissionDeadline, type Question, type QuestionCounts,
  checkHappenedOn, checkInPlanYear, checkTypicalCaseAction, computeActivityFigures, computeItemProgress, computeStudyFigures,
  type AudienceKind, type StudyKind, type TypicalCaseAction,
} from './rules.js';
import { findIdentityLeft, organisationNameForms, organisationPseudonym, redactIdentity, type PartyIdentity } from './redaction.js';
import {
  findCandidates, findExam, findQuestionsByIds, findSitting, insertSitting, isEnrolled, listActiveQuestionKinds, listCandidates,
  listCredentialedOfficers, listExams, listQuestions, recordSubmission, type ExamRow, type QuestionRow, type SittingRow,
  countPublishedTypicalCases, countYearExams, findCaseForTypicalCase, findDepartmentIds, findItem, findPlan, findPlanByYear, findStaff, findTypicalCase,
  insertActivity, insertItems, insertPlan, insertStudySession, insertTypicalCase, listActivities, listItems, listStudyAttendees, listStudySessions,
  listTypicalCases, listYearCandidates, listYearItems, markItemDone, updateTypicalCase, type TypicalCaseRow, studySessionExists, activityExists,
} from './queries.js';
import type { EvidenceOwnerKindConfig } from '../evidence/index.js';
import { QUESTION_BANK } from './data/questions.js';

/** Loads the starter bank: questions whose code is not on record yet (idempotent). */
export async function seedQuestionBank(db: Db, now: Date, bank: Question[] = QUESTION_BANK, actor: Actor = SYSTEM_ACTOR): Promise<{ created: number }> {
  for (const q of bank) {
    const problem = findQuestionProblem(q);
    if (problem) throw new Error(`question ${q.code}: ${problem}`);
  }
  // Every start passes through here: a read of the codes, and no write when the whole bank is on record.
  const recorded = new Set((await db.select({ code: trainingQuestions.code }).from(trainingQuestions)).map((r) => r.code));
  const missing = bank.filter((q) => !recorded.has(q.code));
  if (!missing.length) return { created: 0 };
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(trainingQuestions).values(missing.map((q) => ({ ...q, createdAt: now })))
      .onConflictDoNothing({ target: trainingQuestions.code }).returning({ code: trainingQuestions.code });
    if (inserted.length) {
      await appendAudit(tx, actor, { action: 'training.bank.seed', entity: 'training_question', entityId: 'bank', after: { codes: inserted.map((r) => r.code) }, reason: '学法考试题库 reference data' }, now);
    }
    return { created: inserted.length };
  });
}

/** The bank for the exam administrators, answers included. */
export async function questionBank(db: DbOrTx, principal: Principal): Promise<Result<QuestionRow[]>> {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  return success(await listQuestions(db));
}

export interface ExamInput {
  title: string; opensOn: string; closesOn: string; timeLimitMinutes: number; passPercent: number;
  counts: QuestionCounts; enrolRoles?: Role[]; enrolUserIds?: number[]; reason?: string | null;
}

/** Creates an exam and fixes its candidates (by role and/or id; by default every enforcement officer). */
export async function createExam(db: Db, principal: Principal, input: ExamInput, now: Date): Promise<Result<ReturnType<typeof publicExam> & { enrolled: number }>> {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  const roles = input.enrolRoles ?? [];
  const ids = input.enrolUserIds ?? [];
  const enrolRoles: Role[] = roles.length || ids.length ? roles : ['enforcement_officer'];
  if (enrolRoles.includes('enterprise_user')) return refuse('TRAINING_CANDIDATE_NOT_STAFF', undefined, 'enrolRoles');
  return db.transaction(async (tx) => {
    const bank = await listActiveQuestionKinds(tx);
    const available = Object.fromEntries(QUESTION_KINDS.map((k) => [k, bank.filter((q) => q.kind === k).length])) as QuestionCounts;
    const checked = checkExamSettings({ ...input, available, todayOn: chinaDateOf(now) });
    if (!checked.ok) return checked;
    const candidates = await findCandidates(tx, enrolRoles, ids);
    const found = new Set(candidates.map((c) => c.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) return refuse('TRAINING_CANDIDATE_UNKNOWN', undefined, `enrolUserIds.${missing}`);
    const bad = ids.findIndex((id) => { const c = candidates.find((u) => u.id === id)!; return c.role === 'enterprise_user' || !c.active; });
    if (bad >= 0) return refuse('TRAINING_CANDIDATE_NOT_STAFF', undefined, `enrolUserIds.${bad}`);
    if (!candidates.length) return refuse('TRAINING_NO_CANDIDATES', undefined, 'enrolRoles');
    const [exam] = await tx.insert(trainingExams).values({
      title: input.title, opensOn: input.opensOn, closesOn: input.closesOn, timeLimitMinutes: input.timeLimitMinutes, passPercent: input.passPercent,
      counts: input.counts, seed: randomInt(0, 2 ** 31 - 1), enrolledRoles: enrolRoles, createdById: principal.id, createdAt: now,
    }).returning();
    await tx.insert(trainingEnrolments).values(candidates.map((c) => ({ examId: exam!.id, userId: c.id })));
    await appendAudit(tx, actorOf(principal), {
      action: 'training.exam.create', entity: 'training_exam', entityId: exam!.id,
      after: { ...exam, candidates: candidates.map((c) => c.id) }, reason: input.reason ?? null,
    }, now);
    return success({ ...publicExam(exam!), enrolled: candidates.length });
  });
}

export async function examList(db: DbOrTx, principal: Principal, now: Date) {
  const all = can(principal, 'training.manage');
  const today = chinaDateOf(now);
  const rows = await listExams(db, principal.id, all);
  return rows.map((r) => ({
    ...publicExam(r.exam), enrolled: r.enrolled, enrolledCount: r.enrolledCount, satCount: r.satCount,
    open: today >= r.exam.opensOn && today <= r.exam.closesOn, mySittingId: r.mySittingId,
  }));
}

const publicExam = (e: ExamRow) => ({
  id: e.id, title: e.title, opensOn: e.opensOn, closesOn: e.closesOn, timeLimitMinutes: e.timeLimitMinutes, passPercent: e.passPercent,
  counts: e.counts, enrolledRoles: e.enrolledRoles, createdAt: e.createdAt,
});

/** A paper as the candidate sees it: questions and options, never the answers (until submitted). */
function presentSitting(exam: ExamRow, s: SittingRow, questions: QuestionRow[]) {
  const submitted = s.submittedAt !== null;
  const marked = submitted ? markPaper(questions, parseAnswers(s.answers ?? {}), exam.passPercent) : null;
  return {
    id: s.id, examId: s.examId, startedAt: s.startedAt, submittedAt: s.submittedAt, deadlineAt: submissionDeadline(exam, s.startedAt),
    questions: questions.map((q, i) => ({
      id: q.id, kind: q.kind, stem: q.stem, options: q.options, law: q.law, article: q.article, topic: q.topic,
      ...(submitted ? { answer: q.answer, given: s.answers?.[String(q.id)] ?? [], correct: marked!.perQuestion[i]! } : {}),
    })),
    result: submitted ? { correct: s.correct!, total: s.total, scorePercent: s.scorePercent!, passed: s.passed! } : null,
  };
}
export type SittingView = ReturnType<typeof presentSitting>;

const parseAnswers = (a: Record<string, number[]>): Record<number, number[]> => Object.fromEntries(Object.entries(a).map(([k, v]) => [Number(k), v]));

/** One exam: its settings, the candidate's own sitting, and whether they may start it now. */
export async function examDetail(db: DbOrTx, principal: Principal, examId: number, now: Date) {
  const exam = await findExam(db, examId);
  if (!exam) return refuse('NOT_FOUND');
  const enrolled = await isEnrolled(db, examId, principal.id);
  const manage = can(principal, 'training.manage');
  if (!enrolled && !manage) return refuse('NOT_FOUND');
  const sitting = enrolled ? await findSitting(db, examId, principal.id) : null;
  return success({
    exam: publicExam(exam), enrolled,
    sitting: sitting ? presentSitting(exam, sitting, await findQuestionsByIds(db, sitting.questionIds)) : null,
    actions: { start: enrolled && sitting === null && checkExamOpen(exam, now).ok, results: manage },
  });
}

/** Starts (or resumes) the candidate's sitting: draws their paper from the exam's seed and records startedAt. */
export async function startSitting(db: Db, principal: Principal, examId: number, now: Date): Promise<Result<SittingView & { resumed: boolean }>> {
  return db.transaction(async (tx) => {
    const exam = await findExam(tx, examId);
    if (!exam) return refuse('NOT_FOUND');
    if (!(await isEnrolled(tx, examId, principal.id))) return refuse('FORBIDDEN');
    const existing = await findSitting(tx, examId, principal.id);
    if (existing) return success({ ...presentSitting(exam, existing, await findQuestionsByIds(tx, existing.questionIds)), resumed: true });
    const open = checkExamOpen(exam, now);
    if (!open.ok) return open;
    const paper = drawPaper(await listActiveQuestionKinds(tx), exam.counts, sittingSeed(exam.seed, principal.id));
    if (!paper) return refuse('TRAINING_BANK_TOO_SMALL');
    const created = await insertSitting(tx, { examId, userId: principal.id, questionIds: paper, startedAt: now, total: paper.length });
    const sitting = (await findSitting(tx, examId, principal.id))!;
    if (created) {
      await appendAudit(tx, actorOf(principal), { action: 'training.sitting.start', entity: 'training_exam', entityId: examId, after: { sittingId: sitting.id, questionIds: paper } }, now);
    }
    return success({ ...presentSitting(exam, sitting, await findQuestionsByIds(tx, sitting.questionIds)), resumed: !created });
  });
}

/** Submits the answers once: marked at once, refused after the time limit (plus grace) or outside the window. */
export async function submitSitting(db: Db, principal: Principal, examId: number, answers: Record<number, number[]>, now: Date): Promise<Result<SittingView>> {
  return db.transaction(async (tx) => {
    const exam = await findExam(tx, examId);
    if (!exam) return refuse('NOT_FOUND');
    if (!(await isEnrolled(tx, examId, principal.id))) return refuse('FORBIDDEN');
    const sitting = await findSitting(tx, examId, principal.id);
    if (!sitting) return refuse('TRAINING_NOT_STARTED');
    const checked = checkSubmission(exam, sitting, now);
    if (!checked.ok) return checked;
    const questions = await findQuestionsByIds(tx, sitting.questionIds);
    const problem = findAnswerProblem(questions, answers);
    if (problem) return refuse('TRAINING_ANSWER_INVALID', undefined, problem);
    const marked = markPaper(questions, answers, exam.passPercent);
    const stored = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
    const values = { submittedAt: now, answers: stored, correct: marked.correct, scorePercent: marked.scorePercent, passed: marked.passed };
    // Two submissions at once: the conditional update lets one through.
    if (!(await recordSubmission(tx, sitting.id, values))) return refuse('TRAINING_ALREADY_SUBMITTED');
    await appendAudit(tx, actorOf(principal), {
      action: 'training.sitting.submit', entity: 'training_exam', entityId: examId,
      after: { sittingId: sitting.id, answers: stored, correct: marked.correct, total: marked.total, scorePercent: marked.scorePercent, passed: marked.passed },
    }, now);
    return success(presentSitting(exam, { ...sitting, ...values }, questions));
  });
}

const unitOf = (c: { departmentName: string | null; districtName: string | null }) => c.departmentName ?? c.districtName ?? '市局';

/** Figures of an exam: enrolled, sat, coverage, passed, pass rate — overall and per unit; each candidate. */
export async function examResults(db: DbOrTx, principal: Principal, examId: number) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  const exam = await findExam(db, examId);
  if (!exam) return refuse('NOT_FOUND');
  const rows = await listCandidates(db, examId);
  const candidates = rows.map((r) => ({ ...r, unit: unitOf(r), submitted: r.submittedAt !== null, passed: r.passed === true }));
  return success({ exam: publicExam(exam), ...computeFigures(candidates), candidates });
}

/** Credentialed officers with no passed sitting in the last twelve months (a flag only; filing rules do not read it). */
export async function lapsedOfficers(db: DbOrTx, principal: Principal, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  const rows = (await listCredentialedOfficers(db)).map((r) => ({ ...r, unit: unitOf(r), lastPassedAt: r.lastPassedAt ? new Date(r.lastPassedAt) : null }));
  return success(findLapsed(rows, now));
}

// —— 学法 study sessions ——

const isStaff = (p: Principal) => p.role !== 'enterprise_user';

export interface StudySessionInput { kind: StudyKind; topic: string; heldOn: string; hostId: number; attendeeIds: number[]; materials: string[]; minutes: string }

/** Records a study session that took place: its date not in the future, host and attendees staff on record. */
export async function recordStudySession(db: Db, principal: Principal, input: StudySessionInput, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  const happened = checkHappenedOn(input.heldOn, now, 'heldOn');
  if (!happened.ok) return happened;
  const attendeeIds = [...new Set(input.attendeeIds)];
  return db.transaction(async (tx) => {
    const staff = new Map((await findStaff(tx, [input.hostId, ...attendeeIds])).map((u) => [u.id, u]));
    const usable = (id: number) => { const u = staff.get(id); return u !== undefined && u.active && u.role !== 'enterprise_user'; };
    if (!usable(input.hostId)) return refuse('TRAINING_PERSON_UNKNOWN', undefined, 'hostId');
    const bad = input.attendeeIds.findIndex((id) => !usable(id));
    if (bad >= 0) return refuse('TRAINING_PERSON_UNKNOWN', undefined, `attendeeIds.${bad}`);
    const session = await insertStudySession(tx, {
      kind: input.kind, topic: input.topic, heldOn: input.heldOn, hostId: input.hostId, materials: input.materials, minutes: input.minutes,
      createdById: principal.id, createdAt: now,
    }, attendeeIds);
    await appendAudit(tx, actorOf(principal), { action: 'training.study.create', entity: 'training_study_session', entityId: session.id, after: { ...session, attendeeIds } }, now);
    return success({ ...session, attendance: attendeeIds.length });
  });
}

/** The year's sessions with attendees and their units, and the figures: per kind, attendance per unit. */
export async function studySessions(db: DbOrTx, principal: Principal, year: number) {
  if (!isStaff(principal)) return refuse('FORBIDDEN');
  const rows = await listStudySessions(db, year);
  const attendees = await listStudyAttendees(db, rows.map((r) => r.session.id));
  const items = rows.map((r) => ({
    ...r.session, hostName: r.hostName, attendance: r.attendance,
    attendees: attendees.filter((a) => a.sessionId === r.session.id).map((a) => ({ userId: a.userId, displayName: a.displayName, unit: unitOf(a) })),
  }));
  return success({ items, figures: computeStudyFigures(items.map((s) => ({ kind: s.kind, attendeeUnits: s.attendees.map((a) => a.unit) }))), canManage: can(principal, 'training.manage') });
}

/**
 * Files of training records kept as evidence files (hash, limits, verification, backup): study-session
 * materials and activity photos. Staff read them; the training administrators upload.
 */
export const TRAINING_EVIDENCE_OWNERS: EvidenceOwnerKindConfig[] = [
  {
    kind: 'study_session', entity: 'training_study_session', mayRead: isStaff, mayUpload: (p) => can(p, 'training.manage'),
    find: (db, id, _p, lock) => studySessionExists(db, id, lock),
  },
  {
    kind: 'popularisation_activity', entity: 'popularisation_activity', mayRead: isStaff, mayUpload: (p) => can(p, 'training.manage'),
    find: (db, id, _p, lock) => activityExists(db, id, lock),
  },
];

// —— 谁执法谁普法 popularisation ——

export interface ItemInput { departmentId: number; content: string; responsiblePerson: string; dueOn: string }

async function checkItems(tx: DbOrTx, year: number, items: ItemInput[], prefix: string): Promise<Outcome> {
  const known = new Set(await findDepartmentIds(tx, items.map((i) => i.departmentId)));
  for (const [i, item] of items.entries()) {
    if (!known.has(item.departmentId)) return refuse('POPULARISATION_DEPARTMENT_UNKNOWN', undefined, `${prefix}${i}.departmentId`);
    const inYear = checkInPlanYear(item.dueOn, year, `${prefix}${i}.dueOn`);
    if (!inYear.ok) return inYear;
  }
  return allowed;
}

/** The year's plan with its responsibility list (one plan a year: the unique year decides a race). */
export async function createPlan(db: Db, principal: Principal, input: { year: number; title: string; items: ItemInput[] }, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const checked = await checkItems(tx, input.year, input.items, 'items.');
    if (!checked.ok) return checked;
    const plan = await insertPlan(tx, { year: input.year, title: input.title, createdById: principal.id, createdAt: now });
    if (!plan) return refuse('POPULARISATION_PLAN_EXISTS', undefined, 'year');
    const items = await insertItems(tx, input.items.map((i) => ({ ...i, planId: plan.id, createdAt: now })));
    await appendAudit(tx, actorOf(principal), { action: 'popularisation.plan.create', entity: 'popularisation_plan', entityId: plan.id, after: { ...plan, items } }, now);
    return success({ ...plan, items });
  });
}

/** Adds an item to a plan's responsibility list. */
export async function addItem(db: Db, principal: Principal, planId: number, input: ItemInput, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const plan = await findPlan(tx, planId);
    if (!plan) return refuse('NOT_FOUND');
    const checked = await checkItems(tx, plan.year, [input], '');
    if (!checked.ok) return { ...checked, field: checked.field?.replace(/^0\./, '') };
    const [item] = await insertItems(tx, [{ ...input, planId, createdAt: now }]);
    await appendAudit(tx, actorOf(principal), { action: 'popularisation.item.create', entity: 'popularisation_plan', entityId: planId, after: item }, now);
    return success(item!);
  });
}

/** Records an item done: once, on a date not in the future. */
export async function completeItem(db: Db, principal: Principal, itemId: number, doneOn: string, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  const happened = checkHappenedOn(doneOn, now, 'doneOn');
  if (!happened.ok) return happened;
  return db.transaction(async (tx) => {
    const found = await findItem(tx, itemId, true);
    if (!found) return refuse('NOT_FOUND');
    if (found.item.doneOn !== null || !(await markItemDone(tx, itemId, doneOn))) return refuse('POPULARISATION_ITEM_ALREADY_DONE');
    await appendAudit(tx, actorOf(principal), { action: 'popularisation.item.done', entity: 'popularisation_plan', entityId: found.item.planId, before: found.item, after: { ...found.item, doneOn } }, now);
    return success({ ...found.item, doneOn });
  });
}

export interface ActivityInput { itemId: number; title: string; heldOn: string; place: string; audience: AudienceKind; materialsGiven: number; attendance: number; photos: string[] }

/** Records an activity under an item: held in the plan's year, not in the future. */
export async function recordActivity(db: Db, principal: Principal, input: ActivityInput, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  const happened = checkHappenedOn(input.heldOn, now, 'heldOn');
  if (!happened.ok) return happened;
  return db.transaction(async (tx) => {
    const found = await findItem(tx, input.itemId);
    if (!found) return refuse('POPULARISATION_ITEM_UNKNOWN', undefined, 'itemId');
    const inYear = checkInPlanYear(input.heldOn, found.planYear, 'heldOn');
    if (!inYear.ok) return inYear;
    const activity = await insertActivity(tx, { ...input, createdById: principal.id, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'popularisation.activity.create', entity: 'popularisation_activity', entityId: activity.id, after: activity }, now);
    return success({ ...activity, departmentName: found.departmentName });
  });
}

/** The year's plan, its list with progress, the activities and their figures. */
export async function popularisationYear(db: DbOrTx, principal: Principal, year: number, now: Date) {
  if (!isStaff(principal)) return refuse('FORBIDDEN');
  const plan = await findPlanByYear(db, year);
  const items = plan ? (await listItems(db, plan.id)).map((r) => ({ ...r.item, departmentName: r.departmentName, activities: r.activities })) : [];
  const activities = (await listActivities(db, year)).map((r) => ({ ...r.activity, itemContent: r.itemContent, departmentName: r.departmentName }));
  return success({
    plan, items, activities, canManage: can(principal, 'training.manage'),
    progress: computeItemProgress(items.map((i) => ({ department: i.departmentName, dueOn: i.dueOn, doneOn: i.doneOn })), chinaDateOf(now)),
    figures: computeActivityFigures(activities.map((a) => ({ department: a.departmentName, audience: a.audience, materialsGiven: a.materialsGiven, attendance: a.attendance }))),
  });
}

// —— 以案释法 typical cases ——

const mayDraft = (p: Principal) => can(p, 'case.write') || can(p, 'training.manage');
type CaseForTypical = NonNullable<Awaited<ReturnType<typeof findCaseForTypicalCase>>>;

/** The party's identifiers as the case and the register hold them. */
function partyOf(c: CaseForTypical): PartyIdentity {
  const organisation = c.partyKind === 'organisation';
  return {
    organisationNames: organisation ? organisationNameForms(c.enterpriseName) : [],
    personNames: [c.legalRepresentative, ...(organisation ? [] : [c.enterpriseName])],
    districtName: c.districtName, creditCodes: [c.creditCode], idNumbers: [], phones: [], addresses: [c.address], bankAccounts: [],
  };
}

function presentTypical(t: TypicalCaseRow, principal: Principal, extra: { caseNumber?: string; districtName?: string; draftedByName?: string } = {}) {
  const ok = (a: TypicalCaseAction) => checkTypicalCaseAction(t, a, principal.id, 'reason').ok;
  const draft = mayDraft(principal);
  const review = can(principal, 'case.legal_review');
  return {
    ...t, ...extra,
    actions: { edit: draft && ok('edit'), submit: draft && ok('submit'), approve: review && ok('approve'), return: review && ok('return') },
  };
}

/** Drafts a typical case from a closed case, the party's identity removed by rule; one per case. */
export async function draftTypicalCase(db: Db, principal: Principal, caseId: number, now: Date) {
  if (!mayDraft(principal)) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findCaseForTypicalCase(tx, caseId);
    if (!c || !inDistrictScope(principal, c.districtId)) return refuse('TYPICAL_CASE_SOURCE_UNKNOWN', undefined, 'caseId');
    // Only a finished case is explained to the public: its facts and decision no longer change.
    if (c.closedAt === null) return refuse('TYPICAL_CASE_NOT_CLOSED', undefined, 'caseId');
    const party = partyOf(c);
    const r = (s: string) => redactIdentity(s, party);
    const basis = [c.proposal?.violatedProvisions && `违反${c.proposal.violatedProvisions}`, c.decision?.basis ?? (c.proposal?.penaltyBasis && `依据${c.proposal.penaltyBasis}`)].filter(Boolean).join('；');
    const typical = await insertTypicalCase(tx, {
      caseId, title: r(`${organisationPseudonym(c.enterpriseName, c.districtName)}${c.cause}案`),
      facts: r(c.proposal?.facts ?? c.cause), analysis: r([basis, c.decision?.reasons].filter(Boolean).join('。')), lesson: '',
      status: 'draft', draftedById: principal.id, createdAt: now, updatedAt: now,
    });
    if (!typical) return refuse('TYPICAL_CASE_EXISTS', undefined, 'caseId');
    await appendAudit(tx, actorOf(principal), { action: 'typical_case.draft', entity: 'typical_case', entityId: typical.id, after: typical }, now);
    return success(presentTypical(typical, principal));
  });
}

async function loadTypical(tx: DbOrTx, principal: Principal, id: number, lock: boolean) {
  const t = await findTypicalCase(tx, id, lock);
  if (!t) return null;
  const c = await findCaseForTypicalCase(tx, t.caseId);
  if (!c || !inDistrictScope(principal, c.districtId)) return null;
  return { t, c };
}

/** Checks every text of a draft for what is left of the party's identity; refuses naming the field. */
function checkNoIdentity(t: { title: string; facts: string; analysis: string; lesson: string }, party: PartyIdentity): Outcome {
  for (const field of ['title', 'facts', 'analysis', 'lesson'] as const) {
    const left = findIdentityLeft(t[field], party);
    // 政府信息公开条例 第十五条: a published typical case must not disclose the party's privacy.
    if (left) return refuse('TYPICAL_CASE_IDENTITY_LEFT', { law: '政府信息公开条例', article: '第十五条' }, field, { kind: left });
  }
  return allowed;
}

/** The officer's edit of a draft (or a returned one); what they write is checked for the party's identity. */
export async function editTypicalCase(db: Db, principal: Principal, id: number, input: { title: string; facts: string; analysis: string; lesson: string }, now: Date) {
  if (!mayDraft(principal)) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const found = await loadTypical(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const allowedNow = checkTypicalCaseAction(found.t, 'edit', principal.id);
    if (!allowedNow.ok) return allowedNow;
    const clean = checkNoIdentity(input, partyOf(found.c));
    if (!clean.ok) return clean;
    const updated = await updateTypicalCase(tx, id, { ...input, updatedAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'typical_case.edit', entity: 'typical_case', entityId: id, before: found.t, after: updated }, now);
    return success(presentTypical(updated, principal));
  });
}

/** Submits the draft for legal review: complete, and no identity left. */
export async function submitTypicalCase(db: Db, principal: Principal, id: number, now: Date) {
  if (!mayDraft(principal)) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const found = await loadTypical(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const allowedNow = checkTypicalCaseAction(found.t, 'submit', principal.id);
    if (!allowedNow.ok) return allowedNow;
    const empty = (['title', 'facts', 'analysis', 'lesson'] as const).find((f) => !found.t[f].trim());
    if (empty) return refuse('TYPICAL_CASE_INCOMPLETE', undefined, empty);
    const clean = checkNoIdentity(found.t, partyOf(found.c));
    if (!clean.ok) return clean;
    const updated = await updateTypicalCase(tx, id, { status: 'submitted', submittedAt: now, updatedAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'typical_case.submit', entity: 'typical_case', entityId: id, before: { status: found.t.status }, after: { status: 'submitted' } }, now);
    return success(presentTypical(updated, principal));
  });
}

/** The legal reviewer approves (published at once) or returns the draft with a reason; never their own draft. */
export async function reviewTypicalCase(db: Db, principal: Principal, id: number, input: { outcome: 'approve' | 'return'; reason?: string | null }, now: Date) {
  if (!can(principal, 'case.legal_review')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const found = await loadTypical(tx, principal, id, true);
    if (!found) return refuse('NOT_FOUND');
    const allowedNow = checkTypicalCaseAction(found.t, input.outcome, principal.id, input.reason);
    if (!allowedNow.ok) return allowedNow;
    const approve = input.outcome === 'approve';
    if (approve) {
      // Checked again at publication: nothing identifying reaches the public however the draft got here.
      const clean = checkNoIdentity(found.t, partyOf(found.c));
      if (!clean.ok) return clean;
    }
    const updated = await updateTypicalCase(tx, id, {
      status: approve ? 'published' : 'returned', reviewedById: principal.id, reviewedAt: now, updatedAt: now,
      returnReason: approve ? null : input.reason!.trim(), publishedAt: approve ? now : null,
    });
    await appendAudit(tx, actorOf(principal), {
      action: approve ? 'typical_case.approve' : 'typical_case.return', entity: 'typical_case', entityId: id,
      before: { status: found.t.status }, after: { status: updated.status, publishedAt: updated.publishedAt }, reason: approve ? null : input.reason!.trim(),
    }, now);
    return success(presentTypical(updated, principal));
  });
}

/** Typical cases in the user's scope (every state for case readers; published ones for other staff). */
export async function typicalCaseList(db: DbOrTx, principal: Principal) {
  if (!isStaff(principal)) return refuse('FORBIDDEN');
  const all = can(principal, 'case.read');
  const rows = await listTypicalCases(db, { published: !all, districtId: principal.districtId });
  return success({
    items: rows.map((r) => presentTypical(r.typical, principal, { caseNumber: all ? r.caseNumber : undefined, districtName: r.districtName, draftedByName: r.draftedByName })),
    canDraft: mayDraft(principal),
  });
}

export async function typicalCaseDetail(db: DbOrTx, principal: Principal, id: number) {
  if (!isStaff(principal)) return refuse('FORBIDDEN');
  const found = await loadTypical(db, principal, id, false);
  if (!found || (found.t.status !== 'published' && !can(principal, 'case.read'))) return refuse('NOT_FOUND');
  return success(presentTypical(found.t, principal, { caseNumber: can(principal, 'case.read') ? found.c.number : undefined, districtName: found.c.districtName }));
}

/** The published typical cases, for the public site (issue 16): no case number, no drafter, no ids of people. */
export async function listPublishedTypicalCases(db: DbOrTx) {
  const rows = await listTypicalCases(db, { published: true });
  return rows.map((r) => ({ id: r.typical.id, title: r.typical.title, facts: r.typical.facts, analysis: r.typical.analysis, lesson: r.typical.lesson, districtName: r.districtName, publishedAt: r.typical.publishedAt! }));
}

// —— the year's figures ——

/**
 * The training year for the year-end report: exam coverage and pass rate (per person over the year's exams,
 * overall and per unit), study sessions, popularisation activities and materials, the list's progress,
 * typical cases published and officers whose exam has lapsed (at the year's end, or now if earlier).
 */
export async function trainingYearFigures(db: DbOrTx, year: number, now: Date = new Date()) {
  const candidates = (await listYearCandidates(db, year)).map((c) => ({ unit: unitOf(c), submitted: c.submitted, passed: c.passed }));
  const sessions = await listStudySessions(db, year);
  const attendees = await listStudyAttendees(db, sessions.map((s) => s.session.id));
  const activities = await listActivities(db, year);
  const yearEnd = new Date(`${year}-12-31T23:59:59.999+08:00`);
  const at = now.getTime() < yearEnd.getTime() ? now : yearEnd;
  const lapsed = findLapsed((await listCredentialedOfficers(db)).map((r) => ({ ...r, unit: unitOf(r), lastPassedAt: r.lastPassedAt ? new Date(r.lastPassedAt) : null })), at);
  const todayOn = chinaDateOf(at);
  return {
    year,
    exams: { count: await countYearExams(db, year), ...computeFigures(candidates) },
    study: computeStudyFigures(sessions.map((s) => ({ kind: s.session.kind, attendeeUnits: attendees.filter((a) => a.sessionId === s.session.id).map(unitOf) }))),
    popularisation: {
      ...computeActivityFigures(activities.map((a) => ({ department: a.departmentName, audience: a.activity.audience, materialsGiven: a.activity.materialsGiven, attendance: a.activity.attendance }))),
      items: computeItemProgress((await listYearItems(db, year)), todayOn),
    },
    typicalCasesPublished: await countPublishedTypicalCases(db, year),
    lapsed: { count: lapsed.length, officers: lapsed.map((o) => ({ userId: o.userId, displayName: o.displayName, unit: o.unit, lastPassedAt: o.lastPassedAt })) },
  };
}
export type TrainingYearFigures = Awaited<ReturnType<typeof trainingYearFigures>>;

export async function yearFigures(db: DbOrTx, principal: Principal, year: number, now: Date) {
  if (!can(principal, 'training.manage')) return refuse('FORBIDDEN');
  return success(await trainingYearFigures(db, year, now));
}
