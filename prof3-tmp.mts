import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
const c = new pg.Client('postgres://postgres@127.0.0.1:5432/ecogov_prof_air'); await c.connect();
const qs = readFileSync('/tmp/q2.sql', 'utf8').split(';').map((q) => q.trim()).filter((q) => q.startsWith('select'))
  .map((q) => q.replace(/^select count\(\*\) from \(/, '').replace(/\) x$/, ''));
for (let k = 0; k < 2; k++) for (const [i, q] of qs.entries()) {
  const t = performance.now(); const r = await c.query(q); const cpu = process.cpuUsage();
  console.log(i === 0 ? 'string_agg' : 'window sums', ((performance.now() - t) / 1000).toFixed(2), r.rows.length);
}
await c.end();
