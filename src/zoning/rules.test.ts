import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  checkSiteGeometry, checkUnitImport, computeVerdict, industryMatches, normaliseIndustryCode, siteTouchesUnit, type ZoningUnit,
} from './rules.js';
import { UnitIndex } from './spatial-index.js';

const square = (w: number, s: number, e: number, n: number): number[][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const poly = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [square(w, s, e, n)] });
const unit = (id: number, geometry: Polygon | MultiPolygon, over: Partial<ZoningUnit> = {}): ZoningUnit => ({
  id, code: `ZH3706000${id}`, name: `单元${id}`, kind: 'general-control', demo: false, geometry,
  prohibitedIndustries: [], restrictedIndustries: [], restrictionConditions: null, dischargeConditions: null, ...over,
});
// A water-source unit with a hole (a village excluded from it) and a second part further east.
const holed: MultiPolygon = { type: 'MultiPolygon', coordinates: [
  [square(121.30, 37.40, 121.40, 37.50), square(121.33, 37.43, 121.37, 37.47)],
  [square(121.45, 37.40, 121.50, 37.45)],
] };
const pt = (lon: number, lat: number) => ({ type: 'Point' as const, coordinates: [lon, lat] });

describe('GB/T 4754 industry codes', () => {
  it.each([
    ['C26', 'C26'], ['c2614', 'C2614'], ['2614', 'C2614'], ['26', 'C26'], ['C', 'C'], ['44', 'D44'], ['0111', 'A0111'],
  ])('normalises %s to %s', (raw, out) => expect(normaliseIndustryCode(raw)).toBe(out));
  it.each(['A26', '99', 'C261456', 'X', '', '2-6'])('refuses %s', (raw) => expect(normaliseIndustryCode(raw)).toBeNull());

  it('a 大类 prefix covers every class under it, a 小类 only itself', () => {
    expect(industryMatches('C26', 'C2614')).toBe(true);
    expect(industryMatches('C26', '2614')).toBe(true);
    expect(industryMatches('2614', 'C2614')).toBe(true);
    expect(industryMatches('2614', 'C2613')).toBe(false);
    expect(industryMatches('C26', 'C2710')).toBe(false);
    expect(industryMatches('C', 'C3011')).toBe(true);
    expect(industryMatches('C2', 'C2614')).toBe(false); // 'C2' is no code: a prefix is a whole 门类/大类/中类/小类
  });

  it('a prefix matches exactly the codes that start with it (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1300, max: 4399 }), fc.integer({ min: 13, max: 43 }), (cls, div) => {
      expect(industryMatches(String(div), String(cls))).toBe(String(cls).startsWith(String(div)));
    }));
  });
});

describe('site touches a unit', () => {
  const u = poly(121.2, 37.3, 121.3, 37.4);
  it('a point on the boundary (edge or vertex) touches', () => {
    expect(siteTouchesUnit(pt(121.25, 37.3), u)).toBe(true);
    expect(siteTouchesUnit(pt(121.2, 37.4), u)).toBe(true);
    expect(siteTouchesUnit(pt(121.25, 37.35), u)).toBe(true);
    expect(siteTouchesUnit(pt(121.31, 37.35), u)).toBe(false);
  });
  it('a point in a multipolygon\'s hole is outside; on the hole\'s edge or in the second part it is inside', () => {
    expect(siteTouchesUnit(pt(121.35, 37.45), holed)).toBe(false);
    expect(siteTouchesUnit(pt(121.33, 37.45), holed)).toBe(true);
    expect(siteTouchesUnit(pt(121.31, 37.41), holed)).toBe(true);
    expect(siteTouchesUnit(pt(121.47, 37.42), holed)).toBe(true);
    expect(siteTouchesUnit(pt(121.42, 37.42), holed)).toBe(false);
  });
  it('a polygon site inside the hole is outside; one crossing the hole\'s edge or sharing an edge touches', () => {
    expect(siteTouchesUnit(poly(121.34, 37.44, 121.36, 37.46), holed)).toBe(false);
    expect(siteTouchesUnit(poly(121.32, 37.44, 121.34, 37.46), holed)).toBe(true);
    expect(siteTouchesUnit(poly(121.3, 37.35, 121.31, 37.36), u)).toBe(true);
  });
});

