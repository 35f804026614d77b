// Differentiated supervision (issue 11): risk scores that add up, only substantiated complaints on the
// lists, case inspection records as recent visits, district-scoped 双随机 draws, risk-weight versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { makeEnterprises } from '../monitoring/test-support.js';
import { users } from '../users/tables.js';
import { caseSteps, cases, leads } from '../cases/index.js';
import { auditLog } from '../platform/audit/tables.js';
import { inspectionDraws } from './tables.js';
import { RISK_WEIGHTS_V1 } from './data.js';

let ctx: TestContext;
let admin: Record<string, string>;
let leader: Record<string, string>;
let zhifu: Record<string, string>;
let fushan: Record<string, string>;
let zhifuIds: number[];
let fushanIds: number[];

const post = (url: string, payload: unknown, headers = admin) => ctx.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers = admin) => ctx.app.inject({ method: 'GET', url, headers });
const userId = async (username: string) => (await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

beforeAll(async () => {
  ctx = await createTestContext({ clock: () => new Date('2024-07-02T02:00:00Z') });
  admin = await ctx.loginAs('administrator');
  leader = await ctx.loginAs('bureau_leader');
  zhifu = await ctx.loginAs('district_staff', { districtCode: '370602' });
  fushan = await ctx.loginAs('district_staff', { districtCode: '370611' });
  // Green credit, not a key unit, a low-risk industry (GB/T 4754 Q8411): the factors sum below zero.
  zhifuIds = await makeEnterprises(ctx, 4, { creditRating: 'green', districtCode: '370602', keyUnitCategories: [], industryCode: 'Q8411' });
  fushanIds = await makeEnterprises(ctx, 3, { creditRating: 'blue', districtCode: '370611' });
  // City-level officers (no district): any of them may inspect anywhere unless a recent visit excludes them.
  for (let i = 0; i < 3; i++) await ctx.loginAs('enforcement_officer', { username: `officer-scope-${i}` });
});
afterAll(() => ctx?.close());

describe(`risk score shown with its factors adds up (${ENGINE})`, () => {
  it('a green-credit enterprise with nothing against it sums to −5 and is shown as 0, flagged as floored', async () => {
    const res = await get(`/api/supervision/risk/${zhifuIds[0]}`);
    expect(res.statusCode).toBe(200);
    const { risk } = res.json();
    const total = risk.contributions.reduce((a: number, c: { points: number }) => a + c.points, 0);
    expect(total).toBe(RISK_WEIGHTS_V1.credit.green);
    expect(risk).toMatchObject({ score: 0, sum: total, clamped: 'floor' });
  });

  it('an unclamped score equals the sum of its factors (clamped: null)', async () => {
    const { risk } = (await get(`/api/supervision/risk/${fushanIds[0]}`)).json();
    expect(risk.clamped).toBeNull();
    expect(risk.score).toBe(risk.sum);
    expect(risk.sum).toBe(risk.contributions.reduce((a: number, c: { points: number }) => a + c.points, 0));
  });
});

describe(`正面清单 admission rule: only substantiated complaints count (${ENGINE})`, () => {
  it('an unsubstantiated complaint neither lists the enterprise for key supervision nor removes it from the positive list', async () => {
    const e = zhifuIds[1]!;
    const p = await post('/api/supervision/positive-list', { enterpriseId: e });
    expect(p.statusCode).toBe(201);
    expect((await post(`/api/supervision/positive-list/${p.json().id}/approve`, {}, leader)).json().status).toBe('approved');
    const c = await post('/api/supervision/complaints', { enterpriseId: e, source: '12345', receivedOn: '2024-06-20', content: '怀疑夜间偷排' });
    expect(c.statusCode).toBe(201);
    const closed = await ctx.app.inject({ method: 'PUT', url: `/api/supervision/complaints/${c.json().id}`, headers: admin, payload: { handling: '现场核查未发现偷排', outcome: 'unsubstantiated', closedOn: '2024-06-28', version: 1 } });
    expect(closed.statusCode).toBe(200);
    const key = (await get('/api/supervision/key-list')).json().items;
    expect(key.find((k: { enterpriseId: number }) => k.enterpriseId === e)).toBeUndefined();
    const list = (await get('/api/supervision/positive-list')).json().items;
    expect(list.find((x: { enterpriseId: number }) => x.enterpriseId === e).status).toBe('approved');
    expect((await get(`/api/supervision/positive-list/admission/${e}`)).json().check.eligible).toBe(true);
  });

  it('the same complaint found substantiated lists it (reason complaint) and takes it off the positive list', async () => {
    const e = zhifuIds[1]!;
    const [c] = (await get(`/api/supervision/complaints?enterpriseId=${e}`)).json().items;
    const res = await ctx.app.inject({ method: 'PUT', url: `/api/supervision/complaints/${c.id}`, headers: admin, payload: { handling: '复核属实', outcome: 'substantiated', closedOn: '2024-06-30', version: c.version } });
    expect(res.statusCode).toBe(200);
    const key = (await get('/api/supervision/key-list')).json().items;
    expect(key.find((k: { enterpriseId: number }) => k.enterpriseId === e).reasons).toEqual([{ code: 'complaint', detail: '1' }]);
    const list = (await get('/api/supervision/positive-list')).json().items;
    expect(list.find((x: { enterpriseId: number }) => x.enterpriseId === e).status).toBe('removed');
  });
});

describe(`双随机 draws scoped per district; recent visits include case inspection records (${ENGINE})`, () => {
  it('a district user draws only from their district, and the draw records the scope', async () => {
    const res = await post('/api/supervision/draws', { title: '芝罘区7月抽查', count: 10, teamSize: 2, seed: 'zhifu-1' }, zhifu);
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.districtId).toBe(ctx.districtByCode('370602').id);
    expect(d.poolSize).toBe(zhifuIds.length);
    for (const i of d.items) expect(zhifuIds).toContain(i.enterpriseId);
  });

  it('a district user may not draw for another district (403 OUT_OF_SCOPE)', async () => {
    const res = await post('/api/supervision/draws', { title: 'x', count: 1, teamSize: 2, districtId: ctx.districtByCode('370602').id }, fushan);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
  });

  it('a district user sees only their district\'s draws; the city sees all', async () => {
    const own = await post('/api/supervision/draws', { title: '福山区7月抽查', count: 2, teamSize: 2, seed: 'fushan-1' }, fushan);
    expect(own.statusCode).toBe(201);
    const zhifuDraw = (await get('/api/supervision/draws', zhifu)).json().items;
    expect(zhifuDraw.map((x: { title: string }) => x.title)).toEqual(['芝罘区7月抽查']);
    const fushanDraws = (await get('/api/supervision/draws', fushan)).json().items;
    expect(fushanDraws.map((x: { title: string }) => x.title)).toEqual(['福山区7月抽查']);
    const other = fushanDraws[0].id;
    expect((await get(`/api/supervision/draws/${other}`, zhifu)).statusCode).toBe(404);
    expect((await get(`/api/supervision/draws/${other}/verify`, zhifu)).statusCode).toBe(404);
    expect((await get(`/api/supervision/draws/${other}`, fushan)).statusCode).toBe(200);
    const all = (await get('/api/supervision/draws', leader)).json().items.map((x: { title: string }) => x.title);
    expect(all).toEqual(expect.arrayContaining(['芝罘区7月抽查', '福山区7月抽查']));
  });

  it('an officer\'s own inspection record at an enterprise (case step) excludes them from its team', async () => {
    const db = ctx.database.db;
    const target = fushanIds[2]!;
    const officer = await userId('officer-scope-0');
    const now = new Date('2024-06-10T02:00:00Z');
    const district = ctx.districtByCode('370611').id;
    const [lead] = await db.insert(leads).values({
      source: 'inspection', enterpriseId: target, districtId: district, summary: '现场检查', discoveredOn: '2024-06-10', filingDueOn: '2024-06-25', status: 'filed', createdAt: now,
    } as typeof leads.$inferInsert).returning();
    const [c] = await db.insert(cases).values({
      number: 'SCOPE-TEST-1', leadId: lead!.id, enterpriseId: target, districtId: district, cause: '超标排放', actOn: '2024-06-10', stage: 'investigating',
      filedOn: '2024-06-10', filedById: officer, decisionDueOn: '2024-09-10',
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false }, createdAt: now, updatedAt: now,
    } as typeof cases.$inferInsert).returning();
    // 现场检查笔录 made on 2024-06-12 (within the 90 days before the draw) naming this officer.
    await db.insert(caseSteps).values({ caseId: c!.id, kind: 'inspection_record', occurredOn: '2024-06-12', actorId: null, officerIds: [officer], createdAt: now });

    const res = await post('/api/supervision/draws', { title: '福山区复查', count: 3, teamSize: 2, seed: 'visit-1' });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    const [row] = await db.select().from(inspectionDraws).where(and(eq(inspectionDraws.id, d.id)));
    expect(row!.pool.officers.find((o) => o.id === officer)!.recentEnterpriseIds).toContain(target);
    const item = d.items.find((i: { enterpriseId: number }) => i.enterpriseId === target);
    if (item) expect(item.officerIds).not.toContain(officer);
    // Other seeds: the officer is never on the target's team.
    for (let k = 0; k < 6; k++) {
      const r = (await post('/api/supervision/draws', { title: `复查${k}`, count: 7, teamSize: 2, seed: `visit-seed-${k}` })).json();
      const t = r.items.find((i: { enterpriseId: number }) => i.enterpriseId === target);
      if (t) expect(t.officerIds).not.toContain(officer);
    }
  });
});

