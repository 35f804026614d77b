// GET /api/cases/deadlines?withinDays=N: the board shows the overdue items and those due within N natural days
// (the workbench links to /deadlines?withinDays=7); N is a positive integer of at most 366.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, type Bureau } from '../../test/helpers/cases.js';

/** The test clock: China noon on the given civil date. */
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

interface Board { todayOn: string; withinDays: number; items: { kind: string; caseId: number | null; leadId: number | null; dueOn: string; state: string }[] }

describe(`the deadlines board's window (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-07-19');
  let caseId: number;
  let leadId: number;
  const board = async (query: string) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/cases/deadlines${query}`, headers: b.leader.headers });
    return { status: res.statusCode, body: res.json() as Board & { error?: { code: string; field?: string } } };
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    // 行政处罚法 第六十条: filed 2021-07-19, decision due 90 days later (a Sunday, so Monday 2021-10-18).
    caseId = await fileCase(ctx, b, '2021-07-19');
    // An open lead discovered and registered 2021-09-01: its filing deadline has passed by October.
    today = at('2021-09-01');
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '群众举报夜间偷排', discoveredOn: '2021-09-01' });
    expect(lead.status).toBe(201);
    leadId = lead.body.id as number;
    today = at('2021-10-08');
  });
  afterAll(async () => ctx.close());

  it('行政处罚法 第六十条: a decision due in 10 days is shown within 10 days or more, not within 7; overdue ones always', async () => {
    const decision = (r: Board) => r.items.find((i) => i.kind === 'decision' && i.caseId === caseId);
    const overdueLead = (r: Board) => r.items.find((i) => i.kind === 'filing' && i.leadId === leadId);

    const seven = await board('?withinDays=7');
    expect(seven.status).toBe(200);
    expect(seven.body).toMatchObject({ todayOn: '2021-10-08', withinDays: 7 });
    expect(decision(seven.body)).toBeUndefined();
    expect(overdueLead(seven.body)).toMatchObject({ state: 'overdue' });

    const ten = await board('?withinDays=10');
    expect(decision(ten.body)).toMatchObject({ dueOn: '2021-10-18', state: 'due_soon' });
    expect(overdueLead(ten.body)).toMatchObject({ state: 'overdue' });

    const year = await board('?withinDays=366');
    expect(year.status).toBe(200);
    expect(decision(year.body)).toMatchObject({ state: 'due_soon' });

    // Without the parameter: three natural days.
    const plain = await board('');
    expect(plain.body.withinDays).toBe(3);
    expect(decision(plain.body)).toBeUndefined();
    expect(overdueLead(plain.body)).toMatchObject({ state: 'overdue' });
  });

  it('400 names withinDays when it is not a positive integer of at most 366', async () => {
    for (const bad of ['0', '-7', '367', '1.5', 'seven']) {
      const res = await board(`?withinDays=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error, bad).toMatchObject({ code: 'INVALID_INPUT', field: 'withinDays' });
    }
  });
});
