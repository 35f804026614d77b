// The demo bureau's environment quality of 2020 adds up to the seed (seed-figures.md rows 10, 12, 13, 14), each
// figure computed by the year-end report's registry (src/annual-report/figures.ts) from the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ENGINE } from '../../test/helpers/db.js';
import { createDemoBureauFor2020, timed } from '../../test/helpers/demo-2020.js';
import { queryRows, type Database } from '../platform/db/index.js';
import { verifyAuditChain } from '../platform/audit/log.js';
import { computeAnnualAssessment } from '../air-quality/index.js';
import { computeFigures } from '../annual-report/figures.js';
import { SEED_2020_ENVIRONMENT, seedDemoEnvironment2020 } from './year-2020-environment.js';

/** Whether a computed value equals the seed's number as the seed rounds it (its own count of decimals). */
const withinSeedRounding = (computed: number | null, seed: string) => {
  if (computed === null) return false;
  const decimals = seed.split('.')[1]?.length ?? 0;
  return Math.round(computed * 10 ** decimals) === Math.round(Number(seed) * 10 ** decimals);
};

describe(`the demo bureau's 2020 environment quality adds up to the seed (${ENGINE})`, () => {
  let database: Database;
  let seconds = 0;
  let cpuSeconds = 0;
  let created = 0;
  beforeAll(async () => {
    database = await createDemoBureauFor2020();
    ({ seconds, cpuSeconds } = await timed(async () => { created = (await seedDemoEnvironment2020(database.db)).created; }));
  }, 600_000);
  afterAll(async () => database?.close());

  it('reproduces figures 10a–c, 12, 13 and 14 (a table: figure, seed, computed) from the imported records', async () => {
    const db = database.db;
    const figures = await computeFigures(db, 2020, new Date('2021-01-05T09:00:00+08:00'));
    const figure = (no: string) => figures.find((f) => f.no === no)!;
    const seed = SEED_2020_ENVIRONMENT;
    const table = [
      { no: '10a', figure: '市区PM10同比改善 (%)', seed: seed.improvement.pm10 },
      { no: '10b', figure: '市区PM2.5同比改善 (%)', seed: seed.improvement.pm25 },
      { no: '10c', figure: '市区O3同比改善 (%)', seed: seed.improvement.o3 },
      { no: '12', figure: '饮用水水源水质达标率 (%)', seed: String(seed.drinkingAttainmentRate) },
      { no: '13', figure: '国控断面达到年度考核目标 (个)', seed: String(seed.nationalSectionsOnTarget) },
      { no: '14', figure: '近岸海域优良水质比率 (%)', seed: String(seed.seaExcellentShare) },
    ].map((r) => ({ ...r, computed: figure(r.no).value, text: figure(r.no).text, note: figure(r.no).note }));
    console.table(table);
    console.log(`2020 environment generation: ${created} records, ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU on ${ENGINE}`);
    for (const row of table) expect(withinSeedRounding(row.computed, row.seed), `${row.no} ${row.figure}: ${row.computed} vs ${row.seed}`).toBe(true);
    // 平畅河 runs dry in the dry season: those months are left out, the section still counts (除断流外).
    expect(figure('13').note).toBe('11/11, 0 dry all year, 1 with dry (断流) months left out');
  });

  it("the urban area's annual values are the planned ones and 2020 attains grade II (GB 3095-2012)", async () => {
    const db = database.db;
    const [city2020] = (await computeAnnualAssessment(db, 2020)).filter((u) => u.kind === 'city');
    const s = city2020!.statistics.pollutants;
    const last = city2020!.lastYearStatistics!.pollutants;
    expect({ pm10: last.pm10.mean, pm25: last.pm25.mean, o3: last.o3.percentile }).toEqual(SEED_2020_ENVIRONMENT.air[2019]);
    expect({ pm10: s.pm10.mean, pm25: s.pm25.mean, o3: s.o3.percentile }).toEqual(SEED_2020_ENVIRONMENT.air[2020]);
    expect(city2020!.attainment.attains).toBe(true);
    // Realistic seasons: PM2.5 higher in winter, O3 higher in summer (city daily values, national stations).
    const [season] = await queryRows<{ pm25Winter: number; pm25Summer: number; o3Winter: number; o3Summer: number }>(db, sql`
      select avg(pm25) filter (where extract(month from observed_on) in (1, 2, 12)) as "pm25Winter",
        avg(pm25) filter (where extract(month from observed_on) in (6, 7, 8)) as "pm25Summer",
        avg(o3_max_8h) filter (where extract(month from observed_on) in (1, 2, 12)) as "o3Winter",
        avg(o3_max_8h) filter (where extract(month from observed_on) in (5, 6, 7)) as "o3Summer"
      from air_daily where observed_on between '2020-01-01' and '2020-12-31'`);
    expect(Number(season!.pm25Winter)).toBeGreaterThan(1.4 * Number(season!.pm25Summer));
    expect(Number(season!.o3Summer)).toBeGreaterThan(1.4 * Number(season!.o3Winter));
  });

  it('records each import in the audit chain, and running again adds nothing', async () => {
    const db = database.db;
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const [imports] = await queryRows<{ air: number; water: number }>(db, sql`select
      count(*) filter (where action = 'air.hourly.import')::int as air, count(*) filter (where action = 'water.sample.import')::int as water from audit_log`);
    expect(imports).toEqual({ air: 24, water: 12 });
    expect(await seedDemoEnvironment2020(db)).toEqual({ created: 0 });
  });
});
