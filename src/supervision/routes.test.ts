import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from '../monitoring/test-support.js';
import { monitoringEvents } from '../monitoring/tables.js';

let ctx: TestContext;
let admin: Record<string, string>;
let leader: Record<string, string>;
let clean: number, noisy: number, other: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: () => new Date('2024-07-02T02:00:00Z') });
  admin = await ctx.loginAs('administrator');
  leader = await ctx.loginAs('bureau_leader');
  [clean, noisy, other] = await makeEnterprises(ctx, 3, { creditRating: 'green' });
  for (let i = 0; i < 3; i++) await ctx.loginAs('enforcement_officer');
});
afterAll(() => ctx?.close());

const post = (url: string, payload: unknown, headers = admin) => ctx.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers = admin) => ctx.app.inject({ method: 'GET', url, headers });

describe('differentiated supervision API', () => {
  it('a substantiated complaint is a record, puts the enterprise on the key list with the reason, and can become a lead', async () => {
    const res = await post('/api/supervision/complaints', { enterpriseId: noisy, source: '12369', receivedOn: '2024-06-20', content: '夜间异味扰民', outcome: 'substantiated', closedOn: '2024-06-25' });
    expect(res.statusCode).toBe(201);
    const key = await get('/api/supervision/key-list');
    expect(key.json().items.find((e: { enterpriseId: number }) => e.enterpriseId === noisy).reasons).toEqual([{ code: 'complaint', detail: '1' }]);
    const lead = await post(`/api/supervision/complaints/${res.json().id}/lead`, {});
    expect(lead.statusCode).toBe(201);
    const future = await post('/api/supervision/complaints', { enterpriseId: noisy, source: '12369', receivedOn: '2024-08-01', content: 'x' });
    expect(future.json().error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'receivedOn' });
  });

  it('risk ranking explains each score by its factors', async () => {
    const res = await get('/api/supervision/risk');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items[0].enterpriseId).toBe(noisy);
    const c = Object.fromEntries(body.items[0].risk.contributions.map((x: { factor: string; points: number }) => [x.factor, x.points]));
    expect(c.complaints12m).toBe(4);
    expect(body.items[0].risk.weightsVersion).toBe(1);
  });

  it('positive list: criteria, proposal, approval by a leader, publication; refusals name the rule', async () => {
    const check = await get(`/api/supervision/positive-list/admission/${noisy}`);
    expect(check.json().check.eligible).toBe(false);
    const refused = await post('/api/supervision/positive-list', { enterpriseId: noisy });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'POSITIVE_LIST_NOT_ELIGIBLE', field: 'enterpriseId' });
    const p = await post('/api/supervision/positive-list', { enterpriseId: clean });
    expect(p.statusCode).toBe(201);
    const officer = await ctx.loginAs('enforcement_officer');
    expect((await post(`/api/supervision/positive-list/${p.json().id}/approve`, {}, officer)).statusCode).toBe(403);
    expect((await post(`/api/supervision/positive-list/${p.json().id}/publish`, {})).json().error.code).toBe('POSITIVE_LIST_WRONG_STATUS');
    expect((await post(`/api/supervision/positive-list/${p.json().id}/approve`, {}, leader)).json().status).toBe('approved');
    expect((await post(`/api/supervision/positive-list/${p.json().id}/publish`, {})).json().status).toBe('published');
    const noReason = await post(`/api/supervision/positive-list/${p.json().id}/remove`, {});
    expect(noReason.json().error).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
  });

  it('双随机: reproducible from the seed; the positive-list enterprise is not drawn without a cause; teams of two', async () => {
    const bad = await post('/api/supervision/draws', { title: '7月抽查', count: 3, teamSize: 1 });
    expect(bad.json().error).toMatchObject({ code: 'DRAW_TEAM_TOO_SMALL', field: 'teamSize', citation: { law: '行政处罚法', article: '第四十二条' } });
    const res = await post('/api/supervision/draws', { title: '7月抽查', count: 3, teamSize: 2, seed: 'fixed-seed' });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.seed).toBe('fixed-seed');
    expect(d.items.map((i: { enterpriseId: number }) => i.enterpriseId)).not.toContain(clean);
    expect(d.excluded).toContainEqual({ enterpriseId: clean, reason: 'positive_list_no_cause' });
    for (const i of d.items) expect(i.officerIds).toHaveLength(2);
    expect((await get(`/api/supervision/draws/${d.id}/verify`)).json()).toEqual({ id: d.id, reproducible: true });
  });

  it('a monitoring exceedance is a recorded cause: the positive-list enterprise may then be drawn, with the cause', async () => {
    // A recorded exceedance also takes it off the positive list once the key list is recomputed.
    await ctx.database.db.insert(monitoringEvents).values({
      kind: 'exceedance', enterpriseId: clean, scopeKey: 't', startAt: new Date('2024-07-01T00:00:00Z'), endAt: new Date('2024-07-01T02:00:00Z'), units: 2,
      createdAt: new Date(), updatedAt: new Date(),
    });
    const r = await post('/api/supervision/key-list/recompute', {});
    expect(r.json().entered).toBeGreaterThanOrEqual(1);
    const list = (await get('/api/supervision/positive-list')).json().items;
    expect(list.find((e: { enterpriseId: number }) => e.enterpriseId === clean).status).toBe('removed');
    const key = (await get('/api/supervision/key-list')).json().items;
    expect(key.find((e: { enterpriseId: number }) => e.enterpriseId === clean).reasons[0].code).toBe('exceedance');
    void other;
  });

  it.each([
    ['enterprise_user', 'GET', '/api/supervision/risk', 403],
    ['legal_reviewer', 'GET', '/api/supervision/risk', 200],
    ['legal_reviewer', 'POST', '/api/supervision/key-list/recompute', 403],
    ['district_staff', 'POST', '/api/supervision/key-list/recompute', 200],
  ] as const)('%s %s %s → %i', async (role, method, url, status) => {
    const headers = await ctx.loginAs(role, role === 'district_staff' ? { districtCode: '370602' } : role === 'enterprise_user' ? { enterpriseId: clean } : {});
    expect((await ctx.app.inject({ method, url, headers })).statusCode).toBe(status);
  });
});
