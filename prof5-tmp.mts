import { performance } from 'node:perf_hooks';
import { openDatabase, migrateDatabase } from './src/platform/db/index.js';
import { seedOrganisation } from './src/organisation/seed.js';
import { listDistrictsWithTownships } from './src/organisation/queries.js';
import { SYSTEM_ACTOR } from './src/platform/audit/log.js';
import { createRandom } from './src/demo/random.js';
import { generateHourly, planStations } from './src/air-quality/demo.js';
import { insertStation } from './src/air-quality/actions.js';
import { upsertHourly } from './src/air-quality/queries.js';
const d = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(d); const now = new Date(); await seedOrganisation(d.db, now);
const plan = planStations(await listDistrictsWithTownships(d.db), 200, createRandom(7));
const st: any[] = [];
await d.db.transaction(async (tx) => { for (const f of plan) st.push({ id: await insertStation(tx, SYSTEM_ACTOR, f, now, 'b'), level: f.level, districtId: f.districtId }); });
const recs = [...generateHourly({ stations: st, from: '2021-01-01', days: 365, seed: 1 })];
for (const n of [300_000, 600_000]) {
  const chunk = recs.slice(n === 300_000 ? 0 : 300_000, n === 300_000 ? 300_000 : 900_000);
  const t = performance.now();
  await d.db.transaction((tx) => upsertHourly(tx, chunk));
  const s = (performance.now() - t) / 1000; console.log('drizzle upsert', chunk.length, s.toFixed(2), Math.round(chunk.length / s));
}
const client = (d.db as any).$client;
const rest = recs.slice(900_000, 1_200_000);
const t = performance.now();
await client.exec('begin');
for (let i = 0; i < rest.length; i += 20000) {
  const ch = rest.slice(i, i + 20000);
  await client.query(`insert into air_hourly select * from unnest($1::int[], $2::date[], $3::smallint[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::smallint[])`,
    [ch.map((r) => r.stationId), ch.map((r) => r.observedOn), ch.map((r) => r.hour), ch.map((r) => r.values.so2), ch.map((r) => r.values.no2), ch.map((r) => r.values.co), ch.map((r) => r.values.o3), ch.map((r) => r.values.pm10), ch.map((r) => r.values.pm25), ch.map((r) => r.invalidMask)]);
}
await client.exec('commit');
const s = (performance.now() - t) / 1000; console.log('raw insert', rest.length, s.toFixed(2), Math.round(rest.length / s));
await d.close();
