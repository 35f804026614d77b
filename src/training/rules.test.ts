import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkExamOpen, checkExamSettings, checkSubmission, computeFigures, drawPaper, findAnswerProblem, findLapsed, findQuestionProblem,
  markPaper, sittingSeed, submissionDeadline, SUBMIT_GRACE_SECONDS, type QuestionKind,
  checkHappenedOn, checkInPlanYear, checkTypicalCaseAction, computeActivityFigures, computeItemProgress, computeStudyFigures,
} from './rules.js';
import { QUESTION_BANK } from './data/questions.js';

const bank = QUESTION_BANK.map((q, i) => ({ id: i + 1, kind: q.kind }));
const counts = { single: 5, multiple: 3, true_false: 4 };

describe('the starter bank', () => {
  it('holds at least 30 consistent questions of every kind from the three statutes, codes unique', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(30);
    expect(QUESTION_BANK.map((q) => [q.code, findQuestionProblem(q)]).filter(([, p]) => p !== null)).toEqual([]);
    expect(new Set(QUESTION_BANK.map((q) => q.code)).size).toBe(QUESTION_BANK.length);
    expect(new Set(QUESTION_BANK.map((q) => q.law))).toEqual(new Set(['行政处罚法', '环境保护法', '行政强制法']));
    for (const kind of ['single', 'multiple', 'true_false'] as QuestionKind[]) expect(QUESTION_BANK.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(8);
  });

  it('行政处罚法 第四十二条 and 第七十二条 are asked as the statute reads: two officers, 3 % a day', () => {
    const q42 = QUESTION_BANK.find((q) => q.code === 'APL-42-a')!;
    expect(q42.options[q42.answer[0]!]).toBe('两人');
    const q72 = QUESTION_BANK.find((q) => q.code === 'APL-72-a')!;
    expect(q72.options[q72.answer[0]!]).toBe('百分之三');
  });

  it('refuses an inconsistent question', () => {
    const base = QUESTION_BANK[0]!;
    expect(findQuestionProblem({ ...base, answer: [7] })).toMatch(/range/);
    expect(findQuestionProblem({ ...base, answer: [0, 1] })).toMatch(/one answer/);
    expect(findQuestionProblem({ ...base, kind: 'multiple', answer: [1] })).toMatch(/two answers/);
  });
});

describe('drawing a paper', () => {
  it('the same seed draws the same paper; kinds in order, no repeats', () => {
    const a = drawPaper(bank, counts, 12345)!;
    expect(drawPaper(bank, counts, 12345)).toEqual(a);
    expect(a).toHaveLength(12);
    expect(new Set(a).size).toBe(12);
    const kindOf = new Map(bank.map((q) => [q.id, q.kind]));
    expect(a.map((id) => kindOf.get(id))).toEqual([...Array(5).fill('single'), ...Array(3).fill('multiple'), ...Array(4).fill('true_false')]);
  });

  it('does not depend on the order the bank is read in', () => {
    expect(drawPaper([...bank].reverse(), counts, 99)).toEqual(drawPaper(bank, counts, 99));
  });

  it('candidates of one exam get their own, reproducible papers', () => {
    expect(sittingSeed(7, 1)).toBe(sittingSeed(7, 1));
    expect(drawPaper(bank, counts, sittingSeed(7, 1))).not.toEqual(drawPaper(bank, counts, sittingSeed(7, 2)));
  });

  it('none when the bank has too few of a kind', () => {
    expect(drawPaper(bank, { single: 500, multiple: 0, true_false: 0 }, 1)).toBeNull();
  });

  it('property: any seed gives a paper of the asked size with distinct questions of the right kind', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (seed, s, t) => {
      const p = drawPaper(bank, { single: s, multiple: 2, true_false: t }, seed)!;
      return p.length === s + 2 + t && new Set(p).size === p.length;
    }));
  });
});

