// Demo air-quality data for Yantai: stations across the districts and townships and hourly data with
// realistic seasons, weather episodes and daily cycles, from a deterministic PRNG. Also seeds the
// default trigger rules and, through water-quality, the water sites and samples.
import type { Db, Tx } from '../platform/db/index.js';
import { SYSTEM_ACTOR, appendAudit } from '../platform/audit/log.js';
import { createRandom, type Random } from '../platform/random.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import { airStations, qualityTriggerRules } from './tables.js';
import { insertStation, recomputeDaily, addDays, sameDayLastYear } from './actions.js';
import { upsertHourly } from './queries.js';
import { POLLUTANT_BIT, POLLUTANTS, type Pollutant } from './rules/pollutants.js';
import { civilDateOf, type HourlyRecord } from './rules/hourly-record.js';
import type { StationFields, StationLevel } from './rules/stations.js';
import type { TriggerRuleFields } from './rules/triggers.js';
import { computeDailyValues } from './rules/daily.js';
import { airRuleSetFor } from './rules/rule-sets.js';
import { areaSeries, computeAreaPeriod, type StationDay } from './rules/areas.js';

/** Approximate centres (WGS-84) of Yantai's county-level units, by division code. */
export const COUNTY_CENTRES: Record<string, [number, number]> = {
  '370602': [121.40, 37.54], '370611': [121.27, 37.50], '370612': [121.60, 37.39], '370613': [121.45, 37.47],
  '370614': [120.76, 37.81], '370671': [121.52, 37.44], '370676': [121.25, 37.56], '370681': [120.48, 37.65],
  '370682': [120.71, 36.98], '370683': [119.94, 37.18], '370685': [120.43, 37.36], '370686': [120.85, 37.34],
  '370687': [121.16, 36.78],
};
/** National stations (国控点) per urban unit. */
const NATIONAL: Record<string, number> = { '370602': 2, '370611': 1, '370612': 1, '370613': 1, '370676': 1, '370671': 1 };

type Division = Awaited<ReturnType<typeof listDistrictsWithTownships>>[number];

/** Station fields for `count` stations: national, then one provincial per county city, then district and township stations. */
export function planStations(divisions: readonly Division[], count: number, random: Random): StationFields[] {
  const out: StationFields[] = [];
  const at = (d: Division, spread: number): [number, number] => {
    const [lon, lat] = COUNTY_CENTRES[d.code] ?? [121.0, 37.4];
    return [Math.round((lon + (random.next() - 0.5) * spread) * 1e5) / 1e5, Math.round((lat + (random.next() - 0.5) * spread * 0.8) * 1e5) / 1e5];
  };
  const add = (d: Division, level: StationLevel, name: string, townshipId: number | null, spread: number) => {
    const [longitude, latitude] = at(d, spread);
    out.push({ code: `${d.code}${String(out.length + 1).padStart(3, '0')}`, name, level, districtId: d.id, townshipId, longitude, latitude, active: true });
  };
  const suffix = ['', '二', '三', '四'];
  for (const d of divisions) for (let i = 0; i < (NATIONAL[d.code] ?? 0) && out.length < count; i++) add(d, 'national', `${d.name}${d.townships[i]?.name.replace(/街道$/, '') ?? ''}国控站${suffix[i] ?? ''}`, d.townships[i]?.id ?? null, 0.06);
  for (const d of divisions) if (d.kind === 'county_city' && out.length < count) add(d, 'provincial', `${d.name}省控站`, d.townships[0]?.id ?? null, 0.05);
  for (const d of divisions) if (out.length < count && !NATIONAL[d.code] && d.kind !== 'county_city') add(d, 'district', `${d.name}区控站`, d.townships[0]?.id ?? null, 0.05);
  // Township micro-stations, round-robin over the districts so each district gets its share.
  const queues = divisions.map((d) => d.townships.map((t) => ({ d, t })));
  while (out.length < count && queues.some((q) => q.length)) {
    for (const q of queues) {
      const next = q.length ? q.shift()! : null;
      if (!next || out.length >= count) continue;
      add(next.d, 'township', `${next.t.name}微站`, next.t.id, 0.25);
    }
  }
  // More stations than townships: second stations in the busiest ones.
  for (let i = 0; out.length < count; i++) {
    const d = divisions[i % divisions.length]!;
    const t = d.townships[Math.floor(i / divisions.length) % Math.max(1, d.townships.length)];
    add(d, 'township', `${t?.name ?? d.name}微站${Math.floor(i / divisions.length) + 2}`, t?.id ?? null, 0.25);
  }
  return out.slice(0, count);
}

