import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import type { Role } from '../platform/auth/roles.js';

// Every role, in the city-wide and district-bound variants the organisation uses; 'public' is anonymous.
type Who = 'public' | Role | 'district_staff@zhifu' | 'enforcement_officer@zhifu' | 'enterprise_user@own';
const WHO: Who[] = ['public', 'administrator', 'bureau_leader', 'enforcement_officer', 'enforcement_officer@zhifu', 'legal_reviewer',
  'committee_member', 'district_staff@zhifu', 'licensing_staff', 'enterprise_user@own'];

type Endpoint = 'list' | 'read' | 'create' | 'update' | 'export' | 'import-template';
type Target = 'zhifu' | 'fushan';

/**
 * Expected status for each cell. Records of another district are invisible (404) to district-bound
 * users; creating one there is forbidden (403). The enterprise user sees only its own enterprise (zhifu's).
 */
function expected(who: Who, endpoint: Endpoint, target: Target): number {
  if (who === 'public') return 401;
  const role = who.split('@')[0] as Role;
  const districtBound = who.endsWith('@zhifu');
  const writer = ['administrator', 'enforcement_officer', 'district_staff', 'licensing_staff'].includes(role);
  const visible = role === 'enterprise_user' ? target === 'zhifu' : !districtBound || target === 'zhifu';
  switch (endpoint) {
    case 'list': return 200;
    case 'export': return role === 'enterprise_user' ? 403 : 200;
    case 'import-template': return ['administrator', 'district_staff'].includes(role) ? 200 : 403;
    case 'read': return visible ? 200 : 404;
    case 'create': return !writer || role === 'enterprise_user' ? 403 : districtBound && target !== 'zhifu' ? 403 : 201;
    case 'update': return !writer ? 403 : visible ? 200 : 404;
  }
}

describe(`enterprise registry: role × endpoint × district (${ENGINE})`, () => {
  let ctx: TestContext;
  const ids: Record<Target, number> = { zhifu: 0, fushan: 0 };
  const headers = new Map<Who, Record<string, string>>();

  beforeAll(async () => {
    ctx = await createTestContext();
    const admin = await ctx.loginAs('administrator');
    for (const [target, code] of [['zhifu', '370602'], ['fushan', '370611']] as const) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx, { districtCode: code }) });
      expect(res.statusCode).toBe(201);
      ids[target] = res.json().id;
    }
    for (const who of WHO) {
      if (who === 'public') { headers.set(who, {}); continue; }
      const [role, where] = who.split('@') as [Role, string | undefined];
      headers.set(who, await ctx.loginAs(role, {
        districtCode: where === 'zhifu' || role === 'district_staff' ? '370602' : undefined,
        enterpriseId: role === 'enterprise_user' ? ids.zhifu : undefined,
      }));
    }
  });
  afterAll(async () => ctx.close());

  const cells = WHO.flatMap((who) => (['list', 'read', 'create', 'update', 'export', 'import-template'] as const)
    .flatMap((endpoint) => (['zhifu', 'fushan'] as const).map((target) => [who, endpoint, target] as const)));

  it.each(cells)('%s %s %s', async (who, endpoint, target) => {
    const h = headers.get(who)!;
    const districtCode = target === 'zhifu' ? '370602' : '370611';
    const id = ids[target];
    let res;
    switch (endpoint) {
      case 'list': res = await ctx.app.inject({ method: 'GET', url: `/api/enterprises?districtId=${ctx.districtByCode(districtCode).id}`, headers: h }); break;
      case 'read': res = await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${id}`, headers: h }); break;
      case 'export': res = await ctx.app.inject({ method: 'GET', url: `/api/enterprises/export?districtId=${ctx.districtByCode(districtCode).id}`, headers: h }); break;
      case 'import-template': res = await ctx.app.inject({ method: 'GET', url: '/api/enterprises/import-template', headers: h }); break;
      case 'create': res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: h, payload: enterpriseInput(ctx, { districtCode }) }); break;
      case 'update': {
        const current = await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${id}`, headers: headers.get('administrator')! });
        const { version, ...rest } = current.json();
        const payload = { ...enterpriseInput(ctx, { districtCode }), creditCode: rest.creditCode, name: `${rest.name}`, version };
        res = await ctx.app.inject({ method: 'PUT', url: `/api/enterprises/${id}`, headers: h, payload });
        break;
      }
    }
    expect(res.statusCode).toBe(expected(who, endpoint, target));
    if (endpoint === 'list' && res.statusCode === 200) {
      // A list never shows what a read would refuse.
      const visible = expected(who, 'read', target) === 200;
      expect(res.json().items.some((e: { id: number }) => e.id === id)).toBe(visible);
      if (who === 'enterprise_user@own') expect(res.json().items.every((e: { id: number }) => e.id === ids.zhifu)).toBe(true);
    }
    if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
  });
});