describe(`risk-weight versions: list, create (draft), activate, audited (${ENGINE})`, () => {
  const weights = { ...RISK_WEIGHTS_V1, credit: { ...RISK_WEIGHTS_V1.credit, green: -10 } };

  it('lists the built-in version 1 in force when none was added', async () => {
    const res = (await get('/api/supervision/risk-weights')).json();
    expect(res.current.version).toBe(1);
    expect(res.versions).toEqual([expect.objectContaining({ version: 1, builtIn: true, inForce: true })]);
  });

  it('a new version is a draft until a leader activates it; activation is audited and changes the scores', async () => {
    const created = await post('/api/supervision/risk-weights', { effectiveFrom: '2024-07-01', weights, note: '信用好的企业减分加大' }, leader);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ version: 2, activated: false });
    expect((await get('/api/supervision/risk-weights')).json().current.version).toBe(1);
    expect((await get(`/api/supervision/risk/${zhifuIds[0]}`)).json().risk).toMatchObject({ weightsVersion: 1, sum: -5 });

    const officer = await ctx.loginAs('enforcement_officer');
    expect((await post('/api/supervision/risk-weights/2/activate', {}, officer)).statusCode).toBe(403);
    expect((await post('/api/supervision/risk-weights/9/activate', {}, leader)).statusCode).toBe(404);
    const act = await post('/api/supervision/risk-weights/2/activate', { reason: '局务会议通过' }, leader);
    expect(act.statusCode).toBe(200);
    expect(act.json()).toEqual({ version: 2, inForce: true });
    const list = (await get('/api/supervision/risk-weights')).json();
    expect(list.current.version).toBe(2);
    expect(list.versions.find((v: { version: number }) => v.version === 2)).toMatchObject({ inForce: true, note: '信用好的企业减分加大' });
    expect((await get(`/api/supervision/risk/${zhifuIds[0]}`)).json().risk).toMatchObject({ weightsVersion: 2, sum: -10, score: 0, clamped: 'floor' });
    const again = await post('/api/supervision/risk-weights/2/activate', {}, leader);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RISK_WEIGHTS_IN_FORCE');
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'risk_weights.activate'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityId: '2', reason: '局务会议通过' });
  });

  it('a version effective later is activated but not yet in force; activating an older one rolls back to it', async () => {
    const v3 = await post('/api/supervision/risk-weights', { effectiveFrom: '2024-08-01', weights: RISK_WEIGHTS_V1, note: '8月起', activate: true }, leader);
    expect(v3.json()).toEqual({ version: 3, activated: true });
    expect((await get('/api/supervision/risk-weights')).json().current.version).toBe(2);
    const v4 = await post('/api/supervision/risk-weights', { effectiveFrom: '2024-07-01', weights: RISK_WEIGHTS_V1, note: '试行' }, leader);
    expect((await post(`/api/supervision/risk-weights/${v4.json().version}/activate`, {}, leader)).json()).toEqual({ version: 4, inForce: true });
    expect((await get('/api/supervision/risk-weights')).json().current.version).toBe(4);
    expect((await post('/api/supervision/risk-weights/2/activate', { reason: '恢复' }, leader)).statusCode).toBe(200);
    expect((await get('/api/supervision/risk-weights')).json().current.version).toBe(2);
  });

  it('a malformed version names its field (400)', async () => {
    const res = await post('/api/supervision/risk-weights', { effectiveFrom: '2024-13-01x', weights, note: 'x' }, leader);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('effectiveFrom');
  });
});
