import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import { ENGINE } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import { seedOrganisation } from '../organisation/seed.js';
import { computeAnnualAssessment } from './actions.js';
import { SEED_2020_TARGETS, seedAirDemo } from './demo.js';

describe(`demo air data reproduces the seed's year-on-year figures (${ENGINE})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    const now = new Date('2021-01-05T02:00:00Z');
    await seedOrganisation(database.db, now);
    await seedAirDemo(database.db, now, undefined, { stations: 8, days: 366, endOn: '2020-12-31', targets: SEED_2020_TARGETS });
  }, 120_000);
  afterAll(async () => database.close());

  it('2020 on 2019: PM10 17.19 %, PM2.5 14.3 %, O3 3.8 % better; grade II attained both years', async () => {
    const [city2020] = await computeAnnualAssessment(database.db, 2020);
    const [city2019] = await computeAnnualAssessment(database.db, 2019);
    expect(city2020!.improvement).toMatchObject({ pm10: 17.19, pm25: 14.29, o3: 3.75 });
    expect(city2020!.attainment.attains).toBe(true);
    expect(city2019!.attainment.attains).toBe(true);
    expect(city2020!.statistics.pollutants.pm25).toMatchObject({ mean: 30, complete: true });
  });

  it("HJ 663-2013 年评价: the city evaluated alone (the year-end report's call) equals the city of the whole assessment", async () => {
    const whole = await computeAnnualAssessment(database.db, 2020);
    const cityOnly = await computeAnnualAssessment(database.db, 2020, 'city');
    expect(whole.length).toBeGreaterThan(1);
    expect(cityOnly).toEqual([whole.find((u) => u.kind === 'city')]);
  });
});