describe('exam settings', () => {
  const ok = { opensOn: '2026-12-01', closesOn: '2026-12-10', counts, available: { single: 10, multiple: 10, true_false: 10 }, todayOn: '2026-12-01' };
  it('accepts a sound exam; names the field of an unsound one', () => {
    expect(checkExamSettings(ok)).toEqual({ ok: true });
    expect(checkExamSettings({ ...ok, closesOn: '2026-11-30' })).toMatchObject({ ok: false, code: 'TRAINING_WINDOW_INVALID', field: 'closesOn' });
    expect(checkExamSettings({ ...ok, todayOn: '2026-12-11' })).toMatchObject({ code: 'TRAINING_WINDOW_PAST', field: 'closesOn' });
    expect(checkExamSettings({ ...ok, counts: { single: 0, multiple: 0, true_false: 0 } })).toMatchObject({ code: 'TRAINING_NO_QUESTIONS', field: 'counts' });
    expect(checkExamSettings({ ...ok, available: { ...ok.available, multiple: 2 } })).toMatchObject({ code: 'TRAINING_BANK_TOO_SMALL', field: 'counts.multiple' });
  });
});

describe('the window and the time limit', () => {
  const exam = { opensOn: '2026-12-01', closesOn: '2026-12-10', timeLimitMinutes: 30 };
  const startedAt = new Date('2026-12-05T10:00:00+08:00');
  it('opens on the first day and closes after the last (China Standard Time)', () => {
    expect(checkExamOpen(exam, new Date('2026-11-30T23:59:59+08:00'))).toMatchObject({ code: 'TRAINING_EXAM_NOT_OPEN' });
    expect(checkExamOpen(exam, new Date('2026-12-01T00:00:00+08:00')).ok).toBe(true);
    expect(checkExamOpen(exam, new Date('2026-12-10T23:59:00+08:00')).ok).toBe(true);
    expect(checkExamOpen(exam, new Date('2026-12-11T00:00:00+08:00'))).toMatchObject({ code: 'TRAINING_EXAM_NOT_OPEN' });
  });

  it(`a submission counts up to the time limit plus ${SUBMIT_GRACE_SECONDS} s, not a second later`, () => {
    const s = { startedAt, submittedAt: null };
    expect(checkSubmission(exam, s, new Date('2026-12-05T10:29:00+08:00')).ok).toBe(true);
    expect(checkSubmission(exam, s, new Date('2026-12-05T10:31:00+08:00')).ok).toBe(true);
    expect(checkSubmission(exam, s, new Date('2026-12-05T10:31:01+08:00'))).toMatchObject({ ok: false, code: 'TRAINING_TIME_UP' });
    expect(checkSubmission(exam, { startedAt, submittedAt: startedAt }, new Date('2026-12-05T10:10:00+08:00'))).toMatchObject({ code: 'TRAINING_ALREADY_SUBMITTED' });
  });

  it('a sitting started just before the window closes ends with the window', () => {
    const late = new Date('2026-12-10T23:50:00+08:00');
    expect(submissionDeadline(exam, late).toISOString()).toBe(new Date(new Date('2026-12-11T00:00:00+08:00').getTime() + 59_999).toISOString());
    expect(checkSubmission(exam, { startedAt: late, submittedAt: null }, new Date('2026-12-11T00:05:00+08:00'))).toMatchObject({ code: 'TRAINING_TIME_UP' });
  });
});

describe('marking', () => {
  const paper = [
    { id: 1, answer: [1], options: ['a', 'b', 'c'], kind: 'single' as const },
    { id: 2, answer: [0, 2], options: ['a', 'b', 'c', 'd'], kind: 'multiple' as const },
    { id: 3, answer: [1], options: ['正确', '错误'], kind: 'true_false' as const },
    { id: 4, answer: [0], options: ['正确', '错误'], kind: 'true_false' as const },
  ];
  it('multiple choice is all or nothing: a missing or an extra option scores zero', () => {
    expect(markPaper(paper, { 2: [2, 0] }, 60).perQuestion[1]).toBe(true);
    expect(markPaper(paper, { 2: [0] }, 60).perQuestion[1]).toBe(false);
    expect(markPaper(paper, { 2: [0, 1, 2] }, 60).perQuestion[1]).toBe(false);
  });

  it('counts correct answers; unanswered scores nothing; the pass mark compares exactly', () => {
    const m = markPaper(paper, { 1: [1], 2: [0, 2], 3: [1] }, 75);
    expect(m).toMatchObject({ correct: 3, total: 4, scorePercent: 75, passed: true, perQuestion: [true, true, true, false] });
    expect(markPaper(paper, { 1: [1], 2: [0, 2], 3: [1] }, 76).passed).toBe(false);
    expect(markPaper(paper, {}, 60)).toMatchObject({ correct: 0, scorePercent: 0, passed: false });
  });

  it('names an answer that does not fit the paper', () => {
    expect(findAnswerProblem(paper, { 1: [0] })).toBeNull();
    expect(findAnswerProblem(paper, { 9: [0] })).toBe('answers.9');
    expect(findAnswerProblem(paper, { 1: [5] })).toBe('answers.1');
    expect(findAnswerProblem(paper, { 1: [0, 1] })).toBe('answers.1');
    expect(findAnswerProblem(paper, { 2: [0, 0] })).toBe('answers.2');
  });
});

