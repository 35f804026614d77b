// Settings and sessions are cached per process, and never stale after a change: the change's trigger
// NOTIFYs in its own transaction and the process drops the entry (src/platform/db/change-feed.ts).
// Across two processes on PostgreSQL: test/scale-out.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { syncChangeFeed } from '../platform/db/change-feed.js';
import type { Db } from '../platform/db/index.js';

describe(`cached settings and sessions are dropped at once on change (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  const get = async (url: string, headers = admin) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() };
  };
  /** A change made outside a request: wait as a request would until its notification has landed. */
  const changed = () => syncChangeFeed(ctx.database.db as Db);

  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('administrator');
  });
  afterAll(async () => ctx.close());

  it('a settings change through the API is read by the next request', async () => {
    const before = await get('/api/settings');
    expect((await get('/api/settings')).body.version).toBe(before.body.version); // now cached
    const { demoValues: _d, ...value } = before.body.value;
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/settings', headers: admin, payload: { value: { ...value, reviewerRatioTargetPercent: 7 }, version: before.body.version, reason: '调整比例目标' } });
    expect(put.statusCode).toBe(200);
    expect((await get('/api/settings')).body).toMatchObject({ version: before.body.version + 1, value: { reviewerRatioTargetPercent: 7 } });
  });

  it('a settings row changed straight in the database is read by the next request', async () => {
    const before = (await get('/api/settings')).body.version;
    await ctx.database.db.execute(sql`update bureau_settings set version = version + 1`);
    await changed();
    expect((await get('/api/settings')).body.version).toBe(before + 1);
  });

  it('a cached session ends at once when its user is disabled, its role changes or it is logged out', async () => {
    const officer = await ctx.loginAs('enforcement_officer');
    const me = await get('/api/auth/me', officer);
    expect(me.body.user.role).toBe('enforcement_officer');
    await ctx.database.db.execute(sql`update users set role = 'legal_reviewer' where id = ${me.body.user.id}`);
    await changed();
    expect((await get('/api/auth/me', officer)).body.user.role).toBe('legal_reviewer');
    await ctx.database.db.execute(sql`update users set active = false where id = ${me.body.user.id}`);
    await changed();
    expect((await get('/api/auth/me', officer)).status).toBe(401);

    const other = await ctx.loginAs('enforcement_officer');
    expect((await get('/api/auth/me', other)).status).toBe(200);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: other })).statusCode).toBe(204);
    expect((await get('/api/auth/me', other)).status).toBe(401);
  });

  it('an idle session ends even while cached (lastSeenAt moved back in the database)', async () => {
    const officer = await ctx.loginAs('enforcement_officer');
    expect((await get('/api/auth/me', officer)).status).toBe(200);
    await ctx.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes', expires_at = expires_at`);
    await changed();
    expect((await get('/api/auth/me', officer)).status).toBe(401);
  });
});
