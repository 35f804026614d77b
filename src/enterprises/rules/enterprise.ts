// Pure rules for the enterprise registry: vocabularies and field checks.
import { findCreditCodeProblem } from './credit-code.js';

export const KEY_UNIT_CATEGORIES = ['water', 'air', 'soil', 'noise', 'risk'] as const;
export type KeyUnitCategory = (typeof KEY_UNIT_CATEGORIES)[number];
/** 重点排污单位名录 categories as bureaus label them. */
export const KEY_UNIT_LABELS: Record<KeyUnitCategory, string> = {
  water: '水环境', air: '大气环境', soil: '土壤环境', noise: '声环境', risk: '环境风险',
};

/** 企业环境信用评价 levels (Shandong: 绿/蓝/黄/红/黑). */
export const CREDIT_RATINGS = ['green', 'blue', 'yellow', 'red', 'black'] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];
export const CREDIT_RATING_LABELS: Record<CreditRating, string> = {
  green: '环保诚信', blue: '良好', yellow: '警示', red: '不良', black: '严重失信',
};

export const OUTFALL_KINDS = ['water', 'air'] as const;
export type OutfallKind = (typeof OUTFALL_KINDS)[number];
export const OUTFALL_KIND_LABELS: Record<OutfallKind, string> = { water: '废水', air: '废气' };

export interface OutfallInput { code: string; name: string; kind: OutfallKind }
export interface EnterpriseFields {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  districtId: number;
  townshipId: number | null;
  industryCode: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  keyUnitCategories: KeyUnitCategory[];
  creditRating: CreditRating | null;
  outfalls: OutfallInput[];
}

/** A field that breaks a rule: the refusal code names the rule, `field` the place. */
export interface FieldProblem { field: string; code: string }

/** GB/T 4754-2017: a section letter, then 2-, 3- or 4-digit division/group/class codes. */
export const INDUSTRY_CODE_PATTERN = /^[A-T](\d{2}|\d{3}|\d{4})$/;
/** HJ 608-2017 outfall codes: DW (废水) or DA (废气) followed by three digits. */
export const OUTFALL_CODE_PATTERN = /^D[WA]\d{3}$/;

/** Checks an enterprise's fields against the registry's rules; the township must be in the district. */
export function findEnterpriseProblems(input: EnterpriseFields, townshipDistrictId: number | null | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const creditProblem = findCreditCodeProblem(input.creditCode);
  if (creditProblem) problems.push({ field: 'creditCode', code: creditProblem });
  if (!INDUSTRY_CODE_PATTERN.test(input.industryCode)) problems.push({ field: 'industryCode', code: 'INDUSTRY_CODE_FORMAT' });
  if (input.townshipId !== null) {
    if (townshipDistrictId === undefined) problems.push({ field: 'townshipId', code: 'TOWNSHIP_UNKNOWN' });
    else if (townshipDistrictId !== input.districtId) problems.push({ field: 'townshipId', code: 'TOWNSHIP_NOT_IN_DISTRICT' });
  }
  if ((input.longitude === null) !== (input.latitude === null)) {
    problems.push({ field: input.longitude === null ? 'longitude' : 'latitude', code: 'COORDINATES_INCOMPLETE' });
  } else if (input.longitude !== null && input.latitude !== null) {
    // WGS-84 within China's extent: catches swapped or projected (GCJ-02 is close, Web Mercator metres are not) values.
    if (input.longitude < 73 || input.longitude > 136) problems.push({ field: 'longitude', code: 'COORDINATES_OUT_OF_RANGE' });
    if (input.latitude < 3 || input.latitude > 54) problems.push({ field: 'latitude', code: 'COORDINATES_OUT_OF_RANGE' });
  }
  const seen = new Set<string>();
  input.outfalls.forEach((o, i) => {
    if (!OUTFALL_CODE_PATTERN.test(o.code)) problems.push({ field: `outfalls.${i}.code`, code: 'OUTFALL_CODE_FORMAT' });
    else if ((o.code[1] === 'W') !== (o.kind === 'water')) problems.push({ field: `outfalls.${i}.kind`, code: 'OUTFALL_KIND_MISMATCH' });
    if (seen.has(o.code)) problems.push({ field: `outfalls.${i}.code`, code: 'OUTFALL_CODE_DUPLICATE' });
    seen.add(o.code);
  });
  return problems;
}