/** Annual-mean-like base levels (Yantai 2020: PM2.5 30, PM10 53 µg/m³; O3 peak hours ~150). */
const BASE: Record<Pollutant, number> = { so2: 8, no2: 25, co: 0.65, o3: 70, pm10: 53, pm25: 30 };
const DECIMALS: Record<Pollutant, number> = { so2: 0, no2: 0, co: 3, o3: 0, pm10: 0, pm25: 0 };

export interface HourlyGeneratorOptions {
  /** Station ids with their level (micro-stations are noisier). */
  stations: readonly { id: number; level: StationLevel; districtId: number }[];
  from: string;
  days: number;
  seed: number;
  /** Multiplies each pollutant (e.g. last year's worse air). */
  factor?: Partial<Record<Pollutant, number>>;
  missingRate?: number;
  invalidRate?: number;
}

/**
 * Hourly records station by station, day by day (records of one station-day are contiguous). Each
 * station draws from its own stream, so a station's series does not depend on which others are generated.
 */
export function* generateHourly(o: HourlyGeneratorOptions): Generator<HourlyRecord> {
  const random = createRandom(o.seed);
  const missing = o.missingRate ?? 0.01;
  const invalid = o.invalidRate ?? 0.004;
  // City-wide weather: an AR(1) episode factor per day and an ozone-weather factor.
  const weather: number[] = [];
  const sunny: number[] = [];
  let w = 0;
  let s = 0;
  for (let d = 0; d < o.days; d++) {
    w = 0.75 * w + 0.45 * gaussian(random);
    s = 0.6 * s + 0.5 * gaussian(random);
    weather.push(Math.exp(w * 0.45));
    sunny.push(Math.exp(s * 0.25));
  }
  const districtBias = (districtId: number) => 0.85 + createRandom(o.seed * 31 + districtId).next() * 0.3;
  for (const st of o.stations) {
    const r = createRandom(o.seed * 7919 + st.id * 104_729);
    const stationBias = (st.level === 'township' ? 0.85 + r.next() * 0.35 : 0.92 + r.next() * 0.16) * districtBias(st.districtId);
    const noise = st.level === 'township' ? 0.18 : 0.1;
    for (let d = 0; d < o.days; d++) {
      const on = addDays(o.from, d);
      const doy = dayOfYear(on);
      const winter = Math.cos(((doy - 15) / 365) * 2 * Math.PI); // +1 mid-January, −1 mid-July
      for (let h = 0; h < 24; h++) {
        const values = {} as Record<Pollutant, number | null>;
        let mask = 0;
        for (const p of POLLUTANTS) {
          let level: number;
          if (p === 'o3') {
            const summer = 1 - 0.45 * winter;
            const diurnal = Math.max(0.25, Math.sin(((h - 8) / 24) * 2 * Math.PI) * 0.9 + 0.7);
            level = BASE.o3 * summer * diurnal * sunny[d]! * (1 + 0.1 * (1 / weather[d]! - 1));
          } else {
            const seasonal = 1 + (p === 'so2' || p === 'co' ? 0.5 : p === 'no2' ? 0.25 : 0.4) * winter;
            const diurnal = p === 'no2' || p === 'co' ? 1 + 0.25 * Math.cos(((h - 8) / 12) * 2 * Math.PI) : 1 + 0.12 * Math.cos(((h - 22) / 24) * 2 * Math.PI);
            level = BASE[p] * seasonal * diurnal * weather[d]! * stationBias;
          }
          level *= (o.factor?.[p] ?? 1) * Math.exp(gaussian(r) * noise);
          const f = 10 ** DECIMALS[p];
          const v = Math.max(p === 'co' ? 0.1 : 1, Math.round(level * f) / f);
          const x = r.next();
          if (x < missing) { values[p] = null; continue; }
          values[p] = v;
          if (x < missing + invalid) mask |= POLLUTANT_BIT[p];
        }
        yield { stationId: st.id, observedOn: on, hour: h, values, invalidMask: mask };
      }
    }
  }
}

/** The statistics the seed's year-on-year figures compare: annual PM10 and PM2.5 means, O3 90th percentile. */
export type SeedStatistic = 'pm10' | 'pm25' | 'o3';
export interface YearTargets { thisYear: Record<SeedStatistic, number>; lastYear: Record<SeedStatistic, number> }

