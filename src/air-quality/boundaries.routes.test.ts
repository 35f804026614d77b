import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { listAudit } from '../platform/audit/log.js';

// Synthetic squares only: real outlines need the bureau's licensed, reviewed data (地图管理条例 第十五条、第十六条).
const square = (lon: number, lat: number, size = 0.1) => ({
  type: 'Polygon', coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const body = (features: unknown[], extra: Record<string, unknown> = {}) => ({
  source: '测试来源（合成方块）', licence: '测试许可', reviewNumber: '测试审图号', geojson: { type: 'FeatureCollection', features }, ...extra,
});

describe(`air quality API: bureau-supplied district outlines (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  let leader: Record<string, string>;
  let officer: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('administrator');
    leader = await ctx.loginAs('bureau_leader');
    officer = await ctx.loginAs('enforcement_officer');
  });
  afterAll(async () => ctx.close());

  const put = (payload: unknown, headers = admin) => ctx.app.inject({ method: 'PUT', url: '/api/air-quality/boundaries', headers, payload: payload as object });
  const get = (headers = officer) => ctx.app.inject({ method: 'GET', url: '/api/air-quality/boundaries', headers });
  const audits = async () => (await listAudit(ctx.database.db, { entity: 'air_district_boundaries', page: 1, pageSize: 50 })).items;

  it('answers an empty set before any import', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ source: null, licence: null, reviewNumber: null, importedAt: null, importedBy: null, features: [] });
  });

  it('lets only administrators import or remove; every reader may read', async () => {
    const payload = body([feature({ code: '370602' }, square(121.3, 37.4))]);
    for (const who of [leader, officer]) {
      const res = await put(payload, who);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect((await ctx.app.inject({ method: 'DELETE', url: '/api/air-quality/boundaries', headers: who })).statusCode).toBe(403);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/air-quality/boundaries' })).statusCode).toBe(401);
    expect((await get(leader)).statusCode).toBe(200);
  });

  it('imports by code (6 or 12 digits) and by name; GET returns them with source, licence and 审图号', async () => {
    const fushan = ctx.districtByCode('370611');
    const res = await put(body([
      feature({ code: '370602' }, square(121.3, 37.4)),
      feature({ code: '370611000000' }, { type: 'MultiPolygon', coordinates: [square(121.1, 37.4).coordinates, square(121.15, 37.3, 0.02).coordinates] }),
      feature({ name: ctx.districtByCode('370612').name }, square(121.5, 37.4)),
    ]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ features: 3 });
    const set = (await get()).json();
    expect(set).toMatchObject({ source: '测试来源（合成方块）', licence: '测试许可', reviewNumber: '测试审图号', importedBy: expect.any(String) });
    expect(Date.parse(set.importedAt)).not.toBeNaN();
    expect(set.features).toHaveLength(3);
    expect(set.features.find((f: { code: string }) => f.code === '370611')).toMatchObject({ districtId: fushan.id, districtName: fushan.name, geometry: { type: 'MultiPolygon' } });
    expect(set.features.find((f: { code: string }) => f.code === '370602').geometry).toEqual(square(121.3, 37.4));
  });

  it('refuses a bad geometry with 422 naming the feature, and keeps the current set', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[121.1, 37.1], [121.2, 37.2], [121.2, 37.1], [121.1, 37.2], [121.1, 37.1]]] };
    const res = await put(body([feature({ code: '370602' }, square(121.3, 37.4)), feature({ code: '370611' }, bowtie)]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'BOUNDARY_INVALID_GEOMETRY', field: 'geojson.features[1].geometry' });
    expect(res.json().error.message).toContain('geojson.features[1].geometry');
    expect(res.json().error.details.problems).toEqual([
      { code: 'BOUNDARY_INVALID_GEOMETRY', index: 1, path: 'geojson.features[1].geometry', message: expect.stringContaining('自相交') },
    ]);
    const point = await put(body([feature({ code: '370602' }, { type: 'Point', coordinates: [121.3, 37.4] })]));
    expect(point.json().error).toMatchObject({ code: 'BOUNDARY_GEOMETRY_TYPE', field: 'geojson.features[0].geometry.type' });
    expect((await get()).json().features).toHaveLength(3);
  });

  it('refuses an unknown district with 422 naming the feature and the value; a district twice too', async () => {
    const res = await put(body([feature({ code: '370602' }, square(121.3, 37.4)), feature({ code: '379999' }, square(121.5, 37.4))]), { ...admin, 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'BOUNDARY_UNKNOWN_DISTRICT', field: 'geojson.features[1].properties.code' });
    expect(res.json().error.message).toBe('geojson.features[1].properties.code: The code or name is not one of the bureau’s districts (379999)');
    const twice = await put(body([feature({ code: '370602' }, square(121.3, 37.4)), feature({ code: '370602' }, square(121.5, 37.4))]));
    expect(twice.json().error).toMatchObject({ code: 'BOUNDARY_DUPLICATE_DISTRICT', field: 'geojson.features[1].properties' });
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const res = await put({ ...body([feature({ code: '370602' }, square(121.3, 37.4))]), licence: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'licence' });
    const notCollection = await put(body([], { geojson: { type: 'Feature', features: [] } }));
    expect(notCollection.json().error).toMatchObject({ code: 'BOUNDARY_NOT_FEATURE_COLLECTION', field: 'geojson' });
  });

  it('accepts a body over the global 2 MB limit on this route', async () => {
    const ring = Array.from({ length: 60_000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 60_000;
      return [121.4 + 0.2 * Math.cos(a), 37.4 + 0.2 * Math.sin(a)];
    });
    ring.push(ring[0]!);
    const payload = body([feature({ code: '370602' }, { type: 'Polygon', coordinates: [ring] })]);
    expect(JSON.stringify(payload).length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await put(payload);
    expect(res.statusCode).toBe(200);
  });

  it('replaces the whole set on re-import and audits import and removal', async () => {
    const res = await put(body([feature({ code: '370613' }, square(121.7, 37.4))], { source: '第二次来源', reviewNumber: undefined }));
    expect(res.statusCode).toBe(200);
    const set = (await get()).json();
    expect(set).toMatchObject({ source: '第二次来源', reviewNumber: null });
    expect(set.features.map((f: { code: string }) => f.code)).toEqual(['370613']);

    const removed = await ctx.app.inject({ method: 'DELETE', url: '/api/air-quality/boundaries', headers: admin });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ removed: 1 });
    expect((await get()).json().features).toEqual([]);
    const again = await ctx.app.inject({ method: 'DELETE', url: '/api/air-quality/boundaries', headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BOUNDARY_NONE');

    const rows = await audits();
    expect(rows.map((r) => r.action)).toEqual(['air_quality.boundaries.delete', 'air_quality.boundaries.import', 'air_quality.boundaries.import', 'air_quality.boundaries.import']);
    expect(rows[1]).toMatchObject({
      actorRole: 'administrator',
      before: { features: 1, source: '测试来源（合成方块）' },
      after: { features: 1, districts: ['370613'], source: '第二次来源', licence: '测试许可', reviewNumber: null },
    });
    expect(rows[3]).toMatchObject({ before: { features: 0 }, after: { features: 3, source: '测试来源（合成方块）', licence: '测试许可', reviewNumber: '测试审图号' } });
    expect(rows[0]).toMatchObject({ before: { features: 1, source: '第二次来源' } });
  });

  it('refuses outlines far from the bureau\'s stations (wrong data set or coordinate system)', async () => {
    const zhifu = ctx.districtByCode('370602');
    const station = await ctx.app.inject({ method: 'POST', url: '/api/air-quality/stations', headers: admin, payload: { code: 'B1', name: '边界测试站', level: 'district', districtId: zhifu.id, townshipId: null, longitude: 121.4, latitude: 37.5, active: true } });
    expect(station.statusCode).toBe(201);
    const far = await put(body([feature({ code: '370602' }, square(116.3, 39.9))]));
    expect(far.json().error).toMatchObject({ code: 'BOUNDARY_OUTSIDE_AREA', field: 'geojson.features[0].geometry.coordinates' });
    expect((await put(body([feature({ code: '370602' }, square(121.3, 37.4))]))).statusCode).toBe(200);
  });
});
