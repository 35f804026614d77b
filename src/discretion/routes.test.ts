import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, type Bureau, type Person } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import { checkCaseFineAgainstBenchmark, seedDiscretionTables } from './index.js';
import { DISCRETION_TABLES } from './data/tables.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const TODAY = '2021-07-19';
const WAN = 10_000_00;

describe(`discretion benchmarks through the API (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let apl100: { id: number; code: string; factors: { key: string; levels: { key: string }[] }[] };
  const get = (who: Person, url: string) => ctx.app.inject({ method: 'GET', url, headers: who.headers }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const audits = async (action: string) => (await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;
  const lightest = () => Object.fromEntries(apl100.factors.map((f) => [f.key, f.levels[0]!.key]));

  /** A case with a stored calculation at `severity` and a proposal of `fineFen`, passed case review. */
  async function proposedCase(severity: string, fineFen: number | 'computed', reason: string | null) {
    const id = await fileCase(ctx, b, TODAY);
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: TODAY, officerIds: [b.officerA.id, b.officerB.id], summary: '未按规定监测' });
    const calc = await post(ctx, b.officerA, `/api/discretion/cases/${id}`, { tableId: apl100.id, levels: { ...lightest(), severity } });
    expect(calc.status).toBe(201);
    const computed = calc.body.latest.computedFen as number;
    const fine = fineFen === 'computed' ? computed : fineFen;
    const sub = await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: { penaltyKinds: ['fine'], fineFen: fine, facts: '未按照规定对所排放的工业废气进行监测。', violatedProvisions: '《大气污染防治法》第二十四条', penaltyBasis: '《大气污染防治法》第一百条', discretionReason: reason, penaltyProvisionCode: 'APL-100' } });
    expect(sub.status).toBe(200);
    return { id, computed, fine };
  }
  async function decide(id: number, fineFen: number) {
    expect((await post(ctx, b.reviewer, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' })).status).toBe(200);
    const notified = await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: TODAY, content: '拟罚款' });
    expect(notified.status).toBe(200);
    // 行政处罚法 第六十四条 (一): a waived statement does not waive the hearing; waive it apart where one is offered.
    const hearingWaived = Boolean(notified.body.notification?.hearingOffered);
    expect((await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: TODAY, waived: true, hearingWaived })).status).toBe(200);
    const d = await post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['fine'], fineFen, reasons: '违法事实清楚', basis: '《大气污染防治法》第一百条' });
    expect(d.status).toBe(200);
  }

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at(TODAY) });
    b = await makeBureau(ctx);
    expect((await seedDiscretionTables(ctx.database.db, at('2020-01-01'))).codes).toHaveLength(DISCRETION_TABLES.length);
    expect((await seedDiscretionTables(ctx.database.db, at('2020-01-01'))).codes).toEqual([]);
    const tables = await get(b.officerA, '/api/discretion/tables');
    apl100 = tables.body.items.find((t: { code: string }) => t.code === 'APL-100');
  });
  afterAll(async () => ctx.close());

  it('the tables in force depend on the day', async () => {
    // the case helpers add their own TEST- provisions beside the catalogue
    const inForce = (await get(b.officerA, '/api/discretion/tables')).body.items.filter((t: { code: string }) => !t.code.startsWith('TEST-'));
    expect(inForce.length).toBe(DISCRETION_TABLES.length);
    const early = (await get(b.officerA, '/api/discretion/tables?on=2020-06-01')).body.items.map((t: { code: string }) => t.code);
    expect(early).toContain('APL-99-2');
    expect(early).not.toContain('PPR-33');
    expect(early).not.toContain('SWL-112-1');
  });

  it.each([
    ['GET', '/api/discretion/tables', 'enterprise_user', 403], ['GET', '/api/discretion/tables', 'committee_member', 200],
    ['POST', '/api/discretion/tables', 'enforcement_officer', 403], ['POST', '/api/discretion/tables', 'bureau_leader', 403],
    ['GET', '/api/discretion/consistency', 'licensing_staff', 403], ['GET', '/api/discretion/consistency', 'legal_reviewer', 200],
  ] as const)('role check: %s %s as %s → %i', async (method, url, role, status) => {
    const headers = await ctx.loginAs(role, role === 'enterprise_user' ? { enterpriseId: b.enterpriseId } : {});
    const seed = DISCRETION_TABLES.find((t) => t.code === 'APL-100')!;
    const res = await ctx.app.inject({ method, url, headers, payload: method === 'POST' ? { ...seed, effectiveOn: '2030-01-01' } : undefined });
    expect(res.statusCode).toBe(status);
  });

  it('the calculator explains every factor; a share-of-investment table needs the base', async () => {
    const r = await post(ctx, b.officerA, '/api/discretion/calculate', { tableId: apl100.id, levels: { ...lightest(), severity: 'grave', consequence: 'severe' } });
    expect(r.status).toBe(200);
    expect(r.body.calculation).toMatchObject({ legalMinFen: 2 * WAN, legalMaxFen: 20 * WAN });
    expect(r.body.calculation.lines).toHaveLength(7);
    expect(r.body.calculation.lines.find((l: { factorKey: string }) => l.factorKey === 'severity')).toMatchObject({ levelKey: 'grave', score: 100, weight: 30 });
    const eia = (await get(b.officerA, '/api/discretion/tables')).body.items.find((t: { code: string }) => t.code === 'EIA-31-1');
    const levels = Object.fromEntries(eia.factors.map((f: { key: string; levels: { key: string }[] }) => [f.key, f.levels[0]!.key]));
    const noBase = await post(ctx, b.officerA, '/api/discretion/calculate', { tableId: eia.id, levels });
    expect(noBase.status).toBe(422);
    expect(noBase.body.error).toMatchObject({ code: 'DISCRETION_BASE_REQUIRED', field: 'baseFen', citation: { article: '第三十四条' } });
    const withBase = await post(ctx, b.officerA, '/api/discretion/calculate', { tableId: eia.id, levels, baseFen: 2000 * WAN });
    expect(withBase.body.calculation).toMatchObject({ fineFen: 20 * WAN, legalMinFen: 20 * WAN, legalMaxFen: 100 * WAN });
    const unknown = await post(ctx, b.officerA, '/api/discretion/calculate', { tableId: apl100.id, levels: { ...lightest(), severity: 'apocalyptic' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe('levels.severity');
    const shape = await post(ctx, b.officerA, '/api/discretion/calculate', { tableId: 'x', levels: {} });
    expect(shape.status).toBe(400);
    expect(shape.body.error.field).toBe('tableId');
  });

  it('administrators publish a new version for the future; the old one stays in force until then', async () => {
    const seed = DISCRETION_TABLES.find((t) => t.code === 'APL-100')!;
    const retro = await post(ctx, b.admin, '/api/discretion/tables', { ...seed, effectiveOn: '2021-07-01' });
    expect(retro.status).toBe(422);
    expect(retro.body.error).toMatchObject({ code: 'TABLE_VERSION_RETROACTIVE', field: 'effectiveOn' });
    const notMonotonic = { ...seed, effectiveOn: '2021-09-01', factors: seed.factors.map((f, i) => (i === 0 ? { ...f, levels: [...f.levels].reverse() } : f)) };
    const bad = await post(ctx, b.admin, '/api/discretion/tables', notMonotonic);
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'LEVEL_SCORES_NOT_MONOTONIC', field: 'factors.0.levels.1.score' });
    const v2 = await post(ctx, b.admin, '/api/discretion/tables', { ...seed, effectiveOn: '2021-09-01', roundingFen: 1000_00, reason: '2021年修订' });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    expect(await audits('discretion.table.version')).toBe(1);
    expect((await get(b.officerA, '/api/discretion/tables/APL-100')).body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await get(b.officerA, '/api/discretion/tables?on=2021-09-01')).body.items.find((t: { code: string }) => t.code === 'APL-100').version).toBe(2);
    expect((await get(b.officerA, '/api/discretion/tables')).body.items.find((t: { code: string }) => t.code === 'APL-100').version).toBe(1);
    const id = await fileCase(ctx, b, TODAY);
    const future = await post(ctx, b.officerA, `/api/discretion/cases/${id}`, { tableId: v2.body.id, levels: lightest() });
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({ code: 'DISCRETION_TABLE_NOT_IN_FORCE', field: 'tableId' });
  });

  it('行政处罚法 第三十四条: the case stores the inputs and version; a departing fine needs a written reason', async () => {
    const { id, computed } = await proposedCase('ordinary', 15 * WAN, null);
    const view = await get(b.reviewer, `/api/discretion/cases/${id}`);
    expect(view.body.latest).toMatchObject({ computedFen: computed, levels: { severity: 'ordinary' }, table: { code: 'APL-100', version: 1 } });
    expect(view.body.proposal).toMatchObject({ fineFen: 15 * WAN, departs: true, outcome: { ok: false, code: 'DISCRETION_DEPARTURE_REASON_REQUIRED', field: 'discretionReason' } });
    expect(await audits('discretion.calculate')).toBeGreaterThanOrEqual(1);
    // The hook the case procedure calls at submission and decision.
    const db = ctx.database.db;
    expect(await checkCaseFineAgainstBenchmark(db, id, computed, null)).toEqual({ ok: true });
    expect(await checkCaseFineAgainstBenchmark(db, id, computed + 100_00, null)).toMatchObject({ ok: false, code: 'DISCRETION_DEPARTURE_REASON_REQUIRED', params: { computedFen: computed } });
    expect(await checkCaseFineAgainstBenchmark(db, id, computed + 100_00, '当事人多次拒不配合')).toEqual({ ok: true });
    expect(await checkCaseFineAgainstBenchmark(db, id, 21 * WAN, '情节严重')).toMatchObject({ ok: false, code: 'FINE_ABOVE_LEGAL_RANGE', citation: { article: '第一百条' } });
    expect(await checkCaseFineAgainstBenchmark(db, id, 1 * WAN, '减轻')).toMatchObject({ ok: false, code: 'FINE_BELOW_LEGAL_RANGE' });
    expect((await post(ctx, b.officerA, `/api/exemptions/cases/${id}/grounds`, { ground: 'eliminatedHarm', note: '主动停产整改' })).status).toBe(201);
    expect(await checkCaseFineAgainstBenchmark(db, id, 1 * WAN, '减轻')).toEqual({ ok: true });
    const uncalculated = await fileCase(ctx, b, TODAY);
    expect(await checkCaseFineAgainstBenchmark(db, uncalculated, 123, null)).toEqual({ ok: true });
  });

  it('the consistency report: decided fines against the benchmark, per district and officer', async () => {
    const a = await proposedCase('ordinary', 'computed', null);
    await decide(a.id, a.computed);
    const c = await proposedCase('serious', 5 * WAN, '当事人主动消除危害后果');
    await decide(c.id, 5 * WAN);
    const decided = (await get(b.officerA, `/api/discretion/cases/${c.id}`)).body;
    expect(decided.decision).toMatchObject({ fineFen: 5 * WAN, departs: true, outcome: { ok: true } });
    expect(decided.actions.calculate).toBe(false);
    const again = await post(ctx, b.officerA, `/api/discretion/cases/${c.id}`, { tableId: apl100.id, levels: lightest() });
    expect(again.status).toBe(409);
    const r = await get(b.leader, '/api/discretion/consistency?from=2021-01-01&to=2022-01-01');
    expect(r.status).toBe(200);
    expect(r.body.decided).toBe(2);
    expect(r.body.types).toHaveLength(1);
    const t = r.body.types[0];
    expect(t).toMatchObject({ key: 'APL-100', cases: 2, departures: 1, decidedMinFen: Math.min(a.computed, 5 * WAN), decidedMaxFen: Math.max(a.computed, 5 * WAN) });
    expect(t.byDistrict).toEqual([expect.objectContaining({ key: '芝罘区', cases: 2 })]);
    expect(t.byOfficer[0]).toMatchObject({ cases: 2 });
    expect(t.minDeviationPermille).toBeLessThan(0);
    const bad = await get(b.leader, '/api/discretion/consistency?from=2021-02-01&to=2021-01-01');
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('to');
    const scoped = await ctx.loginAs('district_staff', { districtCode: '370611' });
    const other = await ctx.app.inject({ method: 'GET', url: '/api/discretion/consistency', headers: scoped });
    expect(other.json().decided).toBe(0);
  });
  it('行政处罚法 第三十四条: the case procedure refuses a decided fine that departs from the benchmark without a written reason', async () => {
    // Proposed at the benchmark (no reason needed), then decided lower: the decision departs from it.
    const { id, computed } = await proposedCase('ordinary', 'computed', null);
    expect((await post(ctx, b.reviewer, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' })).status).toBe(200);
    const notified = await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: TODAY, content: '拟罚款' });
    expect(notified.status).toBe(200);
    // 行政处罚法 第六十四条 (一): a waived statement does not waive the hearing; waive it apart where one is offered.
    const hearingWaived = Boolean(notified.body.notification?.hearingOffered);
    expect((await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: TODAY, waived: true, hearingWaived })).status).toBe(200);
    const decide = (fineFen: number) => post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['fine'], fineFen, reasons: '违法事实清楚', basis: '《大气污染防治法》第一百条' });
    const departing = await decide(computed - 100_00);
    expect(departing.status).toBe(422);
    expect(departing.body.error).toMatchObject({ code: 'DISCRETION_DEPARTURE_REASON_REQUIRED', field: 'fineFen' });
    expect((await decide(computed)).status).toBe(200);
  });
});
