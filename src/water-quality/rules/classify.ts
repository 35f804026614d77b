// Single-factor classification: GB 3838-2002 surface water (环办〔2011〕22号), GB 3097-1997 sea water,
// and drinking-water sources. Each sample's parameters map to the best class whose limit they meet;
// the site takes the worst of them.
import type { Citation } from '../../law/outcome.js';
import { DRINKING_CITATION, DRINKING_SUPPLEMENTARY, EVALUATION_CITATION, SURFACE_PARAMETERS, TOXIC_PRIORITY_KEYS, type SurfaceParameter } from './standards/gb3838.js';
import { GB3097_CITATION, SEA_PARAMETERS } from './standards/gb3097.js';

/** 1–5 = Ⅰ–Ⅴ, 6 = 劣Ⅴ. */
export type SurfaceClass = 1 | 2 | 3 | 4 | 5 | 6;
/** 1–4 = 一–四类, 5 = 劣四类. */
export type SeaClass = 1 | 2 | 3 | 4 | 5;
export type WaterBody = 'river' | 'lake';
export type Measurements = Record<string, number>;

// Limits go down to 0.00005 mg/L (Hg): compare as integers of 10⁻⁶.
const MICRO = 1_000_000;
const micro = (v: number) => Math.round(v * MICRO);

/** GB 3838-2002 表1: the best class whose limit the value meets (shared limits go to the better class). */
export function classifySurfaceParameter(p: SurfaceParameter, value: number, body: WaterBody): SurfaceClass {
  const v = micro(value);
  if (p.direction === 'range') return v >= micro(p.limits[0]!) && v <= micro(p.limits[1]!) ? 1 : 6;
  const limits = body === 'lake' && p.lakeLimits ? p.lakeLimits : p.limits;
  for (let c = 0; c < 5; c++) {
    const limit = micro(limits[c]!);
    if (p.direction === 'max' ? v <= limit : v >= limit) return (c + 1) as SurfaceClass;
  }
  return 6;
}

/**
 * How an exceedance multiple was obtained: 'ratio' (C − S_Ⅲ)/S_Ⅲ for "≤" limits; 'inverse' (S_Ⅲ − C)/C for DO,
 * whose limit is a minimum (the reciprocal the CWQI rules use for DO, S_Ⅲ/C); 'none' for pH (a range, no multiple).
 */
export type ExceedanceBasis = 'ratio' | 'inverse' | 'none';
export interface ParameterClass { key: string; nameZh: string; value: number; class: SurfaceClass; exceedance: number | null; exceedanceBasis: ExceedanceBasis }
export interface MainPollutant { key: string; nameZh: string; class: SurfaceClass; exceedance: number | null; exceedanceBasis: ExceedanceBasis; toxic: boolean }
export interface SurfaceClassification {
  /** null when no evaluated parameter was measured. */
  class: SurfaceClass | null;
  parameters: ParameterClass[];
  /** Every evaluated parameter in the worst class: what drives the section's class. */
  drivers: string[];
  /** 主要污染指标 (环办〔2011〕22号): for a class worse than Ⅲ, up to 3 indicators above Ⅲ, see rankMainPollutants. */
  mainPollutants: MainPollutant[];
  citation: Citation;
}

const basisOf = (p: SurfaceParameter): ExceedanceBasis => (p.direction === 'max' ? 'ratio' : p.direction === 'min' ? 'inverse' : 'none');

/**
 * 超标倍数 over the class Ⅲ limit to 2 decimals, null when within Ⅲ: (C − S_Ⅲ)/S_Ⅲ (环办〔2011〕22号).
 * Decision for the indicators the formula does not fit (the method's own words on them (unconfirmed)):
 * DO takes (S_Ⅲ − C)/C, pH none.
 */
function exceedanceOverIII(p: SurfaceParameter, value: number, body: WaterBody): number | null {
  if (p.direction === 'range') return null;
  const limit = (body === 'lake' && p.lakeLimits ? p.lakeLimits : p.limits)[2]!;
  const [v, l] = [micro(value), micro(limit)];
  if (p.direction === 'max') return v > l ? Math.round(((v - l) / l) * 100) / 100 : null;
  if (v >= l) return null;
  // DO reported as 0 mg/L: the inverse is unbounded; count it as 0.000001 mg/L (below any detection limit).
  const d = Math.max(v, 1);
  return Math.round(((l - d) / d) * 100) / 100;
}

/**
 * 环办〔2011〕22号 主要污染指标的确定: indicators above class Ⅲ are the section's pollution indicators
 * (断面污染指标); the main pollutants are at most three of them, ordered
 *  1. cyanide and the toxic heavy metals first (TOXIC_PRIORITY_KEYS: "优先作为主要污染指标"),
 *  2. then the worse class first ("类别最差"),
 *  3. then the larger exceedance multiple first ("超标倍数最大的前三项"); an indicator without a multiple (pH)
 *     comes after those with one in the same class; remaining ties by the order of GB 3838 表1.
 * Returns [] when the section is class Ⅲ or better.
 */
