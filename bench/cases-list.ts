// Benchmark: the case list (filtered by district and stage, sorted by decision deadline, a deep page by
// its cursor) over 1 000 000 cases, against a ceiling in the same run: a minimal Fastify route with a
// pooled `pg` client, no session, running the best hand-written SQL for the same page (keyset on
// cases_district_stage_due_idx). Servers run as child processes (autocannon stays in this one): the app
// with one and with two processes on one PostgreSQL. Prints figures and PASS/BELOW; asserts nothing.
//   npx tsx bench/cases-list.ts [--cases 1000000] [--seconds 10] [--engine postgres|pglite|both] [--profile] [--keep-db name]
//
// What profiling found (issue 18: 120 req/s, p50 149 ms, p99 1 005 ms at 20 connections, 1 M cases):
// - EXPLAIN (ANALYZE, BUFFERS) of the old list: `count(*)` of the filter walked every matching index
//   entry and heap row (≈ 9 600 for one district × stage at 1 M cases; all of them without a district),
//   and `offset` read and threw away every row before the page: the cost grew with the page number
//   and the size of the district. Both ran on every request.
// - `node --cpu-prof` of the server under autocannon: besides the two queries, every request read its
//   session (sessions ⨝ users) before the handler, and case pages read the bureau settings and the
//   whole holiday calendar (loadCaseEnv) each time; with a pool of 10 and 20 connections the waits
//   for a pooled client queued behind the slow count, hence p99 ≈ 7 × p50.
// What changed: keyset pagination (an opaque cursor of decision_due_on + id, `(due, id) > cursor` on the
// existing (district_id, stage, decision_due_on, id) index: a deep page reads pageSize + 1 index entries),
// the total counted up to 1 001 on the same index and only for page-numbered requests (shown "1000+"),
// page numbers limited to the first 1 000 rows; sessions, settings and the calendar cached per process
// and dropped at once on change by LISTEN/NOTIFY (drizzle/0023_cache_invalidation.sql,
// src/platform/db/change-feed.ts). The database is `vacuum analyze`d after the bulk load, as autovacuum
// would leave it, so index-only counts do not visit the heap.
// After (1 M cases, PostgreSQL 15, load average 11.6 → 14.6 on the shared 2-core machine, one run):
// list SQL 0.35 ms (Index Scan on cases_district_stage_due_idx, 21 rows, 24 index buffers), capped
// count 0.24 ms (Index Only Scan, heap fetches 0); app 1 048 req/s p50 12 ms p99 126 ms vs ceiling
// 1 277 req/s p50 12 ms p99 58 ms (82 %; p99 BELOW: the ceiling's own p99 misses 50 ms at that load);
// peak RSS 324 MB; two app processes 776 req/s (0.74 ×: two cores already saturated by PostgreSQL,
// autocannon and the servers). `--cpu-prof` of the app process under that load: 54 % idle (waiting
// on PostgreSQL), 13 % writev (socket writes), 8.7 % drizzle-orm (query building, row mapping),
// 3.3 % GC, fastify 2 %, pg 2.6 %, our own code 1.6 %: what is left is the database's and the
// machine's, not per-request work in the server.
//
// Issue 18 target 1, second pass (22:47 quiet run: app 836 req/s p99 52 ms vs ceiling 1 159 req/s p99 36 ms).
// The bench now prints CPU time per request of the server process(es) (/proc/<pid>/stat) and of the bench
// database's PostgreSQL backends (req/s alone is noise on the shared machine), and every measured run
// follows 2 s of unmeasured load (JIT, new pooled connections: neither is the steady state).
// What profiling found: the app used more CPU per request than the ceiling on both sides — server 0.88 ms
// vs 0.35, PostgreSQL 0.93 ms vs 0.62 (200 000 cases). EXPLAIN: planning 0.55–0.68 ms against 0.2–0.55 ms
// execution, on every request (an unnamed statement is planned each time). As a named statement with
// `limit $5` PostgreSQL kept custom plans (plan_cache_mode auto: a generic `limit $n` is costed at 10 % of
// the matching rows); with the limit as a literal it settles on a generic plan, the same Index Scan on
// cases_district_stage_due_idx (backend CPU 0.49 → 0.16 ms per query, one connection, 4 000 interleaved
// runs). `--cpu-prof` of the app (busy time): drizzle building the SQL 15 % (sqlToQuery, `is`), writev
// 26 % (kernel; strace -c: 2 writev + 2 read per request, as the ceiling), drizzle row mapping 6 %,
// zod 4 %, helmet 3 % (@fastify/helmet calls helmet(options) per request), JSON 3 %.
// What changed (src/cases/queries.ts): listCases runs a named statement per filter shape and page size
// (placeholders; built once per database handle, at most 64 names, past that unprepared as before), the
// limit written as a literal. Every shape's plan as a named statement was held against the unnamed one
// (EXPLAIN EXECUTE after 6 runs): the same or cheaper. Unchanged and slow either way: the enterprise
// filter (no index on cases.enterprise_id then: a Sort of all that enterprise's rows, 70 ms at 200 000; indexed
// since, see below) and text search followed by cursor. src/cases/list-statement.test.ts holds prepared = unprepared = an
// in-memory oracle on random filters, pages and cursors.
// Before → after, 1 M cases, same database (--keep-db), one run each back to back (load 2.1–5.1 → 5.0–6.8):
//   ceiling         1 145 → 1 136 req/s  p99 34 → 35 ms  CPU/request server 0.33 → 0.36 ms, PostgreSQL 1.13 → 1.12 ms
//   app, 1 process    722 → 2 080 req/s  p99 74 → 29 ms  CPU/request server 0.69 → 0.35 ms, PostgreSQL 1.23 → 0.20 ms
//   app, 2 processes  903 → 1 967 req/s  p99 53 → 55 ms  (two cores: CPU-bound with autocannon and PostgreSQL)
//   ratio 63 % BELOW → 183 % PASS; listCases alone 2.43 → 1.32 ms; peak RSS 288 → 330 MB.
// 200 000 cases, same pattern (load 4.5–5.1): app 679 → 1 500 req/s, p99 71 → 39 ms, server 0.88 → 0.43 ms,
// PostgreSQL 0.93 → 0.25 ms per request. An earlier 1 M run at load 5.5 gave the app p99 71 ms (ceiling 96 ms):
// p99 follows the machine's load.
// The ceiling as a named prepared statement too (2026-12-04, 00:00 UTC, quiet, load 0.24 → 2.57): with the app's list
// prepared and the ceiling not, the app ran 2 394 req/s against a ceiling of 1 117 (214 %, an unfair ceiling). Both
// prepared, 1 M cases, PostgreSQL: ceiling 2 385 req/s p50 7 ms p99 17 ms (server 0.35 ms, PostgreSQL 0.23 ms CPU per
// request); app 1 688 req/s p50 11 ms p99 25 ms (0.54 / 0.29 ms) → 70.8 % PASS; two processes 1 594 req/s (0.94 ×: the
// two cores are saturated by autocannon, PostgreSQL and the servers); peak RSS 287 MB PASS.
// Reads that name one enterprise or one case (2026-12-05, third session; 1 M cases, 1 M leads, and by hand 400 000
// payments and 200 000 monitoring events in the same database; EXPLAIN ANALYZE and the app's own functions, 20 calls each):
// every foreign key without an index led by it was listed (pg_constraint against pg_index) and the ones the app reads by
// were measured. Each was a (parallel) scan of the whole table: an enterprise's case list 268 ms, its first-violation
// history (exemptions loadHistory, with min(filed_on) of all cases) 289 ms, its 违法次数 record (discretion
// listPartyCases) 157 ms, its compliance record (leads since a date) 90–140 ms, a case's payments 40–130 ms (its page,
// its documents, and the court-window board once per case), an outfall's earliest open event when judging it 56–92 ms.
// drizzle/0027_scale_indexes.sql: cases (enterprise_id, decision_due_on, id) and (filed_on), leads (enterprise_id,
// discovered_on), payments (case_id, paid_on, id), committee_discussions (case_id), monitoring_events (outfall_id,
// start_at) where ongoing. After: 3–4 ms, 2.2–2.7 ms, 2.4 ms, 20–43 ms (the other nine reads of the record), 0.35–4.8 ms,
// 0.6–7 ms. src/cases/indexes.test.ts and src/monitoring/indexes.test.ts hold each read to an index led by its column
// (each fails without its index). Left: case_officers has no index by user (the bench's 2 officers hold every case, so
// it could not be measured here). The court-window board now sums each case's payments inside its one query (it ran a query per
// served fine; paid fines drop out in SQL); it still loads each unpaid case's records one by one.
// Every GET route at a million cases (2026-12-05, fourth session: this bench's database kept with --keep-db, `ecogov serve` on
// it, each route of /api/docs/json requested as the bench's administrator and officer, ids 500000 or 1; bench/every-route.ts):
// - GET /api/cases/deadlines and GET /api/workbench answered 500: the board's 暂定 lookup bound one parameter per listed
//   case (drizzle inArray; stack overflow at 1 M, PostgreSQL's limit is 65 535). Lists whose length the data decides now
//   bind one array (platform/db/any-of.ts equalsAny). The board's court-enforcement windows read two queries per unpaid fine:
//   now one each for all of them (bench/deadlines-board.ts: 2 000 fines 0.97–1.39 s → 37–56 ms).
// - GET /api/leads 2.5–2.6 s: each page sorted all million leads and ran its 暂定 subquery for each; drizzle/0028 indexes
//   the list's order by district+status, status and none: ≈ 10 ms a page (page 40: 80–100 ms; the exact total's count
//   of all leads ≈ 120 ms is kept, the lead list shows it).
// - GET /api/cases?q=<a rare enterprise name> 3.5–4.1 s (joined enterprises per case walked): the matching enterprises are
//   found first, 1.2–1.9 s; a case number ≈ 2 s. What is left is ILIKE over every case's number and cause. pg_trgm works
//   for Chinese here (C.UTF-8: show_trgm gives the trigrams; PGlite ships it as an extension) but the planner still walks
//   the deadline index for the LIMIT; a search that finds the matching ids first (capped) and then orders them is the next step.
// - Left as found: this bench's cases are all open and overdue (no case is decided or closed), so the deadlines board lists
//   1 000 000 items (275 MB, 25–35 s) and the workbench counts them (11–15 s): a real bureau has few overdue items, but the
//   board has no cap or pages. GET /api/enterprises/export of 20 000 enterprises 3.6–4.2 s (exceljs). Everything else ≤ 0.4 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/platform/db/index.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import { buildApp } from '../src/platform/http/app.js';
import { addUser, findPrincipalByUsername } from '../src/users/actions.js';
import { caseListPageQuery, listCases } from '../src/cases/queries.js';
import { loadHistory } from '../src/exemptions/queries.js';
import { listPartyCases } from '../src/discretion/queries.js';
import { encodeCaseCursor, type CaseCursor } from '../src/cases/list-cursor.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const CASES = Number(arg('cases', '1000000'));
const SECONDS = Number(arg('seconds', '10'));
const ENGINE = arg('engine', 'both');
const PROFILE = process.argv.includes('--profile');
const KEEP_DB = process.argv.includes('--keep-db') ? arg('keep-db', '') : null;
const PG_URL = process.env.ECOGOV_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTERPRISES = 20_000;
const STEPS_PER_CASE = 3;
const PAGE_SIZE = 20;
const CLOCK = new Date('2021-06-01T12:00:00+08:00');
/** The ceiling's SQL: the same page (columns, joins, 暂定 flag, order) by keyset, written by hand, run as a named prepared statement. */
const CEILING_SQL = `
  select c.id, c.number, c.cause, c.stage, c.filed_on, c.decision_due_on, c.enterprise_id, e.name as enterprise_name,
         c.district_id, d.name as district_name, c.decision_kind, c.decision_fine_fen, c.major, c.proposal,
         exists (select 1 from case_deadlines k where k.case_id = c.id and k.kind = 'decision' and k.current
                 and k.due_on = c.decision_due_on and cardinality(k.provisional_years) > 0) as decision_due_provisional
  from cases c join enterprises e on e.id = c.enterprise_id join districts d on d.id = c.district_id
  where c.district_id = $1 and c.stage = $2 and (c.decision_due_on, c.id) > ($3::date, $4::int)
  order by c.decision_due_on, c.id limit ${PAGE_SIZE + 1}`;

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
};

