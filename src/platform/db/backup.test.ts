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
import { Readable } from 'node:stream';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { backupArchive, restoreArchive } from './archive.js';
import { indexTar } from './tar.js';
import { verifyEvidence } from '../../evidence/index.js';
import { commitReceived, receiveToTemp } from '../../evidence/store.js';
import { evidenceFiles } from '../../evidence/tables.js';
import { cases } from '../../cases/tables.js';
import { users, sessions } from '../../users/tables.js';
import { loadAuditAnchor, verifyAnchoredChain } from '../audit/anchor.js';
import { createTestContext, type TestContext } from '../../../test/helpers/app.js';
import { fileCase, makeBureau } from '../../../test/helpers/cases.js';

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

describe(`one backup archive with the evidence files → restore on ${POSTGRES_URL ? 'PostgreSQL' : 'PGlite'} → evidence verify passes`, { timeout: 240_000 }, () => {
  let source: Database;
  let ctx: TestContext;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecogov-archive-'));
    // A bureau with one filed case (not the demo seed: the archive is what is under test).
    ctx = await createTestContext({ clock: () => new Date('2021-07-02T10:00:00+08:00') });
    source = ctx.database;
    await fileCase(ctx, await makeBureau(ctx), '2021-07-01');
    const [c] = await source.db.select({ id: cases.id }).from(cases).limit(1);
    const [u] = await source.db.select({ id: users.id }).from(users).limit(1);
    for (const content of ['现场照片一', '现场照片二', '现场照片一']) {
      const received = await receiveToTemp(join(dir, 'evidence-a'), Readable.from([Buffer.from(content)]));
      await commitReceived(join(dir, 'evidence-a'), received);
      await source.db.insert(evidenceFiles).values({ caseId: c!.id, kind: 'photo', fileName: 'a.jpg', mimeType: 'image/jpeg', sizeBytes: received.sizeBytes,
        sha256: received.sha256, uploadedById: u!.id, createdAt: new Date() });
    }
    await source.db.insert(sessions).values({ id: 'live-session', userId: u!.id, csrfToken: 'x', createdAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) });
  }, 240_000);
  afterAll(async () => { await ctx?.close(); rmSync(dir, { recursive: true, force: true }); });

  it('holds dump, evidence and manifest (mode 0600, no sessions); restores them; evidence verify and the anchored audit verify pass', async () => {
    const file = join(dir, 'backup.tar');
    const anchor = loadAuditAnchor(join(dir, 'key'), join(dir, 'checkpoints.log'))!;
    const manifest = await backupArchive(source.db, file, { evidenceDir: join(dir, 'evidence-a'), anchor, now: new Date() });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(manifest.evidence).toHaveLength(2);
    expect(manifest.database.counts).not.toHaveProperty('sessions');
    expect(manifest.auditCheckpoint?.rowCount).toBe(manifest.database.counts.audit_log);
    expect((await indexTar(file))!.map((e) => e.name)).toEqual(['database.jsonl', ...manifest.evidence.map((e) => e.file), 'manifest.json', 'manifest.sha256']);
    // Before: a restore had every evidence record MISSING.
    const target = await restoreTarget();
    try {
      await migrateDatabase(target);
      const restored = await restoreArchive(target.db, file, { evidenceDir: join(dir, 'evidence-b') });
      expect(restored).toMatchObject({ legacyDump: false, evidenceFiles: 2 });
      expect(await verifyEvidence(target.db, join(dir, 'evidence-b'))).toMatchObject({ ok: true, records: 3, files: 2, problems: [] });
      expect(await target.db.select().from(sessions)).toEqual([]);
      expect((await verifyAnchoredChain(target.db, anchor)).ok).toBe(true);
    } finally { await target.close(); }
  });

  it('refuses a damaged archive and changes nothing', async () => {
    const file = join(dir, 'damaged.tar');
    await backupArchive(source.db, file, { evidenceDir: join(dir, 'evidence-a'), anchor: null, now: new Date() });
    const bytes = readFileSync(file);
    const evidenceEntry = (await indexTar(file))!.find((e) => e.name.startsWith('evidence/'))!;
    bytes[evidenceEntry.offset] ^= 0xff;
    writeFileSync(file, bytes);
    const target = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(target);
      await expect(restoreArchive(target.db, file, { evidenceDir: join(dir, 'evidence-c') })).rejects.toThrow(/SHA-256/);
      expect(await target.db.select().from(users)).toEqual([]);
      writeFileSync(file, bytes.subarray(0, bytes.length - 3000));
      await expect(restoreArchive(target.db, file, { evidenceDir: join(dir, 'evidence-c') })).rejects.toThrow(/cut off or damaged/);
    } finally { await target.close(); }
  });
});
