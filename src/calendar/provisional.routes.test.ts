import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';

/** The test clock: China noon on the given civil date. */
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

// A made-up 2027 arrangement for this test only (元旦 1–3 January rested, a 国庆 block with worked weekends).
const ARRANGEMENT_2027 = {
  source: '国办发明电〔2026〕测试号',
  note: null,
  reason: '国务院办公厅通知已发布',
  days: [
    ...['01', '02', '03'].map((d) => ({ on: `2027-01-${d}`, kind: 'rest', name: '元旦' })),
    { on: '2027-09-26', kind: 'work', name: '国庆节' },
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ on: `2027-10-${d}`, kind: 'rest', name: '国庆节' })),
    { on: '2027-10-09', kind: 'work', name: '国庆节' },
  ],
};

describe(`行政处罚法 第六十条 / 第八十五条: deadlines in a year without a recorded arrangement are 暂定, never refused (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2026-10-04');
  let october: number;
  let december: number;
  const getCase = async (id: number) => (await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: b.officerA.headers })).json();
  const decisionOf = (c: { deadlines: { kind: string }[] }) => c.deadlines.find((d) => d.kind === 'decision');

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    october = await fileCase(ctx, b, '2026-10-04');
    today = at('2026-12-03');
    december = await fileCase(ctx, b, '2026-12-03');
  });
  afterAll(async () => ctx.close());

  it('filing on 2026-12-03 (the 90-day deadline falls in 2027, not on record) succeeds with a 暂定 deadline', async () => {
    const lead = await ctx.app.inject({ method: 'POST', url: '/api/leads', headers: b.officerA.headers, payload: { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查发现废水超标排放', discoveredOn: '2026-12-03' } });
    expect(lead.statusCode).toBe(201);
    const filed = await ctx.app.inject({ method: 'POST', url: `/api/leads/${lead.json().id}/file`, headers: b.leader.headers, payload: {
      cause: '超标排放水污染物', actOn: '2026-12-03', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    } });
    expect(filed.statusCode).toBe(201);
    // 2026-12-03 + 90 days = 2027-03-03, a Wednesday and no statutory holiday.
    expect(filed.json().decisionDueOn).toBe('2027-03-03');
    expect(decisionOf(filed.json())).toMatchObject({ dueOn: '2027-03-03', provisional: true, provisionalYears: [2027], fromOn: '2026-12-03', extraDays: 0 });
    const list = await ctx.app.inject({ method: 'GET', url: '/api/cases?pageSize=100', headers: b.leader.headers });
    expect(list.json().items.find((c: { id: number }) => c.id === filed.json().id)).toMatchObject({ decisionDueOn: '2027-03-03', decisionDueProvisional: true });
  });

  it('a deadline on a weekend the notice could make a working day is the earliest possible date', async () => {
    // 2026-10-04 + 90 days = Saturday 2027-01-02, next to 元旦: it may be worked, so it is not rolled forward.
    const c = await getCase(october);
    expect(c.decisionDueOn).toBe('2027-01-02');
    expect(decisionOf(c)).toMatchObject({ provisional: true, provisionalYears: [2027] });
  });

  it('the calendar lists 2027 as provisional with its statutory holidays', async () => {
    const years = await ctx.app.inject({ method: 'GET', url: '/api/calendar/years', headers: b.admin.headers });
    expect(years.json().provisional).toContainEqual(expect.objectContaining({ year: 2027, restDays: 13 }));
    const p = await ctx.app.inject({ method: 'GET', url: '/api/calendar/2027/provisional', headers: b.admin.headers });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ year: 2027, official: false });
    expect(p.json().restDays).toContainEqual({ on: '2027-02-05', name: '春节' });
    expect(p.json().possiblyWorkedDays).toContain('2027-01-02');
  });

  it('recording the official 2027 arrangement recomputes every open 暂定 deadline, audited and listed on the board', async () => {
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2027', headers: b.admin.headers, payload: ARRANGEMENT_2027 });
    expect(put.statusCode).toBe(201);
    expect(put.json().recomputedDeadlines).toMatchObject({ changed: 1 });
    expect(put.json().recomputedDeadlines.recomputed).toBeGreaterThanOrEqual(3);

    // 2027-01-02 is now a rest day of the 元旦 block: the period ends on Monday 2027-01-04.
    const moved = await getCase(october);
    expect(moved.decisionDueOn).toBe('2027-01-04');
    expect(decisionOf(moved)).toMatchObject({ dueOn: '2027-01-04', provisional: false, previousDueOn: '2027-01-02', recomputedForYear: 2027 });
    const same = await getCase(december);
    expect(same.decisionDueOn).toBe('2027-03-03');
    expect(decisionOf(same)).toMatchObject({ dueOn: '2027-03-03', provisional: false, previousDueOn: '2027-03-03' });
    const list = await ctx.app.inject({ method: 'GET', url: '/api/cases?pageSize=100', headers: b.leader.headers });
    expect(list.json().items.find((c: { id: number }) => c.id === december)).toMatchObject({ decisionDueProvisional: false });

    const audit = await ctx.app.inject({ method: 'GET', url: `/api/audit?entity=case&entityId=${october}`, headers: b.admin.headers });
    const entry = audit.json().items.find((e: { action: string }) => e.action === 'deadline.recompute');
    expect(entry).toMatchObject({
      actorRole: 'administrator',
      before: { kind: 'decision', dueOn: '2027-01-02', provisionalYears: [2027], fromOn: '2026-10-04' },
      after: { kind: 'decision', dueOn: '2027-01-04', provisionalYears: [] },
    });
    expect(entry.reason).toContain('国办发明电〔2026〕测试号');

    const board = await ctx.app.inject({ method: 'GET', url: '/api/cases/deadlines', headers: b.leader.headers });
    expect(board.statusCode).toBe(200);
    expect(board.json().recomputed).toContainEqual(expect.objectContaining({
      caseId: october, kind: 'decision', previousDueOn: '2027-01-02', dueOn: '2027-01-04', recomputedForYear: 2027, provisional: false,
    }));
  });

  it('replacing the arrangement again recomputes nothing: no deadline relies on a provisional 2027 any more', async () => {
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/calendar/2027', headers: b.admin.headers, payload: ARRANGEMENT_2027 });
    expect(put.statusCode).toBe(200);
    expect(put.json().recomputedDeadlines).toEqual({ recomputed: 0, changed: 0 });
  });
});
