// Online-monitoring benchmark (HJ 212-2017). Prints figures only.
//  1. parse + validate alone: frames/s and data points/s (CEMS real-time and water hourly frames);
//  2. end to end: simulated loggers (a worker thread) → TCP loopback → gateway → batched insert →
//     acknowledgement after commit, on PostgreSQL and on PGlite.
//   npx tsx bench/monitoring.ts [--pg-url postgres://postgres@127.0.0.1:5432/test] [--frames 200000] [--packets 60000] [--devices 100] [--skip-pglite] [--skip-pg]
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/index.js';
import { openScratchDatabase } from '../src/platform/db/scratch.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../src/organisation/queries.js';
import { enterprises, outfalls } from '../src/enterprises/tables.js';
import { encodePacket, parseFrame } from '../src/monitoring/rules/hj212.js';
import { rowsOfPacket, type KnownDevice } from '../src/monitoring/rules/ingest.js';
import { simulatedValues, type SimDevice, type SimulatorResult } from '../src/monitoring/simulator.js';
import { ensureSimulatedDevices } from '../src/monitoring/demo.js';
import { startGateway } from '../src/monitoring/gateway.js';

const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : fallback; };
const has = (name: string) => process.argv.includes(`--${name}`);
const PG_URL = arg('pg-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const FRAMES = Number(arg('frames', '200000'));
const PACKETS = Number(arg('packets', '60000'));
const DEVICES = Number(arg('devices', '100'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function parseBench() {
  const r = (() => { let a = 7; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; })();
  const devices = new Map<string, KnownDevice>([
    ['010000A8900016F000169DC0', { id: 1, mn: '010000A8900016F000169DC0', password: '123456', kind: 'emission', enterpriseId: 1, outfallId: 1 }],
    ['010000A8900016F000169DC1', { id: 2, mn: '010000A8900016F000169DC1', password: '123456', kind: 'emission', enterpriseId: 1, outfallId: 2 }],
  ]);
  const frames: Buffer[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const air = i % 2 === 0;
    const cn = air ? '2011' : '2061';
    const dev: SimDevice = { mn: air ? '010000A8900016F000169DC1' : '010000A8900016F000169DC0', pw: '123456', kind: air ? 'air' : 'water' };
    frames.push(Buffer.from(encodePacket({
      qn: `20240315${String(100000000 + i).slice(-9)}`, st: air ? '31' : '32', cn, pw: dev.pw, mn: dev.mn, flag: 5, pnum: null, pno: null,
      cp: { dataTime: '20240315103000', values: simulatedValues(dev, cn, false, r, 10), params: {} },
    })));
  }
  const run = () => {
    let points = 0, rejected = 0;
    const t = performance.now();
    for (const f of frames) {
      const p = parseFrame(f);
      if (!p.ok) { rejected++; continue; }
      const d = devices.get(p.value.mn);
      if (!d || d.password !== p.value.pw) { rejected++; continue; }
      const rows = rowsOfPacket(p.value, d, () => undefined);
      points += rows ? rows.points.length : 0;
    }
    return { s: (performance.now() - t) / 1000, points, rejected };
  };
  run(); run(); // warm-up
  const runs = [run(), run(), run()].sort((a, b) => a.s - b.s);
  const m = runs[1]!;
  console.log(`parse + validate (median of 3, ${fmt(FRAMES)} frames, ${fmt(m.points)} data points): ${fmt(FRAMES / m.s)} frames/s, ${fmt(m.points / m.s)} data points/s`);
}

const freshPostgres = (): Promise<Database> => openScratchDatabase(PG_URL, 'ecogov_bench_mon');

async function prepare(database: Database): Promise<SimDevice[]> {
  await migrateDatabase(database);
  const now = new Date();
  await seedReferenceData(database.db, now);
  const [district] = await listDistrictsWithTownships(database.db);
  const n = Math.ceil(DEVICES / 2);
  const rows = await database.db.insert(enterprises).values(Array.from({ length: n }, (_, i) => ({
    creditCode: `BENCH${String(i).padStart(13, '0')}`, name: `基准测试${i}有限公司`, legalRepresentative: '王', districtId: district!.id,
    industryCode: 'C2614', address: '烟台', createdAt: now, updatedAt: now,
  }))).returning({ id: enterprises.id });
  await database.db.insert(outfalls).values(rows.flatMap((e) => [
    { enterpriseId: e.id, code: 'DW001', name: '废水总排口', kind: 'water' as const },
    { enterpriseId: e.id, code: 'DA001', name: '废气排口', kind: 'air' as const },
  ]));
  return (await ensureSimulatedDevices(database.db, DEVICES, now)).filter((d) => d.kind !== 'electricity');
}

function simulate(port: number, devices: SimDevice[]): Promise<SimulatorResult> {
  return new Promise((resolve, reject) => {
    // tsx's loader is registered inside the worker before the TypeScript module is imported.
    const href = new URL('../src/monitoring/simulator-worker.ts', import.meta.url).href;
    const w = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(href)}); })`, {
      eval: true,
      workerData: { port, devices, rate: 0, packets: PACKETS, connections: 20, maxInFlight: 1000, faultRatio: 0, exceedRatio: 0.05, intervalS: 60, startAt: '2024-01-01T00:00:00Z' },
    });
    w.once('message', (m: { ok: boolean; result?: SimulatorResult; error?: string }) => { void w.terminate(); if (m.ok) resolve(m.result!); else reject(new Error(m.error)); });
    w.once('error', reject);
  });
}

async function endToEnd(label: string, open: () => Promise<Database>) {
  const database = await open();
  try {
    const devices = await prepare(database);
    const gateway = await startGateway({ database, port: 0, host: '127.0.0.1', detect: false, writer: { maxBatchRows: 20_000, highWaterRows: 200_000 } });
    const r = await simulate(gateway.port, devices);
    const s = gateway.stats();
    await gateway.close();
    const [{ n }] = (await database.db.execute('select count(*)::int as n from monitoring_data_points' as never) as unknown as { rows: { n: number }[] }).rows as [{ n: number }];
    console.log(`end to end, ${label} (${devices.length} loggers, ${fmt(r.sent)} packets, ack after commit): ${fmt(r.acked / r.seconds)} frames/s, ${fmt((r.points * r.acked) / r.valid / r.seconds)} data points/s; ` +
      `${s.batches} batches, ${fmt(n)} points stored, ${r.acked === r.valid ? 'every packet acknowledged' : `${r.valid - r.acked} NOT acknowledged`}`);
  } finally {
    await database.close();
  }
}

parseBench();
if (!has('skip-pg')) {
  try { await endToEnd('PostgreSQL', freshPostgres); } catch (e) { console.log(`end to end, PostgreSQL: skipped (${(e as Error).message})`); }
}
if (!has('skip-pglite')) await endToEnd('PGlite (in-process)', () => openDatabase({ dataDir: 'memory://' }));
