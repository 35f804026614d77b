// 三线一单 (生态保护红线、环境质量底线、资源利用上线和生态环境准入清单) zoning: validating an imported set of
// 环境管控单元 and judging a site against it. Pure: turf does the geometry, nothing here touches the database.
//
// Legal basis: 建设项目环境保护管理条例 第十一条第（一）项 — an EIA report/form is not approved when the project's type or
// site does not conform to 环境保护法律法规和相关法定规划; the 生态环境准入清单 of the unit a site lies in is that plan
// for the bureau (read in LawRefBook/Laws, 2017 text). The lists themselves are the city's published data.
// The turf modules used, not the whole @turf/turf (≈0.5 s of CPU at start; issue 18). Same version: @turf/turf pins them.
import { bbox } from '@turf/bbox';
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { polygon as turfPolygon } from '@turf/helpers';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Citation } from '../law/outcome.js';

export type UnitKind = 'priority-protection' | 'key-control' | 'general-control';
export const UNIT_KINDS: readonly UnitKind[] = ['priority-protection', 'key-control', 'general-control'];
export type ZoningVerdict = 'allowed' | 'restricted' | 'prohibited' | 'outside-all-units';
export type SiteGeometry = Point | Polygon | MultiPolygon;

/** 建设项目环境保护管理条例 第十一条第一项: 建设项目类型及其选址、布局、规模等不符合环境保护法律法规和相关法定规划. */
export const EPMR_11_1: Citation = { law: '建设项目环境保护管理条例', article: '第十一条', item: '（一）' };

/** A unit as the site check sees it. */
export interface ZoningUnit {
  id: number; code: string; name: string; kind: UnitKind; demo: boolean;
  geometry: Polygon | MultiPolygon;
  prohibitedIndustries: string[]; restrictedIndustries: string[];
  restrictionConditions: string | null; dischargeConditions: string | null;
}

export interface SiteReason { unitCode: string; code: string; text: string }

/** A site check's answer: the units touched, the verdict with its reasons, the version it was made against. */
export interface SiteCheck {
  verdict: ZoningVerdict;
  units: { id: number; code: string; name: string; kind: UnitKind; demo: boolean }[];
  reasons: SiteReason[];
  versionId: number | null;
}

// ---------------------------------------------------------------------------------------------- industries
// GB/T 4754-2017 门类 by 大类 range: a digits-only code ('2614') belongs to the 门类 its first two digits fall in.
const SECTIONS: readonly [string, number, number][] = [
  ['A', 1, 5], ['B', 6, 12], ['C', 13, 43], ['D', 44, 46], ['E', 47, 50], ['F', 51, 52], ['G', 53, 60],
  ['H', 61, 62], ['I', 63, 65], ['J', 66, 69], ['K', 70, 70], ['L', 71, 72], ['M', 73, 75], ['N', 76, 79],
  ['O', 80, 82], ['P', 83, 83], ['Q', 84, 85], ['R', 86, 90], ['S', 91, 96], ['T', 97, 97],
];

const sectionOf = (division: number) => SECTIONS.find(([, lo, hi]) => division >= lo && division <= hi)?.[0] ?? null;

/**
 * A GB/T 4754 code in one spelling: 门类 letter, then the 大类/中类/小类 digits ('C', 'C26', 'C261', 'C2614').
 * '2614' and 'c2614' become 'C2614'; a letter that does not own the 大类 ('A26') or a malformed code gives null.
 */
