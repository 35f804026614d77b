// Issue 18 rewrote the hot loops of some rules for speed (computeAqi's maximum and primary pollutants,
// computeAreaDay's single pass, checkDataCompleteness for a month, isCivilDate's memo, checkHourlyInput's
// flag and number paths). Each is held here against its previous implementation on random data.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../platform/random.js';
import { computeAqi, computeIaqi, aqiLevel, type AqiReport } from './aqi.js';
import { computeAreaDay, type StationDay } from './areas.js';
import { roundedMean } from './daily.js';
import { toMilli } from './decimal.js';
import { checkHourlyInput, DATA_FLAGS, isCivilDate, MAX_CONCENTRATION, type HourlyInput } from './hourly-record.js';
import { AQI_METRICS, METRIC_POLLUTANT, POLLUTANT_BIT, POLLUTANTS, type AqiMetric, type Concentrations, type Pollutant } from './pollutants.js';
import { airRuleSetFor, HJ633_2012, HJ633_2026, GB3095_2012 } from './rule-sets.js';
import { checkDataCompleteness } from './statistics.js';
import type { AqiStandard } from './standards/hj633.js';

const random = createRandom(18);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)]!;

/** computeAqi before issue 18. */
function computeAqiBefore(c: Concentrations, metrics: readonly AqiMetric[], std: AqiStandard): AqiReport {
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
  const values = Object.values(iaqi) as number[];
  const aqi = values.length ? Math.max(...values) : null;
  const primaryMetrics = aqi !== null && aqi > 50 ? (Object.keys(iaqi) as AqiMetric[]).filter((m) => iaqi[m] === aqi) : [];
  const primaryPollutants = [...new Set(primaryMetrics.map((m) => METRIC_POLLUTANT[m]))];
  const exceedingMetrics = std.reportsExceedingPollutants ? (Object.keys(iaqi) as AqiMetric[]).filter((m) => iaqi[m]! > 100) : [];
  return {
    standard: std.id, aqi, iaqi, primaryMetrics, primaryPollutants, exceedingMetrics,
    level: aqi === null ? null : aqiLevel(aqi, std), complete, substitutions,
  };
}

const AREA_KEYS = ['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_1h', 'o3_8h'] as const;
/** computeAreaDay's means before issue 18 (one loop per key). */
function areaMeansBefore(days: readonly StationDay[]) {
  const v = {} as Record<(typeof AREA_KEYS)[number], number | null>;
  for (const k of AREA_KEYS) {
    let sum = 0;
    let n = 0;
    for (const d of days) { const x = d[k]; if (x !== null) { sum += toMilli(x) / 1000; n++; } }
    v[k] = n ? roundedMean(k === 'o3_1h' || k === 'o3_8h' ? 'o3' : k, sum, n) : null;
  }
  return v;
}

/** checkDataCompleteness before issue 18. */
function completenessBefore(dates: readonly string[], kind: 'year' | 'month' | 'other', period?: string): boolean {
  const v = GB3095_2012.validity;
  const monthMin = (month: string) => (month.endsWith('-02') ? v.minDaysInFebruary : v.minDaysPerMonth);
  if (kind === 'other') return true;
  const byMonth = new Map<string, number>();
  for (const d of dates) byMonth.set(d.slice(0, 7), (byMonth.get(d.slice(0, 7)) ?? 0) + 1);
  if (kind === 'month') {
    const month = period ?? dates[0]?.slice(0, 7) ?? '';
    return (byMonth.get(month) ?? 0) >= monthMin(month);
  }
  if (dates.length < v.minDaysPerYear) return false;
  const year = period ?? dates[0]!.slice(0, 4);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if ((byMonth.get(month) ?? 0) < monthMin(month)) return false;
  }
  return true;
}

/** isCivilDate and checkHourlyInput before issue 18. */
function isCivilDateBefore(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function checkHourlyInputBefore(input: HourlyInput, stationIdOf: (code: string) => number | undefined, today: string) {
  const problems: { field: string; code: string }[] = [];
  const stationId = stationIdOf(String(input.stationCode ?? '').trim());
  if (stationId === undefined) problems.push({ field: 'stationCode', code: input.stationCode ? 'STATION_UNKNOWN' : 'REQUIRED' });
  const date = String(input.date ?? '').trim();
  if (!isCivilDateBefore(date)) problems.push({ field: 'date', code: date ? 'DATE_INVALID' : 'REQUIRED' });
  else if (date > today) problems.push({ field: 'date', code: 'DATE_IN_FUTURE' });
  const hour = typeof input.hour === 'number' ? input.hour : String(input.hour ?? '').trim() === '' ? NaN : Number(input.hour);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) problems.push({ field: 'hour', code: 'HOUR_INVALID' });
  const values = {} as Record<Pollutant, number | null>;
  let invalidMask = 0;
  for (const p of POLLUTANTS) {
    const raw = input.values[p];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    let value: number | null = null;
    if (text !== '') {
      const n = Number(text);
      if (!Number.isFinite(n)) problems.push({ field: p, code: 'NUMBER_EXPECTED' });
      else if (n < 0 || n > MAX_CONCENTRATION[p]) problems.push({ field: p, code: 'CONCENTRATION_OUT_OF_RANGE' });
      else value = Math.round(n * 1000) / 1000;
    }
    values[p] = value;
    const flag = String(input.flags?.[p] ?? '').trim().toUpperCase() || 'N';
    if (!(DATA_FLAGS as readonly string[]).includes(flag)) problems.push({ field: `${p}Flag`, code: 'DATA_FLAG_UNKNOWN' });
    else if (flag !== 'N' && value !== null) invalidMask |= POLLUTANT_BIT[p];
  }
  if (problems.length) return { problems };
  return { record: { stationId: stationId!, observedOn: date, hour, values, invalidMask } };
}

