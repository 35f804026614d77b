import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { trainingQuestions } from './tables.js';
import { seedQuestionBank } from './actions.js';
import { QUESTION_BANK } from './data/questions.js';

interface Person { id: number; headers: Record<string, string> }

describe(`学法考试 through the API: create, sit once, marked, figures per unit (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-12-04T09:00:00+08:00');
  let admin: Person; let leader: Person; let officerA: Person; let officerB: Person; let officerC: Person; let reviewer: Person;
  const as = async (role: Role, districtCode?: string): Promise<Person> => {
    const headers = await ctx.loginAs(role, districtCode ? { districtCode } : {});
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    return { id: me.json().id ?? me.json().user.id, headers };
  };
  const call = async (who: Person | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const enterpriseUser = async (): Promise<Person> => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: enterpriseInput(ctx) });
    const headers = await ctx.loginAs('enterprise_user', { enterpriseId: res.json().id });
    return { id: 0, headers };
  };
  const exam = (over: object = {}) => ({
    title: '2026年度行政执法人员学法考试', opensOn: '2026-12-01', closesOn: '2026-12-31', timeLimitMinutes: 30, passPercent: 60,
    counts: { single: 4, multiple: 2, true_false: 4 }, ...over,
  });
  /** The correct answers of a paper, read from the bank (the paper itself never carries them). */
  const key = async (questionIds: number[]) => {
    const rows = await ctx.database.db.select({ id: trainingQuestions.id, answer: trainingQuestions.answer }).from(trainingQuestions).where(inArray(trainingQuestions.id, questionIds));
    return Object.fromEntries(rows.map((r) => [String(r.id), r.answer]));
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    expect(await seedQuestionBank(ctx.database.db, nowAt)).toEqual({ created: QUESTION_BANK.length });
    admin = await as('administrator');
    leader = await as('bureau_leader');
    officerA = await as('enforcement_officer', '370602');
    officerB = await as('enforcement_officer', '370602');
    officerC = await as('enforcement_officer', '370611');
    reviewer = await as('legal_reviewer');
  }, 120_000);
  afterAll(async () => ctx.close());

  it('the bank seed is idempotent', async () => {
    expect(await seedQuestionBank(ctx.database.db, nowAt)).toEqual({ created: 0 });
    expect(await ctx.database.db.$count(trainingQuestions)).toBe(QUESTION_BANK.length);
  });

  it.each([
    ['administrator', 201], ['bureau_leader', 201], ['enforcement_officer', 403], ['legal_reviewer', 403], ['committee_member', 403],
    ['district_staff', 403], ['licensing_staff', 403], ['enterprise_user', 403], ['public', 401],
  ] as const)('%s creating an exam: %i', async (who, status) => {
    const person = who === 'public' ? null : who === 'district_staff' ? await as(who, '370602') : who === 'enterprise_user' ? await enterpriseUser() : await as(who as Role);
    expect((await call(person, 'POST', '/api/training/exams', exam())).status).toBe(status);
  });

  it('400 names the malformed field; 422 the rule broken', async () => {
    const bad = await call(admin, 'POST', '/api/training/exams', exam({ passPercent: 120 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'passPercent' });
    const window = await call(admin, 'POST', '/api/training/exams', exam({ closesOn: '2026-11-30' }));
    expect(window.status).toBe(422);
    expect(window.body.error).toMatchObject({ code: 'TRAINING_WINDOW_INVALID', field: 'closesOn' });
    const tooMany = await call(admin, 'POST', '/api/training/exams', exam({ counts: { single: 60, multiple: 0, true_false: 0 } }));
    expect(tooMany.body.error).toMatchObject({ code: 'TRAINING_BANK_TOO_SMALL', field: 'counts.single' });
    const unknown = await call(admin, 'POST', '/api/training/exams', exam({ enrolUserIds: [officerA.id, 999_999] }));
    expect(unknown.body.error).toMatchObject({ code: 'TRAINING_CANDIDATE_UNKNOWN', field: 'enrolUserIds.1' });
  });

  it('by default every enforcement officer is enrolled; only candidates sit; the paper carries no answers; start and submit are audited', async () => {
    const created = await call(leader, 'POST', '/api/training/exams', exam({ reason: '年度学法考试' }));
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.body.enrolledRoles).toEqual(['enforcement_officer']);
    expect(created.body).not.toHaveProperty('seed');
    // A legal reviewer is not a candidate: neither sees nor sits the exam.
    expect((await call(reviewer, 'POST', `/api/training/exams/${id}/sitting`)).status).toBe(403);
    expect((await call(reviewer, 'GET', `/api/training/exams/${id}`)).status).toBe(404);
    expect((await call(reviewer, 'GET', '/api/training/exams')).body.items.map((e: { id: number }) => e.id)).not.toContain(id);
    expect((await call(officerA, 'GET', '/api/training/exams')).body.items.find((e: { id: number }) => e.id === id)).toMatchObject({ enrolled: true, open: true, mySittingId: null });

    const started = await call(officerA, 'POST', `/api/training/exams/${id}/sitting`);
    expect(started.status).toBe(201);
    expect(started.body.questions).toHaveLength(10);
    expect(started.body.questions.map((q: { kind: string }) => q.kind)).toEqual([...Array(4).fill('single'), ...Array(2).fill('multiple'), ...Array(4).fill('true_false')]);
    for (const q of started.body.questions) expect(q).not.toHaveProperty('answer');
    expect(started.body.result).toBeNull();
    // Starting again resumes the same paper with the same start.
    const again = await call(officerA, 'POST', `/api/training/exams/${id}/sitting`);
    expect(again.status).toBe(200);
    expect(again.body.questions.map((q: { id: number }) => q.id)).toEqual(started.body.questions.map((q: { id: number }) => q.id));
    expect(again.body.startedAt).toBe(started.body.startedAt);

    const ids = started.body.questions.map((q: { id: number }) => q.id) as number[];
    const answers = await key(ids);
    // One multiple-choice question answered with one option too few: all or nothing, 9 of 10.
    const multiple = started.body.questions.find((q: { kind: string }) => q.kind === 'multiple').id as number;
    answers[String(multiple)] = answers[String(multiple)]!.slice(1);
    nowAt = new Date(nowAt.getTime() + 10 * 60_000);
    const wrongQuestion = await call(officerA, 'POST', `/api/training/exams/${id}/sitting/submit`, { answers: { ...answers, 999999: [0] } });
    expect(wrongQuestion.status).toBe(422);
    expect(wrongQuestion.body.error).toMatchObject({ code: 'TRAINING_ANSWER_INVALID', field: 'answers.999999' });
    const submitted = await call(officerA, 'POST', `/api/training/exams/${id}/sitting/submit`, { answers });
    expect(submitted.status).toBe(200);
    expect(submitted.body.result).toEqual({ correct: 9, total: 10, scorePercent: 90, passed: true });
    expect(submitted.body.questions.find((q: { id: number }) => q.id === multiple)).toMatchObject({ correct: false });
    const twice = await call(officerA, 'POST', `/api/training/exams/${id}/sitting/submit`, { answers });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('TRAINING_ALREADY_SUBMITTED');

    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'training_exam'), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action)).toEqual(['training.exam.create', 'training.sitting.start', 'training.sitting.submit']);
    expect(audit[0]).toMatchObject({ actorId: leader.id, reason: '年度学法考试' });
    expect(audit[2]).toMatchObject({ actorId: officerA.id, after: { correct: 9, total: 10, passed: true } });
  });

  it('refuses a submission after the time limit plus the grace, and a start outside the window', async () => {
    const created = await call(admin, 'POST', '/api/training/exams', exam({ enrolUserIds: [officerB.id], timeLimitMinutes: 20 }));
    const id = created.body.id as number;
    const started = await call(officerB, 'POST', `/api/training/exams/${id}/sitting`);
    expect(started.status).toBe(201);
    nowAt = new Date(new Date(started.body.startedAt).getTime() + 21 * 60_000 + 1000);
    const late = await call(officerB, 'POST', `/api/training/exams/${id}/sitting/submit`, { answers: {} });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('TRAINING_TIME_UP');
    const future = await call(admin, 'POST', '/api/training/exams', exam({ opensOn: '2026-12-20', enrolUserIds: [officerB.id] }));
    const notYet = await call(officerB, 'POST', `/api/training/exams/${future.body.id}/sitting`);
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe('TRAINING_EXAM_NOT_OPEN');
  });

  it('results: enrolled, sat, coverage and pass rate per unit, for leaders and administrators only', async () => {
    const created = await call(admin, 'POST', '/api/training/exams', exam({ enrolUserIds: [officerA.id, officerB.id, officerC.id] }));
    const id = created.body.id as number;
    for (const [who, right] of [[officerA, true], [officerC, false]] as const) {
      const s = await call(who, 'POST', `/api/training/exams/${id}/sitting`);
      const answers = await key(s.body.questions.map((q: { id: number }) => q.id));
      const given = right ? answers : Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.length > 1 ? [v[0]] : [v[0] === 0 ? 1 : 0]]));
      expect((await call(who, 'POST', `/api/training/exams/${id}/sitting/submit`, { answers: given })).status).toBe(200);
    }
    expect((await call(officerA, 'GET', `/api/training/exams/${id}/results`)).status).toBe(403);
    expect((await call(reviewer, 'GET', `/api/training/exams/${id}/results`)).status).toBe(403);
    expect((await call(leader, 'GET', `/api/training/exams/999999/results`)).status).toBe(404);
    const r = await call(leader, 'GET', `/api/training/exams/${id}/results`);
    expect(r.status).toBe(200);
    expect(r.body.overall).toMatchObject({ enrolled: 3, sat: 2, passed: 1, coverage: 0.667, passRate: 0.5 });
    const zhifu = ctx.districtByCode('370602').name;
    const other = ctx.districtByCode('370611').name;
    expect(r.body.byUnit).toEqual(expect.arrayContaining([
      { unit: zhifu, enrolled: 2, sat: 1, passed: 1, coverage: 0.5, passRate: 1 },
      { unit: other, enrolled: 1, sat: 1, passed: 0, coverage: 1, passRate: 0 },
    ]));
    expect((await call(admin, 'GET', `/api/training/exams/${id}/results`)).status).toBe(200);
  });

  it('lapsed: credentialed officers without a pass in twelve months are flagged (leaders and administrators only)', async () => {
    expect((await call(officerA, 'GET', '/api/training/lapsed')).status).toBe(403);
    const r = await call(leader, 'GET', '/api/training/lapsed');
    expect(r.status).toBe(200);
    const flagged = r.body.items.map((o: { userId: number }) => o.userId);
    expect(flagged).not.toContain(officerA.id);
    expect(flagged).toEqual(expect.arrayContaining([officerB.id, officerC.id]));
    expect(flagged).not.toContain(reviewer.id);
    // A year and a day later officer A's pass has lapsed too.
    nowAt = new Date(nowAt.getTime() + 366 * 86_400_000);
    expect((await call(leader, 'GET', '/api/training/lapsed')).body.items.map((o: { userId: number }) => o.userId)).toContain(officerA.id);
    nowAt = new Date(nowAt.getTime() - 366 * 86_400_000);
  });

  it('bad ids and answers are 400s naming the field, never a 500; the bank with its answers is for exam administrators only', async () => {
    const huge = await call(officerA, 'POST', `/api/training/exams/${2 ** 31}/sitting`);
    expect(huge.status).toBe(400);
    expect(huge.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
    expect((await call(officerA, 'POST', '/api/training/exams/999999/sitting')).status).toBe(404);
    const badKey = await call(officerA, 'POST', '/api/training/exams/1/sitting/submit', { answers: { abc: [0] } });
    expect(badKey.status).toBe(400);
    expect((await call(officerA, 'POST', '/api/training/exams/1/sitting/submit', { answers: { 1: ['x'] } })).status).toBe(400);
    expect((await call(admin, 'POST', '/api/training/exams', exam({ enrolUserIds: [2 ** 31] }))).status).toBe(400);
    expect((await call(admin, 'POST', '/api/training/exams', exam({ enrolRoles: ['enterprise_user'] }))).body.error).toMatchObject({ code: 'TRAINING_CANDIDATE_NOT_STAFF', field: 'enrolRoles' });
    expect((await call(officerA, 'GET', '/api/training/questions')).status).toBe(403);
    const bank = await call(leader, 'GET', '/api/training/questions');
    expect(bank.status).toBe(200);
    expect(bank.body.items[0]).toHaveProperty('answer');
    expect((await call(null, 'GET', '/api/training/exams')).status).toBe(401);
  });

  it('five submissions of one sitting at once: exactly one is marked, the rest 409, one audit row', async () => {
    const N = 5;
    if (ENGINE === 'postgres') await Promise.all(Array.from({ length: N }, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); })));
    const officer = await as('enforcement_officer');
    const created = await call(admin, 'POST', '/api/training/exams', exam({ enrolUserIds: [officer.id] }));
    const id = created.body.id as number;
    const s = await call(officer, 'POST', `/api/training/exams/${id}/sitting`);
    const answers = await key(s.body.questions.map((q: { id: number }) => q.id));
    const results = await Promise.all(Array.from({ length: N }, () => call(officer, 'POST', `/api/training/exams/${id}/sitting/submit`, { answers })));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'TRAINING_ALREADY_SUBMITTED')).toBe(true);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'training.sitting.submit'), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    // Parallel starts of one exam make one sitting.
    const other = await as('enforcement_officer');
    const e2 = await call(admin, 'POST', '/api/training/exams', exam({ enrolUserIds: [other.id] }));
    const starts = await Promise.all(Array.from({ length: N }, () => call(other, 'POST', `/api/training/exams/${e2.body.id}/sitting`)));
    expect(starts.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(starts.map((r) => r.body.id)).size).toBe(1);
  });
});
