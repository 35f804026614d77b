// The workbench's counts are the lists' totals: each task group's count equals the total of the list
// API its link opens (`/api` + link), for the same user and therefore the same scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, PROPOSAL, type Bureau, type Person } from '../../test/helpers/cases.js';
import { seedAirDemo } from '../air-quality/demo.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

interface Workbench {
  todayOn: string;
  tasks: { key: string; count: number; link: string }[];
  deadlines: { scope: 'mine' | 'all'; overdue: number; dueSoon: number; withinDays: number; items: { caseId: number | null; leadId: number | null }[] } | null;
  meetings: { count: number; items: { id: number }[] } | null;
  exceedances: { count: number; link: string } | null;
  air: { on: string | null } | null;
  calendar: { banner: unknown; link: string | null };
}

describe(`workbench (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  const today = at('2021-07-19');
  const get = async (who: Person | Record<string, string>, url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: 'headers' in who ? (who.headers as Record<string, string>) : who });
    return { status: res.statusCode, body: res.json() };
  };
  const workbench = async (who: Person) => {
    const res = await get(who, '/api/workbench');
    expect(res.status).toBe(200);
    return res.body as Workbench;
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    // One case still investigating, one at case review, one major case at legal review.
    await fileCase(ctx, b, '2021-07-19');
    const atCaseReview = await fileCase(ctx, b, '2021-07-19');
    const major = await fileCase(ctx, b, '2021-07-19');
    for (const id of [atCaseReview, major]) {
      const rec = await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查，废水总排口采样' });
      expect(rec.status).toBe(200);
    }
    expect((await post(ctx, b.officerA, `/api/cases/${atCaseReview}/submit`, { proposal: PROPOSAL(5_000_00) })).status).toBe(200);
    expect((await post(ctx, b.officerA, `/api/cases/${major}/submit`, { proposal: PROPOSAL(200_000_00) })).status).toBe(200);
    const reviewed = await post(ctx, b.leader, `/api/cases/${major}/case-review`, { outcome: 'passed', opinion: '事实清楚' });
    expect(reviewed.body.stage).toBe('legal_review');
    // An open lead found two weeks ago: its filing deadline falls within the next seven days or has passed.
    expect((await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '群众举报夜间偷排', discoveredOn: '2021-07-05' })).status).toBe(201);
    // A committee meeting today with the first two members (meetings are recorded, never in the future).
    const meeting = await post(ctx, b.members[0]!, '/api/committee/meetings', {
      heldOn: '2021-07-19', location: '局三楼会议室', chairId: b.members[0]!.id, memberIds: b.members.slice(0, 2).map((m) => m.id), attendeeIds: b.members.slice(0, 2).map((m) => m.id),
    });
    expect(meeting.status).toBe(201);
  });
  afterAll(async () => ctx.close());

  it('needs a signed-in user', async () => {
    expect((await get({}, '/api/workbench')).status).toBe(401);
    expect((await get({}, '/api/workbench/badges')).status).toBe(401);
  });

  it.each([
    ['officerA', ['investigating', 'notices_to_serve', 'decisions_to_serve', 'overdue_cases']],
    ['officerC', ['investigating', 'notices_to_serve', 'decisions_to_serve', 'overdue_cases']],
    ['leader', ['case_review', 'collective_discussion', 'deciding', 'open_leads']],
    ['reviewer', ['legal_review', 'threshold_review']],
    ['admin', ['investigating', 'notices_to_serve', 'decisions_to_serve', 'overdue_cases', 'case_review', 'legal_review', 'collective_discussion', 'deciding', 'open_leads', 'threshold_review']],
  ] as const)('%s: every task count equals the total of the list its link opens', async (who, keys) => {
    const wb = await workbench(b[who]);
    expect(wb.tasks.map((t) => t.key)).toEqual(keys);
    for (const task of wb.tasks) {
      const list = await get(b[who], `/api${task.link}`);
      expect(list.status).toBe(200);
      expect({ key: task.key, count: task.count }).toEqual({ key: task.key, count: list.body.total });
    }
  });

  it('the fixtures make the counts tell roles apart', async () => {
    const count = async (who: keyof Bureau, key: string) => (await workbench(b[who] as Person)).tasks.find((t) => t.key === key)?.count;
    expect(await count('officerA', 'investigating')).toBe(1);
    expect(await count('officerC', 'investigating')).toBe(0);
    expect(await count('leader', 'case_review')).toBe(1);
    expect(await count('leader', 'open_leads')).toBe(1);
    expect(await count('reviewer', 'legal_review')).toBe(1);
    expect(await count('admin', 'investigating')).toBe(1);
  });

  it('district staff: scoped to their district as the lists are', async () => {
    for (const [code, expected] of [['370602', 1], ['370611', 0]] as const) {
      const headers = await ctx.loginAs('district_staff', { districtCode: code });
      const wb = (await get(headers, '/api/workbench')).body as Workbench;
      for (const task of wb.tasks) expect(task.count).toBe((await get(headers, `/api${task.link}`)).body.total);
      expect(wb.tasks.find((t) => t.key === 'investigating')!.count).toBe(expected);
    }
  });

  it.each(['officerA', 'officerC', 'leader', 'admin'] as const)('%s: deadlines equal the board within seven days (officers: their own cases)', async (who) => {
    const wb = await workbench(b[who]);
    const board = await get(b[who], '/api/cases/deadlines?withinDays=7');
    expect(board.status).toBe(200);
    const officer = who.startsWith('officer');
    const items = (board.body.items as { state: string; officerIds: number[] }[]).filter((i) => !officer || i.officerIds.includes(b[who].id));
    expect(wb.deadlines).toMatchObject({
      scope: officer ? 'mine' : 'all', withinDays: 7,
      overdue: items.filter((i) => i.state === 'overdue').length, dueSoon: items.filter((i) => i.state === 'due_soon').length,
    });
    if (who === 'leader') expect(wb.deadlines!.items.some((i) => i.leadId !== null)).toBe(true);
  });

  it('the seven-day board is wider than the default three-day one', async () => {
    const three = (await get(b.leader, '/api/cases/deadlines')).body.items.length;
    const seven = (await get(b.leader, '/api/cases/deadlines?withinDays=7')).body.items.length;
    expect(seven).toBeGreaterThanOrEqual(three);
    expect((await get(b.leader, '/api/cases/deadlines?withinDays=0')).status).toBe(400);
  });

  it("committee members see today's meetings they sit on; others none", async () => {
    const list = (await get(b.members[0]!, '/api/committee/meetings')).body.items as { heldOn: string; memberIds: number[]; attendeeIds: number[]; chairId: number }[];
    const expected = (id: number) => list.filter((m) => m.heldOn >= '2021-07-19' && (m.chairId === id || m.memberIds.includes(id) || m.attendeeIds.includes(id))).length;
    expect((await workbench(b.members[0]!)).meetings!.count).toBe(expected(b.members[0]!.id));
    expect((await workbench(b.members[0]!)).meetings!.count).toBe(1);
    expect((await workbench(b.members[2]!)).meetings!.count).toBe(0);
    expect((await workbench(b.officerA)).meetings).toBeNull();
  });

  it.each(['officerA', 'leader', 'reviewer', 'admin'] as const)('%s: open exceedance events equal the events list', async (who) => {
    const wb = await workbench(b[who]);
    const list = await get(b[who], `/api${wb.exceedances!.link}`);
    expect(wb.exceedances!.count).toBe(list.body.total);
  });

  it('without air-quality data the air card says so; the calendar link is for those who manage it', async () => {
    const wb = await workbench(b.admin);
    expect(wb.air).toMatchObject({ on: null });
    expect(wb.calendar.link).toBe('/calendar');
    expect((await workbench(b.officerA)).calendar.link).toBeNull();
  });

  it('menu badges are the workbench counts per menu entry', async () => {
    const wb = await workbench(b.leader);
    const { badges } = (await get(b.leader, '/api/workbench/badges')).body as { badges: Record<string, number> };
    const n = (key: string) => wb.tasks.find((t) => t.key === key)!.count;
    expect(badges.cases ?? 0).toBe(n('case_review') + n('deciding'));
    expect(badges.leads ?? 0).toBe(n('open_leads'));
    expect(badges.committee ?? 0).toBe(n('collective_discussion'));
    expect(badges.deadlines ?? 0).toBe(wb.deadlines!.overdue + wb.deadlines!.dueSoon);
    const reviewer = (await get(b.reviewer, '/api/workbench/badges')).body.badges;
    const rd = (await workbench(b.reviewer)).deadlines!;
    expect(rd.overdue + rd.dueSoon).toBeGreaterThan(0);
    expect(reviewer).toEqual({ 'review-queue': 1, deadlines: rd.overdue + rd.dueSoon });
  });
});

describe(`workbench: the hearing-threshold review is the legal reviewers' task (行政处罚法 第六十三条; 环境行政处罚听证程序规定 第五条) (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  const today = at('2021-07-19');
  const get = async (who: Person, url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: who.headers });
    return { status: res.statusCode, body: res.json() };
  };
  const task = async (who: Person) => ((await get(who, '/api/workbench')).body as Workbench).tasks.find((t) => t.key === 'threshold_review');
  /** A case notified with the given proposed fine under the figures in force (default 50 000 yuan for organisations). */
  async function notified(fineFen: number) {
    const id = await fileCase(ctx, b, '2021-07-19');
    expect((await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' })).status).toBe(200);
    expect((await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: PROPOSAL(fineFen) })).status).toBe(200);
    expect((await post(ctx, b.leader, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' })).body.stage).toBe('notification');
    const n = await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: '2021-07-19', content: '拟作出罚款决定' });
    expect(n.status).toBe(200);
    return { id, hearingOffered: n.body.notification.hearingOffered as boolean };
  }

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
  });
  afterAll(async () => ctx.close());

  it('lists, after the threshold is lowered, the notified case whose notice withheld the hearing; the count is that list', async () => {
    const below = await notified(40_000_00);
    const above = await notified(60_000_00);
    expect(below.hearingOffered).toBe(false);
    expect(above.hearingOffered).toBe(true);
    // Nothing to review before any change of the figures that these notices crossed.
    expect(await task(b.reviewer)).toMatchObject({ count: 0, link: '/workbench/threshold-review' });

    const current = (await get(b.admin, '/api/settings')).body;
    const { demoValues: _d, ...value } = current.value;
    value.hearingThresholds.organisationFen = 30_000_00;
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/settings', headers: b.admin.headers, payload: { value, version: current.version, reason: '按省厅规定下调听证标准' } });
    expect(put.statusCode).toBe(200);

    const t = await task(b.reviewer);
    const list = await get(b.reviewer, `/api${t!.link}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ current: { organisationFen: 30_000_00 }, previous: { organisationFen: 50_000_00 }, source: 'settings-change', total: 1 });
    expect(list.body.items).toEqual([expect.objectContaining({ id: below.id, proposedFineFen: 40_000_00, notified: true, hearingOffered: false, hearingUnderCurrent: true })]);
    expect(t!.count).toBe(list.body.total);
    // The case at 60 000 yuan was offered a hearing under both figures: nothing to review.
    expect(list.body.items.some((i: { id: number }) => i.id === above.id)).toBe(false);
    // On the menu: the workbench entry, which opens the list.
    expect((await get(b.reviewer, '/api/workbench/badges')).body.badges.workbench).toBe(1);
  });

  it('a new notice offering the hearing clears the task', async () => {
    const before = (await task(b.reviewer))!.count;
    const { items } = (await get(b.reviewer, '/api/workbench/threshold-review')).body as { items: { id: number }[] };
    const renotified = await post(ctx, b.officerA, `/api/cases/${items[0]!.id}/renotify`, { servedOn: '2021-07-19', content: '重新告知听证权利', reason: '听证标准调整', proposal: PROPOSAL(40_000_00) });
    expect(renotified.status).toBe(200);
    expect(renotified.body.notification.hearingOffered).toBe(true);
    expect((await task(b.reviewer))!.count).toBe(before - 1);
  });

  it.each(['officerA', 'leader'] as const)('%s has no such task and may not open the list', async (who) => {
    expect(await task(b[who])).toBeUndefined();
    const res = await get(b[who], '/api/workbench/threshold-review');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe(`workbench: air quality of today or the latest day with data (${ENGINE})`, () => {
  let ctx: TestContext;
  let today = at('2021-07-19');
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    // Data up to yesterday only.
    await seedAirDemo(ctx.database.db, at('2021-07-19'), undefined, { stations: 14, days: 2, endOn: '2021-07-18' });
  });
  afterAll(async () => ctx.close());

  it("shows the latest day with data, labelled, and the district's rank as the daily ranking gives it", async () => {
    const staff = await ctx.loginAs('district_staff', { districtCode: '370602' });
    const wb = (await ctx.app.inject({ method: 'GET', url: '/api/workbench', headers: staff })).json() as Workbench & { air: { on: string; isToday: boolean; link: string; district: { rank: number | null; aqi: number | null } | null; city: { aqi: number | null } | null } };
    expect(wb.air).toMatchObject({ on: '2021-07-18', isToday: false, link: '/air-quality/daily?date=2021-07-18' });
    const ranking = (await ctx.app.inject({ method: 'GET', url: '/api/air-quality/rankings/district-daily?date=2021-07-18', headers: staff })).json();
    const own = ranking.rows.find((r: { districtId: number }) => r.districtId === ctx.districtByCode('370602').id);
    expect(wb.air.district).toMatchObject({ rank: own.rank, aqi: own.aqi });
    expect(wb.air.city).toMatchObject({ aqi: ranking.city.aqi });
    today = at('2021-07-18');
    const sameDay = (await ctx.app.inject({ method: 'GET', url: '/api/workbench', headers: staff })).json();
    expect(sameDay.air).toMatchObject({ on: '2021-07-18', isToday: true });
  });
});
