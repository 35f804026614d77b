// Every GET route of the API (from /api/docs/json) against a large database, slowest first, as the administrator and an
// officer; routes with an {id} get 500000, other parameters 1 or a date. Finds what a million cases make slow or break.
// Not part of `npm run bench` (it needs the database the case-list bench seeds and keeps):
//   npx tsx bench/cases-list.ts --engine postgres --keep-db ecogov_scale1m --seconds 2
//   npx tsx bench/every-route.ts postgres://postgres@127.0.0.1:5432/ecogov_scale1m
//   PATHS="/api/cases?q=… /api/leads?page=40" npx tsx bench/every-route.ts <url>   (only these, twice each)
// Findings and what changed: bench/cases-list.ts's header (2026-12-05, fourth session).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
const url = process.argv[2]!;
const server = spawn(process.execPath, ['bin/ecogov.mjs', 'serve'], { env: { ...process.env, PORT: '0', ECOGOV_GATEWAY_PORT: '0', LOG_LEVEL: 'silent', ECOGOV_DEMO_2020: 'off', DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => { let out = ''; server.stdout!.on('data', (b) => { out += b; const m = /http:\/\/[^\s]+:(\d+)/.exec(out); if (m) resolve(`http://127.0.0.1:${m[1]}`); }); });
try {
  const login = async (username: string) => (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password-123' }) })).headers.get('set-cookie')?.split(';')[0] ?? '';
  const who = { admin: await login('bench-admin'), officer: await login('bench-o1') };
  const doc = await (await fetch(`${base}/api/docs/json`)).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>> };
  const results: [number, string, number, string][] = [];
  const extra = (process.env.PATHS ?? '').split(' ').filter(Boolean);
  if (extra.length) {
    for (const p of extra) for (const [role, cookie] of Object.entries(who)) for (let i = 0; i < 2; i++) {
      const t = performance.now(); const res = await fetch(`${base}${p}`, { headers: { cookie } }); const body = await res.arrayBuffer();
      console.log(`${(performance.now() - t).toFixed(0).padStart(7)} ms  ${res.status}  ${role} ${p}  ${body.byteLength} B`);
    }
    doc.paths = {};
  }
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!ops.get || path.includes('docs')) continue;
    const required = (ops.get.parameters ?? []).filter((p) => p.in === 'query' && p.required).map((p) => p.name);
    const q = required.map((n) => `${n}=${/year/i.test(n) ? '2021' : /month|period/i.test(n) ? '2021-06' : /on$|date|from|to/i.test(n) ? '2021-06-01' : '1'}`).join('&');
    const p = path.replace(/\{id\}/g, '500000').replace(/\{[^}]+\}/g, '1') + (q ? `?${q}` : '');
    for (const [role, cookie] of Object.entries(who)) {
      const t = performance.now();
      const res = await fetch(`${base}${p}`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      results.push([performance.now() - t, `${role} ${p}`, res.status, `${body.byteLength} B`]);
    }
  }
  results.sort((a, b) => b[0] - a[0]);
  for (const r of results.filter((r) => r[2] >= 500)) console.log("500:", r[1]);
  for (const r of results.slice(0, 12)) console.log(`${r[0].toFixed(0).padStart(7)} ms  ${r[2]}  ${r[1]}  ${r[3]}`);
  console.log(`${results.length} requests; statuses`, Object.entries(results.reduce((m, r) => { m[r[2]] = (m[r[2]] ?? 0) + 1; return m; }, {} as Record<number, number>)));
} finally { server.kill('SIGTERM'); }
