// The case page's answer: the next step (what, who, by when), the stage path, and per-action refusals that
// name the missing precondition with its article — in the list and in a refused step alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, PROPOSAL, type Bureau } from '../../test/helpers/cases.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
interface ActionJson { action: string; allowed: boolean; code?: string; citation?: { law: string; article: string }; message?: string }

describe(`case detail: 下一步 and why not (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let caseId: number;
  const today = at('2021-07-19');

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2021-07-19');
  });
  afterAll(async () => ctx.close());

  const get = async (headers: Record<string, string>) => (await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers })).json();

  it('行政处罚法 第五十四条, 第六十条: a new case — the investigators, by the 90-day decision deadline', async () => {
    const c = await get(b.officerA.headers);
    expect(c.nextStep).toMatchObject({
      what: 'record_investigation', who: { party: false }, by: { on: c.decisionDueOn, kind: 'decision', provisional: false }, citation: { article: '第五十四条' },
    });
    expect(c.nextStep.who.userIds).toEqual(expect.arrayContaining([b.officerA.id, b.officerB.id]));
    expect(c.stagePath[0]).toBe('investigating');
    expect(c.stagePath.at(-1)).toBe('archived');
  });

  it('every refused action carries its code, an article and the message with it', async () => {
    const c = await get(b.leader.headers);
    const refused = (c.actions as ActionJson[]).filter((a) => !a.allowed);
    expect(refused.length).toBeGreaterThan(3);
    for (const a of refused) {
      expect(a.code, a.action).not.toBe('STAGE_DOES_NOT_ALLOW');
      expect(a.citation?.article, a.action).toMatch(/^第.+条/);
      expect(a.message, a.action).toContain(`${a.citation!.law} ${a.citation!.article}`);
    }
    // 行政处罚法 第五十七条: the head's decision needs the investigation concluded and reviewed first.
    expect(refused.find((a) => a.action === 'decide')).toMatchObject({ code: 'CASE_REVIEW_MISSING', citation: { article: '第五十七条' } });
    expect(refused.find((a) => a.action === 'case_review')).toMatchObject({ code: 'SUBMISSION_REQUIRED', message: '须先调查终结并提交案件审查 (行政处罚法 第五十七条第一款)' });
  });

  it('messages follow the request language', async () => {
    const c = await get({ ...b.leader.headers, 'accept-language': 'en' });
    expect((c.actions as ActionJson[]).find((a) => a.action === 'case_review')!.message).toContain('submitted for case review');
  });

  it('a refused step says the same precondition as the list (行政处罚法 第六十一条)', async () => {
    const serve = await post(ctx, b.officerA, `/api/cases/${caseId}/serve`, { servedOn: '2021-07-19', method: 'in_person', receiver: '张三' });
    expect(serve.status).toBe(409);
    expect(serve.body.error).toMatchObject({ code: 'DECISION_REQUIRED', citation: { article: '第五十七条' } });
    expect(serve.body.error.message).toContain('须先作出处罚决定');
  });

  it('after the submission the next step is the case review, by the heads', async () => {
    expect((await post(ctx, b.officerA, `/api/cases/${caseId}/record-investigation`, {
      kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查',
    })).status).toBe(200);
    expect((await post(ctx, b.officerA, `/api/cases/${caseId}/submit`, { proposal: PROPOSAL(20_000_00) })).status).toBe(200);
    const c = await get(b.officerA.headers);
    expect(c.nextStep).toMatchObject({ what: 'case_review', who: { userIds: [] } });
    expect(c.nextStep.who.roles).toContain('bureau_leader');
    expect((c.actions as ActionJson[]).find((a) => a.action === 'record_investigation')).toMatchObject({ allowed: false, code: 'INVESTIGATION_CONCLUDED', citation: { article: '第五十七条' } });
  });
});
