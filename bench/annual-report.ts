// Benchmark: the year-end rule-of-law report (法治政府建设情况报告, issue 19, "Done when": the report over 10 000
// cases and a year of data for 200 stations builds in < 5 s on PostgreSQL). Builds the report the way the report
// page's GET /api/annual-report/:year does (reportView: settings, computeFigures over every capability's year
// figures, the paragraphs rendered with them, the versions), cold and warm, and prints where the time goes
// (each figure source alone). Prints figures and the ratio to the 5 s ceiling; never fails on time.
//   npx tsx bench/annual-report.ts [--engine postgres|pglite|both] [--cases 10000] [--stations 200] [--pg-url postgres://postgres@127.0.0.1:5432/test]
//
// The data is BULK, not the procedure: the cases are inserted straight in SQL (generate_series: leads, cases at
// every stage with their decisions, fines, legal reviews and committee dates), as bench/cases-list.ts does; the
// report's counting, not the case procedure's rules, is under test. The air stations are inserted by the
// air-quality action (insertStation), a year of hourly values generated (src/air-quality/demo.ts) and written
// with upsertHourly (COPY on PostgreSQL), and the daily values and AQI computed by recomputeDailyBatch, as an
// import does. The previous year's daily values (the figures compare with it: #10 improvement) are the year's
// copied one year back in SQL, so the report reads two full years of station-days. 1 000 cases are filed in
// the previous year too (the year-on-year of #21 and #22). Other capabilities (campaigns, training, meetings,
// water…) hold nothing here: their year figures run on empty tables.
// "Cold": the first build on a newly opened connection to the loaded, ANALYZEd database (no prepared plans; on
// PostgreSQL the server's shared buffers may still hold what the load wrote); "warm": the median of 5 more.
//
// Results (PostgreSQL 15, 2 cores shared with a CI run, load average 9–17; one run each):
// - first run: cold 2.25 s, warm 1.87 s (process CPU 0.5 s) — PASS, but the figure sources alone showed air 1 437 ms
//   and committee (#19) 24–38 ms for a count over 500 cases. The #19 query was also WRONG: its correlated
//   subquery sat in a selected sql`` where Drizzle writes columns bare, so `"case_id" = "id"` compared
//   legal_reviews with itself and every committee case counted as "without review" (500 of 500 here; the rule says
//   it must be 0). Fixed in src/annual-report/queries.ts (the subquery in WHERE via notExists, where Drizzle
//   qualifies the columns; src/annual-report/queries.test.ts); it now reads 5 (the bench's 1 in 97 reviewed late).
// - after: cold 1.07 s, warm 0.89 s (×4.7 / ×5.6 under the 5 s ceiling), load 9–12; process CPU 0.5 s.
//   At load 2 (the CI run over): cold 0.48 s, warm 0.45 s (×10.4 / ×11.0); air 377 ms of it (reading 325 ms).
// Where the time goes: the air figures (#10, air-quality's computeAnnualAssessment) ≈ 0.7 s of it, nearly all
// reading the two years' 146 200 station-days (loadStationDays: 0.68 s wall, 0.37 s of it this process's CPU
// turning rows into objects); the HJ 663 evaluation of the city and 13 districts is ≈ 30 ms (the report uses only
// the city's). Every other source is < 20 ms over 10 000 cases (the year's counts scan the cases table: no index
// on filed_on / decided_on is needed at this size). Not changed: air-quality's query is that capability's.
// PGlite (data directory on disk, load 8–10): cold 8.51 s (CPU 3.16 s) BELOW, warm 3.88 s (CPU 2.39 s); of it the
// station-days read 3.35 s (CPU 2.09 s). The 5 s ceiling is PostgreSQL's; for PGlite (the demo) the cure is in
// air-quality: the report needs the city's evaluation only, which uses the national stations (7 of the 200 here,
// AREA_STATION_LEVELS.city): computeAnnualAssessment limited to the city could call loadStationDays with those ids
// and read ≈ 3.5 % of the rows, instead of evaluating the city and every district from all stations' days.
// Done (2026-12-04): computeAnnualAssessment(db, year, 'city') — the report's call — reads and evaluates the city only
// (the air-quality page still gets the city and every district). PostgreSQL at load 2: cold 0.11 s, warm 0.05 s (×44 / ×95),
// air 17 ms of it (was 377 ms).
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../src/organisation/queries.js';
import { addUser } from '../src/users/actions.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';
import { createRandom } from '../src/platform/random.js';
import { generateHourly, planStations } from '../src/air-quality/demo.js';
import { insertStation, recomputeDailyBatch } from '../src/air-quality/actions.js';
import { analyzeHourly, loadAreaUnits, loadStationDays, upsertHourly } from '../src/air-quality/queries.js';
import type { StationLevel } from '../src/air-quality/rules/stations.js';
import { reportView } from '../src/annual-report/actions.js';
import { FigureSources, computeFigures } from '../src/annual-report/figures.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const ENGINE = arg('engine', 'postgres') as 'postgres' | 'pglite' | 'both';
const PG_URL = arg('pg-url', process.env.ECOGOV_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const CASES = Number(arg('cases', '10000'));
const PREVIOUS_YEAR_CASES = Math.round(CASES / 10);
const STATIONS = Number(arg('stations', '200'));
const YEAR = 2020;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
const DAYS = 366;
const NOW = new Date(`${YEAR + 1}-01-15T10:00:00+08:00`);
const CEILING_S = 5;
const ENTERPRISES = 2_000;
const WARM_RUNS = 5;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number, number]> {
  const t = performance.now();
  const c = cpuMs();
  const v = await fn();
  const ms = performance.now() - t;
  const cpu = cpuMs() - c;
  console.log(`  ${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(7)} s  (process CPU ${(cpu / 1000).toFixed(2)} s)`);
  return [v, ms, cpu];
}

