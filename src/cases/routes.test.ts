import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { ALL_FINDINGS_OK, fileCase, makeBureau, post, PROPOSAL, type Bureau } from '../../test/helpers/cases.js';

/** The test clock: China noon on the given civil date. */
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`a major case from lead to archive, through every gate (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-07-19');
  let caseId: number;
  const action = (who: keyof Bureau | 'member0', name: string, payload: unknown) => {
    const person = who === 'member0' ? b.members[0]! : (b[who] as Bureau['admin']);
    return post(ctx, person, `/api/cases/${caseId}/${name}`, payload);
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
    caseId = await fileCase(ctx, b, '2021-07-19');
  });
  afterAll(async () => ctx.close());

  it('立案: the case has a gap-free number and a 90-day decision deadline (行政处罚法 第六十条)', async () => {
    const c = (await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: b.officerA.headers })).json();
    expect(c.number).toBe('烟环立〔2021〕1号');
    expect(c.stage).toBe('investigating');
    // 2021-07-19 + 90 days = 2021-10-17, a Sunday → the next working day, Monday 2021-10-18.
    expect(c.decisionDueOn).toBe('2021-10-18');
    expect(c.actions.find((a: { action: string }) => a.action === 'record_investigation')).toMatchObject({ allowed: true });
  });

  it('行政处罚法 第四十二条: an investigation record needs two credentialed officers', async () => {
    const one = await action('officerA', 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id], summary: '现场检查' });
    expect(one.status).toBe(422);
    expect(one.body.error).toMatchObject({ code: 'TWO_OFFICERS_REQUIRED', field: 'officerIds', citation: { article: '第四十二条' } });
    const two = await action('officerA', 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查，废水总排口采样' });
    expect(two.status).toBe(200);
  });

  it('a 200 000-yuan fine makes the case major; case review by a non-investigator', async () => {
    expect((await action('officerA', 'submit', { proposal: PROPOSAL(200_000_00) })).status).toBe(200);
    const review = await action('leader', 'case-review', { outcome: 'passed', opinion: '事实清楚' });
    expect(review.status).toBe(200);
    expect(review.body.stage).toBe('legal_review');
  });

  it('行政处罚法 第五十八条: no collective discussion and no decision before a passed legal review', async () => {
    const meeting = await post(ctx, b.members[0]!, '/api/committee/meetings', {
      heldOn: '2021-07-19', location: '局三楼会议室', chairId: b.members[0]!.id, memberIds: b.members.map((m) => m.id), attendeeIds: b.members.slice(0, 2).map((m) => m.id),
    });
    expect(meeting.status).toBe(201);
    const discussion = await action('member0', 'collective-discussion', { meetingId: meeting.body.id, opinions: [{ memberId: b.members[0]!.id, opinion: '同意' }], decision: 'approve', conclusion: '同意处罚' });
    expect(discussion.status).toBe(409);
    expect(discussion.body.error).toMatchObject({ code: 'LEGAL_REVIEW_MISSING', citation: { law: '行政处罚法', article: '第五十八条' } });
    const decision = await action('leader', 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 200_000_00, reasons: '违法事实清楚', basis: '水污染防治法第八十三条' });
    expect(decision.status).toBe(409);
    expect(decision.body.error.code).toBe('LEGAL_REVIEW_MISSING');
    const byOfficer = await action('officerA', 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '通过' });
    expect(byOfficer.status).toBe(403);
  });

  it('legal review passes, then the committee discusses the case (行政处罚法 第五十七条)', async () => {
    const contradictory = await action('reviewer', 'legal-review', { findings: { ...ALL_FINDINGS_OK, evidence: { ok: false, note: '缺少采样记录' } }, outcome: 'passed', opinion: '通过' });
    expect(contradictory.status).toBe(422);
    expect(contradictory.body.error.field).toBe('findings.evidence');
    const passed = await action('reviewer', 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' });
    expect(passed.body.stage).toBe('collective_discussion');
    const meetings = (await ctx.app.inject({ method: 'GET', url: '/api/committee/meetings', headers: b.leader.headers })).json();
    const discussion = await action('member0', 'collective-discussion', { meetingId: meetings.items[0].id, opinions: [{ memberId: b.members[0]!.id, opinion: '同意' }, { memberId: b.members[1]!.id, opinion: '同意' }], decision: 'approve', conclusion: '同意罚款二十万元' });
    expect(discussion.status).toBe(200);
    expect(discussion.body.stage).toBe('notification');
  });

  it('行政处罚法 第四十四条, 第六十三条: notification opens a 5-working-day window and offers a hearing', async () => {
    const notified = await action('officerA', 'notify', { servedOn: '2021-07-19', content: '拟罚款二十万元' });
    expect(notified.status).toBe(200);
    expect(notified.body.notification).toMatchObject({ hearingOffered: true, statementDueOn: '2021-07-26', hearingRequestDueOn: '2021-07-26', proposedFineFen: 200_000_00 });
    const early = await action('leader', 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 200_000_00, reasons: 'x', basis: 'y' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'STATEMENT_WINDOW_OPEN', citation: { article: '第四十四条' } });
  });

  it('行政处罚法 第六十四条: a late hearing request is refused; the host cannot be an investigator; 7 working days notice', async () => {
    today = at('2021-07-22');
    const future = await action('officerA', 'request-hearing', { requestedOn: '2021-07-23' });
    expect(future.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'requestedOn' });
    today = at('2021-07-27');
    const late = await action('officerA', 'request-hearing', { requestedOn: '2021-07-27' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'HEARING_REQUEST_LATE', field: 'requestedOn', citation: { article: '第六十四条' } });
    // The request the party sent on 21 July, registered late, is in time.
    expect((await action('officerA', 'request-hearing', { requestedOn: '2021-07-21' })).status).toBe(200);
    const investigatorHost = await action('officerA', 'schedule-hearing', { hostId: b.officerA.id, noticeOn: '2021-07-22', scheduledOn: '2021-08-03', location: '听证室' });
    expect(investigatorHost.status).toBe(422);
    expect(investigatorHost.body.error).toMatchObject({ code: 'HEARING_HOST_IS_INVESTIGATOR', field: 'hostId', citation: { article: '第六十四条' } });
    const short = await action('officerA', 'schedule-hearing', { hostId: b.officerC.id, noticeOn: '2021-07-22', scheduledOn: '2021-07-30', location: '听证室' });
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'HEARING_NOTICE_TOO_SHORT', field: 'scheduledOn' });
    // Seven working days after 22 July (Thursday) end on Monday 2 August.
    const ok = await action('officerA', 'schedule-hearing', { hostId: b.officerC.id, noticeOn: '2021-07-22', scheduledOn: '2021-08-02', location: '听证室' });
    expect(ok.body).toMatchObject({ stage: 'hearing' });
    const pending = await action('leader', 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 200_000_00, reasons: 'x', basis: 'y' });
    expect(pending.body.error.code).toBe('HEARING_PENDING');
  });

  it('行政处罚法 第五十八条 (二): after the hearing the case is reviewed again before any decision', async () => {
    today = at('2021-08-02');
    const held = await action('officerC', 'hold-hearing', { heldOn: '2021-08-02', record: '当事人陈述意见' });
    expect(held.status).toBe(200);
    expect(held.body.stage).toBe('legal_review');
    const decide = await action('leader', 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 200_000_00, reasons: 'x', basis: 'y' });
    expect(decide.body.error).toMatchObject({ code: 'LEGAL_REVIEW_MISSING', citation: { article: '第五十八条' } });
    expect((await action('reviewer2', 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '听证后审核通过' })).body.stage).toBe('collective_discussion');
    const meetings = (await ctx.app.inject({ method: 'GET', url: '/api/committee/meetings', headers: b.leader.headers })).json();
    const sameMeeting = await action('member0', 'collective-discussion', { meetingId: meetings.items[0].id, opinions: [{ memberId: b.members[0]!.id, opinion: '维持' }], decision: 'approve', conclusion: '维持' });
    expect(sameMeeting.body.error).toMatchObject({ code: 'CASE_ALREADY_DISCUSSED_AT_MEETING', field: 'meetingId' });
    const second = await post(ctx, b.members[0]!, '/api/committee/meetings', {
      heldOn: '2021-08-02', location: '局三楼会议室', chairId: b.members[0]!.id, memberIds: b.members.map((m) => m.id), attendeeIds: b.members.map((m) => m.id),
    });
    const discussed = await action('member0', 'collective-discussion', { meetingId: second.body.id, opinions: [{ memberId: b.members[0]!.id, opinion: '维持' }], decision: 'approve', conclusion: '维持原处罚意见' });
    expect(discussed.body.stage).toBe('deciding');
  });

  it('行政处罚法 第四十五条: no heavier penalty after defence; the decision gets its number', async () => {
    const heavier = await action('leader', 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 250_000_00, reasons: 'x', basis: 'y' });
    expect(heavier.status).toBe(422);
    expect(heavier.body.error).toMatchObject({ code: 'HEAVIER_AFTER_DEFENCE', field: 'fineFen', citation: { article: '第四十五条' } });
    const decided = await action('leader', 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 200_000_00, reasons: '违法事实清楚，证据确凿', basis: '《中华人民共和国水污染防治法》第八十三条' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ stage: 'decided', decisionNumber: '烟环罚〔2021〕1号', decisionFineFen: 200_000_00 });
  });

  it('行政处罚法 第六十七条, 第七十二条: 15 days to pay, then 3 % a day; closure needs full execution', async () => {
    const served = await action('officerA', 'serve', { servedOn: '2021-08-02', method: 'in_person', receiver: '王测试' });
    expect(served.body).toMatchObject({ stage: 'executing', paymentDueOn: '2021-08-17' });
    expect((await action('leader', 'close', { summary: '结案' })).body.error.code).toBe('EXECUTION_INCOMPLETE');
    today = at('2021-08-19');
    const fine = await action('officerA', 'pay', { paidOn: '2021-08-19', amountFen: 200_000_00 });
    // Two days late: 6 % of 200 000 yuan = 12 000 yuan surcharge still due.
    expect(fine.body).toMatchObject({ amountDueFen: 212_000_00, paidFen: 200_000_00 });
    const tooMuch = await action('officerA', 'pay', { paidOn: '2021-08-19', amountFen: 12_000_01 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('PAYMENT_EXCEEDS_AMOUNT_DUE');
    expect((await action('officerA', 'pay', { paidOn: '2021-08-19', amountFen: 12_000_00 })).status).toBe(200);
    expect((await action('leader', 'close', { summary: '罚款及加处罚款已缴清' })).body.stage).toBe('closed');
  });

  it('an archived case is frozen, and every step is in the audit chain', async () => {
    expect((await action('officerA', 'archive', {})).body.stage).toBe('archived');
    const after = await action('officerA', 'pay', { paidOn: '2021-08-19', amountFen: 1 });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('CASE_ARCHIVED');
    const audit = (await ctx.app.inject({ method: 'GET', url: `/api/audit?entity=case&entityId=${caseId}&pageSize=100`, headers: b.admin.headers })).json();
    expect(audit.items.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['case.file', 'case.legal_review', 'case.collective_discussion', 'case.decide', 'case.archive']));
    const verify = (await ctx.app.inject({ method: 'GET', url: '/api/audit/verify', headers: b.admin.headers })).json();
    expect(verify.ok).toBe(true);
  });
  it('统一文书: every document the case reached is produced from its records, numbered, with its key fields', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents`, headers: b.officerA.headers })).json();
    const byKind = Object.fromEntries(list.items.map((d: { kind: string }) => [d.kind, d]));
    expect(byKind['filing-approval']).toMatchObject({ available: true, number: '烟环立〔2021〕1号' });
    expect(byKind['hearing-notice']).toMatchObject({ available: true, number: '烟环听告〔2021〕1号' });
    expect(byKind['prior-notice'].available).toBe(false);
    expect(byKind['legal-review-opinion']).toMatchObject({ available: true, number: '烟环法审〔2021〕2号' });
    expect(byKind['penalty-decision']).toMatchObject({ available: true, number: '烟环罚〔2021〕1号' });
    expect(byKind['no-penalty-decision'].available).toBe(false);
    expect(byKind['closure-approval']).toMatchObject({ available: true, number: '烟环结〔2021〕1号' });
    const res = await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents/penalty-decision`, headers: b.officerA.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const expected of ['行政处罚决定书', '烟环罚〔2021〕1号', '烟台测试化工有限公司', '贰拾万元整', '烟环听告〔2021〕1号', '第八十三条']) expect(xml).toContain(expected);
    const missing = await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents/no-penalty-decision`, headers: b.officerA.headers });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.code).toBe('DOCUMENT_NOT_AVAILABLE');
  });
});

