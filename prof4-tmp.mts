import { PGlite } from '@electric-sql/pglite';
import { performance } from 'node:perf_hooks';
const db = await PGlite.create('memory://');
await db.exec(`create table st (id serial primary key); insert into st select from generate_series(1,200);`);
const N = 300_000;
const rows = Array.from({ length: N }, (_, i) => [1 + (i % 200), `2021-${String(1 + Math.floor(i / 200 / 24 / 28) % 12).padStart(2, '0')}-${String(1 + Math.floor(i / 200 / 24) % 28).padStart(2, '0')}`, Math.floor(i / 200) % 24, 8.5, 30, 0.612, 120, 60, 33, 0]);
const cols = 'station_id int not null, observed_on date not null, hour smallint not null, so2 float8, no2 float8, co float8, o3 float8, pm10 float8, pm25 float8, invalid_mask smallint not null default 0, primary key (station_id, observed_on, hour)';
const unnest = `insert into h select * from unnest($1::int[], $2::date[], $3::smallint[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::smallint[])`;
async function run(label: string, ddl: string, fn: () => Promise<void>) {
  await db.exec('drop table if exists h'); await db.exec(ddl);
  const t = performance.now(); await db.exec('begin'); await fn(); await db.exec('commit');
  const s = (performance.now() - t) / 1000; console.log(label, s.toFixed(2), Math.round(N / s));
}
const viaUnnest = (suffix: string) => async () => { for (let i = 0; i < N; i += 20000) { const ch = rows.slice(i, i + 20000); await db.query(unnest + suffix, Array.from({ length: 10 }, (_, k) => ch.map((r) => r[k]))); } };
// Keys repeat (i%200 stations × 28 days × 24 h wrap) → dedupe for plain inserts.
const seen = new Set<string>(); for (let i = rows.length - 1; i >= 0; i--) { const k = `${rows[i]![0]}|${rows[i]![1]}|${rows[i]![2]}`; if (seen.has(k)) rows.splice(i, 1); else seen.add(k); }
console.log('rows', rows.length);
await run('unnest plain', `create table h (${cols})`, viaUnnest(''));
await run('unnest fk', `create table h (${cols}, foreign key (station_id) references st(id))`, viaUnnest(''));
await run('unnest conflict', `create table h (${cols})`, viaUnnest(' on conflict (station_id, observed_on, hour) do update set so2 = excluded.so2'));
await run('copy blob fk', `create table h (${cols}, foreign key (station_id) references st(id))`, async () => {
  const text = rows.map((r) => r.join('\t')).join('\n') + '\n';
  await db.query(`copy h from '/dev/blob'`, [], { blob: new Blob([text]) });
});
