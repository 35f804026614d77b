// Read-then-write actions fired N times at once (issue 10): exactly one wins, the others get 409 with
// the reason. Meaningful on PostgreSQL (DATABASE_URL), where requests really run in parallel; PGlite
// serialises statements but still interleaves the transactions' awaits, and the tests pass there too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './helpers/app.js';
import { ENGINE } from './helpers/db.js';
import { makeBureau, post, type Bureau } from './helpers/cases.js';
import { cases, leads } from '../src/cases/tables.js';
import { allocateNumber } from '../src/cases/queries.js';
import { monitoringEvents } from '../src/monitoring/tables.js';
import { outfalls } from '../src/enterprises/tables.js';
import { makeEnterprises } from '../src/monitoring/test-support.js';
import { positiveListEntries } from '../src/supervision/tables.js';
import { exemptions } from '../src/exemptions/tables.js';
import { seedExemptionCatalogue } from '../src/exemptions/index.js';

const N = 5;
const at = async <T>(n: number, fn: () => Promise<T>) => Promise.all(Array.from({ length: n }, fn));

describe(`concurrent requests: one success, the rest 409 (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => new Date('2021-07-02T10:00:00+08:00') });
    b = await makeBureau(ctx);
    // N pooled connections open before any race: otherwise the first request of a burst runs on the one idle
    // connection while the rest wait to connect, and finishes before they read anything (no race at all).
    if (ENGINE === 'postgres') await at(N, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); }));
  }, 180_000);
  afterAll(async () => ctx.close());

  const newLead = async () => {
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查发现废水超标排放', discoveredOn: '2021-07-01' });
    expect(lead.status).toBe(201);
    return lead.body.id as number;
  };
  const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();
  const auditCount = async (action: string, entityId: number) =>
    ((await ctx.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${String(entityId)}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

  it(`filing one lead ${N} times at once makes one case with one number`, async () => {
    const leadId = await newLead();
    const results = await at(N, () => post(ctx, b.leader, `/api/leads/${leadId}/file`, {
      cause: '超标排放水污染物', actOn: '2021-06-30', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    }));
    expect(statuses(results)).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'LEAD_NOT_OPEN')).toBe(true);
    expect(await ctx.database.db.select().from(cases).where(eq(cases.leadId, leadId))).toHaveLength(1);
  });

  it(`dismissing one lead ${N} times at once dismisses it once (one audit row)`, async () => {
    const leadId = await newLead();
    const results = await at(N, () => post(ctx, b.leader, `/api/leads/${leadId}/dismiss`, { reason: '经核查不属实' }));
    expect(statuses(results)).toEqual([200, ...Array(N - 1).fill(409)]);
    const audits = await ctx.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'lead.dismiss' and entity_id = ${String(leadId)}`) as unknown as { rows: { n: number }[] };
    expect(audits.rows[0]!.n).toBe(1);
  });

  it('filing and dismissing the same lead at once: exactly one of them happens', async () => {
    const leadId = await newLead();
    const [filed, dismissed] = await Promise.all([
      post(ctx, b.leader, `/api/leads/${leadId}/file`, {
        cause: '超标排放水污染物', actOn: '2021-06-30', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id,
        major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
      }),
      post(ctx, b.leader, `/api/leads/${leadId}/dismiss`, { reason: '经核查不属实' }),
    ]);
    expect([filed.status, dismissed.status].filter((s) => s === 409)).toHaveLength(1);
    const [lead] = await ctx.database.db.select().from(leads).where(eq(leads.id, leadId));
    expect((await ctx.database.db.select().from(cases).where(eq(cases.leadId, leadId))).length).toBe(lead!.status === 'filed' ? 1 : 0);
  });

  it(`document numbers allocated ${N * 4} times at once are all different and gap-free`, async () => {
    const numbers = await at(N * 4, () => ctx.database.db.transaction((tx) => allocateNumber(tx, '测试并发', 2021)));
    expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: N * 4 }, (_, i) => i + 1));
  });

  it(`turning one monitoring event into a lead ${N} times at once makes one lead`, async () => {
    const [outfall] = await ctx.database.db.select().from(outfalls).where(eq(outfalls.enterpriseId, b.enterpriseId));
    const [event] = await ctx.database.db.insert(monitoringEvents).values({
      kind: 'exceedance', enterpriseId: b.enterpriseId, outfallId: outfall!.id, scopeKey: 'concurrency', startAt: new Date('2021-07-01T01:00:00Z'),
      endAt: new Date('2021-07-01T03:00:00Z'), units: 2, createdAt: new Date(), updatedAt: new Date(),
    }).returning();
    const results = await at(N, () => post(ctx, b.admin, `/api/monitoring/events/${event!.id}/lead`, {}));
    expect(statuses(results)).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'MONITORING_EVENT_HAS_LEAD')).toBe(true);
    expect(await ctx.database.db.select().from(leads).where(eq(leads.sourceRef, `monitoring-event:${event!.id}`))).toHaveLength(1);
  });
  it(`proposing one enterprise for the 正面清单 ${N} times at once, then approving it ${N} times at once: one entry, one of each audit row`, async () => {
    // A fresh enterprise (credit rating blue, no penalty, complaint or exceedance): eligible for the list.
    const [enterpriseId] = await makeEnterprises(ctx, 1, { name: '烟台并发正面清单测试有限公司' });
    // The admission criteria, as the page shows them: all met (else the race below would test nothing).
    const check = await ctx.app.inject({ method: 'GET', url: `/api/supervision/positive-list/admission/${enterpriseId}`, headers: b.admin.headers });
    expect(check.json().check.eligible).toBe(true);
    const proposed = await at(N, () => post(ctx, b.admin, '/api/supervision/positive-list', { enterpriseId }));
    expect(statuses(proposed)).toEqual([201, ...Array(N - 1).fill(409)]);
    expect(proposed.filter((r) => r.status === 409).every((r) => r.body.error.code === 'POSITIVE_LIST_ALREADY')).toBe(true);
    const rows = await ctx.database.db.select().from(positiveListEntries).where(eq(positiveListEntries.enterpriseId, enterpriseId!));
    expect(rows).toHaveLength(1);
    expect(await auditCount('positive_list.propose', rows[0]!.id)).toBe(1);

    const approved = await at(N, () => post(ctx, b.leader, `/api/supervision/positive-list/${rows[0]!.id}/approve`, {}));
    expect(statuses(approved)).toEqual([200, ...Array(N - 1).fill(409)]);
    expect(approved.filter((r) => r.status === 409).every((r) => r.body.error.code === 'POSITIVE_LIST_WRONG_STATUS')).toBe(true);
    expect(await auditCount('positive_list.approve', rows[0]!.id)).toBe(1);
  });

  it(`applying 首违不罚 to one case ${N} times at once decides it once (one exemption, one audit row)`, async () => {
    await seedExemptionCatalogue(ctx.database.db, new Date('2020-01-01T00:00:00+08:00'));
    const entries = await ctx.app.inject({ method: 'GET', url: '/api/exemptions/entries', headers: b.officerA.headers });
    const entryId = entries.json().items.find((e: { title: string }) => e.title.includes('登记表未依法备案')).id as number;
    // A case filed, investigated, proposed and through case review, with facts meeting every condition.
    const today = '2021-07-02';
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查发现环境影响登记表未备案', discoveredOn: today });
    const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, {
      cause: '建设项目环境影响登记表未依法备案', actOn: '2021-06-30', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    });
    expect(filed.status).toBe(201);
    const caseId = filed.body.id as number;
    expect((await post(ctx, b.officerA, `/api/cases/${caseId}/record-investigation`, { kind: 'inspection_record', occurredOn: today, officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查：环境影响登记表未备案' })).status).toBe(200);
    expect((await post(ctx, b.officerA, `/api/cases/${caseId}/submit`, { proposal: { penaltyKinds: ['warning'], fineFen: 0, facts: '建设项目环境影响登记表未依法备案。', violatedProvisions: '《中华人民共和国环境影响评价法》第二十二条第四款', penaltyBasis: '《中华人民共和国环境影响评价法》第三十一条第三款', discretionReason: null } })).status).toBe(200);
    expect((await post(ctx, b.reviewer, `/api/cases/${caseId}/case-review`, { outcome: 'passed', opinion: '事实清楚' })).status).toBe(200);
    const facts = await ctx.app.inject({ method: 'PUT', url: `/api/exemptions/cases/${caseId}/facts`, headers: b.officerA.headers, payload: {
      entryId, consequence: 'none', correctionOrderedOn: today, correctedOn: today, intentional: null, attestedNoPriorElsewhere: true, extra: {}, note: '',
    } });
    expect(facts.json().evaluation.status).toBe('eligible');

    const apply = { correctionOrder: '责令你单位立即办理环境影响登记表备案手续', education: { on: today, form: '当面约谈', content: '讲解环境影响评价法有关规定，督促依法备案' } };
    const results = await at(N, () => post(ctx, b.leader, `/api/exemptions/cases/${caseId}/apply`, apply));
    expect(statuses(results)).toEqual([200, ...Array(N - 1).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ALREADY_DECIDED')).toBe(true);
    expect(await ctx.database.db.select().from(exemptions).where(eq(exemptions.caseId, caseId))).toHaveLength(1);
    expect(await auditCount('exemption.apply', caseId)).toBe(1);
    const [c] = await ctx.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c!.decisionKind).toBe('exemption');
  });
});