/** Cases of one year at every stage, straight in SQL; those past the decision carry its kind, date and fine. */
async function seedCases(d: Database, year: number, count: number, firstLead: number) {
  const db = d.db;
  const stages = `array['investigating','case_review','legal_review','notification','deciding','executing','closed','archived']`;
  await db.execute(sql`
    insert into leads (source, enterprise_id, district_id, summary, discovered_on, filing_due_on, status, created_at)
    select 'inspection', e.id, e.district_id, '线索' || i, ${`${year}-01-01`}::date + (i % 330), ${`${year}-01-16`}::date + (i % 330), 'filed', now()
    from generate_series(${firstLead}::int, ${firstLead + count - 1}::int) i join enterprises e on e.id = (select min(id) from enterprises) + (i % ${ENTERPRISES}::int)`);
  // Stage by id: 1/8 each. From 'executing' on, decided 30 days after filing: 9 in 10 penalties (fines 10 000 –
  // 100 000 yuan, in fen), 1 in 10 no penalty; every 10th case major (a legal review, then the committee).
  await db.execute(sql.raw(`
    insert into cases (number, lead_id, enterprise_id, district_id, cause, act_on, stage, filed_on, filed_by_id, decision_due_on, major,
                       case_review_passed_at, committee_decided_at, decision_kind, decision_fine_fen, decision_number, decided_on, created_at, updated_at)
    select '烟环立〔${year}〕' || l.id || '号', l.id, l.enterprise_id, l.district_id, '超标排放', l.discovered_on, s.stage, l.discovered_on,
           (select min(id) from users), l.discovered_on + 90,
           jsonb_build_object('majorPublicInterest', l.id % 10 = 0, 'complexSeveralLegalRelations', false, 'requiredByOtherLaw', false),
           case when s.k >= 3 then (l.discovered_on + 10)::timestamptz end,
           case when s.k >= 5 and l.id % 10 = 0 then (l.discovered_on + 25)::timestamptz end,
           case when s.k >= 6 then (case when l.id % 10 = 3 then 'no_penalty' else 'penalty' end) end,
           case when s.k >= 6 and l.id % 10 <> 3 then 1000000 + (l.id * 7919 % 91) * 100000 end,
           case when s.k >= 6 then '烟环罚〔${year}〕' || l.id || '号' end,
           case when s.k >= 6 then l.discovered_on + 30 end,
           now(), now()
    from leads l cross join lateral (select 1 + l.id % 8 as k, (${stages})[1 + l.id % 8] as stage) s
    where l.id between ${firstLead} and ${firstLead + count - 1}`));
  // A passed legal review 5 days before the committee for major cases past review (a few reviewed after it: #19 counts those).
  await db.execute(sql.raw(`
    insert into legal_reviews (case_id, reviewer_id, findings, outcome, opinion, reviewed_at)
    select c.id, (select min(id) from users where role = 'legal_reviewer'), '{}'::jsonb, 'passed', '同意',
           c.committee_decided_at + (case when c.id % 97 = 0 then interval '2 days' else interval '-5 days' end)
    from cases c join leads l on l.id = c.lead_id where c.committee_decided_at is not null and l.id between ${firstLead} and ${firstLead + count - 1}`));
}