const concentration = (p: Pollutant): number => {
  const top = p === 'co' ? 200 : p === 'so2' ? 3000 : 1200;
  const x = random.next() < 0.3 ? random.next() * 120 : random.next() * top;
  return Math.round(x * (p === 'co' ? 1000 : pick([1, 10, 1000]))) / (p === 'co' ? 1000 : pick([1, 10, 1000]));
};

describe('issue 18 fast paths equal their previous implementations (random data)', () => {
  it('computeAqi: daily and hourly reports, both standards, missing and out-of-table values', () => {
    for (let i = 0; i < 20_000; i++) {
      const std = pick([HJ633_2012, HJ633_2026]);
      const metrics = pick([std.dailyMetrics, std.hourlyMetrics, AQI_METRICS]);
      const c: Concentrations = {};
      for (const m of AQI_METRICS) {
        const r = random.next();
        c[m] = r < 0.1 ? null : r < 0.15 ? undefined : r < 0.2 ? 0 : concentration(METRIC_POLLUTANT[m]);
      }
      expect(computeAqi(c, metrics, std)).toEqual(computeAqiBefore(c, metrics, std));
    }
  });

  it('computeAreaDay: the same means from one pass over the stations', () => {
    for (let i = 0; i < 5_000; i++) {
      const on = pick(['2021-07-01', '2026-03-01', '2026-02-28']);
      const days: StationDay[] = Array.from({ length: 1 + Math.floor(random.next() * 12) }, (_, k) => {
        const v = (p: Pollutant) => (random.next() < 0.15 ? null : concentration(p));
        return { stationId: k + 1, on, so2: v('so2'), no2: v('no2'), co: v('co'), pm10: v('pm10'), pm25: v('pm25'), o3_1h: v('o3'), o3_8h: v('o3') };
      });
      const day = computeAreaDay(on, days);
      const before = areaMeansBefore(days);
      for (const k of AREA_KEYS) expect(day[k]).toBe(before[k]);
      expect(day.report).toEqual(computeAqiBefore({
        so2_24h: before.so2, no2_24h: before.no2, co_24h: before.co, pm10_24h: before.pm10, pm25_24h: before.pm25, o3_1h: before.o3_1h, o3_8h: before.o3_8h,
      }, airRuleSetFor(on).aqi.dailyMetrics, airRuleSetFor(on).aqi));
    }
  });

  it('checkDataCompleteness: months and years with gaps, other months mixed in', () => {
    const rules = airRuleSetFor('2021-01-01');
    for (let i = 0; i < 3_000; i++) {
      const year = pick(['2020', '2021']);
      const dates: string[] = [];
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 28; d++) if (random.next() < pick([0.85, 0.95, 1])) dates.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      const month = `${year}-${String(1 + Math.floor(random.next() * 12)).padStart(2, '0')}`;
      const subset = random.next() < 0.5 ? dates.filter((d) => d.startsWith(month) || random.next() < 0.05) : dates.filter((d) => d.startsWith(month));
      for (const [list, kind, period] of [[subset, 'month', month], [subset, 'month', undefined], [dates, 'year', year], [[], 'month', undefined]] as const) {
        expect(checkDataCompleteness(list, kind, rules, period)).toBe(completenessBefore(list, kind, period));
      }
    }
  });

  it('checkHourlyInput and isCivilDate: good and bad rows, repeated dates, numbers and text', () => {
    const stations = new Map([['370600051', 7], ['370600052', 8]]);
    const dates = ['2021-01-01', '2021-01-01', '2020-02-29', '2021-02-29', '2021-13-01', ' 2021-03-04 ', '2021-3-4', '', '2099-01-01', '2021-01-01x'];
    const texts = ['', ' ', '12', ' 12.5 ', '0.0005', '1e2', 'abc', '-1', '20000', 'NaN', 'Infinity'];
    const flags = ['', ' ', 'N', 'n', 'M', ' d ', 'Q', 'NN', null, undefined];
    for (let i = 0; i < 20_000; i++) {
      const values: HourlyInput['values'] = {};
      const f: NonNullable<HourlyInput['flags']> = {};
      for (const p of POLLUTANTS) {
        const r = random.next();
        values[p] = r < 0.4 ? pick(texts) : r < 0.8 ? concentration(p) : r < 0.9 ? null : pick([Number.NaN, -3, 1e9, undefined]);
        f[p] = pick(flags);
      }
      const input: HourlyInput = {
        stationCode: pick(['370600051', ' 370600052 ', 'X', '']), date: pick(dates), hour: pick([0, 5, 23, 24, -1, 1.5, '7', ' 8 ', '', 'x']),
        values, ...(random.next() < 0.9 ? { flags: f } : {}),
      };
      expect(checkHourlyInput(input, (c) => stations.get(c), '2021-12-31')).toEqual(checkHourlyInputBefore(input, (c) => stations.get(c), '2021-12-31'));
      const d = pick(dates);
      expect(isCivilDate(d)).toBe(isCivilDateBefore(d));
    }
  });
});
