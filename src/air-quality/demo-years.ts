// Calendar years of demo hourly data for the urban-area (市区) stations, as import rows (the same HourlyInput the
// import page and API take), whose HJ 663-2013 annual evaluation values of the city land exactly on given targets:
// PM10 and PM2.5 annual means, O3 daily max 8-hour 90th percentile (the seed's year-on-year improvements).
// Realistic: PM high in winter (with a spring dust episode for PM10), O3 high in early summer and in the
// afternoon, a city-wide weather factor shared by the stations, station biases, hourly noise, missing hours,
// flagged values (HJ 212 data flags) and a two-day outage per station. Deterministic: a station's series depends
// on its code, the year and the seed only.
import { createRandom, type Random } from '../platform/random.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import { planStations } from './demo.js';
import { computeDailyMean, computeOzoneDay, roundedMean } from './rules/daily.js';
import { toMilli } from './rules/decimal.js';
import { POLLUTANTS, type Pollutant } from './rules/pollutants.js';
import { airRuleSetFor } from './rules/rule-sets.js';
import { computeMean, computePercentile } from './rules/statistics.js';
import type { HourlyInput } from './rules/hourly-record.js';
import type { StationFields } from './rules/stations.js';

/** The evaluation values the seed compares (HJ 663-2013 年评价): PM annual means, O3 MDA8 90th percentile. */
export type YearStatistic = 'pm10' | 'pm25' | 'o3';
export type YearTargets = Record<YearStatistic, number>;

type Division = Awaited<ReturnType<typeof listDistrictsWithTownships>>[number];

/**
 * The urban-area national stations (国控点) of the demo bureau: the same codes, names and positions as the
 * full demo's (seedAirDemo plans them first with the same seed), so either can come first.
 */
export function planUrbanStations(divisions: readonly Division[]): StationFields[] {
  return planStations(divisions, 30, createRandom(20201231)).filter((s) => s.level === 'national');
}

/** Levels before the calibrated factor: annual-mean-like µg/m³ (CO mg/m³); SO2, NO2, CO are not calibrated. */
const BASE: Record<Pollutant, number> = { so2: 9, no2: 26, co: 0.7, o3: 72, pm10: 55, pm25: 31 };
/** Hourly values are reported as integers (CO to 0.1 mg/m³), as the stations publish them. */
const STEP: Record<Pollutant, number> = { so2: 1, no2: 1, co: 0.1, o3: 1, pm10: 1, pm25: 1 };
const CALIBRATED: readonly YearStatistic[] = ['pm10', 'pm25', 'o3'];

