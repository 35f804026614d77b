// 集体讨论 (行政处罚法 第五十七条第二款): each attending member records his own opinion, signed in as himself;
// the concluded discussion takes those as recorded. The parallel cases matter on PostgreSQL (DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { ALL_FINDINGS_OK, fileCase, makeBureau, post, PROPOSAL, type Bureau, type Person } from '../../test/helpers/cases.js';
import { committeeDiscussions, committeeMemberOpinions } from './tables.js';

const N = 5;
const today = new Date('2021-07-19T12:00:00+08:00');
let now = today;

describe(`members record their own opinions (行政处罚法 第五十七条第二款, ${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => now });
    b = await makeBureau(ctx);
    // Pooled connections open before any race (see test/concurrency.test.ts).
    if (ENGINE === 'postgres') await Promise.all(Array.from({ length: N }, () => ctx.database.db.transaction(async (tx) => { await tx.execute(sql`select pg_sleep(0.05)`); })));
  }, 180_000);
  afterAll(async () => ctx.close());

  const url = (meetingId: number, caseId: number) => `/api/committee/meetings/${meetingId}/cases/${caseId}/opinions`;
  const send = async (method: 'PUT' | 'DELETE' | 'GET', who: Person, path: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url: path, headers: who.headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const meeting = async (attendees: Person[], heldOn = '2021-07-19') => {
    const m = await post(ctx, b.members[0]!, '/api/committee/meetings', {
      heldOn, location: '局三楼会议室', chairId: b.members[0]!.id, memberIds: b.members.map((x) => x.id), attendeeIds: attendees.map((x) => x.id),
    });
    expect(m.status).toBe(201);
    return m.body.id as number;
  };
  /** A major case (a 200 000-yuan fine) through case review and legal review: it awaits collective discussion. */
  const caseAtDiscussion = async () => {
    const caseId = await fileCase(ctx, b, '2021-07-19');
    const step = async (who: Person, name: string, payload: unknown) => {
      const r = await post(ctx, who, `/api/cases/${caseId}/${name}`, payload);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    await step(b.officerA, 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' });
    await step(b.officerA, 'submit', { proposal: PROPOSAL(200_000_00) });
    await step(b.leader, 'case-review', { outcome: 'passed', opinion: '事实清楚' });
    const reviewed = await step(b.reviewer, 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' });
    expect(reviewed.stage).toBe('collective_discussion');
    return caseId;
  };
  const audits = async (caseId: number) =>
    ((await ctx.database.db.execute(sql`select actor_id as "actorId", action, reason, at from audit_log where entity = 'case' and entity_id = ${String(caseId)} and action like 'committee.opinion%' order by seq`)) as unknown as { rows: { actorId: number; action: string; reason: string | null; at: unknown }[] }).rows;

  it('records, changes (with a reason) and withdraws my own opinion; every change audited with who, when and why', async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members.slice(0, 2));
    const [m0, m1] = [b.members[0]!, b.members[1]!];
    const first = await send('PUT', m0, url(m, caseId), { stance: 'agree', words: '' });
    expect(first).toMatchObject({ status: 200, body: { memberId: m0.id, stance: 'agree', opinion: '同意拟处理意见' } });
    // A dissent gives its reasons (400 naming the field); the member is never a body field.
    expect((await send('PUT', m1, url(m, caseId), { stance: 'disagree' })).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'words' });
    expect((await send('PUT', m1, url(m, caseId), { stance: 'agree', memberId: m0.id })).status).toBe(400);
    expect((await send('PUT', m1, url(m, caseId), { stance: 'disagree', words: '罚款过重' })).body).toMatchObject({ memberId: m1.id, opinion: '不同意：罚款过重' });
    // 第四十七条: a change says why.
    const unexplained = await send('PUT', m0, url(m, caseId), { stance: 'abstain', words: '' });
    expect(unexplained).toMatchObject({ status: 422, body: { error: { code: 'OPINION_CHANGE_REASON_REQUIRED', field: 'reason', citation: { article: '第四十七条' } } } });
    expect((await send('PUT', m0, url(m, caseId), { stance: 'abstain', words: '与当事人有亲属关系', reason: '申请回避' })).status).toBe(200);
    const listed = await send('GET', m0, url(m, caseId));
    expect(listed.body).toMatchObject({ allowed: true, refusal: null, mine: { memberId: m0.id, stance: 'abstain' } });
    expect(listed.body.items.map((i: { memberId: number }) => i.memberId)).toEqual([m0.id, m1.id]);
    // Withdrawal: with a reason only, and only of something recorded.
    expect((await send('DELETE', m1, url(m, caseId), {})).status).toBe(400);
    expect((await send('DELETE', m1, url(m, caseId), { reason: '会上当面发表' })).body).toEqual({ withdrawn: true });
    expect((await send('DELETE', m1, url(m, caseId), { reason: '再次撤回' })).body.error).toMatchObject({ code: 'OPINION_NOT_RECORDED' });
    expect(await audits(caseId)).toEqual([
      expect.objectContaining({ actorId: m0.id, action: 'committee.opinion_record', reason: null }),
      expect.objectContaining({ actorId: m1.id, action: 'committee.opinion_record', reason: null }),
      expect.objectContaining({ actorId: m0.id, action: 'committee.opinion_change', reason: '申请回避' }),
      expect.objectContaining({ actorId: m1.id, action: 'committee.opinion_withdraw', reason: '会上当面发表' }),
    ]);
  });

  it('行政处罚法 第五十七条第二款: refuses a member, or a leader, who did not attend that meeting', async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members.slice(0, 2));
    for (const who of [b.members[2]!, b.leader]) {
      const r = await send('PUT', who, url(m, caseId), { stance: 'agree' });
      expect(r).toMatchObject({ status: 422, body: { error: { code: 'OPINION_NOT_AN_ATTENDEE', field: 'meetingId', citation: { article: '第五十七条', paragraph: '第二款' } } } });
    }
    expect((await send('GET', b.members[2]!, url(m, caseId))).body).toMatchObject({ allowed: false, refusal: { code: 'OPINION_NOT_AN_ATTENDEE' } });
    expect((await ctx.database.db.select().from(committeeMemberOpinions).where(eq(committeeMemberOpinions.caseId, caseId)))).toHaveLength(0);
  });

  it('行政处罚法 第四十七条: refuses a meeting held before the filing', async () => {
    const caseId = await caseAtDiscussion();
    const early = await meeting(b.members, '2021-07-16');
    const r = await send('PUT', b.members[0]!, url(early, caseId), { stance: 'agree' });
    expect(r).toMatchObject({ status: 422, body: { error: { code: 'DATE_BEFORE_FILING', field: 'meetingId', citation: { article: '第四十七条' } } } });
  });

  it('行政处罚法 第五十七条: refuses a case that does not await collective discussion; unknown meeting or case is 404', async () => {
    const investigating = await fileCase(ctx, b, '2021-07-19');
    const m = await meeting(b.members);
    const r = await send('PUT', b.members[0]!, url(m, investigating), { stance: 'agree' });
    expect(r).toMatchObject({ status: 409, body: { error: { code: 'CASE_NOT_IN_COLLECTIVE_DISCUSSION', citation: { article: '第五十七条' } } } });
    expect((await send('PUT', b.members[0]!, url(999_999, investigating), { stance: 'agree' })).status).toBe(404);
    expect((await send('PUT', b.members[0]!, url(m, 999_999), { stance: 'agree' })).status).toBe(404);
  });

  it('the discussion takes self-recorded opinions as recorded, marks them, refuses rewriting one naming the member, then freezes them', async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members);
    const [m0, m1, m2] = b.members as [Person, Person, Person];
    expect((await send('PUT', m1, url(m, caseId), { stance: 'disagree', words: '罚款过重' })).status).toBe(200);
    const discuss = (opinions: { memberId: number; opinion: string }[]) =>
      post(ctx, m0, `/api/cases/${caseId}/collective-discussion`, { meetingId: m, opinions, decision: 'approve', conclusion: '同意处罚' });
    // The submitter cannot put words in the mouth of a member who recorded his own opinion.
    const rewritten = await discuss([{ memberId: m0.id, opinion: '同意' }, { memberId: m1.id, opinion: '同意' }]);
    expect(rewritten).toMatchObject({ status: 422, body: { error: { code: 'OPINION_SELF_RECORDED', field: 'opinions.1.opinion', details: { memberId: m1.id }, citation: { article: '第五十七条' } } } });
    // Without an entry for him (or with his own words), his recorded opinion is taken; the others as minuted.
    const done = await discuss([{ memberId: m0.id, opinion: '同意' }, { memberId: m2.id, opinion: '同意，建议督促整改' }]);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.stage).toBe('notification');
    const [stored] = await ctx.database.db.select().from(committeeDiscussions).where(and(eq(committeeDiscussions.meetingId, m), eq(committeeDiscussions.caseId, caseId)));
    expect(stored!.opinions).toEqual([
      { memberId: m0.id, opinion: '同意', selfRecorded: false },
      { memberId: m1.id, opinion: '不同意：罚款过重', selfRecorded: true, stance: 'disagree', recordedAt: today.toISOString() },
      { memberId: m2.id, opinion: '同意，建议督促整改', selfRecorded: false },
    ]);
    // Concluded: nothing more is recorded, changed or withdrawn for that meeting.
    const late = await send('PUT', m2, url(m, caseId), { stance: 'agree' });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'DISCUSSION_ALREADY_CONCLUDED', citation: { article: '第五十七条' } } } });
    expect((await send('DELETE', m1, url(m, caseId), { reason: '改变主意' })).body.error.code).toBe('DISCUSSION_ALREADY_CONCLUDED');
  });

  it('a discussion with every opinion self-recorded needs no minuted entry', async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members.slice(0, 2));
    for (const who of b.members.slice(0, 2)) expect((await send('PUT', who, url(m, caseId), { stance: 'agree' })).status).toBe(200);
    const done = await post(ctx, b.members[0]!, `/api/cases/${caseId}/collective-discussion`, { meetingId: m, decision: 'approve', conclusion: '同意处罚' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.discussions[0].opinions.every((o: { selfRecorded: boolean }) => o.selfRecorded)).toBe(true);
  });

  it('行政处罚法 第五十七条, 第五十八条: an opinion given on a proposal since sent back is not taken as self-recorded', async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members);
    const m0 = b.members[0]!;
    expect((await send('PUT', m0, url(m, caseId), { stance: 'agree' })).status).toBe(200);
    try {
      // Another meeting sends the case back for further investigation; the proposal is submitted and reviewed anew.
      const other = await meeting(b.members);
      const back = await post(ctx, m0, `/api/cases/${caseId}/collective-discussion`, { meetingId: other, opinions: [{ memberId: b.members[1]!.id, opinion: '证据不足' }], decision: 'investigate_further', conclusion: '补充调查' });
      expect(back.body.stage, JSON.stringify(back.body)).toBe('investigating');
      now = new Date('2021-07-19T15:00:00+08:00');
      expect((await post(ctx, b.officerA, `/api/cases/${caseId}/submit`, { proposal: PROPOSAL(150_000_00) })).status).toBe(200);
      expect((await post(ctx, b.leader, `/api/cases/${caseId}/case-review`, { outcome: 'passed', opinion: '已补充调查' })).status).toBe(200);
      expect((await post(ctx, b.reviewer, `/api/cases/${caseId}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' })).body.stage).toBe('collective_discussion');
      expect((await send('GET', m0, url(m, caseId))).body.mine).toMatchObject({ stance: 'agree', current: false });
      const done = await post(ctx, m0, `/api/cases/${caseId}/collective-discussion`, { meetingId: m, opinions: [{ memberId: m0.id, opinion: '同意调整后的意见' }], decision: 'approve', conclusion: '同意处罚' });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.discussions[0].opinions).toEqual([{ memberId: m0.id, opinion: '同意调整后的意见', selfRecorded: false }]);
    } finally {
      now = today;
    }
  });

  it(`${N} parallel recordings by one member leave one row, the last word, and one audit row each`, async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members);
    const m0 = b.members[0]!;
    const results = await Promise.all(Array.from({ length: N }, (_, i) => send('PUT', m0, url(m, caseId), { stance: 'disagree', words: `意见${i}`, reason: `第${i}次修改` })));
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(200));
    const rows = await ctx.database.db.select().from(committeeMemberOpinions).where(eq(committeeMemberOpinions.caseId, caseId));
    expect(rows).toHaveLength(1);
    const trail = await audits(caseId);
    expect(trail.map((a) => a.action)).toEqual(['committee.opinion_record', ...Array(N - 1).fill('committee.opinion_change')]);
    // The stored opinion is the one the last audited write recorded.
    const last = (await ctx.database.db.execute(sql`select after from audit_log where entity = 'case' and entity_id = ${String(caseId)} and action like 'committee.opinion%' order by seq desc limit 1`)) as unknown as { rows: { after: { words: string } }[] };
    expect(rows[0]!.words).toBe(last.rows[0]!.after.words);
  });

  it('recordings racing the conclusion: each either is in the stored discussion or is refused as concluded', async () => {
    const caseId = await caseAtDiscussion();
    const m = await meeting(b.members);
    const [m0, m1, m2] = b.members as [Person, Person, Person];
    const [conclude, ...puts] = await Promise.all([
      post(ctx, m2, `/api/cases/${caseId}/collective-discussion`, { meetingId: m, opinions: [{ memberId: m2.id, opinion: '同意' }], decision: 'approve', conclusion: '同意处罚' }),
      send('PUT', m0, url(m, caseId), { stance: 'agree' }),
      send('PUT', m1, url(m, caseId), { stance: 'abstain', words: '回避' }),
    ]);
    expect(conclude.status, JSON.stringify(conclude.body)).toBe(200);
    for (const p of puts) expect(p.status === 200 || p.body.error?.code === 'DISCUSSION_ALREADY_CONCLUDED', JSON.stringify(p.body)).toBe(true);
    const recorded = puts.filter((p) => p.status === 200).map((p) => p.body.memberId as number).sort();
    const [stored] = await ctx.database.db.select().from(committeeDiscussions).where(eq(committeeDiscussions.caseId, caseId));
    expect(stored!.opinions.filter((o) => o.selfRecorded).map((o) => o.memberId).sort()).toEqual(recorded);
    const rows = await ctx.database.db.select().from(committeeMemberOpinions).where(eq(committeeMemberOpinions.caseId, caseId));
    expect(rows.map((r) => r.memberId).sort()).toEqual(recorded);
  });
});
