import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, ENGINE } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import { addUser, resetPassword } from './actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { demoLoginFile, demoLoginToPrint, writeDemoLogin } from './demo-login.js';
import { readConfig } from '../platform/config.js';

describe(`the demo administrator's login file (${ENGINE})`, () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => { database = await createTestDatabase(); dir = mkdtempSync(join(tmpdir(), 'ecogov-demo-')); });
  afterAll(async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); });

  it('lives inside the data directory with mode 0600, and is no longer printed once the password was changed', async () => {
    const dataDir = readConfig({ ECOGOV_DATA_DIR: join(dir, 'x', 'pglite') }).dataDir;
    expect(demoLoginFile(dataDir)).toBe(join(dir, 'x', 'pglite', 'demo-login.json'));
    const created = await addUser(database.db, SYSTEM_ACTOR, { username: 'demo-admin', displayName: '管理员', password: 'demo-password-1', role: 'administrator',
      districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false }, new Date());
    expect(created.ok).toBe(true);
    writeDemoLogin(dataDir, { username: 'demo-admin', password: 'demo-password-1' });
    expect(statSync(demoLoginFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(await demoLoginToPrint(database.db, dataDir)).toEqual({ username: 'demo-admin', password: 'demo-password-1' });
    await resetPassword(database.db, SYSTEM_ACTOR, 'demo-admin', 'changed-password-2', null, new Date());
    expect(await demoLoginToPrint(database.db, dataDir)).toBeNull();
    expect(existsSync(demoLoginFile(dataDir))).toBe(false);
  });
});
