// The party's rights through the case routes (issue 9, items 1–3, 7, 12, 13): each refusal with its article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loginHeaders, TEST_PASSWORD, type TestContext } from '../../test/helpers/app.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { ENGINE } from '../../test/helpers/db.js';
import { ALL_FINDINGS_OK, fileCase, makeBureau, post, PROPOSAL, type Bureau } from '../../test/helpers/cases.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`the party's rights through the case routes (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-09-01');
  beforeAll(async () => { ctx = await createTestContext({ clock: () => today }); b = await makeBureau(ctx); });
  afterAll(async () => ctx.close());

  const get = async (url: string) => (await ctx.app.inject({ method: 'GET', url, headers: b.leader.headers })).json();
  const decide = (id: number, extra: Record<string, unknown> = {}) =>
    post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 60_000_00, reasons: '违法事实清楚', basis: '水污染防治法第八十二条', ...extra });
  /** A case at notification with a 60 000-yuan proposal: above the hearing threshold, below the major-fine line. */
  async function notifiedCase(fineFen = 60_000_00) {
    today = at('2021-09-01');
    const id = await fileCase(ctx, b, '2021-09-01');
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-09-01', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' });
    expect((await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: PROPOSAL(fineFen) })).status).toBe(200);
    expect((await post(ctx, b.leader, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' })).body.stage).toBe('notification');
    const notified = await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: '2021-09-01', content: '拟罚款六万元' });
    expect(notified.status).toBe(200);
    return { id, notified: notified.body };
  }

  it('行政处罚法 第六十三条: 60 000 yuan on an organisation is 较大数额 by default; cases between thresholds are listed', async () => {
    const { id, notified } = await notifiedCase();
    expect(notified.notification).toMatchObject({ hearingOffered: true, hearingRequestDueOn: '2021-09-08' });
    const raised = await get('/api/cases/threshold-review?organisationFen=7000000&individualFen=500000');
    expect(raised.current).toEqual({ organisationFen: 50_000_00, individualFen: 5_000_00 });
    expect(raised.items.find((i: { id: number }) => i.id === id)).toMatchObject({ proposedFineFen: 60_000_00, hearingOffered: true, hearingUnderNew: false, notified: true });
    const nearby = await get('/api/cases/threshold-review?organisationFen=5500000&individualFen=500000');
    expect(nearby.items.some((i: { id: number }) => i.id === id)).toBe(false);
    // Without figures: the ones an upgraded installation proposed under (100 000 yuan), before they were a setting.
    const upgrade = await get('/api/cases/threshold-review');
    expect(upgrade).toMatchObject({ source: 'upgrade', other: { organisationFen: 100_000_00, individualFen: 10_000_00 } });
    expect(upgrade.items.some((i: { id: number }) => i.id === id)).toBe(true);
  });

  it('行政处罚法 第六十二条, 第六十四条 (一): waiving the statement does not waive the hearing', async () => {
    const { id } = await notifiedCase();
    await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: '2021-09-01', content: '放弃陈述申辩', waived: true });
    const early = await decide(id);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'HEARING_REQUEST_WINDOW_OPEN', citation: { law: '行政处罚法', article: '第六十四条' } });
    expect(early.body.error.message).toMatch(/听证/);
    const waived = await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: '2021-09-01', content: '书面放弃听证', hearingWaived: true });
    expect(waived.body.notification.hearingWaivedOn).toBe('2021-09-01');
    expect((await decide(id)).status).toBe(200);
  });

  it('行政处罚法 第四十四条, 第四十五条: the decision is compared with the notice; re-notification re-opens the hearing right', async () => {
    const { id } = await notifiedCase();
    await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: '2021-09-01', content: '放弃', waived: true, hearingWaived: true });
    const extraKind = await decide(id, { penaltyKinds: ['fine', 'warning'] });
    expect(extraKind.status).toBe(422);
    expect(extraKind.body.error).toMatchObject({ code: 'PENALTY_NOT_NOTIFIED', field: 'penaltyKinds', citation: { article: '第四十四条' } });
    const heavier = await decide(id, { fineFen: 70_000_00 });
    expect(heavier.body.error).toMatchObject({ code: 'HEAVIER_AFTER_DEFENCE', field: 'fineFen', citation: { article: '第四十五条' } });
    today = at('2021-09-02');
    const backdated = await post(ctx, b.officerA, `/api/cases/${id}/renotify`, { servedOn: '2021-08-31', content: '重新告知', reason: '增加警告', proposal: { ...PROPOSAL(80_000_00), penaltyKinds: ['fine', 'warning'] } });
    expect(backdated.body.error).toMatchObject({ code: 'DATE_BEFORE_FILING', field: 'servedOn', citation: { article: '第四十七条' } });
    const renotified = await post(ctx, b.officerA, `/api/cases/${id}/renotify`, { servedOn: '2021-09-02', content: '重新告知', reason: '增加警告', proposal: { ...PROPOSAL(80_000_00), penaltyKinds: ['fine', 'warning'] } });
    expect(renotified.status).toBe(200);
    expect(renotified.body.notification).toMatchObject({ round: 2, penaltyKinds: ['fine', 'warning'], proposedFineFen: 80_000_00, hearingOffered: true, hearingWaivedOn: null });
    expect(renotified.body.statementWaived).toBe(false);
    expect(renotified.body.stage).toBe('awaiting_statement');
    expect((await decide(id, { penaltyKinds: ['fine', 'warning'], fineFen: 80_000_00 })).body.error.code).toBe('STATEMENT_WINDOW_OPEN');
    // The party waived the hearing on the first notice; the new notice gives the right back.
    const requested = await post(ctx, b.officerA, `/api/cases/${id}/request-hearing`, { requestedOn: '2021-09-02' });
    expect(requested.status).toBe(200);
    expect(requested.body.stage).toBe('hearing');
    expect((await post(ctx, b.officerA, `/api/cases/${id}/schedule-hearing`, { hostId: b.officerC.id, noticeOn: '2021-09-02', scheduledOn: '2021-09-13', location: '听证室' })).status).toBe(200);
    today = at('2021-09-13');
    const held = await post(ctx, b.officerC, `/api/cases/${id}/hold-hearing`, { heldOn: '2021-09-13', record: '当事人陈述' });
    expect(held.status).toBe(200);
    // 第五十八条 (二): after the hearing the case is reviewed before the decision, on the amended proposal.
    expect(held.body.stage).toBe('legal_review');
  });

  it('行政处罚法 第五十七条, 第五十八条: an amended, heavier notice re-runs the legal-review and discussion tests', async () => {
    const { id } = await notifiedCase();
    await post(ctx, b.officerA, `/api/cases/${id}/statement`, { receivedOn: '2021-09-01', content: '放弃', waived: true, hearingWaived: true });
    today = at('2021-09-02');
    const renotified = await post(ctx, b.officerA, `/api/cases/${id}/renotify`, { servedOn: '2021-09-02', content: '重新告知', reason: '罚款数额调整', proposal: PROPOSAL(300_000_00) });
    expect(renotified.body.stage).toBe('legal_review');
    const refused = await decide(id, { fineFen: 300_000_00 });
    expect(refused.body.error).toMatchObject({ code: 'LEGAL_REVIEW_MISSING', citation: { article: '第五十八条' } });
    expect((await post(ctx, b.reviewer, `/api/cases/${id}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' })).body.stage).toBe('collective_discussion');
  });

  it('行政处罚法 第三十四条, 第三十二条: a proposed fine names its provision and stays inside its legal range; a ceiling guards typos', async () => {
    const id = await fileCase(ctx, b, '2021-09-02');
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-09-02', officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' });
    const submit = (proposal: object) => post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal });
    const unnamed = await submit({ ...PROPOSAL(200_000_00), penaltyProvisionCode: null });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.error).toMatchObject({ code: 'PENALTY_PROVISION_REQUIRED', field: 'proposal.penaltyProvisionCode', citation: { article: '第五十九条' } });
    expect((await submit({ ...PROPOSAL(200_000_00), penaltyProvisionCode: 'NO-SUCH' })).body.error).toMatchObject({ code: 'PENALTY_PROVISION_UNKNOWN', field: 'proposal.penaltyProvisionCode' });
    const below = await submit({ ...PROPOSAL(200_000_00), fineFen: 5_000_00 });
    expect(below.body.error).toMatchObject({ code: 'FINE_BELOW_LEGAL_RANGE', field: 'proposal.fineFen', citation: { article: '第三十二条' } });
    const above = await submit({ ...PROPOSAL(200_000_00), fineFen: 1_000_000_01 });
    expect(above.body.error).toMatchObject({ code: 'FINE_ABOVE_LEGAL_RANGE', field: 'proposal.fineFen', citation: { law: '水污染防治法', article: '第八十三条' } });
    const typo = await submit({ ...PROPOSAL(200_000_00), fineFen: 1_000_000_000_00 + 1 });
    expect(typo.status).toBe(422);
    expect(typo.body.error).toMatchObject({ code: 'FINE_ABOVE_CEILING', field: 'proposal.fineFen' });
    expect((await submit({ ...PROPOSAL(200_000_00), penaltyKinds: ['warning'], fineFen: 0, penaltyProvisionCode: null })).status).toBe(200);
  });

  it('行政处罚法 第四十二条, 第四十七条, 第五十七条, 第五十八条: who records and reviews, and no date before its predecessor', async () => {
    const id = await fileCase(ctx, b, '2021-09-02');
    const act = (who: keyof Bureau, name: string, body: object) => post(ctx, b[who] as Bureau['admin'], `/api/cases/${id}/${name}`, body);
    const early = await act('officerA', 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-09-01', officerIds: [b.officerA.id, b.officerB.id], summary: '检查' });
    expect(early.body.error).toMatchObject({ code: 'DATE_BEFORE_FILING', field: 'occurredOn', citation: { article: '第四十七条' } });
    const stranger = await act('officerA', 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-09-02', officerIds: [b.officerA.id, b.officerC.id], summary: '检查' });
    expect(stranger.body.error).toMatchObject({ code: 'OFFICER_NOT_ASSIGNED', field: 'officerIds', citation: { article: '第四十二条' } });
    expect((await act('officerA', 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-09-02', officerIds: [b.officerA.id, b.officerB.id], summary: '检查' })).status).toBe(200);
    await act('officerA', 'submit', { proposal: PROPOSAL(200_000_00) });
    expect((await act('reviewer', 'case-review', { outcome: 'passed', opinion: '同意' })).status).toBe(200);
    today = at('2021-09-03');
    const same = await act('reviewer', 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' });
    expect(same.status).toBe(422);
    expect(same.body.error).toMatchObject({ code: 'CASE_AND_LEGAL_REVIEWER_SAME', field: 'reviewerId', citation: { article: '第五十八条' } });
    expect((await act('reviewer2', 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' })).body.stage).toBe('collective_discussion');
    const meeting = (heldOn: string, memberIds: number[]) => post(ctx, b.members[0]!, '/api/committee/meetings', { heldOn, location: '会议室', chairId: b.members[0]!.id, memberIds, attendeeIds: memberIds });
    const withOfficer = await meeting('2021-09-03', [...b.members.map((m) => m.id), b.officerC.id]);
    expect(withOfficer.body.error).toMatchObject({ code: 'COMMITTEE_MEMBER_NOT_HEAD', field: 'memberIds', citation: { article: '第五十七条', paragraph: '第二款' } });
    const before = await meeting('2021-09-02', b.members.map((m) => m.id));
    const opinions = [{ memberId: b.members[0]!.id, opinion: '同意' }];
    const discussedEarly = await post(ctx, b.members[0]!, `/api/cases/${id}/collective-discussion`, { meetingId: before.body.id, opinions, decision: 'approve', conclusion: '同意' });
    expect(discussedEarly.body.error).toMatchObject({ code: 'DATE_BEFORE_LEGAL_REVIEW', field: 'meetingId' });
    const onDay = await meeting('2021-09-03', b.members.map((m) => m.id));
    expect((await post(ctx, b.members[0]!, `/api/cases/${id}/collective-discussion`, { meetingId: onDay.body.id, opinions, decision: 'approve', conclusion: '同意' })).body.stage).toBe('notification');
    expect((await act('officerA', 'notify', { servedOn: '2021-09-02', content: '告知' })).body.error).toMatchObject({ code: 'DATE_BEFORE_LEGAL_REVIEW', field: 'servedOn' });
    expect((await act('officerA', 'notify', { servedOn: '2021-09-03', content: '告知' })).status).toBe(200);
    expect((await act('officerA', 'statement', { receivedOn: '2021-09-04', content: '陈述' })).body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'receivedOn' });
    expect((await act('officerA', 'request-hearing', { requestedOn: '2021-09-03' })).status).toBe(200);
    const notice = await act('officerA', 'schedule-hearing', { hostId: b.officerC.id, noticeOn: '2021-09-02', scheduledOn: '2021-09-20', location: '听证室' });
    expect(notice.status).toBe(422);
    expect(notice.body.error).toMatchObject({ code: 'DATE_BEFORE_HEARING_REQUEST', field: 'noticeOn' });
  });

  it('行政处罚法 第五十八条第二款: only a reviewer who began after 2021-07-15 needs the legal qualification', async () => {
    const reviewer = async (username: string, legalReviewStartedOn: string) => {
      const u = await addUser(ctx.database.db, SYSTEM_ACTOR, {
        username, displayName: username, password: TEST_PASSWORD, role: 'legal_reviewer', districtId: null, departmentId: null, enterpriseId: null,
        credentialNo: null, holdsLegalQualification: false, legalReviewStartedOn,
      }, new Date());
      if (!u.ok) throw new Error(u.code);
      return { id: u.value.id, headers: await loginHeaders(ctx.app, username, TEST_PASSWORD) };
    };
    const veteran = await reviewer('reviewer-since-2019', '2019-03-01');
    const newcomer = await reviewer('reviewer-since-2022', '2021-09-01');
    today = at('2021-09-06');
    const id = await fileCase(ctx, b, '2021-09-06');
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-09-06', officerIds: [b.officerA.id, b.officerB.id], summary: '检查' });
    await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: PROPOSAL(200_000_00) });
    await post(ctx, b.leader, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' });
    const refused = await post(ctx, newcomer, `/api/cases/${id}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'LEGAL_REVIEWER_NOT_QUALIFIED', citation: { article: '第五十八条', paragraph: '第二款' } });
    expect((await post(ctx, veteran, `/api/cases/${id}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' })).status).toBe(200);
  });

  it('行政处罚法 第四十四条, 第五十八条 (二): a major case re-notified before its hearing is reviewed and discussed again after it', async () => {
    today = at('2021-07-19');
    const id = await fileCase(ctx, b, '2021-07-19');
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '检查' });
    await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: PROPOSAL(200_000_00) });
    await post(ctx, b.leader, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '同意' });
    await post(ctx, b.reviewer, `/api/cases/${id}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' });
    const members = b.members.map((m) => m.id);
    const meet = async (heldOn: string) => (await post(ctx, b.members[0]!, '/api/committee/meetings', { heldOn, location: '会议室', chairId: members[0], memberIds: members, attendeeIds: members })).body.id;
    const opinions = [{ memberId: members[0]!, opinion: '同意' }];
    expect((await post(ctx, b.members[0]!, `/api/cases/${id}/collective-discussion`, { meetingId: await meet('2021-07-19'), opinions, decision: 'approve', conclusion: '同意' })).body.stage).toBe('notification');
    await post(ctx, b.officerA, `/api/cases/${id}/notify`, { servedOn: '2021-07-19', content: '告知' });
    today = at('2021-07-20');
    const re = await post(ctx, b.officerA, `/api/cases/${id}/renotify`, { servedOn: '2021-07-20', content: '重新告知', reason: '增加警告', proposal: { ...PROPOSAL(200_000_00), penaltyKinds: ['fine', 'warning'] } });
    expect(re.body.stage).toBe('legal_review');
    today = at('2021-07-22');
    expect((await post(ctx, b.officerA, `/api/cases/${id}/request-hearing`, { requestedOn: '2021-07-22' })).body.stage).toBe('hearing');
    expect((await post(ctx, b.officerA, `/api/cases/${id}/schedule-hearing`, { hostId: b.officerC.id, noticeOn: '2021-07-22', scheduledOn: '2021-08-02', location: '听证室' })).status).toBe(200);
    today = at('2021-08-02');
    const held = await post(ctx, b.officerC, `/api/cases/${id}/hold-hearing`, { heldOn: '2021-08-02', record: '听证' });
    expect(held.body.stage).toBe('legal_review');
    expect((await post(ctx, b.reviewer, `/api/cases/${id}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '复核' })).body.stage).toBe('collective_discussion');
    expect((await post(ctx, b.members[0]!, `/api/cases/${id}/collective-discussion`, { meetingId: await meet('2021-08-02'), opinions, decision: 'approve', conclusion: '维持' })).body.stage).toBe('deciding');
    const decided = await post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'penalty', penaltyKinds: ['fine', 'warning'], fineFen: 200_000_00, reasons: '事实清楚', basis: '水污染防治法第八十三条' });
    expect(decided.body).toMatchObject({ stage: 'decided', decisionFineFen: 200_000_00 });
  });
});
