import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from './index.js';
import { backupDatabase, primaryKeyColumns, restoreDatabase, tablesInDependencyOrder } from './backup.js';
import { seedDemo } from '../../demo/seed.js';
import { verifyAuditChain } from '../audit/log.js';
import { createEmptyDatabase } from '../../../test/helpers/db.js';

const POSTGRES_URL = process.env.ECOGOV_TEST_POSTGRES_URL;

/** A fresh database on the server of ECOGOV_TEST_POSTGRES_URL, or a second PGlite where there is none. */
async function restoreTarget(): Promise<Database> {
  if (!POSTGRES_URL) {
    console.warn('backup test: ECOGOV_TEST_POSTGRES_URL not set, restoring into a second PGlite instead of PostgreSQL');
    return openDatabase({ dataDir: 'memory://' });
  }
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = POSTGRES_URL;
  try { return await createEmptyDatabase(); } finally {
    if (saved === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved;
  }
}

async function dumpAll(d: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of tablesInDependencyOrder()) {
    const keys = primaryKeyColumns(t).map((c) => sql.identifier(c));
    out[getTableName(t)] = (await queryRows<{ r: unknown }>(d.db, sql`select to_jsonb(x) as r from ${sql.identifier(getTableName(t))} x order by ${sql.join(keys, sql`, `)}`)).map((r) => r.r);
  }
  return out;
}

describe(`backup on PGlite → restore on ${POSTGRES_URL ? 'PostgreSQL' : 'PGlite'} → same rows`, { timeout: 240_000 }, () => {
  let source: Database;
  let target: Database;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecogov-backup-'));
    source = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(source);
    await seedDemo(source.db, 'demo-password-123', new Date('2021-01-05T09:00:00+08:00'));
    target = await restoreTarget();
    await migrateDatabase(target);
  }, 240_000);
  afterAll(async () => { await source?.close(); await target?.close(); rmSync(dir, { recursive: true, force: true }); });

  it('restores every row of every table, with the audit chain intact', async () => {
    const file = join(dir, 'demo.ecogov.jsonl');
    const counts = await backupDatabase(source.db, file);
    expect(counts.enterprises).toBeGreaterThan(100);
    const restored = await restoreDatabase(target.db, file);
    expect(restored).toEqual(counts);
    expect(await dumpAll(target)).toEqual(await dumpAll(source));
    expect(await verifyAuditChain(target.db)).toEqual({ ok: true, checked: counts.audit_log });
  });

  it('new rows after a restore get fresh ids (sequences moved past restored ids)', async () => {
    const [{ id }] = await queryRows<{ id: number }>(target.db, sql`insert into districts (code, name, kind) values ('999999', '测试', 'district') returning id`) as [{ id: number }];
    const [{ max }] = await queryRows<{ max: number }>(source.db, sql`select max(id) as max from districts`) as [{ max: number }];
    expect(id).toBe(max + 1);
  });

  it('refuses to restore into a database that has data', async () => {
    const file = join(dir, 'again.jsonl');
    await backupDatabase(source.db, file);
    await expect(restoreDatabase(source.db, file)).rejects.toThrow(/empty database/);
  });
});
