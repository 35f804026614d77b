import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, type Bureau, type Person } from '../../test/helpers/cases.js';
import { cases } from '../cases/tables.js';
import { countMeasuresByKind, seedMeasures } from './index.js';
import type { Role } from '../platform/auth/roles.js';
import type { PenaltyKind } from '../cases/rules/penalties.js';

/** The test clock: China noon on the given civil date. */
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

/** Sets the case's decision directly: these tests are about the measures, not the penalty procedure. */
async function decide(ctx: TestContext, caseId: number, decidedOn: string, fineFen: number, kind: 'penalty' | 'no_penalty' = 'penalty',
  penaltyKinds: PenaltyKind[] = kind === 'penalty' && fineFen > 0 ? ['fine'] : [], decisionNumber = `烟环罚〔2021〕${caseId}号`) {
  await ctx.database.db.update(cases).set({
    decisionKind: kind, decisionFineFen: fineFen, decidedOn, stage: 'decided', decisionNumber, decision: { penaltyKinds, reasons: '', basis: '' },
  }).where(eq(cases.id, caseId));
}
const NEW_ORDER = (servedOn: string) => ({ number: `烟环责改〔2021〕${servedOn.slice(5).replace('-', '')}号`, servedOn });

const get = async (ctx: TestContext, headers: Record<string, string>, url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.json() };
};

const seizure = (officerId: number) => ({
  kind: 'seizure', responsibleOfficerId: officerId, mode: 'seal', ground: 'evading_supervision', decisionNumber: '烟环封〔2021〕1号',
  decidedOn: '2021-03-02', implementedOn: '2021-03-02', items: [{ name: '暗管排污泵', quantity: '1台', location: '厂区东侧' }],
});
const crimeTransfer = (officerId: number) => ({
  kind: 'crime_transfer', responsibleOfficerId: officerId, suspectedCrime: '污染环境罪', facts: '通过暗管排放含重金属废水，超标三倍以上', reportOn: '2021-03-02',
});

describe(`measures: role × endpoint × district (${ENGINE})`, () => {
  type Who = 'public' | Role | 'enforcement_officer@fushan' | 'district_staff@zhifu' | 'district_staff@fushan';
  const WHO: Who[] = ['public', 'administrator', 'bureau_leader', 'enforcement_officer', 'enforcement_officer@fushan', 'legal_reviewer',
    'committee_member', 'district_staff@zhifu', 'district_staff@fushan', 'licensing_staff'];
  type Endpoint = 'list-case' | 'read' | 'list' | 'create' | 'event-write' | 'event-approve';

  /** The case is in 芝罘区; users bound to 福山区 do not see it at all. */
  function expected(who: Who, endpoint: Endpoint): number {
    if (who === 'public') return 401;
    const role = who.split('@')[0] as Role;
    const reads = !['licensing_staff', 'enterprise_user'].includes(role);
    const writes = ['administrator', 'enforcement_officer', 'district_staff'].includes(role);
    const approves = ['administrator', 'bureau_leader'].includes(role);
    const visible = !who.endsWith('@fushan');
    switch (endpoint) {
      case 'list': return reads ? 200 : 403;
      case 'list-case': case 'read': return !reads ? 403 : visible ? 200 : 404;
      case 'create': return !writes ? 403 : visible ? 201 : 404;
      case 'event-write': return !writes ? 403 : visible ? 200 : 404;
      case 'event-approve': return !approves ? 403 : visible ? 200 : 404;
    }
  }

  let ctx: TestContext;
  let b: Bureau;
  let caseId: number;
  const headers = new Map<Who, Record<string, string>>();
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at('2021-03-10') });
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2021-03-01');
    for (const who of WHO) {
      if (who === 'public') { headers.set(who, {}); continue; }
      const [role, where] = who.split('@') as [Role, string | undefined];
      headers.set(who, await ctx.loginAs(role, { districtCode: where === 'zhifu' ? '370602' : where === 'fushan' ? '370611' : undefined }));
    }
  });
  afterAll(async () => ctx.close());

  const cells = WHO.flatMap((who) => (['list-case', 'read', 'list', 'create', 'event-write', 'event-approve'] as const).map((e) => [who, e] as const));

  it.each(cells)('%s %s', async (who, endpoint) => {
    const h = headers.get(who)!;
    const admin = b.admin;
    const fresh = async (body: object) => (await post(ctx, admin, `/api/cases/${caseId}/measures`, body)).body.id as number;
    let status: number;
    switch (endpoint) {
      case 'list-case': status = (await get(ctx, h, `/api/cases/${caseId}/measures`)).status; break;
      case 'read': status = (await get(ctx, h, `/api/measures/${await fresh(seizure(b.officerA.id))}`)).status; break;
      case 'list': status = (await get(ctx, h, '/api/measures?year=2021')).status; break;
      case 'create': status = (await ctx.app.inject({ method: 'POST', url: `/api/cases/${caseId}/measures`, headers: h, payload: seizure(b.officerA.id) })).statusCode; break;
      case 'event-write': {
        const id = await fresh(seizure(b.officerA.id));
        status = (await ctx.app.inject({ method: 'POST', url: `/api/measures/${id}/release`, headers: h, payload: { releasedOn: '2021-03-09', ground: 'handled' } })).statusCode;
        break;
      }
      case 'event-approve': {
        const id = await fresh(crimeTransfer(b.officerA.id));
        status = (await ctx.app.inject({ method: 'POST', url: `/api/measures/${id}/approval`, headers: h, payload: { decidedOn: '2021-03-03', approved: true } })).statusCode;
        break;
      }
    }
    expect(status).toBe(expected(who, endpoint));
  });

  it('a district-bound user lists only the measures of its district', async () => {
    const zhifu = await get(ctx, headers.get('district_staff@zhifu')!, '/api/measures');
    const fushan = await get(ctx, headers.get('district_staff@fushan')!, '/api/measures');
    expect(zhifu.body.total).toBeGreaterThan(0);
    expect(fushan.body).toMatchObject({ total: 0, items: [], countsByKind: {} });
  });
});