describe('figures', () => {
  it('coverage = sat / enrolled, pass rate = passed / sat, per unit; started but not submitted has not sat', () => {
    const f = computeFigures([
      { unit: '芝罘区', submitted: true, passed: true },
      { unit: '芝罘区', submitted: true, passed: false },
      { unit: '芝罘区', submitted: false, passed: false },
      { unit: '福山区', submitted: false, passed: false },
    ]);
    expect(f.overall).toMatchObject({ enrolled: 4, sat: 2, passed: 1, coverage: 0.5, passRate: 0.5 });
    expect(f.byUnit.find((u) => u.unit === '芝罘区')).toMatchObject({ enrolled: 3, sat: 2, passed: 1, coverage: 0.667, passRate: 0.5 });
    expect(f.byUnit.find((u) => u.unit === '福山区')).toMatchObject({ enrolled: 1, sat: 0, coverage: 0, passRate: null });
  });
});

describe('lapsed officers', () => {
  const now = new Date('2026-12-04T12:00:00+08:00');
  it('flags credentialed officers without a pass in the last twelve months', () => {
    const lapsed = findLapsed([
      { id: 1, credentialNo: 'A1', lastPassedAt: null },
      { id: 2, credentialNo: 'A2', lastPassedAt: new Date('2025-12-05T12:00:00+08:00') },
      { id: 3, credentialNo: 'A3', lastPassedAt: new Date('2025-12-03T12:00:00+08:00') },
      { id: 4, credentialNo: null, lastPassedAt: null },
    ], now);
    expect(lapsed.map((o) => o.id)).toEqual([1, 3]);
  });
});

describe('关于实行国家机关"谁执法谁普法"普法责任制的意见 (中办发〔2017〕31号): yearly plan, responsibility list, activities', () => {
  // The opinion's text was not found in LawRefBook/Laws; the yearly plan and list follow its 普法责任清单 (unconfirmed wording).
  it('an activity and a due date lie in the plan year', () => {
    expect(checkInPlanYear('2026-06-05', 2026, 'heldOn')).toEqual({ ok: true });
    expect(checkInPlanYear('2025-12-31', 2026, 'heldOn')).toMatchObject({ ok: false, code: 'POPULARISATION_OUTSIDE_PLAN_YEAR', field: 'heldOn' });
    expect(checkInPlanYear('2027-01-01', 2026, 'items.0.dueOn')).toMatchObject({ ok: false, field: 'items.0.dueOn' });
  });

  it('a date entered for what happened is not after today in China Standard Time', () => {
    const now = new Date('2026-12-04T17:00:00Z'); // 5 December, 01:00 in China
    expect(checkHappenedOn('2026-12-05', now, 'heldOn')).toEqual({ ok: true });
    expect(checkHappenedOn('2026-12-06', now, 'heldOn')).toMatchObject({ ok: false, code: 'TRAINING_DATE_IN_FUTURE', field: 'heldOn' });
  });

  it('activities, materials and attendance per department and per audience (六进)', () => {
    const f = computeActivityFigures([
      { department: '法规科', audience: 'enterprise', materialsGiven: 3000, attendance: 120 },
      { department: '法规科', audience: 'school', materialsGiven: 500, attendance: 300 },
      { department: '执法支队', audience: 'enterprise', materialsGiven: 6500, attendance: 80 },
    ]);
    expect(f.overall).toEqual({ activities: 3, materialsGiven: 10_000, attendance: 500 });
    expect(f.byDepartment).toEqual([
      { department: '执法支队', activities: 1, materialsGiven: 6500, attendance: 80 },
      { department: '法规科', activities: 2, materialsGiven: 3500, attendance: 420 },
    ].sort((a, b) => a.department.localeCompare(b.department, 'zh-CN')));
    expect(f.byAudience).toHaveLength(6);
    expect(f.byAudience.find((a) => a.audience === 'enterprise')).toEqual({ audience: 'enterprise', activities: 2, materialsGiven: 9500, attendance: 200 });
    expect(f.byAudience.find((a) => a.audience === 'village')).toEqual({ audience: 'village', activities: 0, materialsGiven: 0, attendance: 0 });
  });

  it('the list: done, and overdue only when the due day has passed undone', () => {
    const p = computeItemProgress([
      { department: 'A', dueOn: '2026-06-30', doneOn: null },
      { department: 'A', dueOn: '2026-03-31', doneOn: '2026-03-20' },
      { department: 'B', dueOn: '2026-12-04', doneOn: null },
    ], '2026-12-04');
    expect(p.overall).toEqual({ items: 3, done: 1, overdue: 1 });
    expect(p.byDepartment).toEqual([{ department: 'A', items: 2, done: 1, overdue: 1 }, { department: 'B', items: 1, done: 0, overdue: 0 }]);
  });
});

