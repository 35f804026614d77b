// District outlines supplied by the bureau: checks an uploaded GeoJSON FeatureCollection before it replaces the set.
//
// Why bureau-supplied: 地图管理条例 第十五条 (国家实行地图审核制度) and 第十六条 (向社会公开的地图应当报送审核)
// mean a map shown to the public needs map review (审图号). The code therefore ships no boundary data; the bureau
// imports the licensed set it holds (天地图 / its surveying and mapping authority), recording source, licence and
// review number, and the server serves it offline.
//
// Accepted: a FeatureCollection whose features are Polygon or MultiPolygon in WGS-84 longitude/latitude
// (RFC 7946; GCJ-02 or CGCS2000 projected coordinates fall outside the bureau's area and are refused), each
// naming its district by `properties.code` (administrative code, 6 digits or the 12-digit 统计用区划代码;
// `adcode` is accepted too) or else by `properties.name`.
// The turf modules used, not the whole @turf/turf (≈0.5 s of CPU at start; issue 18). Same version: @turf/turf pins them.
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, point, polygon } from '@turf/helpers';
import { lineIntersect } from '@turf/line-intersect';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface BoundaryDistrict { id: number; code: string; name: string }
/** A lon/lat box the outlines must lie within. */
export interface BoundaryArea { west: number; south: number; east: number; north: number }
export interface BoundaryFeature { districtId: number; geometry: Polygon | MultiPolygon }

export type BoundaryProblemCode =
  | 'BOUNDARY_NOT_FEATURE_COLLECTION' | 'BOUNDARY_EMPTY' | 'BOUNDARY_GEOMETRY_TYPE' | 'BOUNDARY_INVALID_GEOMETRY'
  | 'BOUNDARY_COORDINATES_OUT_OF_RANGE' | 'BOUNDARY_OUTSIDE_AREA' | 'BOUNDARY_DISTRICT_MISSING'
  | 'BOUNDARY_UNKNOWN_DISTRICT' | 'BOUNDARY_DISTRICT_MISMATCH' | 'BOUNDARY_DUPLICATE_DISTRICT';

/** One refused feature: its index, the path of the bad part (`geojson.features[3].geometry`) and the value. */
export interface BoundaryProblem { code: BoundaryProblemCode; index: number | null; path: string; value?: string }

export type BoundaryCheck = { ok: true; features: BoundaryFeature[] } | { ok: false; problems: BoundaryProblem[] };

/** China's extent: the fallback area while the bureau has no stations to place it. */
export const CHINA_AREA: BoundaryArea = { west: 73, south: 3, east: 136, north: 54 };
/** How far (degrees, about 100 km) outlines may reach beyond the stations' box. */
export const AREA_MARGIN_DEGREES = 1;
/** Below this (m²) a ring is degenerate: turf's spherical area leaves rounding dust on a flat ring. */
export const MIN_AREA_M2 = 1;
/** Enough problems to fix a file in one go without flooding the answer. */
export const MAX_PROBLEMS = 20;

/** The box around the stations, widened by `margin` degrees; China's extent when there are none. */
export function computeAreaAround(points: readonly { longitude: number; latitude: number }[], margin = AREA_MARGIN_DEGREES): BoundaryArea {
  if (!points.length) return CHINA_AREA;
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  return {
    west: Math.max(-180, Math.min(...lons) - margin), east: Math.min(180, Math.max(...lons) + margin),
    south: Math.max(-90, Math.min(...lats) - margin), north: Math.min(90, Math.max(...lats) + margin),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is Position =>
  Array.isArray(v) && (v.length === 2 || v.length === 3) && v.every((n) => typeof n === 'number' && Number.isFinite(n));
const isRingList = (v: unknown): v is Position[][] => Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.every(isPosition));

/** Administrative codes compare on their 6-digit county part: 370602 and 370602000000 are one district. */
export const normaliseDistrictCode = (code: string) => code.trim().replace(/^(\d{6})0{6}$/, '$1');

/**
 * Whether a Polygon/MultiPolygon is a valid area: rings closed with at least 4 positions (turf's constructors),
 * no ring crossing itself or another (turf's sweep-line intersection), each hole inside its outer ring, and
 * each outer ring of at least MIN_AREA_M2.
 */
export function isValidAreaGeometry(g: Polygon | MultiPolygon): boolean {
  try {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) polygon(rings);
    const none = featureCollection<Polygon>([]);
    if (lineIntersect(g, none, { ignoreSelfIntersections: false }).features.length) return false;
    for (const rings of polygons) {
      if (!(area(polygon([rings[0]!])) >= MIN_AREA_M2)) return false;
      for (const hole of rings.slice(1)) if (!booleanPointInPolygon(point(hole[0]!), polygon([rings[0]!]), { ignoreBoundary: true })) return false;
    }
    return true;
  } catch {
    return false; // turf's constructors throw on an unclosed or too short ring
  }
}

