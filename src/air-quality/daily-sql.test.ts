// The database's daily aggregation (queries.ts aggregateHourly: sums, counts and validity filters in SQL,
// the O3 hours carried to JS) against the pure rule (rules/daily.ts computeDailyValues) on a random sample
// of station-days: missing rows, missing and flagged values, 0–3 decimals, half-to-even ties, values around
// the O3 limit, days on both sides of 2026-03-01 (GB 3095-2026 / HJ 633-2026). Runs on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { createRandom } from '../platform/random.js';
import { seedOrganisation } from '../organisation/seed.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import { addDays, computeDailyRows, insertStation } from './actions.js';
import fc from 'fast-check';
import { parseHourValues, upsertHourly } from './queries.js';
import { planStations } from './demo.js';
import { computeDailyValues, computeOzoneDay } from './rules/daily.js';
import { airRuleSetFor } from './rules/rule-sets.js';
import { POLLUTANT_BIT, POLLUTANTS, type Pollutant } from './rules/pollutants.js';
import type { HourlyRecord } from './rules/hourly-record.js';

const FROM = '2026-02-15';
const DAYS = 30;
const TO = addDays(FROM, DAYS - 1);
const now = new Date('2026-04-01T00:00:00Z');

describe(`HJ 663-2013 daily values: the SQL aggregation equals the pure rule on random station-days (${ENGINE})`, () => {
  let database: Database;
  const records: HourlyRecord[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await seedOrganisation(db, now);
    const plan = planStations(await listDistrictsWithTownships(db), 12, createRandom(5));
    const ids: number[] = [];
    await db.transaction(async (tx) => { for (const f of plan) ids.push(await insertStation(tx, SYSTEM_ACTOR, f, now, 'test')); });
    const r = createRandom(663);
    for (const stationId of ids) {
      for (let d = 0; d < DAYS; d++) {
        const on = addDays(FROM, d);
        const rowMissing = r.pick([0, 0, 0, 0.05, 0.2, 0.5]); // share of hours without a row at all
        const valueMissing = r.pick([0, 0.05, 0.25, 0.4]);
        const flagged = r.pick([0, 0.05, 0.3]);
        const decimals = r.pick([0, 0, 1, 3]);
        const o3Level = r.pick([40, 120, 158, 162, 300]);
        for (let hour = 0; hour < 24; hour++) {
          if (r.chance(rowMissing)) continue;
          const values = {} as Record<Pollutant, number | null>;
          let invalidMask = 0;
          for (const p of POLLUTANTS) {
            const level = p === 'o3' ? o3Level : p === 'co' ? 1 : 50;
            const f = 10 ** (p === 'co' ? Math.max(1, decimals) : decimals);
            values[p] = r.chance(valueMissing) ? null : Math.round(level * (0.6 + r.next() * 0.8) * f) / f;
            if (values[p] !== null && r.chance(flagged)) invalidMask |= POLLUTANT_BIT[p];
          }
          records.push({ stationId, observedOn: on, hour, values, invalidMask });
        }
      }
    }
    await db.transaction((tx) => upsertHourly(tx, records));
  });
  afterAll(async () => database?.close());

  /** The pure rule's view of each station-day: 24 values per pollutant, null when missing or flagged. */
  function expectedDays() {
    const days = new Map<string, Record<Pollutant, (number | null)[]>>();
    for (const x of records) {
      const key = `${x.stationId}|${x.observedOn}`;
      let day = days.get(key);
      if (!day) days.set(key, (day = Object.fromEntries(POLLUTANTS.map((p) => [p, Array.from({ length: 24 }, () => null)])) as Record<Pollutant, (number | null)[]>));
      for (const p of POLLUTANTS) day[p][x.hour] = x.invalidMask & POLLUTANT_BIT[p] ? null : x.values[p];
    }
    return days;
  }

  it('every daily value (SQL sums and counts, O3 hours) equals computeDailyValues', async () => {
    const rows = await computeDailyRows(database.db, FROM, TO, null);
    const days = expectedDays();
    expect(rows.length).toBe(days.size);
    let withMda8 = 0;
    for (const row of rows) {
      const v = computeDailyValues(days.get(`${row.stationId}|${row.on}`)!, airRuleSetFor(row.on));
      expect({ on: row.on, so2: row.so2, no2: row.no2, co: row.co, pm10: row.pm10, pm25: row.pm25, o3_1h: row.o3Max1h, o3_8h: row.o3Max8h, validHours: row.validHours })
        .toEqual({ on: row.on, so2: v.so2, no2: v.no2, co: v.co, pm10: v.pm10, pm25: v.pm25, o3_1h: v.o3_1h, o3_8h: v.o3_8h, validHours: POLLUTANTS.map((p) => v.validHours[p]) });
      if (row.o3Max8h !== null) withMda8++;
    }
    expect(withMda8).toBeGreaterThan(100);
  });

  it('the sample has days of every kind: short of rows, short of windows, above the limit, ties', async () => {
    const rules = airRuleSetFor(FROM);
    const days = [...expectedDays().values()];
    const o3 = days.map((d) => computeOzoneDay(d.o3, rules));
    expect(o3.filter((s) => s.validWindows > 0 && s.validWindows < 14).length).toBeGreaterThan(10);
    expect(o3.filter((s) => s.validWindows < 14 && (s.max8h ?? 0) > 160).length).toBeGreaterThan(0);
    // PM2.5 daily means exactly halfway between two reported values (rounded half to even).
    const ties = days.filter((d) => {
      const valid = d.pm25.filter((v): v is number => v !== null);
      const milli = valid.reduce((a, v) => a + Math.round(v * 1000), 0);
      return valid.length >= 20 && 2 * (milli % (valid.length * 1000)) === valid.length * 1000;
    });
    expect(ties.length).toBeGreaterThan(0);
    const [row] = (await database.db.execute(sql`select count(*)::int as n from (select 1 from air_hourly group by station_id, observed_on
      having count(*) filter (where hour <= 16) < 17) t`) as unknown as { rows: { n: number }[] }).rows;
    expect(row!.n).toBeGreaterThan(20);
  });
});

describe('parseHourValues: the O3 hours of an aggregate, "h:v,…", as Number() reads them', () => {
  it('any values as PostgreSQL prints float8 (shortest text: 0–3 decimals, exponents, long fractions) (property)', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map((m) => m / 1000), // what the import keeps
      fc.double({ min: 0, max: 1e22, noNaN: true }), // anything else a float8 column may hold
    );
    fc.assert(fc.property(fc.dictionary(fc.integer({ min: 0, max: 23 }).map(String), value, { maxKeys: 24 }), (byHour) => {
      const text = Object.entries(byHour).map(([h, v]) => `${h}:${v}`).join(',');
      const expected = Array.from({ length: 24 }, (_, h) => (String(h) in byHour ? byHour[String(h)]! : null));
      expect(parseHourValues(text || null)).toEqual(expected);
    }), { numRuns: 3000 });
  });

  it('reads exponents and long fractions through Number()', () => {
    expect(parseHourValues('0:1e-05,1:123.4567891,2:0.1,23:10000')).toEqual([1e-5, 123.4567891, 0.1, ...Array(20).fill(null), 10000]);
  });
});
