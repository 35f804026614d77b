// Startup benchmark (issue 18 target 5): `npm start` on a fresh copy serves a page within 60 s (build the web
// app, migrate, seed the demo bureau) and within 5 s on a later start. Prints figures, never gates.
//   npx tsx bench/startup.ts [--keep]
//
// The copy: the working tree of this checkout (rsync, without node_modules, data/, web/dist — uncommitted
// work is included, which a `git clone` would miss), and node_modules as hard links (cp -al: what `npm ci`
// would install, without the download; new files written by the run stay in the copy). `npm ci` itself
// is NOT timed. Each start is `npm start` itself (its own process group, stopped with SIGTERM to the group; npm's
// own start-up is in the figure) on a free port,
// with the HJ 212 gateway on a free port too; the page polled is `/` (the web app's index.html).
//
// What a start serves first does not wait for the demo bureau's 2020 (issue 19): it is generated in the background
// after the server listens (src/cli.ts), on the first start, and on a later start that finds it unfinished (each
// start here is stopped once its page is served, so the later starts resume it); each start says if it was running.
// Each start's own account is printed under it: the CLI's `Started in … (CPU …): modules …, open database …`
// line (wall time per phase, and the process's CPU time, which a busy machine does not inflate).
//
// Profile of a later start before the changes (node --cpu-prof on the CLI, and the CLI's phases; load 15–17
// on 2 cores, so wall times ×3–5 of a quiet machine): 12–25 s wall, ≈5.0 s CPU. Of the CPU: loading the
// modules 2.9 s — ~440 of the app's modules one by one through tsx's loader thread (compile cached, but a
// resolve + load round trip each: ≈1.6 s of it), @turf/turf (whole library, jsts included) ≈0.5 s, exceljs
// ≈0.26 s; opening PGlite (WebAssembly) 0.85 s; migrations run twice (the CLI, then startServer) 0.1 s each;
// reference data 0.2–0.3 s (the exam question bank re-inserted with ON CONFLICT DO NOTHING every start);
// the demo login's check (a scrypt hash) ≈0.5 s, in sequence; the server (zod schemas, route tree) 0.45 s.
// Changes: bin/ecogov.mjs runs one esbuild bundle of src/ (node_modules/.cache/ecogov/cli.mjs, rebuilt when a
// source is newer, ≈1 s; packages stay external); exceljs loaded inside the functions that use it; the turf
// modules used instead of @turf/turf (the zoning and boundary rules are synchronous); migrations once; the
// question bank read before it is written; the demo login checked while the server starts.
// After (load 16–17): 7–8 s wall, ≈3.0 s CPU: modules ≈1.2 s (zod schemas ≈0.6 s of it), PGlite ≈0.85 s,
// the server ≈0.45 s; in a full bench run at load 22: 29 s wall, 2.8 s CPU; loading the server's modules
// 0.62 s of CPU bundled against 2.1 s through tsx. NOT yet measured on a quiet machine (the 5 s target
// assumes the wall time there is close to the CPU time; the first-start target was not measured at all:
// at load 19–23 the web build alone exceeded the bench's 240 s limit).
// Issue 19 (the demo's 2020 generated after the server listens; each start is now `npm start`), load 14–16 on
// 2 cores shared with a CI run: first start 75.0 s to the page (CPU 27.0 s: web build 14.8 s, opening the new
// PGlite 13.7 s, migrations 6.8 s, the demo bureau 33.8 s wall), later starts 8.7 s and 9.9 s (CPU 2.6 s); the
// 2020 generation was under way in the background at each stop. BELOW on both targets by wall time at that load;
// the CPU times (27 s, 2.6 s) suggested both hold on a quiet machine. Measured at load 1.9–2.1 (the CI run over):
// first start 16.5 s to the page (CPU 21.9 s: web build 3.8 s, PGlite 2.8 s, migrations 1.0 s, demo bureau 7.7 s)
// PASS ×3.6; later starts 1.8 s and 1.9 s (CPU 2.2 s) PASS ×2.7, each resuming the 2020 generation after its page.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const keep = process.argv.includes('--keep');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => res(p)); });
  });
}

/** The embedded database in the copy's ./data/pglite: whatever this shell points elsewhere is dropped. */
function envFor(port: number, gatewayPort: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), ECOGOV_GATEWAY_PORT: String(gatewayPort), LOG_LEVEL: 'silent' };
  for (const k of Object.keys(env)) if (k === 'DATABASE_URL' || (k.startsWith('ECOGOV_') && k !== 'ECOGOV_GATEWAY_PORT')) delete env[k];
  return env;
}

