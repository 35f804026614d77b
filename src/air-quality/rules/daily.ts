// HJ 663-2013 / GB 3095-2012 表4: daily values from hourly concentrations, with the data-validity rules.
import { divRoundHalfEven, toMilli } from './decimal.js';
import { DECIMALS, POLLUTANTS, type Pollutant } from './pollutants.js';
import type { AirRuleSet } from './rule-sets.js';

/** Pollutants whose daily value is the 24-hour mean. */
export const DAILY_MEAN_POLLUTANTS = ['so2', 'no2', 'co', 'pm10', 'pm25'] as const satisfies readonly Pollutant[];
export type DailyMeanPollutant = (typeof DAILY_MEAN_POLLUTANTS)[number];

/** The mean of `count` values summing to `sum`, rounded as reported (GB/T 8170, half to even). */
export function roundedMean(pollutant: Pollutant, sum: number, count: number): number {
  const decimals = DECIMALS[pollutant];
  return divRoundHalfEven(toMilli(sum), count * (1000 / 10 ** decimals)) / 10 ** decimals;
}

/**
 * GB 3095-2012 表4: a 24-hour mean needs at least 20 hourly values in the natural day; else null.
 * `sum` and `count` are over the valid hours only.
 */
export function computeDailyMean(pollutant: DailyMeanPollutant, sum: number, count: number, rules: AirRuleSet): number | null {
  if (count < rules.limits.validity.minHoursPerDay) return null;
  return roundedMean(pollutant, sum, count);
}

export interface OzoneDay {
  /** 日最大1小时平均 (HJ 633-2012 daily report), null when fewer than 20 valid hours. */
  max1h: number | null;
  /** 日最大8小时滑动平均 (MDA8), null when not valid. */
  max8h: number | null;
  /** 8-hour windows with at least 6 valid hours. */
  validWindows: number;
  validHours: number;
}

/**
 * HJ 663-2013 臭氧日最大8小时平均: the largest of the 8-hour moving means whose windows start at 00…16
 * (so they lie within the natural day); each window needs ≥ 6 valid hours (GB 3095-2012 表4), the day
 * ≥ 14 valid windows, unless the largest exceeds the 8-hour limit, which counts regardless.
 * That exception is HJ 663-2013's own rule for the validity of one daily value (its wording (unconfirmed)):
 * the day's value is then valid, not a partial one. It is not carried over to period statistics: an annual
 * statistic from too few days is not assessable whatever its value (statistics.ts checkAttainment).
 * `hours[h]` is the value of the hour starting at h:00, null when missing or invalid.
 */
export function computeOzoneDay(hours: readonly (number | null)[], rules: AirRuleSet): OzoneDay {
  const { o3WindowStartHours: w, o3MinValidWindows, o3ValidIfAboveLimit } = rules.evaluation;
  const { minHoursPerEightHours, minHoursPerDay } = rules.limits.validity;
  // Prefix sums of the valid hours' values (in thousandths) and counts: each window is a difference.
  const sum = new Array<number>(25).fill(0);
  const cnt = new Array<number>(25).fill(0);
  let maxMilli = -1;
  for (let h = 0; h < 24; h++) {
    const v = hours[h];
    const valid = v !== null && v !== undefined;
    const m = valid ? toMilli(v) : 0;
    if (valid && m > maxMilli) maxMilli = m;
    sum[h + 1] = sum[h]! + m;
    cnt[h + 1] = cnt[h]! + (valid ? 1 : 0);
  }
  const validHours = cnt[24]!;
  let validWindows = 0;
  let max8h: number | null = null;
  for (let start = w.first; start <= w.last; start++) {
    const n = cnt[start + 8]! - cnt[start]!;
    if (n < minHoursPerEightHours) continue;
    validWindows++;
    const mean = divRoundHalfEven(sum[start + 8]! - sum[start]!, n * 1000);
    if (max8h === null || mean > max8h) max8h = mean;
  }
  const enough = validWindows >= o3MinValidWindows;
  const countsAnyway = o3ValidIfAboveLimit && max8h !== null && max8h > rules.limits.gradeII.o3EightHour;
  return {
    max1h: validHours >= minHoursPerDay ? divRoundHalfEven(maxMilli, 1000) : null,
    max8h: enough || countsAnyway ? max8h : null,
    validWindows, validHours,
  };
}

export interface DailyValues {
  so2: number | null; no2: number | null; co: number | null; pm10: number | null; pm25: number | null;
  o3_1h: number | null; o3_8h: number | null;
  validHours: Record<Pollutant, number>;
}

/** Daily values of one station-day from its 24 hourly values per pollutant (null = missing or invalid). */
export function computeDailyValues(hours: Record<Pollutant, readonly (number | null)[]>, rules: AirRuleSet): DailyValues {
  const validHours = Object.fromEntries(POLLUTANTS.map((p) => [p, 0])) as Record<Pollutant, number>;
  const out: Partial<DailyValues> = {};
  for (const p of DAILY_MEAN_POLLUTANTS) {
    let sum = 0;
    let n = 0;
    for (const v of hours[p]) if (v !== null && v !== undefined) { sum += v; n++; }
    validHours[p] = n;
    out[p] = computeDailyMean(p, sum, n, rules);
  }
  const o3 = computeOzoneDay(hours.o3, rules);
  validHours.o3 = o3.validHours;
  return { ...(out as Omit<DailyValues, 'o3_1h' | 'o3_8h' | 'validHours'>), o3_1h: o3.max1h, o3_8h: o3.max8h, validHours };
}