describe('建设项目环境保护管理条例 第十一条第一项: verdict from the touched units\' access lists', () => {
  const protect = unit(1, poly(121.2, 37.3, 121.3, 37.4), { kind: 'priority-protection', prohibitedIndustries: ['C26', 'B'], restrictedIndustries: ['C13'], restrictionConditions: '仅限现有企业技改' });
  const park = unit(2, poly(121.3, 37.3, 121.4, 37.4), { kind: 'key-control', restrictedIndustries: ['2614'], restrictionConditions: '须入园并配套污水预处理', dischargeConditions: 'COD 排放总量不增加' });
  const index = new UnitIndex([protect, park]);

  it('a site spanning two units returns both and the strictest verdict', () => {
    const site = poly(121.28, 37.32, 121.32, 37.34);
    const touched = index.touching(site);
    expect(touched.map((u) => u.id)).toEqual([1, 2]);
    const r = computeVerdict(touched, 'C2614');
    expect(r.verdict).toBe('prohibited');
    expect(r.reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ unitCode: protect.code, code: 'ZONING_INDUSTRY_PROHIBITED', text: expect.stringContaining('C26') }),
      expect.objectContaining({ unitCode: park.code, code: 'ZONING_INDUSTRY_RESTRICTED', text: expect.stringContaining('须入园并配套污水预处理') }),
    ]));
  });
  it('a point on the shared edge touches both units', () => {
    expect(index.touching(pt(121.3, 37.35)).map((u) => u.id)).toEqual([1, 2]);
  });
  it('restricted with the conditions as reasons; allowed when nothing matches', () => {
    const r = computeVerdict([park], '2614');
    expect(r).toMatchObject({ verdict: 'restricted' });
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'ZONING_DISCHARGE_CONDITIONS', unitCode: park.code }));
    expect(computeVerdict([park], 'C2613').verdict).toBe('allowed');
    expect(computeVerdict([protect], 'C1310').verdict).toBe('restricted');
    expect(computeVerdict([protect], 'B0610').verdict).toBe('prohibited');
  });
  it('outside all units when nothing is touched; no industry code means the lists are not applied', () => {
    expect(computeVerdict(index.touching(pt(121.5, 37.5)), 'C2614').verdict).toBe('outside-all-units');
    const none = computeVerdict([protect], null);
    expect(none.verdict).toBe('allowed');
    expect(none.reasons[0]).toMatchObject({ code: 'ZONING_INDUSTRY_NOT_GIVEN' });
    expect(computeVerdict([protect], 'ZZ').reasons[0]).toMatchObject({ code: 'ZONING_INDUSTRY_CODE_UNKNOWN' });
  });
  it('the R-tree finds the same units as checking every unit (property)', () => {
    const units = Array.from({ length: 60 }, (_, i) => unit(i + 1, poly(121 + (i % 10) * 0.05, 37 + Math.floor(i / 10) * 0.05, 121.04 + (i % 10) * 0.05, 37.04 + Math.floor(i / 10) * 0.05)));
    const tree = new UnitIndex(units);
    fc.assert(fc.property(fc.double({ min: 120.9, max: 121.6, noNaN: true }), fc.double({ min: 36.9, max: 37.4, noNaN: true }), (lon, lat) => {
      const site = pt(lon, lat);
      expect(tree.touching(site).map((u) => u.id)).toEqual(units.filter((u) => siteTouchesUnit(site, u.geometry)).map((u) => u.id));
    }));
  });
});

