import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { makeBureau, post, type Bureau, type Person } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import { seedExemptionCatalogue } from './index.js';
import { countExemptedEnterprises } from './queries.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const TODAY = '2021-07-19';

describe(`首违不罚 through the API (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  const today = at(TODAY);
  let entryId: number;
  const get = (who: Person | Record<string, string>, url: string) => ctx.app.inject({ method: 'GET', url, headers: 'headers' in who ? who.headers as Record<string, string> : who });
  const put = async (who: Person, url: string, payload: unknown) => {
    const res = await ctx.app.inject({ method: 'PUT', url, headers: who.headers, payload: payload as object });
    return { status: res.statusCode, body: res.json() };
  };
  const audits = async (action: string) => (await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

  /** A case filed today for an act on `actOn`, investigated by A and B, proposed and passed case review. */
  async function reviewedCase(actOn = '2021-07-10', penaltyProvisionCode: string | null = null): Promise<number> {
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查发现环境影响登记表未备案', discoveredOn: TODAY });
    const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, { cause: '建设项目环境影响登记表未依法备案', actOn, officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id });
    expect(filed.status).toBe(201);
    const id = filed.body.id as number;
    const inv = await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: TODAY, officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查：环境影响登记表未备案' });
    expect(inv.status).toBe(200);
    const sub = await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: { penaltyKinds: ['warning'], fineFen: 0, facts: '建设项目环境影响登记表未依法备案。', violatedProvisions: '《中华人民共和国环境影响评价法》第二十二条第四款', penaltyBasis: '《中华人民共和国环境影响评价法》第三十一条第三款', discretionReason: null, penaltyProvisionCode } });
    expect(sub.status).toBe(200);
    expect((await post(ctx, b.reviewer, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '事实清楚' })).status).toBe(200);
    return id;
  }
  const goodFacts = () => ({
    entryId, consequence: 'none', correctionOrderedOn: TODAY, correctedOn: TODAY, intentional: null, attestedNoPriorElsewhere: true, extra: {}, note: '',
  });
  const apply = { correctionOrder: '责令你单位立即办理环境影响登记表备案手续', education: { on: TODAY, form: '当面约谈', content: '讲解环境影响评价法有关规定，督促依法备案' } };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    expect(await seedExemptionCatalogue(ctx.database.db, at('2020-01-01'))).toEqual({ created: true });
    expect(await seedExemptionCatalogue(ctx.database.db, at('2020-01-01'))).toEqual({ created: false });
    const entries = (await get(b.officerA, '/api/exemptions/entries')).json();
    entryId = entries.items.find((e: { title: string }) => e.title.includes('登记表未依法备案')).id;
  });
  afterAll(async () => ctx.close());

  it('the first batch: 14 entries, in force, frozen', async () => {
    const list = (await get(b.officerA, '/api/exemptions/catalogues')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ code: 'YT-2020-1', entryCount: 14, inForce: true, editable: false });
    const edit = await put(b.admin, `/api/exemptions/entries/${entryId}`, { title: 'x', violatedProvision: 'x', penaltyProvision: 'x', circumstances: 'x', conditions: { lookBackMonths: 12, correctionDays: 5, correctionWorkingDays: true, noIntentRequired: false, extra: [] } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('CATALOGUE_IN_FORCE_IMMUTABLE');
  });

  const BATCH = { code: 'YT-X', title: '测试', issuer: '烟台市生态环境局', effectiveOn: '2030-01-01' };
  it.each([
    ['GET', '/api/exemptions/catalogues', 'enterprise_user', undefined, 403], ['GET', '/api/exemptions/catalogues', 'enforcement_officer', undefined, 200],
    ['GET', '/api/exemptions/catalogues', 'district_staff', undefined, 200],
    ['POST', '/api/exemptions/catalogues', 'enforcement_officer', BATCH, 403], ['POST', '/api/exemptions/catalogues', 'bureau_leader', BATCH, 403],
    ['PUT', '/api/exemptions/cases/1/facts', 'legal_reviewer', { entryId: 1, consequence: null, correctionOrderedOn: null, correctedOn: null, intentional: null, attestedNoPriorElsewhere: null }, 403],
    ['POST', '/api/exemptions/cases/1/apply', 'enforcement_officer', apply, 403], ['POST', '/api/exemptions/cases/1/apply', 'committee_member', apply, 403],
    ['GET', '/api/exemptions/applied', 'licensing_staff', undefined, 403],
  ] as const)('role check: %s %s as %s → %i', async (method, url, role, payload, status) => {
    const headers = await ctx.loginAs(role, role === 'enterprise_user' ? { enterpriseId: b.enterpriseId } : role === 'district_staff' ? { districtCode: '370602' } : {});
    const res = await ctx.app.inject({ method, url, headers, payload: payload as object | undefined });
    expect(res.statusCode).toBe(status);
  });

  it('administrators publish a batch for the future; a past effective date is refused (400/422 name the field)', async () => {
    const bad = await post(ctx, b.admin, '/api/exemptions/catalogues', { code: 'YT-2021-2', title: '第二批', issuer: '烟台市生态环境局', effectiveOn: '2021-07-18' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'CATALOGUE_EFFECTIVE_IN_PAST', field: 'effectiveOn' });
    const shape = await post(ctx, b.admin, '/api/exemptions/catalogues', { code: 'YT-2021-2', title: '第二批', issuer: '烟台市生态环境局', effectiveOn: '2021-13-01' });
    expect(shape.status).toBe(400);
    expect(shape.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'effectiveOn' });
    const ok = await post(ctx, b.admin, '/api/exemptions/catalogues', { code: 'YT-2021-2', title: '第二批', issuer: '烟台市生态环境局', effectiveOn: '2021-09-01' });
    expect(ok.status).toBe(201);
    const entry = await post(ctx, b.admin, `/api/exemptions/catalogues/${ok.body.id}/entries`, { title: '未按规定公开环境信息', violatedProvision: '《企业环境信息依法披露管理办法》', penaltyProvision: '《企业环境信息依法披露管理办法》', circumstances: '5日内公开', conditions: { lookBackMonths: 12, correctionDays: 5, correctionWorkingDays: true, noIntentRequired: false, extra: [] } });
    expect(entry.status).toBe(201);
    expect(await audits('exemption.catalogue.create')).toBe(1);
    expect(await audits('exemption.entry.create')).toBe(1);
    // Versioning by date: today only the first batch applies; on 2021-09-01 both.
    expect((await get(b.officerA, '/api/exemptions/entries')).json().items).toHaveLength(14);
    expect((await get(b.officerA, '/api/exemptions/entries?on=2021-09-01')).json().items).toHaveLength(15);
    // 行政处罚法 第三十三条第一款: a case decided today cannot use an entry not yet in force.
    const caseId = await reviewedCase();
    const early = await put(b.officerA, `/api/exemptions/cases/${caseId}/facts`, { ...goodFacts(), entryId: entry.body.id });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'EXEMPTION_ENTRY_NOT_YET_IN_FORCE', field: 'entryId', citation: { article: '第三十三条' } });
  });

  it("行政处罚法 第三十三条第一款: the case names its violation (the proposal's catalogue code), which the catalogue links to the entry", async () => {
    const withCode = await reviewedCase('2021-07-10', 'TEST-EIA-31-3');
    const body = (await get(b.officerA, `/api/exemptions/cases/${withCode}`)).json();
    expect(body.case).toMatchObject({ violationCode: 'TEST-EIA-31-3', cause: '建设项目环境影响登记表未依法备案' });
    // The panel offers the entries the violation catalogue links to that code.
    const violations = (await get(b.officerA, '/api/violations')).json();
    const violation = violations.items.find((v: { code: string }) => v.code === 'TEST-EIA-31-3');
    expect(violation.exemptions.map((e: { id: number }) => e.id)).toEqual([entryId]);
    // Without a code on the proposal (a warning needs none) the field is null: the panel falls back to the cause.
    const withoutCode = await reviewedCase();
    expect((await get(b.officerA, `/api/exemptions/cases/${withoutCode}`)).json().case.violationCode).toBeNull();
  });

  it('evaluates each condition, applies the exemption, and counts the enterprise', async () => {
    const caseId = await reviewedCase();
    const partial = await put(b.officerA, `/api/exemptions/cases/${caseId}/facts`, { ...goodFacts(), consequence: null, attestedNoPriorElsewhere: null });
    expect(partial.status).toBe(200);
    expect(partial.body.evaluation.status).toBe('needs_facts');
    expect(Object.fromEntries(partial.body.evaluation.conditions.map((c: { key: string; result: string }) => [c.key, c.result])))
      .toEqual({ firstViolation: 'unknown', minorConsequence: 'unknown', correctedInTime: 'met' });
    expect(partial.body.correctionDueOn).toBe('2021-07-26');
    expect(partial.body.actions.apply).toBe(false);
    const tooSoon = await post(ctx, b.leader, `/api/exemptions/cases/${caseId}/apply`, apply);
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error).toMatchObject({ code: 'EXEMPTION_NEEDS_FACTS', field: 'conditions.firstViolation' });
    const badDate = await put(b.officerA, `/api/exemptions/cases/${caseId}/facts`, { ...goodFacts(), correctedOn: '2021-07-20' });
    expect(badDate.status).toBe(422);
    expect(badDate.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'correctedOn' });

    const full = await put(b.officerA, `/api/exemptions/cases/${caseId}/facts`, goodFacts());
    expect(full.body.evaluation.status).toBe('eligible');
    expect(full.body.actions).toMatchObject({ recordFacts: true, apply: false });
    const leaderView = (await get(b.leader, `/api/exemptions/cases/${caseId}`)).json();
    expect(leaderView.actions.apply).toBe(true);

    const applied = await post(ctx, b.leader, `/api/exemptions/cases/${caseId}/apply`, apply);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toMatchObject({ decidedOn: TODAY, correctionOrder: apply.correctionOrder, education: apply.education });
    const c = (await get(b.leader, `/api/cases/${caseId}`)).json();
    expect(c).toMatchObject({ decisionKind: 'exemption', decisionFineFen: 0, decidedOn: TODAY });
    expect(c.decisionNumber).toMatch(/^烟环不罚〔2021〕\d+号$/);
    expect(c.decision.basis).toContain('第三十三条第一款');
    expect(await audits('exemption.apply')).toBe(1);
    expect(await audits('case.decide')).toBeGreaterThanOrEqual(1);
    // 不予行政处罚决定书 can now be produced from the case.
    const docs = (await get(b.leader, `/api/cases/${caseId}/documents`)).json();
    expect(docs.items.find((d: { kind: string }) => d.kind === 'no-penalty-decision')).toMatchObject({ available: true });
    // …and it names the catalogue entry, the correction order and the education given (第三十三条第三款).
    const word = await get(b.leader, `/api/cases/${caseId}/documents/no-penalty-decision`);
    const xml = (await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const text of [apply.correctionOrder, apply.education.content, '第三十三条']) expect(xml).toContain(text);
    expect(xml).toMatch(/》第\d+项/);
    const again = await post(ctx, b.leader, `/api/exemptions/cases/${caseId}/apply`, apply);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_DECIDED');
    const list = (await get(b.officerA, '/api/exemptions/applied?year=2021')).json();
    expect(list).toMatchObject({ enterprises: 1, items: [{ caseId, decidedOn: TODAY }] });
    expect(await countExemptedEnterprises(ctx.database.db, 2021)).toBe(1);
    expect(await countExemptedEnterprises(ctx.database.db, 2020)).toBe(0);
  });

  it('初次违法: the earlier exemption of the same enterprise makes a new case not eligible, naming it', async () => {
    const caseId = await reviewedCase('2021-07-15');
    const r = await put(b.officerA, `/api/exemptions/cases/${caseId}/facts`, goodFacts());
    expect(r.body.evaluation.status).toBe('not_eligible');
    const first = r.body.evaluation.conditions.find((c: { key: string }) => c.key === 'firstViolation');
    expect(first.result).toBe('not_met');
    expect(first.evidence).toMatch(/烟环立〔2021〕\d+号（免罚，2021-07-19）/);
    expect(first.used.lookBackFromOn).toBe('2020-07-15');
    const refused = await post(ctx, b.leader, `/api/exemptions/cases/${caseId}/apply`, apply);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'EXEMPTION_NOT_ELIGIBLE', field: 'conditions.firstViolation', citation: { law: '行政处罚法', article: '第三十三条' } });
  });

  it('行政处罚法 第三十条 to 第三十二条: grounds the officer records', async () => {
    const caseId = await reviewedCase();
    const minor = await post(ctx, b.officerA, `/api/exemptions/cases/${caseId}/grounds`, { ground: 'minor14To18', note: '—' });
    expect(minor.status).toBe(422);
    expect(minor.body.error).toMatchObject({ code: 'GROUND_NOT_FOR_PARTY', field: 'ground', citation: { article: '第三十条' } });
    expect((await post(ctx, b.officerA, `/api/exemptions/cases/${caseId}/grounds`, { ground: 'eliminatedHarm', note: '已主动清理' })).status).toBe(201);
    const twice = await post(ctx, b.officerA, `/api/exemptions/cases/${caseId}/grounds`, { ground: 'eliminatedHarm', note: '再次' });
    expect(twice.status).toBe(422);
    const unknown = await post(ctx, b.officerA, `/api/exemptions/cases/${caseId}/grounds`, { ground: 'bribed', note: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('ground');
    const view = (await get(b.reviewer, `/api/exemptions/cases/${caseId}`)).json();
    expect(view.grounds).toEqual([expect.objectContaining({ ground: 'eliminatedHarm', note: '已主动清理' })]);
    const removed = await ctx.app.inject({ method: 'DELETE', url: `/api/exemptions/cases/${caseId}/grounds/eliminatedHarm`, headers: b.officerA.headers, payload: { reason: '误录' } });
    expect(removed.statusCode).toBe(200);
    expect(await audits('case.ground.remove')).toBe(1);
  });
});