async function fill(d: Database) {
  const { db } = d;
  console.log(`  load average ${load()}`);
  await timed('migrate', () => migrateDatabase(d));
  await timed('reference data', () => seedReferenceData(db, new Date()));
  for (const [username, role, legal] of [['bench-reviewer', 'legal_reviewer', true], ['bench-officer', 'enforcement_officer', false]] as const) {
    await addUser(db, SYSTEM_ACTOR, { username, displayName: username, password: 'bench-password-123', role, districtId: null, departmentId: null, enterpriseId: null, credentialNo: role === 'enforcement_officer' ? 'B1' : null, holdsLegalQualification: legal }, new Date());
  }
  await timed(`${fmt(ENTERPRISES)} enterprises (SQL)`, () => db.execute(sql`
    insert into enterprises (credit_code, name, legal_representative, district_id, industry_code, address, created_at, updated_at)
    select 'BENCH' || lpad(i::text, 13, '0'), '烟台基准测试企业' || i || '有限公司', '王', (select id from districts order by id offset (i % 13) limit 1), 'C2614', '烟台', now(), now()
    from generate_series(1, ${ENTERPRISES}::int) i`));
  await timed(`${fmt(CASES)} cases of ${YEAR} + ${fmt(PREVIOUS_YEAR_CASES)} of ${YEAR - 1} (SQL)`, async () => {
    await seedCases(d, YEAR, CASES, 1);
    await seedCases(d, YEAR - 1, PREVIOUS_YEAR_CASES, CASES + 1);
  });
  const divisions = await listDistrictsWithTownships(db);
  const plan = planStations(divisions, STATIONS, createRandom(7));
  const stations: { id: number; code: string; level: StationLevel; districtId: number }[] = [];
  await db.transaction(async (tx) => { for (const f of plan) stations.push({ id: await insertStation(tx, SYSTEM_ACTOR, f, NOW, 'bench'), code: f.code, level: f.level, districtId: f.districtId }); });
  // 25 stations at a time (each station draws from its own stream: the same values as all at once).
  await timed(`${STATIONS} stations (${plan.filter((f) => f.level === 'national').length} national) × ${DAYS} days hourly (${fmt(STATIONS * DAYS * 24)} hours)`, async () => {
    for (let i = 0; i < stations.length; i += 25) {
      const records = [...generateHourly({ stations: stations.slice(i, i + 25), from: FROM, days: DAYS, seed: YEAR })];
      await db.transaction((tx) => upsertHourly(tx, records));
      process.stderr.write(`\r    ${Math.min(i + 25, stations.length)}/${stations.length} stations`);
    }
    process.stderr.write('\n');
    await analyzeHourly(db);
  });
  await timed('daily values + AQI of every station (recomputeDailyBatch)', () => recomputeDailyBatch(db, FROM, TO, NOW, d.engine === 'postgres' ? 8 : 2));
  await timed(`${YEAR - 1}'s daily values: ${YEAR}'s copied a year back (SQL)`, () => db.execute(sql`
    insert into air_daily (station_id, observed_on, so2, no2, co, pm10, pm25, o3_max_1h, o3_max_8h, valid_hours, aqi, aqi_complete, primary_pollutants, standard, computed_at)
    select station_id, observed_on - 366, so2 * 1.05, no2 * 1.05, co, pm10 * 1.06, pm25 * 1.08, o3_max_1h, o3_max_8h * 0.98, valid_hours, aqi, aqi_complete, primary_pollutants, standard, computed_at
    from air_daily where observed_on between ${FROM}::date and ${TO}::date and observed_on - 366 >= ${`${YEAR - 1}-01-01`}::date`));
  await timed('vacuum analyze', () => db.execute(sql`vacuum analyze`));
  const [counts] = await queryRows<{ cases: number; reviews: number; hourly: number; daily: number }>(db, sql`
    select (select count(*)::int from cases) as cases, (select count(*)::int from legal_reviews) as reviews,
           (select count(*)::int from air_hourly) as hourly, (select count(*)::int from air_daily) as daily`);
  console.log(`  holds ${fmt(counts!.cases)} cases (${fmt(counts!.reviews)} legal reviews), ${fmt(counts!.hourly)} hourly rows, ${fmt(counts!.daily)} station-days`);
}

