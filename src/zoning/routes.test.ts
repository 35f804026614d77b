import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import { ROLES, type Role } from '../platform/auth/roles.js';
import { zoningUnitVersions } from './tables.js';
import { checkSite, seedZoningDemo } from './index.js';

const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const feature = (properties: object, geometry: object) => ({ type: 'Feature', properties, geometry });
// Two neighbouring units sharing the edge lon 121.30: a protected water source and an industrial park.
const unitSet = (suffix = '') => ({
  type: 'FeatureCollection',
  features: [
    feature({ code: `ZH37060210001${suffix}`, name: '水源保护单元', kind: '优先保护', district: '芝罘区', prohibited: ['C26', 'B'], restricted: ['C13'], restrictionConditions: '仅限现有企业技改' }, square(121.2, 37.3, 121.3, 37.4)),
    feature({ code: `ZH37060220001${suffix}`, name: '化工园区单元', kind: '重点管控', prohibited: [], restricted: '2614', restrictionConditions: '须入园并配套污水预处理', dischargeConditions: 'COD 排放总量不增加' }, square(121.3, 37.3, 121.4, 37.4)),
  ],
});

describe(`三线一单 zoning through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2026-12-04T10:00:00+08:00');
  const headers = new Map<Role, Record<string, string>>();
  const call = async (who: Role | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: who ? headers.get(who)! : {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const importAs = (who: Role | null, geojson: unknown, label = '烟台市生态环境分区管控单元') => call(who, 'POST', '/api/zoning/import', { label, source: '烟台市人民政府 2021', geojson });
  const check = (site: object, industryCode: string | null = null, who: Role = 'licensing_staff') => call(who, 'POST', '/api/zoning/check', { site, industryCode });
  const pt = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    const admin = await ctx.loginAs('administrator');
    const e = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx) });
    for (const role of ROLES) {
      headers.set(role, role === 'enterprise_user' ? await ctx.loginAs(role, { enterpriseId: e.json().id })
        : await ctx.loginAs(role, role === 'district_staff' ? { districtCode: '370602' } : {}));
    }
  }, 120_000);
  afterAll(async () => ctx.close());

  it('before any import a site is outside all units and the map is empty', async () => {
    const r = await check(pt(121.25, 37.35), 'C2614');
    expect(r.body).toMatchObject({ verdict: 'outside-all-units', units: [], versionId: null });
    expect((await call('licensing_staff', 'GET', '/api/zoning/units')).body).toMatchObject({ version: null, type: 'FeatureCollection', features: [] });
  });

  it.each([
    ['administrator', 201], ['licensing_staff', 201], ['bureau_leader', 403], ['enforcement_officer', 403], ['legal_reviewer', 403],
    ['committee_member', 403], ['district_staff', 403], ['enterprise_user', 403], [null, 401],
  ] as const)('%s importing units: %i', async (who, status) => {
    expect((await importAs(who, unitSet())).status).toBe(status);
  });

  it.each([...ROLES.map((r) => [r, r === 'enterprise_user' ? 403 : 200] as const), [null, 401] as const])('%s reading units, versions and checking a site: %i', async (who, status) => {
    expect((await call(who, 'GET', '/api/zoning/units')).status).toBe(status);
    expect((await call(who, 'GET', '/api/zoning/versions')).status).toBe(status);
    expect((await call(who, 'POST', '/api/zoning/check', { site: pt(121.25, 37.35), industryCode: 'C2614' })).status).toBe(status);
  });

  it('an import becomes the current version, older ones are kept, each is audited', async () => {
    const r = await importAs('licensing_staff', unitSet(), '第二版');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ units: 2 });
    const versions = (await call('bureau_leader', 'GET', '/api/zoning/versions')).body;
    expect(versions.canImport).toBe(false);
    expect(versions.items[0]).toMatchObject({ id: r.body.versionId, label: '第二版', isCurrent: true, unitCount: 2, importedBy: expect.any(String) });
    expect(versions.items.filter((v: { isCurrent: boolean }) => v.isCurrent)).toHaveLength(1);
    expect(versions.items.length).toBeGreaterThan(2);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'zoning.import'), eq(auditLog.entityId, String(r.body.versionId))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ label: '第二版', units: 2, codes: ['ZH37060210001', 'ZH37060220001'] });
    const map = (await call('district_staff', 'GET', '/api/zoning/units')).body;
    expect(map.version).toMatchObject({ id: r.body.versionId, isCurrent: true });
    expect(map.features).toHaveLength(2);
    expect(map.features[0]).toMatchObject({ type: 'Feature', bbox: [121.2, 37.3, 121.3, 37.4], properties: { code: 'ZH37060210001', kind: 'priority-protection', prohibited: ['C26', 'B'], restricted: ['C13'] } });
    const older = (await call('district_staff', 'GET', `/api/zoning/units?versionId=${versions.items[1].id}`)).body;
    expect(older.version).toMatchObject({ isCurrent: false });
    expect((await call('district_staff', 'GET', '/api/zoning/units?versionId=999999')).status).toBe(404);
  });

  it('a bad file is refused whole, every problem listed by feature index', async () => {
    const before = await ctx.database.db.select().from(zoningUnitVersions);
    const set = unitSet();
    set.features.push(
      feature({ code: 'ZH37060210001', name: '重复', kind: '一般管控' }, square(121.5, 37.3, 121.6, 37.4)),
      feature({ code: 'X1', name: '未闭合', kind: '一般管控' }, { type: 'Polygon', coordinates: [[[121.2, 37.3], [121.3, 37.3], [121.3, 37.4], [121.2, 37.4]]] }),
      feature({ code: 'X2', name: '投影坐标', kind: '一般管控' }, square(40_500_000, 4_130_000, 40_510_000, 4_140_000)),
    );
    const r = await importAs('licensing_staff', set);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'ZONING_DUPLICATE_CODE', field: 'geojson.features[2].properties.code' });
    expect(r.body.error.details.problems).toEqual([
      expect.objectContaining({ index: 2, code: 'ZONING_DUPLICATE_CODE', message: expect.stringContaining('编码重复') }),
      expect.objectContaining({ index: 3, code: 'ZONING_RING_NOT_CLOSED', path: 'geojson.features[3].geometry.coordinates[0]' }),
      expect.objectContaining({ index: 4, code: 'ZONING_PROJECTED_COORDINATES' }),
    ]);
    expect(await ctx.database.db.select().from(zoningUnitVersions)).toHaveLength(before.length);
    expect((await importAs('licensing_staff', { type: 'Topology' })).body.error).toMatchObject({ code: 'ZONING_NOT_FEATURE_COLLECTION', field: 'geojson' });
  });

  it('建设项目环境保护管理条例 第十一条第一项: the site check returns every touched unit and the strictest verdict', async () => {
    const spanning = await check(square(121.28, 37.32, 121.32, 37.34), 'C2614');
    expect(spanning.status).toBe(200);
    expect(spanning.body.verdict).toBe('prohibited');
    expect(spanning.body.units.map((u: { code: string }) => u.code)).toEqual(['ZH37060210001', 'ZH37060220001']);
    expect(spanning.body.reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ unitCode: 'ZH37060210001', code: 'ZONING_INDUSTRY_PROHIBITED' }),
      expect.objectContaining({ unitCode: 'ZH37060220001', code: 'ZONING_INDUSTRY_RESTRICTED', text: expect.stringContaining('须入园') }),
    ]));
    const onEdge = await check(pt(121.3, 37.35), 'C3011');
    expect(onEdge.body).toMatchObject({ verdict: 'allowed', units: [{ kind: 'priority-protection', demo: false }, { kind: 'key-control' }] });
    expect((await check(pt(121.35, 37.35), '2614')).body.verdict).toBe('restricted');
    expect((await check(pt(121.5, 37.35), '2614')).body.verdict).toBe('outside-all-units');
    expect((await check(pt(121.25, 37.35), null, 'enforcement_officer')).body.reasons[0]).toMatchObject({ code: 'ZONING_INDUSTRY_NOT_GIVEN' });
  });

  it('a bad site or industry code is refused with its field', async () => {
    const metres = await check(pt(500_000, 4_100_000), 'C26');
    expect(metres.status).toBe(422);
    expect(metres.body.error).toMatchObject({ code: 'ZONING_PROJECTED_COORDINATES', field: 'site.coordinates' });
    expect((await check(pt(121.3, 37.35), 'A26')).body.error).toMatchObject({ code: 'ZONING_INDUSTRY_CODE_INVALID', field: 'industryCode' });
    expect((await check({ type: 'LineString', coordinates: [[121, 37], [122, 38]] })).status).toBe(400);
  });

  it('the spatial index follows the current version', async () => {
    const db = ctx.database.db;
    const before = await checkSite(db, { type: 'Point', coordinates: [121.55, 37.35] }, null);
    expect(before.verdict).toBe('outside-all-units');
    const moved = { type: 'FeatureCollection', features: [feature({ code: 'ZH37061330001', name: '新增一般管控单元', kind: '一般管控' }, square(121.5, 37.3, 121.6, 37.4))] };
    const r = await importAs('administrator', moved, '第三版');
    const after = await checkSite(db, { type: 'Point', coordinates: [121.55, 37.35] }, null);
    expect(after).toMatchObject({ verdict: 'allowed', versionId: r.body.versionId, units: [{ code: 'ZH37061330001', kind: 'general-control' }] });
    expect((await checkSite(db, { type: 'Point', coordinates: [121.25, 37.35] }, 'C26')).verdict).toBe('outside-all-units');
  });

  it('the demo bureau\'s units are marked demo: a chemical plant at the 门楼水库 water source is prohibited', async () => {
    await seedZoningDemo(ctx.database.db, nowAt);
    const versions = (await call('licensing_staff', 'GET', '/api/zoning/versions')).body.items;
    expect(versions[0]).toMatchObject({ isCurrent: true, demo: true, importedBy: null });
    const r = await check(pt(121.245, 37.40), 'C2614');
    expect(r.body).toMatchObject({ verdict: 'prohibited', units: [{ code: 'ZH37061110001', kind: 'priority-protection', demo: true }] });
    expect((await check(pt(121.24, 37.55), 'C2614')).body).toMatchObject({ verdict: 'restricted', units: [{ kind: 'key-control', demo: true }] });
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'zoning.import'), eq(auditLog.entityId, String(versions[0].id))));
    expect(audit[0]).toMatchObject({ actorName: 'system' });
  });

  it('parallel imports queue: each makes its own version and exactly one is current', async () => {
    const db = ctx.database.db;
    const before = await db.select().from(zoningUnitVersions);
    const results = await Promise.all([1, 2, 3].map((i) => importAs('licensing_staff', unitSet(), `并发 ${i}`)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const after = await db.select().from(zoningUnitVersions);
    expect(after).toHaveLength(before.length + 3);
    const current = after.filter((v) => v.isCurrent);
    expect(current).toHaveLength(1);
    expect(results.map((r) => r.body.versionId)).toContain(current[0]!.id);
    const rows = (await db.execute(sql`select version_id, count(*)::int as n from zoning_units group by version_id`) as unknown as { rows: { n: number }[] }).rows;
    expect(rows.filter((r) => r.n === 2).length).toBeGreaterThanOrEqual(3);
  });
});
