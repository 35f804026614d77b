// Benchmark: the case list (filtered, paginated, sorted by deadline) over 1 000 000 cases, against a
// bare Fastify hello-world in the same run, on PostgreSQL and on PGlite. Prints figures; asserts nothing.
//   npx tsx bench/cases-list.ts [--cases 1000000] [--seconds 10] [--engine postgres|pglite|both]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import { buildApp } from '../src/platform/http/app.js';
import { addUser, findPrincipalByUsername } from '../src/users/actions.js';
import { listCases } from '../src/cases/queries.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const CASES = Number(arg('cases', '1000000'));
const SECONDS = Number(arg('seconds', '10'));
const ENGINE = arg('engine', 'both');
const PG_URL = process.env.ECOGOV_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTERPRISES = 20_000;
const STEPS_PER_CASE = 3;

const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
};

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
  await time('analyze', () => db.execute(sql`analyze`));
  return { username: 'bench-admin', password };
}

function run(url: string, headers: Record<string, string>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: 20, duration: SECONDS }, (err, result) => (err ? reject(err) : resolve(result)));
    void instance;
  });
}

async function bench(engine: 'postgres' | 'pglite') {
  console.log(`\n== ${engine}: ${CASES.toLocaleString()} cases`);
  let database: Database;
  let cleanup = async () => {};
  if (engine === 'postgres') {
    database = await openScratchDatabase(PG_URL, 'ecogov_bench');
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'ecogov-bench-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  try {
    await time('migrate', () => migrateDatabase(database));
    const login = await seedCases(database);
    const app = await buildApp({ database, clock: () => new Date('2021-06-01T12:00:00+08:00') });
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify();
    bare.get('/', async () => ({ hello: 'world' }));
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const districtId = (await (await fetch(`${appUrl}/api/organisation/districts`, { headers: { cookie } })).json() as { items: { id: number }[] }).items[0]!.id;
    const listUrl = `${appUrl}/api/cases?stage=deciding&districtId=${districtId}&page=3&pageSize=20`;
    const sample = await (await fetch(listUrl, { headers: { cookie } })).json() as { total: number; items: unknown[] };
    console.log(`  list returns ${sample.items.length} of ${sample.total} matching cases`);
    // Where the time goes: the query alone (no HTTP), then one request at a time.
    const admin = (await findPrincipalByUsername(database.db, login.username))!;
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) await listCases(database.db, admin, { stage: 'deciding', districtId }, { page: 3, pageSize: 20 });
    console.log(`  listCases query alone: ${((performance.now() - t0) / 50).toFixed(1)} ms per call`);
    const t1 = performance.now();
    for (let i = 0; i < 50; i++) await (await fetch(listUrl, { headers: { cookie } })).arrayBuffer();
    console.log(`  one request at a time: ${((performance.now() - t1) / 50).toFixed(1)} ms per request`);
    const bareResult = await run(bareUrl, {});
    const listResult = await run(listUrl, { cookie });
    const row = (name: string, r: autocannon.Result) => `  ${name.padEnd(28)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
    console.log(row('bare Fastify hello-world', bareResult));
    console.log(row('GET /api/cases (filtered)', listResult));
    console.log(`  throughput ratio: ${((listResult.requests.average / bareResult.requests.average) * 100).toFixed(1)} % of bare`);
    await app.close();
    await bare.close();
  } finally {
    await database.close();
    await cleanup();
  }
}

for (const engine of ENGINE === 'both' ? (['postgres', 'pglite'] as const) : [ENGINE as 'postgres' | 'pglite']) await bench(engine);