function startServer(kind: 'app' | 'ceiling', dbUrl: string, profileDir?: string): Promise<{ url: string; child: ChildProcess }> {
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'bench/cases-list.ts', '--serve', kind], {
    env: { ...process.env, BENCH_DB_URL: dbUrl }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); const line = out.split('\n')[0]; if (out.includes('\n')) resolve({ url: line!.trim(), child }); });
    child.on('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
}
const stopServer = (child: ChildProcess) => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
/** Peak resident memory of a process (VmHWM), MB. */
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
/** CPU time (user + system) a process has used, ms (utime, stime of /proc/<pid>/stat; 100 ticks a second). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0; // exited
  }
}

/** Bulk rows straight in SQL (generate_series): the list's data, not the procedure's rules, is under test. */
async function seedCases(d: Database) {
  const db = d.db;
  await time('reference data', () => seedReferenceData(db, new Date()));
  await time(`${ENTERPRISES} enterprises`, () => db.execute(sql`
    insert into enterprises (credit_code, name, legal_representative, district_id, industry_code, address, created_at, updated_at)
    select 'BENCH' || lpad(i::text, 13, '0'), '烟台基准测试企业' || i || '有限公司', '王', (select id from districts order by id offset (i % 13) limit 1),
           'C2614', '烟台', now(), now()
    from generate_series(1, ${ENTERPRISES}::int) i`));
  const password = 'bench-password-123';
  for (const [username, role, credentialNo] of [['bench-admin', 'administrator', null], ['bench-o1', 'enforcement_officer', 'B1'], ['bench-o2', 'enforcement_officer', 'B2']] as const) {
    await addUser(db, SYSTEM_ACTOR, { username, displayName: username, password, role, districtId: null, departmentId: null, enterpriseId: null, credentialNo, holdsLegalQualification: false }, new Date());
  }
  const BATCH = 200_000;
  await time(`${CASES} leads + cases + officers + ${STEPS_PER_CASE} steps each`, async () => {
    for (let from = 1; from <= CASES; from += BATCH) {
      const to = Math.min(CASES, from + BATCH - 1);
      await db.execute(sql`
        insert into leads (source, enterprise_id, district_id, summary, discovered_on, filing_due_on, status, created_at)
        select 'inspection', e.id, e.district_id, '线索' || i, date '2021-01-01' + (i % 365), date '2021-01-16' + (i % 365), 'filed', now()
        from generate_series(${from}::int, ${to}::int) i join enterprises e on e.id = 1 + (i % ${ENTERPRISES}::int)`);
      await db.execute(sql`
        insert into cases (number, lead_id, enterprise_id, district_id, cause, act_on, stage, filed_on, filed_by_id, decision_due_on, major, created_at, updated_at)
        select '烟环立〔2021〕' || l.id || '号', l.id, l.enterprise_id, l.district_id, '超标排放', l.discovered_on, (array['investigating','case_review','legal_review','notification','deciding','executing','closed','archived'])[1 + l.id % 8],
               l.discovered_on, (select min(id) from users), l.discovered_on + 90, '{"majorPublicInterest":false,"complexSeveralLegalRelations":false,"requiredByOtherLaw":false}'::jsonb, now(), now()
        from leads l where l.id between ${from}::int and ${to}::int`);
      await db.execute(sql`insert into case_officers (case_id, user_id, lead) select c.id, u.id, u.username = 'bench-o1' from cases c cross join users u where c.id between ${from}::int and ${to}::int and u.role = 'enforcement_officer'`);
      await db.execute(sql`
        insert into case_steps (case_id, kind, occurred_on, officer_ids, data, created_at)
        select c.id, (array['filing','inspection_record','submission'])[s], c.filed_on, '{}', '{}'::jsonb, now()
        from cases c cross join generate_series(1, ${STEPS_PER_CASE}::int) s where c.id between ${from}::int and ${to}::int`);
      process.stderr.write(`\r    ${to}/${CASES}`);
    }
    process.stderr.write('\n');
  });
  await time('vacuum analyze', () => db.execute(sql`vacuum analyze`));
  return { username: 'bench-admin', password };
}

