// 学法考试: pure rules of the enforcement-law exams — drawing a paper, marking it, the time limit,
// and the figures (coverage, pass rate). No I/O; `now` is passed in.
import { allowed, refuse, type Outcome } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';

export const QUESTION_KINDS = ['single', 'multiple', 'true_false'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One question of the bank: `answer` holds the indices of the correct options. */
export interface Question {
  code: string;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: number[];
  law: string;
  article: string;
  topic: string;
}

export type QuestionCounts = Record<QuestionKind, number>;

/** Seconds after the time limit in which a submission still counts (network, a slow click). */
export const SUBMIT_GRACE_SECONDS = 60;

/** The bank's own consistency: options, answers in range, a single/true-false with exactly one answer. */
export function findQuestionProblem(q: Question): string | null {
  if (q.kind === 'true_false' && q.options.length !== 2) return 'true_false needs two options';
  if (q.kind !== 'true_false' && q.options.length < 3) return 'choice questions need at least three options';
  if (q.answer.length === 0 || q.answer.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) return 'answer out of range';
  if (new Set(q.answer).size !== q.answer.length) return 'answer repeated';
  if (q.kind !== 'multiple' && q.answer.length !== 1) return 'single and true_false have one answer';
  if (q.kind === 'multiple' && q.answer.length < 2) return 'multiple choice has at least two answers';
  return null;
}

/** Deterministic PRNG (mulberry32): the same seed draws the same paper on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A candidate's own seed from the exam's: papers differ between candidates but can be drawn again. */
export function sittingSeed(examSeed: number, userId: number): number {
  return (Math.imul(examSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(userId + 1, 0xc2b2ae35)) >>> 0;
}

/**
 * Draws `counts[kind]` questions of each kind (ids, single → multiple → true/false) from the bank with
 * the seed: the same bank and seed give the same paper. Null when the bank holds too few of a kind.
 */
export function drawPaper(bank: { id: number; kind: QuestionKind }[], counts: QuestionCounts, seed: number): number[] | null {
  const next = random(seed);
  const paper: number[] = [];
  for (const kind of QUESTION_KINDS) {
    const ids = bank.filter((q) => q.kind === kind).map((q) => q.id).sort((a, b) => a - b);
    if (ids.length < counts[kind]) return null;
    // Fisher–Yates, first n.
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    paper.push(...ids.slice(0, counts[kind]));
  }
  return paper;
}

/** Why an exam's settings cannot be used, naming the field; null when they can. */
export function checkExamSettings(e: { opensOn: string; closesOn: string; counts: QuestionCounts; available: QuestionCounts; todayOn: string }): Outcome {
  if (e.closesOn < e.opensOn) return refuse('TRAINING_WINDOW_INVALID', undefined, 'closesOn');
  if (e.closesOn < e.todayOn) return refuse('TRAINING_WINDOW_PAST', undefined, 'closesOn');
  if (QUESTION_KINDS.every((k) => e.counts[k] === 0)) return refuse('TRAINING_NO_QUESTIONS', undefined, 'counts');
  for (const k of QUESTION_KINDS) {
    if (e.counts[k] > e.available[k]) return refuse('TRAINING_BANK_TOO_SMALL', undefined, `counts.${k}`, { available: e.available[k] });
  }
  return allowed;
}

/** A sitting may start only inside the exam's window (China Standard Time days, both ends included). */
export function checkExamOpen(exam: { opensOn: string; closesOn: string }, now: Date): Outcome {
  const today = chinaDateOf(now);
  if (today < exam.opensOn || today > exam.closesOn) return refuse('TRAINING_EXAM_NOT_OPEN');
  return allowed;
}

/** The last instant a submission counts: the time limit or the window's end, whichever is first, plus the grace. */
export function submissionDeadline(exam: { closesOn: string; timeLimitMinutes: number }, startedAt: Date): Date {
  const limit = startedAt.getTime() + exam.timeLimitMinutes * 60_000;
  const windowEnd = new Date(`${exam.closesOn}T23:59:59.999+08:00`).getTime();
  return new Date(Math.min(limit, windowEnd) + SUBMIT_GRACE_SECONDS * 1000);
}

/** A submission is refused once submitted, before it started, after the deadline. */
export function checkSubmission(exam: { closesOn: string; timeLimitMinutes: number }, sitting: { startedAt: Date; submittedAt: Date | null }, now: Date): Outcome {
  if (sitting.submittedAt !== null) return refuse('TRAINING_ALREADY_SUBMITTED');
  if (now.getTime() < sitting.startedAt.getTime()) return refuse('TRAINING_NOT_STARTED');
  if (now.getTime() > submissionDeadline(exam, sitting.startedAt).getTime()) return refuse('TRAINING_TIME_UP');
  return allowed;
}

export interface Marked { correct: number; total: number; scorePercent: number; passed: boolean; perQuestion: boolean[] }

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const x = new Set(a);
  return x.size === new Set(b).size && b.every((i) => x.has(i));
};

/**
 * Marks a paper: one point a question; a multiple-choice question scores only with exactly the correct
 * options (all or nothing). An unanswered question scores nothing. Passed when correct/total ≥ passPercent.
 */
export function markPaper(paper: { id: number; answer: number[] }[], answers: Record<number, number[]>, passPercent: number): Marked {
  const perQuestion = paper.map((q) => {
    const given = answers[q.id];
    return given !== undefined && given.length > 0 && sameSet(given, q.answer);
  });
  const correct = perQuestion.filter(Boolean).length;
  const total = paper.length;
  return {
    correct, total, perQuestion,
    scorePercent: total ? Math.round((correct * 1000) / total) / 10 : 0,
    // Compared in integers: 18/20 against 90 % is a pass, not lost to rounding.
    passed: total > 0 && correct * 100 >= passPercent * total,
  };
}

/** Answers naming a question not on the paper, or an option it does not have: the field, else null. */
export function findAnswerProblem(paper: { id: number; options: string[]; kind: QuestionKind }[], answers: Record<number, number[]>): string | null {
  const byId = new Map(paper.map((q) => [q.id, q]));
  for (const [key, given] of Object.entries(answers)) {
    const q = byId.get(Number(key));
    if (!q) return `answers.${key}`;
    if (given.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length) || new Set(given).size !== given.length) return `answers.${key}`;
    if (q.kind !== 'multiple' && given.length > 1) return `answers.${key}`;
  }
  return null;
}

