// Period evaluation of water sites (sections, drinking-water sources, sea points), shares and the
// district "double index" (双指数). Formulas of the double index are configuration: see double-index.md.
import type { Citation } from '../../law/outcome.js';
import { rankWithTies } from '../../air-quality/index.js';
import {
  assessDrinkingSource, classifySea, classifySurface, isExcellentSea, isExcellentSurface, meetsTarget,
  type MainPollutant, type Measurements, type SeaClass, type SurfaceClass, type WaterBody,
} from './classify.js';
import { SURFACE_PARAMETERS } from './standards/gb3838.js';

export const SITE_KINDS = ['section', 'drinking_source', 'sea_point'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];
export const SITE_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

export interface SiteFacts {
  id: number;
  name: string;
  kind: SiteKind;
  level: SiteLevel;
  body: WaterBody;
  districtId: number;
  /** Sections: target class 1–5 (Ⅰ–Ⅴ); sea points 1–4; drinking sources: 3. */
  targetClass: number | null;
}
export interface Sample { month: string; values: Measurements; dry: boolean }

const MICRO = 1_000_000;

/**
 * 环办〔2011〕22号: with several samples in the period, each parameter is the arithmetic mean of its
 * measurements. Samples taken at a dry section (断流) are left out; a site dry all period is dry.
 */
export function averageSamples(samples: readonly Sample[]): { values: Measurements; dry: boolean; sampleCount: number } {
  const wet = samples.filter((s) => !s.dry);
  if (!wet.length) return { values: {}, dry: samples.length > 0, sampleCount: 0 };
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of wet) {
    for (const [k, v] of Object.entries(s.values)) {
      if (!Number.isFinite(v)) continue;
      const acc = sums.get(k) ?? { sum: 0, n: 0 };
      acc.sum += Math.round(v * MICRO);
      acc.n++;
      sums.set(k, acc);
    }
  }
  const values: Measurements = {};
  for (const [k, { sum, n }] of sums) values[k] = Math.round(sum / n) / MICRO;
  return { values, dry: false, sampleCount: wet.length };
}

/** 城市水质指数 CWQI (城市地表水环境质量排名技术规定, 2017): Σ over the evaluated items of C/S_Ⅲ (DO: S_Ⅲ/C; pH: distance from 7). */
export function computeCwqi(m: Measurements, body: WaterBody): number | null {
  let sum = 0;
  let n = 0;
  for (const p of SURFACE_PARAMETERS) {
    const v = m[p.key];
    if (!p.evaluated || v === undefined || !Number.isFinite(v)) continue;
    n++;
    if (p.key === 'ph') sum += v <= 7 ? (7 - v) / (7 - 6) : (v - 7) / (9 - 7);
    else if (p.direction === 'min') sum += v > 0 ? p.limits[2]! / v : 0;
    else sum += v / (body === 'lake' && p.lakeLimits ? p.lakeLimits : p.limits)[2]!;
  }
  return n ? Math.round(sum * 10_000) / 10_000 : null;
}

export interface SiteEvaluation {
  siteId: number;
  name: string;
  kind: SiteKind;
  level: SiteLevel;
  districtId: number;
  dry: boolean;
  sampleCount: number;
  /** Samples of the period taken at a dry (断流) site: left out of the evaluation. */
  drySamples: number;
  /** Surface class (1–6) for sections and sources, sea class (1–5) for sea points; null when dry or unmeasured. */
  class: number | null;
  targetClass: number | null;
  drivers: string[];
  mainPollutants: MainPollutant[];
  /** null when dry, unmeasured or without a target. */
  meetsTarget: boolean | null;
  excellent: boolean | null;
  cwqi: number | null;
  citation: Citation;
}

export function evaluateSite(site: SiteFacts, samples: readonly Sample[]): SiteEvaluation {
  const avg = averageSamples(samples);
  const base = {
    siteId: site.id, name: site.name, kind: site.kind, level: site.level, districtId: site.districtId, dry: avg.dry, sampleCount: avg.sampleCount,
    drySamples: samples.filter((s) => s.dry).length, targetClass: site.targetClass,
  };
  if (site.kind === 'sea_point') {
    const c = classifySea(avg.values);
    return {
      ...base, class: c.class, drivers: c.drivers, mainPollutants: [], cwqi: null, citation: c.citation,
      meetsTarget: c.class === null || site.targetClass === null ? null : c.class <= site.targetClass,
      excellent: c.class === null ? null : isExcellentSea(c.class as SeaClass),
    };
  }
  const c = classifySurface(avg.values, site.body);
  const drinking = site.kind === 'drinking_source' ? assessDrinkingSource(avg.values, site.body) : null;
  // A drinking-water source attains for the period only when it met class Ⅲ in every monitoring (水质达标率 counts
  // sources attaining in each monitoring, seed-figures.md row 12), not merely on the period's mean.
  const missedOnce = drinking !== null && samples.some((s) => !s.dry && assessDrinkingSource(s.values, site.body).attains === false);
  return {
    ...base, class: c.class, drivers: c.drivers, mainPollutants: c.mainPollutants, cwqi: computeCwqi(avg.values, site.body),
    citation: drinking?.citation ?? c.citation,
    meetsTarget: drinking ? (missedOnce ? false : drinking.attains)
      : c.class === null || site.targetClass === null ? null : meetsTarget(c.class, site.targetClass as SurfaceClass),
    excellent: c.class === null ? null : isExcellentSurface(c.class),
  };
}