export function rankMainPollutants(parameters: readonly ParameterClass[]): MainPollutant[] {
  const order = new Map(SURFACE_PARAMETERS.map((p, i) => [p.key, i]));
  return parameters.filter((p) => p.class > 3)
    .map(({ key, nameZh, class: cls, exceedance, exceedanceBasis }) => ({ key, nameZh, class: cls, exceedance, exceedanceBasis, toxic: TOXIC_PRIORITY_KEYS.includes(key) }))
    .sort((a, b) => Number(b.toxic) - Number(a.toxic) || b.class - a.class
      || (b.exceedance ?? -1) - (a.exceedance ?? -1) || order.get(a.key)! - order.get(b.key)!)
    .slice(0, 3);
}

/**
 * 环办〔2011〕22号 单因子评价: the section's class is its worst evaluated parameter's class (the 21 items of
 * 表1 without temperature, TN and faecal coliform). Parameters not in the table are ignored.
 */
export function classifySurface(m: Measurements, body: WaterBody): SurfaceClassification {
  const parameters: ParameterClass[] = [];
  for (const p of SURFACE_PARAMETERS) {
    const value = m[p.key];
    if (!p.evaluated || value === undefined || value === null || !Number.isFinite(value)) continue;
    parameters.push({ key: p.key, nameZh: p.nameZh, value, class: classifySurfaceParameter(p, value, body), exceedance: exceedanceOverIII(p, value, body), exceedanceBasis: basisOf(p) });
  }
  if (!parameters.length) return { class: null, parameters, drivers: [], mainPollutants: [], citation: EVALUATION_CITATION };
  const worst = Math.max(...parameters.map((p) => p.class)) as SurfaceClass;
  const inWorst = parameters.filter((p) => p.class === worst);
  return { class: worst, parameters, drivers: inWorst.map((p) => p.key), mainPollutants: rankMainPollutants(parameters), citation: EVALUATION_CITATION };
}

/** A section attains its annual target (年度考核目标) when its class is the target or better. */
export const meetsTarget = (cls: SurfaceClass, target: SurfaceClass): boolean => cls <= target;
/** 优良: classes Ⅰ–Ⅲ. */
export const isExcellentSurface = (cls: SurfaceClass): boolean => cls <= 3;

export interface SeaClassification { class: SeaClass | null; drivers: string[]; citation: Citation }

/** GB 3097-1997 表1: the best class whose limits the value meets; worse than 四类 is 劣四类. */
export function classifySeaParameter(key: string, value: number): SeaClass {
  const p = SEA_PARAMETERS.find((x) => x.key === key)!;
  const v = micro(value);
  for (let c = 0; c < 4; c++) {
    const limit = p.limits[c]!;
    const ok = p.direction === 'range'
      ? v >= micro((limit as readonly [number, number])[0]) && v <= micro((limit as readonly [number, number])[1])
      : p.direction === 'max' ? v <= micro(limit as number) : v > micro(limit as number);
    if (ok) return (c + 1) as SeaClass;
  }
  return 5;
}

export function classifySea(m: Measurements): SeaClassification {
  const classes = SEA_PARAMETERS.filter((p) => m[p.key] !== undefined && Number.isFinite(m[p.key]))
    .map((p) => ({ key: p.key, class: classifySeaParameter(p.key, m[p.key]!) }));
  if (!classes.length) return { class: null, drivers: [], citation: GB3097_CITATION };
  const worst = Math.max(...classes.map((c) => c.class)) as SeaClass;
  return { class: worst, drivers: classes.filter((c) => c.class === worst).map((c) => c.key), citation: GB3097_CITATION };
}

/** 近岸海域优良: 一类 and 二类. */
export const isExcellentSea = (cls: SeaClass): boolean => cls <= 2;

export interface DrinkingAssessment {
  attains: boolean | null;
  class: SurfaceClass | null;
  /** Supplementary items above their 表2 limits. */
  exceeded: string[];
  citation: Citation;
}

/**
 * A surface drinking-water source attains (达标) when its basic items are class Ⅲ or better (GB 3838 表1)
 * and its supplementary items (表2) are within their limits.
 */
export function assessDrinkingSource(m: Measurements, body: WaterBody): DrinkingAssessment {
  const basic = classifySurface(m, body);
  const exceeded = DRINKING_SUPPLEMENTARY.filter((s) => m[s.key] !== undefined && micro(m[s.key]!) > micro(s.limit)).map((s) => s.key);
  if (basic.class === null) return { attains: null, class: null, exceeded, citation: DRINKING_CITATION };
  return { attains: basic.class <= 3 && exceeded.length === 0, class: basic.class, exceeded, citation: DRINKING_CITATION };
}
