// The demo bureau's 2020 adds up to the seed's figures (../shared/domain/seed-figures.md), each computed by
// the capability's own year-figure query. The bureau is set up as src/demo/seed.ts does (organisation,
// enterprises, the users the actions need), without the other capabilities' demo data, to stay fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ENGINE } from '../../test/helpers/db.js';
import { createDemoBureauFor2020 } from '../../test/helpers/demo-2020.js';
import { queryRows, type Database } from '../platform/db/index.js';
import { countMeasuresByKind } from '../measures/index.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { SEED_2020, seedDemoYear2020, year2020Totals } from './year-2020.js';

describe(`the demo bureau's 2020 adds up to the seed (${ENGINE})`, () => {
  let database: Database;
  let seconds = 0;
  let cpuSeconds = 0;
  beforeAll(async () => {
    database = await createDemoBureauFor2020();
    const db = database.db;
    const started = Date.now();
    const cpu = process.cpuUsage();
    await seedDemoYear2020(db);
    seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    cpuSeconds = (used.user + used.system) / 1e6;
  }, 600_000);
  afterAll(async () => database?.close());

  it('reproduces the enforcement figures (a table: figure, seed, computed), through the real procedure', async () => {
    const db = database.db;
    const totals = await year2020Totals(db);
    const measures = await countMeasuresByKind(db, 2020);
    const [unreviewed] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from committee_discussions d
      where not exists (select 1 from legal_reviews r where r.case_id = d.case_id and r.outcome = 'passed')`);
    const spread = await queryRows<{ districts: number; months: number; causes: number }>(db, sql`select count(distinct district_id)::int as districts,
      count(distinct extract(month from filed_on))::int as months, count(distinct cause)::int as causes from cases where filed_on >= '2020-01-01' and filed_on < '2021-01-01'`);
    const table = [
      { figure: '立案处罚 (cases filed in 2020)', seed: SEED_2020.casesFiled, computed: totals.casesFiled },
      { figure: '罚款金额 (万元, truncated)', seed: 1633, computed: Math.floor(totals.finesFen / 100 / 10_000) },
      { figure: '限产停产 (enterprises)', seed: 1, computed: measures.production_restriction },
      { figure: '移送行政拘留', seed: 4, computed: measures.detention_transfer },
      { figure: '移送涉嫌犯罪', seed: 3, computed: measures.crime_transfer },
      { figure: '未经审核提交集体讨论', seed: 0, computed: unreviewed?.n ?? -1 },
    ];
    console.table(table);
    console.log(`2020 demo generation: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU on ${ENGINE}`);
    for (const row of table) expect(row.computed, row.figure).toBe(row.seed);
    expect(spread[0]).toMatchObject({ districts: 13, months: 12 });
    expect(spread[0]!.causes).toBeGreaterThanOrEqual(10);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    // Running it again adds nothing (it tops up to the seed's figures).
    expect(await seedDemoYear2020(db)).toMatchObject({ casesCreated: 0 });
  });
});