const percent = (part: number, whole: number, decimals = 1) => (whole ? Math.round((part * 100 * 10 ** decimals) / whole) / 10 ** decimals : null);

export interface SurfaceShares {
  assessed: number;
  dry: number;
  /** Assessed sections with dry (断流) months left out of their evaluation. */
  withDryMonths: number;
  excellent: number;
  /** 优良 (Ⅰ–Ⅲ) share, percent. */
  excellentShare: number | null;
  worstClass: number;
  /** 劣Ⅴ share, percent. */
  worstShare: number | null;
  withTarget: number;
  onTarget: number;
  onTargetShare: number | null;
}

/** Shares over the sections evaluated (dry or unmeasured sections excluded). */
export function computeSurfaceShares(evals: readonly SiteEvaluation[]): SurfaceShares {
  const assessed = evals.filter((e) => !e.dry && e.class !== null);
  const excellent = assessed.filter((e) => e.excellent).length;
  const worst = assessed.filter((e) => e.class === 6).length;
  const withTarget = assessed.filter((e) => e.meetsTarget !== null);
  const onTarget = withTarget.filter((e) => e.meetsTarget).length;
  return {
    assessed: assessed.length, dry: evals.filter((e) => e.dry).length, withDryMonths: assessed.filter((e) => e.drySamples > 0).length, excellent, excellentShare: percent(excellent, assessed.length),
    worstClass: worst, worstShare: percent(worst, assessed.length),
    withTarget: withTarget.length, onTarget, onTargetShare: percent(onTarget, withTarget.length),
  };
}

/** The double index's formulas, as configuration (documented in double-index.md). */
export interface DoubleIndexConfig {
  /** 优良指数: share of assessed sections in Ⅰ–Ⅲ (percent), or the mean CWQI of the sections (lower is better). */
  excellent: 'share_excellent' | 'mean_cwqi';
  /** 达标指数: share of sections meeting their annual target class (percent). */
  compliance: 'share_on_target';
  /** Section levels that count. */
  levels: readonly SiteLevel[];
  decimals: number;
}
export const DEFAULT_DOUBLE_INDEX: DoubleIndexConfig = { excellent: 'share_excellent', compliance: 'share_on_target', levels: SITE_LEVELS, decimals: 1 };

export interface DoubleIndexRow {
  districtId: number;
  districtName: string;
  sections: number;
  excellentIndex: number | null;
  complianceIndex: number | null;
  excellentRank: number | null;
  complianceRank: number | null;
}

/** 水环境质量优良指数 and 达标指数 per district, each ranked (ties share a rank). */
export function computeDoubleIndex(districts: readonly { districtId: number; districtName: string; evals: readonly SiteEvaluation[] }[], config: DoubleIndexConfig = DEFAULT_DOUBLE_INDEX): DoubleIndexRow[] {
  const rows = districts.map((d) => {
    const sections = d.evals.filter((e) => e.kind === 'section' && config.levels.includes(e.level) && !e.dry && e.class !== null);
    const excellentIndex = config.excellent === 'share_excellent'
      ? percent(sections.filter((e) => e.excellent).length, sections.length, config.decimals)
      : sections.length ? Math.round((sections.reduce((a, e) => a + (e.cwqi ?? 0), 0) / sections.length) * 10 ** config.decimals) / 10 ** config.decimals : null;
    const withTarget = sections.filter((e) => e.meetsTarget !== null);
    const complianceIndex = percent(withTarget.filter((e) => e.meetsTarget).length, withTarget.length, config.decimals);
    return { districtId: d.districtId, districtName: d.districtName, sections: sections.length, excellentIndex, complianceIndex, excellentRank: null as number | null, complianceRank: null as number | null };
  });
  for (const r of rankWithTies(rows, (x) => x.excellentIndex, config.excellent === 'mean_cwqi' ? 'asc' : 'desc')) r.item.excellentRank = r.rank;
  for (const r of rankWithTies(rows, (x) => x.complianceIndex, 'desc')) r.item.complianceRank = r.rank;
  return rows.sort((a, b) => (a.excellentRank ?? 999) - (b.excellentRank ?? 999) || (a.complianceRank ?? 999) - (b.complianceRank ?? 999));
}

export interface SeaAndDrinkingSummary {
  seaPoints: number;
  seaExcellent: number;
  /** 近岸海域优良（一、二类）比例, percent of points. */
  seaExcellentShare: number | null;
  drinkingSources: number;
  drinkingAttaining: number;
  /** 饮用水水源地达标率, percent. */
  drinkingAttainmentRate: number | null;
}

export function computeSeaAndDrinking(evals: readonly SiteEvaluation[]): SeaAndDrinkingSummary {
  const sea = evals.filter((e) => e.kind === 'sea_point' && e.class !== null);
  const drinking = evals.filter((e) => e.kind === 'drinking_source' && e.meetsTarget !== null);
  const seaExcellent = sea.filter((e) => e.excellent).length;
  const attaining = drinking.filter((e) => e.meetsTarget).length;
  return {
    seaPoints: sea.length, seaExcellent, seaExcellentShare: percent(seaExcellent, sea.length),
    drinkingSources: drinking.length, drinkingAttaining: attaining, drinkingAttainmentRate: percent(attaining, drinking.length),
  };
}
