import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.js';
import type { Database } from '../../src/platform/db/index.js';
import { seedReferenceData } from '../../src/platform/db/reference-data.js';
import { listDistrictsWithTownships } from '../../src/organisation/queries.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { createTestDatabase } from './db.js';
import { computeCreditCodeCheckCharacter } from '../../src/enterprises/rules/credit-code.js';
import type { EnterpriseFields } from '../../src/enterprises/rules/enterprise.js';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  districts: Awaited<ReturnType<typeof listDistrictsWithTownships>>;
  districtByCode(code: string): TestContext['districts'][number];
  /** Creates a user and returns request headers carrying its session and CSRF token. */
  loginAs(role: Role, opts?: { districtCode?: string; enterpriseId?: number; username?: string }): Promise<Record<string, string>>;
  close(): Promise<void>;
}

let userCounter = 0;

export async function createTestContext(options: { loginRateLimit?: { max: number; timeWindow: number }; clock?: () => Date } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  // Suites seed the rules-as-data they test themselves, at the dates they need.
  await seedReferenceData(database.db, new Date(), { rulesAsData: false });
  const districts = await listDistrictsWithTownships(database.db);
  const app = await buildApp({ database, clock: options.clock, loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindow: 60_000 } });
  await app.ready();
  const districtByCode = (code: string) => districts.find((d) => d.code === code)!;
  return {
    app, database, districts, districtByCode,
    async loginAs(role, opts = {}) {
      const username = opts.username ?? `${role}-${++userCounter}`;
      const districtId = opts.districtCode ? districtByCode(opts.districtCode).id : null;
      const created = await addUser(database.db, SYSTEM_ACTOR, {
        username, displayName: username, password: TEST_PASSWORD, role, districtId, departmentId: null,
        enterpriseId: opts.enterpriseId ?? null, credentialNo: role === 'enforcement_officer' ? `3706${userCounter}` : null,
        holdsLegalQualification: false,
      }, new Date());
      if (!created.ok) throw new Error(`test user: ${created.code}`);
      return loginHeaders(app, username, TEST_PASSWORD);
    },
    async close() { await app.close(); await database.close(); },
  };
}

export async function loginHeaders(app: FastifyInstance, username: string, password: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ecogov_session')!;
  return { cookie: `ecogov_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken };
}

let codeCounter = 0;
/** A valid credit code, different on every call. */
export function nextCreditCode(division = '370602'): string {
  const serial = String(++codeCounter + Math.floor(Math.random() * 1e6) * 100).padStart(7, '0').slice(-7);
  const body = `91${division}MA${serial}`;
  return body + computeCreditCodeCheckCharacter(body);
}

export function enterpriseInput(ctx: TestContext, overrides: Partial<EnterpriseFields> & { districtCode?: string } = {}): EnterpriseFields {
  const { districtCode = '370602', ...rest } = overrides;
  const district = ctx.districtByCode(districtCode);
  return {
    creditCode: nextCreditCode(districtCode), name: '烟台测试化工有限公司', legalRepresentative: '王测试',
    districtId: district.id, townshipId: district.townships[0]?.id ?? null, industryCode: 'C2614',
    address: `山东省烟台市${district.name}测试路1号`, longitude: 121.4, latitude: 37.5,
    keyUnitCategories: ['water'], creditRating: 'blue',
    outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }],
    ...rest,
  };
}
