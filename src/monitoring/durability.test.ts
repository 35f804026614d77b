// kill -9 of the gateway under load, then a restart: every packet the gateway acknowledged is stored.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../platform/db/index.js';
import { seedReferenceData } from '../platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import { insertEnterprise } from '../enterprises/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { computeCreditCodeCheckCharacter } from '../enterprises/rules/credit-code.js';
import { ensureSimulatedDevices } from './demo.js';
import { runSimulator, type SimDevice } from './simulator.js';
import { monitoringPackets } from './tables.js';

const dir = mkdtempSync(join(tmpdir(), 'ecogov-gw-'));
const serverUrl = process.env.DATABASE_URL;
let dbName: string | null = null;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverUrl && dbName) {
    const a = new pg.Client({ connectionString: serverUrl });
    await a.connect();
    await a.query(`drop database if exists ${dbName} with (force)`);
    await a.end();
  }
});

async function databaseUrl(): Promise<string | null> {
  if (!serverUrl) return null;
  dbName = `ecogov_t_gw_${process.pid}_${randomBytes(3).toString('hex')}`;
  const a = new pg.Client({ connectionString: serverUrl });
  await a.connect();
  await a.query(`create database ${dbName}`);
  await a.end();
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

const open = (url: string | null): Promise<Database> => openDatabase(url ? { url } : { dataDir: join(dir, 'pglite') });

async function prepare(url: string | null): Promise<SimDevice[]> {
  const database = await open(url);
  try {
    await migrateDatabase(database);
    await seedReferenceData(database.db, new Date());
    const [district] = await listDistrictsWithTownships(database.db);
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) {
        const body = `91${district!.code}MA${String(1000000 + i).slice(-7)}`;
        await insertEnterprise(tx, SYSTEM_ACTOR, {
          creditCode: body + computeCreditCodeCheckCharacter(body), name: `耐久测试${i}有限公司`, legalRepresentative: '王测试', districtId: district!.id,
          townshipId: null, industryCode: 'C2614', address: '烟台', longitude: null, latitude: null, keyUnitCategories: [], creditRating: null,
          outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }, { code: 'DA001', name: '废气排口', kind: 'air' }],
        }, new Date(), null);
      }
    });
    return await ensureSimulatedDevices(database.db, 10, new Date());
  } finally {
    await database.close();
  }
}

function startChild(url: string | null): Promise<{ child: ChildProcess; port: number }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['bin/ecogov.mjs', '--data-dir', join(dir, 'pglite'), 'gateway', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...env, ...(url ? { DATABASE_URL: url } : {}), LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const t = setTimeout(() => reject(new Error(`gateway did not start: ${err}`)), 60_000);
    child.stderr!.on('data', (d) => { err += d; });
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on port (\d+)/.exec(out);
      if (m) { clearTimeout(t); resolve({ child, port: Number(m[1]) }); }
    });
    child.once('exit', (code) => { clearTimeout(t); reject(new Error(`gateway exited (${code}): ${err}`)); });
  });
}

describe('HJ 212 gateway durability', { timeout: 180_000 }, () => {
  it('kill -9 during a simulated load, restart: every acknowledged packet is in the database', async () => {
    const url = await databaseUrl();
    const devices = await prepare(url);
    const first = await startChild(url);
    const acked: { mn: string; qn: string }[] = [];
    const load = runSimulator({ port: first.port, devices, rate: 0, durationS: 30, maxInFlight: 200, faultRatio: 0.01, intervalS: 60, startAt: new Date('2024-01-01T00:00:00Z'), onAck: (mn, qn) => acked.push({ mn, qn }) });
    // Kill once a good number of packets have been acknowledged.
    const started = Date.now();
    while (acked.length < 2000 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    first.child.removeAllListeners('exit');
    first.child.kill('SIGKILL');
    const result = await load;
    expect(acked.length).toBeGreaterThan(0);
    console.log(`durability: ${acked.length} acknowledged before kill -9, ${result.sent} sent`);
    expect(result.acked).toBe(acked.length);
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r));

    // Restart: the gateway must come up on the same data, then stop cleanly.
    const second = await startChild(url);
    second.child.removeAllListeners('exit');
    const stopped = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await stopped;

    const database = await open(url);
    try {
      const rows = await database.db.select({ qn: monitoringPackets.qn, deviceId: monitoringPackets.deviceId }).from(monitoringPackets);
      const stored = new Set(rows.map((r) => r.qn));
      const missing = acked.filter((a) => !stored.has(a.qn));
      expect(missing).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(new Set(acked.map((a) => `${a.mn}|${a.qn}`)).size);
    } finally {
      await database.close();
    }
  });
});
