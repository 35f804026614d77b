// Deadlines board benchmark (issue 18): the court-enforcement windows of every served, unpaid fine (行政强制法 第五十三条),
// which the deadlines board and every workbench view read, over N such cases on PostgreSQL. Prints figures only.
//   npx tsx bench/deadlines-board.ts [--cases 2000] [--pg-url postgres://postgres@127.0.0.1:5432/test]
// Found (2026-12-05): the windows read each case's timeline records and its challenges in the litigation register one case
// at a time, two queries a case: 2 000 unpaid fines 0.97–1.39 s a board. Now one query for all the cases' records
// (loadCaseRecordsOf) and one per registered pause source (externalSurchargePausesOf): 37–56 ms (same items; the
// litigation routes test holds each board window against the case's own page). The whole board then 144–161 ms, of which
// the open items ≈ 30 ms, their 暂定 records ≈ 10–20 ms, the windows ≈ 40 ms.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { migrateDatabase } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import '../src/platform/wiring.js';
import { addUser } from '../src/users/actions.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';
import { courtEnforcementWindows } from '../src/cases/court-window-board.js';
import { deadlineBoard } from '../src/cases/board.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const N = Number(arg('cases', '2000'));
console.log(`deadlines-board bench — ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const d = await openScratchDatabase(arg('pg-url', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'), 'ecogov_bench_board');
const db = d.db;
try {
  await migrateDatabase(d);
  await seedReferenceData(db, new Date());
  await db.execute(sql`insert into enterprises (credit_code, name, legal_representative, district_id, industry_code, address, created_at, updated_at)
    select 'BENCH' || lpad(i::text, 13, '0'), '企业' || i, '王', (select id from districts order by id offset (i % 13) limit 1), 'C2614', '烟台', now(), now() from generate_series(1, 50) i`);
  await addUser(db, SYSTEM_ACTOR, { username: 'o1', displayName: 'o1', password: 'bench-password-123', role: 'enforcement_officer', districtId: null, departmentId: null, enterpriseId: null, credentialNo: 'B1', holdsLegalQualification: false }, new Date());
  await db.execute(sql`insert into leads (source, enterprise_id, district_id, summary, discovered_on, filing_due_on, status, created_at)
    select 'inspection', e.id, e.district_id, '线索' || i, date '2026-01-01' + (i % 200), date '2026-01-16' + (i % 200), 'filed', now() from generate_series(1, ${N}::int) i join enterprises e on e.id = 1 + (i % 50)`);
  await db.execute(sql`insert into cases (number, lead_id, enterprise_id, district_id, cause, act_on, stage, filed_on, filed_by_id, decision_due_on, major, created_at, updated_at,
      decision_kind, decision_fine_fen, decided_on, served_on, payment_due_on)
    select '烟环立〔2026〕' || l.id || '号', l.id, l.enterprise_id, l.district_id, '超标排放', l.discovered_on, 'executing', l.discovered_on, (select min(id) from users), l.discovered_on + 90,
      '{"majorPublicInterest":false,"complexSeveralLegalRelations":false,"requiredByOtherLaw":false}'::jsonb, now(), now(), 'penalty', 100000, l.discovered_on + 30, l.discovered_on + 32, l.discovered_on + 47 from leads l`);
  await db.execute(sql`insert into case_steps (case_id, kind, occurred_on, officer_ids, data, created_at)
    select c.id, (array['filing','inspection_record','decision','service'])[s], c.filed_on, '{}', '{}'::jsonb, now() from cases c cross join generate_series(1, 4) s`);
  await db.execute(sql`vacuum analyze`);
  const principal = { userId: 1, role: 'administrator', districtId: null } as never;
  const now = new Date('2026-12-05T04:00:00Z');
  const median = async (label: string, fn: () => Promise<number>) => {
    const runs: number[] = [];
    let items = 0;
    for (let i = 0; i < 7; i++) { const t = performance.now(); items = await fn(); runs.push(performance.now() - t); }
    runs.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(52)} ${items} items, median of 7 ${runs[3]!.toFixed(1)} ms (min ${runs[0]!.toFixed(1)}, max ${runs[6]!.toFixed(1)})`);
  };
  console.log(`PostgreSQL, ${N} served unpaid fines (4 timeline steps each):`);
  await median('court-enforcement windows (行政强制法 第五十三条)', async () => (await courtEnforcementWindows(db, principal, now)).length);
  await median('the whole deadlines board (GET /api/cases/deadlines)', async () => (await deadlineBoard(db, principal, now)).courtEnforcement.length);
} finally { await d.close(); }