describe('学法: sessions per kind, attendances per unit', () => {
  it('counts one person at two sessions twice', () => {
    const f = computeStudyFigures([
      { kind: 'leadership_group', attendeeUnits: ['市局', '市局', '芝罘分局'] },
      { kind: 'leadership_group', attendeeUnits: ['市局'] },
      { kind: 'collective', attendeeUnits: [] },
    ]);
    expect(f.sessions).toBe(3);
    expect(f.perKind).toEqual({ leadership_group: 2, collective: 1, pre_meeting: 0, lecture: 0 });
    expect(f.attendances).toBe(4);
    expect(f.attendanceByUnit).toEqual(expect.arrayContaining([{ unit: '市局', attendances: 3 }, { unit: '芝罘分局', attendances: 1 }]));
  });
});

describe('以案释法: a typical case is reviewed before it is published', () => {
  const draft = { status: 'draft' as const, draftedById: 1 };
  it('drafts and returned drafts are edited and submitted; nothing else is', () => {
    expect(checkTypicalCaseAction(draft, 'edit', 1)).toEqual({ ok: true });
    expect(checkTypicalCaseAction({ ...draft, status: 'returned' }, 'submit', 1)).toEqual({ ok: true });
    for (const status of ['submitted', 'published'] as const) {
      expect(checkTypicalCaseAction({ ...draft, status }, 'edit', 1)).toMatchObject({ ok: false, code: 'TYPICAL_CASE_NOT_EDITABLE' });
    }
  });
  it('only a submitted draft is reviewed, never by its drafter; a return needs a reason', () => {
    const submitted = { ...draft, status: 'submitted' as const };
    expect(checkTypicalCaseAction(draft, 'approve', 2)).toMatchObject({ ok: false, code: 'TYPICAL_CASE_NOT_SUBMITTED' });
    expect(checkTypicalCaseAction(submitted, 'approve', 1)).toMatchObject({ ok: false, code: 'TYPICAL_CASE_SELF_REVIEW' });
    expect(checkTypicalCaseAction(submitted, 'approve', 2)).toEqual({ ok: true });
    expect(checkTypicalCaseAction(submitted, 'return', 2, '  ')).toMatchObject({ ok: false, code: 'TYPICAL_CASE_RETURN_REASON_REQUIRED', field: 'reason' });
    expect(checkTypicalCaseAction(submitted, 'return', 2, '补充裁量理由')).toEqual({ ok: true });
    expect(checkTypicalCaseAction({ ...draft, status: 'published' }, 'return', 2, 'x')).toMatchObject({ ok: false, code: 'TYPICAL_CASE_NOT_SUBMITTED' });
  });
});
