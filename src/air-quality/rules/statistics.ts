// HJ 663-2013 annual and period statistics, GB 3095 attainment, and the share of good days.
import type { Citation } from '../../law/outcome.js';
import { divRoundHalfEven } from './decimal.js';
import { DECIMALS, POLLUTANTS, type Pollutant } from './pollutants.js';
import type { AirRuleSet } from './rule-sets.js';
import { isGoodDay } from './aqi.js';

/** One day of one station or area: the daily values HJ 663 evaluates (O3 = daily max 8-hour). */
export interface DayValues {
  on: string;
  so2: number | null; no2: number | null; co: number | null; pm10: number | null; pm25: number | null;
  o3_8h: number | null;
  /** The day's AQI; only days whose AQI covers every indicator count for the good-day ratio. */
  aqi: number | null;
  aqiComplete: boolean;
}

export const dailyValueOf = (d: DayValues, p: Pollutant): number | null => (p === 'o3' ? d.o3_8h : d[p]);

const scale = (p: Pollutant) => 10 ** DECIMALS[p];

/**
 * HJ 663-2013 百分位数: sort ascending; k = 1 + (n − 1)·p/100; s = ⌊k⌋;
 * m_p = X_s + (X_{s+1} − X_s)·(k − s); rounded as reported. Values are already rounded daily values.
 */
export function computePercentile(pollutant: Pollutant, values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const f = scale(pollutant);
  const xs = values.map((v) => Math.round(v * f)).sort((a, b) => a - b);
  const n = xs.length;
  const k100 = 100 + (n - 1) * p; // k·100
  const s = Math.floor(k100 / 100); // 1-based
  const frac100 = k100 - s * 100;
  const lo = xs[s - 1]!;
  const hi = s < n ? xs[s]! : lo;
  return divRoundHalfEven(lo * 100 + (hi - lo) * frac100, 100) / f;
}

/** Arithmetic mean of rounded values, rounded as reported. */
export function computeMean(pollutant: Pollutant, values: readonly number[]): number | null {
  if (!values.length) return null;
  const f = scale(pollutant);
  const sum = values.reduce((a, v) => a + Math.round(v * f), 0);
  return divRoundHalfEven(sum, values.length) / f;
}

export type PeriodKind = 'year' | 'month' | 'other';

/**
 * GB 3095-2012 表4: an annual statistic needs ≥ 324 daily values a year and ≥ 27 in each month (≥ 25 in
 * February); a monthly one the monthly minimum. Other periods have no minimum.
 */
export function checkDataCompleteness(dates: readonly string[], kind: PeriodKind, rules: AirRuleSet, period?: string): boolean {
  const v = rules.limits.validity;
  const monthMin = (month: string) => (month.endsWith('-02') ? v.minDaysInFebruary : v.minDaysPerMonth);
  if (kind === 'other') return true;
  if (kind === 'month') {
    const month = period ?? dates[0]?.slice(0, 7) ?? '';
    let n = 0;
    for (const d of dates) if (d.slice(0, 7) === month) n++;
    return n >= monthMin(month);
  }
  const byMonth = new Map<string, number>();
  for (const d of dates) byMonth.set(d.slice(0, 7), (byMonth.get(d.slice(0, 7)) ?? 0) + 1);
  if (dates.length < v.minDaysPerYear) return false;
  const year = period ?? dates[0]!.slice(0, 4);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if ((byMonth.get(month) ?? 0) < monthMin(month)) return false;
  }
  return true;
}

export interface PollutantStatistics {
  validDays: number;
  /** Mean of the daily values (for O3: of the daily max 8-hour values). */
  mean: number | null;
  /** The HJ 663 percentile of the daily values and which one. */
  percentile: number | null;
  percentileRank: number;
  /** Enough valid days for the period (GB 3095-2012 表4). */
  complete: boolean;
}

export interface PeriodStatistics {
  days: number;
  pollutants: Record<Pollutant, PollutantStatistics>;
  goodDays: number;
  /** Days with an AQI over every indicator. */
  validAqiDays: number;
  /** 优良天数比例, percent to 0.1; null without valid days. */
  goodDayRatio: number | null;
}