function run(url: string, headers: Record<string, string>, connections = 20, duration = SECONDS): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}
/** Unmeasured load before each measured run: JIT compilation and new pooled connections are not the steady state. */
const WARMUP_SECONDS = 2;
type Figures = { rps: number; p50: number; p99: number; errors: number; serverMs?: number; pgMs?: number };
const figures = (r: autocannon.Result): Figures => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
const row = (name: string, f: Figures) =>
  `  ${name.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}` +
  (f.serverMs === undefined ? '' : `   CPU per request: server ${f.serverMs.toFixed(2)} ms, PostgreSQL ${f.pgMs!.toFixed(2)} ms`);

/**
 * Load runs with the CPU time they cost, per request: the server processes' and the bench database's
 * PostgreSQL backends' (the machine is shared, so req/s is noisy; CPU per request is not).
 */
async function measuredRuns(admin: pg.Client, dbName: string, servers: number[], runs: { url: string; headers: Record<string, string>; connections: number }[]) {
  const backends = async () => (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [dbName])).rows.map((r) => r.pid);
  await Promise.all(runs.map((r) => run(r.url, r.headers, r.connections, WARMUP_SECONDS)));
  const pgBefore = new Map((await backends()).map((pid) => [pid, cpuMs(pid)]));
  const serverBefore = servers.map(cpuMs);
  const results = await Promise.all(runs.map((r) => run(r.url, r.headers, r.connections)));
  const serverMs = servers.reduce((s, pid, i) => s + cpuMs(pid) - serverBefore[i]!, 0);
  const pgMs = (await backends()).reduce((s, pid) => s + cpuMs(pid) - (pgBefore.get(pid) ?? 0), 0);
  const requests = results.reduce((s, r) => s + r.requests.total, 0);
  const f: Figures = {
    rps: results.reduce((s, r) => s + r.requests.average, 0), p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((s, r) => s + r.errors + r.non2xx, 0), serverMs: serverMs / requests, pgMs: pgMs / requests,
  };
  return f;
}

