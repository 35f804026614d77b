import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import { seedCalendar } from '../calendar/index.js';
import { cases, leads } from '../cases/index.js';
import { monitoringEvents } from '../monitoring/index.js';
import { measures } from '../measures/index.js';

const ID_SHAPE = /\d{17}[\dXx]/;
const PHONE_SHAPE = /1[3-9]\d{9}/;

describe(`compliance grid, watch list and corrections through the API (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2026-12-04T10:00:00+08:00');
  let b: Bureau;
  let caseId: number;
  let quietId: number; let transferId: number;
  let publicationId: number;
  const call = async (headers: Record<string, string> | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, extra: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ method, url, headers: { ...(headers ?? {}), ...extra }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.body, headers: res.headers };
  };
  const newEnterprise = async (name: string) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: b.admin.headers, payload: { ...enterpriseInput(ctx), name } });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  };
  const event = (enterpriseId: number, at: string, i: number) => ({
    kind: 'exceedance' as const, enterpriseId, scopeKey: `test|cod|${enterpriseId}|${i}`, startAt: new Date(at), endAt: new Date(at), ongoing: false, units: 1,
    createdAt: nowAt, updatedAt: nowAt,
  });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2026-11-25');
    await ctx.database.db.update(cases).set({
      decisionKind: 'penalty', decidedOn: '2026-11-27', decisionNumber: '烟环罚〔2026〕301号', decisionFineFen: 25_000_000,
      proposal: {
        penaltyKinds: ['fine'], fineFen: 25_000_000, violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null,
        facts: '法定代表人王测试（身份证号370602197001011234，电话13812345678）称，废水总排口化学需氧量超标。',
      },
      decision: { penaltyKinds: ['fine'], reasons: '超标排放', basis: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
    }).where(eq(cases.id, caseId));
    const published = await call(b.reviewer.headers, 'POST', `/api/disclosure/cases/${caseId}/publish`);
    expect(published.status).toBe(201);
    publicationId = published.body.id;
    // The case's own enterprise: exceedances in 2026Q1. Another: five exceedance days in June, never a case. A third: a transfer.
    await ctx.database.db.insert(monitoringEvents).values([event(b.enterpriseId, '2026-02-01T03:00:00+08:00', 1), event(b.enterpriseId, '2026-02-02T03:00:00+08:00', 2)]);
    quietId = await newEnterprise('烟台安静化工有限公司');
    await ctx.database.db.insert(monitoringEvents).values(['01', '03', '05', '08', '12'].map((d, i) => event(quietId, `2026-06-${d}T01:00:00+08:00`, i)));
    transferId = await newEnterprise('烟台移送化工有限公司');
    const lead = await call(b.officerA.headers, 'POST', '/api/leads', { source: 'transfer', enterpriseId: transferId, summary: '公安机关移送：夜间偷排', discoveredOn: '2026-11-01' });
    expect(lead.status).toBe(201);
  }, 180_000);
  afterAll(async () => ctx.close());

  it('the enterprise grid: 12 quarters to now, derived from the records, with a legend; no login; ETag honoured', async () => {
    const r = await call(null, 'GET', `/api/public/enterprises/${b.enterpriseId}/compliance`);
    expect(r.status).toBe(200);
    expect(r.body.quarters).toHaveLength(12);
    expect(r.body.quarters[11]).toMatchObject({ quarter: '2026Q4', casesFiled: 1, penalties: 1, penaltyFen: 25_000_000, violations: 1, status: 'serious' });
    expect(r.body.quarters.find((q: { quarter: string }) => q.quarter === '2026Q1')).toMatchObject({ exceedanceEvents: 2, status: 'violation' });
    expect(r.body.legend.map((l: { status: string }) => l.status)).toEqual(['none', 'compliant', 'violation', 'formal_action', 'serious']);
    expect(r.body.enterprise).toMatchObject({ id: b.enterpriseId, name: '烟台测试化工有限公司', industryCode: 'C2614' });
    expect(r.body.positiveList).toEqual({ listed: false, since: null });
    expect(r.headers['access-control-allow-origin']).toBe('*');
    const again = await call(null, 'GET', `/api/public/enterprises/${b.enterpriseId}/compliance`, undefined, { 'if-none-match': String(r.headers.etag) });
    expect(again.status).toBe(304);
    expect((await call(null, 'GET', '/api/public/enterprises/999999/compliance')).status).toBe(404);
    expect((await call(null, 'GET', '/api/public/enterprises/abc/compliance')).body.error.code).toBe('INVALID_INPUT');
  });

  it('the district grid adds up its enterprises’ records', async () => {
    const r = await call(null, 'GET', `/api/public/districts/${ctx.districtByCode('370602').id}/compliance`);
    expect(r.status).toBe(200);
    expect(r.body.enterpriseCount).toBeGreaterThanOrEqual(3);
    expect(r.body.quarters.find((q: { quarter: string }) => q.quarter === '2026Q2')).toMatchObject({ exceedanceEvents: 5, status: 'serious' });
    expect((await call(null, 'GET', '/api/public/districts/999999/compliance')).status).toBe(404);
  });

  it('watch list: staff see listed and pending with the reason and clock; the public sees nothing until the bureau publishes it', async () => {
    const staff = await call(b.officerA.headers, 'GET', '/api/compliance/watch-list');
    expect(staff.status).toBe(200);
    const quiet = staff.body.items.find((i: { enterpriseId: number }) => i.enterpriseId === quietId);
    // Five exceedance days within 30 (2026-06-01…06-12): serious on 06-12, 90 days → due 09-10, listed since.
    expect(quiet).toMatchObject({ listed: true, violations: [{ kind: 'exceedance_days', onOn: '2026-06-12', dueOn: '2026-09-10', daysSince: 175, state: 'listed' }] });
    const transfer = staff.body.items.find((i: { enterpriseId: number }) => i.enterpriseId === transferId);
    expect(transfer).toMatchObject({ listed: false, violations: [{ kind: 'lead_source', source: 'transfer', state: 'pending', dueOn: '2027-01-30', reason: '公安机关移送：夜间偷排' }] });
    // The case filed on 2026-11-25 answers its enterprise's exceedances.
    expect(staff.body.items.some((i: { enterpriseId: number }) => i.enterpriseId === b.enterpriseId)).toBe(false);
    expect((await call(null, 'GET', '/api/compliance/watch-list')).status).toBe(401);
    expect((await call(await ctx.loginAs('licensing_staff'), 'GET', '/api/compliance/watch-list')).status).toBe(403);

    const hidden = await call(null, 'GET', '/api/public/watch-list');
    expect(hidden.body).toEqual({ published: false, todayOn: '2026-12-04', items: [] });

    const settings = await call(b.admin.headers, 'GET', '/api/settings');
    const { demoValues: _d, ...value } = settings.body.value;
    const put = await call(b.admin.headers, 'PUT', '/api/settings', { value: { ...value, watchList: { ...value.watchList, publicView: true } }, version: settings.body.version, reason: '公开严重违法关注名单' });
    expect(put.status).toBe(200);
    const shown = await call(null, 'GET', '/api/public/watch-list');
    expect(shown.body.published).toBe(true);
    expect(shown.body.items.map((i: { enterpriseId: number }) => i.enterpriseId)).toEqual([quietId]);
    expect(JSON.stringify(shown.body)).not.toContain('移送');
  });

  it('环境保护法 第五十九条: a re-inspection finding the violation continuing lists the enterprise until the 按日连续处罚 is decided', async () => {
    const record = {
      kind: 'daily_penalty', ground: 'exceeding_standards', violation: '化学需氧量超标排放', orderNumber: '烟环责改〔2026〕9号', orderServedOn: '2026-07-20',
      reinspectionDueOn: '2026-08-19', reinspections: [{ inspectedOn: '2026-08-01', officerIds: [b.officerA.id], finding: 'continuing', note: '仍在超标排放' }], decision: null,
    };
    const [m] = await ctx.database.db.insert(measures).values({
      caseId, kind: 'daily_penalty', status: 'violation_continuing', basis: [], responsibleOfficerId: b.officerA.id, startedOn: '2026-07-20',
      record: record as never, createdAt: nowAt, updatedAt: nowAt,
    }).returning();
    const staff = await call(b.officerA.headers, 'GET', '/api/compliance/watch-list');
    // Continuing on 08-01 → 90 days → due 10-30; the case filed in November for the original violation does not answer it.
    expect(staff.body.items.find((i: { enterpriseId: number }) => i.enterpriseId === b.enterpriseId))
      .toMatchObject({ listed: true, violations: [{ kind: 'daily_penalty', measureId: m!.id, onOn: '2026-08-01', dueOn: '2026-10-30', state: 'listed' }] });
    expect((await call(null, 'GET', '/api/public/watch-list')).body.items.map((i: { enterpriseId: number }) => i.enterpriseId)).toContain(b.enterpriseId);

    await ctx.database.db.update(measures).set({ status: 'decided', record: { ...record, decision: { decidedOn: '2026-09-01', decisionNumber: null, originalFineFen: 100_000, days: 12, totalFen: 1_200_000, startOn: '2026-07-21', endOn: '2026-08-01', lines: [] } } as never })
      .where(eq(measures.id, m!.id));
    const after = await call(b.officerA.headers, 'GET', '/api/compliance/watch-list');
    expect(after.body.items.some((i: { enterpriseId: number }) => i.enterpriseId === b.enterpriseId)).toBe(false);
  });

  it('a data-error report on the decision is answered with a correction: the record changes (audited) and shows 已更正', async () => {
    const report = await call(null, 'POST', '/api/public/error-reports', { recordKind: 'penalty-decision', recordId: String(publicationId), description: '处罚依据条款写错了' });
    expect(report.status).toBe(201);
    const list = await call(b.leader.headers, 'GET', '/api/info-requests/error-reports');
    const row = list.body.items.find((e: { ticket: string }) => e.ticket === report.body.ticket);
    const url = `/api/info-requests/error-reports/${row.id}/answer`;

    expect((await call(b.leader.headers, 'POST', url, { outcome: 'corrected', note: '已更正处罚依据' })).body.error).toMatchObject({ code: 'ERROR_REPORT_CORRECTION_REQUIRED', field: 'correction' });
    const badField = await call(b.leader.headers, 'POST', url, { outcome: 'corrected', note: '改文号', correction: { field: 'decisionNumber', value: 'x' } });
    expect(badField.status).toBe(422);
    expect(badField.body.error).toMatchObject({ code: 'DISCLOSURE_CORRECTION_FIELD_INVALID', field: 'correction.field' });

    const corrected = '《中华人民共和国水污染防治法》第八十三条第（三）项，联系电话13812345678';
    const ok = await call(b.leader.headers, 'POST', url, { outcome: 'corrected', note: '已更正处罚依据', correction: { field: 'basis', value: corrected } });
    expect(ok.status).toBe(200);
    expect(ok.body.correction).toMatchObject({ field: 'basis', from: '《中华人民共和国水污染防治法》第八十三条第（二）项' });

    const page = await call(null, 'GET', `/api/public/decisions/${publicationId}`);
    expect(page.body.record.basis).toContain('第八十三条第（三）项');
    expect(page.body.corrections).toEqual([expect.objectContaining({ field: 'basis', correctedOn: '2026-12-04', ticket: report.body.ticket, note: '已更正处罚依据' })]);
    // The corrected text went through the redaction: the phone number never reaches the public.
    expect(JSON.stringify(page.body)).not.toMatch(PHONE_SHAPE);
    const status = await call(null, 'GET', `/api/public/error-reports/${report.body.ticket}`);
    expect(status.body).toMatchObject({ status: 'corrected', answer: '已更正处罚依据', correction: { field: 'basis' } });
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'disclosure.correct'), eq(auditLog.entityId, String(publicationId))));
    expect(audit).toHaveLength(1);
    expect((await call(b.leader.headers, 'POST', url, { outcome: 'rejected', note: '再答' })).body.error.code).toBe('ERROR_REPORT_ALREADY_ANSWERED');
  });

  it('a rejection changes nothing; a correction of a record kind without a corrector carries only the note', async () => {
    const report = await call(null, 'POST', '/api/public/error-reports', { recordKind: 'enterprise', recordId: String(b.enterpriseId), description: '行业代码不对' });
    expect(report.status).toBe(201);
    const admin = b.admin.headers;
    const row = (await call(admin, 'GET', '/api/info-requests/error-reports')).body.items.find((e: { ticket: string }) => e.ticket === report.body.ticket);
    const url = `/api/info-requests/error-reports/${row.id}/answer`;
    expect((await call(admin, 'POST', url, { outcome: 'corrected', note: '已改', correction: { field: 'industryCode', value: 'C2613' } })).body.error.code).toBe('ERROR_REPORT_CORRECTION_UNSUPPORTED');
    expect((await call(admin, 'POST', url, { outcome: 'rejected', note: '经核实，行业代码与营业执照一致' })).status).toBe(200);
  });

  it('property: no ID-number-shaped or phone-shaped string in any public payload of this capability', async () => {
    await ctx.database.db.update(leads).set({ summary: '举报人电话13912345678，身份证370602198001011234' }).where(eq(leads.enterpriseId, transferId));
    for (const url of [
      `/api/public/enterprises/${b.enterpriseId}/compliance`, `/api/public/enterprises/${quietId}/compliance`, `/api/public/enterprises/${transferId}/compliance`,
      `/api/public/districts/${ctx.districtByCode('370602').id}/compliance`, '/api/public/watch-list', `/api/public/decisions/${publicationId}`,
    ]) {
      const r = await call(null, 'GET', url);
      expect(r.status, url).toBe(200);
      // Credit codes are 18 characters with letters; an all-digit 18-long run would be an identity number.
      expect(JSON.stringify(r.body), url).not.toMatch(ID_SHAPE);
      expect(JSON.stringify(r.body), url).not.toMatch(PHONE_SHAPE);
    }
  });
});