/**
 * City values that reproduce the seed (2020 on 2019): PM10 64 → 53 µg/m³ = 17.19 %, PM2.5 35 → 30 =
 * 14.29 % (the seed prints 14.3 %), O3 90th percentile 160 → 154 = 3.75 % (3.8 %); both years within
 * GB 3095-2012 grade II. Only a full calendar year reproduces them.
 */
export const SEED_2020_TARGETS: YearTargets = { thisYear: { pm10: 53, pm25: 30, o3: 154 }, lastYear: { pm10: 64, pm25: 35, o3: 160 } };

/** The city's year statistics of generated data, computed in memory with the same rules as the platform. */
function cityStatistics(o: HourlyGeneratorOptions, period: string): Record<SeedStatistic, number | null> {
  const days: StationDay[] = [];
  let current: HourlyRecord[] = [];
  const flush = () => {
    if (!current.length) return;
    const hours = Object.fromEntries(POLLUTANTS.map((p) => [p, Array.from({ length: 24 }, () => null as number | null)])) as Record<Pollutant, (number | null)[]>;
    for (const r of current) for (const p of POLLUTANTS) hours[p][r.hour] = r.invalidMask & POLLUTANT_BIT[p] ? null : r.values[p];
    const v = computeDailyValues(hours, airRuleSetFor(current[0]!.observedOn));
    days.push({ stationId: current[0]!.stationId, on: current[0]!.observedOn, so2: v.so2, no2: v.no2, co: v.co, pm10: v.pm10, pm25: v.pm25, o3_1h: v.o3_1h, o3_8h: v.o3_8h });
    current = [];
  };
  for (const r of generateHourly(o)) {
    if (current.length && (current[0]!.stationId !== r.stationId || current[0]!.observedOn !== r.observedOn)) flush();
    current.push(r);
  }
  flush();
  const unit = { id: 0, name: 'city', districtId: 0, stationIds: o.stations.map((s) => s.id) };
  const { statistics } = computeAreaPeriod(areaSeries(unit, days), 'year', period);
  return { pm10: statistics.pollutants.pm10.mean, pm25: statistics.pollutants.pm25.mean, o3: statistics.pollutants.o3.percentile };
}

/** Pollutant factors for which the city's statistics hit `targets` (a few rounds of proportional correction). */
export function calibrateFactors(o: HourlyGeneratorOptions, period: string, targets: Record<SeedStatistic, number>): Partial<Record<Pollutant, number>> {
  const factor: Partial<Record<Pollutant, number>> = { ...o.factor };
  for (let round = 0; round < 6; round++) {
    const got = cityStatistics({ ...o, factor }, period);
    const keys = Object.keys(targets) as SeedStatistic[];
    if (keys.every((k) => got[k] === targets[k])) break;
    for (const k of keys) {
      const value = got[k];
      if (value && value !== targets[k]) factor[k] = (factor[k] ?? 1) * (targets[k] / value) * (round > 2 ? 1 + (targets[k] - value) / (20 * targets[k]) : 1);
    }
  }
  return factor;
}

