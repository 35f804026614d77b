import { describe, expect, it } from 'vitest';
import { checkAttainment, checkDataCompleteness, computeGoodDayRatio, computeMean, computePercentile, computePeriodStatistics, type DayValues } from './statistics.js';
import { airRuleSetFor } from './rule-sets.js';

const rules = airRuleSetFor('2020-06-01');

function dates(year: number, perMonth: (month: number) => number): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) for (let d = 1; d <= perMonth(m); d++) out.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  return out;
}

describe('HJ 663-2013 百分位数: k = 1 + (n−1)·p/100, interpolated between X_s and X_s+1', () => {
  it('interpolates and rounds: [1..10] → 90th 9.1 → 9, 95th 9.55 → 10', () => {
    const v = [10, 3, 5, 1, 2, 4, 6, 7, 8, 9];
    expect(computePercentile('pm25', v, 90)).toBe(9);
    expect(computePercentile('pm25', v, 95)).toBe(10);
    expect(computePercentile('pm25', v, 50)).toBe(6); // 5.5 → 6 (half to even)
  });
  it('keeps CO to 0.1 mg/m³: [0.5, 0.7, 1.1, 1.9] 95th = 1.1 + 0.8·0.85 = 1.78 → 1.8', () => {
    expect(computePercentile('co', [1.9, 0.5, 1.1, 0.7], 95)).toBe(1.8);
  });
  it('one value is its own percentile; none gives null', () => {
    expect(computePercentile('o3', [123], 90)).toBe(123);
    expect(computePercentile('o3', [], 90)).toBeNull();
  });
  it('names 98th for SO2/NO2, 95th for PM10/PM2.5/CO, 90th for O3 (daily max 8-hour)', () => {
    expect(rules.evaluation.percentile).toEqual({ so2: 98, no2: 98, pm10: 95, pm25: 95, co: 95, o3: 90 });
  });
  it('means round half to even', () => {
    expect(computeMean('pm10', [52, 53])).toBe(52);
    expect(computeMean('pm10', [53, 54])).toBe(54);
  });
});

describe('GB 3095-2012 表4: ≥ 324 daily values a year, ≥ 27 a month (≥ 25 in February)', () => {
  it('accepts a full year and the minimum', () => {
    expect(checkDataCompleteness(dates(2020, () => 28), 'year', rules, '2020')).toBe(true); // 336
    expect(checkDataCompleteness(dates(2020, (m) => (m === 2 ? 25 : 27)), 'year', rules, '2020')).toBe(false); // 322 < 324
    expect(checkDataCompleteness(dates(2020, (m) => (m === 2 ? 25 : m <= 2 ? 27 : 27 + (m <= 3 ? 2 : 0))), 'year', rules, '2020')).toBe(true); // 324
  });
  it('refuses a year with one short month even above 324 days', () => {
    expect(checkDataCompleteness(dates(2020, (m) => (m === 5 ? 26 : 31)), 'year', rules, '2020')).toBe(false);
  });
  it('February needs 25, other months 27', () => {
    expect(checkDataCompleteness(dates(2021, () => 25).filter((d) => d.startsWith('2021-02')), 'month', rules, '2021-02')).toBe(true);
    expect(checkDataCompleteness(dates(2021, () => 26).filter((d) => d.startsWith('2021-03')), 'month', rules, '2021-03')).toBe(false);
  });
});

