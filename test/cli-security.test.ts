// The command line of issue 10, run as the real binary on an embedded database: account administration,
// the anchored `audit verify`, and the backup archive restored into another data directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/platform/db/index.js';
import { ecogov } from './helpers/cli.js';


describe('ecogov user / audit / backup commands', { timeout: 900_000 }, () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ecogov-cli-sec-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('unlocks, disables and resets a password (audited); verify names a cut-off tail; backup restores elsewhere', async () => {
    const data = join(dir, 'a');
    expect((await ecogov(data, 'seed')).code).toBe(0);
    expect((await ecogov(data, 'user', 'add', '--username', 'zhao', '--display-name', '赵', '--role', 'bureau_leader', '--password', 'first-password-1')).code).toBe(0);
    expect((await ecogov(data, 'user', 'unlock', 'zhao', '--reason', '本人确认')).stdout).toMatch(/user zhao unlocked/);
    const reset = await ecogov(data, 'user', 'reset-password', 'zhao');
    expect(reset.stdout).toMatch(/new password: \S{10,}/);
    expect((await ecogov(data, 'user', 'disable', 'zhao', '--reason', '调离')).stdout).toMatch(/disabled; 0 session/);

    // `backup` writes a checkpoint first (as `audit checkpoint` does).
    const backup = await ecogov(data, 'backup', join(dir, 'a.tar'));
    expect(backup.code).toBe(0);
    expect(statSync(join(dir, 'a.tar')).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'audit-checkpoint.key')).mode & 0o777).toBe(0o600);
    const ok = await ecogov(data, 'audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: (\d+) rows; matches the checkpoint/);

    const restored = await ecogov(join(dir, 'b'), 'restore', join(dir, 'a.tar'));
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored: .*users 1/);

    // The insider: triggers off, the last 3 rows gone.
    const database = await openDatabase({ dataDir: data });
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await database.db.execute(sql`delete from audit_log where seq > (select max(seq) - 3 from audit_log)`);
    await database.close();
    const broken = await ecogov(data, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/TRUNCATED: rows \d+–\d+ are missing/);
  });
});
