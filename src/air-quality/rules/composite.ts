// 环境空气质量综合指数 (城市环境空气质量排名技术规定): I_sum = Σ w_i · C_i / S_i over the six pollutants.
import { divRoundHalfEven, lcm } from './decimal.js';
import { DECIMALS, POLLUTANTS, type Pollutant } from './pollutants.js';
import type { CompositeIndexRules } from './standards/hj663.js';
import type { PeriodStatistics } from './statistics.js';

export interface CompositeIndex {
  /** Rounded to the rules' decimals (2); null when no pollutant has a value. */
  index: number | null;
  /** I_i = C_i / S_i to 3 decimals, for display. */
  subIndices: Partial<Record<Pollutant, number>>;
  /** The pollutant(s) with the largest I_i (its 首要污染物). */
  largest: Pollutant[];
  /** Every pollutant had a value. */
  complete: boolean;
}

/**
 * The composite index of concentrations C_i: for a period, the means of SO2, NO2, PM10 and PM2.5, the
 * 95th percentile of daily CO and the 90th percentile of daily max 8-hour O3; for one day, its daily
 * values. Computed exactly (common denominator) and rounded half to even.
 */
export function computeCompositeIndex(c: Partial<Record<Pollutant, number | null>>, rules: CompositeIndexRules): CompositeIndex {
  const present = POLLUTANTS.filter((p) => c[p] !== null && c[p] !== undefined);
  if (!present.length) return { index: null, subIndices: {}, largest: [], complete: false };
  // Both C and S in the pollutant's smallest reported step: integers.
  const f = (p: Pollutant) => 10 ** DECIMALS[p];
  const divisor = (p: Pollutant) => rules.divisor[p] * f(p);
  const common = present.reduce((acc, p) => lcm(acc, divisor(p)), 1);
  let numerator = 0;
  const subIndices: Partial<Record<Pollutant, number>> = {};
  const terms: { p: Pollutant; num: number }[] = [];
  for (const p of present) {
    const value = Math.round(c[p]! * f(p));
    const term = rules.weight[p] * value * (common / divisor(p));
    numerator += term;
    terms.push({ p, num: value * (common / divisor(p)) });
    subIndices[p] = divRoundHalfEven(value * 1000, divisor(p)) / 1000;
  }
  const top = Math.max(...terms.map((t) => t.num));
  const scale = 10 ** rules.decimals;
  return {
    index: divRoundHalfEven(numerator * scale, common) / scale,
    subIndices,
    largest: terms.filter((t) => t.num === top).map((t) => t.p),
    complete: present.length === POLLUTANTS.length,
  };
}

/** The composite index's inputs from HJ 663 period statistics. */
export function compositeInputs(stats: PeriodStatistics): Record<Pollutant, number | null> {
  const s = stats.pollutants;
  return { so2: s.so2.mean, no2: s.no2.mean, pm10: s.pm10.mean, pm25: s.pm25.mean, co: s.co.percentile, o3: s.o3.percentile };
}
