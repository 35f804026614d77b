// The demo bureau's 2020 campaigns add up to the seed's figures (../shared/domain/seed-figures.md rows 1, 7, 8, 9, 11,
// 15, 16, 17, 20), each computed by the year-end report's figure registry from the campaigns' records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/helpers/db.js';
import { createDemoBureauFor2020, timed } from '../../test/helpers/demo-2020.js';
import type { Database } from '../platform/db/index.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { computeFigures } from '../annual-report/figures.js';
import { SEED_2020_CAMPAIGNS as SEED, seedDemoCampaigns2020 } from './year-2020-campaigns.js';

describe(`the demo bureau's 2020 campaigns add up to the seed (${ENGINE})`, () => {
  let database: Database;
  let seconds = 0;
  let cpuSeconds = 0;
  let created = 0;
  beforeAll(async () => {
    database = await createDemoBureauFor2020();
    ({ seconds, cpuSeconds } = await timed(async () => { created = (await seedDemoCampaigns2020(database.db)).created; }));
  }, 600_000);
  afterAll(async () => database?.close());

  it('reproduces the campaign figures (a table: figure, seed, computed), through the campaigns’ actions; idempotent; audit chain intact', async () => {
    const db = database.db;
    const figures = await computeFigures(db, 2020, new Date('2021-01-05T09:00:00+08:00'));
    const f = (no: string) => figures.find((x) => x.no === no)!;
    const table = [
      { figure: '1 年度工作任务', seed: SEED.annualTasks, computed: f('1').value },
      { figure: '7a VOCs“一厂一策”评估', seed: SEED.vocsAssessed, computed: f('7a').value },
      { figure: '7b VOCs完成治理', seed: SEED.vocsCompleted, computed: f('7b').value },
      { figure: '8a 扬尘点位', seed: SEED.dustSites, computed: f('8a').value },
      { figure: '8b 扬尘问题', seed: SEED.dustProblems, computed: f('8b').value },
      { figure: '8c 整改督办单', seed: SEED.dustOrders, computed: f('8c').value },
      { figure: '9 淘汰燃煤锅炉', seed: SEED.boilersEliminated, computed: f('9').value },
      { figure: '11 重点河流', seed: SEED.rivers, computed: f('11').value },
      { figure: '11 text', seed: '37条（2200多公里）', computed: f('11').text },
      { figure: '15 调查评审', seed: SEED.soilReviews, computed: f('15').value },
      { figure: '15 text', seed: '115个，将86个在产企业纳入土壤污染防治重点单位', computed: f('15').text },
      { figure: '16 修复试点', seed: SEED.pilotsConstruction + SEED.pilotsFarmland, computed: f('16').value },
      { figure: '16 text', seed: '建设用地1个、农用地3个', computed: f('16').text },
      { figure: '17 安全利用率 %', seed: SEED.plotsSafelyUsedPercent, computed: f('17').value },
      { figure: '20 综合执法行动', seed: SEED.jointOperations, computed: f('20').value },
    ];
    console.table(table);
    console.log(`2020 campaigns generation: ${created} records, ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU on ${ENGINE}`);
    for (const row of table) expect(row.computed, row.figure).toBe(row.seed);
    expect(f('11').note).toMatch(/^22\d\d(\.\d)? km surveyed; \d+ problems handed to districts$/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    // Running it again adds nothing (it tops up to the seed's figures).
    expect(await seedDemoCampaigns2020(db)).toEqual({ created: 0 });
  });
});