describe(`enterprise registry: validation and audit (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => { ctx = await createTestContext(); admin = await ctx.loginAs('administrator'); });
  afterAll(async () => ctx.close());

  it('400 names the field of a malformed body', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: { ...enterpriseInput(ctx), districtId: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', field: 'districtId' });
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    [{ creditCode: '91350100M000100Y44' }, 'creditCode', 'CREDIT_CODE_CHECK_CHARACTER'],
    [{ industryCode: 'X99' }, 'industryCode', 'INDUSTRY_CODE_FORMAT'],
    [{ districtId: 99999 }, 'districtId', 'DISTRICT_UNKNOWN'],
    [{ outfalls: [{ code: 'DA001', name: '排口', kind: 'water' }] }, 'outfalls.0.kind', 'OUTFALL_KIND_MISMATCH'],
  ])('422 when a value breaks a rule: %j', async (change, field, code) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: { ...enterpriseInput(ctx), ...change } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code, field });
  });

  it('422 for a township outside the chosen district', async () => {
    const fushanTownship = ctx.districtByCode('370611').townships[0]!.id;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: enterpriseInput(ctx, { townshipId: fushanTownship }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'TOWNSHIP_NOT_IN_DISTRICT', field: 'townshipId' });
  });

  it('a credit code registers once; edits need the current version and are audited with before/after', async () => {
    const input = enterpriseInput(ctx);
    const created = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: input });
    expect(created.statusCode).toBe(201);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: input });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('CREDIT_CODE_TAKEN');
    const { id, version } = created.json();
    const ok = await ctx.app.inject({ method: 'PUT', url: `/api/enterprises/${id}`, headers: admin, payload: { ...input, name: '烟台更名有限公司', version, reason: '企业更名' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '烟台更名有限公司', version: version + 1, actions: ['edit'] });
    const stale = await ctx.app.inject({ method: 'PUT', url: `/api/enterprises/${id}`, headers: admin, payload: { ...input, version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const audit = await ctx.app.inject({ method: 'GET', url: `/api/audit?entity=enterprise&entityId=${id}`, headers: admin });
    const [update, create] = audit.json().items;
    expect(update).toMatchObject({ action: 'enterprise.update', reason: '企业更名', before: { name: input.name }, after: { name: '烟台更名有限公司' } });
    expect(create).toMatchObject({ action: 'enterprise.create', actorRole: 'administrator' });
  });

  it('search finds by credit code and by name', async () => {
    const input = enterpriseInput(ctx, { name: '烟台独一无二检索测试有限公司' });
    await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: input });
    const byCode = await ctx.app.inject({ method: 'GET', url: `/api/enterprises?q=${input.creditCode}`, headers: admin });
    expect(byCode.json()).toMatchObject({ total: 1, items: [{ creditCode: input.creditCode }] });
    const byName = await ctx.app.inject({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('独一无二检索')}`, headers: admin });
    expect(byName.json().total).toBe(1);
  });

  it('messages follow the request language', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/enterprises/999999', headers: { ...admin, 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/Not found/);
    const zh = await ctx.app.inject({ method: 'GET', url: '/api/enterprises/999999', headers: admin });
    expect(zh.json().error.message).toMatch(/记录不存在/);
  });
});
