// Areas (city, district, township) from their stations, and the rankings built on them.
import { computeAqi, type AqiReport } from './aqi.js';
import { computeCompositeIndex, compositeInputs, type CompositeIndex } from './composite.js';
import { roundedMean } from './daily.js';
import { toMilli } from './decimal.js';
import { POLLUTANTS, type Pollutant } from './pollutants.js';
import { rankWithTies } from './ranking.js';
import { airRuleSetFor } from './rule-sets.js';
import { computePeriodStatistics, type DayValues, type PeriodKind, type PeriodStatistics } from './statistics.js';
import type { StationLevel } from './stations.js';

/** Which stations make up an area (HJ 663-2013: a city's value is the mean of its evaluation points). */
export const AREA_STATION_LEVELS: Record<'city' | 'district' | 'township', readonly StationLevel[]> = {
  city: ['national'],
  district: ['national', 'provincial', 'district'],
  township: ['national', 'provincial', 'district', 'township'],
};

/** One station's daily values (air_daily). */
export interface StationDay {
  stationId: number;
  on: string;
  so2: number | null; no2: number | null; co: number | null; pm10: number | null; pm25: number | null;
  o3_1h: number | null; o3_8h: number | null;
}

export interface AreaDay extends DayValues {
  o3_1h: number | null;
  stations: number;
  report: AqiReport;
}

const AREA_KEYS = ['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_1h', 'o3_8h'] as const;
const pollutantOf = (k: (typeof AREA_KEYS)[number]): Pollutant => (k === 'o3_1h' || k === 'o3_8h' ? 'o3' : k);

/**
 * HJ 663-2013: an area's daily value of each pollutant is the arithmetic mean of its stations' valid
 * daily values (rounded as reported); its AQI (HJ 633-2026 县/市 level) follows from those means.
 */
export function computeAreaDay(on: string, days: readonly StationDay[]): AreaDay {
  const rules = airRuleSetFor(on);
  // One pass over the stations, the same additions in the same order per key (issue 18: rankings).
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const d of days) {
    for (let i = 0; i < AREA_KEYS.length; i++) { const x = d[AREA_KEYS[i]!]; if (x !== null) { sums[i]! += toMilli(x) / 1000; counts[i]!++; } }
  }
  const v = {} as Record<(typeof AREA_KEYS)[number], number | null>;
  for (let i = 0; i < AREA_KEYS.length; i++) {
    const k = AREA_KEYS[i]!;
    v[k] = counts[i] ? roundedMean(pollutantOf(k), sums[i]!, counts[i]!) : null;
  }
  const report = computeAqi({ so2_24h: v.so2, no2_24h: v.no2, co_24h: v.co, pm10_24h: v.pm10, pm25_24h: v.pm25, o3_1h: v.o3_1h, o3_8h: v.o3_8h },
    rules.aqi.dailyMetrics, rules.aqi);
  return { on, ...v, aqi: report.aqi, aqiComplete: report.complete, stations: days.length, report };
}

export interface AreaUnit { id: number; name: string; districtId: number; stationIds: readonly number[] }

export const DAILY_METRICS = ['composite', 'aqi', 'pm25'] as const;
export type DailyRankingMetric = (typeof DAILY_METRICS)[number];
export const PERIOD_METRICS = ['composite', 'pm25', 'good_day_ratio'] as const;
export type PeriodRankingMetric = (typeof PERIOD_METRICS)[number];

export interface DailyRankingRow {
  unitId: number; unitName: string; districtId: number; stations: number;
  values: Record<'so2' | 'no2' | 'co' | 'pm10' | 'pm25' | 'o3_1h' | 'o3_8h', number | null>;
  aqi: number | null; level: number | null; category: string | null; colour: string | null; primaryPollutants: Pollutant[];
  composite: CompositeIndex;
  lastYearComposite: number | null;
  value: number | null; rank: number | null; tied: boolean;
}

const groupByStation = (days: readonly StationDay[]) => {
  const m = new Map<number, StationDay[]>();
  for (const d of days) { const list = m.get(d.stationId); if (list) list.push(d); else m.set(d.stationId, [d]); }
  return m;
};

function areaDaysOf(unit: AreaUnit, byStation: Map<number, StationDay[]>): StationDay[] {
  const out: StationDay[] = [];
  for (const id of unit.stationIds) { const list = byStation.get(id); if (list) out.push(...list); }
  return out;
}

/** The composite index of one area-day: its daily values over the same divisors. */
export function dailyComposite(day: AreaDay): CompositeIndex {
  return computeCompositeIndex({ so2: day.so2, no2: day.no2, co: day.co, pm10: day.pm10, pm25: day.pm25, o3: day.o3_8h }, airRuleSetFor(day.on).composite);
}

