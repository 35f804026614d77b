// Air-quality benchmark: 200 stations × one year of hourly data (1.75 M hours × 6 pollutants).
// Import (parse + validate, then insert) and compute (every station's daily values and AQI, the daily
// district rankings, the monthly township rankings), on PostgreSQL and on PGlite. Prints figures only.
//   npx tsx bench/air-quality.ts [--pg-url postgres://postgres@127.0.0.1:5432/test] [--stations 200] [--days 365] [--skip-pglite]
import { performance } from 'node:perf_hooks';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { seedOrganisation } from '../src/organisation/seed.js';
import { listDistrictsWithTownships } from '../src/organisation/queries.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';
import { createRandom } from '../src/demo/random.js';
import { generateHourly, planStations } from '../src/air-quality/demo.js';
import { addDays, insertStation, monthRange, recomputeDaily, recomputeDailyBatch, computeDistrictDailyRanking } from '../src/air-quality/actions.js';
import { analyzeHourly, loadAreaUnits, loadStationCodeIndex, loadStationDays, upsertHourly } from '../src/air-quality/queries.js';
import { buildDailyRanking, buildPeriodRanking } from '../src/air-quality/rules/areas.js';
import { checkHourlyInput, type HourlyRecord } from '../src/air-quality/rules/hourly-record.js';
import { mapHourlyTable, parseCsv } from '../src/air-quality/hourly-file.js';
import { POLLUTANTS } from '../src/air-quality/rules/pollutants.js';
import type { StationLevel } from '../src/air-quality/rules/stations.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const PG_URL = arg('pg-url', 'postgres://postgres@127.0.0.1:5432/test');
const STATIONS = Number(arg('stations', '200'));
const DAYS = Number(arg('days', '365'));
const FROM = '2021-01-01';
const TO = addDays(FROM, DAYS - 1);

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  const ms = performance.now() - t;
  console.log(`  ${label.padEnd(44)} ${secs(ms)}`);
  return [v, ms];
}

const freshPostgres = (): Promise<Database> => openScratchDatabase(PG_URL, 'ecogov_bench_air');

/** The year as CSV lines (the import layout), station by station. */
function* csvChunks(stations: { id: number; code: string; level: StationLevel; districtId: number }[], linesPerChunk: number): Generator<string> {
  const codeOf = new Map(stations.map((s) => [s.id, s.code]));
  const header = '站点编码,日期,小时,SO2,NO2,CO,O3,PM10,PM2.5,SO2标识,NO2标识,CO标识,O3标识,PM10标识,PM2.5标识\n';
  let lines: string[] = [];
  for (const r of generateHourly({ stations, from: FROM, days: DAYS, seed: 2021 })) {
    const flags = POLLUTANTS.map((p, i) => (r.invalidMask & (1 << [0, 1, 2, 3, 4, 5][i]!) ? 'M' : '')).join(',');
    lines.push(`${codeOf.get(r.stationId)},${r.observedOn},${r.hour},${POLLUTANTS.map((p) => r.values[p] ?? '').join(',')},${flags}`);
    if (lines.length === linesPerChunk) { yield header + lines.join('\n'); lines = []; }
  }
  if (lines.length) yield header + lines.join('\n');
}