/** Each figure source alone (FigureSources loads each once per build): where a build's time goes. */
async function sources(d: Database) {
  const s = new FigureSources(d.db, YEAR, NOW);
  const names = ['campaigns', 'training', 'meetings', 'normative', 'counsel', 'measures', 'casesFiled', 'fines', 'committee', 'staff', 'positiveList', 'exempted', 'catalogue', 'air', 'water'] as const;
  const rows: [string, number][] = [];
  for (const n of names) {
    const t = performance.now();
    await (s[n] as () => Promise<unknown>)();
    rows.push([n, performance.now() - t]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`  figure sources, each alone (warm), slowest first: ${rows.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`);
  // The air figures (#10): computeAnnualAssessment(…, 'city') reads the city's stations' days of both years, then evaluates the city.
  const cityStations = (await loadAreaUnits(d.db)).city.stationIds;
  const t = performance.now();
  const c = cpuMs();
  const days = (await loadStationDays(d.db, FROM, TO, cityStations)).length + (await loadStationDays(d.db, `${YEAR - 1}-01-01`, `${YEAR - 1}-12-31`, cityStations)).length;
  const all = (await loadStationDays(d.db, FROM, TO)).length * 2;
  console.log(`  of air: reading the city's ${cityStations.length} stations' ${fmt(days)} station-days of the two years (of ${fmt(all)}) ${(performance.now() - t).toFixed(0)} ms (process CPU ${(cpuMs() - c).toFixed(0)} ms, with the count of all); the rest is the HJ 663 evaluation of the city`);
}

async function measure(label: string, open: () => Promise<Database>) {
  const d = await open();
  try {
    const [view, coldMs, coldCpu] = await timed('report, cold: reportView (figures + paragraphs)', () => reportView(d.db, YEAR, NOW));
    if (!view.ok) throw new Error(`reportView refused: ${view.code}`);
    const figures = view.value.figures;
    const shown = ['21', '22', '19', '10a', '10b', '10c'].map((no) => { const f = figures.find((x) => x.no === no)!; return `#${no} ${f.text}${f.yearOnYear !== undefined && f.yearOnYear !== null ? ` (yoy ${f.yearOnYear})` : ''}`; });
    console.log(`    ${figures.length} figures, ${view.value.paragraphs.length} paragraphs; ${shown.join(', ')}`);
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = performance.now();
      const c = cpuMs();
      await reportView(d.db, YEAR, NOW);
      warm.push(performance.now() - t);
      warmCpu.push(cpuMs() - c);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const warmMs = median(warm);
    console.log(`  ${'report, warm: median of 5'.padEnd(52)} ${(warmMs / 1000).toFixed(2).padStart(7)} s  (process CPU ${(median(warmCpu) / 1000).toFixed(2)} s; runs ${warm.map((m) => (m / 1000).toFixed(2)).join(' ')})`);
    const [, figuresMs] = await timed('computeFigures alone (warm)', () => computeFigures(d.db, YEAR, NOW));
    await sources(d);
    for (const [which, ms] of [['cold', coldMs], ['warm', warmMs]] as const) {
      console.log(`  TARGET ${label}, ${which}: ${(ms / 1000).toFixed(2)} s (ceiling < ${CEILING_S} s; ×${(CEILING_S * 1000 / ms).toFixed(2)}) ${ms < CEILING_S * 1000 ? 'PASS' : 'BELOW'}`);
    }
    void coldCpu; void figuresMs;
  } finally {
    await d.close();
  }
}

async function onPostgres() {
  console.log(`\n== PostgreSQL (${PG_URL}): ${fmt(CASES)} cases, ${STATIONS} stations × a year of hours`);
  const scratch = await openScratchDatabase(PG_URL, 'ecogov_bench_report');
  try {
    await fill(scratch);
    // The scratch database's own URL (the helper shows it, password-free servers only): a second, new connection pool.
    const url = scratch.location.replace(/ \(scratch\)$/, '');
    const fresh = url.includes('***') ? null : url;
    await measure('report build, PostgreSQL', async () => (fresh ? openDatabase({ url: fresh }) : { ...scratch, close: async () => {} }));
  } finally {
    await scratch.close();
  }
}

async function onPglite() {
  console.log(`\n== PGlite (data directory on disk): ${fmt(CASES)} cases, ${STATIONS} stations × a year of hours`);
  const dir = mkdtempSync(join(os.tmpdir(), 'ecogov-bench-report-'));
  try {
    const d = await openDatabase({ dataDir: dir });
    try { await fill(d); } finally { await d.close(); }
    await measure('report build, PGlite', () => openDatabase({ dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`annual-report bench — ${os.cpus().length} cores, load average ${load()} (1/5/15 min)`);
if (ENGINE === 'postgres' || ENGINE === 'both') await onPostgres();
if (ENGINE === 'pglite' || ENGINE === 'both') await onPglite();
console.log(`load average after: ${load()}`);
