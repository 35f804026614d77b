import { describe, expect, it } from 'vitest';
import { checkBoundaryCollection, computeAreaAround, CHINA_AREA, isValidAreaGeometry, MAX_PROBLEMS, normaliseDistrictCode } from './boundaries.js';

// Synthetic squares only: no real boundary may appear here (地图管理条例 第十五条、第十六条).
const square = (lon: number, lat: number, size = 0.1): number[][] =>
  [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]];
const poly = (lon: number, lat: number, size?: number) => ({ type: 'Polygon', coordinates: [square(lon, lat, size)] });
const feature = (properties: Record<string, unknown> | null, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

const DISTRICTS = [
  { id: 1, code: '990101', name: '甲区' },
  { id: 2, code: '990102', name: '乙区' },
  { id: 3, code: '990103', name: '丙县' },
];
const AREA = { west: 100, south: 30, east: 102, north: 32 };
const check = (input: unknown) => checkBoundaryCollection(input, DISTRICTS, AREA);
const problemOf = (input: unknown) => {
  const r = check(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.problems[0]!;
};

describe('地图管理条例 第十五条/第十六条: bureau-supplied district outlines', () => {
  it('accepts squares matched by code (6 or 12 digits, number or string, adcode) or by name', () => {
    const r = check(fc(
      feature({ code: '990101' }, poly(100.1, 30.1)),
      feature({ adcode: 990102000000 }, { type: 'MultiPolygon', coordinates: [[square(100.3, 30.1)], [square(100.5, 30.1)]] }),
      feature({ name: ' 丙县 ' }, poly(100.7, 30.1)),
    ));
    expect(r).toEqual({ ok: true, features: [
      { districtId: 1, geometry: poly(100.1, 30.1) },
      { districtId: 2, geometry: { type: 'MultiPolygon', coordinates: [[square(100.3, 30.1)], [square(100.5, 30.1)]] } },
      { districtId: 3, geometry: poly(100.7, 30.1) },
    ] });
  });

  it('accepts a square with a hole inside it', () => {
    const holed = { type: 'Polygon', coordinates: [square(100, 30, 1), square(100.4, 30.4, 0.1).reverse()] };
    expect(check(fc(feature({ code: '990101' }, holed))).ok).toBe(true);
  });

  it.each([
    ['not an object', 'x'],
    ['a Feature, not a collection', feature({ code: '990101' }, poly(100.1, 30.1))],
    ['features missing', { type: 'FeatureCollection' }],
  ])('refuses %s', (_label, input) => {
    expect(problemOf(input)).toEqual({ code: 'BOUNDARY_NOT_FEATURE_COLLECTION', index: null, path: 'geojson' });
  });

  it('refuses an empty collection', () => {
    expect(problemOf(fc())).toMatchObject({ code: 'BOUNDARY_EMPTY', path: 'geojson.features' });
  });

  it.each(['Point', 'LineString', 'GeometryCollection'])('refuses a %s, naming the feature and its type', (type) => {
    expect(problemOf(fc(feature({ code: '990101' }, poly(100.1, 30.1)), feature({ code: '990102' }, { type, coordinates: [100.2, 30.2] }))))
      .toEqual({ code: 'BOUNDARY_GEOMETRY_TYPE', index: 1, path: 'geojson.features[1].geometry.type', value: type });
  });

  const unclosed = square(100.1, 30.1).slice(0, 4);
  const bowtie = [[100.1, 30.1], [100.2, 30.2], [100.2, 30.1], [100.1, 30.2], [100.1, 30.1]];
  const flat = [[100.1, 30.1], [100.2, 30.1], [100.3, 30.1], [100.1, 30.1]];
  it.each([
    ['a ring that is not closed', { type: 'Polygon', coordinates: [unclosed] }, 'geometry'],
    ['a ring of three positions', { type: 'Polygon', coordinates: [[[100.1, 30.1], [100.2, 30.1], [100.1, 30.1]]] }, 'geometry'],
    ['a self-intersecting ring (bow tie)', { type: 'Polygon', coordinates: [bowtie] }, 'geometry'],
    ['a ring of zero area', { type: 'Polygon', coordinates: [flat] }, 'geometry'],
    ['a hole outside its outer ring', { type: 'Polygon', coordinates: [square(100.1, 30.1), square(100.5, 30.5)] }, 'geometry'],
    ['an unclosed ring in a MultiPolygon', { type: 'MultiPolygon', coordinates: [[square(100.5, 30.5)], [unclosed]] }, 'geometry'],
    ['overlapping parts of a MultiPolygon', { type: 'MultiPolygon', coordinates: [[square(100.1, 30.1)], [square(100.15, 30.15)]] }, 'geometry'],
    ['a non-numeric coordinate', { type: 'Polygon', coordinates: [[[100.1, 30.1], ['x', 30.1], [100.2, 30.2], [100.1, 30.1]]] }, 'geometry.coordinates'],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'geometry.coordinates'],
    ['a missing geometry', null, 'geometry'],
  ])('refuses %s as BOUNDARY_INVALID_GEOMETRY at the feature', (_label, geometry, at) => {
    expect(problemOf(fc(feature({ code: '990102' }, poly(100.5, 31)), feature({ code: '990101' }, geometry))))
      .toEqual({ code: 'BOUNDARY_INVALID_GEOMETRY', index: 1, path: `geojson.features[1].${at}` });
  });

  it('refuses coordinates outside WGS-84, then outside the bureau area (projected or distant data)', () => {
    expect(problemOf(fc(feature({ code: '990101' }, poly(13_400_000, 4_480_000, 1000))))).toMatchObject({ code: 'BOUNDARY_COORDINATES_OUT_OF_RANGE', index: 0, path: 'geojson.features[0].geometry.coordinates' });
    expect(problemOf(fc(feature({ code: '990101' }, poly(116.3, 39.9))))).toMatchObject({ code: 'BOUNDARY_OUTSIDE_AREA', index: 0, value: '116.3,39.9,116.39999999999999,40' });
  });

  it('refuses a feature naming no district, an unknown code or name, a code and name that disagree', () => {
    expect(problemOf(fc(feature({}, poly(100.1, 30.1))))).toEqual({ code: 'BOUNDARY_DISTRICT_MISSING', index: 0, path: 'geojson.features[0].properties' });
    expect(problemOf(fc(feature(null, poly(100.1, 30.1))))).toMatchObject({ code: 'BOUNDARY_DISTRICT_MISSING' });
    expect(problemOf(fc(feature({ code: '990101' }, poly(100.1, 30.1)), feature({ code: '990199' }, poly(100.3, 30.1)))))
      .toEqual({ code: 'BOUNDARY_UNKNOWN_DISTRICT', index: 1, path: 'geojson.features[1].properties.code', value: '990199' });
    expect(problemOf(fc(feature({ name: '丁区' }, poly(100.1, 30.1))))).toEqual({ code: 'BOUNDARY_UNKNOWN_DISTRICT', index: 0, path: 'geojson.features[0].properties.name', value: '丁区' });
    expect(problemOf(fc(feature({ code: '990101', name: '乙区' }, poly(100.1, 30.1))))).toMatchObject({ code: 'BOUNDARY_DISTRICT_MISMATCH', index: 0, path: 'geojson.features[0].properties.name' });
  });

  it('refuses a name shared by two districts (ambiguous without a code)', () => {
    const twins = [...DISTRICTS, { id: 4, code: '990104', name: '甲区' }];
    const r = checkBoundaryCollection(fc(feature({ name: '甲区' }, poly(100.1, 30.1))), twins, AREA);
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'BOUNDARY_UNKNOWN_DISTRICT', index: 0, value: '甲区' }] });
    expect(checkBoundaryCollection(fc(feature({ code: '990104', name: '甲区' }, poly(100.1, 30.1))), twins, AREA).ok).toBe(true);
  });

  it('refuses a district twice, naming the second feature and the first', () => {
    expect(problemOf(fc(feature({ code: '990101' }, poly(100.1, 30.1)), feature({ name: '甲区' }, poly(100.3, 30.1)))))
      .toEqual({ code: 'BOUNDARY_DUPLICATE_DISTRICT', index: 1, path: 'geojson.features[1].properties', value: '甲区 (990101), features[0]' });
  });

  it('reports every bad feature up to MAX_PROBLEMS', () => {
    const many = Array.from({ length: 30 }, (_, i) => feature({ code: `88${String(i).padStart(4, '0')}` }, poly(100.1, 30.1)));
    const r = check(fc(...many));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toHaveLength(MAX_PROBLEMS);
  });
});

describe('helpers', () => {
  it('widens the stations box by the margin; China when there are no stations', () => {
    expect(computeAreaAround([{ longitude: 121, latitude: 37 }, { longitude: 122, latitude: 37.5 }], 1)).toEqual({ west: 120, east: 123, south: 36, north: 38.5 });
    expect(computeAreaAround([])).toBe(CHINA_AREA);
  });

  it('compares 6- and 12-digit administrative codes', () => {
    expect(normaliseDistrictCode('370602000000')).toBe('370602');
    expect(normaliseDistrictCode('370602')).toBe('370602');
    expect(normaliseDistrictCode('370602001000')).toBe('370602001000');
  });

  it('validates a large ring quickly (sweep line, not pairwise)', () => {
    const n = 50_000;
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      const r = 0.3 + 0.01 * Math.sin(a * 97);
      return [101 + r * Math.cos(a), 31 + r * Math.sin(a)];
    });
    ring.push(ring[0]!);
    const started = performance.now();
    expect(isValidAreaGeometry({ type: 'Polygon', coordinates: [ring] })).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