export function normaliseIndustryCode(raw: string): string | null {
  const m = /^([A-Ta-t])?(\d{2,4})?$/.exec(raw.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const letter = m[1]?.toUpperCase();
  if (!m[2]) return letter!;
  const section = sectionOf(Number(m[2].slice(0, 2)));
  if (!section || (letter && letter !== section)) return null;
  return section + m[2];
}

/** Whether a listed prefix ('C26', '2614', 'C') covers an industry code: the same or a finer class of it. */
export function industryMatches(listedPrefix: string, industryCode: string): boolean {
  const p = normaliseIndustryCode(listedPrefix);
  const c = normaliseIndustryCode(industryCode);
  return p !== null && c !== null && c.startsWith(p);
}

// ---------------------------------------------------------------------------------------------- site check
/** Whether a site touches a unit: inside or on its boundary (a point in a hole is outside). */
export function siteTouchesUnit(site: SiteGeometry, unit: Polygon | MultiPolygon): boolean {
  if (site.type === 'Point') return booleanPointInPolygon(site.coordinates, unit, { ignoreBoundary: false });
  return booleanIntersects(site, unit);
}

/** The lon/lat box of a site or unit: [west, south, east, north]. */
export const boxOf = (g: SiteGeometry): [number, number, number, number] => bbox(g) as [number, number, number, number];

/**
 * The verdict over the units a site touches: prohibited if the industry falls under any touched unit's
 * prohibited list, restricted if under a restricted one, outside-all-units if none is touched, else allowed.
 * Reasons name the unit and the rule. Without an industry code the access lists cannot apply.
 */
export function computeVerdict(touched: readonly ZoningUnit[], industryCode: string | null): { verdict: ZoningVerdict; reasons: SiteReason[] } {
  if (touched.length === 0) {
    return { verdict: 'outside-all-units', reasons: [{ unitCode: '', code: 'ZONING_OUTSIDE_ALL_UNITS', text: '选址不在任何环境管控单元内，请核对坐标或联系分局补充单元数据' }] };
  }
  const reasons: SiteReason[] = [];
  const given = industryCode !== null;
  if (industryCode !== null && normaliseIndustryCode(industryCode) === null) {
    reasons.push({ unitCode: '', code: 'ZONING_INDUSTRY_CODE_UNKNOWN', text: `行业代码 ${industryCode} 不是有效的 GB/T 4754 代码，未比对准入清单` });
    industryCode = null;
  }
  let prohibited = false;
  let restricted = false;
  for (const u of touched) {
    const label = `${u.name}（${u.code}）`;
    if (industryCode !== null) {
      // 建设项目环境保护管理条例 第十一条第一项: a project against the unit's 准入清单 does not conform to the plan.
      for (const p of u.prohibitedIndustries.filter((x) => industryMatches(x, industryCode))) {
        prohibited = true;
        reasons.push({ unitCode: u.code, code: 'ZONING_INDUSTRY_PROHIBITED', text: `${label}禁止准入行业 ${p}，本项目行业 ${industryCode}，不符合相关法定规划（${EPMR_11_1.law} ${EPMR_11_1.article}${EPMR_11_1.item}）` });
      }
      for (const p of u.restrictedIndustries.filter((x) => industryMatches(x, industryCode))) {
        restricted = true;
        reasons.push({ unitCode: u.code, code: 'ZONING_INDUSTRY_RESTRICTED', text: `${label}限制准入行业 ${p}${u.restrictionConditions ? `：${u.restrictionConditions}` : ''}` });
      }
    }
    if (u.dischargeConditions) reasons.push({ unitCode: u.code, code: 'ZONING_DISCHARGE_CONDITIONS', text: `${label}污染物排放管控要求：${u.dischargeConditions}` });
  }
  if (!given) reasons.unshift({ unitCode: '', code: 'ZONING_INDUSTRY_NOT_GIVEN', text: '未填写行业代码，未比对准入清单' });
  const verdict: ZoningVerdict = prohibited ? 'prohibited' : restricted ? 'restricted' : 'allowed';
  if (verdict === 'allowed') for (const u of touched) reasons.push({ unitCode: u.code, code: 'ZONING_NO_ACCESS_RULE', text: `${u.name}（${u.code}）准入清单无对应禁止或限制要求` });
  return { verdict, reasons };
}

// ---------------------------------------------------------------------------------------------- import
/** China's extent in lon/lat degrees (WGS-84 and CGCS2000 are both treated as lon/lat). */
export const CHINA_EXTENT = { west: 73, south: 3, east: 136, north: 54 } as const;
export const MAX_PROBLEMS = 50;
export const MAX_FEATURES = 20_000;

export type ImportProblemCode =
  | 'ZONING_NOT_FEATURE_COLLECTION' | 'ZONING_EMPTY' | 'ZONING_TOO_MANY_FEATURES' | 'ZONING_CRS_UNSUPPORTED'
  | 'ZONING_GEOMETRY_TYPE' | 'ZONING_RING_TOO_SHORT' | 'ZONING_RING_NOT_CLOSED' | 'ZONING_PROJECTED_COORDINATES'
  | 'ZONING_COORDINATES_OUT_OF_RANGE' | 'ZONING_OUTSIDE_CHINA' | 'ZONING_SELF_INTERSECTION'
  | 'ZONING_CODE_MISSING' | 'ZONING_DUPLICATE_CODE' | 'ZONING_NAME_MISSING' | 'ZONING_KIND_INVALID'
  | 'ZONING_INDUSTRY_CODE_INVALID' | 'ZONING_HOLE_OUTSIDE';

/** One refused feature part: the feature's index, the path of the bad part and the offending value. */
export interface ImportProblem { code: ImportProblemCode; index: number | null; path: string; value?: string }

export interface ImportedUnit {
  code: string; name: string; kind: UnitKind; district: string | null; geometry: Polygon | MultiPolygon;
  box: [number, number, number, number];
  prohibitedIndustries: string[]; restrictedIndustries: string[];
  restrictionConditions: string | null; dischargeConditions: string | null;
}

export type ImportCheck = { ok: true; units: ImportedUnit[] } | { ok: false; problems: ImportProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is Position =>
  Array.isArray(v) && (v.length === 2 || v.length === 3) && v.every((n) => typeof n === 'number' && Number.isFinite(n));

const KIND_NAMES: Record<string, UnitKind> = {
  '优先保护': 'priority-protection', '优先保护单元': 'priority-protection', 'priority-protection': 'priority-protection',
  '重点管控': 'key-control', '重点管控单元': 'key-control', 'key-control': 'key-control',
  '一般管控': 'general-control', '一般管控单元': 'general-control', 'general-control': 'general-control',
};
/** Geographic CRS names accepted in a legacy `crs` member: WGS-84 (4326, CRS84) and CGCS2000 (4490). */
const LONLAT_CRS = /^(urn:ogc:def:crs:)?(EPSG:+4326|EPSG:+4490|OGC:1\.3:CRS84|OGC::CRS84|CRS84)$/i;

const firstString = (p: Record<string, unknown>, keys: string[]): string | null => {
  for (const k of keys) { const v = p[k]; if (typeof v === 'string' && v.trim()) return v.trim(); if (typeof v === 'number') return String(v); }
  return null;
};
/** A list given as an array or as one string separated by commas, 、, ；or spaces. */
const listOf = (v: unknown): string[] | null => {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v === 'string') return v.split(/[,，、;；\s]+/).filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => x.trim()).filter(Boolean);
  return null;
};

