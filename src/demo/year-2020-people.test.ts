// The demo bureau's 2020 people, lists and exemptions add up to the seed (../shared/domain/seed-figures.md rows 3,
// 18, 26, 27, 28), each figure computed by the year-end report's registry (src/annual-report/figures.ts); the
// enforcement year (src/demo/year-2020.ts) runs after it and still adds up to its own figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ENGINE } from '../../test/helpers/db.js';
import { createDemoBureauFor2020, timed } from '../../test/helpers/demo-2020.js';
import { queryRows, type Database } from '../platform/db/index.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { computeFigures } from '../annual-report/figures.js';
import { SEED_2020_PEOPLE, seedDemoPeople2020 } from './year-2020-people.js';
import { SEED_2020, seedDemoYear2020, year2020Totals } from './year-2020.js';

describe(`the demo bureau's 2020 people, lists and exemptions add up to the seed (${ENGINE})`, () => {
  let database: Database;
  let seconds = 0;
  let cpuSeconds = 0;
  beforeAll(async () => {
    database = await createDemoBureauFor2020();
    ({ seconds, cpuSeconds } = await timed(async () => { await seedDemoPeople2020(database.db); }));
    await seedDemoYear2020(database.db);
  }, 900_000);
  afterAll(async () => database?.close());

  it('reproduces figures 3, 18, 26, 27 and 28 (a table: figure, seed, computed), through the actions', async () => {
    const db = database.db;
    const figures = await computeFigures(db, 2020, new Date('2021-01-05T09:00:00+08:00'));
    const f = (no: string) => figures.find((x) => x.no === no)!;
    const table = [
      { no: '3a', figure: '普法考试覆盖率', seed: '100%', computed: f('3a').text },
      { no: '3b', figure: '普法考试通过率', seed: '100%', computed: f('3b').text },
      { no: '18a', figure: '法制审核人员', seed: '3名', computed: f('18a').text },
      { no: '18b', figure: '审核人员占执法人员比例', seed: '5%以上', computed: f('18b').text },
      { no: '26', figure: '印发《环境管理知识百问百答》', seed: '10000余册', computed: f('26').text },
      { no: '27a', figure: '轻微违法行为免罚目录', seed: '14类', computed: f('27a').text },
      { no: '27b', figure: '免予处罚企业', seed: '11家', computed: f('27b').text },
      { no: '28', figure: '正面清单企业', seed: '517个', computed: f('28').text },
      { no: '21', figure: '立案处罚 (with the exemption cases)', seed: `${SEED_2020.casesFiled}件次`, computed: f('21').text },
      { no: '22', figure: '罚款金额', seed: '1633余万元', computed: f('22').text },
    ];
    console.table(table);
    const [registry] = await queryRows<{ enterprises: number; officers: number }>(db, sql`select (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from users where role = 'enforcement_officer' and active and coalesce(credential_no, '') <> '') as officers`);
    console.log(`2020 people generation: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU on ${ENGINE}; registry ${registry!.enterprises} enterprises, ${registry!.officers} credentialed officers`);
    for (const row of table.filter((r) => r.no !== '18b')) expect(row.computed, `${row.no} ${row.figure}`).toBe(row.seed);
    expect(f('18a').value).toBe(SEED_2020_PEOPLE.legalReviewers);
    expect(f('18b').value).toBeGreaterThan(5);
    expect(f('26').value).toBe(SEED_2020_PEOPLE.materialsGiven);
    expect(f('3a').value).toBe(100);

    // The exemption cases are 2020 cases decided 不予处罚 (kind exemption), of distinct enterprises no 2020 penalty names.
    const [ex] = await queryRows<{ n: number; enterprises: number; penalised: number }>(db, sql`select count(*)::int as n, count(distinct x.enterprise_id)::int as enterprises,
      count(*) filter (where exists (select 1 from cases c where c.enterprise_id = x.enterprise_id and c.decision_kind = 'penalty'))::int as penalised
      from exemptions x join cases c on c.id = x.case_id where c.filed_on >= '2020-01-01' and c.filed_on < '2021-01-01' and c.decision_kind = 'exemption'`);
    expect(ex).toEqual({ n: 11, enterprises: 11, penalised: 0 });
    expect(await year2020Totals(db)).toMatchObject({ casesFiled: SEED_2020.casesFiled });
    expect(Math.floor((await year2020Totals(db)).finesFen / 100 / 10_000)).toBe(1633);
    // Everyone enrolled in the 2020 exam sat it and passed.
    const [exam] = await queryRows<{ enrolled: number; passed: number }>(db, sql`select count(*)::int as enrolled, count(*) filter (where s.passed)::int as passed
      from training_enrolments e join training_exams x on x.id = e.exam_id left join training_sittings s on s.exam_id = e.exam_id and s.user_id = e.user_id
      where x.opens_on >= '2020-01-01' and x.opens_on <= '2020-12-31'`);
    expect(exam!.enrolled).toBeGreaterThanOrEqual(SEED_2020_PEOPLE.credentialedOfficers + SEED_2020_PEOPLE.legalReviewers);
    expect(exam!.passed).toBe(exam!.enrolled);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // Running it again adds nothing (it tops up to the seed's figures).
    expect(await seedDemoPeople2020(db)).toEqual({ created: 0 });
    expect(await seedDemoYear2020(db)).toMatchObject({ casesCreated: 0 });
  });
});
