// Scale-out: two server instances (two buildApp, each with its own pool and LISTEN connection, on
// different ports) on one PostgreSQL database, no sticky sessions. Each caches sessions and settings
// for a few seconds; a change made through either (or straight in the database) reaches the other at
// once through the triggers' NOTIFY (drizzle/0023, src/platform/db/change-feed.ts).
// PostgreSQL only: a PGlite database belongs to one process, so there is no second instance to
// tell (its single-process invalidation is covered by the users and settings suites on PGlite).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/platform/http/app.js';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/index.js';
import { seedReferenceData } from '../src/platform/db/reference-data.js';
import { syncChangeFeed } from '../src/platform/db/change-feed.js';
import { addUser } from '../src/users/actions.js';
import { SYSTEM_ACTOR } from '../src/platform/audit/log.js';

const SERVER = process.env.DATABASE_URL;
const PASSWORD = 'correct-horse-battery';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try { await client.query(statement); } finally { await client.end(); }
}

interface Instance { app: FastifyInstance; database: Database; url: string }
interface Session { cookie: string; csrf: string }

describe.skipIf(!SERVER)('two server processes on one PostgreSQL: same answers, changes seen by both at once', () => {
  const name = `ecogov_scale_${process.pid}_${randomBytes(4).toString('hex')}`;
  let a: Instance;
  let b: Instance;
  let officerId: number;

  const start = async (url: string): Promise<Instance> => {
    const database = await openDatabase({ url });
    const app = await buildApp({ database, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    return { app, database, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
  };
  const call = async (on: Instance, path: string, s: Session | null, init: { method?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (s) { headers.cookie = s.cookie; headers['x-csrf-token'] = s.csrf; }
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${on.url}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const login = async (on: Instance, username: string): Promise<Session> => {
    const res = await call(on, '/api/auth/login', null, { method: 'POST', body: { username, password: PASSWORD } });
    expect(res.status).toBe(200);
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: res.body.csrfToken };
  };

  beforeAll(async () => {
    await admin(`create database ${name}`);
    const url = new URL(SERVER!);
    url.pathname = `/${name}`;
    const setup = await openDatabase({ url: url.toString() });
    await migrateDatabase(setup);
    await seedReferenceData(setup.db, new Date(), { rulesAsData: false });
    for (const [username, role, credentialNo] of [['scale-admin', 'administrator', null], ['scale-officer', 'enforcement_officer', 'S1']] as const) {
      const u = await addUser(setup.db, SYSTEM_ACTOR, { username, displayName: username, password: PASSWORD, role, districtId: null, departmentId: null, enterpriseId: null, credentialNo, holdsLegalQualification: false }, new Date());
      if (!u.ok) throw new Error(u.code);
      if (role === 'enforcement_officer') officerId = u.value.id;
    }
    await setup.close();
    a = await start(url.toString());
    b = await start(url.toString());
  }, 120_000);

  afterAll(async () => {
    for (const i of [a, b]) if (i) { await i.app.close(); await i.database.close(); }
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('login on A, act on B, alternating: both answer alike', async () => {
    const s = await login(a, 'scale-admin');
    for (let i = 0; i < 6; i++) {
      const me = await call(i % 2 ? b : a, '/api/auth/me', s);
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe('scale-admin');
    }
    const created = await call(b, '/api/leads', s, { method: 'POST', body: {} });
    expect(created.status).toBe(400); // reached the route as the admin on B: CSRF and session both held
  });

  it('logout on A: B refuses the session at once', async () => {
    const s = await login(a, 'scale-admin');
    expect((await call(b, '/api/auth/me', s)).status).toBe(200); // B has it cached now
    expect((await call(a, '/api/auth/logout', s, { method: 'POST', body: {} })).status).toBeLessThan(300);
    expect((await call(b, '/api/auth/me', s)).status).toBe(401);
    expect((await call(a, '/api/auth/me', s)).status).toBe(401);
  });

  it('disable a user on B: A refuses its session at once; a role changed in the database is seen by both', async () => {
    const officer = await login(a, 'scale-officer');
    const boss = await login(b, 'scale-admin');
    expect((await call(a, '/api/auth/me', officer)).body.user.role).toBe('enforcement_officer'); // cached on A
    expect((await call(b, '/api/auth/me', officer)).body.user.role).toBe('enforcement_officer'); // cached on B
    await a.database.db.execute(sql`update users set role = 'legal_reviewer' where id = ${officerId}`);
    // Outside any request nothing waits for the notification to land: wait as a request would.
    await syncChangeFeed(a.database.db);
    await syncChangeFeed(b.database.db);
    expect((await call(a, '/api/auth/me', officer)).body.user.role).toBe('legal_reviewer');
    expect((await call(b, '/api/auth/me', officer)).body.user.role).toBe('legal_reviewer');
    const disabled = await call(b, `/api/users/${officerId}/disable`, boss, { method: 'POST', body: { reason: '调离执法岗位' } });
    expect(disabled.status).toBe(200);
    expect((await call(a, '/api/auth/me', officer)).status).toBe(401);
    expect((await call(b, '/api/auth/me', officer)).status).toBe(401);
  });

  it('a settings change on A is seen on B at the next request', async () => {
    const s = await login(a, 'scale-admin');
    const before = await call(b, '/api/settings', s); // cached on B
    expect(before.status).toBe(200);
    const { demoValues: _d, ...value } = before.body.value;
    const target = value.reviewerRatioTargetPercent === 5 ? 6 : 5;
    const put = await call(a, '/api/settings', s, { method: 'PUT', body: { value: { ...value, reviewerRatioTargetPercent: target }, version: before.body.version, reason: '调整法制审核人员比例目标' } });
    expect(put.status).toBe(200);
    const after = await call(b, '/api/settings', s);
    expect(after.body).toMatchObject({ version: before.body.version + 1, value: { reviewerRatioTargetPercent: target } });
    // Straight in the database (an operator's fix): both see it at the next request too.
    await b.database.db.execute(sql`update bureau_settings set version = version + 1`);
    await syncChangeFeed(a.database.db);
    await syncChangeFeed(b.database.db);
    expect((await call(a, '/api/settings', s)).body.version).toBe(before.body.version + 2);
    expect((await call(b, '/api/settings', s)).body.version).toBe(before.body.version + 2);
  });
});