export interface UnitFigures { unit: string; enrolled: number; sat: number; passed: number; coverage: number | null; passRate: number | null }

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/**
 * Coverage = sat / enrolled, pass rate = passed / sat, overall and per unit. A candidate "sat" once they
 * submitted; one who started and never submitted has not sat (and has not passed).
 */
export function computeFigures(candidates: { unit: string; submitted: boolean; passed: boolean }[]): { overall: UnitFigures; byUnit: UnitFigures[] } {
  const tally = (unit: string, list: typeof candidates): UnitFigures => {
    const sat = list.filter((c) => c.submitted).length;
    const passed = list.filter((c) => c.submitted && c.passed).length;
    return { unit, enrolled: list.length, sat, passed, coverage: ratio(sat, list.length), passRate: ratio(passed, sat) };
  };
  const units = [...new Set(candidates.map((c) => c.unit))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { overall: tally('', candidates), byUnit: units.map((u) => tally(u, candidates.filter((c) => c.unit === u))) };
}

/** Credentialed officers with no passed sitting in the twelve months before `now`. */
export function findLapsed<T extends { credentialNo: string | null; lastPassedAt: Date | null }>(officers: T[], now: Date): T[] {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return officers.filter((o) => o.credentialNo !== null && o.credentialNo !== '' && (o.lastPassedAt === null || o.lastPassedAt.getTime() < since.getTime()));
}

// —— 学法 study sessions, 普法 popularisation, 以案释法 typical cases ——

/** 党组理论学习中心组学法, 集中学法, 会前学法, 专题法治讲座. */
export const STUDY_KINDS = ['leadership_group', 'collective', 'pre_meeting', 'lecture'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

/** 六进: 进企业, 进社区, 进学校, 进机关, 进农村, 进单位. */
export const AUDIENCE_KINDS = ['enterprise', 'community', 'school', 'agency', 'village', 'unit'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const TYPICAL_CASE_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const;
export type TypicalCaseStatus = (typeof TYPICAL_CASE_STATUSES)[number];

/** A date the user records for something that happened: not after today (China Standard Time). */
export function checkHappenedOn(on: string, now: Date, field: string): Outcome {
  if (on > chinaDateOf(now)) return refuse('TRAINING_DATE_IN_FUTURE', undefined, field);
  return allowed;
}

/**
 * An activity belongs to its plan's year; a 普法责任清单 item is done on a date not in the future.
 * 关于实行国家机关"谁执法谁普法"普法责任制的意见 (中办发〔2017〕31号): the plan and list are yearly.
 */
export function checkInPlanYear(on: string, planYear: number, field: string): Outcome {
  if (Number(on.slice(0, 4)) !== planYear) return refuse('POPULARISATION_OUTSIDE_PLAN_YEAR', undefined, field);
  return allowed;
}

/** Sessions per kind and attendances per unit (one person at two sessions counts twice). */
export function computeStudyFigures(sessions: { kind: StudyKind; attendeeUnits: string[] }[]) {
  const perKind = Object.fromEntries(STUDY_KINDS.map((k) => [k, sessions.filter((s) => s.kind === k).length])) as Record<StudyKind, number>;
  const perUnit = new Map<string, number>();
  for (const s of sessions) for (const u of s.attendeeUnits) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
  return {
    sessions: sessions.length, perKind, attendances: [...perUnit.values()].reduce((a, b) => a + b, 0),
    attendanceByUnit: [...perUnit.entries()].map(([unit, attendances]) => ({ unit, attendances })).sort((a, b) => a.unit.localeCompare(b.unit, 'zh-CN')),
  };
}

/** Activities, materials given out and attendance, overall, per department and per audience (六进). */
export function computeActivityFigures(activities: { department: string; audience: AudienceKind; materialsGiven: number; attendance: number }[]) {
  const sum = (list: typeof activities) => ({
    activities: list.length, materialsGiven: list.reduce((a, x) => a + x.materialsGiven, 0), attendance: list.reduce((a, x) => a + x.attendance, 0),
  });
  const departments = [...new Set(activities.map((a) => a.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return {
    overall: sum(activities),
    byDepartment: departments.map((department) => ({ department, ...sum(activities.filter((a) => a.department === department)) })),
    byAudience: AUDIENCE_KINDS.map((audience) => ({ audience, ...sum(activities.filter((a) => a.audience === audience)) })),
  };
}

/** The responsibility list's progress: items done, overdue (due before today and not done), per department. */
export function computeItemProgress(items: { department: string; dueOn: string; doneOn: string | null }[], todayOn: string) {
  const tally = (list: typeof items) => ({ items: list.length, done: list.filter((i) => i.doneOn !== null).length, overdue: list.filter((i) => i.doneOn === null && i.dueOn < todayOn).length });
  const departments = [...new Set(items.map((i) => i.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { overall: tally(items), byDepartment: departments.map((department) => ({ department, ...tally(items.filter((i) => i.department === department)) })) };
}

export type TypicalCaseAction = 'edit' | 'submit' | 'approve' | 'return';

/**
 * The typical case's review: drafts and returned drafts are edited and submitted; a submitted draft is
 * approved (published) or returned with a reason by a legal reviewer who did not draft it.
 */
export function checkTypicalCaseAction(c: { status: TypicalCaseStatus; draftedById: number }, action: TypicalCaseAction, actorId: number, reason?: string | null): Outcome {
  if (action === 'edit' || action === 'submit') {
    if (c.status !== 'draft' && c.status !== 'returned') return refuse('TYPICAL_CASE_NOT_EDITABLE');
    return allowed;
  }
  if (c.status !== 'submitted') return refuse('TYPICAL_CASE_NOT_SUBMITTED');
  if (c.draftedById === actorId) return refuse('TYPICAL_CASE_SELF_REVIEW');
  if (action === 'return' && !(reason ?? '').trim()) return refuse('TYPICAL_CASE_RETURN_REASON_REQUIRED', undefined, 'reason');
  return allowed;
}
