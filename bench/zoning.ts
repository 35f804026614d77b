// 三线一单 site-check benchmark. Prints figures only.
//  5 000 generated 环境管控单元 (irregular 24-gon outlines, every fifth with a hole, some MultiPolygons) tiling a
//  region around 烟台, imported through importUnits; then 10 000 random site checks (80 % points, 20 % small
//  polygons) through checkSite — the current-version lookup, the R-tree pre-filter and turf's exact test — and the
//  same sites by scanning every unit, to show what the index saves. Target: checkSite p99 < 20 ms.
//   npx tsx bench/zoning.ts [--units 5000] [--checks 10000] [--pg-url postgres://…] [--skip-pg]
import { performance } from 'node:perf_hooks';
import { migrateDatabase, type Database } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';
import { checkSite } from '../src/zoning/index.js';
import { importUnits } from '../src/zoning/actions.js';
import { loadCheckUnits, findCurrentVersion } from '../src/zoning/queries.js';
import { computeVerdict, siteTouchesUnit, type SiteGeometry } from '../src/zoning/rules.js';
import { indexFor } from '../src/zoning/spatial-index.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const has = (name: string) => process.argv.includes(`--${name}`);
const UNITS = Number(arg('units', '5000'));
const CHECKS = Number(arg('checks', '10000'));
const PG_URL = arg('pg-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

const random = (() => { let a = 13; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();

// A grid of cells over 120.5–122.5 E, 36.8–37.8 N; each unit an irregular 24-gon inside its cell.
const COLS = Math.ceil(Math.sqrt(UNITS * 2));
const ROWS = Math.ceil(UNITS / COLS);
const WEST = 120.5, SOUTH = 36.8, WIDTH = 2, HEIGHT = 1;
const cellW = WIDTH / COLS, cellH = HEIGHT / ROWS;
const outline = (cx: number, cy: number, rx: number, ry: number, n: number) => {
  const ring: number[][] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const r = 0.75 + 0.25 * random();
    ring.push([+(cx + Math.cos(a) * rx * r).toFixed(6), +(cy + Math.sin(a) * ry * r).toFixed(6)]);
  }
  ring.push(ring[0]!);
  return ring;
};
const KINDS = ['优先保护', '重点管控', '一般管控'];
const INDUSTRIES = ['C26', 'C25', 'C2614', 'C3011', 'B', 'C13', 'C22', 'A03', 'D4411'];
function generate() {
  const features = [];
  for (let i = 0; i < UNITS; i++) {
    const cx = WEST + ((i % COLS) + 0.5) * cellW, cy = SOUTH + (Math.floor(i / COLS) + 0.5) * cellH;
    const rx = cellW * 0.6, ry = cellH * 0.6; // neighbours overlap a little: some sites touch two units
    const outer = outline(cx, cy, rx, ry, 24);
    const geometry = i % 7 === 0
      ? { type: 'MultiPolygon', coordinates: [[outer], [outline(cx + rx * 0.2, cy + ry * 1.2, rx * 0.1, ry * 0.1, 8)]] }
      : { type: 'Polygon', coordinates: i % 5 === 0 ? [outer, outline(cx, cy, rx * 0.2, ry * 0.2, 8).reverse()] : [outer] };
    features.push({
      type: 'Feature', geometry,
      properties: {
        code: `ZH3706${String(i).padStart(7, '0')}`, name: `单元${i}`, kind: KINDS[i % 3],
        prohibited: [INDUSTRIES[i % INDUSTRIES.length]], restricted: [INDUSTRIES[(i + 3) % INDUSTRIES.length]],
        restrictionConditions: '限制条件', dischargeConditions: '排放管控要求',
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
function randomSite(): SiteGeometry {
  const lon = WEST + random() * WIDTH, lat = SOUTH + random() * HEIGHT;
  if (random() < 0.8) return { type: 'Point', coordinates: [lon, lat] };
  const d = 0.002 + random() * 0.01;
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] };
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function run(label: string, database: Database) {
  await migrateDatabase(database);
  const { db } = database;
  const geojson = generate();
  let t = performance.now();
  const imported = await importUnits(db, SYSTEM_ACTOR, geojson, { label: 'bench', source: null }, new Date());
  if (!imported.ok) throw new Error(`import refused: ${imported.code} ${imported.field}`);
  console.log(`[${label}] import of ${UNITS.toLocaleString('en-US')} units (validate + insert + audit): ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  await checkSite(db, { type: 'Point', coordinates: [121.4, 37.5] }, 'C26'); // builds the R-tree
  console.log(`[${label}] first check (loads the version, builds the R-tree): ${ms(performance.now() - t)}`);

  // Warm-up (JIT, the first GC after the import), not counted.
  for (let i = 0; i < 300; i++) await checkSite(db, randomSite(), 'C26');
  const sites = Array.from({ length: CHECKS }, randomSite);
  const times: number[] = [];
  const verdicts = new Map<string, number>();
  let touched = 0;
  for (const [i, site] of sites.entries()) {
    const s = performance.now();
    const r = await checkSite(db, site, INDUSTRIES[i % INDUSTRIES.length]!);
    times.push(performance.now() - s);
    verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
    touched += r.units.length;
  }
  times.sort((a, b) => a - b);
  const p99 = pct(times, 99);
  console.log(`[${label}] checkSite × ${CHECKS.toLocaleString('en-US')}: p50 ${ms(pct(times, 50))}, p99 ${ms(p99)}, max ${ms(times[times.length - 1]!)} — ${p99 < 20 ? 'meets' : 'MISSES'} the p99 < 20 ms target`);
  console.log(`[${label}]   verdicts ${JSON.stringify(Object.fromEntries(verdicts))}, ${(touched / CHECKS).toFixed(2)} units touched per site`);

  // The in-memory part alone (R-tree pre-filter + turf + verdict), without the current-version query.
  const version = (await findCurrentVersion(db))!;
  const index = await indexFor(version.token, () => loadCheckUnits(db, version.id));
  const mem: number[] = [];
  for (const [i, site] of sites.entries()) {
    const s = performance.now();
    computeVerdict(index.touching(site), INDUSTRIES[i % INDUSTRIES.length]!);
    mem.push(performance.now() - s);
  }
  mem.sort((a, b) => a - b);
  console.log(`[${label}]   of which in memory (R-tree + turf + verdict): p50 ${ms(pct(mem, 50))}, p99 ${ms(pct(mem, 99))}`);

  // Without the index: every unit tested with turf, on a sample (it is slow).
  const units = index.units;
  const sample = sites.slice(0, 200);
  const scan: number[] = [];
  for (const site of sample) {
    const s = performance.now();
    computeVerdict(units.filter((u) => siteTouchesUnit(site, u.geometry)), 'C26');
    scan.push(performance.now() - s);
  }
  scan.sort((a, b) => a - b);
  console.log(`[${label}] full scan without the index (${sample.length} sites): p50 ${ms(pct(scan, 50))}, p99 ${ms(pct(scan, 99))}`);
}

const pglite = await openScratchDatabase(null);
try { await run('pglite', pglite); } finally { await pglite.close(); }
if (!has('skip-pg')) {
  let pgDb: Database | null = null;
  try { pgDb = await openScratchDatabase(PG_URL, 'ecogov_bench_zoning'); } catch (e) { console.log(`[postgres] skipped: ${(e as Error).message}`); }
  if (pgDb) { try { await run('postgres', pgDb); } finally { await pgDb.close(); } }
}
