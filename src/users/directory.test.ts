import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';

describe(`the staff directory for pickers (${ENGINE})`, () => {
  let ctx: TestContext;
  let officer: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.loginAs('enforcement_officer', { username: 'dir-officer' });
    await ctx.loginAs('enforcement_officer', { username: 'dir-officer-2' });
    await ctx.loginAs('committee_member', { username: 'dir-member' });
  });
  afterAll(async () => ctx.close());

  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

  it('lists active staff by role with credential numbers (行政处罚法 第四十二条), never password data', async () => {
    const res = await get('/api/users/directory?role=enforcement_officer', officer);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((u) => u.displayName)).toEqual(expect.arrayContaining(['dir-officer', 'dir-officer-2']));
    expect(items.every((u) => u.role === 'enforcement_officer' && typeof u.credentialNo === 'string')).toBe(true);
    expect(Object.keys(items[0]!).sort()).toEqual(['credentialNo', 'displayName', 'districtId', 'id', 'role']);
    const all = (await get('/api/users/directory', officer)).json().items as { role: string }[];
    expect(all.map((u) => u.role)).toEqual(expect.arrayContaining(['enforcement_officer', 'committee_member']));
  });

  it('refuses anonymous callers, enterprise users and unknown roles', async () => {
    expect((await get('/api/users/directory')).statusCode).toBe(401);
    const admin = await ctx.loginAs('administrator');
    const created = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx) });
    expect(created.statusCode).toBe(201);
    const company = await ctx.loginAs('enterprise_user', { enterpriseId: created.json().id });
    expect((await get('/api/users/directory', company)).statusCode).toBe(403);
    const bad = await get('/api/users/directory?role=wizard', officer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('role');
  });
});