describe(`按日连续处罚 through the API: 环境保护法 第五十九条, 按日连续处罚办法 第十七条, 第十九条 (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let caseId: number;
  let id: number;
  let today = at('2021-03-10');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2021-03-01');
  });
  afterAll(async () => ctx.close());

  const reinspect = (who: Person, payload: object) => post(ctx, who, `/api/measures/${id}/reinspection`, payload);

  it('records the correction order; the re-inspection is due 30 days after service', async () => {
    const res = await post(ctx, b.officerA, `/api/cases/${caseId}/measures`, {
      kind: 'daily_penalty', responsibleOfficerId: b.officerA.id, ground: 'exceeding_standards', violation: '废水总排口化学需氧量超标排放',
      orderNumber: '烟环责改〔2021〕3号', orderServedOn: '2021-03-01',
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      kind: 'daily_penalty', status: 'awaiting_reinspection', startedOn: '2021-03-01', dueOn: '2021-03-31', deadlineState: 'ok',
      responsibleOfficer: { id: b.officerA.id }, basis: [{ law: '环境保护法', article: '第五十九条' }, { article: '第五条', item: '（一）' }, { article: '第十七条' }, { article: '第十九条' }],
      computation: { startOn: '2021-03-02', days: 0, totalFen: null },
    });
    expect(res.body.actions).toEqual([{ event: 'reinspection', allowed: true }]);
  });

  it('400 names the field of a malformed body', async () => {
    const noDate = await post(ctx, b.officerA, `/api/cases/${caseId}/measures`, { kind: 'daily_penalty', responsibleOfficerId: b.officerA.id, ground: 'exceeding_standards', violation: 'x', orderNumber: 'x' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'orderServedOn' });
    const badKind = await post(ctx, b.officerA, `/api/cases/${caseId}/measures`, { kind: 'confiscation', responsibleOfficerId: b.officerA.id });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'kind' });
    const badDate = await reinspect(b.officerA, { inspectedOn: '2021-02-30', officerIds: [b.officerA.id, b.officerB.id], finding: 'continuing' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.field).toBe('inspectedOn');
    expect(JSON.stringify(badDate.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('422 refuses a re-inspection not after service, by one officer, or by someone who is not an officer', async () => {
    const early = await reinspect(b.officerA, { inspectedOn: '2021-03-01', officerIds: [b.officerA.id, b.officerB.id], finding: 'continuing' });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'REINSPECTION_NOT_AFTER_ORDER_SERVED', field: 'inspectedOn', citation: { law: '环境保护主管部门实施按日连续处罚办法', article: '第十七条' } });
    const one = await reinspect(b.officerA, { inspectedOn: '2021-03-09', officerIds: [b.officerA.id], finding: 'continuing' });
    expect(one.body.error).toMatchObject({ code: 'TWO_OFFICERS_REQUIRED', field: 'officerIds', citation: { article: '第四十二条' } });
    const reviewer = await reinspect(b.officerA, { inspectedOn: '2021-03-09', officerIds: [b.officerA.id, b.reviewer.id], finding: 'continuing', newOrder: NEW_ORDER('2021-03-09') });
    expect(reviewer.body.error).toMatchObject({ code: 'NOT_AN_OFFICER', field: 'officerIds' });
    const future = await reinspect(b.officerA, { inspectedOn: '2021-03-11', officerIds: [b.officerA.id, b.officerB.id], finding: 'continuing' });
    expect(future.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'inspectedOn' });
  });

  it('409 refuses the daily-penalty decision before the case has a fine decision (按日连续处罚办法 第七条)', async () => {
    expect((await reinspect(b.officerA, { inspectedOn: '2021-03-09', officerIds: [b.officerA.id, b.officerB.id], finding: 'continuing', note: '仍超标', newOrder: NEW_ORDER('2021-03-09') })).status).toBe(200);
    const early = await post(ctx, b.leader, `/api/measures/${id}/decide`, { decidedOn: '2021-03-10' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'ORIGINAL_FINE_DECISION_MISSING', citation: { article: '第七条' } });
    const byOfficer = await post(ctx, b.officerA, `/api/measures/${id}/decide`, { decidedOn: '2021-03-10' });
    expect(byOfficer.status).toBe(403);
  });

  it('cumulates re-inspections and computes fine × days with an explanation; the decision fixes it', async () => {
    today = at('2021-03-26');
    await decide(ctx, caseId, '2021-03-05', 10_000_000);
    const second = await reinspect(b.officerB, { inspectedOn: '2021-03-25', officerIds: [b.officerB.id, b.officerC.id], finding: 'obstructed', newOrder: NEW_ORDER('2021-03-25') });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'violation_continuing', computation: { startOn: '2021-03-02', endOn: '2021-03-25', days: 24, dailyFen: 10_000_000, totalFen: 240_000_000 } });
    // 环境保护法 第五十九条: the daily penalty is decided in its own case; the amount must be the computed one.
    const dailyCase = await fileCase(ctx, b, '2021-03-25');
    const noCase = await post(ctx, b.leader, `/api/measures/${id}/decide`, { decidedOn: '2021-03-26' });
    expect(noCase.status).toBe(422);
    expect(noCase.body.error).toMatchObject({ code: 'DAILY_PENALTY_CASE_REQUIRED', field: 'penaltyCaseId' });
    await decide(ctx, dailyCase, '2021-03-26', 230_000_000, 'penalty', ['fine'], '烟环罚〔2021〕9号');
    const wrongAmount = await post(ctx, b.leader, `/api/measures/${id}/decide`, { decidedOn: '2021-03-26', penaltyCaseId: dailyCase });
    expect(wrongAmount.body.error).toMatchObject({ code: 'DAILY_PENALTY_AMOUNT_MISMATCH', field: 'penaltyCaseId', citation: { law: '环境保护法', article: '第五十九条' } });
    const original = await post(ctx, b.leader, `/api/measures/${id}/decide`, { decidedOn: '2021-03-26', penaltyCaseId: caseId });
    expect(original.body.error).toMatchObject({ code: 'DAILY_PENALTY_CASE_IS_ORIGINAL' });
    await decide(ctx, dailyCase, '2021-03-26', 240_000_000, 'penalty', ['fine'], '烟环罚〔2021〕9号');
    const decided = await post(ctx, b.leader, `/api/measures/${id}/decide`, { decidedOn: '2021-03-26', penaltyCaseId: dailyCase });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', endedOn: '2021-03-26', dueOn: null, outcome: { status: 'decided', totalFen: 240_000_000, days: 24 } });
    expect(decided.body.computation.lines.at(-1).zh).toBe('按日连续处罚罚款数额 = ¥100,000.00 × 24 日 = ¥2,400,000.00（大写：贰佰肆拾万元整）');
    expect(decided.body.record.decision).toMatchObject({ totalFen: 240_000_000, originalFineFen: 10_000_000, penaltyCaseId: dailyCase, decisionNumber: '烟环罚〔2021〕9号' });
    // A later change of the case's fine does not move a decided total.
    await decide(ctx, caseId, '2021-03-05', 20_000_000);
    expect((await get(ctx, b.officerA.headers, `/api/measures/${id}`)).body.computation.totalFen).toBe(240_000_000);
    const more = await reinspect(b.officerA, { inspectedOn: '2021-03-26', officerIds: [b.officerA.id, b.officerB.id], finding: 'continuing' });
    expect(more.status).toBe(409);
    expect(more.body.error.code).toBe('MEASURE_CLOSED');
  });

  it('every change is audited, and the case timeline shows the measure', async () => {
    const audit = await get(ctx, b.admin.headers, `/api/audit?entity=measure&entityId=${id}`);
    expect(audit.body.items.map((r: { action: string }) => r.action)).toEqual(['measure.decide', 'measure.reinspection', 'measure.reinspection', 'measure.create']);
    expect(audit.body.items[0]).toMatchObject({ actorRole: 'bureau_leader', before: { status: 'violation_continuing' }, after: { status: 'decided' } });
    const c = await get(ctx, b.officerA.headers, `/api/cases/${caseId}`);
    expect(c.body.steps.filter((s: { kind: string }) => s.kind === 'measure')).toHaveLength(4);
    const list = await get(ctx, b.officerA.headers, `/api/cases/${caseId}/measures`);
    expect(list.body.items[0].events.map((e: { event: string }) => e.event)).toEqual(['create', 'reinspection', 'reinspection', 'decide']);
  });
});

describe(`seizure, restriction, transfers and the archive through the API (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let caseId: number;
  let today = at('2021-03-10');
  const create = (who: Person, body: object) => post(ctx, who, `/api/cases/${caseId}/measures`, body);
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2021-03-01');
  });
  afterAll(async () => ctx.close());

  it('环境保护法 第二十五条, 行政强制法 第二十五条: a seizure ends after 30 days; one leader-approved extension of at most 30', async () => {
    const s = await create(b.officerA, seizure(b.officerA.id));
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ status: 'in_force', dueOn: '2021-04-01', seizureMandatory: true, basis: [{ article: '第二十五条' }, { article: '第四条', item: '（四）' }, { law: '行政强制法' }] });
    const byOfficer = await post(ctx, b.officerA, `/api/measures/${s.body.id}/extension`, { approvedOn: '2021-03-10', days: 30, reason: '需检测' });
    expect(byOfficer.status).toBe(403);
    const tooLong = await post(ctx, b.leader, `/api/measures/${s.body.id}/extension`, { approvedOn: '2021-03-10', days: 31, reason: '情况复杂' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error).toMatchObject({ code: 'SEIZURE_EXTENSION_TOO_LONG', field: 'days', citation: { law: '行政强制法', article: '第二十五条' } });
    const noLength = await post(ctx, b.leader, `/api/measures/${s.body.id}/extension`, { approvedOn: '2021-03-10', reason: '情况复杂' });
    expect(noLength.body.error).toMatchObject({ code: 'EXTENSION_LENGTH_REQUIRED', field: 'days' });
    const ok = await post(ctx, b.leader, `/api/measures/${s.body.id}/extension`, { approvedOn: '2021-03-10', days: 30, reason: '情况复杂，需技术鉴定' });
    expect(ok.body).toMatchObject({ status: 'extended', dueOn: '2021-05-01' });
    const early = await post(ctx, b.officerA, `/api/measures/${s.body.id}/release`, { releasedOn: '2021-03-10', ground: 'period_expired' });
    expect(early.body.error).toMatchObject({ code: 'SEIZURE_PERIOD_NOT_ENDED', field: 'ground' });
    const released = await post(ctx, b.officerA, `/api/measures/${s.body.id}/release`, { releasedOn: '2021-03-10', ground: 'handled', note: '已作出处理决定' });
    expect(released.body).toMatchObject({ status: 'released', endedOn: '2021-03-10', outcome: { status: 'released', ground: 'handled' }, dueOn: null });
    const wrongEvent = await post(ctx, b.officerA, `/api/measures/${s.body.id}/reinspection`, { inspectedOn: '2021-03-10', officerIds: [b.officerA.id, b.officerB.id], finding: 'continuing' });
    expect(wrongEvent.body.error.code).toBe('MEASURE_EVENT_NOT_APPLICABLE');
  });

  it('环境保护法 第六十条: a restriction lasts three months; lifted only after a rectification plan is on record', async () => {
    // 行政处罚法 第九条 (四): decided in its own case first (the procedure itself: penalty-procedure.test.ts).
    const rCase = await fileCase(ctx, b, '2021-03-01');
    const restriction = { kind: 'production_restriction', responsibleOfficerId: b.officerA.id, mode: 'restriction', ground: 'exceeding_standards', servedOn: '2021-03-04', requirements: '生产负荷降至50%' };
    const undecided = await post(ctx, b.officerA, `/api/cases/${rCase}/measures`, restriction);
    expect(undecided.status).toBe(409);
    expect(undecided.body.error).toMatchObject({ code: 'MEASURE_DECISION_NOT_IN_CASE', citation: { law: '行政处罚法', article: '第四十四条' } });
    await decide(ctx, rCase, '2021-03-03', 0, 'penalty', ['production_restriction'], '烟环罚〔2021〕1号');
    const wrongGround = await post(ctx, b.officerA, `/api/cases/${rCase}/measures`, { ...restriction, ground: 'heavy_metals_three_times' });
    expect(wrongGround.status).toBe(422);
    expect(wrongGround.body.error).toMatchObject({ code: 'GROUND_NOT_FOR_MODE', field: 'ground', citation: { article: '第五条' } });
    const wrongMode = await post(ctx, b.officerA, `/api/cases/${rCase}/measures`, { ...restriction, mode: 'suspension', ground: 'evading_supervision' });
    expect(wrongMode.body.error).toMatchObject({ code: 'MEASURE_KIND_NOT_DECIDED', field: 'mode' });
    const otherNumber = await post(ctx, b.officerA, `/api/cases/${rCase}/measures`, { ...restriction, decisionNumber: '烟环限〔2021〕1号' });
    expect(otherNumber.body.error).toMatchObject({ code: 'MEASURE_DECISION_MISMATCH', field: 'decisionNumber' });
    const r = await post(ctx, b.officerA, `/api/cases/${rCase}/measures`, restriction);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'in_force', dueOn: '2021-03-25', record: { decisionNumber: '烟环罚〔2021〕1号', decidedOn: '2021-03-03', serviceDueOn: '2021-03-12', planDueOn: '2021-03-25' } });
    const lift = await post(ctx, b.officerA, `/api/measures/${r.body.id}/lifting`, { liftedOn: '2021-03-10' });
    expect(lift.status).toBe(409);
    expect(lift.body.error).toMatchObject({ code: 'RECTIFICATION_PLAN_MISSING' });
    const plan = await post(ctx, b.officerA, `/api/measures/${r.body.id}/plan`, { filedOn: '2021-03-08', summary: '更换治理设施，4月底前完成' });
    expect(plan.body).toMatchObject({ dueOn: '2021-06-04' });
    const lifted = await post(ctx, b.officerA, `/api/measures/${r.body.id}/lifting`, { liftedOn: '2021-03-10', note: '整改完成备案' });
    expect(lifted.body).toMatchObject({ status: 'lifted', endedOn: '2021-03-10' });
  });

  it('环境保护法 第六十三条: the transfer for detention follows the penalty decision, names a situation, detention 5–15 days', async () => {
    const body = { kind: 'detention_transfer', responsibleOfficerId: b.officerA.id, situation: 'evading_supervision', persons: [{ name: '张某', position: '生产厂长' }], facts: '私设暗管排放废水', decidedOn: '2021-03-08' };
    const before = await create(b.officerA, body);
    expect(before.status).toBe(409);
    expect(before.body.error).toMatchObject({ code: 'DETENTION_TRANSFER_NEEDS_PENALTY_DECISION', citation: { article: '第二条' } });
    const noSituation = await create(b.officerA, { ...body, situation: 'other' });
    expect(noSituation.status).toBe(400);
    expect(noSituation.body.error.field).toBe('situation');
    await decide(ctx, caseId, '2021-03-05', 50_000_000);
    const d = await create(b.officerA, body);
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ status: 'transfer_decided', dueOn: '2021-03-11', basis: [{ article: '第六十三条', item: '（三）' }, { article: '第二条' }] });
    const transferred = await post(ctx, b.officerA, `/api/measures/${d.body.id}/transfer`, { transferredOn: '2021-03-09', receivingOrgan: '烟台市公安局芝罘分局' });
    expect(transferred.body).toMatchObject({ status: 'transferred' });
    const tooLong = await post(ctx, b.officerA, `/api/measures/${d.body.id}/outcome`, { outcome: 'detained', decidedOn: '2021-03-10', detentionDays: 20 });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error).toMatchObject({ code: 'DETENTION_DAYS_OUT_OF_RANGE', field: 'detentionDays', citation: { law: '环境保护法', article: '第六十三条' } });
    const crimeOutcome = await post(ctx, b.officerA, `/api/measures/${d.body.id}/outcome`, { outcome: 'filed', decidedOn: '2021-03-10' });
    expect(crimeOutcome.body.error).toMatchObject({ code: 'OUTCOME_NOT_FOR_KIND', field: 'outcome' });
    const detained = await post(ctx, b.officerA, `/api/measures/${d.body.id}/outcome`, { outcome: 'detained', decidedOn: '2021-03-10', detentionDays: 10 });
    expect(detained.body).toMatchObject({ status: 'detained', outcome: { detentionDays: 10 } });
  });

  it('行政处罚法 第二十七条: a crime transfer is approved, handed over, answered, and reminds that a penalty may still apply', async () => {
    const c = await create(b.officerA, crimeTransfer(b.officerA.id));
    expect(c.body).toMatchObject({ status: 'awaiting_approval', dueOn: '2021-03-05' });
    const unapproved = await post(ctx, b.officerA, `/api/measures/${c.body.id}/transfer`, { transferredOn: '2021-03-03', receivingOrgan: '烟台市公安局' });
    expect(unapproved.body.error).toMatchObject({ code: 'CRIME_TRANSFER_NOT_APPROVED', citation: { article: '第五条' } });
    expect((await post(ctx, b.leader, `/api/measures/${c.body.id}/approval`, { decidedOn: '2021-03-03', approved: true })).body).toMatchObject({ status: 'approved', dueOn: '2021-03-04' });
    const late = await post(ctx, b.officerA, `/api/measures/${c.body.id}/transfer`, { transferredOn: '2021-03-05', receivingOrgan: '烟台市公安局' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'TRANSFER_LATE_REASON_REQUIRED', field: 'lateReason' });
    const handed = await post(ctx, b.officerA, `/api/measures/${c.body.id}/transfer`, { transferredOn: '2021-03-04', receivingOrgan: '烟台市公安局', materials: ['涉嫌犯罪案件移送书', '检测报告'] });
    expect(handed.body).toMatchObject({ status: 'transferred', dueOn: '2021-03-08' });
    const answered = await post(ctx, b.officerA, `/api/measures/${c.body.id}/outcome`, { outcome: 'not_filed', decidedOn: '2021-03-09', note: '不予立案' });
    expect(answered.body.status).toBe('not_filed');
    expect(answered.body.reminders).toEqual(expect.arrayContaining([
      expect.objectContaining({ citation: { law: '行政处罚法', article: '第二十七条' } }),
      expect.objectContaining({ zh: expect.stringContaining('2021-03-12') }),
    ]));
  });

  it('an archived case is frozen: no new measure and no event, but it can still be read', async () => {
    const open = await create(b.officerA, seizure(b.officerA.id));
    await ctx.database.db.update(cases).set({ archivedAt: at('2021-03-10'), stage: 'archived' }).where(eq(cases.id, caseId));
    const created = await create(b.officerA, seizure(b.officerA.id));
    expect(created.status).toBe(409);
    expect(created.body.error.code).toBe('CASE_ARCHIVED');
    const event = await post(ctx, b.officerA, `/api/measures/${open.body.id}/release`, { releasedOn: '2021-03-10', ground: 'handled' });
    expect(event.status).toBe(409);
    expect(event.body.error.code).toBe('CASE_ARCHIVED');
    const list = await get(ctx, b.officerA.headers, `/api/cases/${caseId}/measures`);
    expect(list.status).toBe(200);
    expect(list.body.canCreate).toBe(false);
    expect(list.body.items.every((m: { actions: { allowed: boolean }[] }) => m.actions.every((a) => !a.allowed))).toBe(true);
  });
});