describe(`an ordinary case (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-09-01');
  beforeAll(async () => { ctx = await createTestContext({ clock: () => today }); b = await makeBureau(ctx); });
  afterAll(async () => ctx.close());

  it('行政处罚法 第六十二条: no penalty decision without prior notification; no legal review needed for a small fine', async () => {
    const id = await fileCase(ctx, b, '2021-09-01');
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inquiry_record', occurredOn: '2021-09-01', officerIds: [b.officerA.id, b.officerB.id], summary: '询问' });
    await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: PROPOSAL(20_000_00) });
    const reviewed = await post(ctx, b.leader, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' });
    expect(reviewed.body.stage).toBe('notification');
    const decided = await post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 20_000_00, reasons: 'x', basis: 'y' });
    expect(decided.status).toBe(409);
    expect(decided.body.error).toMatchObject({ code: 'NOTIFICATION_MISSING', citation: { article: '第六十二条' } });
    const notified = await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: '2021-09-01', content: '拟罚款两万元' });
    expect(notified.body.notification.hearingOffered).toBe(false);
    // The party waives its statement: the decision may follow at once.
    await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: '2021-09-01', content: '放弃陈述申辩', waived: true });
    const ok = await post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 20_000_00, reasons: 'x', basis: 'y' });
    expect(ok.status).toBe(200);
  });

  it('行政处罚法 第三十六条: no case for an act discovered after the limitation period', async () => {
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'complaint', enterpriseId: b.enterpriseId, summary: '群众举报', discoveredOn: '2021-09-01' });
    const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, { cause: '旧案', actOn: '2019-08-31', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id });
    expect(filed.status).toBe(422);
    // 行政处罚法 第三十六条, 第三十七条: an act of 2019 is judged by the two years of the 2017 text (第二十九条).
    expect(filed.body.error).toMatchObject({ code: 'LIMITATION_EXPIRED', field: 'actOn', citation: { article: '第二十九条' } });
    // 行政处罚法 第三十七条 (从旧兼从轻): an act before 2021-07-15 keeps the two years of the 2017 text (src/law/limitation.ts).
    const fiveYears = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, { cause: '危害人体健康', actOn: '2019-08-31', longLimitation: true, officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id });
    expect(fiveYears.body.error).toMatchObject({ code: 'LIMITATION_EXPIRED', citation: { article: '第二十九条' } });
    // 第三十六条第二款: a violation that continued into 2021 counts from its end.
    const continuing = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, { cause: '持续排污', actOn: '2019-08-31', continuing: true, actEndedOn: '2021-08-01', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id });
    expect(continuing.status).toBe(201);
  });

  it('the deadlines board lists overdue filing and decisions; the reviewer ratio is reported', async () => {
    await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '待立案', discoveredOn: '2021-09-01' });
    today = at('2021-12-20');
    const board = (await ctx.app.inject({ method: 'GET', url: '/api/cases/deadlines', headers: b.leader.headers })).json();
    expect(board.items.some((i: { kind: string; state: string }) => i.kind === 'filing' && i.state === 'overdue')).toBe(true);
    expect(board.items.some((i: { kind: string; state: string }) => i.kind === 'decision' && i.state === 'overdue')).toBe(true);
    expect(board.byOfficer.find((o: { key: number }) => o.key === b.officerA.id).overdue).toBeGreaterThan(0);
    expect(board.byDistrict[0]).toMatchObject({ key: '芝罘区' });
    expect(board.byUnit.length).toBeGreaterThan(0);
    const ratio = (await ctx.app.inject({ method: 'GET', url: '/api/cases/reviewer-ratio', headers: b.leader.headers })).json();
    expect(ratio).toMatchObject({ reviewers: 2, officers: 3, belowMinimum: false });
  });

  it('400 names the field of a malformed step', async () => {
    const id = await fileCase(ctx, b, '2021-12-20');
    const bad = await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-02-30', officerIds: [b.officerA.id], summary: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('occurredOn');
  });
});
