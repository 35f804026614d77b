// HJ 633 空气质量指数: IAQI by linear interpolation, AQI as the largest IAQI, primary pollutant, level.
import { ceilDiv, divRoundHalfEven, toMilli } from './decimal.js';
import { DECIMALS, METRIC_POLLUTANT, type AqiMetric, type Concentrations, type Pollutant } from './pollutants.js';
import type { AqiLevel, AqiStandard } from './standards/hj633.js';

/** The table's smallest step in thousandths (µg/m³: 1000; CO 0.1 mg/m³: 100). */
const STEP_MILLI = Object.fromEntries(Object.entries(DECIMALS).map(([p, d]) => [p, 1000 / 10 ** d])) as Record<Pollutant, number>;
/** A concentration rounded as reported, counted in the table's smallest step (half to even, GB/T 8170). */
const roundedSteps = (pollutant: Pollutant, value: number) => divRoundHalfEven(toMilli(value), STEP_MILLI[pollutant]);

/** A concentration rounded as reported: µg/m³ to integers, CO to 0.1 mg/m³, half to even (GB/T 8170). */
export function roundConcentration(pollutant: Pollutant, value: number): number {
  return roundedSteps(pollutant, value) / 10 ** DECIMALS[pollutant];
}

/** The concentration as an integer in the table's smallest step (CO in 0.1 mg/m³). */
const scaled = (pollutant: Pollutant, value: number) => Math.round(value * 10 ** DECIMALS[pollutant]);

const SCALED = new WeakMap<AqiStandard, Map<AqiMetric, number[]>>();
/** A column's existing breakpoints, scaled; cached per standard. */
function scaledBreakpoints(std: AqiStandard, metric: AqiMetric): number[] {
  let byMetric = SCALED.get(std);
  if (!byMetric) SCALED.set(std, (byMetric = new Map()));
  let bps = byMetric.get(metric);
  if (!bps) {
    const pollutant = METRIC_POLLUTANT[metric];
    bps = std.breakpoints[metric].filter((b): b is number => b !== null).map((b) => scaled(pollutant, b));
    byMetric.set(metric, bps);
  }
  return bps;
}

/**
 * HJ 633 公式(1): IAQI_P = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo)·(C_P − BP_Lo) + IAQI_Lo, rounded up to an
 * integer (全部向上进位取整数). Null when the standard gives no index: SO2 1-hour above 800 (2012, 表1 注2),
 * O3 8-hour above 800 (2012, 表1 注3), or a negative value. Above the table's last row (IAQI 500) it is 500.
 */
export function computeIaqi(metric: AqiMetric, concentration: number, std: AqiStandard): number | null {
  const c = roundedSteps(METRIC_POLLUTANT[metric], concentration);
  if (c < 0) return null;
  const bps = scaledBreakpoints(std, metric);
  const top = bps.length - 1;
  for (let i = 0; i < top; i++) {
    const lo = bps[i]!;
    const hi = bps[i + 1]!;
    if (c >= lo && c <= hi) {
      const iaqiLo = std.iaqi[i]!;
      const iaqiHi = std.iaqi[i + 1]!;
      return iaqiLo + ceilDiv((iaqiHi - iaqiLo) * (c - lo), hi - lo);
    }
  }
  if (metric === 'so2_1h') return std.so2HourAboveTop === 'use_24h' ? null : std.so2HourAboveTop;
  if (metric === 'o3_8h') return std.o3EightHourAboveTop === 'use_1h' ? null : std.o3EightHourAboveTop;
  return std.iaqi[top]!;
}

/** HJ 633 表2: the level, category and colour of an AQI. */
export function aqiLevel(aqi: number, std: AqiStandard): AqiLevel {
  return std.levels.find((l) => l.maxAqi === null || aqi <= l.maxAqi)!;
}

export interface AqiReport {
  standard: AqiStandard['id'];
  /** null when no indicator is valid. */
  aqi: number | null;
  iaqi: Partial<Record<AqiMetric, number>>;
  /** 首要污染物: the indicators with the largest IAQI when AQI > 50 (ties all listed). */
  primaryMetrics: AqiMetric[];
  primaryPollutants: Pollutant[];
  /** 超标污染物 (IAQI > 100), HJ 633-2012 only. */
  exceedingMetrics: AqiMetric[];
  level: AqiLevel | null;
  /** Every indicator of the report had a valid concentration. */
  complete: boolean;
  /** Indicators replaced under the special cases, e.g. so2_1h → so2_24h. */
  substitutions: { metric: AqiMetric; usedInstead: AqiMetric | null }[];
}

/**
 * HJ 633 5.2: AQI = max(IAQI_1 … IAQI_n) over the report's indicators (`std.dailyMetrics` for a daily
 * report, `std.hourlyMetrics` for the real-time report). SO2 1-hour above 800 uses the SO2 24-hour IAQI
 * (2012) when given; O3 8-hour above 800 is left to the O3 1-hour IAQI (2012).
 */
export function computeAqi(c: Concentrations, metrics: readonly AqiMetric[], std: AqiStandard): AqiReport {
  const iaqi: Partial<Record<AqiMetric, number>> = {};
  const substitutions: AqiReport['substitutions'] = [];
  let complete = true;
  for (const metric of metrics) {
    const value = c[metric];
    if (value === undefined || value === null) { complete = false; continue; }
    const index = computeIaqi(metric, value, std);
    if (index !== null) { iaqi[metric] = index; continue; }
    if (metric === 'so2_1h' && value > 0) {
      const daily = c.so2_24h;
      const substitute = daily === undefined || daily === null ? null : computeIaqi('so2_24h', daily, std);
      substitutions.push({ metric, usedInstead: substitute === null ? null : 'so2_24h' });
      if (substitute !== null) iaqi.so2_24h = substitute; else complete = false;
    } else if (metric === 'o3_8h' && value > 0) {
      substitutions.push({ metric, usedInstead: metrics.includes('o3_1h') ? 'o3_1h' : null });
    } else {
      complete = false;
    }
  }
  // One pass over the indices in insertion order (issue 18: a ranking year builds 60 000 area-day reports).
  let aqi: number | null = null;
  for (const m in iaqi) { const v = iaqi[m as AqiMetric]!; if (aqi === null || v > aqi) aqi = v; }
  const primaryMetrics: AqiMetric[] = [];
  const primaryPollutants: Pollutant[] = [];
  if (aqi !== null && aqi > 50) {
    for (const m in iaqi) {
      if (iaqi[m as AqiMetric] !== aqi) continue;
      primaryMetrics.push(m as AqiMetric);
      const p = METRIC_POLLUTANT[m as AqiMetric];
      if (!primaryPollutants.includes(p)) primaryPollutants.push(p);
    }
  }
  const exceedingMetrics: AqiMetric[] = [];
  if (std.reportsExceedingPollutants) for (const m in iaqi) if (iaqi[m as AqiMetric]! > 100) exceedingMetrics.push(m as AqiMetric);
  return {
    standard: std.id, aqi, iaqi, primaryMetrics, primaryPollutants, exceedingMetrics,
    level: aqi === null ? null : aqiLevel(aqi, std), complete, substitutions,
  };
}

/** 优良天: a day whose AQI is at most 100 (HJ 633 表2 一级、二级). */
export const isGoodDay = (aqi: number): boolean => aqi <= 100;
