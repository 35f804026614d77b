import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/index.js';

const run = promisify(execFile);

/** Runs the real `ecogov` binary on an embedded database in `dataDir`. */
async function ecogov(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/ecogov.mjs', '--data-dir', dataDir, ...args], { env: { ...env, LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ecogov command line', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ecogov-cli-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['serve', 'start', 'migrate', 'seed', 'user add', 'audit verify', 'backup', 'restore'])('%s --help', async (command) => {
    const res = await ecogov(join(dir, 'help'), ...command.split(' '), '--help');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Usage: ecogov/);
  });

  it('seeds, adds a user, verifies the audit chain, and names the row tampered behind its back', async () => {
    const data = join(dir, 'main');
    expect((await ecogov(data, 'seed')).stdout).toMatch(/organisation seeded/);
    const added = await ecogov(data, 'user', 'add', '--username', 'li', '--display-name', '李执法', '--role', 'enforcement_officer', '--district', '芝罘区', '--credential', '37060219123');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/user li \(enforcement_officer\) added; password: \S{10,}/);
    const refused = await ecogov(data, 'user', 'add', '--username', 'wang', '--display-name', '王', '--role', 'enforcement_officer');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/credentialNo: CREDENTIAL_REQUIRED/);
    const ok = await ecogov(data, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit chain intact: 2 rows/);

    const database = await openDatabase({ dataDir: data });
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await database.db.execute(sql`update audit_log set actor_name = 'someone-else' where seq = 2`);
    await database.close();
    const broken = await ecogov(data, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at seq 2 \(HASH_MISMATCH\)/);
  });

  it('backup and restore round-trip between two embedded databases', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const file = join(dir, 'a.jsonl');
    await ecogov(a, 'seed');
    const backup = await ecogov(a, 'backup', file);
    expect(backup.stdout).toMatch(/districts 13, .*townships 159/);
    const restore = await ecogov(b, 'restore', file);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/districts 13, .*townships 159/);
    expect((await ecogov(b, 'audit', 'verify')).stdout).toMatch(/intact: 1 rows/);
    expect((await ecogov(b, 'restore', file)).stderr).toMatch(/empty database/);
  });
});