/** HJ 663-2013 statistics of a period from its daily values. */
export function computePeriodStatistics(days: readonly DayValues[], rules: AirRuleSet, kind: PeriodKind, period?: string): PeriodStatistics {
  const pollutants = {} as Record<Pollutant, PollutantStatistics>;
  for (const p of POLLUTANTS) {
    const valid = days.filter((d) => dailyValueOf(d, p) !== null);
    const values = valid.map((d) => dailyValueOf(d, p)!);
    const rank = rules.evaluation.percentile[p];
    pollutants[p] = {
      validDays: values.length,
      mean: computeMean(p, values),
      percentile: computePercentile(p, values, rank),
      percentileRank: rank,
      complete: values.length > 0 && checkDataCompleteness(valid.map((d) => d.on), kind, rules, period),
    };
  }
  const aqiDays = days.filter((d) => d.aqi !== null && d.aqiComplete);
  const goodDays = aqiDays.filter((d) => isGoodDay(d.aqi!)).length;
  return {
    days: days.length, pollutants, goodDays, validAqiDays: aqiDays.length,
    goodDayRatio: computeGoodDayRatio(goodDays, aqiDays.length),
  };
}

/** 优良天数比例 = good days / valid days, in percent rounded to 0.1 (half to even). */
export function computeGoodDayRatio(goodDays: number, validDays: number): number | null {
  if (validDays === 0) return null;
  return divRoundHalfEven(goodDays * 1000, validDays) / 10;
}

export interface AttainmentCheck {
  statistic: 'annual_mean' | 'percentile';
  value: number;
  limit: number;
  /** Whether the statistic rests on enough data (GB 3095 表4); a statistic that does not is not compared. */
  valid: boolean;
  /** null when the statistic is not valid: a partial value is not compared with the limit. */
  exceeds: boolean | null;
}
export interface PollutantAttainment {
  /** null (不可评价) when the data are not enough for a valid statistic, whatever the partial value. */
  attains: boolean | null;
  checks: AttainmentCheck[];
}
export interface Attainment {
  pollutants: Record<Pollutant, PollutantAttainment>;
  /**
   * The area attains when all six pollutants attain; fails when a valid statistic of any pollutant exceeds;
   * null when none fails and any is not assessable.
   */
  attains: boolean | null;
  citation: Citation;
}

/**
 * GB 3095-2012 表1 with HJ 663-2013 年评价: a pollutant attains (达标) when each of its statistics is at
 * most its grade II limit: the annual mean (SO2, NO2, PM10, PM2.5) against the annual limit, the
 * percentile of the daily values against the 24-hour limit (O3: against the 8-hour limit).
 * GB 3095-2012 表4 (污染物浓度数据有效性的最低要求): a statistic formed from fewer daily values than 表4
 * requires is not valid, so it is not compared with the limit at all: the pollutant is not assessable
 * (null) even when the partial value already exceeds the limit (the missing days could not lower a mean
 * below it, but the standard gives no such exception for annual statistics, and a percentile can move
 * either way). The same minimum applies to CO and O3 percentiles (HJ 663-2013 uses 表4 for every 年评价
 * statistic: (unconfirmed)).
 */
export function checkAttainment(stats: PeriodStatistics, rules: AirRuleSet): Attainment {
  const limits = rules.limits.gradeII;
  const pollutants = {} as Record<Pollutant, PollutantAttainment>;
  for (const p of POLLUTANTS) {
    const s = stats.pollutants[p];
    const checks: AttainmentCheck[] = [];
    const check = (statistic: AttainmentCheck['statistic'], value: number, limit: number): AttainmentCheck =>
      ({ statistic, value, limit, valid: s.complete, exceeds: s.complete ? value > limit : null });
    const annualLimit = limits.annual[p];
    if (rules.evaluation.annualMean.includes(p) && annualLimit !== undefined && s.mean !== null) {
      checks.push(check('annual_mean', s.mean, annualLimit));
    }
    const dailyLimit = p === 'o3' ? limits.o3EightHour : limits.daily[p];
    if (dailyLimit !== undefined && s.percentile !== null) checks.push(check('percentile', s.percentile, dailyLimit));
    pollutants[p] = { attains: !s.complete || !checks.length ? null : !checks.some((c) => c.exceeds), checks };
  }
  const results = POLLUTANTS.map((p) => pollutants[p].attains);
  const attains = results.includes(false) ? false : results.includes(null) ? null : true;
  return { pollutants, attains, citation: rules.limits.citation };
}
