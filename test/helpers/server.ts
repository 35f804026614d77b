// A real server on a free port with a fresh database, the organisation and an administrator: for browser tests.
import { resolve } from 'node:path';
import { buildApp } from '../../src/platform/http/app.js';
import { seedReferenceData } from '../../src/platform/db/reference-data.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { createTestDatabase } from './db.js';

export async function startTestServer(): Promise<{ url: string; adminUsername: string; adminPassword: string; close(): Promise<void> }> {
  const database = await createTestDatabase();
  await seedReferenceData(database.db, new Date());
  const adminUsername = 'admin';
  const adminPassword = 'e2e-admin-password';
  const created = await addUser(database.db, SYSTEM_ACTOR, {
    username: adminUsername, displayName: '系统管理员', password: adminPassword, role: 'administrator', districtId: null,
    departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false,
  }, new Date());
  if (!created.ok) throw new Error(created.code);
  const app = await buildApp({ database, webDist: resolve('web/dist') });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, adminUsername, adminPassword, close: async () => { await app.close(); await database.close(); } };
}