async function startOnce(dir: string, label: string, limitS: number): Promise<number | null> {
  const port = await freePort();
  const gatewayPort = await freePort();
  const t = performance.now();
  const child: ChildProcess = spawn('npm', ['start', '--silent'], {
    detached: true,
    cwd: dir,
    env: envFor(port, gatewayPort),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  let exited = false;
  child.once('exit', () => { exited = true; });
  let served: number | null = null;
  const deadline = t + Math.max(limitS * 4, 120) * 1000;
  while (!exited && performance.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
      const body = await r.text();
      if (r.ok && /<html/i.test(body)) { served = (performance.now() - t) / 1000; break; }
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exitedByItself = exited;
  // npm and the server it started: the whole process group (this start's own, nothing else).
  const signalGroup = (signal: NodeJS.Signals) => { try { process.kill(-child.pid!, signal); } catch { /* already gone */ } };
  signalGroup('SIGTERM');
  // Until every process of the group is gone (npm may exit before the server has closed its database).
  const groupAlive = () => { try { process.kill(-child.pid!, 0); return true; } catch { return false; } };
  for (let waited = 0; groupAlive() && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive()) signalGroup('SIGKILL');
  if (served === null) {
    console.log(`  ${label}: no page served ${exitedByItself ? '(the process exited)' : `within ${Math.round((deadline - t) / 1000)} s (stopped)`}; load ${load()}; its output:\n${output.split('\n').slice(-20).map((l) => `    ${l}`).join('\n')}`);
    return null;
  }
  const ok = served < limitS;
  console.log(`  TARGET ${label}: page served after ${served.toFixed(1)} s (target < ${limitS} s; ×${(limitS / served).toFixed(2)}) ${ok ? 'PASS' : 'BELOW'}; load ${load()}`);
  const phases = /Started in .*/.exec(output)?.[0];
  if (phases) console.log(`    ${phases}`);
  // The demo's 2020 (issue 19) is generated after the server listens: the page does not wait for it.
  const demo2020 = /demo 2020: .*/g;
  const lines = output.match(demo2020);
  if (/Generating the demo bureau's 2020/.test(output)) console.log(`    demo 2020 generating in the background when stopped${lines ? ` (last progress: ${lines[lines.length - 1]!.trim()})` : ''}`);
  return served;
}

/**
 * Where a later start's time goes: CPU time of loading the server's modules, the heaviest libraries first,
 * measured in child processes (CPU time, so a busy machine does not inflate it): through tsx module by module
 * (transforms cached; how the CLI ran before issue 18), and as one esbuild bundle (how bin/ecogov.mjs runs it).
 */
function importCosts(dir: string) {
  const measure = (head: string, modules: string[]) => `${head}
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const out = []; let c = cpu();
    for (const m of ${JSON.stringify(modules)}) {
      await import(m); const c2 = cpu(); out.push(m + ' ' + Math.round(c2 - c)); c = c2;
    }
    console.log(out.join('\\n'));`;
  const libraries = ['exceljs', 'docx', '@turf/turf', 'fastify', '@electric-sql/pglite'];
  const tsx = execFileSync(process.execPath, ['--input-type=module', '-e',
    measure("import { register } from 'tsx/esm/api'; register();", [...libraries, './src/platform/wiring.ts', './src/platform/http/server.ts'])], { cwd: dir, encoding: 'utf8' });
  console.log('  CPU time of loading the server\'s modules through tsx (ms, each after the ones above it; exceljs and @turf/turf are no longer loaded at start):');
  for (const line of tsx.trim().split('\n')) console.log(`    ${line}`);
  // Three levels below the root, like the CLI's bundle (the migrations folder is found relative to it).
  const bundle = join(dir, 'node_modules', '.cache', 'ecogov', 'bench-server.mjs');
  execFileSync(join(dir, 'node_modules', '.bin', 'esbuild'), ['src/platform/http/server.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external',
    '--keep-names', '--log-level=warning', `--outfile=${bundle}`], { cwd: dir });
  const bundled = execFileSync(process.execPath, ['--input-type=module', '-e', measure('', ['fastify', '@electric-sql/pglite', bundle])], { cwd: dir, encoding: 'utf8' });
  console.log('  … and as one bundle (the app\'s modules with the libraries they import):');
  for (const line of bundled.trim().split('\n')) console.log(`    ${line.replace(bundle, 'src/platform/http/server.ts, bundled')}`);
}

console.log(`startup bench — ${os.cpus().length} cores, load average ${load()} (1/5/15 min)`);
const dir = mkdtempSync(join(os.tmpdir(), 'ecogov-startup-'));
try {
  const t = performance.now();
  execFileSync('rsync', ['-a', '--exclude=/node_modules', '--exclude=/data', '--exclude=/web/dist', '--exclude=/.git', '--exclude=/test-results', `${ROOT}/`, `${dir}/`]);
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  // Anything a previous build left in the linked node_modules caches would not be on a fresh install.
  rmSync(join(dir, 'node_modules', '.vite'), { recursive: true, force: true });
  rmSync(join(dir, 'node_modules', '.cache', 'ecogov'), { recursive: true, force: true });
  console.log(`  copy of the working tree (rsync; node_modules hard-linked instead of \`npm ci\`, not timed) in ${((performance.now() - t) / 1000).toFixed(1)} s → ${dir}`);
  if (existsSync(join(dir, 'web', 'dist'))) throw new Error('web/dist was copied');
  await startOnce(dir, 'first start (build web app, migrate, seed)', 60);
  await startOnce(dir, 'later start', 5);
  await startOnce(dir, 'later start, again', 5);
  importCosts(dir);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`load average after: ${load()}`);
