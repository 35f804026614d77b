// Water sites and samples: field checks.
import { SEA_PARAMETERS } from './standards/gb3097.js';
import { DRINKING_SUPPLEMENTARY, SURFACE_PARAMETERS } from './standards/gb3838.js';
import type { SiteKind, SiteLevel } from './evaluation.js';
import type { WaterBody } from './classify.js';

export interface SiteFields {
  code: string; name: string; kind: SiteKind; level: SiteLevel; body: WaterBody; waterName: string | null;
  districtId: number; townshipId: number | null; longitude: number; latitude: number; targetClass: number | null; active: boolean;
}
export interface FieldProblem { field: string; code: string }

/** Parameters a sample of this kind of site may carry. */
export function parametersOf(kind: SiteKind): Set<string> {
  if (kind === 'sea_point') return new Set(SEA_PARAMETERS.map((p) => p.key));
  const keys = SURFACE_PARAMETERS.map((p) => p.key);
  return new Set(kind === 'drinking_source' ? [...keys, ...DRINKING_SUPPLEMENTARY.map((s) => s.key)] : keys);
}

export function findSiteProblems(f: SiteFields, townshipDistrictId: number | null | undefined): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!/^[A-Za-z0-9_-]{2,32}$/.test(f.code)) p.push({ field: 'code', code: 'SITE_CODE_FORMAT' });
  if (!(f.longitude >= 73 && f.longitude <= 136 && f.latitude >= 3 && f.latitude <= 54)) p.push({ field: 'longitude', code: 'COORDINATES_OUT_OF_RANGE' });
  const maxClass = f.kind === 'sea_point' ? 4 : 5;
  if (f.targetClass !== null && !(Number.isInteger(f.targetClass) && f.targetClass >= 1 && f.targetClass <= maxClass)) p.push({ field: 'targetClass', code: 'TARGET_CLASS_INVALID' });
  if (f.townshipId !== null) {
    if (townshipDistrictId === undefined) p.push({ field: 'townshipId', code: 'TOWNSHIP_UNKNOWN' });
    else if (townshipDistrictId !== f.districtId) p.push({ field: 'townshipId', code: 'TOWNSHIP_NOT_IN_DISTRICT' });
  }
  return p;
}

/** Checks a sample's values: known parameters of the site's kind, finite and non-negative (pH 0–14). */
export function findSampleProblems(kind: SiteKind, month: string, values: Record<string, unknown>, dry: boolean): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) p.push({ field: 'month', code: 'MONTH_INVALID' });
  const allowed = parametersOf(kind);
  for (const [k, v] of Object.entries(values)) {
    if (!allowed.has(k)) { p.push({ field: `values.${k}`, code: 'PARAMETER_UNKNOWN' }); continue; }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (k === 'ph' && v > 14)) p.push({ field: `values.${k}`, code: 'NUMBER_EXPECTED' });
  }
  if (!dry && !Object.keys(values).length) p.push({ field: 'values', code: 'SAMPLE_EMPTY' });
  return p;
}
