// The demo bureau as src/demo/seed.ts sets it up (settings, reference data, 13 districts × 40 enterprises, the
// users the 2020 generators act as), without the other capabilities' current-year demo data, to stay fast.
// Shared by the tests of src/demo/year-2020*.ts.
import { createTestDatabase } from './db.js';
import type { Database } from '../../src/platform/db/index.js';
import { seedReferenceData } from '../../src/platform/db/reference-data.js';
import { listDistrictsWithTownships, listDepartments } from '../../src/organisation/index.js';
import { insertEnterprise } from '../../src/enterprises/index.js';
import { addUser } from '../../src/users/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { createRandom } from '../../src/platform/random.js';
import { seedSettings } from '../../src/settings/index.js';
import { YANTAI_DEMO_SETTINGS } from '../../src/demo/settings.js';
import { makeDemoEnterprise } from '../../src/demo/enterprises.js';

/** When the bureau is set up: early in 2021, so every 2020 date lies in the past. */
export const DEMO_2020_NOW = new Date('2021-01-05T09:00:00+08:00');

export async function createDemoBureauFor2020(): Promise<Database> {
  const database = await createTestDatabase();
  const db = database.db;
  const now = DEMO_2020_NOW;
  await seedSettings(db, now, YANTAI_DEMO_SETTINGS);
  await seedReferenceData(db, now);
  const districts = await listDistrictsWithTownships(db);
  const departments = await listDepartments(db);
  const dept = (kind: string) => departments.find((d) => d.kind === kind)?.id ?? null;
  const random = createRandom(20201231);
  await db.transaction(async (tx) => {
    for (const d of districts) for (let i = 0; i < 40; i++) await insertEnterprise(tx, SYSTEM_ACTOR, makeDemoEnterprise(random, d, i), now, '演示数据');
  });
  for (const [username, role, departmentKind, extra] of [
    ['leader', 'bureau_leader', 'office', {}], ['committee1', 'committee_member', 'office', {}],
    ['officer1', 'enforcement_officer', 'enforcement_detachment', { credentialNo: '37060019001' }],
    ['officer2', 'enforcement_officer', 'enforcement_detachment', { credentialNo: '37060019002' }],
    ['reviewer1', 'legal_reviewer', 'legal_section', { holdsLegalQualification: true }],
  ] as const) {
    const r = await addUser(db, SYSTEM_ACTOR, { username, displayName: username, password: 'demo-password-123', role, districtId: null, departmentId: dept(departmentKind),
      enterpriseId: null, credentialNo: null, holdsLegalQualification: false, ...extra }, now);
    if (!r.ok) throw new Error(r.code);
  }
  return database;
}

/** Runs a generator and measures it: wall and CPU seconds, for the tests to print (never to assert on). */
export async function timed(run: () => Promise<unknown>): Promise<{ seconds: number; cpuSeconds: number }> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { seconds: (Date.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