function checkRings(rings: unknown, path: string, index: number): ImportProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return { code: 'ZONING_GEOMETRY_TYPE', index, path };
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    const rp = `${path}[${r}]`;
    if (!Array.isArray(ring) || !ring.every(isPosition)) return { code: 'ZONING_GEOMETRY_TYPE', index, path: rp };
    if (ring.length < 4) return { code: 'ZONING_RING_TOO_SHORT', index, path: rp, value: String(ring.length) };
    const [a, z] = [ring[0]!, ring[ring.length - 1]!];
    if (a[0] !== z[0] || a[1] !== z[1]) return { code: 'ZONING_RING_NOT_CLOSED', index, path: rp, value: `${JSON.stringify(a)} ≠ ${JSON.stringify(z)}` };
    for (let i = 0; i < ring.length; i++) {
      const [lon, lat] = ring[i]! as [number, number];
      // Projected CGCS2000 / Gauss-Krüger coordinates are metres: far beyond any degree value.
      if (Math.abs(lon) > 360 || Math.abs(lat) > 360) return { code: 'ZONING_PROJECTED_COORDINATES', index, path: `${rp}[${i}]`, value: `${lon},${lat}` };
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return { code: 'ZONING_COORDINATES_OUT_OF_RANGE', index, path: `${rp}[${i}]`, value: `${lon},${lat}` };
      if (lon < CHINA_EXTENT.west || lon > CHINA_EXTENT.east || lat < CHINA_EXTENT.south || lat > CHINA_EXTENT.north) {
        return { code: 'ZONING_OUTSIDE_CHINA', index, path: `${rp}[${i}]`, value: `${lon},${lat}` };
      }
    }
  }
  return null;
}

