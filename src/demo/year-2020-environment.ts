// The demo bureau's environment quality of 2019–2020, adding up to the seed (seed-figures.md rows 10, 12–14):
// 市区可吸入颗粒物、细颗粒物、臭氧浓度分别同比改善17.19%、14.3%和3.8%; 地表集中式饮用水水源水质达标率100%;
// 11个国控断面中，除断流外，均达到国家年度考核目标; 近岸海域优良水质比率100%.
// Stations and sites are registered and the data loaded through the capabilities' own actions (the ones the
// pages and the API call: every check, the daily values recomputed, audit rows), on dates of 2020. Deterministic;
// topped up from what the database holds (running it again adds nothing).
import type { Db } from '../platform/db/index.js';
import { actorOf } from '../platform/audit/log.js';
import type { Principal } from '../platform/auth/roles.js';
import { findPrincipalByUsername } from '../users/index.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import {
  countHoursByStationMonth, createStation, importHourly, loadStationCodeIndex, planAirYear, planUrbanStations, type AirYearTargets,
} from '../air-quality/index.js';
import { createSite, importSamples, listSamples, loadSiteCodeIndex, planWaterSites, planWaterYear, type SampleInput } from '../water-quality/index.js';

/** The seed's figures this generator produces, and the city values behind the air figures (Yantai 2019 → 2020). */
export const SEED_2020_ENVIRONMENT = {
  /** HJ 663-2013 annual values of the urban area: PM10, PM2.5 annual means, O3 daily max 8-hour 90th percentile (µg/m³). */
  air: { 2019: { pm10: 64, pm25: 35, o3: 158 }, 2020: { pm10: 53, pm25: 30, o3: 152 } } as Record<2019 | 2020, AirYearTargets>,
  /** As the seed prints them (percent improvement on 2019): 64 → 53 = 17.1875 %, 35 → 30 = 14.29 %, 158 → 152 = 3.797 %. */
  improvement: { pm10: '17.19', pm25: '14.3', o3: '3.8' },
  drinkingAttainmentRate: 100,
  nationalSectionsOnTarget: 11,
  seaExcellentShare: 100,
} as const;

/** 2019 had somewhat more SO2, NO2 and CO as well (the seed names only the three it reports). */
const OTHER_FACTOR: Record<2019 | 2020, number> = { 2019: 1.06, 2020: 1 };
const at = (on: string) => new Date(`${on}T09:00:00+08:00`);
const nextDay = (on: string) => new Date(Date.parse(`${on}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
/** The bureau registers its stations and sites, and loads 2019's data for comparison, at the start of 2020. */
const SETUP_ON = '2020-01-02';

export type EnvironmentProgress = (step: string, done: number, total: number) => void;

async function seedAir(db: Db, leader: Principal, divisions: Awaited<ReturnType<typeof listDistrictsWithTownships>>, onProgress?: EnvironmentProgress): Promise<number> {
  let created = 0;
  const stations = planUrbanStations(divisions);
  const known = await loadStationCodeIndex(db);
  for (const f of stations) {
    if (known.has(f.code)) continue;
    const r = await createStation(db, leader, f, at(SETUP_ON));
    if (!r.ok) throw new Error(`demo 2020 air station ${f.code}: ${r.code} ${r.field ?? ''}`);
    created++;
  }
  const codes = stations.map((s) => s.code);
  for (const year of [2019, 2020] as const) {
    const plan = planAirYear(codes, year, SEED_2020_ENVIRONMENT.air[year], { otherFactor: OTHER_FACTOR[year] });
    const planned = plan.hoursPerStationMonth();
    const held = new Map((await countHoursByStationMonth(db, `${year}-01-01`, `${year}-12-31`)).map((r) => [`${r.code}|${r.month}`, r.n]));
    for (const [i, month] of monthsOf(year).entries()) {
      // Station-months not (fully) held are loaded; a re-import of an hour replaces it with the same value.
      const short = new Set(codes.filter((c) => (held.get(`${c}|${month}`) ?? 0) < (planned.get(`${c}|${month}`) ?? 0)));
      if (!short.size) continue;
      const rows = plan.rowsOfMonth(month).filter((r) => short.has(r.stationCode)).map((input, k) => ({ row: k + 2, input }));
      // 2019 loaded as history at set-up; 2020 month by month, the morning after the month's last hour.
      const now = year === 2019 ? at(SETUP_ON) : at(nextDay(lastDayOf(month)));
      const r = await importHourly(db, actorOf(leader), rows, [], { skipInvalid: false, source: `市区国控站点小时数据 ${month}` }, now);
      if (!r.ok) throw new Error(`demo 2020 air import ${month}: ${r.code} ${'errors' in r ? JSON.stringify(r.errors.slice(0, 3)) : ''}`);
      created += r.value.rows;
      onProgress?.(`air ${year}`, i + 1, 12);
    }
  }
  return created;
}

async function seedWater(db: Db, leader: Principal, divisions: Awaited<ReturnType<typeof listDistrictsWithTownships>>, onProgress?: EnvironmentProgress): Promise<number> {
  let created = 0;
  const known = await loadSiteCodeIndex(db);
  for (const f of planWaterSites(divisions)) {
    if (known.has(f.code)) continue;
    const r = await createSite(db, leader, f, at(SETUP_ON));
    if (!r.ok) throw new Error(`demo 2020 water site ${f.code}: ${r.code} ${r.field ?? ''}`);
    created++;
  }
  const codes = await loadSiteCodeIndex(db);
  const held = new Set((await listSamples(db, '2020-01', '2020-12')).map((s) => `${s.siteId}|${s.month}`));
  const byMonth = new Map<string, SampleInput[]>();
  for (const s of planWaterYear(2020)) {
    if (held.has(`${codes.get(s.siteCode)}|${s.month}`)) continue;
    byMonth.set(s.month, [...(byMonth.get(s.month) ?? []), s]);
  }
  for (const [i, month] of monthsOf(2020).entries()) {
    const rows = byMonth.get(month);
    if (!rows?.length) continue;
    // The month's laboratory results are loaded on the 25th (samples are taken between the 5th and the 20th).
    const r = await importSamples(db, actorOf(leader), rows.map((input, k) => ({ row: k + 2, input })), [], { skipInvalid: false, source: `地表水、饮用水水源和近岸海域监测 ${month}` }, at(`${month}-25`));
    if (!r.ok) throw new Error(`demo 2020 water import ${month}: ${r.code} ${'errors' in r ? JSON.stringify(r.errors.slice(0, 3)) : ''}`);
    created += r.value.rows;
    onProgress?.('water 2020', i + 1, 12);
  }
  return created;
}

/**
 * Generates the urban-area air data of 2019 and 2020 (the 市区 national stations, hourly) and the water samples of
 * 2020 (national, provincial and municipal sections, drinking-water sources, near-shore sea points), registering
 * the stations and sites first where missing. Acts as the demo user `leader` (quality.manage) and needs the
 * bureau's districts. Returns the stations, sites, hourly records and samples it added.
 */
export async function seedDemoEnvironment2020(db: Db, onProgress?: EnvironmentProgress): Promise<{ created: number }> {
  const leader = await findPrincipalByUsername(db, 'leader');
  if (!leader) throw new Error('demo user leader missing');
  const divisions = await listDistrictsWithTownships(db);
  const air = await seedAir(db, leader, divisions, onProgress);
  const water = await seedWater(db, leader, divisions, onProgress);
  return { created: air + water };
}
