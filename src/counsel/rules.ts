// 法律顾问 and 公职律师: the register, review tasks answered with an opinion, and the year's count. Pure.
//
// 重大行政决策程序暂行条例 第二十七条 (read in legal-procedure.md's summary only, wording unconfirmed): the legality
// review of a major decision takes the opinions of legal advisers and public-sector lawyers. The seed's "法律顾问 …
// 合法性审查、听证工作20余次" counts the tasks answered in the year (seed-figures.md #6), written "N余次" rounded
// down to tens.
import { allowed, refuse, type Outcome } from '../law/outcome.js';

export const COUNSEL_KINDS = ['external', 'public_lawyer'] as const; // 外聘法律顾问, 公职律师
export type CounselKind = (typeof COUNSEL_KINDS)[number];
export const SUBJECT_KINDS = ['major_decision', 'normative_document', 'contract', 'major_case', 'hearing', 'other'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A date a user enters: not before the step it follows, not after today. */
export function checkEnteredDate(on: string, notBeforeOn: string | null, todayOn: string, field: string): Outcome {
  if (on > todayOn) return refuse('DATE_IN_FUTURE', undefined, field);
  if (notBeforeOn && on < notBeforeOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, field);
  return allowed;
}

/** A counsel's term: the end, when known, is not before the start. */
export function checkCounselTerm(c: { termFromOn: string; termToOn: string | null }): Outcome {
  if (c.termToOn && c.termToOn < c.termFromOn) return refuse('COUNSEL_TERM_ENDS_BEFORE_START', undefined, 'termToOn');
  return allowed;
}

/** A task goes to a counsel whose term covers the day it is assigned, with a due date not before that day. */
export function checkTaskAssignment(
  t: { assignedOn: string; dueOn: string }, counsel: { termFromOn: string; termToOn: string | null }, todayOn: string,
): Outcome {
  const date = checkEnteredDate(t.assignedOn, null, todayOn, 'assignedOn');
  if (!date.ok) return date;
  if (t.assignedOn < counsel.termFromOn || (counsel.termToOn !== null && t.assignedOn > counsel.termToOn)) {
    return refuse('COUNSEL_OUT_OF_TERM', undefined, 'counselId');
  }
  if (t.dueOn < t.assignedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'dueOn');
  return allowed;
}

/** The opinion: once, dated not before the assignment nor in the future. */
export function checkOpinion(t: { assignedOn: string; answeredOn: string | null }, answeredOn: string, todayOn: string): Outcome {
  if (t.answeredOn !== null) return refuse('COUNSEL_TASK_ALREADY_ANSWERED');
  return checkEnteredDate(answeredOn, t.assignedOn, todayOn, 'answeredOn');
}

export interface TaskFact { counselId: number; subjectKind: SubjectKind; answeredOn: string | null }

export interface CounselYearFigures {
  year: number;
  /** Tasks answered in the year. */
  answered: number;
  /** "20余次": rounded down to tens, as the report writes it (under ten: the number itself). */
  reportPhrase: string;
  byKind: Record<SubjectKind, number>;
  byCounsel: { counselId: number; answered: number; byKind: Partial<Record<SubjectKind, number>> }[];
}

/** The year's answered review tasks per counsel and per subject kind (seed-figures.md #6). */
export function computeCounselYearFigures(tasks: TaskFact[], year: number): CounselYearFigures {
  const inYear = tasks.filter((t) => t.answeredOn !== null && t.answeredOn.startsWith(`${year}-`));
  const byKind = Object.fromEntries(SUBJECT_KINDS.map((k) => [k, 0])) as Record<SubjectKind, number>;
  const per = new Map<number, { counselId: number; answered: number; byKind: Partial<Record<SubjectKind, number>> }>();
  for (const t of inYear) {
    byKind[t.subjectKind] += 1;
    const c = per.get(t.counselId) ?? { counselId: t.counselId, answered: 0, byKind: {} };
    c.answered += 1;
    c.byKind[t.subjectKind] = (c.byKind[t.subjectKind] ?? 0) + 1;
    per.set(t.counselId, c);
  }
  const n = inYear.length;
  return {
    year, answered: n, reportPhrase: n >= 10 ? `${Math.floor(n / 10) * 10}余次` : `${n}次`, byKind,
    byCounsel: [...per.values()].sort((a, b) => b.answered - a.answered || a.counselId - b.counselId),
  };
}