function gaussian(random: Random): number {
  const u = Math.max(1e-12, random.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
const hashCode = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const addDays = (on: string, n: number) => new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface StationSeries {
  code: string;
  /** Unscaled level per pollutant, hour by hour over the year (index day·24 + hour). */
  level: Record<Pollutant, Float64Array>;
  /** 0 = measured, 1 = no record for the hour (outage or transmission loss); per pollutant 2 = flagged (not N). */
  absent: Uint8Array;
  flagged: Record<Pollutant, Uint8Array>;
}

export interface AirYearPlan {
  year: number;
  dates: string[];
  factors: Record<YearStatistic, number>;
  /** The city's evaluation values the rows give (computed with the platform's rules). */
  statistics: YearTargets;
  /** Import rows of one month (YYYY-MM), station by station. */
  rowsOfMonth(month: string): HourlyInput[];
  /** Hourly records (rows) per station code and month, to compare with what the database holds. */
  hoursPerStationMonth(): Map<string, number>;
}

function buildSeries(codes: readonly string[], year: number, seed: number): { dates: string[]; stations: StationSeries[] } {
  const dates: string[] = [];
  for (let on = `${year}-01-01`; on.startsWith(String(year)); on = addDays(on, 1)) dates.push(on);
  const n = dates.length;
  const city = createRandom(seed * 1_000 + year);
  // City-wide weather: a stagnation factor per day (AR(1); high = poor dispersion) and an ozone-weather factor.
  const stagnation: number[] = [];
  const sunshine: number[] = [];
  let w = 0;
  let s = 0;
  for (let d = 0; d < n; d++) {
    w = 0.7 * w + 0.42 * gaussian(city);
    s = 0.6 * s + 0.45 * gaussian(city);
    stagnation.push(Math.exp(w * 0.5));
    sunshine.push(Math.exp(s * 0.18));
  }
  // A spring dust episode (沙尘) raises PM10 for three days in March or April.
  const dustStart = 60 + city.int(5, 50);
  const stations = codes.map((code) => {
    const r = createRandom((hashCode(code) ^ (seed * 7919 + year)) >>> 0);
    const bias = Object.fromEntries(POLLUTANTS.map((p) => [p, 0.9 + r.next() * 0.2])) as Record<Pollutant, number>;
    const level = Object.fromEntries(POLLUTANTS.map((p) => [p, new Float64Array(n * 24)])) as Record<Pollutant, Float64Array>;
    const flagged = Object.fromEntries(POLLUTANTS.map((p) => [p, new Uint8Array(n * 24)])) as Record<Pollutant, Uint8Array>;
    const absent = new Uint8Array(n * 24);
    const outage = r.int(20, n - 25);
    for (let d = 0; d < n; d++) {
      const winter = Math.cos(((d - 10) / n) * 2 * Math.PI); // +1 in January, −1 in July
      const summer = Math.cos(((d - 160) / n) * 2 * Math.PI); // +1 in early June
      const dust = d >= dustStart && d < dustStart + 3 ? [2.4, 3.1, 1.8][d - dustStart]! : 1;
      for (let h = 0; h < 24; h++) {
        const i = d * 24 + h;
        // Transmission losses (about 1 % of hours) and a two-day maintenance outage: no record at all.
        if ((d >= outage && d < outage + 2) || r.chance(0.009)) { absent[i] = 1; continue; }
        for (const p of POLLUTANTS) {
          let v: number;
          if (p === 'o3') {
            const diurnal = Math.max(0.2, 0.65 + 0.75 * Math.sin(((h - 9) / 24) * 2 * Math.PI));
            v = BASE.o3 * (1 + 0.42 * summer) * diurnal * sunshine[d]! * (1 - 0.15 * (stagnation[d]! - 1));
          } else {
            const seasonal = 1 + (p === 'so2' || p === 'co' ? 0.5 : p === 'no2' ? 0.28 : 0.36) * winter;
            const diurnal = p === 'no2' || p === 'co' ? 1 + 0.22 * Math.cos(((h - 8) / 12) * 2 * Math.PI) : 1 + 0.12 * Math.cos(((h - 21) / 24) * 2 * Math.PI);
            v = BASE[p] * seasonal * diurnal * stagnation[d]! * (p === 'pm10' ? dust : p === 'pm25' ? Math.sqrt(dust) : 1);
          }
          level[p][i] = Math.max(0, v * bias[p] * Math.exp(0.12 * gaussian(r)));
          // A value marked by the analyser (calibration, maintenance): kept in the record, never in a statistic.
          if (r.chance(0.003)) flagged[p][i] = 1;
        }
      }
    }
    return { code, level, absent, flagged };
  });
  return { dates, stations };
}

/** The reported hourly value of an unscaled level under a factor (never 0: below detection shows the step). */
function valueOf(p: Pollutant, level: number, factor: number): number {
  const step = STEP[p];
  const v = Math.round((level * factor) / step) * step;
  return Math.max(step, Math.round(v * 10) / 10);
}

/** The city's annual value of one pollutant under a factor: station days, city days (HJ 663 means), then the year. */
function cityStatistic(p: YearStatistic, series: { dates: string[]; stations: StationSeries[] }, factor: number): number | null {
  const rules = airRuleSetFor(series.dates[0]!);
  const cityDays: number[] = [];
  const hours: (number | null)[] = new Array(24);
  for (let d = 0; d < series.dates.length; d++) {
    let sum = 0;
    let count = 0;
    for (const st of series.stations) {
      let daily: number | null;
      let any = false;
      if (p === 'o3') {
        for (let h = 0; h < 24; h++) {
          const i = d * 24 + h;
          any ||= !st.absent[i];
          hours[h] = st.absent[i] || st.flagged.o3[i] ? null : valueOf('o3', st.level.o3[i]!, factor);
        }
        daily = computeOzoneDay(hours, rules).max8h;
      } else {
        let s = 0;
        let n = 0;
        for (let h = 0; h < 24; h++) {
          const i = d * 24 + h;
          any ||= !st.absent[i];
          if (st.absent[i] || st.flagged[p][i]) continue;
          s += valueOf(p, st.level[p][i]!, factor);
          n++;
        }
        daily = computeDailyMean(p, s, n, rules);
      }
      if (!any || daily === null) continue;
      sum += toMilli(daily) / 1000;
      count++;
    }
    if (count) cityDays.push(roundedMean(p, sum, count));
  }
  return p === 'o3' ? computePercentile('o3', cityDays, rules.evaluation.percentile.o3) : computeMean(p, cityDays);
}

/**
 * The factor for which the city's value is exactly `target`. The value never falls as the factor grows (each
 * rounding and mean is monotone, the missing hours do not depend on it) and moves in steps finer than its
 * reporting unit, so bisection finds it.
 */
function calibrate(p: YearStatistic, series: { dates: string[]; stations: StationSeries[] }, target: number): number {
  let lo = 0.2;
  let hi = 4;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    const got = cityStatistic(p, series, mid);
    if (got === target) return mid;
    if (got === null || got < target) lo = mid; else hi = mid;
  }
  throw new Error(`air demo: no factor gives the city's ${p} value ${target}`);
}

/**
 * Plans a calendar year of hourly rows for the stations whose city values are exactly `targets`; `otherFactor`
 * scales SO2, NO2 and CO (e.g. 1.06 for a year before the improvement).
 */
export function planAirYear(stationCodes: readonly string[], year: number, targets: YearTargets, options: { seed?: number; otherFactor?: number } = {}): AirYearPlan {
  const series = buildSeries([...stationCodes].sort(), year, options.seed ?? 2020);
  const factors = Object.fromEntries(CALIBRATED.map((p) => [p, calibrate(p, series, targets[p])])) as Record<YearStatistic, number>;
  const factorOf = (p: Pollutant) => (p === 'pm10' || p === 'pm25' || p === 'o3' ? factors[p] : options.otherFactor ?? 1);
  const statistics = Object.fromEntries(CALIBRATED.map((p) => [p, cityStatistic(p, series, factors[p])])) as YearTargets;
  return {
    year, dates: series.dates, factors, statistics,
    rowsOfMonth(month) {
      const rows: HourlyInput[] = [];
      for (const st of series.stations) {
        for (let d = 0; d < series.dates.length; d++) {
          const date = series.dates[d]!;
          if (!date.startsWith(month)) continue;
          for (let h = 0; h < 24; h++) {
            const i = d * 24 + h;
            if (st.absent[i]) continue;
            const values: HourlyInput['values'] = {};
            const flags: HourlyInput['flags'] = {};
            for (const p of POLLUTANTS) {
              values[p] = valueOf(p, st.level[p][i]!, factorOf(p));
              if (st.flagged[p][i]) flags[p] = i % 2 ? 'C' : 'M';
            }
            rows.push({ stationCode: st.code, date, hour: h, values, flags });
          }
        }
      }
      return rows;
    },
    hoursPerStationMonth() {
      const out = new Map<string, number>();
      for (const st of series.stations) {
        for (let d = 0; d < series.dates.length; d++) {
          const key = `${st.code}|${series.dates[d]!.slice(0, 7)}`;
          let n = 0;
          for (let h = 0; h < 24; h++) if (!st.absent[d * 24 + h]) n++;
          out.set(key, (out.get(key) ?? 0) + n);
        }
      }
      return out;
    },
  };
}