describe('GeoJSON import of 环境管控单元', () => {
  const feature = (properties: Record<string, unknown>, geometry: unknown = poly(121.2, 37.3, 121.3, 37.4)) => ({ type: 'Feature', properties, geometry });
  const ok = { code: 'ZH37060210001', name: '门楼水库饮用水水源保护区', kind: '优先保护', prohibited: 'C26、B', restricted: ['2614'], dischargeConditions: '禁止新建排污口' };
  const fcOf = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

  it('accepts a valid collection and normalises kinds and industry codes', () => {
    const r = checkUnitImport(fcOf(feature(ok), feature({ ...ok, code: 'ZH37060220001', kind: '重点管控单元' }, holed)));
    expect(r).toMatchObject({ ok: true, units: [
      { code: 'ZH37060210001', kind: 'priority-protection', prohibitedIndustries: ['C26', 'B'], restrictedIndustries: ['C2614'], dischargeConditions: '禁止新建排污口' },
      { code: 'ZH37060220001', kind: 'key-control', box: [121.3, 37.4, 121.5, 37.5] },
    ] });
  });

  it('lists every bad feature by index, all or nothing', () => {
    const open = { type: 'Polygon', coordinates: [[[121.2, 37.3], [121.3, 37.3], [121.3, 37.4], [121.2, 37.4]]] };
    const short = { type: 'Polygon', coordinates: [[[121.2, 37.3], [121.3, 37.3], [121.2, 37.3]]] };
    const bowtie = { type: 'Polygon', coordinates: [[[121.2, 37.3], [121.3, 37.4], [121.3, 37.3], [121.2, 37.4], [121.2, 37.3]]] };
    const metres = { type: 'Polygon', coordinates: [square(40_500_000, 4_130_000, 40_510_000, 4_140_000)] };
    const tokyo = poly(139.6, 35.6, 139.8, 35.8);
    const r = checkUnitImport(fcOf(
      feature(ok), feature({ ...ok, code: 'A1' }, open), feature({ ...ok, code: 'A2' }, short), feature({ ...ok, code: 'A3' }, bowtie),
      feature({ ...ok, code: 'A4' }, metres), feature({ ...ok, code: 'A5' }, tokyo), feature(ok), feature({ ...ok, code: 'A7', kind: '红线' }),
      feature({ ...ok, code: 'A8', prohibited: ['C99'] }), feature({ ...ok, code: 'A9' }, { type: 'Point', coordinates: [121.2, 37.3] }),
      feature({ ...ok, code: 'A10', name: '' }), feature({ ...ok, code: 'A11' }, poly(121.2, 37.3, 181, 37.4)),
      feature({ ...ok, code: 'A12' }, { type: 'Polygon', coordinates: [square(121.2, 37.3, 121.3, 37.4), square(121.5, 37.3, 121.6, 37.4)] }),
    ));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([
      [1, 'ZONING_RING_NOT_CLOSED'], [2, 'ZONING_RING_TOO_SHORT'], [3, 'ZONING_SELF_INTERSECTION'], [4, 'ZONING_PROJECTED_COORDINATES'],
      [5, 'ZONING_OUTSIDE_CHINA'], [6, 'ZONING_DUPLICATE_CODE'], [7, 'ZONING_KIND_INVALID'], [8, 'ZONING_INDUSTRY_CODE_INVALID'],
      [9, 'ZONING_GEOMETRY_TYPE'], [10, 'ZONING_NAME_MISSING'], [11, 'ZONING_COORDINATES_OUT_OF_RANGE'], [12, 'ZONING_HOLE_OUTSIDE'],
    ]);
    expect(r.problems[5]).toMatchObject({ path: 'geojson.features[6].properties.code', value: 'ZH37060210001 = features[0]' });
    expect(r.problems[7]).toMatchObject({ path: 'geojson.features[8].properties.prohibited[0]', value: 'C99' });
  });

  it('refuses what is not a collection, an empty one and a projected CRS; accepts CGCS2000 lon/lat', () => {
    expect(checkUnitImport({ type: 'Feature' })).toMatchObject({ ok: false, problems: [{ code: 'ZONING_NOT_FEATURE_COLLECTION', path: 'geojson' }] });
    expect(checkUnitImport(fcOf())).toMatchObject({ ok: false, problems: [{ code: 'ZONING_EMPTY' }] });
    const crs = (name: string) => ({ ...fcOf(feature(ok)), crs: { type: 'name', properties: { name } } });
    expect(checkUnitImport(crs('urn:ogc:def:crs:EPSG::4547'))).toMatchObject({ ok: false, problems: [{ code: 'ZONING_CRS_UNSUPPORTED', value: 'urn:ogc:def:crs:EPSG::4547' }] });
    expect(checkUnitImport(crs('EPSG:4490')).ok).toBe(true);
    expect(checkUnitImport(crs('urn:ogc:def:crs:OGC:1.3:CRS84')).ok).toBe(true);
  });

  it('checks a site geometry the same way', () => {
    expect(checkSiteGeometry(pt(121.3, 37.4))).toEqual(pt(121.3, 37.4));
    expect(checkSiteGeometry(pt(500_000, 4_100_000))).toMatchObject({ code: 'ZONING_PROJECTED_COORDINATES', path: 'site.coordinates' });
    expect(checkSiteGeometry(pt(2.35, 48.85))).toMatchObject({ code: 'ZONING_OUTSIDE_CHINA' });
    expect(checkSiteGeometry({ type: 'Polygon', coordinates: [[[121.2, 37.3], [121.3, 37.3], [121.3, 37.4], [121.2, 37.4]]] }))
      .toMatchObject({ code: 'ZONING_RING_NOT_CLOSED', path: 'site.coordinates[0]' });
  });
});

describe('demo units for 烟台', () => {
  it('pass the import checks and lie around Yantai', async () => {
    const { YANTAI_DEMO_UNITS } = await import('./demo.js');
    const r = checkUnitImport(YANTAI_DEMO_UNITS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const u of r.units) {
      expect(u.box[0]).toBeGreaterThanOrEqual(121.2); expect(u.box[2]).toBeLessThanOrEqual(121.6);
      expect(u.box[1]).toBeGreaterThanOrEqual(37.3); expect(u.box[3]).toBeLessThanOrEqual(37.6);
    }
    expect(new Set(r.units.map((u) => u.kind))).toEqual(new Set(['priority-protection', 'key-control', 'general-control']));
  });
});
