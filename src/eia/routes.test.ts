import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';
import { eiaCreditRecords } from './tables.js';

type Headers = Record<string, string>;
const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const FORM_MATERIALS = ['application-letter', 'basic-info-form', 'business-licence', 'eia-form', 'project-approval', 'land-use', 'total-load'];
const REPORT_MATERIALS = ['application-letter', 'basic-info-form', 'business-licence', 'eia-report', 'public-participation', 'project-approval', 'land-use', 'total-load'];

describe(`环评审批 through the API (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-12-04T10:00:00+08:00');
  const h: Partial<Record<Role | 'enterprise' | 'otherEnterprise' | 'otherDistrict', Headers>> = {};
  let enterpriseId: number; let otherEnterpriseId: number;
  const call = async (who: Headers | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload, headers: res.headers };
  };
  const formApplication = (over: object = {}) => ({
    kind: 'new', projectName: '烟台某金属表面处理项目', siteAddress: '烟台市芝罘区测试路8号', site: { type: 'Point', coordinates: [121.55, 37.35] },
    industryCode: 'C3360', investmentFen: 12_000_000_00, catalogueItem: 67, sensitiveArea: false, processes: [], scale: null, category: 'form',
    supplied: FORM_MATERIALS.filter((c) => c !== 'land-use'),
    tolerated: [{ code: 'land-use', commitment: '承诺于2027年1月4日前补交规划选址意见', supplyByOn: '2027-01-04' }], ...over,
  });
  const submit = async (who: Headers, over: object = {}) => {
    const r = await call(who, 'POST', '/api/eia/applications', formApplication(over));
    expect(r.status).toBe(201);
    return r.body.id as number;
  };
  const auditOf = async (id: number) => (await ctx.database.db.select().from(auditLog)
    .where(and(eq(auditLog.entity, 'eia_application'), eq(auditLog.entityId, String(id)))).orderBy(auditLog.seq)).map((a) => a.action);

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    h.administrator = await ctx.loginAs('administrator');
    h.bureau_leader = await ctx.loginAs('bureau_leader');
    h.licensing_staff = await ctx.loginAs('licensing_staff');
    h.enforcement_officer = await ctx.loginAs('enforcement_officer', { districtCode: '370602' });
    h.district_staff = await ctx.loginAs('district_staff', { districtCode: '370602' });
    h.otherDistrict = await ctx.loginAs('district_staff', { districtCode: '370611' });
    enterpriseId = (await call(h.administrator, 'POST', '/api/enterprises', enterpriseInput(ctx))).body.id;
    otherEnterpriseId = (await call(h.administrator, 'POST', '/api/enterprises', enterpriseInput(ctx))).body.id;
    h.enterprise = await ctx.loginAs('enterprise_user', { enterpriseId });
    h.otherEnterprise = await ctx.loginAs('enterprise_user', { enterpriseId: otherEnterpriseId });
    // 三线一单 units: a 优先保护 unit prohibiting C26 (chemicals) and a 一般管控 unit.
    const imported = await call(h.licensing_staff, 'POST', '/api/zoning/import', {
      label: '测试单元', source: null, geojson: { type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { code: 'ZH37060210001', name: '水源保护单元', kind: '优先保护', prohibited: ['C26'], restricted: [] }, geometry: square(121.2, 37.3, 121.3, 37.4) },
        { type: 'Feature', properties: { code: 'ZH37060230001', name: '一般管控单元', kind: '一般管控', prohibited: [], restricted: [] }, geometry: square(121.5, 37.3, 121.6, 37.4) },
      ] },
    });
    expect(imported.status).toBe(201);
  }, 180_000);
  afterAll(async () => ctx.close());

  it.each([
    ['enterprise', 201], ['licensing_staff', 201], ['bureau_leader', 403], ['enforcement_officer', 403], ['district_staff', 403], ['public', 401],
  ] as const)('%s submitting an application: %i', async (who, status) => {
    const body = who === 'licensing_staff' ? formApplication({ enterpriseId }) : formApplication();
    expect((await call(who === 'public' ? null : h[who]!, 'POST', '/api/eia/applications', body)).status).toBe(status);
  });

  it('role × endpoint × district: enterprise users see only their own; district staff only their district; only staff take in, only the leader decides', async () => {
    const id = await submit(h.enterprise!);
    const list = async (who: Headers) => ((await call(who, 'GET', '/api/eia/applications')).body.items as { id: number }[]).map((i) => i.id);
    expect(await list(h.enterprise!)).toContain(id);
    expect(await list(h.otherEnterprise!)).not.toContain(id);
    expect(await list(h.district_staff!)).toContain(id);
    expect(await list(h.otherDistrict!)).not.toContain(id);
    for (const [who, status] of [['enterprise', 200], ['otherEnterprise', 404], ['district_staff', 200], ['otherDistrict', 404], ['enforcement_officer', 200], ['bureau_leader', 200]] as const) {
      expect([who, (await call(h[who]!, 'GET', `/api/eia/applications/${id}`)).status]).toEqual([who, status]);
    }
    expect((await call(null, 'GET', `/api/eia/applications/${id}`)).status).toBe(401);
    expect((await call(h.enterprise!, 'GET', '/api/eia/board')).status).toBe(403);
    // An enterprise user cannot apply in another enterprise's name.
    expect((await call(h.enterprise!, 'POST', '/api/eia/applications', formApplication({ enterpriseId: otherEnterpriseId }))).status).toBe(404);
    for (const [who, status] of [['enterprise', 403], ['bureau_leader', 403], ['district_staff', 403]] as const) {
      expect([who, (await call(h[who]!, 'POST', `/api/eia/applications/${id}/accept`, {})).status]).toEqual([who, status]);
    }
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {})).status).toBe(200);
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).status).toBe(403);
    expect((await call(h.otherEnterprise!, 'POST', `/api/eia/applications/${id}/supply`, { code: 'land-use', suppliedOn: '2026-12-04' })).status).toBe(404);
    expect((await call(h.licensing_staff!, 'GET', `/api/eia/applications/${2 ** 31}`)).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
  });

  it('报告表 under 容缺: accepted, paused for expert review (第四十五条), approval waits for the item and the pause; 批复 numbered and downloadable; audited', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const id = await submit(h.enterprise!);
    const detail = await call(h.licensing_staff!, 'GET', `/api/eia/applications/${id}`);
    expect(detail.body).toMatchObject({ status: 'received', category: 'form', siteCheck: { verdict: 'allowed', units: [{ code: 'ZH37060230001' }] } });
    // 行政许可法 第三十二条: the intake timer — 5 working days after Friday 2026-12-04.
    expect(detail.body.clock.intake).toEqual({ noticeDueOn: '2026-12-11', deemedAccepted: false });
    const accepted = await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {});
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedOn: '2026-12-04', deemedAccepted: false });

    nowAt = new Date('2026-12-07T10:00:00+08:00');
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/pauses`, { kind: 'expert-review', startOn: '2026-12-08', noticeOn: '2026-12-07' })).body.error)
      .toMatchObject({ code: 'DATE_IN_FUTURE', field: 'startOn' });
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/pauses`, { kind: 'expert-review', startOn: '2026-12-07', noticeOn: '2026-12-07', note: '专家技术评审会' })).status).toBe(201);
    const paused = await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' });
    expect(paused.status).toBe(409);
    expect(paused.body.error).toMatchObject({ code: 'EIA_REVIEW_PAUSED', citation: { article: '第四十五条' } });

    nowAt = new Date('2026-12-11T10:00:00+08:00');
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/pauses/end`, { endOn: '2026-12-10' })).status).toBe(200);
    const clock = (await call(h.licensing_staff!, 'GET', `/api/eia/applications/${id}`)).body.clock.decision;
    // 30 calendar days + 4 paused (7–10 Dec) after 2026-12-04 = 2027-01-07; 20 promised working days skip the pause.
    expect(clock).toMatchObject({ statutoryDays: 30, statutoryDueOn: '2027-01-07', pausedDays: 4, workingDaysUsed: 1, state: 'running' });
    const waiting = await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' });
    expect(waiting.body.error).toMatchObject({ code: 'EIA_TOLERATED_ITEM_OUTSTANDING' });
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/supply`, { code: 'land-use', suppliedOn: '2026-12-12' })).body.error.code).toBe('DATE_IN_FUTURE');
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/supply`, { code: 'land-use', suppliedOn: '2026-12-11' })).status).toBe(200);
    // 环境影响评价公众参与办法 第二十五条 (unconfirmed): no approval before the intended-approval publicity has run
    // its 5 working days (the bureau's setting licensing.approvalPublicityWorkingDays).
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).body.error)
      .toMatchObject({ code: 'EIA_APPROVAL_PUBLICITY_REQUIRED', citation: { law: '环境影响评价公众参与办法' } });
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/publicity`, { startOn: '2026-12-11' })).status).toBe(403);
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/publicity`, { startOn: '2026-12-03' })).body.error)
      .toMatchObject({ code: 'EIA_PUBLICITY_BEFORE_ACCEPTANCE', field: 'startOn' });
    const publicity = await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/publicity`, { startOn: '2026-12-11' });
    expect(publicity.body).toMatchObject({ approvalPublicityStartOn: '2026-12-11', approvalPublicityEndsOn: '2026-12-17' });
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/publicity`, { startOn: '2026-12-11' })).body.error.code).toBe('EIA_APPROVAL_PUBLICITY_STARTED');
    // The public board: no login; project, builder, address, category and period only.
    const board = await call(null, 'GET', '/api/public/eia/publicity');
    expect(board.status).toBe(200);
    const shown = board.body.items.find((i: { id: number }) => i.id === id);
    expect(shown).toEqual({ id, stage: 'intended-approval', projectName: '烟台某金属表面处理项目', builder: expect.any(String), siteAddress: '烟台市芝罘区测试路8号', category: 'form', categoryName: '报告表', startOn: '2026-12-11', endsOn: '2026-12-17' });
    nowAt = new Date('2026-12-17T10:00:00+08:00');
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).body.error)
      .toMatchObject({ code: 'EIA_APPROVAL_PUBLICITY_RUNNING' });
    nowAt = new Date('2026-12-18T10:00:00+08:00');
    expect((await call(null, 'GET', '/api/public/eia/publicity')).body.items.map((i: { id: number }) => i.id)).not.toContain(id);
    const approved = await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval', text: '项目按报告表所列措施建设。' });
    expect(approved.status).toBe(200);
    expect(approved.body.documentNumber).toMatch(/^烟环审〔2026〕\d+号$/);
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).body.error.code).toBe('EIA_NOT_UNDER_REVIEW');

    const doc = await call(h.enterprise!, 'GET', `/api/eia/applications/${id}/document`);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = (await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of [approved.body.documentNumber, '烟台市生态环境局', '烟台某金属表面处理项目', '报告表', '环境影响评价法', '一般管控单元']) expect(text).toContain(s);
    expect((await call(h.otherEnterprise!, 'GET', `/api/eia/applications/${id}/document`)).status).toBe(404);
    expect(await auditOf(id)).toEqual(['eia.application.submit', 'eia.application.accept', 'eia.pause.start', 'eia.pause.end', 'eia.tolerated.supply', 'eia.publicity.start', 'eia.application.approval']);
  });

  it('行政许可法 第三十二条: one numbered notice listing everything missing; resubmission restarts intake; past 5 working days it counts as accepted from receipt', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const id = await submit(h.enterprise!, { supplied: ['application-letter'], tolerated: [] });
    const incomplete = await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {});
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error).toMatchObject({ code: 'EIA_MATERIALS_INCOMPLETE', citation: { article: '第三十二条' } });
    const notice = await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/correction-notice`);
    expect(notice.status).toBe(201);
    expect(notice.body.number).toMatch(/^烟环许补〔2026〕\d+号$/);
    expect(notice.body.missing.map((m: { code: string }) => m.code)).toEqual(FORM_MATERIALS.filter((c) => c !== 'application-letter'));
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/correction-notice`)).body.error.code).toBe('EIA_NOT_AWAITING_INTAKE');
    const doc = await call(h.enterprise!, 'GET', `/api/eia/applications/${id}/notices/${notice.body.id}/document`);
    const text = (await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of [notice.body.number, '第三十二条', '环境影响报告表（全本及公开版本）']) expect(text).toContain(s);

    nowAt = new Date('2026-12-07T10:00:00+08:00');
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/resubmit`, { supplied: FORM_MATERIALS })).body).toMatchObject({ status: 'received', receivedOn: '2026-12-07' });
    // No notice and no acceptance within 5 working days of the new receipt: deemed accepted from receipt.
    nowAt = new Date('2026-12-15T10:00:00+08:00');
    const late = await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/correction-notice`);
    expect(late.body.error).toMatchObject({ code: 'EIA_NOTICE_PERIOD_PASSED', citation: { article: '第三十二条' } });
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {})).body).toMatchObject({ acceptedOn: '2026-12-07', deemedAccepted: true });
    nowAt = new Date('2026-12-04T10:00:00+08:00');
  });

  it('建设项目环境保护管理条例 第十一条（一）: a chemical project in a 优先保护 unit that prohibits it is not approved; refused on the grounds, numbered 烟环不审', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const id = await submit(h.enterprise!, {
      projectName: '某化工原料项目', industryCode: 'C2614', catalogueItem: 44, category: 'report', site: square(121.22, 37.32, 121.25, 37.35),
      supplied: REPORT_MATERIALS, tolerated: [],
    });
    const detail = await call(h.bureau_leader!, 'GET', `/api/eia/applications/${id}`);
    expect(detail.body.siteCheck).toMatchObject({ verdict: 'prohibited', units: [{ code: 'ZH37060210001', kind: 'priority-protection' }] });
    await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {});
    const approve = await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' });
    expect(approve.status).toBe(409);
    expect(approve.body.error).toMatchObject({ code: 'EIA_SITE_PROHIBITED', citation: { law: '建设项目环境保护管理条例', article: '第十一条', item: '（一）' } });
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'refusal', grounds: [] })).body.error).toMatchObject({ code: 'EIA_REFUSAL_GROUNDS_REQUIRED', field: 'grounds' });
    const refused = await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'refusal', grounds: ['non-conforming'], text: '项目选址位于水源保护单元。' });
    expect(refused.body).toMatchObject({ status: 'refused', decisionGrounds: ['non-conforming'] });
    expect(refused.body.documentNumber).toMatch(/^烟环不审〔2026〕\d+号$/);
    const doc = await call(h.enterprise!, 'GET', `/api/eia/applications/${id}/document`);
    const text = (await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of ['不予批准', '第十一条', '选址、布局、规模', '行政复议']) expect(text).toContain(s);
  });

  it('登记表 is filed online with an immediate receipt; the stated category must match the catalogue; 告知承诺 only where the bureau offers it', async () => {
    const filed = await call(h.enterprise!, 'POST', '/api/eia/applications', formApplication({ industryCode: 'K7010', catalogueItem: 172, category: 'registration', supplied: ['registration-form'], tolerated: [] }));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'filed', decision: 'filing', decidedOn: '2026-12-04', receipt: { filedOn: '2026-12-04' } });
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${filed.body.id}/accept`, {})).body.error.code).toBe('EIA_REGISTRATION_NOT_APPROVED');
    expect((await call(h.enterprise!, 'POST', '/api/eia/applications', formApplication({ category: 'report' }))).body.error).toMatchObject({ code: 'EIA_CATEGORY_MISMATCH', field: 'category' });
    expect((await call(h.enterprise!, 'POST', '/api/eia/applications', formApplication({ commitmentPath: true }))).body.error).toMatchObject({ code: 'EIA_COMMITMENT_NOT_OFFERED', citation: { article: '第四十条' } });
    expect((await call(h.enterprise!, 'POST', '/api/eia/applications', formApplication({ kind: 'recheck' }))).body.error).toMatchObject({ code: 'EIA_PRIOR_APPROVAL_REQUIRED', field: 'priorApprovalNumber' });
    expect((await call(h.enterprise!, 'POST', '/api/eia/applications', formApplication({ site: { type: 'Point', coordinates: [2, 48] } }))).body.error).toMatchObject({ code: 'EIA_SITE_INVALID', field: 'site' });
  });

  it('告知承诺: approval on commitment sets a verification task; a false commitment revokes and records credit (audited)', async () => {
    const current = await call(h.administrator!, 'GET', '/api/settings');
    const { demoValues: _d, ...value } = current.body.value;
    const put = await call(h.administrator!, 'PUT', '/api/settings', { value: { ...value, licensing: { ...value.licensing, commitmentCategories: ['form'], approvalPublicityWorkingDays: 0 } }, version: current.body.version, reason: '试点告知承诺' });
    expect(put.status).toBe(200);
    const id = await submit(h.enterprise!, { commitmentPath: true, supplied: FORM_MATERIALS, tolerated: [] });
    await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {});
    const approved = await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' });
    // 20 working days after Friday 2026-12-04, reaching into 2027 (no recorded arrangement): on the provisional
    // calendar a Saturday the notice could make a working day counts (earliest bound), so Saturday 2027-01-02.
    expect(approved.body).toMatchObject({ status: 'approved', verificationDueOn: '2027-01-02' });
    const revoked = await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/verification`, { outcome: 'false', reason: '现场核查：承诺的污水预处理设施不存在', verifiedOn: '2026-12-04' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedOn: '2026-12-04' });
    expect(await ctx.database.db.select().from(eiaCreditRecords).where(eq(eiaCreditRecords.applicationId, id))).toHaveLength(1);
    expect((await auditOf(id)).at(-1)).toBe('eia.commitment.revoke');
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/verification`, { outcome: 'confirmed', reason: 'x', verifiedOn: '2026-12-04' })).body.error.code).toBe('EIA_NOT_AWAITING_VERIFICATION');
  });

  it('行政许可法 第四十七条: a project in a sensitive area — hearing-right notice, the 5-working-day request window, the hearing held before any decision (audited)', async () => {
    nowAt = new Date('2026-12-04T10:00:00+08:00');
    const id = await submit(h.enterprise!, { projectName: '某水产品加工项目', industryCode: 'C136', catalogueItem: 17, sensitiveArea: true, supplied: FORM_MATERIALS, tolerated: [] });
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {})).status).toBe(200);
    for (const decision of [{ decision: 'approval' }, { decision: 'refusal', grounds: ['non-conforming'] }]) {
      expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, decision)).body.error)
        .toMatchObject({ code: 'EIA_HEARING_NOTICE_REQUIRED', citation: { law: '行政许可法', article: '第四十七条' } });
    }
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/hearing-request`, { requestedOn: '2026-12-04' })).body.error.code).toBe('EIA_NO_HEARING_NOTICE');
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/hearing-notice`, { noticeOn: '2026-12-04' })).status).toBe(403);
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/hearing-notice`, { noticeOn: '2026-12-05' })).body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'noticeOn' });
    // Two notices at once: one is recorded, the other is refused.
    const notices = await Promise.all([1, 2].map(() => call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/hearing-notice`, { noticeOn: '2026-12-04' })));
    expect(notices.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(notices.find((r) => r.status === 200)!.body).toMatchObject({ hearingNoticeOn: '2026-12-04', hearingRequestDueOn: '2026-12-11' });
    // The applicant sees the request it may make; the leader sees the decision blocked, citing 第四十七条.
    expect((await call(h.enterprise!, 'GET', `/api/eia/applications/${id}`)).body.actions).toContainEqual({ name: 'hearing-request', allowed: true });
    expect((await call(h.bureau_leader!, 'GET', `/api/eia/applications/${id}`)).body.actions).toContainEqual(
      { name: 'approve', allowed: false, refusal: expect.objectContaining({ code: 'EIA_HEARING_WINDOW_OPEN', citation: expect.objectContaining({ article: '第四十七条' }) }) });
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).body.error).toMatchObject({ code: 'EIA_HEARING_WINDOW_OPEN' });
    nowAt = new Date('2026-12-14T10:00:00+08:00');
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/hearing-request`, { requestedOn: '2026-12-14' })).body.error)
      .toMatchObject({ code: 'EIA_HEARING_REQUEST_LATE', field: 'requestedOn', citation: { article: '第四十七条' } });
    expect((await call(h.otherEnterprise!, 'POST', `/api/eia/applications/${id}/hearing-request`, { requestedOn: '2026-12-10' })).status).toBe(404);
    expect((await call(h.enterprise!, 'POST', `/api/eia/applications/${id}/hearing-request`, { requestedOn: '2026-12-10' })).body).toMatchObject({ hearingRequestedOn: '2026-12-10' });
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).body.error).toMatchObject({ code: 'EIA_HEARING_NOT_HELD', citation: { article: '第四十八条' } });
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/pauses`, { kind: 'hearing', startOn: '2026-12-14', noticeOn: '2026-12-14', note: '听证会' })).status).toBe(201);
    expect((await call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/pauses/end`, { endOn: '2026-12-14' })).status).toBe(200);
    expect((await call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })).status).toBe(200);
    expect(await auditOf(id)).toEqual(['eia.application.submit', 'eia.application.accept', 'eia.hearing.notice', 'eia.hearing.request', 'eia.pause.start', 'eia.pause.end', 'eia.application.approval']);
    nowAt = new Date('2026-12-04T10:00:00+08:00');
  });

  it('parallel: two acceptances, and two decisions, of one application give one success and one 409', async () => {
    const id = await submit(h.enterprise!, { supplied: FORM_MATERIALS, tolerated: [] });
    if (ENGINE === 'postgres') await Promise.all(Array.from({ length: 2 }, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); })));
    const accepts = await Promise.all([1, 2].map(() => call(h.licensing_staff!, 'POST', `/api/eia/applications/${id}/accept`, {})));
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409]);
    const decisions = await Promise.all([1, 2].map(() => call(h.bureau_leader!, 'POST', `/api/eia/applications/${id}/decision`, { decision: 'approval' })));
    expect(decisions.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await auditOf(id)).filter((a) => a === 'eia.application.approval')).toHaveLength(1);
  });

  it('board: clocks, due soon and overdue, averages per category against statutory and promised periods', async () => {
    const board = await call(h.licensing_staff!, 'GET', '/api/eia/board');
    expect(board.status).toBe(200);
    const form = board.body.averages.find((a: { category: string }) => a.category === 'form');
    expect(form).toMatchObject({ statutoryDays: 30, promisedWorkingDays: 20 });
    expect(form.decided).toBeGreaterThan(0);
    expect(board.body.items.length).toBeGreaterThan(3);
    expect((await call(h.otherDistrict!, 'GET', '/api/eia/board')).body.items).toEqual([]);
  });
});
