// Benchmark: the public decisions list (行政处罚公示) over 100 000 published decisions, 50 concurrent clients,
// plain requests and requests carrying the ETag they were given (If-None-Match → 304). Prints p50 / p99 and req/s
// and PASS / BELOW against p99 < 50 ms (issue 16).
//   npx tsx bench/disclosure.ts [--decisions 100000] [--seconds 10] [--connections 50] [--engine postgres|pglite]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import autocannon from 'autocannon';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import { addUser } from '../src/users/actions.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';
import { disclosureRoutes } from '../src/disclosure/index.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const DECISIONS = Number(arg('decisions', '100000'));
const SECONDS = Number(arg('seconds', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const ENGINE = arg('engine', 'postgres') as 'postgres' | 'pglite';
const PG_URL = process.env.ECOGOV_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_P99_MS = 50;
const ENTERPRISES = 5_000;

const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return r;
};

/** Bench-only rows straight in SQL (generate_series): the list, not the publication procedure, is under test. */
async function seed(d: Database) {
  const db = d.db;
  await time('reference data', () => seedReferenceData(db, new Date()));
  await addUser(db, SYSTEM_ACTOR, { username: 'bench-reviewer', displayName: 'bench', password: 'bench-password-123', role: 'legal_reviewer', districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: true }, new Date());
  await time(`${ENTERPRISES} enterprises`, () => db.execute(sql`
    insert into enterprises (credit_code, name, legal_representative, district_id, industry_code, address, created_at, updated_at)
    select 'BENCH' || lpad(i::text, 13, '0'), '烟台基准测试企业' || i || '有限公司', '王', (select id from districts order by id offset (i % 13) limit 1), 'C2614', '烟台', now(), now()
    from generate_series(1, ${ENTERPRISES}::int) i`));
  const BATCH = 50_000;
  await time(`${DECISIONS} leads + decided cases + published decisions`, async () => {
    for (let from = 1; from <= DECISIONS; from += BATCH) {
      const to = Math.min(DECISIONS, from + BATCH - 1);
      await db.execute(sql`
        insert into leads (source, enterprise_id, district_id, summary, discovered_on, filing_due_on, status, created_at)
        select 'inspection', e.id, e.district_id, '线索' || i, date '2019-01-01' + (i % 2000), date '2019-01-16' + (i % 2000), 'filed', now()
        from generate_series(${from}::int, ${to}::int) i join enterprises e on e.id = (select min(id) from enterprises) + (i % ${ENTERPRISES}::int)`);
      await db.execute(sql`
        insert into cases (number, lead_id, enterprise_id, district_id, cause, act_on, stage, filed_on, filed_by_id, decision_due_on, major, created_at, updated_at)
        select '烟环立〔B〕' || l.id || '号', l.id, l.enterprise_id, l.district_id, '超标排放', l.discovered_on, 'executing', l.discovered_on, (select min(id) from users),
               l.discovered_on + 90, '{"majorPublicInterest":false,"complexSeveralLegalRelations":false,"requiredByOtherLaw":false}'::jsonb, now(), now()
        from leads l where l.id between ${from}::int and ${to}::int`);
      await db.execute(sql`
        insert into penalty_publications (case_id, district_id, enterprise_id, decision_number, decided_on, year, fine_fen, record, status, due_on, published_on, published_at, published_by_id, updated_at)
        select c.id, c.district_id, c.enterprise_id, '烟环罚〔' || extract(year from c.filed_on + 30) || '〕' || c.id || '号', c.filed_on + 30, extract(year from c.filed_on + 30)::int, 100000 + (c.id % 50) * 10000,
               jsonb_build_object('partyName', e.name, 'partyKind', 'organisation', 'creditCode', e.credit_code, 'decisionNumber', '烟环罚〔' || c.id || '〕号',
                 'violation', '超标排放水污染物', 'facts', '该公司废水总排口化学需氧量超标排放。', 'basis', '《中华人民共和国水污染防治法》第八十三条',
                 'penaltyKinds', jsonb_build_array('fine'), 'penaltyContent', '罚款', 'fineFen', 100000 + (c.id % 50) * 10000, 'decidedOn', (c.filed_on + 30)::text,
                 'agency', '烟台市生态环境局', 'districtName', dd.name),
               case when c.id % 50 = 0 then 'withdrawn' else 'published' end, c.filed_on + 39, c.filed_on + 35, now(), (select min(id) from users), now()
        from cases c join enterprises e on e.id = c.enterprise_id join districts dd on dd.id = c.district_id
        where not exists (select 1 from penalty_publications p where p.case_id = c.id)`);
      process.stderr.write(`\r    ${to}/${DECISIONS}`);
    }
    process.stderr.write('\n');
  });
  await time('analyze', () => db.execute(sql`analyze`));
}

function run(url: string, headers: Record<string, string>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

console.log(`\n== ${ENGINE}: ${DECISIONS.toLocaleString()} published decisions, ${CONNECTIONS} clients, ${SECONDS} s each`);
let database: Database;
let cleanup = async () => {};
if (ENGINE === 'postgres') {
  database = await openScratchDatabase(PG_URL, 'ecogov_bench_disclosure');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ecogov-bench-'));
  database = await openDatabase({ dataDir: dir });
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}
try {
  await time('migrate', () => migrateDatabase(database));
  await seed(database);
  // Where the time goes: the two statements of one list request, without HTTP.
  for (const [label, q] of [
    ['count(*) of the list', sql`select count(*)::int from penalty_publications`],
    ['one page (order by decided_on desc, id desc)', sql`select * from penalty_publications order by decided_on desc, id desc limit 20 offset 0`],
  ] as const) {
    const t0 = performance.now();
    for (let i = 0; i < 30; i++) await database.db.execute(q);
    console.log(`  ${label}: ${((performance.now() - t0) / 30).toFixed(1)} ms per call`);
  }
  // The disclosure plugin as the app mounts it, rate limiter included, with the per-IP limit lifted: the bench's
  // 50 clients share one address, which the production limit (120 a minute) would turn into 429s.
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(rateLimit, { global: false });
  await app.register(disclosureRoutes, { db: database.db, clock: () => new Date(), publicRateLimit: { max: 1_000_000_000, timeWindow: 60_000 } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const results: { name: string; r: autocannon.Result }[] = [];
  for (const [name, path] of [['first page', '/api/public/decisions?page=1&pageSize=20'], ['district, page 5', '/api/public/decisions?districtId=__D__&page=5&pageSize=20']] as const) {
    const districtId = ((await (await fetch(`${base}/api/public/districts`)).json()) as { items: { id: number }[] }).items[0]!.id;
    const url = `${base}${path.replace('__D__', String(districtId))}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    const body = await first.json() as { total: number; items: unknown[] };
    console.log(`  ${name}: ${body.items.length} of ${body.total}; ETag ${etag}`);
    const t0 = performance.now();
    for (let i = 0; i < 30; i++) await (await fetch(url)).arrayBuffer();
    console.log(`  ${name}: one request at a time ${((performance.now() - t0) / 30).toFixed(1)} ms`);
    results.push({ name: `GET ${name}`, r: await run(url, {}) });
    const check = await fetch(url, { headers: { 'if-none-match': etag } });
    if (check.status !== 304) console.log(`  (If-None-Match answered ${check.status}, not 304)`);
    results.push({ name: `GET ${name}, If-None-Match`, r: await run(url, { 'if-none-match': etag }) });
  }
  console.log('');
  for (const { name, r } of results) {
    const verdict = r.latency.p99 < TARGET_P99_MS ? 'PASS' : 'BELOW';
    console.log(`  ${name.padEnd(36)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   `
      + `2xx ${r['2xx']} 304 ${r['3xx']} errors ${r.errors + r.non2xx - r['3xx']}   ${verdict} (p99 < ${TARGET_P99_MS} ms)`);
  }
  await app.close();
} finally {
  await database.close();
  await cleanup();
}