function checkGeometry(geometry: unknown, index: number, within: BoundaryArea): BoundaryProblem | Polygon | MultiPolygon {
  const path = `geojson.features[${index}].geometry`;
  if (!isObject(geometry)) return { code: 'BOUNDARY_INVALID_GEOMETRY', index, path };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return { code: 'BOUNDARY_GEOMETRY_TYPE', index, path: `${path}.type`, value: String(geometry.type) };
  }
  const c = geometry.coordinates;
  const shapeOk = geometry.type === 'Polygon' ? isRingList(c) : Array.isArray(c) && c.length > 0 && c.every(isRingList);
  if (!shapeOk) return { code: 'BOUNDARY_INVALID_GEOMETRY', index, path: `${path}.coordinates` };
  const g = { type: geometry.type, coordinates: c } as Polygon | MultiPolygon;
  const [west, south, east, north] = bbox(g);
  if (west < -180 || east > 180 || south < -90 || north > 90) {
    return { code: 'BOUNDARY_COORDINATES_OUT_OF_RANGE', index, path: `${path}.coordinates`, value: [west, south, east, north].join(',') };
  }
  if (west < within.west || east > within.east || south < within.south || north > within.north) {
    return { code: 'BOUNDARY_OUTSIDE_AREA', index, path: `${path}.coordinates`, value: [west, south, east, north].join(',') };
  }
  if (!isValidAreaGeometry(g)) return { code: 'BOUNDARY_INVALID_GEOMETRY', index, path };
  return g;
}

const textOf = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

function matchDistrict(properties: unknown, index: number, byCode: Map<string, BoundaryDistrict>, byName: Map<string, BoundaryDistrict[]>): BoundaryProblem | BoundaryDistrict {
  const p = isObject(properties) ? properties : {};
  const code = textOf(p.code) || textOf(p.adcode);
  const name = textOf(p.name);
  const at = `geojson.features[${index}].properties`;
  if (!code && !name) return { code: 'BOUNDARY_DISTRICT_MISSING', index, path: at };
  const named = name ? byName.get(name) ?? [] : [];
  if (code) {
    const d = byCode.get(normaliseDistrictCode(code));
    if (!d) return { code: 'BOUNDARY_UNKNOWN_DISTRICT', index, path: `${at}.code`, value: code };
    // A name that belongs to another district means the file's code and name disagree.
    if (named.length && !named.some((x) => x.id === d.id)) return { code: 'BOUNDARY_DISTRICT_MISMATCH', index, path: `${at}.name`, value: `${code} ${name}` };
    return d;
  }
  if (named.length !== 1) return { code: 'BOUNDARY_UNKNOWN_DISTRICT', index, path: `${at}.name`, value: name };
  return named[0]!;
}

/**
 * Checks an uploaded FeatureCollection of district outlines against the bureau's districts and area. Each
 * feature must be a valid Polygon/MultiPolygon within `within`, matched to exactly one district, no district twice.
 * Returns the features to store, or the problems (at most MAX_PROBLEMS), each naming the feature.
 */
export function checkBoundaryCollection(input: unknown, districts: readonly BoundaryDistrict[], within: BoundaryArea): BoundaryCheck {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { ok: false, problems: [{ code: 'BOUNDARY_NOT_FEATURE_COLLECTION', index: null, path: 'geojson' }] };
  }
  if (input.features.length === 0) return { ok: false, problems: [{ code: 'BOUNDARY_EMPTY', index: null, path: 'geojson.features' }] };
  const byCode = new Map(districts.map((d) => [normaliseDistrictCode(d.code), d]));
  const byName = new Map<string, BoundaryDistrict[]>();
  for (const d of districts) byName.set(d.name.trim(), [...(byName.get(d.name.trim()) ?? []), d]);

  const problems: BoundaryProblem[] = [];
  const features: BoundaryFeature[] = [];
  const seen = new Map<number, number>();
  for (const [index, f] of (input.features as unknown[]).entries()) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (!isObject(f) || f.type !== 'Feature') { problems.push({ code: 'BOUNDARY_INVALID_GEOMETRY', index, path: `geojson.features[${index}]` }); continue; }
    const district = matchDistrict(f.properties, index, byCode, byName);
    if ('path' in district) { problems.push(district); continue; }
    const d = district;
    const first = seen.get(d.id);
    if (first !== undefined) {
      problems.push({ code: 'BOUNDARY_DUPLICATE_DISTRICT', index, path: `geojson.features[${index}].properties`, value: `${d.name} (${d.code}), features[${first}]` });
      continue;
    }
    seen.set(d.id, index);
    const geometry = checkGeometry(f.geometry, index, within);
    if ('path' in geometry) { problems.push(geometry); continue; }
    features.push({ districtId: d.id, geometry });
  }
  return problems.length ? { ok: false, problems } : { ok: true, features };
}