async function run(label: string, database: Database) {
  console.log(`\n${label}: ${STATIONS} stations × ${DAYS} days (${FROM} … ${TO}) = ${fmt(STATIONS * DAYS * 24)} hours × 6 pollutants`);
  const { db } = database;
  const now = new Date();
  await migrateDatabase(database);
  await seedOrganisation(db, now);
  const divisions = await listDistrictsWithTownships(db);
  const plan = planStations(divisions, STATIONS, createRandom(7));
  const stations: { id: number; code: string; level: StationLevel; districtId: number }[] = [];
  await db.transaction(async (tx) => { for (const f of plan) stations.push({ id: await insertStation(tx, SYSTEM_ACTOR, f, now, 'bench'), code: f.code, level: f.level, districtId: f.districtId }); });
  const units = await loadAreaUnits(db);
  console.log(`  ${units.districts.length} districts, ${units.townships.length} townships with stations`);

  // Import, part 1: parse CSV and validate every row (HJ 212 flags, ranges), 50 000 lines at a time.
  const index = await loadStationCodeIndex(db);
  const records: HourlyRecord[] = [];
  let parseMs = 0;
  let problems = 0;
  for (const chunk of csvChunks(stations, 50_000)) {
    const t = performance.now();
    const mapped = mapHourlyTable(parseCsv(chunk));
    if ('missingColumn' in mapped) throw new Error(mapped.missingColumn);
    for (const r of mapped.rows) {
      const c = checkHourlyInput(r.input, (code) => index.get(code), '2099-12-31');
      if ('record' in c) records.push(c.record); else problems++;
    }
    parseMs += performance.now() - t;
  }
  console.log(`  ${'import: parse + validate CSV'.padEnd(44)} ${secs(parseMs)}  (${fmt(records.length / (parseMs / 1000))} rows/s, ${problems} rejected)`);

  // Import, part 2: insert (upsert) every hour in one transaction.
  const [, insertMs] = await timed('import: insert hourly rows', () => db.transaction(async (tx) => { await upsertHourly(tx, records); await analyzeHourly(tx); }));
  console.log(`  ${''.padEnd(44)} → ${fmt(records.length / (insertMs / 1000))} rows/s (${fmt((records.length * 6) / (insertMs / 1000))} values/s)`);
  const importRate = records.length / ((parseMs + insertMs) / 1000);
  console.log(`  ${'import: parse + validate + insert'.padEnd(44)} → ${fmt(importRate)} rows/s`);
  records.length = 0;

  // Compute: every station's daily values (HJ 663) and AQI (HJ 633), stored.
  const [stationDays, dailyMs] = await timed('compute: daily values + AQI of every station', () => recomputeDailyBatch(db, FROM, TO, now));
  console.log(`  ${''.padEnd(44)} → ${fmt(stationDays)} station-days (2 parallel reads, one write transaction)`);
  await timed('  (same, in one transaction as an import does)', () => db.transaction((tx) => recomputeDaily(tx, FROM, TO, null, now)));
  // Compute: the daily district ranking of every day and the monthly township ranking of every month.
  const [days, loadMs] = await timed('compute: load the year\'s station-days', () => loadStationDays(db, FROM, TO));
  const [, dailyRankMs] = await timed(`compute: ${DAYS} daily district rankings`, async () => {
    const byDate = new Map<string, typeof days>();
    for (const d of days) { const l = byDate.get(d.on); if (l) l.push(d); else byDate.set(d.on, [d]); }
    let ranked = 0;
    for (let i = 0; i < DAYS; i++) { const on = addDays(FROM, i); ranked += buildDailyRanking(on, units.districts, byDate.get(on) ?? [], [], 'composite').filter((r) => r.rank !== null).length; }
    return ranked;
  });
  const months = [...new Set(Array.from({ length: DAYS }, (_, i) => addDays(FROM, i).slice(0, 7)))];
  const [, monthlyRankMs] = await timed(`compute: ${months.length} monthly township rankings`, async () => {
    for (const m of months) {
      const { from, to } = monthRange(m);
      buildPeriodRanking(m, 'month', units.townships, days.filter((d) => d.on >= from && d.on <= to), [], 'composite');
    }
  });
  const computeMs = dailyMs + loadMs + dailyRankMs + monthlyRankMs;
  console.log(`  ${'compute total'.padEnd(44)} ${secs(computeMs)}  (target < 2 s)`);
  const [, oneMs] = await timed('one ranking request (district-daily, from DB)', () => computeDistrictDailyRanking(db, '2021-07-15'));
  return { importRowsPerSec: records.length, insertMs, parseMs, dailyMs, loadMs, dailyRankMs, monthlyRankMs, computeMs, oneMs };
}

const pgDb = await freshPostgres();
try { await run('PostgreSQL', pgDb); } finally { await pgDb.close(); }
if (!process.argv.includes('--skip-pglite')) {
  const lite = await openDatabase({ dataDir: 'memory://' });
  try { await run('PGlite (in memory)', lite); } finally { await lite.close(); }
}