describe('GB 3095-2012 表1 grade II attainment and the share of good days', () => {
  const year = (pm25: number, o3: number): DayValues[] => dates(2020, (m) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!).map((on) => ({
    on, so2: 8, no2: 28, co: 0.8, pm10: 53, pm25, o3_8h: o3, aqi: 60, aqiComplete: true,
  }));

  it('attains when every statistic is at most its limit (PM2.5 annual 35, O3 90th 160)', () => {
    const stats = computePeriodStatistics(year(35, 160), rules, 'year', '2020');
    expect(stats.pollutants.pm25).toMatchObject({ mean: 35, percentile: 35, complete: true, validDays: 366 });
    expect(checkAttainment(stats, rules).attains).toBe(true);
  });

  it('fails on the annual mean (PM2.5 36) or on the percentile (O3 161)', () => {
    const a = checkAttainment(computePeriodStatistics(year(36, 150), rules, 'year', '2020'), rules);
    expect(a.attains).toBe(false);
    expect(a.pollutants.pm25.checks).toContainEqual({ statistic: 'annual_mean', value: 36, limit: 35, valid: true, exceeds: true });
    const b = checkAttainment(computePeriodStatistics(year(30, 161), rules, 'year', '2020'), rules);
    expect(b.pollutants.o3).toMatchObject({ attains: false, checks: [{ statistic: 'percentile', value: 161, limit: 160, valid: true, exceeds: true }] });
    expect(b.citation).toMatchObject({ law: 'GB 3095-2012 环境空气质量标准', article: '表1' });
  });

  it('is undetermined (null) when the data are incomplete and nothing fails', () => {
    const stats = computePeriodStatistics(year(30, 150).slice(0, 300), rules, 'year', '2020');
    expect(checkAttainment(stats, rules).attains).toBeNull();
  });

  it('GB 3095-2012 表4: a statistic from too few days is not assessable (null) even when it already exceeds the limit', () => {
    // 300 days < 324: PM2.5 annual mean 50 > 35 and O3 90th 200 > 160, yet neither is a valid statistic.
    const stats = computePeriodStatistics(year(50, 200).slice(0, 300), rules, 'year', '2020');
    expect(stats.pollutants.pm25).toMatchObject({ mean: 50, complete: false, validDays: 300 });
    const a = checkAttainment(stats, rules);
    expect(a.pollutants.pm25).toEqual({ attains: null, checks: [
      { statistic: 'annual_mean', value: 50, limit: 35, valid: false, exceeds: null },
      { statistic: 'percentile', value: 50, limit: 75, valid: false, exceeds: null },
    ] });
    expect(a.pollutants.o3).toMatchObject({ attains: null, checks: [{ statistic: 'percentile', value: 200, valid: false, exceeds: null }] });
    expect(a.attains).toBeNull();
  });

  it('GB 3095-2012 表4 per pollutant: one short pollutant is not assessable while a valid one still fails the area', () => {
    const days = year(50, 150).map((d, i) => (i % 3 === 0 ? { ...d, so2: null } : d)); // SO2 on 244 days only
    const a = checkAttainment(computePeriodStatistics(days, rules, 'year', '2020'), rules);
    expect(a.pollutants.so2.attains).toBeNull();
    expect(a.pollutants.pm25).toMatchObject({ attains: false, checks: [{ statistic: 'annual_mean', valid: true, exceeds: true }, { statistic: 'percentile', valid: true, exceeds: false }] });
    expect(a.attains).toBe(false);
  });

  it('GB 3095-2012 表4 monthly: a month one day short of 27 is not assessable, however high its mean', () => {
    const may = year(80, 150).filter((d) => d.on.startsWith('2020-05')).slice(0, 26);
    const a = checkAttainment(computePeriodStatistics(may, rules, 'month', '2020-05'), rules);
    expect(a.pollutants.pm25.attains).toBeNull();
    const full = year(80, 150).filter((d) => d.on.startsWith('2020-05')).slice(0, 27);
    expect(checkAttainment(computePeriodStatistics(full, rules, 'month', '2020-05'), rules).pollutants.pm25.attains).toBe(false);
  });

  it('优良天数比例 counts days with a complete AQI ≤ 100', () => {
    const days: DayValues[] = [60, 100, 101, 40].map((aqi, i) => ({ on: `2020-01-0${i + 1}`, so2: 1, no2: 1, co: 1, pm10: 1, pm25: 1, o3_8h: 1, aqi, aqiComplete: true }));
    days.push({ ...days[0]!, on: '2020-01-05', aqi: 30, aqiComplete: false });
    const s = computePeriodStatistics(days, rules, 'other');
    expect(s).toMatchObject({ goodDays: 3, validAqiDays: 4, goodDayRatio: 75 });
    expect(computeGoodDayRatio(334, 366)).toBe(91.3);
    expect(computeGoodDayRatio(0, 0)).toBeNull();
  });
});