function checkGeometry(g: unknown, index: number): ImportProblem | Polygon | MultiPolygon {
  const path = `geojson.features[${index}].geometry`;
  if (!isObject(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return { code: 'ZONING_GEOMETRY_TYPE', index, path: `${path}.type`, value: isObject(g) ? String(g.type) : String(g) };
  }
  const coordinates = g.coordinates;
  if (g.type === 'Polygon') {
    const p = checkRings(coordinates, `${path}.coordinates`, index);
    if (p) return p;
  } else {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return { code: 'ZONING_GEOMETRY_TYPE', index, path: `${path}.coordinates` };
    for (let i = 0; i < coordinates.length; i++) {
      const p = checkRings(coordinates[i], `${path}.coordinates[${i}]`, index);
      if (p) return p;
    }
  }
  const geometry = { type: g.type, coordinates } as Polygon | MultiPolygon;
  try {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polys) turfPolygon(rings);
    if (kinks(geometry).features.length > 0) return { code: 'ZONING_SELF_INTERSECTION', index, path: `${path}.coordinates` };
    for (const rings of polys) {
      for (const hole of rings.slice(1)) {
        if (!booleanPointInPolygon(hole[0]!, turfPolygon([rings[0]!]), { ignoreBoundary: true })) return { code: 'ZONING_HOLE_OUTSIDE', index, path: `${path}.coordinates` };
      }
    }
  } catch {
    return { code: 'ZONING_SELF_INTERSECTION', index, path: `${path}.coordinates` };
  }
  return geometry;
}

function checkIndustryList(v: unknown, path: string, index: number, problems: ImportProblem[]): string[] {
  const list = listOf(v);
  if (list === null) { problems.push({ code: 'ZONING_INDUSTRY_CODE_INVALID', index, path }); return []; }
  const out: string[] = [];
  list.forEach((code, i) => {
    const n = normaliseIndustryCode(code);
    if (n === null) problems.push({ code: 'ZONING_INDUSTRY_CODE_INVALID', index, path: `${path}[${i}]`, value: code });
    else out.push(n);
  });
  return out;
}

/**
 * Checks a GeoJSON FeatureCollection of 环境管控单元 (all or nothing): every feature a closed Polygon/MultiPolygon
 * in lon/lat within China, no self-intersection, holes inside their outer ring, a unique 环境管控单元编码, a name, a kind and valid GB/T 4754
 * prefixes. Problems are listed per feature index, up to MAX_PROBLEMS.
 */