describe(`year-end statistics: the seed's 2020 figures add up from the records (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2020-03-02');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
  });
  afterAll(async () => ctx.close());

  it('1 production restriction/suspension, 4 transfers for detention, 3 suspected crimes transferred in 2020', async () => {
    const caseId = await fileCase(ctx, b, '2020-03-02');
    today = at('2020-12-20');
    await decide(ctx, caseId, '2020-06-01', 20_000_000, 'penalty', ['fine', 'suspension'], '烟环罚〔2020〕1号');
    const create = async (body: object) => {
      const res = await post(ctx, b.officerA, `/api/cases/${caseId}/measures`, { responsibleOfficerId: b.officerA.id, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    await create({ kind: 'production_restriction', mode: 'suspension', ground: 'evading_supervision', servedOn: '2020-06-03', requirements: '停产整治' });
    for (const [i, situation] of (['no_eia_refusing_stop', 'no_permit_refusing_stop', 'evading_supervision', 'evading_supervision'] as const).entries()) {
      // 环境保护法 第六十三条 (一)(二): the earlier order to stop and the refusal are on record.
      const priorOrder = situation === 'evading_supervision' ? null : { number: `烟环责停〔2020〕${i + 1}号`, servedOn: '2020-05-01', refusal: '拒不停止', refusalFoundOn: '2020-05-20' };
      await create({ kind: 'detention_transfer', situation, persons: [{ name: `责任人${i}`, position: '' }], facts: '拒不执行', decidedOn: `2020-0${6 + i}-10`, priorOrder });
    }
    for (const on of ['2020-04-01', '2020-08-01', '2020-11-02']) {
      await create({ kind: 'crime_transfer', suspectedCrime: '污染环境罪', facts: '涉嫌污染环境', reportOn: on });
    }
    const all = await get(ctx, b.leader.headers, '/api/measures?year=2020');
    expect(all.body).toMatchObject({ total: 8, countsByKind: { production_restriction: 1, detention_transfer: 4, crime_transfer: 3 } });
    const detentions = await get(ctx, b.leader.headers, '/api/measures?year=2020&kind=detention_transfer');
    expect(detentions.body.total).toBe(4);
    expect(detentions.body.countsByKind.crime_transfer).toBe(3);
    expect((await get(ctx, b.leader.headers, '/api/measures?year=2021')).body.total).toBe(0);
    const overdue = await get(ctx, b.leader.headers, '/api/measures?overdue=true');
    // The unfiled rectification plan, each transfer not handed over, each unapproved crime report: all past due on 20 December.
    expect(overdue.body.total).toBe(8);
  });

  it('the demo seed records measures as the system, all or nothing; the report counts them by year', async () => {
    const caseId = await fileCase(ctx, b, '2020-12-20');
    const crime = { kind: 'crime_transfer' as const, responsibleOfficerId: b.officerB.id, note: '', suspectedCrime: '污染环境罪', facts: '演示', reportOn: '2020-12-01' };
    const refused = await seedMeasures(ctx.database.db, [{ caseId, body: crime }, { caseId, body: { ...crime, reportOn: '2021-01-01' } }], today);
    expect(refused).toMatchObject({ ok: false, code: 'DATE_IN_FUTURE', field: 'reportOn' });
    expect((await countMeasuresByKind(ctx.database.db, 2020)).crime_transfer).toBe(3);
    const seeded = await seedMeasures(ctx.database.db, [{ caseId, body: crime }], today);
    expect(seeded).toMatchObject({ ok: true, value: [expect.any(Number)] });
    expect(await countMeasuresByKind(ctx.database.db, 2020)).toEqual({ daily_penalty: 0, seizure: 0, production_restriction: 1, detention_transfer: 4, crime_transfer: 4 });
    const audit = await get(ctx, b.admin.headers, `/api/audit?entity=measure&entityId=${seeded.ok ? seeded.value[0] : 0}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'measure.create', actorRole: 'system' });
  });
});
