// 环境保护法 第五十九条, 第六十条; 行政处罚法 第九条 (四), 第四十四条, 第六十三条 (四): a suspension (and a closure)
// runs the case's penalty procedure — notice with the hearing offer, statement, legal review, collective
// discussion, decision document — and only then is the measure recorded, under the case decision's number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { ALL_FINDINGS_OK, fileCase, makeBureau, post, type Bureau } from '../../test/helpers/cases.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const TODAY = '2021-03-10';

describe(`限制生产、停产整治 and 责令关闭 through the penalty procedure (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at(TODAY) });
    b = await makeBureau(ctx);
  });
  afterAll(async () => ctx.close());

  const ok = (r: { status: number; body: unknown }, step: string) => expect(r.status, `${step}: ${JSON.stringify(r.body)}`).toBeLessThan(300);

  /** Filed, investigated, proposed with `kinds`, reviewed, legally reviewed, discussed, notified, statement and hearing waived. */
  async function readyToDecide(kinds: string[]): Promise<number> {
    const id = await fileCase(ctx, b, '2021-03-01');
    ok(await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: TODAY, officerIds: [b.officerA.id, b.officerB.id], summary: '通过暗管排放废水' }), 'investigation');
    ok(await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: {
      penaltyKinds: kinds, fineFen: 0, facts: '该公司通过暗管排放水污染物，逃避监管。', violatedProvisions: '《中华人民共和国水污染防治法》第三十九条',
      penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（三）项', discretionReason: null,
    } }), 'submit');
    ok(await post(ctx, b.reviewer, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '事实清楚' }), 'case review');
    ok(await post(ctx, b.reviewer2, `/api/cases/${id}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' }), 'legal review');
    const ids = b.members.map((m) => m.id);
    const meeting = await post(ctx, b.members[0]!, '/api/committee/meetings', { heldOn: TODAY, location: '会议室', chairId: ids[0], memberIds: ids, attendeeIds: ids, minutes: '' });
    ok(meeting, 'meeting');
    ok(await post(ctx, b.members[0]!, `/api/cases/${id}/collective-discussion`, { meetingId: meeting.body.id, opinions: ids.map((memberId) => ({ memberId, opinion: '同意' })), decision: 'approve', conclusion: '同意' }), 'discussion');
    const notified = await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: TODAY, content: '拟责令停产整治' });
    ok(notified, 'notify');
    // 行政处罚法 第六十三条 (四): 责令停产停业、责令关闭 carry the hearing offer.
    expect(notified.body.notification).toMatchObject({ hearingOffered: true });
    ok(await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: TODAY, content: '放弃陈述申辩，书面放弃听证', waived: true, hearingWaived: true }), 'statement');
    return id;
  }

  it('环境保护法 第六十条: a suspension is recorded only after the case decided it, with the case decision\'s number', async () => {
    const id = await readyToDecide(['suspension']);
    const measure = { kind: 'production_restriction', responsibleOfficerId: b.officerA.id, mode: 'suspension', ground: 'evading_supervision', servedOn: TODAY, requirements: '停产整治，拆除暗管' };
    const early = await post(ctx, b.officerA, `/api/cases/${id}/measures`, measure);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'MEASURE_DECISION_NOT_IN_CASE', citation: { law: '行政处罚法', article: '第四十四条' } });
    const decided = await post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['suspension'], fineFen: 0, reasons: '通过暗管排放水污染物', basis: '《中华人民共和国水污染防治法》第八十三条第（三）项' });
    ok(decided, 'decide');
    const m = await post(ctx, b.officerA, `/api/cases/${id}/measures`, measure);
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect(m.body.record).toMatchObject({ mode: 'suspension', decisionNumber: decided.body.decisionNumber, decidedOn: TODAY });
    const doc = await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}/documents/penalty-decision`, headers: b.officerA.headers });
    expect(doc.statusCode).toBe(200);
  });

  it('环境保护法 第六十条: 责令关闭 needs the approving people\'s government, its document number and date', async () => {
    const id = await readyToDecide(['closure']);
    const body = { kind: 'penalty', penaltyKinds: ['closure'], fineFen: 0, reasons: '情节严重', basis: '《中华人民共和国环境保护法》第六十条' };
    const without = await post(ctx, b.leader, `/api/cases/${id}/decide`, body);
    expect(without.status).toBe(422);
    expect(without.body.error).toMatchObject({ code: 'GOVERNMENT_APPROVAL_REQUIRED', field: 'governmentApproval', citation: { law: '环境保护法', article: '第六十条' } });
    const late = await post(ctx, b.leader, `/api/cases/${id}/decide`, { ...body, governmentApproval: { approver: '烟台市人民政府', documentNumber: '烟政字〔2021〕9号', approvedOn: '2021-03-11' } });
    expect(late.body.error).toMatchObject({ code: 'GOVERNMENT_APPROVAL_AFTER_DECISION', field: 'governmentApproval.approvedOn' });
    const approved = await post(ctx, b.leader, `/api/cases/${id}/decide`, { ...body, governmentApproval: { approver: '烟台市人民政府', documentNumber: '烟政字〔2021〕9号', approvedOn: '2021-03-09' } });
    ok(approved, 'decide with approval');
    const c = await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: b.officerA.headers });
    expect(c.json().decision).toMatchObject({ governmentApproval: { approver: '烟台市人民政府', documentNumber: '烟政字〔2021〕9号' } });
  });
});
