// Issue 13: "a case citing 排污许可管理条例 shows the permit" — permits supply the party's permits to the case page
// through cases' registerPartyPermitProvider (cases never imports permits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, type Bureau } from '../../test/helpers/cases.js';
import { seedCalendar } from '../calendar/index.js';
import { citesPermitRegulation } from '../cases/index.js';

describe(`the party's discharge permits on the case page (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  const nowAt = new Date('2026-12-04T10:00:00+08:00');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    b = await makeBureau(ctx);
  }, 180_000);
  afterAll(async () => ctx?.close());

  it('cites the 条例 in the cause, the violated provisions or the penalty basis', () => {
    expect(citesPermitRegulation({ cause: '超标排放水污染物', proposal: null })).toBe(false);
    expect(citesPermitRegulation({ cause: '未取得排污许可证排放污染物（排污许可管理条例第三十三条）', proposal: null })).toBe(true);
    expect(citesPermitRegulation({ cause: 'x', proposal: { violatedProvisions: '《排污许可管理条例》第十八条', penaltyBasis: '' } })).toBe(true);
  });

  it('shows the permits (validity, outfalls) only on a case citing 排污许可管理条例; 401 / 403 / 404 as for the case', async () => {
    const staff = await ctx.loginAs('licensing_staff');
    const enterprise = (await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${b.enterpriseId}`, headers: b.admin.headers })).json();
    const recorded = await ctx.app.inject({ method: 'POST', url: '/api/permits', headers: staff, payload: {
      enterpriseId: b.enterpriseId, managementClass: 'simplified', number: `${enterprise.creditCode}001P`, issuedOn: '2024-03-01', validFrom: '2024-03-01', outfalls: [],
    } });
    expect(recorded.statusCode).toBe(201);
    const plain = await fileCase(ctx, b, '2026-12-01');
    const get = (id: number, headers: Record<string, string> | null) => ctx.app.inject({ method: 'GET', url: `/api/cases/${id}/party-permits`, headers: headers ?? {} });
    expect((await get(plain, b.officerA.headers)).json()).toEqual({ applies: false, permits: [] });

    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '排放口设置与许可证不符', discoveredOn: '2026-12-01' });
    expect(lead.status).toBe(201);
    const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, {
      cause: '污染物排放口位置不符合排污许可证规定（排污许可管理条例第三十六条）', actOn: '2026-12-01', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    });
    expect(filed.status).toBe(201);
    const shown = (await get(filed.body.id, b.officerA.headers)).json();
    expect(shown).toMatchObject({ applies: true, permits: [{ number: `${enterprise.creditCode}001P`, managementClass: 'simplified', status: 'active', validOn: true, validTo: '2029-02-28', outfalls: [] }] });
    expect((await get(filed.body.id, null)).statusCode).toBe(401);
    expect((await get(filed.body.id, await ctx.loginAs('enterprise_user', { enterpriseId: b.enterpriseId }))).statusCode).toBe(403);
    expect((await get(2_000_000, b.officerA.headers)).statusCode).toBe(404);
  });
});
