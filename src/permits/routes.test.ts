import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';
import { leads } from '../cases/index.js';
import { insertIngestBatch, rawClientOf } from '../monitoring/store.js';
import { evaluateOutfall } from '../monitoring/actions.js';
import { monitoringDevices, monitoringEvents } from '../monitoring/tables.js';

describe(`排污许可 through the API (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-12-04T10:00:00+08:00');
  let admin: Record<string, string>; let leader: Record<string, string>; let staff: Record<string, string>;
  let enterprise: { id: number; creditCode: string; outfalls: { id: number; code: string }[] };
  let other: { id: number; creditCode: string; outfalls: { id: number; code: string }[] };
  let own: Record<string, string>; let foreign: Record<string, string>;
  const call = async (headers: Record<string, string> | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const makeEnterprise = async () => {
    const e = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx, { outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }] }) });
    const d = await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${e.json().id}`, headers: admin });
    return { id: d.json().id as number, creditCode: d.json().creditCode as string, outfalls: d.json().outfalls };
  };
  const audits = async (action: string) => (await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;
  const outfall = (e: typeof enterprise, concentration = 60) => ({
    outfallId: e.outfalls[0]!.id, location: '厂区东侧', limits: [{ pollutant: 'w01018', concentration, concentrationUnit: 'mg/L', period: 'hour', annualTotal: 12_500, annualTotalUnit: 'kg' }],
  });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    admin = await ctx.loginAs('administrator');
    leader = await ctx.loginAs('bureau_leader');
    staff = await ctx.loginAs('licensing_staff');
    enterprise = await makeEnterprise();
    other = await makeEnterprise();
    own = await ctx.loginAs('enterprise_user', { enterpriseId: enterprise.id });
    foreign = await ctx.loginAs('enterprise_user', { enterpriseId: other.id, username: 'foreign-enterprise' });
  }, 180_000);
  afterAll(async () => ctx?.close());

  const application = (over: object = {}) => ({ enterpriseId: enterprise.id, kind: 'new', managementClass: 'key', proposedNumber: `${enterprise.creditCode}001P`, outfalls: [outfall(enterprise)], ...over });

  // Permit numbers are unique, so each created permit gets its own sequence (a random one could collide).
  let nextPermitSeq = 100;
  it.each([
    ['administrator', 'POST /api/permits', 201], ['licensing_staff', 'POST /api/permits', 201], ['bureau_leader', 'POST /api/permits', 403],
    ['enterprise_user', 'POST /api/permits', 403], ['public', 'POST /api/permits', 401],
    ['licensing_staff', 'GET /api/permits', 200], ['enforcement_officer', 'GET /api/permits', 200], ['enterprise_user', 'GET /api/permits', 200], ['public', 'GET /api/permits', 401],
    ['enterprise_user', 'POST /api/permit-applications', 201], ['licensing_staff', 'POST /api/permit-applications', 201],
    ['bureau_leader', 'POST /api/permit-applications', 403], ['enforcement_officer', 'POST /api/permit-applications', 403],
  ] as const)('%s %s → %i', async (who, route, status) => {
    const [method, url] = route.split(' ') as ['GET' | 'POST', string];
    const headers = who === 'public' ? null : who === 'enterprise_user' ? own : who === 'licensing_staff' ? staff : who === 'bureau_leader' ? leader : who === 'administrator' ? admin : await ctx.loginAs(who as Role);
    const seq = String(nextPermitSeq++);
    const payload = url === '/api/permits'
      ? { enterpriseId: enterprise.id, managementClass: 'registration', number: `${enterprise.creditCode}${seq}W`, issuedOn: '2026-01-05', validFrom: '2026-01-05', outfalls: [] }
      : method === 'POST' ? application({ proposedNumber: null, outfalls: [] }) : undefined;
    expect((await call(headers, method, url, payload)).status).toBe(status);
  });

  it('400 names the malformed field, 422 the rule broken; a registration is filed, not applied for; enterprises see only their own', async () => {
    const bad = await call(own, 'POST', '/api/permit-applications', application({ outfalls: [{ ...outfall(enterprise), limits: [{ pollutant: 'COD', concentration: 1, concentrationUnit: 'mg/L', annualTotal: null, annualTotalUnit: null }] }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'outfalls.0.limits.0.pollutant' });
    const reg = await call(own, 'POST', '/api/permit-applications', application({ managementClass: 'registration' }));
    expect(reg.status).toBe(422);
    expect(reg.body.error).toMatchObject({ code: 'PERMIT_REGISTRATION_NOT_APPLIED', field: 'managementClass', citation: { article: '第二十四条' } });
    const number = await call(own, 'POST', '/api/permit-applications', application({ proposedNumber: `${other.creditCode}001P` }));
    expect(number.body.error).toMatchObject({ code: 'PERMIT_NUMBER_NOT_OF_ENTERPRISE', field: 'proposedNumber' });
    const foreignOutfall = await call(own, 'POST', '/api/permit-applications', application({ outfalls: [outfall(other)] }));
    expect(foreignOutfall.body.error).toMatchObject({ code: 'OUTFALL_NOT_OF_ENTERPRISE', field: 'outfalls.0.outfallId' });
    // Another enterprise's user cannot apply for, nor see, this one.
    expect((await call(foreign, 'POST', '/api/permit-applications', application())).body.error).toMatchObject({ code: 'ENTERPRISE_UNKNOWN' });
    const board = await call(foreign, 'GET', '/api/permits');
    expect(board.body.permits.every((p: { enterpriseId: number }) => p.enterpriseId === other.id)).toBe(true);
    expect(board.body.applications.every((a: { enterpriseId: number }) => a.enterpriseId === other.id)).toBe(true);
  });

  it('application → 3-day notice → acceptance → decision clock → the leader issues the permit; one of two parallel decisions wins; all audited', async () => {
    const created = await call(own, 'POST', '/api/permit-applications', application({ receivedOn: '2026-11-01' }));
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    // An enterprise's own submission is received today (Fri 2026-12-04); the notice is due 3 working days later.
    expect(created.body).toMatchObject({ receivedOn: '2026-12-04', noticeDueOn: '2026-12-09', status: 'received' });
    const late = await call(staff, 'POST', `/api/permit-applications/${id}/notice`, { noticedOn: '2026-12-10', missingMaterials: '自行监测方案' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'noticedOn' });
    expect((await call(own, 'POST', `/api/permit-applications/${id}/notice`, { noticedOn: '2026-12-04', missingMaterials: 'x' })).status).toBe(403);
    const notice = await call(staff, 'POST', `/api/permit-applications/${id}/notice`, { noticedOn: '2026-12-04', missingMaterials: '自行监测方案；排放口规范化材料' });
    expect(notice.body).toMatchObject({ status: 'incomplete', noticedOn: '2026-12-04' });
    const again = await call(staff, 'POST', `/api/permit-applications/${id}/notice`, { noticedOn: '2026-12-04', missingMaterials: '再补' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PERMIT_APPLICATION_NOT_RECEIVED');
    nowAt = new Date('2026-12-07T10:00:00+08:00');
    const early = await call(staff, 'POST', `/api/permit-applications/${id}/accept`, { acceptedOn: '2026-12-03' });
    expect(early.body.error).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'acceptedOn' });
    const accepted = await call(staff, 'POST', `/api/permit-applications/${id}/accept`, { acceptedOn: '2026-12-07', onSiteCheck: true });
    // 重点管理 with an on-site check: 45 working days (第十二条第二款), counted on the seeded calendar.
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedOn: '2026-12-07', onSiteCheck: true });
    // 2027 has no recorded arrangement in the seed: the date is the earliest the notice could give, marked 暂定.
    expect(accepted.body).toMatchObject({ decisionDueOn: '2027-01-30', provisional: true });
    expect((await call(staff, 'POST', `/api/permit-applications/${id}/decide`, { outcome: 'approve', decidedOn: '2026-12-07' })).status).toBe(403);
    const noReasons = await call(leader, 'POST', `/api/permit-applications/${id}/decide`, { outcome: 'refuse', decidedOn: '2026-12-07' });
    expect(noReasons.body.error).toMatchObject({ code: 'PERMIT_REFUSAL_REASONS_REQUIRED', field: 'reasons', citation: { article: '第十二条' } });

    const N = 4;
    if (ENGINE === 'postgres') await Promise.all(Array.from({ length: N }, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); })));
    const parallel = await Promise.all(Array.from({ length: N }, () => call(leader, 'POST', `/api/permit-applications/${id}/decide`, { outcome: 'approve', decidedOn: '2026-12-07' })));
    expect(parallel.map((r) => r.status).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    expect(parallel.filter((r) => r.status === 409).every((r) => r.body.error.code === 'PERMIT_APPLICATION_DECIDED')).toBe(true);
    const permit = parallel.find((r) => r.status === 200)!.body.permit;
    expect(permit).toMatchObject({ number: `${enterprise.creditCode}001P`, validFrom: '2026-12-07', validTo: '2031-12-06', managementClass: 'key', reportKinds: ['annual', 'quarterly'] });
    const detail = await call(own, 'GET', `/api/permits/${permit.id}`);
    expect(detail.body.outfalls[0]).toMatchObject({ code: 'DW001', location: '厂区东侧', limits: [{ pollutant: 'w01018', concentration: 60, concentrationUnit: 'mg/L', annualTotal: 12_500, annualTotalUnit: 'kg' }] });
    expect(detail.body.permit).toMatchObject({ validNow: true, renewalDueOn: '2031-10-07', renewalState: 'upcoming' });
    expect((await call(foreign, 'GET', `/api/permits/${permit.id}`)).status).toBe(404);
    for (const action of ['permit.application.submit', 'permit.application.notice', 'permit.application.accept']) expect(await audits(action)).toBeGreaterThan(0);
    const decided = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'permit.application.decide'), eq(auditLog.entityId, String(id))));
    expect(decided).toHaveLength(1);
  });

  it('排污许可管理条例 第九条(四): no notice within 3 working days → accepted from the day of receipt', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const created = await call(own, 'POST', '/api/permit-applications', application({ managementClass: 'simplified', proposedNumber: null }));
    nowAt = new Date('2026-12-10T10:00:00+08:00');
    const board = await call(staff, 'GET', `/api/permits?enterpriseId=${enterprise.id}`);
    expect(board.body.applications.find((a: { id: number }) => a.id === created.body.id)).toMatchObject({ noticeDueOn: '2026-12-09', deemedAcceptedNow: true });
    const late = await call(staff, 'POST', `/api/permit-applications/${created.body.id}/notice`, { noticedOn: '2026-12-10', missingMaterials: '自行监测方案' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'PERMIT_NOTICE_TOO_LATE', field: 'noticedOn', citation: { article: '第九条' } });
    const accepted = await call(staff, 'POST', `/api/permit-applications/${created.body.id}/accept`, { acceptedOn: '2026-12-10' });
    // 简化管理: 20 working days from the receipt day (第十二条第一款).
    expect(accepted.body).toMatchObject({ acceptedOn: '2026-12-04', deemedAccepted: true, decisionDueOn: '2027-01-02' });
  });

  it('execution reports: overdue list, filing once, a late report marked late', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const recorded = await call(staff, 'POST', '/api/permits', {
      enterpriseId: other.id, managementClass: 'key', number: `${other.creditCode}001P`, issuedOn: '2021-12-20', validFrom: '2021-12-20', outfalls: [outfall(other)],
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.validTo).toBe('2026-12-19');
    const board = await call(staff, 'GET', `/api/permits?enterpriseId=${other.id}`);
    const mine = board.body.permits.find((p: { id: number }) => p.id === recorded.body.id);
    // 60 days before 2026-12-19 was 2026-10-20: renewal is late (第十四条第二款).
    expect(mine).toMatchObject({ renewalDueOn: '2026-10-20', renewalState: 'late' });
    const overdue = board.body.overdueReports.filter((r: { permitId: number }) => r.permitId === recorded.body.id);
    expect(overdue.length).toBeGreaterThan(10);
    expect(overdue.some((r: { period: string }) => r.period === '2026Q3')).toBe(true);
    const filed = await call(foreign, 'POST', `/api/permits/${recorded.body.id}/reports`, { kind: 'quarterly', period: '2026Q3', submittedOn: '2026-12-01', summary: '三季度排放情况' });
    expect(filed.status).toBe(201);
    const twice = await call(foreign, 'POST', `/api/permits/${recorded.body.id}/reports`, { kind: 'quarterly', period: '2026Q3', submittedOn: '2026-12-02', summary: '再次' });
    expect(twice.body.error.code).toBe('PERMIT_REPORT_ALREADY_FILED');
    const future = await call(foreign, 'POST', `/api/permits/${recorded.body.id}/reports`, { kind: 'quarterly', period: '2026Q4', submittedOn: '2026-12-02', summary: '四季度' });
    expect(future.body.error).toMatchObject({ code: 'PERMIT_REPORT_PERIOD_UNKNOWN', field: 'period' });
    expect((await call(own, 'POST', `/api/permits/${recorded.body.id}/reports`, { kind: 'quarterly', period: '2026Q2', submittedOn: '2026-12-02', summary: 'x' })).status).toBe(404);
    const after = await call(staff, 'GET', `/api/permits/${recorded.body.id}`);
    expect(after.body.reports.find((r: { period: string }) => r.period === '2026Q3')).toMatchObject({ state: 'submitted_late', submittedOn: '2026-12-01' });
    expect(await audits('permit.report.file')).toBe(1);
    // A renewal is still possible before expiry; it is marked late.
    const renewal = await call(foreign, 'POST', '/api/permit-applications', { enterpriseId: other.id, kind: 'renewal', managementClass: 'key', permitId: recorded.body.id });
    expect(renewal.body).toMatchObject({ status: 'received', late: true });
    expect((await call(foreign, 'POST', '/api/permit-applications', { enterpriseId: other.id, kind: 'renewal', managementClass: 'key', permitId: recorded.body.id })).body.error.code).toBe('PERMIT_APPLICATION_OPEN');
    // 第十四条第二款: accepted, decided; the renewed permit follows on without a gap and keeps the number.
    expect((await call(staff, 'POST', `/api/permit-applications/${renewal.body.id}/accept`, { acceptedOn: '2026-12-04' })).body).toMatchObject({ status: 'accepted', decisionDueOn: '2027-01-02', provisional: true }); // 2027 not recorded: 暂定 (earliest)
    const renewed = await call(leader, 'POST', `/api/permit-applications/${renewal.body.id}/decide`, { outcome: 'approve', decidedOn: '2026-12-04' });
    expect(renewed.body.permit).toMatchObject({ number: `${other.creditCode}001P`, validFrom: '2026-12-20', validTo: '2031-12-19' });
    const renewedDetail = await call(foreign, 'GET', `/api/permits/${renewed.body.permit.id}`);
    expect(renewedDetail.body.outfalls[0].limits[0]).toMatchObject({ pollutant: 'w01018', concentration: 60 });
    const afterRenewal = await call(staff, 'GET', `/api/permits?enterpriseId=${other.id}`);
    expect(afterRenewal.body.permits.find((p: { id: number }) => p.id === recorded.body.id)).toMatchObject({ renewalState: 'none', validNow: true });
    // 第十四条第三款: a change 31 days after it happened is received and marked late.
    const change = await call(foreign, 'POST', '/api/permit-applications', { enterpriseId: other.id, kind: 'change', managementClass: 'key', permitId: recorded.body.id, changedOn: '2026-11-03', changeSummary: '法定代表人变更' });
    expect(change.body).toMatchObject({ kind: 'change', late: true });
  });

  it('monitoring: the permit limit is judged (排污许可管理条例 第三十四条); data without a valid permit opens one lead (第三十三条)', async () => {
    const insertPoints = async (enterpriseId: number, outfallId: number, mn: string, values: number[]) => {
      const [device] = await ctx.database.db.insert(monitoringDevices).values({ mn, password: '123456', kind: 'emission', enterpriseId, outfallId, createdAt: new Date(), updatedAt: new Date() }).returning();
      const points = values.map((v, i) => ({
        deviceId: device!.id, cn: 2061, pollutant: 'w01018', dataTime: Date.UTC(2026, 11, 3, i), outfallId, rtd: null, min: null, avg: v, max: null, cou: null, zsRtd: null, zsAvg: null, flag: 'N',
      }));
      await insertIngestBatch(rawClientOf(ctx.database), [{ packet: { deviceId: device!.id, cn: 2061, dataTime: points[0]!.dataTime, qn: null, points: points.length }, points, readings: [] }], new Date());
    };
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    // `enterprise` holds the permit issued above (COD 60 mg/L from 2026-12-07) — not yet valid on 2026-12-03.
    const third = await makeEnterprise();
    await call(staff, 'POST', '/api/permits', { enterpriseId: third.id, managementClass: 'simplified', number: `${third.creditCode}001P`, issuedOn: '2024-05-01', validFrom: '2024-05-01', outfalls: [outfall(third, 60)] });
    await insertPoints(third.id, third.outfalls[0]!.id, 'PERMIT0000000000000000A1', [50, 70, 80, 40]);
    expect(await evaluateOutfall(ctx.database.db, third.outfalls[0]!.id, Date.UTC(2026, 11, 3), nowAt)).toBe(1);
    const [event] = await ctx.database.db.select().from(monitoringEvents).where(eq(monitoringEvents.outfallId, third.outfalls[0]!.id));
    expect(event).toMatchObject({ kind: 'exceedance', units: 2, limitValue: 60, peakValue: 80 });
    expect(event!.limitCitation).toContain(`${third.creditCode}001P`);
    expect(await ctx.database.db.select().from(leads).where(like(leads.sourceRef, `permit-discharge:${third.outfalls[0]!.id}:%`))).toHaveLength(0);

    const fourth = await makeEnterprise();
    await insertPoints(fourth.id, fourth.outfalls[0]!.id, 'PERMIT0000000000000000B2', [10, 12]);
    await Promise.all([1, 2].map(() => evaluateOutfall(ctx.database.db, fourth.outfalls[0]!.id, Date.UTC(2026, 11, 3), nowAt)));
    await evaluateOutfall(ctx.database.db, fourth.outfalls[0]!.id, Date.UTC(2026, 11, 3), nowAt);
    const opened = await ctx.database.db.select().from(leads).where(like(leads.sourceRef, `permit-discharge:${fourth.outfalls[0]!.id}:%`));
    expect(opened).toHaveLength(1);
    expect(opened[0]!).toMatchObject({ source: 'monitoring', enterpriseId: fourth.id });
    expect(opened[0]!.summary).toContain('第三十三条（一）');
    expect(await audits('permit.discharge.lead')).toBeGreaterThanOrEqual(1);
  });
  it('撤销 (行政许可法 第六十九条, 排污许可管理条例 第四十条) by the leader, 注销 (行政许可法 第七十条) by staff: statutory grounds, dates, audited; parallel gives one', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const record = async (seq: string, validFrom = '2026-01-05') => {
      const r = await call(staff, 'POST', '/api/permits', { enterpriseId: enterprise.id, managementClass: 'simplified', number: `${enterprise.creditCode}${seq}P`, issuedOn: validFrom, validFrom, outfalls: [] });
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    const id = await record('901');
    const body = { ground: 'fraud', endedOn: '2026-12-04', reason: '申请材料中的环评批复系伪造' };
    expect((await call(staff, 'POST', `/api/permits/${id}/revoke`, body)).status).toBe(403);
    expect((await call(own, 'POST', `/api/permits/${id}/cancel`, { ...body, ground: 'terminated' })).status).toBe(403);
    expect((await call(null, 'POST', `/api/permits/${id}/revoke`, body)).status).toBe(401);
    expect((await call(leader, 'POST', `/api/permits/${id}/revoke`, { ...body, ground: 'expired' })).body.error)
      .toMatchObject({ code: 'PERMIT_END_GROUND_UNKNOWN', field: 'ground', citation: { law: '行政许可法', article: '第六十九条' } });
    expect((await call(leader, 'POST', `/api/permits/${id}/revoke`, { ...body, endedOn: '2026-12-05' })).body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'endedOn' });
    expect((await call(leader, 'POST', `/api/permits/${id}/revoke`, { ...body, endedOn: '2025-12-31' })).body.error).toMatchObject({ code: 'PERMIT_END_BEFORE_ISSUE', field: 'endedOn' });
    const both = await Promise.all([1, 2].map(() => call(leader, 'POST', `/api/permits/${id}/revoke`, body)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 200)!.body).toMatchObject({ status: 'revoked', endedOn: '2026-12-04', endGround: 'fraud' });
    expect((await call(staff, 'POST', `/api/permits/${id}/cancel`, { ...body, ground: 'revoked-or-withdrawn' })).body.error).toMatchObject({ code: 'PERMIT_ALREADY_ENDED' });
    const detail = await call(own, 'GET', `/api/permits/${id}`);
    expect(detail.body.permit).toMatchObject({ status: 'revoked', validNow: false });
    expect(detail.body.actions).toMatchObject({ revoke: false, cancel: false });

    // 注销 as expired only once the validity has ended (第七十条（一）).
    const live = await record('902');
    expect((await call(staff, 'POST', `/api/permits/${live}/cancel`, { ground: 'expired', endedOn: '2026-12-04', reason: '到期' })).body.error)
      .toMatchObject({ code: 'PERMIT_NOT_EXPIRED', citation: { law: '行政许可法', article: '第七十条', item: '（一）' } });
    const cancelled = await call(staff, 'POST', `/api/permits/${live}/cancel`, { ground: 'terminated', endedOn: '2026-12-03', reason: '企业已注销登记' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', endGround: 'terminated' });
    const rows = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'permit'), eq(auditLog.entityId, String(live))));
    expect(rows.map((r) => r.action)).toEqual(['permit.record', 'permit.cancel']);
    expect(await audits('permit.revoke')).toBeGreaterThanOrEqual(1);
  });
});
