// A real server on a free port with a fresh database, the organisation and an administrator: for browser tests.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.js';
import type { Database } from '../../src/platform/db/index.js';
import { seedReferenceData } from '../../src/platform/db/reference-data.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { createTestDatabase } from './db.js';

export interface TestServerOptions {
  /** The clock case deadlines are judged by (pinned in tests); the system clock by default. */
  clock?: () => Date;
  loginRateLimit?: { max: number; timeWindow: number };
  /** The built web app to serve; web/dist by default. */
  webDist?: string;
}

export interface TestServer {
  url: string;
  adminUsername: string;
  adminPassword: string;
  /** For seeding through the API (`app.inject`) or the actions (`database.db`). */
  app: FastifyInstance;
  database: Database;
  /** Requests that took longer than a second to answer: method, url, status and milliseconds (for a failure's report). */
  slowRequests: string[];
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  // Suites seed the rules-as-data they test themselves, at the dates they need.
  await seedReferenceData(database.db, new Date(), { rulesAsData: false });
  const adminUsername = 'admin';
  const adminPassword = 'e2e-admin-password';
  const created = await addUser(database.db, SYSTEM_ACTOR, {
    username: adminUsername, displayName: '系统管理员', password: adminPassword, role: 'administrator', districtId: null,
    departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false,
  }, new Date());
  if (!created.ok) throw new Error(created.code);
  const app = await buildApp({ database, webDist: options.webDist ?? resolve('web/dist'), clock: options.clock, loginRateLimit: options.loginRateLimit });
  const slowRequests: string[] = [];
  app.addHook('onResponse', async (request, reply) => {
    if (reply.elapsedTime > 1_000) slowRequests.push(`${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, adminUsername, adminPassword, app, database, slowRequests, close: async () => { await app.close(); await database.close(); } };
}
