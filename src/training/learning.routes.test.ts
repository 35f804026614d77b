import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { departments } from '../organisation/index.js';
import { cases } from '../cases/index.js';
import { enterprises } from '../enterprises/index.js';
import { listPublishedTypicalCases, trainingYearFigures } from './index.js';

interface Person { id: number; headers: Record<string, string> }

describe(`学法 sessions, 谁执法谁普法, 以案释法 and the year's figures through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2026-12-04T09:00:00+08:00');
  let admin: Person; let leader: Person; let officer: Person; let officer2: Person; let reviewer: Person; let reviewer2: Person; let licensing: Person; let company: Person;
  let deptA: { id: number; name: string }; let deptB: { id: number; name: string };
  const as = async (role: Role, opts: { districtCode?: string; enterpriseId?: number } = {}): Promise<Person> => {
    const headers = await ctx.loginAs(role, opts);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    return { id: me.json().id ?? me.json().user.id, headers };
  };
  const call = async (who: Person | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload };
  };
  const auditOf = async (entity: string, id: number) =>
    (await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq))).map((a) => a.action);

  /** A case of an enterprise with identifying details, in district 370602; closed when asked (the stage the rule reads). */
  const makeCase = async (closed: boolean) => {
    const input = enterpriseInput(ctx, { name: '烟台市芝罘区鑫泰化工有限公司', legalRepresentative: '王建国', address: '烟台市芝罘区幸福路88号' });
    const ent = await call(admin, 'POST', '/api/enterprises', input);
    expect(ent.status).toBe(201);
    const lead = await call(officer, 'POST', '/api/leads', { source: 'inspection', enterpriseId: ent.body.id, summary: '现场检查发现废水超标排放', discoveredOn: '2026-12-01' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    const filed = await call(leader, 'POST', `/api/leads/${lead.body.id}/file`, {
      cause: '超标排放水污染物', actOn: '2026-11-30', officerIds: [officer.id, officer2.id], leadOfficerId: officer.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const [e] = await ctx.database.db.select().from(enterprises).where(eq(enterprises.id, ent.body.id));
    const proposal = {
      penaltyKinds: ['fine' as const], fineFen: 20_000_000, violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null,
      facts: `2026年11月30日，${e!.name}（统一社会信用代码${e!.creditCode}，法定代表人王建国，电话13812345678）废水总排口化学需氧量超标排放。`,
    };
    await ctx.database.db.update(cases).set({ proposal, ...(closed ? { closedAt: new Date('2026-10-10T10:00:00+08:00') } : {}) }).where(eq(cases.id, filed.body.id));
    return { caseId: filed.body.id as number, enterprise: e! };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    admin = await as('administrator');
    leader = await as('bureau_leader');
    officer = await as('enforcement_officer', { districtCode: '370602' });
    officer2 = await as('enforcement_officer', { districtCode: '370602' });
    reviewer = await as('legal_reviewer');
    reviewer2 = await as('legal_reviewer');
    licensing = await as('licensing_staff');
    const ent = await call(admin, 'POST', '/api/enterprises', enterpriseInput(ctx));
    company = await as('enterprise_user', { enterpriseId: ent.body.id });
    const depts = await ctx.database.db.select().from(departments).orderBy(asc(departments.code)).limit(2);
    [deptA, deptB] = [depts[0]!, depts[1]!];
  }, 120_000);
  afterAll(async () => ctx.close());

  const session = (over: object = {}) => ({
    kind: 'leadership_group', topic: '学习《中华人民共和国行政处罚法》', heldOn: '2026-03-20', hostId: leader.id, attendeeIds: [leader.id, officer.id, officer2.id],
    materials: ['行政处罚法释义'], minutes: '集体学习了行政处罚法第五章。', ...over,
  });
  const plan = (year: number, over: object = {}) => ({
    year, title: `${year}年度普法责任清单`, items: [
      { departmentId: deptA.id, content: '6.5环境日宣传', responsiblePerson: '张科长', dueOn: `${year}-06-30` },
      { departmentId: deptB.id, content: '企业环保法律培训', responsiblePerson: '李科长', dueOn: `${year}-03-31` },
    ], ...over,
  });

  // Writes: training.manage (bureau_leader, administrator). Reads: any staff; enterprise users are refused.
  // One plan per year is the rule, so each writer gets its own year (a random one collided 1 run in 60).
  let nextPlanYear = 2030;
  const writes: [string, string, () => object][] = [
    ['POST', '/api/training/study-sessions', () => session()],
    ['POST', '/api/training/popularisation/plans', () => plan(nextPlanYear++)],
    ['GET', '/api/training/figures?year=2026', () => ({})],
  ];
  it.each([
    ['administrator', 'ok'], ['bureau_leader', 'ok'], ['enforcement_officer', 403], ['legal_reviewer', 403], ['committee_member', 403],
    ['district_staff', 403], ['licensing_staff', 403], ['enterprise_user', 403], ['public', 401],
  ] as const)('%s: study-session and plan writes, the figures: %s', async (who, expected) => {
    const person = who === 'public' ? null : who === 'enterprise_user' ? company : who === 'district_staff' ? await as(who, { districtCode: '370602' }) : await as(who as Role);
    for (const [method, url, body] of writes) {
      const r = await call(person, method as 'GET' | 'POST', url, method === 'GET' ? undefined : body());
      if (expected === 'ok') expect(r.status, url).toBeLessThan(300);
      else expect(r.status, url).toBe(expected);
    }
  });

  it.each([
    ['enforcement_officer', 200], ['legal_reviewer', 200], ['licensing_staff', 200], ['enterprise_user', 403], ['public', 401],
  ] as const)('%s reading sessions, popularisation and typical cases: %i', async (who, status) => {
    const person = who === 'public' ? null : who === 'enterprise_user' ? company : await as(who as Role);
    for (const url of ['/api/training/study-sessions?year=2026', '/api/training/popularisation?year=2026', '/api/training/typical-cases']) {
      expect((await call(person, 'GET', url)).status, url).toBe(status);
    }
  });

  it('学法: a session is recorded with its attendees; a future date or an unknown attendee is refused naming the field; audited', async () => {
    const future = await call(leader, 'POST', '/api/training/study-sessions', session({ heldOn: '2026-12-05' }));
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'TRAINING_DATE_IN_FUTURE', field: 'heldOn' });
    const unknown = await call(leader, 'POST', '/api/training/study-sessions', session({ attendeeIds: [officer.id, 999_999] }));
    expect(unknown.body.error).toMatchObject({ code: 'TRAINING_PERSON_UNKNOWN', field: 'attendeeIds.1' });
    expect((await call(leader, 'POST', '/api/training/study-sessions', session({ kind: 'seminar' }))).status).toBe(400);
    const created = await call(leader, 'POST', '/api/training/study-sessions', session({ kind: 'collective', heldOn: '2026-12-04', attendeeIds: [officer.id, officer.id] }));
    expect(created.status).toBe(201);
    expect(created.body.attendance).toBe(1);
    expect(await auditOf('training_study_session', created.body.id)).toEqual(['training.study.create']);
    const list = await call(officer, 'GET', '/api/training/study-sessions?year=2026');
    const mine = list.body.items.find((s: { id: number }) => s.id === created.body.id);
    expect(mine).toMatchObject({ kind: 'collective', attendance: 1, attendees: [{ userId: officer.id }] });
    expect(list.body.figures.perKind.collective).toBeGreaterThanOrEqual(1);
    expect(list.body.figures.attendanceByUnit).toEqual(expect.arrayContaining([expect.objectContaining({ unit: ctx.districtByCode('370602').name })]));
    expect((await call(officer, 'GET', '/api/training/study-sessions?year=2025')).body.items).toEqual([]);
  });

  it('谁执法谁普法: one plan a year with its responsibility list; activities in the plan year, not in the future; an item done once; all audited', async () => {
    const bad = await call(leader, 'POST', '/api/training/popularisation/plans', plan(2026, { items: [{ departmentId: deptA.id, content: 'x', responsiblePerson: 'y', dueOn: '2027-01-10' }] }));
    expect(bad.body.error).toMatchObject({ code: 'POPULARISATION_OUTSIDE_PLAN_YEAR', field: 'items.0.dueOn' });
    const noDept = await call(leader, 'POST', '/api/training/popularisation/plans', plan(2026, { items: [{ departmentId: 999_999, content: 'x', responsiblePerson: 'y', dueOn: '2026-05-10' }] }));
    expect(noDept.body.error).toMatchObject({ code: 'POPULARISATION_DEPARTMENT_UNKNOWN', field: 'items.0.departmentId' });
    // Five creations of the year's plan at once: the unique year lets one through.
    const race = await Promise.all(Array.from({ length: 5 }, () => call(leader, 'POST', '/api/training/popularisation/plans', plan(2026))));
    expect(race.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(race.find((r) => r.status === 422)!.body.error).toMatchObject({ code: 'POPULARISATION_PLAN_EXISTS', field: 'year' });
    const created = race.find((r) => r.status === 201)!.body;
    const [itemA, itemB] = created.items as { id: number }[];

    const added = await call(admin, 'POST', `/api/training/popularisation/plans/${created.id}/items`, { departmentId: deptB.id, content: '送法进社区', responsiblePerson: '赵科长', dueOn: '2026-12-31' });
    expect(added.status).toBe(201);
    const activity = (over: object = {}) => ({ itemId: itemA!.id, title: '6.5环境日普法进企业', heldOn: '2026-06-05', place: '芝罘区工业园', audience: 'enterprise', materialsGiven: 3000, attendance: 120, photos: ['现场照片1.jpg'], ...over });
    expect((await call(leader, 'POST', '/api/training/popularisation/activities', activity({ heldOn: '2026-12-25' }))).body.error).toMatchObject({ code: 'TRAINING_DATE_IN_FUTURE', field: 'heldOn' });
    expect((await call(leader, 'POST', '/api/training/popularisation/activities', activity({ heldOn: '2025-06-05' }))).body.error).toMatchObject({ code: 'POPULARISATION_OUTSIDE_PLAN_YEAR', field: 'heldOn' });
    expect((await call(leader, 'POST', '/api/training/popularisation/activities', activity({ itemId: 999_999 }))).body.error).toMatchObject({ code: 'POPULARISATION_ITEM_UNKNOWN', field: 'itemId' });
    expect((await call(officer, 'POST', '/api/training/popularisation/activities', activity())).status).toBe(403);
    const a1 = await call(leader, 'POST', '/api/training/popularisation/activities', activity());
    expect(a1.status).toBe(201);
    const a2 = await call(leader, 'POST', '/api/training/popularisation/activities', activity({ itemId: itemB!.id, audience: 'school', materialsGiven: 500, attendance: 300, heldOn: '2026-03-15' }));
    expect(a2.status).toBe(201);

    expect((await call(leader, 'POST', `/api/training/popularisation/items/${itemB!.id}/done`, { doneOn: '2026-12-31' })).body.error).toMatchObject({ code: 'TRAINING_DATE_IN_FUTURE', field: 'doneOn' });
    expect((await call(leader, 'POST', `/api/training/popularisation/items/${itemB!.id}/done`, { doneOn: '2026-03-20' })).status).toBe(200);
    const twice = await call(leader, 'POST', `/api/training/popularisation/items/${itemB!.id}/done`, { doneOn: '2026-03-21' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('POPULARISATION_ITEM_ALREADY_DONE');

    expect(await auditOf('popularisation_plan', created.id)).toEqual(['popularisation.plan.create', 'popularisation.item.create', 'popularisation.item.done']);
    expect(await auditOf('popularisation_activity', a1.body.id)).toEqual(['popularisation.activity.create']);

    const year = await call(officer, 'GET', '/api/training/popularisation?year=2026');
    expect(year.status).toBe(200);
    expect(year.body.plan.id).toBe(created.id);
    expect(year.body.items).toHaveLength(3);
    expect(year.body.figures.overall).toEqual({ activities: 2, materialsGiven: 3500, attendance: 420 });
    expect(year.body.figures.byDepartment).toEqual(expect.arrayContaining([{ department: deptA.name, activities: 1, materialsGiven: 3000, attendance: 120 }]));
    expect(year.body.figures.byAudience.find((a: { audience: string }) => a.audience === 'school')).toMatchObject({ activities: 1, materialsGiven: 500 });
    // Item A (due 30 June, not done) is overdue on 4 December; B is done; the added one is due 31 December.
    expect(year.body.progress.overall).toEqual({ items: 3, done: 1, overdue: 1 });
  });

  it('以案释法: drafted only from a closed case with the identity removed; edits that put it back are refused; reviewed by another legal reviewer, then published', async () => {
    const open = await makeCase(false);
    const notClosed = await call(officer, 'POST', '/api/training/typical-cases', { caseId: open.caseId });
    expect(notClosed.status).toBe(422);
    expect(notClosed.body.error).toMatchObject({ code: 'TYPICAL_CASE_NOT_CLOSED', field: 'caseId' });
    const { caseId, enterprise } = await makeCase(true);
    // Outside the officer's district, the case is unknown to them.
    const elsewhere = await as('enforcement_officer', { districtCode: '370611' });
    expect((await call(elsewhere, 'POST', '/api/training/typical-cases', { caseId })).body.error).toMatchObject({ code: 'TYPICAL_CASE_SOURCE_UNKNOWN' });
    expect((await call(reviewer, 'POST', '/api/training/typical-cases', { caseId })).status).toBe(403);

    const drafted = await call(officer, 'POST', '/api/training/typical-cases', { caseId });
    expect(drafted.status).toBe(201);
    const id = drafted.body.id as number;
    const all = `${drafted.body.title}${drafted.body.facts}${drafted.body.analysis}`;
    expect(drafted.body.title).toBe('芝罘区某公司超标排放水污染物案');
    expect(drafted.body.facts).toContain('芝罘区某公司');
    expect(drafted.body.facts).toContain('王某');
    expect(all).not.toContain(enterprise.name);
    expect(all).not.toContain(enterprise.creditCode);
    expect(all).not.toContain('13812345678');
    expect(all).not.toContain('王建国');
    expect(drafted.body.analysis).toContain('第八十三条');
    expect(drafted.body).toMatchObject({ status: 'draft', lesson: '', actions: { edit: true, submit: true, approve: false } });
    expect((await call(officer2, 'POST', '/api/training/typical-cases', { caseId })).body.error).toMatchObject({ code: 'TYPICAL_CASE_EXISTS', field: 'caseId' });

    const incomplete = await call(officer, 'POST', `/api/training/typical-cases/${id}/submit`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error).toMatchObject({ code: 'TYPICAL_CASE_INCOMPLETE', field: 'lesson' });
    const edit = { title: drafted.body.title, facts: drafted.body.facts, analysis: drafted.body.analysis, lesson: '企业应当保证水污染防治设施正常运行，达标排放。' };
    const leaked = await call(officer, 'PUT', `/api/training/typical-cases/${id}`, { ...edit, facts: `${edit.facts}法定代表人王建国到场。` });
    expect(leaked.status).toBe(422);
    expect(leaked.body.error).toMatchObject({ code: 'TYPICAL_CASE_IDENTITY_LEFT', field: 'facts', citation: { law: '政府信息公开条例', article: '第十五条' } });
    const phoned = await call(officer, 'PUT', `/api/training/typical-cases/${id}`, { ...edit, lesson: '咨询电话 139 0000 1111' });
    expect(phoned.body.error).toMatchObject({ code: 'TYPICAL_CASE_IDENTITY_LEFT', field: 'lesson' });
    expect((await call(officer, 'PUT', `/api/training/typical-cases/${id}`, edit)).status).toBe(200);
    // A reviewer cannot act on a draft that has not been submitted.
    expect((await call(reviewer, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' })).body.error.code).toBe('TYPICAL_CASE_NOT_SUBMITTED');
    expect((await call(officer, 'POST', `/api/training/typical-cases/${id}/submit`)).status).toBe(200);
    expect((await call(officer, 'PUT', `/api/training/typical-cases/${id}`, edit)).body.error.code).toBe('TYPICAL_CASE_NOT_EDITABLE');

    expect((await call(officer, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' })).status).toBe(403);
    const noReason = await call(reviewer, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'return', reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toMatchObject({ code: 'TYPICAL_CASE_RETURN_REASON_REQUIRED', field: 'reason' });
    const returned = await call(reviewer, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'return', reason: '法律分析请补充裁量理由' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '法律分析请补充裁量理由' });
    expect((await call(officer, 'PUT', `/api/training/typical-cases/${id}`, { ...edit, analysis: `${edit.analysis}。综合违法情节，在裁量基准幅度内处罚。` })).status).toBe(200);
    expect((await call(officer, 'POST', `/api/training/typical-cases/${id}/submit`)).status).toBe(200);

    // Published cases are not visible to the public site until approved.
    expect((await listPublishedTypicalCases(ctx.database.db)).map((c) => c.id)).not.toContain(id);
    expect((await call(licensing, 'GET', `/api/training/typical-cases/${id}`)).status).toBe(404);
    const approved = await call(reviewer2, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', reviewedById: reviewer2.id, actions: { edit: false, approve: false } });
    expect((await call(reviewer2, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' })).status).toBe(409);

    const published = await listPublishedTypicalCases(ctx.database.db);
    const mine = published.find((c) => c.id === id)!;
    expect(mine).toMatchObject({ title: '芝罘区某公司超标排放水污染物案', districtName: ctx.districtByCode('370602').name });
    expect(mine).not.toHaveProperty('caseNumber');
    expect((await call(licensing, 'GET', '/api/training/typical-cases')).body.items.map((c: { id: number }) => c.id)).toContain(id);
    expect((await call(licensing, 'GET', `/api/training/typical-cases/${id}`)).body).not.toHaveProperty('caseNumber', expect.anything());
    expect(await auditOf('typical_case', id)).toEqual([
      'typical_case.draft', 'typical_case.edit', 'typical_case.submit', 'typical_case.return', 'typical_case.edit', 'typical_case.submit', 'typical_case.approve',
    ]);
  });

  it('a legal reviewer cannot review a typical case they drafted themselves (administrator holds both permissions); two reviews at once decide once', async () => {
    const { caseId } = await makeCase(true);
    const drafted = await call(admin, 'POST', '/api/training/typical-cases', { caseId });
    const id = drafted.body.id as number;
    await call(admin, 'PUT', `/api/training/typical-cases/${id}`, { title: drafted.body.title, facts: drafted.body.facts, analysis: drafted.body.analysis, lesson: '依法排污。' });
    expect((await call(admin, 'POST', `/api/training/typical-cases/${id}/submit`)).status).toBe(200);
    const self = await call(admin, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('TYPICAL_CASE_SELF_REVIEW');
    // Two reviewers at once: the row lock lets one decide; the other finds it no longer submitted.
    const both = await Promise.all([
      call(reviewer, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' }),
      call(reviewer2, 'POST', `/api/training/typical-cases/${id}/review`, { outcome: 'approve' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('TYPICAL_CASE_NOT_SUBMITTED');
    expect((await auditOf('typical_case', id)).filter((a) => a === 'typical_case.approve')).toHaveLength(1);
  });

  it('year figures: exam coverage and pass rate, sessions, activities, typical cases, lapsed officers; xlsx export for training.manage only', async () => {
    // An exam of 2026 with two candidates: one passes, one fails.
    const { seedQuestionBank } = await import('./actions.js');
    await seedQuestionBank(ctx.database.db, nowAt);
    const a = await as('enforcement_officer', { districtCode: '370602' });
    const b = await as('enforcement_officer', { districtCode: '370611' });
    const exam = await call(leader, 'POST', '/api/training/exams', { title: '年度考试', opensOn: '2026-12-01', closesOn: '2026-12-31', timeLimitMinutes: 30, passPercent: 60, counts: { single: 2, multiple: 0, true_false: 2 }, enrolUserIds: [a.id, b.id] });
    const { trainingQuestions } = await import('./tables.js');
    for (const [who, right] of [[a, true], [b, false]] as const) {
      const s = await call(who, 'POST', `/api/training/exams/${exam.body.id}/sitting`);
      const ids = s.body.questions.map((q: { id: number }) => q.id) as number[];
      const key = await ctx.database.db.select().from(trainingQuestions).where(inArray(trainingQuestions.id, ids));
      const answers = Object.fromEntries(key.map((q) => [String(q.id), right ? q.answer : [q.answer[0] === 0 ? 1 : 0]]));
      expect((await call(who, 'POST', `/api/training/exams/${exam.body.id}/sitting/submit`, { answers })).status).toBe(200);
    }
    const r = await call(leader, 'GET', '/api/training/figures?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.exams).toMatchObject({ count: 1, overall: { enrolled: 2, sat: 2, passed: 1, coverage: 1, passRate: 0.5 } });
    expect(r.body.exams.byUnit).toEqual(expect.arrayContaining([
      { unit: ctx.districtByCode('370602').name, enrolled: 1, sat: 1, passed: 1, coverage: 1, passRate: 1 },
      { unit: ctx.districtByCode('370611').name, enrolled: 1, sat: 1, passed: 0, coverage: 1, passRate: 0 },
    ]));
    expect(r.body.study.sessions).toBeGreaterThanOrEqual(2);
    expect(r.body.popularisation.overall).toEqual({ activities: 2, materialsGiven: 3500, attendance: 420 });
    // Both typical cases drafted above were published this year.
    expect(r.body.typicalCasesPublished).toBe(2);
    expect(r.body.lapsed.officers.map((o: { userId: number }) => o.userId)).toContain(b.id);
    expect(r.body.lapsed.officers.map((o: { userId: number }) => o.userId)).not.toContain(a.id);
    // The same figures for the year-end report, from index.ts.
    expect((await trainingYearFigures(ctx.database.db, 2026, nowAt)).exams.overall).toEqual(r.body.exams.overall);
    expect((await call(leader, 'GET', '/api/training/figures?year=1999')).status).toBe(400);

    expect((await call(officer, 'GET', '/api/training/figures/export?year=2026')).status).toBe(403);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/training/figures/export?year=2026', headers: leader.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const summary = wb.getWorksheet('概况')!;
    const rowOf = (label: string) => summary.getColumn(1).values.findIndex((v) => v === label);
    expect(summary.getRow(rowOf('合格率')).getCell(2).value).toBe('50%');
    expect(summary.getRow(rowOf('发放宣传资料（份）')).getCell(2).value).toBe(3500);
    expect(wb.getWorksheet('考试')!.getRow(3).values).toEqual(expect.arrayContaining([expect.any(String), 1, 1]));
  });

  it('bad years and ids are 400s naming the field', async () => {
    const bad = await call(leader, 'GET', '/api/training/study-sessions?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'year' });
    expect((await call(leader, 'POST', `/api/training/popularisation/items/${2 ** 31}/done`, { doneOn: '2026-01-01' })).body.error).toMatchObject({ field: 'id' });
    expect((await call(leader, 'POST', '/api/training/popularisation/items/999999/done', { doneOn: '2026-01-01' })).status).toBe(404);
    expect((await call(officer, 'GET', '/api/training/typical-cases/999999')).status).toBe(404);
  });
});
