// 年度重点任务 (月调度), joint operations, the board's campaign items and the year's figures through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';
import { departments } from '../organisation/index.js';
import { users } from '../users/index.js';
import { annualTaskReports } from './tables.js';

interface Person { id: number; headers: Record<string, string> }

describe(`年度重点任务, 月调度, joint operations and the year's figures (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-12-04T10:00:00+08:00');
  let leader: Person; let legal: Person; let office: Person; let reviewer: Person; let enterpriseUser: Record<string, string>;
  let dept: Record<'FGK' | 'BGS' | 'XZSP', number>;
  const as = async (role: Role, opts: { districtCode?: string; departmentCode?: keyof typeof dept; enterpriseId?: number } = {}): Promise<Person> => {
    const headers = await ctx.loginAs(role, { districtCode: opts.districtCode, enterpriseId: opts.enterpriseId });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    const id = (me.json().id ?? me.json().user.id) as number;
    if (opts.departmentCode) await ctx.database.db.update(users).set({ departmentId: dept[opts.departmentCode] }).where(eq(users.id, id));
    return { id, headers };
  };
  const call = async (who: Person | Record<string, string> | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const headers = who === null ? {} : 'headers' in who ? (who as Person).headers : who;
    const res = await ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload, headers: res.headers };
  };
  const task = (over: object = {}) => ({
    year: 2026, title: '推进行政执法“三项制度”', content: '全面落实行政执法公示、全过程记录、重大执法决定法制审核制度',
    leadDepartmentId: dept.FGK, coDepartmentIds: [dept.BGS], dueOn: '2026-12-31', ...over,
  });
  const report = (over: object = {}) => ({ departmentId: dept.FGK, month: '2026-11', progress: '完成执法公示平台升级', percent: 80, status: 'on_track', ...over });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    const rows = await ctx.database.db.select().from(departments);
    dept = Object.fromEntries((['FGK', 'BGS', 'XZSP'] as const).map((c) => [c, rows.find((d) => d.code === c)!.id])) as typeof dept;
    leader = await as('bureau_leader');
    legal = await as('legal_reviewer', { departmentCode: 'FGK' });
    office = await as('licensing_staff', { departmentCode: 'BGS' });
    reviewer = await as('legal_reviewer');
    const e = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: (await as('administrator')).headers, payload: enterpriseInput(ctx) });
    enterpriseUser = await ctx.loginAs('enterprise_user', { enterpriseId: e.json().id });
  }, 120_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 201], ['bureau_leader', 201], ['enforcement_officer', 403], ['legal_reviewer', 403], ['committee_member', 403],
    ['district_staff', 403], ['licensing_staff', 403], ['enterprise_user', 403], ['public', 401],
  ] as const)('%s creating an annual task: %i', async (who, status) => {
    const person = who === 'public' ? null : who === 'enterprise_user' ? enterpriseUser : await as(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    expect((await call(person, 'POST', '/api/annual-tasks', task())).status).toBe(status);
  });

  it.each([
    ['legal_reviewer', 200], ['licensing_staff', 200], ['district_staff', 200], ['enterprise_user', 403], ['public', 401],
  ] as const)('%s reading the tasks, one task and the dispatch: %i', async (who, status) => {
    const id = (await call(leader, 'POST', '/api/annual-tasks', task())).body.id as number;
    const person = who === 'public' ? null : who === 'enterprise_user' ? enterpriseUser : await as(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    for (const url of ['/api/annual-tasks?year=2026', `/api/annual-tasks/${id}`, '/api/annual-tasks/dispatch?month=2026-11']) {
      expect((await call(person, 'GET', url)).status, url).toBe(status);
    }
  });

  it('refusals name the field: due date outside the year, a repeated department, an unknown one', async () => {
    expect((await call(leader, 'POST', '/api/annual-tasks', task({ dueOn: '2027-01-10' }))).body.error).toMatchObject({ code: 'ANNUAL_TASK_DUE_OUTSIDE_YEAR', field: 'dueOn' });
    expect((await call(leader, 'POST', '/api/annual-tasks', task({ coDepartmentIds: [dept.FGK] }))).body.error).toMatchObject({ code: 'ANNUAL_TASK_DEPARTMENT_REPEATED', field: 'coDepartmentIds.0' });
    const unknown = await call(leader, 'POST', '/api/annual-tasks', task({ coDepartmentIds: [999_999] }));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'DEPARTMENT_UNKNOWN', field: 'coDepartmentIds.0' });
    expect((await call(leader, 'GET', '/api/annual-tasks/dispatch?month=2026-13')).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'month' });
  });

  it('reports come from the responsible department (or campaign.manage); a second one for the month is an update; both audited', async () => {
    // Created in September: reports are due from September.
    nowAt = new Date('2026-09-10T10:00:00+08:00');
    const id = (await call(leader, 'POST', '/api/annual-tasks', task({ dueOn: '2026-11-30' }))).body.id as number;
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    // The legal section's staff for their department: 201; for the office: 403; the office's for a department not responsible: 403/422.
    expect((await call(legal, 'POST', `/api/annual-tasks/${id}/reports`, report({ month: '2026-09' }))).status).toBe(201);
    expect((await call(legal, 'POST', `/api/annual-tasks/${id}/reports`, report({ departmentId: dept.BGS }))).status).toBe(403);
    expect((await call(reviewer, 'POST', `/api/annual-tasks/${id}/reports`, report())).status).toBe(403);
    expect((await call(enterpriseUser, 'POST', `/api/annual-tasks/${id}/reports`, report())).status).toBe(403);
    expect((await call(null, 'POST', `/api/annual-tasks/${id}/reports`, report())).status).toBe(401);
    expect((await call(leader, 'POST', `/api/annual-tasks/${id}/reports`, report({ departmentId: dept.XZSP }))).body.error).toMatchObject({ code: 'ANNUAL_REPORT_DEPARTMENT_NOT_RESPONSIBLE', field: 'departmentId' });
    expect((await call(legal, 'POST', `/api/annual-tasks/${id}/reports`, report({ month: '2026-08' }))).body.error).toMatchObject({ code: 'ANNUAL_REPORT_MONTH_OUTSIDE_TASK', field: 'month' });
    expect((await call(legal, 'POST', `/api/annual-tasks/${id}/reports`, report({ status: 'completed', percent: 90 }))).body.error).toMatchObject({ code: 'ANNUAL_REPORT_PERCENT_INCONSISTENT', field: 'percent' });
    expect((await call(office, 'POST', `/api/annual-tasks/${id}/reports`, report({ departmentId: dept.BGS, month: '2026-09' }))).status).toBe(201);
    const first = await call(legal, 'POST', `/api/annual-tasks/${id}/reports`, report());
    expect(first.status).toBe(201);
    const again = await call(leader, 'POST', `/api/annual-tasks/${id}/reports`, report({ progress: '平台已上线', status: 'completed', percent: 100 }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, progress: '平台已上线', status: 'completed', reportedOn: '2026-12-04' });

    // Dispatch for November: the legal section filed (on 12-04, in time), the office did not (pending until 12-05).
    const nov = await call(reviewer, 'GET', '/api/annual-tasks/dispatch?month=2026-11');
    const rows = (nov.body.rows as { taskId: number; departmentId: number; state: string }[]).filter((r) => r.taskId === id);
    expect(rows.map((r) => [r.departmentId, r.state])).toEqual([[dept.FGK, 'reported'], [dept.BGS, 'pending']]);
    // October: both missing and past 11-05: late.
    const oct = (await call(reviewer, 'GET', '/api/annual-tasks/dispatch?month=2026-10')).body.rows.filter((r: { taskId: number }) => r.taskId === id);
    expect(oct.map((r: { state: string }) => r.state)).toEqual(['late', 'late']);

    const detail = await call(office, 'GET', `/api/annual-tasks/${id}`);
    expect(detail.body.reportableDepartmentIds).toEqual([dept.BGS]);
    expect(detail.body.outcome).toEqual({ completed: true, completedOn: '2026-12-04', onTime: false });

    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'annual_task'), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action)).toEqual(['annual_task.create', 'annual_task.report.file', 'annual_task.report.file', 'annual_task.report.file', 'annual_task.report.update']);
    expect(audit[4]).toMatchObject({ actorId: leader.id, before: { progress: '完成执法公示平台升级' }, after: { progress: '平台已上线', status: 'completed' } });

    // The board: the office's October report is late (a link to the dispatch), its November one due tomorrow.
    const board = await call(reviewer, 'GET', '/api/cases/deadlines?withinDays=3');
    const mine = (board.body.others as { source: string; title: string; state: string; link: string; dueOn: string }[]).filter((o) => o.source === 'annual-task' && o.title.startsWith('推进行政执法') && o.title.includes('办公室'));
    expect(mine.map((o) => [o.dueOn, o.state, o.link])).toEqual([
      ['2026-11-05', 'overdue', '/annual-tasks/dispatch?month=2026-10'], ['2026-12-05', 'due_soon', '/annual-tasks/dispatch?month=2026-11'],
    ]);
  });

  it('late reports on the board follow the district scope: a district user sees those of its branch (分局) only', async () => {
    const [branch] = await ctx.database.db.select().from(departments).where(eq(departments.code, 'FJ370602'));
    nowAt = new Date('2026-10-10T10:00:00+08:00');
    await call(leader, 'POST', '/api/annual-tasks', task({ title: '分局执法公示专项', leadDepartmentId: branch!.id, coDepartmentIds: [dept.BGS] }));
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const titles = async (who: Person) => ((await call(who, 'GET', '/api/cases/deadlines')).body.others as { title: string; state: string }[])
      .filter((o) => o.title.startsWith('分局执法公示专项') && o.state === 'overdue').map((o) => o.title);
    expect(await titles(await as('district_staff', { districtCode: '370602' }))).toEqual([`分局执法公示专项（${branch!.name} 2026-10 月报）`]);
    expect(await titles(await as('district_staff', { districtCode: '370611' }))).toEqual([]);
    expect(await titles(reviewer)).toHaveLength(2);
  });

  it('parallel filings of one month leave one report: the first filed, the rest updates, every one audited', async () => {
    const id = (await call(leader, 'POST', '/api/annual-tasks', task())).body.id as number;
    const N = 6;
    if (ENGINE === 'postgres') await Promise.all(Array.from({ length: N }, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); })));
    const results = await Promise.all(Array.from({ length: N }, (_, i) => call(legal, 'POST', `/api/annual-tasks/${id}/reports`, report({ month: '2026-12', progress: `进展 ${i}` }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const stored = await ctx.database.db.select().from(annualTaskReports).where(eq(annualTaskReports.taskId, id));
    expect(stored).toHaveLength(1);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'annual_task'), eq(auditLog.entityId, String(id))));
    expect(audit.filter((a) => a.action === 'annual_task.report.file')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'annual_task.report.update')).toHaveLength(N - 1);
  });

  it('a cross-district operation is recorded with its districts, counted in the figures; overdue items reach the board; year figures and .xlsx', async () => {
    const a = await as('district_staff', { districtCode: '370602' });
    const b = await as('district_staff', { districtCode: '370611' });
    const admin = await as('administrator');
    await call(leader, 'POST', '/api/annual-tasks', task());
    const created = await call(leader, 'POST', '/api/campaigns', {
      name: '2026年扬尘污染专项整治', legalBasis: '《中华人民共和国大气污染防治法》第六十九条', startsOn: '2026-11-01', endsOn: '2027-03-31',
      districtIds: [ctx.districtByCode('370602').id, ctx.districtByCode('370611').id], checklist: [{ code: 'D1', text: '工地围挡苫盖' }],
      targets: [{ kind: 'site', siteName: '交界处工地', longitude: 121.3, latitude: 37.5 }],
    });
    const id = created.body.id as number;
    const targetId = (await call(leader, 'GET', `/api/campaigns/${id}`)).body.targets[0].id as number;
    const inspect = (officerIds: number[], result: 'ok' | 'problem') => call(a, 'POST', `/api/campaigns/${id}/inspections`, {
      targetId, inspectedOn: '2026-11-20', officerIds, ownerDistrictId: ctx.districtByCode('370602').id, workingDays: 5,
      results: [{ code: 'D1', result, note: result === 'problem' ? '裸土未苫盖' : null }],
    });
    expect((await inspect([a.id, b.id], 'problem')).status).toBe(201);
    expect((await inspect([a.id, admin.id], 'ok')).status).toBe(201);
    const detail = (await call(leader, 'GET', `/api/campaigns/${id}`)).body;
    const joint = detail.inspections.find((i: { officerIds: number[] }) => i.officerIds.includes(b.id));
    expect(joint).toMatchObject({ crossDistrict: true, joint: true });
    expect(joint.participantUnits.sort()).toEqual([ctx.districtByCode('370602').name, ctx.districtByCode('370611').name].sort());
    expect(detail.inspections.find((i: { officerIds: number[] }) => i.officerIds.includes(admin.id))).toMatchObject({ crossDistrict: false, joint: true });
    expect(detail.figures).toMatchObject({ problems: 1, jointOperations: 1 });

    // Five working days after 2026-11-20: 11-27; overdue on 12-04, on the board of the district's staff, not of another district's.
    const board = (await call(a, 'GET', '/api/cases/deadlines')).body.others as { source: string; link: string; state: string }[];
    expect(board.filter((o) => o.source === 'campaign' && o.link === `/campaigns/${id}`).map((o) => o.state)).toEqual(['overdue']);
    const elsewhere = (await call(await as('district_staff', { districtCode: '370613' }), 'GET', '/api/cases/deadlines')).body.others as { link: string }[];
    expect(elsewhere.some((o) => o.link === `/campaigns/${id}`)).toBe(false);

    const figures = await call(reviewer, 'GET', '/api/campaigns/figures?year=2026');
    expect(figures.status).toBe(200);
    expect(figures.body.campaigns.find((c: { id: number }) => c.id === id)).toMatchObject({ targets: 1, inspected: 1, problems: 1, orders: 0, fixed: 0, verified: 0, jointOperations: 1 });
    expect(figures.body.jointOperations.crossDistrict).toBeGreaterThanOrEqual(1);
    expect(figures.body.annualTasks.count).toBeGreaterThanOrEqual(1);
    // The campaign runs into 2027: listed for 2027, with none of 2026's inspections counted there.
    expect((await call(reviewer, 'GET', '/api/campaigns/figures?year=2027')).body.campaigns.find((c: { id: number }) => c.id === id))
      .toMatchObject({ targets: 1, inspected: 0, problems: 0, jointOperations: 0 });
    expect((await call(reviewer, 'GET', '/api/campaigns/figures?year=2031')).body).toMatchObject({ campaigns: [], annualTasks: { count: 0 }, jointOperations: { joint: 0, crossDistrict: 0 } });
    for (const [who, status] of [[office, 403], [enterpriseUser, 403], [null, 401], [a, 200]] as const) {
      expect((await call(who, 'GET', '/api/campaigns/figures?year=2026')).status).toBe(status);
      expect((await call(who, 'GET', '/api/campaigns/figures/export?year=2026')).status).toBe(status);
    }
    const xlsx = await call(reviewer, 'GET', '/api/campaigns/figures/export?year=2026');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('专项整治')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '2026年扬尘污染专项整治')!;
    expect([5, 9].map((c) => row.getCell(c).value)).toEqual([1, 1]);
    const summary = wb.getWorksheet('年度汇总')!;
    expect(summary.getRows(1, summary.rowCount)!.map((r) => r.getCell(1).value)).toContain('其中跨区联合执法');
  });
  it('edits a task with its version (optimistic, audited): the year stays, reported departments stay, parallel edits: one wins', async () => {
    const created = await call(leader, 'POST', '/api/annual-tasks', task({ title: '编辑测试任务' }));
    const id = created.body.id as number;
    expect(created.body.version).toBe(1);
    const edit = (over: object = {}) => ({ title: '推进行政执法“三项制度”（修订）', content: '修订后的内容', leadDepartmentId: dept.FGK, coDepartmentIds: [dept.BGS, dept.XZSP], dueOn: '2026-11-30', version: 1, ...over });
    expect((await call(legal, 'PUT', `/api/annual-tasks/${id}`, edit())).status).toBe(403);
    expect((await call(leader, 'PUT', `/api/annual-tasks/${id}`, edit({ year: 2027 }))).status).toBe(400);
    expect((await call(leader, 'PUT', `/api/annual-tasks/${id}`, edit({ dueOn: '2027-02-01' }))).body.error).toMatchObject({ code: 'ANNUAL_TASK_DUE_OUTSIDE_YEAR', field: 'dueOn' });
    expect((await call(leader, 'PUT', '/api/annual-tasks/999999', edit())).status).toBe(404);
    const ok = await call(leader, 'PUT', `/api/annual-tasks/${id}`, edit());
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, title: '推进行政执法“三项制度”（修订）', dueOn: '2026-11-30', coDepartmentIds: [dept.BGS, dept.XZSP], year: 2026 });
    const stale = await call(leader, 'PUT', `/api/annual-tasks/${id}`, edit({ title: '旧版本' }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    // A department that reported stays on the task.
    const filed = await call(leader, 'POST', `/api/annual-tasks/${id}/reports`, report({ departmentId: dept.BGS, month: '2026-12' }));
    expect(filed.status, JSON.stringify(filed.body)).toBeLessThan(300);
    const drop = await call(leader, 'PUT', `/api/annual-tasks/${id}`, edit({ version: 2, coDepartmentIds: [dept.XZSP] }));
    expect(drop.status).toBe(422);
    expect(drop.body.error).toMatchObject({ code: 'ANNUAL_TASK_DEPARTMENT_REPORTED', field: 'coDepartmentIds' });
    const race = await Promise.all([1, 2, 3].map((i) => call(leader, 'PUT', `/api/annual-tasks/${id}`, edit({ version: 2, title: `并发编辑${i}` }))));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'annual_task'), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq));
    expect(audit.map((a) => a.action).filter((a) => a === 'annual_task.update')).toHaveLength(2);
  });
});
