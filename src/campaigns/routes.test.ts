import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';
import { leads } from '../cases/index.js';
import { waterSites } from '../water-quality/index.js';
import { findPrincipalByUsername } from '../users/index.js';
import { recordInspections } from './actions.js';

interface Person { id: number; headers: Record<string, string> }

describe(`专项整治 and 整改督办 through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-12-04T10:00:00+08:00');
  let admin: Person; let leader: Person; let officer: Person; let otherDistrict: Person; let reviewer: Person;
  let enterpriseId: number; let enterpriseUserHeaders: Record<string, string>;
  const as = async (role: Role, districtCode?: string): Promise<Person> => {
    const headers = await ctx.loginAs(role, districtCode ? { districtCode } : {});
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    return { id: me.json().id ?? me.json().user.id, headers };
  };
  const call = async (who: Person | Record<string, string> | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const headers = who === null ? {} : 'headers' in who ? (who as Person).headers : who;
    const res = await ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload, headers: res.headers };
  };
  const campaign = (over: object = {}) => ({
    name: '2026年冬季挥发性有机物专项整治', legalBasis: '《中华人民共和国大气污染防治法》第四十五条', startsOn: '2026-11-01', endsOn: '2026-12-31',
    districtIds: [ctx.districtByCode('370602').id],
    checklist: [{ code: 'A1', text: '废气收集处理设施正常运行' }, { code: 'A2', text: '建立VOCs台账' }],
    targets: [{ kind: 'enterprise', enterpriseId }, { kind: 'site', siteName: '夹河入海口', longitude: 121.31, latitude: 37.52 }],
    ...over,
  });
  const items = async (id: number) => (await call(leader, 'GET', `/api/campaigns/${id}`)).body.items as { id: number; status: string; deadlineOn: string; targetName: string; checklistCode: string; order: { number: string } | null; overdue: boolean }[];

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    admin = await as('administrator');
    leader = await as('bureau_leader');
    officer = await as('enforcement_officer', '370602');
    otherDistrict = await as('district_staff', '370611');
    reviewer = await as('legal_reviewer');
    const e = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: enterpriseInput(ctx) });
    enterpriseId = e.json().id;
    enterpriseUserHeaders = await ctx.loginAs('enterprise_user', { enterpriseId });
  }, 120_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 201], ['bureau_leader', 201], ['enforcement_officer', 403], ['legal_reviewer', 403],
    ['district_staff', 403], ['enterprise_user', 403], ['public', 401],
  ] as const)('%s creating a campaign: %i', async (who, status) => {
    const person = who === 'public' ? null : who === 'enterprise_user' ? enterpriseUserHeaders : who === 'district_staff' ? otherDistrict : await as(who as Role);
    expect((await call(person, 'POST', '/api/campaigns', campaign())).status).toBe(status);
  });

  it('400 names the malformed field; 422 the rule broken; staff read, enterprise users do not', async () => {
    const bad = await call(leader, 'POST', '/api/campaigns', campaign({ targets: [{ kind: 'site', siteName: 'x', longitude: 121, latitude: 95 }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'targets.0.latitude' });
    const period = await call(leader, 'POST', '/api/campaigns', campaign({ endsOn: '2026-10-01' }));
    expect(period.status).toBe(422);
    expect(period.body.error).toMatchObject({ code: 'CAMPAIGN_PERIOD_INVALID', field: 'endsOn' });
    const unknown = await call(leader, 'POST', '/api/campaigns', campaign({ targets: [{ kind: 'enterprise', enterpriseId: 999_999 }] }));
    expect(unknown.body.error).toMatchObject({ code: 'ENTERPRISE_UNKNOWN', field: 'targets.0.enterpriseId' });
    expect((await call(reviewer, 'GET', '/api/campaigns')).status).toBe(200);
    expect((await call(enterpriseUserHeaders, 'GET', '/api/campaigns')).status).toBe(403);
    expect((await call(reviewer, 'GET', '/api/campaigns/999999')).status).toBe(404);
    expect((await call(reviewer, 'GET', `/api/campaigns/${2 ** 31}`)).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
  });

  it('inspection → rectification items with working-day deadlines; complete, verify (销号) only after completion; escalate only when overdue; lead; figures; all audited', async () => {
    const created = await call(leader, 'POST', '/api/campaigns', campaign());
    const id = created.body.id as number;
    const detail = await call(officer, 'GET', `/api/campaigns/${id}`);
    const [ent, site] = detail.body.targets as { id: number; kind: string }[];
    const results = [{ code: 'A1', result: 'problem', note: '活性炭未更换' }, { code: 'A2', result: 'problem', note: '无台账' }];
    const inspection = (over: object = {}) => ({ targetId: ent!.id, inspectedOn: '2026-12-04', officerIds: [officer.id], results, ...over });

    expect((await call(officer, 'POST', `/api/campaigns/${id}/inspections`, inspection({ inspectedOn: '2026-12-05' }))).body.error).toMatchObject({ code: 'CAMPAIGN_INSPECTION_IN_FUTURE', field: 'inspectedOn' });
    expect((await call(officer, 'POST', `/api/campaigns/${id}/inspections`, inspection({ inspectedOn: '2026-10-30' }))).body.error).toMatchObject({ code: 'CAMPAIGN_INSPECTION_BEFORE_START', field: 'inspectedOn' });
    expect((await call(officer, 'POST', `/api/campaigns/${id}/inspections`, inspection({ officerIds: [] }))).status).toBe(400);
    expect((await call(officer, 'POST', `/api/campaigns/${id}/inspections`, inspection({ officerIds: [999_999] }))).body.error).toMatchObject({ code: 'CAMPAIGN_OFFICER_UNKNOWN', field: 'officerIds.0' });
    expect((await call(reviewer, 'POST', `/api/campaigns/${id}/inspections`, inspection())).status).toBe(403);
    const recorded = await call(officer, 'POST', `/api/campaigns/${id}/inspections`, inspection());
    expect(recorded.status).toBe(201);
    // Ten working days after Friday 2026-12-04.
    expect(recorded.body.items.map((i: { deadlineOn: string; ownerKind: string }) => [i.deadlineOn, i.ownerKind])).toEqual([['2026-12-18', 'enterprise'], ['2026-12-18', 'enterprise']]);
    const siteInspection = { targetId: site!.id, inspectedOn: '2026-12-03', officerIds: [officer.id], results: [{ code: 'A1', result: 'problem', note: '露天喷涂' }, { code: 'A2', result: 'ok' }], workingDays: 3 };
    expect((await call(officer, 'POST', `/api/campaigns/${id}/inspections`, siteInspection)).body.error).toMatchObject({ code: 'CAMPAIGN_OWNER_REQUIRED', field: 'ownerDistrictId' });
    const siteRecorded = await call(officer, 'POST', `/api/campaigns/${id}/inspections`, { ...siteInspection, ownerDistrictId: ctx.districtByCode('370602').id });
    expect(siteRecorded.body.items[0]).toMatchObject({ deadlineOn: '2026-12-08', ownerKind: 'district' });

    const [a1, a2, s1] = await items(id);
    const verifyEarly = await call(leader, 'POST', `/api/campaigns/${id}/items/${a1!.id}/verify`, {});
    expect(verifyEarly.status).toBe(409);
    expect(verifyEarly.body.error.code).toBe('CAMPAIGN_ITEM_NOT_COMPLETED');
    const escalateEarly = await call(leader, 'POST', `/api/campaigns/${id}/items/${a2!.id}/escalate`, {});
    expect(escalateEarly.status).toBe(409);
    expect(escalateEarly.body.error.code).toBe('CAMPAIGN_ITEM_NOT_OVERDUE');
    // Outside the item's district: not found.
    expect((await call(otherDistrict, 'POST', `/api/campaigns/${id}/items/${a1!.id}/complete`, { completionText: '已更换', completedOn: '2026-12-04' })).status).toBe(404);
    expect((await call(officer, 'POST', `/api/campaigns/${id}/items/${a1!.id}/complete`, { completionText: '已更换活性炭，见照片', completedOn: '2026-12-04' })).status).toBe(200);
    expect((await call(officer, 'POST', `/api/campaigns/${id}/items/${a1!.id}/complete`, { completionText: 'again', completedOn: '2026-12-04' })).body.error.code).toBe('CAMPAIGN_ITEM_ALREADY_COMPLETED');
    expect((await call(officer, 'POST', `/api/campaigns/${id}/items/${a1!.id}/verify`, {})).status).toBe(403);
    expect((await call(leader, 'POST', `/api/campaigns/${id}/items/${a1!.id}/verify`, { reason: '现场复查属实' })).status).toBe(200);

    // After the deadlines: the site item (2026-12-08) and A2 (2026-12-18) are overdue; A1 was completed.
    nowAt = new Date('2026-12-21T09:00:00+08:00');
    expect((await call(leader, 'POST', `/api/campaigns/${id}/items/${a1!.id}/escalate`, {})).body.error.code).toBe('CAMPAIGN_ITEM_ALREADY_COMPLETED');
    const N = 5;
    if (ENGINE === 'postgres') await Promise.all(Array.from({ length: N }, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); })));
    const parallel = await Promise.all(Array.from({ length: N }, () => call(leader, 'POST', `/api/campaigns/${id}/items/${a2!.id}/escalate`, { reason: '逾期未整改' })));
    expect(parallel.map((r) => r.status).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(parallel.filter((r) => r.status === 409).every((r) => r.body.error.code === 'CAMPAIGN_ITEM_ALREADY_ESCALATED')).toBe(true);
    const first = parallel.find((r) => r.status === 201)!.body.number as string;
    const second = await call(admin, 'POST', `/api/campaigns/${id}/items/${s1!.id}/escalate`, {});
    expect(second.status).toBe(201);
    // Gap-free within the year: the refused attempts took no number.
    const seqOf = (n: string) => Number(/〔2026〕(\d+)号$/.exec(n)![1]);
    expect(first).toMatch(/^烟环督〔2026〕\d+号$/);
    expect(seqOf(second.body.number)).toBe(seqOf(first) + 1);

    const doc = await call(reviewer, 'GET', `/api/campaigns/${id}/items/${a2!.id}/order`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = (await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    // The 发文字号, the bureau, the campaign's basis, the problem and the lapsed deadline.
    for (const s of [first, '烟台市生态环境局', '整改督办单', '大气污染防治法', '无台账', '2026年12月18日']) expect(text).toContain(s);
    expect((await call(reviewer, 'GET', `/api/campaigns/${id}/items/${a1!.id}/order`)).body.error.code).toBe('CAMPAIGN_ITEM_NOT_ESCALATED');

    expect((await call(leader, 'POST', `/api/campaigns/${id}/items/${a2!.id}/lead`)).status).toBe(403);
    const lead = await call(officer, 'POST', `/api/campaigns/${id}/items/${a2!.id}/lead`);
    expect(lead.status).toBe(201);
    const [leadRow] = await ctx.database.db.select().from(leads).where(eq(leads.id, lead.body.leadId));
    expect(leadRow).toMatchObject({ source: 'inspection', enterpriseId, sourceRef: `rectification-item:${a2!.id}` });
    expect((await call(officer, 'POST', `/api/campaigns/${id}/items/${a2!.id}/lead`)).body.error.code).toBe('CAMPAIGN_ITEM_HAS_LEAD');
    expect((await call(officer, 'POST', `/api/campaigns/${id}/items/${s1!.id}/lead`)).body.error.code).toBe('CAMPAIGN_LEAD_NEEDS_ENTERPRISE');

    const figures = await call(reviewer, 'GET', `/api/campaigns/${id}/figures`);
    expect(figures.body).toEqual({ targets: 2, inspected: 2, problems: 3, orders: 2, fixed: 1, verified: 1, cleared: 0, surveyedKm: 0, jointOperations: 0 });

    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'rectification_item'), eq(auditLog.entityId, String(a2!.id))));
    expect(audit.map((a) => a.action)).toEqual(['campaign.item.escalate', 'campaign.item.lead']);
    expect(audit[0]).toMatchObject({ actorId: leader.id, reason: '逾期未整改' });
    const onCampaign = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'campaign'), eq(auditLog.entityId, String(id))));
    expect(onCampaign.map((a) => a.action)).toEqual(['campaign.create', 'campaign.inspection.record', 'campaign.inspection.record']);
    nowAt = new Date('2026-12-04T10:00:00+08:00');
  });

  it('a deadline reaching into a year without a recorded arrangement is 暂定, and recomputed (audited) once the year is recorded', async () => {
    const created = await call(leader, 'POST', '/api/campaigns', campaign());
    const id = created.body.id as number;
    const [ent] = (await call(officer, 'GET', `/api/campaigns/${id}`)).body.targets as { id: number }[];
    const recorded = await call(officer, 'POST', `/api/campaigns/${id}/inspections`, {
      targetId: ent!.id, inspectedOn: '2026-12-04', officerIds: [officer.id], workingDays: 30, results: [{ code: 'A1', result: 'problem', note: '未运行' }, { code: 'A2', result: 'ok' }],
    });
    const itemId = recorded.body.items[0].id as number;
    expect(recorded.body.items[0]).toMatchObject({ deadlineProvisional: true });
    const put = await call(admin, 'PUT', '/api/calendar/2027', {
      source: '国办发明电〔2026〕测试号', note: null, reason: '国务院办公厅通知已发布',
      days: ['01', '02', '03'].map((d) => ({ on: `2027-01-${d}`, kind: 'rest', name: '元旦' })),
    });
    expect(put.status).toBeLessThan(300);
    // Thirty working days after 2026-12-04 with 1–3 January 2027 rested.
    const item = (await items(id)).find((i) => i.id === itemId)!;
    expect(item).toMatchObject({ deadlineOn: '2027-01-18', deadlineProvisional: false });
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.item.deadline.recompute'), eq(auditLog.entityId, String(itemId))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ deadlineOn: '2027-01-18', provisional: false });
  });

  it('edits are version-checked and keep inspected targets', async () => {
    const created = await call(admin, 'POST', '/api/campaigns', campaign());
    const id = created.body.id as number;
    const detail = await call(admin, 'GET', `/api/campaigns/${id}`);
    const [ent, site] = detail.body.targets as { id: number }[];
    await call(officer, 'POST', `/api/campaigns/${id}/inspections`, { targetId: ent!.id, inspectedOn: '2026-12-04', officerIds: [officer.id], results: [{ code: 'A1', result: 'ok' }, { code: 'A2', result: 'ok' }] });
    const dropInspected = await call(admin, 'PUT', `/api/campaigns/${id}`, campaign({ version: 1, targets: [{ id: site!.id, kind: 'site', siteName: '夹河入海口', longitude: 121.31, latitude: 37.52 }] }));
    expect(dropInspected.body.error).toMatchObject({ code: 'CAMPAIGN_TARGET_INSPECTED', field: 'targets' });
    const edited = await call(admin, 'PUT', `/api/campaigns/${id}`, campaign({ version: 1, name: '改名', targets: [{ id: ent!.id, kind: 'enterprise', enterpriseId }] }));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '改名', version: 2 });
    expect((await call(admin, 'PUT', `/api/campaigns/${id}`, campaign({ version: 1 }))).body.error.code).toBe('VERSION_CONFLICT');
    expect((await call(officer, 'PUT', `/api/campaigns/${id}`, campaign({ version: 2 }))).status).toBe(403);
    // The inspected target cannot turn into another enterprise; uninspected ones may trade enterprises.
    const other = (await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: enterpriseInput(ctx) })).json().id as number;
    const third = (await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: enterpriseInput(ctx) })).json().id as number;
    const morph = await call(admin, 'PUT', `/api/campaigns/${id}`, campaign({ version: 2, targets: [{ id: ent!.id, kind: 'enterprise', enterpriseId: other }] }));
    expect(morph.body.error).toMatchObject({ code: 'CAMPAIGN_TARGET_INSPECTED', field: 'targets.0' });
    const added = await call(admin, 'PUT', `/api/campaigns/${id}`, campaign({ version: 2, targets: [{ id: ent!.id, kind: 'enterprise', enterpriseId }, { kind: 'enterprise', enterpriseId: other }, { kind: 'enterprise', enterpriseId: third }] }));
    expect(added.status).toBe(200);
    const [, x, y] = (await call(admin, 'GET', `/api/campaigns/${id}`)).body.targets as { id: number }[];
    const swapped = await call(admin, 'PUT', `/api/campaigns/${id}`, campaign({ version: 3, targets: [{ id: ent!.id, kind: 'enterprise', enterpriseId }, { id: x!.id, kind: 'enterprise', enterpriseId: third }, { id: y!.id, kind: 'enterprise', enterpriseId: other }] }));
    expect(swapped.status).toBe(200);
  });
  it('targets water sections and rivers of the water-quality registry, shown by name; unknown ones are refused; a section’s district owns its problems', async () => {
    const district = ctx.districtByCode('370602');
    const [site] = await ctx.database.db.insert(waterSites).values({
      code: `T${Date.now()}`, name: '夹河福山大桥断面', kind: 'section', level: 'municipal', body: 'river', waterName: '夹河',
      districtId: district.id, longitude: 121.25, latitude: 37.5, targetClass: 3, createdAt: nowAt, updatedAt: nowAt,
    }).returning();
    const reg = await call(officer, 'GET', '/api/campaigns/registry-targets');
    expect(reg.status).toBe(200);
    expect(reg.body.rivers).toContain('夹河');
    expect(reg.body.waterSites.map((w: { id: number }) => w.id)).toContain(site!.id);
    const badSite = await call(leader, 'POST', '/api/campaigns', campaign({ targets: [{ kind: 'water_site', waterSiteId: 999_999 }] }));
    expect(badSite.status).toBe(422);
    expect(badSite.body.error).toMatchObject({ code: 'CAMPAIGN_WATER_SITE_UNKNOWN', field: 'targets.0.waterSiteId' });
    const badRiver = await call(leader, 'POST', '/api/campaigns', campaign({ targets: [{ kind: 'river', riverName: '不存在河' }] }));
    expect(badRiver.body.error).toMatchObject({ code: 'CAMPAIGN_RIVER_UNKNOWN', field: 'targets.0.riverName' });
    const dup = await call(leader, 'POST', '/api/campaigns', campaign({ targets: [{ kind: 'river', riverName: '夹河' }, { kind: 'river', riverName: '夹河' }] }));
    expect(dup.body.error).toMatchObject({ code: 'CAMPAIGN_TARGET_DUPLICATE', field: 'targets.1' });
    const created = await call(leader, 'POST', '/api/campaigns', campaign({ name: '入河排污口排查', targets: [{ kind: 'water_site', waterSiteId: site!.id }, { kind: 'river', riverName: '夹河' }] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const detail = (await call(officer, 'GET', `/api/campaigns/${created.body.id}`)).body;
    expect(detail.targets.map((t: { kind: string; name: string }) => [t.kind, t.name])).toEqual([['water_site', '夹河福山大桥断面'], ['river', '夹河']]);
    const rec = await call(officer, 'POST', `/api/campaigns/${created.body.id}/inspections`, {
      targetId: detail.targets[0].id, inspectedOn: '2026-12-03', officerIds: [officer.id], results: [{ code: 'A1', result: 'problem', note: '断面上游发现暗管' }, { code: 'A2', result: 'ok' }],
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    const [item] = await items(created.body.id);
    expect(item).toMatchObject({ targetName: '夹河福山大桥断面', ownerKind: 'district', ownerName: district.name });
  });

  it('a campaign has a kind (for the year-end figures); a river survey names rivers outside the registry, with the length surveyed', async () => {
    const badKind = await call(leader, 'POST', '/api/campaigns', campaign({ kind: 'fishing' }));
    expect(badKind.status).toBe(400);
    expect(badKind.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'kind' });
    const badKm = await call(leader, 'POST', '/api/campaigns', campaign({ kind: 'river', targets: [{ kind: 'river', riverName: '五龙河', surveyedKm: -3 }] }));
    expect(badKm.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'targets.0.surveyedKm' });
    // Outside a river survey a river still comes from the monitoring registry.
    const notSurvey = await call(leader, 'POST', '/api/campaigns', campaign({ kind: 'vocs', targets: [{ kind: 'river', riverName: '五龙河' }] }));
    expect(notSurvey.body.error).toMatchObject({ code: 'CAMPAIGN_RIVER_UNKNOWN', field: 'targets.0.riverName' });
    const created = await call(leader, 'POST', '/api/campaigns', campaign({
      name: '重点河流河长制环境问题排查', kind: 'river', checklist: [{ code: 'R1', text: '入河排污口排查' }],
      targets: [{ kind: 'river', riverName: '五龙河', surveyedKm: 128.4 }, { kind: 'river', riverName: '富水河', surveyedKm: 66.8 }],
    }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.kind).toBe('river');
    const detail = (await call(officer, 'GET', `/api/campaigns/${created.body.id}`)).body;
    expect(detail.campaign.kind).toBe('river');
    expect(detail.targets.map((t: { name: string; surveyedKm: number }) => [t.name, t.surveyedKm])).toEqual([['五龙河', 128.4], ['富水河', 66.8]]);
    const rec = await call(officer, 'POST', `/api/campaigns/${created.body.id}/inspections`, {
      targetId: detail.targets[0].id, inspectedOn: '2026-12-03', officerIds: [officer.id], ownerDistrictId: ctx.districtByCode('370602').id,
      results: [{ code: 'R1', result: 'problem', note: '发现未登记入河排污口' }],
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect((await call(officer, 'GET', `/api/campaigns/${created.body.id}/figures`)).body).toMatchObject({ targets: 2, inspected: 1, problems: 1, surveyedKm: 128.4, cleared: 0 });
    const year = (await call(officer, 'GET', '/api/campaigns/figures?year=2026')).body;
    expect(year.campaigns.find((c: { id: number }) => c.id === created.body.id)).toMatchObject({ kind: 'river', surveyedKm: 128.4 });
    // Edited to another kind, a river outside the registry is refused again.
    const edited = await call(leader, 'PUT', `/api/campaigns/${created.body.id}`, campaign({
      version: 1, name: '重点河流河长制环境问题排查', kind: 'other', checklist: [{ code: 'R1', text: '入河排污口排查' }],
      targets: [{ id: detail.targets[0].id, kind: 'river', riverName: '五龙河', surveyedKm: 128.4 }],
    }));
    expect(edited.status).toBe(422);
    expect(edited.body.error).toMatchObject({ code: 'CAMPAIGN_RIVER_UNKNOWN' });
  });

  it('records a batch of inspections in one transaction under the same rules; one refusal rolls back the batch, naming the inspection', async () => {
    const db = ctx.database.db;
    const me = (await call(officer, 'GET', '/api/auth/me')).body;
    const principal = (await findPrincipalByUsername(db, (me.user ?? me).username))!;
    const created = await call(leader, 'POST', '/api/campaigns', campaign({ name: '批量录入检查', kind: 'dust', targets: [
      { kind: 'site', siteName: '批量点位一', longitude: 121.3, latitude: 37.5 }, { kind: 'site', siteName: '批量点位二', longitude: 121.31, latitude: 37.51 }] }));
    const id = created.body.id as number;
    const [a, b] = (await call(officer, 'GET', `/api/campaigns/${id}`)).body.targets as { id: number }[];
    const owner = ctx.districtByCode('370602').id;
    const input = (targetId: number, inspectedOn: string) => ({ targetId, inspectedOn, officerIds: [officer.id], ownerDistrictId: owner,
      results: [{ code: 'A1', result: 'problem' as const, note: '裸土未覆盖' }, { code: 'A2', result: 'ok' as const }] });
    const audits = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.entity, 'campaign'), eq(auditLog.entityId, String(id)))))[0]!.n;
    const before = await audits();
    const now = new Date('2026-12-05T10:00:00+08:00');
    const refused = await recordInspections(db, principal, id, [input(a!.id, '2026-12-01'), input(b!.id, '2026-12-09')], now);
    expect(refused).toMatchObject({ ok: false, code: 'CAMPAIGN_INSPECTION_IN_FUTURE', field: 'inspections.1.inspectedOn' });
    expect((await call(officer, 'GET', `/api/campaigns/${id}`)).body.inspections).toHaveLength(0);
    expect(await audits()).toBe(before);
    const ok = await recordInspections(db, principal, id, [input(a!.id, '2026-12-01'), input(b!.id, '2026-12-02')], now);
    expect(ok).toMatchObject({ ok: true, value: { inspections: 2, items: 2 } });
    expect((await call(officer, 'GET', `/api/campaigns/${id}`)).body.figures).toMatchObject({ inspected: 2, problems: 2 });
    expect(await audits()).toBe(before + 2);
    expect(await recordInspections(db, await findPrincipalByUsername(db, (me.user ?? me).username).then((p) => ({ ...p!, role: 'enterprise_user' as const })), id, [], now))
      .toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