export function checkUnitImport(input: unknown): ImportCheck {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { ok: false, problems: [{ code: 'ZONING_NOT_FEATURE_COLLECTION', index: null, path: 'geojson' }] };
  }
  const crs = input.crs;
  if (crs !== undefined) {
    const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
    if (typeof name !== 'string' || !LONLAT_CRS.test(name.trim())) {
      return { ok: false, problems: [{ code: 'ZONING_CRS_UNSUPPORTED', index: null, path: 'geojson.crs', value: typeof name === 'string' ? name : JSON.stringify(crs) }] };
    }
  }
  const features: unknown[] = input.features;
  if (features.length === 0) return { ok: false, problems: [{ code: 'ZONING_EMPTY', index: null, path: 'geojson.features' }] };
  if (features.length > MAX_FEATURES) return { ok: false, problems: [{ code: 'ZONING_TOO_MANY_FEATURES', index: null, path: 'geojson.features', value: String(features.length) }] };

  const problems: ImportProblem[] = [];
  const units: ImportedUnit[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < features.length && problems.length < MAX_PROBLEMS; index++) {
    const f = features[index];
    const base = `geojson.features[${index}]`;
    if (!isObject(f) || f.type !== 'Feature') { problems.push({ code: 'ZONING_GEOMETRY_TYPE', index, path: base }); continue; }
    const p = isObject(f.properties) ? f.properties : {};
    const before = problems.length;
    const code = firstString(p, ['code', 'unitCode', '环境管控单元编码', 'HJGKDYBM']);
    if (!code) problems.push({ code: 'ZONING_CODE_MISSING', index, path: `${base}.properties.code` });
    else if (seen.has(code)) problems.push({ code: 'ZONING_DUPLICATE_CODE', index, path: `${base}.properties.code`, value: `${code} = features[${seen.get(code)}]` });
    else seen.set(code, index);
    const name = firstString(p, ['name', 'unitName', '环境管控单元名称']);
    if (!name) problems.push({ code: 'ZONING_NAME_MISSING', index, path: `${base}.properties.name` });
    const kindRaw = firstString(p, ['kind', 'unitKind', '管控单元类别', '单元类别']);
    const kind = kindRaw ? KIND_NAMES[kindRaw] : undefined;
    if (!kind) problems.push({ code: 'ZONING_KIND_INVALID', index, path: `${base}.properties.kind`, ...(kindRaw ? { value: kindRaw } : {}) });
    const prohibitedIndustries = checkIndustryList(p.prohibited ?? p.prohibitedIndustries ?? p['禁止准入行业'], `${base}.properties.prohibited`, index, problems);
    const restrictedIndustries = checkIndustryList(p.restricted ?? p.restrictedIndustries ?? p['限制准入行业'], `${base}.properties.restricted`, index, problems);
    const geometry = checkGeometry(f.geometry, index);
    if ('code' in geometry) problems.push(geometry);
    if (problems.length > before || 'code' in geometry) continue;
    units.push({
      code: code!, name: name!, kind: kind!, district: firstString(p, ['district', '所在区县', '区县']),
      geometry, box: boxOf(geometry), prohibitedIndustries, restrictedIndustries,
      restrictionConditions: firstString(p, ['restrictionConditions', 'conditions', '限制条件']),
      dischargeConditions: firstString(p, ['dischargeConditions', '污染物排放管控']),
    });
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, units };
}

/** Checks a site geometry a user gives: a Point, Polygon or MultiPolygon in lon/lat within China. */
export function checkSiteGeometry(site: unknown): ImportProblem | SiteGeometry {
  if (isObject(site) && site.type === 'Point') {
    const c = site.coordinates;
    if (!isPosition(c)) return { code: 'ZONING_GEOMETRY_TYPE', index: null, path: 'site.coordinates' };
    const [lon, lat] = c as [number, number];
    if (Math.abs(lon) > 360 || Math.abs(lat) > 360) return { code: 'ZONING_PROJECTED_COORDINATES', index: null, path: 'site.coordinates', value: `${lon},${lat}` };
    if (lon < CHINA_EXTENT.west || lon > CHINA_EXTENT.east || lat < CHINA_EXTENT.south || lat > CHINA_EXTENT.north) {
      return { code: 'ZONING_OUTSIDE_CHINA', index: null, path: 'site.coordinates', value: `${lon},${lat}` };
    }
    return { type: 'Point', coordinates: [lon, lat] };
  }
  const g = checkGeometry(site, 0);
  if ('code' in g) return { ...g, index: null, path: g.path.replace('geojson.features[0].geometry', 'site') };
  return g;
}