async function login(appUrl: string, credentials: { username: string; password: string }) {
  const res = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The page under test: one district, stage 'deciding', the page after the middle row (a deep page). */
async function deepPage(d: Database) {
  const [district] = await queryRows<{ id: number }>(d.db, sql`select id from districts order by id limit 1`);
  const districtId = district!.id;
  const [{ n }] = await queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from cases where district_id = ${districtId} and stage = 'deciding'`) as [{ n: number }];
  const [mid] = await queryRows<{ due: string; id: number }>(d.db, sql`select decision_due_on::text as due, id from cases where district_id = ${districtId} and stage = 'deciding' order by decision_due_on, id offset ${Math.floor(n / 2)} limit 1`);
  const cursor: CaseCursor = { dueOn: mid!.due, id: mid!.id };
  return { districtId, matching: n, cursor };
}

async function explain(d: Database, principalName: string, page: Awaited<ReturnType<typeof deepPage>>) {
  const admin = (await findPrincipalByUsername(d.db, principalName))!;
  const q = caseListPageQuery(d.db, admin, { stage: 'deciding', districtId: page.districtId }, { pageSize: PAGE_SIZE, cursor: page.cursor }).toSQL();
  console.log(`  list SQL (cursor page): ${q.sql}\n  params: ${JSON.stringify(q.params)}`);
  const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  const inlined = q.sql.replace(/\$(\d+)/g, (_m, i: string) => literal(q.params[Number(i) - 1]));
  const plan = await queryRows<Record<string, string>>(d.db, sql.raw(`explain (analyze, buffers) ${inlined}`));
  console.log(plan.map((r) => `    ${Object.values(r)[0]}`).join('\n'));
  const count = await queryRows<Record<string, string>>(d.db, sql.raw(`explain (analyze, buffers) select count(*) from (select 1 from cases where district_id = ${page.districtId} and stage = 'deciding' limit 1001) t`));
  console.log('  capped count (page-numbered requests only):');
  console.log(count.map((r) => `    ${Object.values(r)[0]}`).join('\n'));
  const t0 = performance.now();
  for (let i = 0; i < 50; i++) await listCases(d.db, admin, { stage: 'deciding', districtId: page.districtId }, { pageSize: PAGE_SIZE, cursor: page.cursor });
  console.log(`  listCases (cursor page) alone: ${((performance.now() - t0) / 50).toFixed(2)} ms per call`);
  // One enterprise's reads (its case list, its first-violation history, its 违法次数 record): by cases_enterprise_due_idx.
  const [busiest] = await queryRows<{ id: number; n: number }>(d.db, sql`select enterprise_id as id, count(*)::int as n from cases group by 1 order by 2 desc limit 1`);
  const perCall = async (fn: () => Promise<unknown>) => { const t = performance.now(); for (let i = 0; i < 20; i++) await fn(); return ((performance.now() - t) / 20).toFixed(2); };
  const enterpriseList = await perCall(() => listCases(d.db, admin, { enterpriseId: busiest!.id }, { pageSize: PAGE_SIZE }));
  const history = await perCall(() => loadHistory(d.db, busiest!.id, 0));
  const party = await perCall(() => listPartyCases(d.db, busiest!.id));
  console.log(`  one enterprise (${busiest!.n} cases): its case list ${enterpriseList} ms, first-violation history (with the first filing date) ${history} ms, 违法次数 record ${party} ms per call`);
}

/** The plan PostgreSQL settles on for listCases' named statement: after five executions, a generic one if it costs no more. */
async function explainPrepared(dbUrl: string, d: Database, principalName: string, page: Awaited<ReturnType<typeof deepPage>>) {
  const admin = (await findPrincipalByUsername(d.db, principalName))!;
  const q = caseListPageQuery(d.db, admin, { stage: 'deciding', districtId: page.districtId }, { pageSize: PAGE_SIZE, cursor: page.cursor }).toSQL();
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    for (let i = 0; i < 6; i++) await client.query({ name: 'bench_list', text: q.sql, values: q.params });
    const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
    const plan = await client.query(`explain (analyze, buffers) execute bench_list(${q.params.map(literal).join(', ')})`);
    console.log('  the same SQL as a named statement, 7th execution (plan_cache_mode auto):');
    console.log(plan.rows.map((r: Record<string, string>) => `    ${Object.values(r)[0]}`).join('\n'));
  } finally {
    await client.end();
  }
}

function verdict(app: Figures, ceiling: Figures, rssMb: number | null) {
  const ratio = app.rps / ceiling.rps;
  console.log(`  ratio to ceiling: ${(ratio * 100).toFixed(1)} %   → ${app.p99 < 50 && ratio >= 0.5 ? 'PASS' : 'BELOW'} (target: p99 < 50 ms and ≥ 50 % of ceiling)`);
  if (rssMb !== null) console.log(`  server peak RSS: ${rssMb.toFixed(0)} MB   → ${rssMb < 400 ? 'PASS' : 'BELOW'} (target < 400 MB)`);
}

async function bench(engine: 'postgres' | 'pglite') {
  console.log(`\n== ${engine}: ${CASES.toLocaleString()} cases, ${SECONDS} s per run, 20 connections; load average ${load()}`);
  if (engine === 'pglite') return benchPglite();
  // --keep-db <name>: seed that database once and keep it (iterating on the server; drop it by hand).
  const name = KEEP_DB ?? `ecogov_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = KEEP_DB !== null && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const database = await openDatabase({ url: dbUrl });
  const children: ChildProcess[] = [];
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'ecogov-prof-')) : undefined;
  try {
    await time('migrate', () => migrateDatabase(database));
    const credentials = exists ? { username: 'bench-admin', password: 'bench-password-123' } : await seedCases(database);
    const page = await deepPage(database);
    await explain(database, credentials.username, page);
    await explainPrepared(dbUrl, database, credentials.username, page);

    const ceiling = await startServer('ceiling', dbUrl);
    children.push(ceiling.child);
    const app1 = await startServer('app', dbUrl, profileDir);
    children.push(app1.child);
    const cookie = await login(app1.url, credentials);
    const path = `/api/cases?stage=deciding&districtId=${page.districtId}&pageSize=${PAGE_SIZE}&cursor=${encodeCaseCursor(page.cursor)}`;
    const sample = await (await fetch(`${app1.url}${path}`, { headers: { cookie } })).json() as { items: unknown[]; nextCursor: string | null };
    const first = await (await fetch(`${app1.url}/api/cases?stage=deciding&districtId=${page.districtId}&pageSize=${PAGE_SIZE}`, { headers: { cookie } })).json() as { total: number; totalCapped: boolean };
    console.log(`  ${page.matching} cases match; page after row ${Math.floor(page.matching / 2)}: ${sample.items.length} rows, next cursor ${sample.nextCursor ? 'yes' : 'no'}; first page total ${first.total}${first.totalCapped ? '+' : ''}`);
    const t1 = performance.now();
    for (let i = 0; i < 50; i++) await (await fetch(`${app1.url}${path}`, { headers: { cookie } })).arrayBuffer();
    console.log(`  one request at a time: ${((performance.now() - t1) / 50).toFixed(2)} ms per request`);

    const ceilingUrl = `${ceiling.url}/cases?districtId=${page.districtId}&stage=deciding&dueOn=${page.cursor.dueOn}&id=${page.cursor.id}`;
    const bare = figures(await run(`${ceiling.url}/`, {}));
    const ceil = await measuredRuns(admin, name, [ceiling.child.pid!], [{ url: ceilingUrl, headers: {}, connections: 20 }]);
    const one = await measuredRuns(admin, name, [app1.child.pid!], [{ url: `${app1.url}${path}`, headers: { cookie }, connections: 20 }]);
    const rss = peakRssMb(app1.child.pid!);
    const app2 = await startServer('app', dbUrl);
    children.push(app2.child);
    const two = await measuredRuns(admin, name, [app1.child.pid!, app2.child.pid!], [
      { url: `${app1.url}${path}`, headers: { cookie }, connections: 10 }, { url: `${app2.url}${path}`, headers: { cookie }, connections: 10 },
    ]);
    const rss2 = Math.max(peakRssMb(app1.child.pid!), peakRssMb(app2.child.pid!));
    console.log(row('bare Fastify hello-world', bare));
    console.log(row('ceiling: Fastify + pg, keyset SQL', ceil));
    console.log(row('GET /api/cases, 1 process', one));
    console.log(row('GET /api/cases, 2 processes', two));
    verdict(one, ceil, rss);
    console.log(`  two processes: ${(two.rps / one.rps).toFixed(2)} × one (same session cookie, no stickiness; peak RSS ${rss2.toFixed(0)} MB each at most)`);
    console.log(`  load average now ${load()}`);
    if (profileDir) console.log(`  CPU profile of the first app process: ${profileDir} (open in Chrome DevTools)`);
  } finally {
    for (const c of children) if (c.exitCode === null) await stopServer(c);
    await database.close();
    if (KEEP_DB === null) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** PGlite serves one process: the app, the ceiling (a bare route querying the same PGlite) and autocannon share it. */
async function benchPglite() {
  const dir = mkdtempSync(join(tmpdir(), 'ecogov-bench-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await time('migrate', () => migrateDatabase(database));
    const credentials = await seedCases(database);
    const page = await deepPage(database);
    await explain(database, credentials.username, page);
    const app = await buildApp({ database, clock: () => CLOCK });
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify();
    const ceilingSql = CEILING_SQL.replace('$1', String(page.districtId)).replace('$2', "'deciding'").replace('$3', `'${page.cursor.dueOn}'`).replace('$4', String(page.cursor.id));
    bare.get('/cases', async () => ({ items: await queryRows(database.db, sql.raw(ceilingSql)) }));
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await login(appUrl, credentials);
    const path = `/api/cases?stage=deciding&districtId=${page.districtId}&pageSize=${PAGE_SIZE}&cursor=${encodeCaseCursor(page.cursor)}`;
    const ceil = figures(await run(`${bareUrl}/cases`, {}));
    const one = figures(await run(`${appUrl}${path}`, { cookie }));
    console.log(row('ceiling: Fastify + PGlite, keyset SQL', ceil));
    console.log(row('GET /api/cases', one));
    verdict(one, ceil, null);
    console.log(`  RSS of this whole process (PGlite, the server, the seeded data's loader and autocannon): ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; load average now ${load()}`);
    await app.close();
    await bare.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- child-process servers: `--serve app|ceiling` with BENCH_DB_URL; prints its URL on stdout ----
async function serve() {
  const kind = arg('serve', 'app');
  const url = process.env.BENCH_DB_URL!;
  let address: string;
  if (kind === 'ceiling') {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const bare = Fastify();
    bare.get('/', async () => ({ hello: 'world' }));
    bare.get<{ Querystring: { districtId: string; stage: string; dueOn: string; id: string } }>('/cases', async (request) => {
      const q = request.query;
      // Named: prepared once per pooled connection and its plan reused, as the app's list statement is (a fair ceiling).
      const { rows } = await pool.query({ name: 'ceiling_page', text: CEILING_SQL, values: [Number(q.districtId), q.stage, q.dueOn, Number(q.id)] });
      return { items: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
    });
    address = await bare.listen({ port: 0, host: '127.0.0.1' });
  } else {
    const database = await openDatabase({ url });
    const app = await buildApp({ database, clock: () => CLOCK, loginRateLimit: { max: 1_000_000, timeWindow: 60_000 } });
    address = await app.listen({ port: 0, host: '127.0.0.1' });
  }
  process.stdout.write(`${address}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv.includes('--serve')) await serve();
else for (const engine of ENGINE === 'both' ? (['postgres', 'pglite'] as const) : [ENGINE as 'postgres' | 'pglite']) await bench(engine);