/**
 * 日排名: each unit's day from its stations, ranked by the metric (composite index and concentrations
 * ascending; ties share a rank). `lastYear` holds the station days of the same date a year earlier.
 */
export function buildDailyRanking(on: string, units: readonly AreaUnit[], days: readonly StationDay[], lastYear: readonly StationDay[], metric: DailyRankingMetric = 'composite'): DailyRankingRow[] {
  const byStation = groupByStation(days);
  const lastByStation = groupByStation(lastYear);
  const rows = units.map((u) => {
    const own = areaDaysOf(u, byStation);
    const day = computeAreaDay(on, own);
    const composite = dailyComposite(day);
    const last = areaDaysOf(u, lastByStation);
    const lastYearComposite = last.length ? dailyComposite(computeAreaDay(last[0]!.on, last)).index : null;
    const value = metric === 'composite' ? composite.index : metric === 'aqi' ? day.aqi : day.pm25;
    return {
      unitId: u.id, unitName: u.name, districtId: u.districtId, stations: new Set(own.map((d) => d.stationId)).size,
      values: { so2: day.so2, no2: day.no2, co: day.co, pm10: day.pm10, pm25: day.pm25, o3_1h: day.o3_1h, o3_8h: day.o3_8h },
      aqi: day.aqi, level: day.report.level?.level ?? null, category: day.report.level?.categoryZh ?? null, colour: day.report.level?.colour ?? null,
      primaryPollutants: day.report.primaryPollutants, composite, lastYearComposite, value,
    };
  });
  return rankWithTies(rows, (r) => r.value, 'asc').map((r) => ({ ...r.item, rank: r.rank, tied: r.tied }));
}

export interface PeriodRankingRow {
  unitId: number; unitName: string; districtId: number; stations: number;
  statistics: PeriodStatistics;
  composite: CompositeIndex;
  lastYearComposite: number | null;
  value: number | null; rank: number | null; tied: boolean;
}

/** The area's daily series over a period, date by date. */
export function areaSeries(unit: AreaUnit, days: readonly StationDay[] | ReadonlyMap<number, readonly StationDay[]>): AreaDay[] {
  const byStation = days instanceof Map ? days as ReadonlyMap<number, readonly StationDay[]> : groupByStation(days as readonly StationDay[]);
  const byDate = new Map<string, StationDay[]>();
  for (const id of unit.stationIds) {
    for (const d of byStation.get(id) ?? []) {
      const list = byDate.get(d.on);
      if (list) list.push(d); else byDate.set(d.on, [d]);
    }
  }
  return [...byDate.keys()].sort().map((on) => computeAreaDay(on, byDate.get(on)!));
}

/** Period statistics (HJ 663-2013) and composite index of an area over its days. */
export function computeAreaPeriod(series: readonly AreaDay[], kind: PeriodKind, period: string): { statistics: PeriodStatistics; composite: CompositeIndex } {
  const rules = airRuleSetFor(series[0]?.on ?? `${period.slice(0, 7)}-01`.slice(0, 10));
  const statistics = computePeriodStatistics(series, rules, kind, period);
  return { statistics, composite: computeCompositeIndex(compositeInputs(statistics), rules.composite) };
}

/**
 * 月排名 (or any period): each unit's period statistics from its daily series, ranked by the metric:
 * composite index or PM2.5 ascending, good-day ratio descending; ties share a rank.
 */
export function buildPeriodRanking(period: string, kind: PeriodKind, units: readonly AreaUnit[], days: readonly StationDay[], lastYear: readonly StationDay[], metric: PeriodRankingMetric = 'composite'): PeriodRankingRow[] {
  const byStation = groupByStation(days);
  const lastByStation = groupByStation(lastYear);
  const rows = units.map((u) => {
    const series = areaSeries(u, byStation);
    const { statistics, composite } = computeAreaPeriod(series, kind, period);
    const lastSeries = areaSeries(u, lastByStation);
    const lastYearComposite = lastSeries.length ? computeAreaPeriod(lastSeries, kind, lastSeries[0]!.on.slice(0, period.length)).composite.index : null;
    const value = metric === 'composite' ? composite.index : metric === 'pm25' ? statistics.pollutants.pm25.mean : statistics.goodDayRatio;
    const stations = u.stationIds.filter((id) => byStation.has(id)).length;
    return { unitId: u.id, unitName: u.name, districtId: u.districtId, stations, statistics, composite, lastYearComposite, value };
  });
  return rankWithTies(rows, (r) => r.value, metric === 'good_day_ratio' ? 'desc' : 'asc').map((r) => ({ ...r.item, rank: r.rank, tied: r.tied }));
}

export { POLLUTANTS };