function gaussian(random: Random): number {
  const u = Math.max(1e-12, random.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
const dayOfYear = (on: string) => Math.floor((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${on.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000) + 1;

/** Default rules: the seed's 2021 plan (daily district ranking, monthly township ranking, 约谈 and 限批). */
export const DEFAULT_TRIGGER_RULES: TriggerRuleFields[] = [
  { name: '区市日排名连续3日末位约谈', ranking: 'air_district_daily', kind: 'last_place_streak', consecutive: 3, thresholdPercent: null, action: 'interview', active: true },
  { name: '乡镇街道月排名连续2月末位约谈', ranking: 'air_township_monthly', kind: 'last_place_streak', consecutive: 2, thresholdPercent: null, action: 'interview', active: true },
  { name: '乡镇街道月综合指数同比恶化超过10%限批', ranking: 'air_township_monthly', kind: 'worsening', consecutive: null, thresholdPercent: 10, action: 'approval_restriction', active: true },
  { name: '区市水环境优良指数连续2期末位约谈', ranking: 'water_district_period', kind: 'last_place_streak', consecutive: 2, thresholdPercent: null, action: 'interview', active: true },
];

export interface AirDemoOptions {
  stations?: number;
  days?: number;
  /** Last day with data (default: the day before `now`, China Standard Time). */
  endOn?: string;
  /** Also generate the same days a year earlier, with last year's worse air (the seed's improvements). */
  previousYear?: boolean;
  seed?: number;
  /** City statistics to reach (e.g. SEED_2020_TARGETS); meaningful for a full calendar year. */
  targets?: YearTargets;
}

/**
 * The seed reports PM10 / PM2.5 / O3 improving 17.19 % / 14.3 % / 3.8 % year on year: last year's air
 * is this year's divided by (1 − improvement); other pollutants 5 %.
 */
export const LAST_YEAR_FACTOR: Record<Pollutant, number> = { pm10: 1 / (1 - 0.1719), pm25: 1 / (1 - 0.143), o3: 1 / (1 - 0.038), so2: 1 / 0.95, no2: 1 / 0.95, co: 1 / 0.95 };

export type DemoProgress = (step: string, done: number, total: number) => void;

/** Seeds stations, hourly and daily air data and the default trigger rules; idempotent (does nothing if stations exist). */
export async function seedAirDemo(db: Db, now: Date, onProgress?: DemoProgress, options: AirDemoOptions = {}): Promise<{ stations: number; hours: number; stationDays: number }> {
  const existing = await db.select({ id: airStations.id }).from(airStations).limit(1);
  if (existing.length) return { stations: 0, hours: 0, stationDays: 0 };
  const count = options.stations ?? 30;
  const days = options.days ?? 90;
  const endOn = options.endOn ?? addDays(civilDateOf(now), -1);
  const from = addDays(endOn, -(days - 1));
  const seed = options.seed ?? 20201231;
  const divisions = await listDistrictsWithTownships(db);
  const plan = planStations(divisions, count, createRandom(seed));
  const stations: HourlyGeneratorOptions['stations'][number][] = [];
  await db.transaction(async (tx) => {
    for (const f of plan) stations.push({ id: await insertStation(tx, SYSTEM_ACTOR, f, now, '演示数据'), level: f.level, districtId: f.districtId });
    for (const r of DEFAULT_TRIGGER_RULES) await tx.insert(qualityTriggerRules).values({ ...r, createdAt: now, updatedAt: now });
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'quality.trigger_rule.seed', entity: 'quality_trigger_rule', entityId: 'demo', after: DEFAULT_TRIGGER_RULES, reason: '演示数据' }, now);
  });
  onProgress?.('air stations', count, count);
  const periods = [{ from, days, seed, factor: undefined as Partial<Record<Pollutant, number>> | undefined }];
  if (options.previousYear ?? true) {
    // The same calendar days a year earlier (one fewer when the window holds 29 February).
    const lastFrom = sameDayLastYear(from);
    const lastDays = Math.round((Date.parse(sameDayLastYear(endOn)) - Date.parse(lastFrom)) / 86_400_000) + 1;
    periods.unshift({ from: lastFrom, days: lastDays, seed: seed + 1, factor: LAST_YEAR_FACTOR });
  }
  if (options.targets) {
    // The city value is the national stations' mean: calibrate on them alone (their series do not depend on the others).
    const national = stations.filter((s) => s.level === 'national');
    const cityStations = national.length ? national : stations;
    for (const p of periods) {
      const targets = p.from === from ? options.targets.thisYear : options.targets.lastYear;
      p.factor = calibrateFactors({ stations: cityStations, from: p.from, days: p.days, seed: p.seed, factor: p.factor }, p.from.slice(0, 4), targets);
      onProgress?.('air calibration', periods.indexOf(p) + 1, periods.length);
    }
  }
  let hours = 0;
  let stationDays = 0;
  const total = periods.reduce((n, p) => n + count * p.days * 24, 0);
  for (const p of periods) {
    const to = addDays(p.from, p.days - 1);
    await db.transaction(async (tx: Tx) => {
      const batch: HourlyRecord[] = [];
      for (const r of generateHourly({ stations, from: p.from, days: p.days, seed: p.seed, factor: p.factor })) {
        batch.push(r);
        if (batch.length === 20_000) { await upsertHourly(tx, batch); hours += batch.length; batch.length = 0; onProgress?.('air hours', hours, total); }
      }
      await upsertHourly(tx, batch);
      hours += batch.length;
      onProgress?.('air hours', hours, total);
      stationDays += await recomputeDaily(tx, p.from, to, null, now);
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'air.hourly.import', entity: 'air_hourly_import', entityId: `demo ${p.from}…${to}`, after: { stations: count, from: p.from, to }, reason: '演示数据' }, now);
    });
  }
  return { stations: count, hours, stationDays };
}
