// Issue 9 items 4, 5, 6, 8, 11, 13 through the case routes: case period, surcharge pauses and schedules,
// court enforcement window, service, hearing absence, crime-transfer suspension, late filing and limitation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { ALL_FINDINGS_OK, fileCase, makeBureau, post, PROPOSAL, type Bureau } from '../../test/helpers/cases.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`issue 9: the enforcement procedure through the case routes (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-07-19');
  const setToday = (on: string) => { today = at(on); };
  const act = (who: keyof Bureau, caseId: number, name: string, payload: unknown) => post(ctx, b[who] as Bureau['admin'], `/api/cases/${caseId}/${name}`, payload);
  const get = async (caseId: number) => (await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: b.admin.headers })).json();
  const ok = (r: { status: number; body: unknown }) => { expect(r.status, JSON.stringify(r.body)).toBe(200); return r.body as Record<string, unknown> & { stage: string }; };

  /** Files a case on `on` and takes it through review, notice and a waived statement; with `decide`, to a served fine. */
  async function caseToDeciding(on: string, fineFen: number) {
    setToday(on);
    const id = await fileCase(ctx, b, on);
    ok(await act('officerA', id, 'record-investigation', { kind: 'inspection_record', occurredOn: on, officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' }));
    ok(await act('officerA', id, 'submit', { proposal: PROPOSAL(fineFen) }));
    let c = ok(await act('leader', id, 'case-review', { outcome: 'passed', opinion: '事实清楚' }));
    if (c.stage === 'legal_review') c = ok(await act('reviewer', id, 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '通过' }));
    if (c.stage === 'collective_discussion') {
      const meeting = await post(ctx, b.members[0]!, '/api/committee/meetings', { heldOn: on, location: '会议室', chairId: b.members[0]!.id, memberIds: b.members.map((m) => m.id), attendeeIds: b.members.map((m) => m.id) });
      ok(await post(ctx, b.members[0]!, `/api/cases/${id}/collective-discussion`, { meetingId: meeting.body.id, opinions: b.members.map((m) => ({ memberId: m.id, opinion: '同意' })), decision: 'approve', conclusion: '同意' }));
    }
    ok(await act('officerA', id, 'notify', { servedOn: on, content: '告知' }));
    return id;
  }
  async function servedFine(on: string, fineFen = 10_000_00) {
    const id = await caseToDeciding(on, fineFen);
    ok(await act('officerA', id, 'statement', { receivedOn: on, content: '', waived: true }));
    const decided = ok(await act('leader', id, 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen, reasons: '违法事实清楚', basis: '水污染防治法第八十三条' }));
    expect(decided.stage).toBe('decided');
    return id;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
  });
  afterAll(async () => ctx.close());

  describe('行政处罚法 第六十条: the case period moves only by approved extension and excluded periods', () => {
    let id: number;
    beforeAll(async () => { setToday('2021-07-19'); id = await fileCase(ctx, b, '2021-07-19'); });

    it('refuses an investigation record that carries extensionDays (422), and the deadline stays', async () => {
      const r = await act('officerA', id, 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [b.officerA.id, b.officerB.id], summary: '检查', details: { extensionDays: 60 } });
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({ code: 'EXTENSION_ONLY_BY_APPROVAL', field: 'details.extensionDays', citation: { article: '第六十条' } });
      expect((await get(id)).decisionDueOn).toBe('2021-10-18');
    });

    it('the head approves a first extension before expiry; a second needs collective discussion', async () => {
      setToday('2021-10-15');
      const long = await act('leader', id, 'extend', { approvedOn: '2021-10-15', days: 31, reason: '案情复杂' });
      expect(long.body.error).toMatchObject({ code: 'EXTENSION_TOO_LONG', field: 'days' });
      const first = ok(await act('leader', id, 'extend', { approvedOn: '2021-10-15', days: 30, reason: '案情复杂' }));
      // 2021-07-19 + 120 days = 2021-11-16 (Tuesday).
      expect(first.decisionDueOn).toBe('2021-11-16');
      const second = await act('leader', id, 'extend', { approvedOn: '2021-10-15', days: 30, reason: '仍需鉴定' });
      expect(second.status).toBe(422);
      expect(second.body.error).toMatchObject({ code: 'EXTENSION_NEEDS_COLLECTIVE_DISCUSSION', field: 'meetingId', citation: { law: '行政处罚法', article: '第六十条' } });
      const meeting = await post(ctx, b.members[0]!, '/api/committee/meetings', { heldOn: '2021-10-15', location: '会议室', chairId: b.members[0]!.id, memberIds: b.members.map((m) => m.id), attendeeIds: b.members.map((m) => m.id) });
      const discussed = ok(await act('leader', id, 'extend', { approvedOn: '2021-10-15', days: 30, reason: '仍需鉴定', meetingId: meeting.body.id }));
      expect(discussed.decisionDueOn).toBe('2021-12-16');
    });

    it('an excluded monitoring period is not counted; the steps and records show it', async () => {
      const r = ok(await act('officerA', id, 'exclude-period', { kind: 'monitoring', fromOn: '2021-08-01', toOn: '2021-08-10', note: '委托监测' }));
      expect(r.decisionDueOn).toBe('2021-12-27'); // 10 more days: 2021-12-26 is a Sunday
      expect((r.records as { excludedPeriods: unknown[] }).excludedPeriods).toHaveLength(1);
    });

    it('no extension after the period ran out', async () => {
      setToday('2021-07-20');
      const other = await fileCase(ctx, b, '2021-07-20');
      setToday('2021-10-20');
      const late = await act('leader', other, 'extend', { approvedOn: '2021-10-20', days: 10, reason: '逾期' });
      expect(late.status).toBe(422);
      expect(late.body.error).toMatchObject({ code: 'EXTENSION_AFTER_EXPIRY', field: 'approvedOn', citation: { article: '第六十条' } });
    });
  });

  describe('行政处罚法 第六十一条, 民事诉讼法 第八十七条, 第九十条, 第九十五条: service', () => {
    it('electronic service needs the recorded consent (422 without it)', async () => {
      const id = await servedFine('2021-08-02');
      const refused = await act('officerA', id, 'serve', { servedOn: '2021-08-02', method: 'electronic', receiver: '王测试' });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'ELECTRONIC_SERVICE_WITHOUT_CONSENT', field: 'method', citation: { article: '第六十一条', paragraph: '第二款' } });
      expect((await get(id)).actions.find((a: { action: string }) => a.action === 'service_consent')).toMatchObject({ allowed: true });
      ok(await act('officerA', id, 'service-consent', { signedOn: '2021-08-02', channel: 'email', address: 'wang@example.cn' }));
      const served = ok(await act('officerA', id, 'serve', { servedOn: '2021-08-02', method: 'electronic', receiver: '王测试' }));
      expect(served).toMatchObject({ stage: 'executing', servedOn: '2021-08-02', paymentDueOn: '2021-08-17' });
    });

    it('public notice counts as served 30 days after publication; late service asks for the reason', async () => {
      const id = await servedFine('2021-08-02');
      setToday('2021-08-20');
      const late = await act('officerA', id, 'serve', { publishedOn: '2021-08-20', method: 'public_notice', receiver: '公告' });
      expect(late.status).toBe(422);
      expect(late.body.error).toMatchObject({ code: 'SERVICE_LATE_REASON_REQUIRED', field: 'lateReason', citation: { article: '第六十一条' } });
      const noDate = await act('officerA', id, 'serve', { method: 'public_notice', receiver: '公告', lateReason: '下落不明' });
      expect(noDate.body.error).toMatchObject({ code: 'PUBLICATION_DATE_REQUIRED', field: 'publishedOn', citation: { law: '民事诉讼法', article: '第九十五条' } });
      const served = ok(await act('officerA', id, 'serve', { publishedOn: '2021-08-20', method: 'public_notice', receiver: '公告', lateReason: '当事人下落不明' }));
      // 2021-08-20 + 30 days = 2021-09-19, a Sunday → Monday 2021-09-20? 9-19 to 9-21 are 中秋 holidays → 2021-09-22.
      expect(served.servedOn).toBe('2021-09-22');
    });
  });

  describe('行政处罚法 第七十三条第三款, 第六十六条第二款; 行政强制法 第五十三条, 第五十四条: execution', () => {
    let id: number;
    beforeAll(async () => {
      id = await servedFine('2021-08-02');
      ok(await act('officerA', id, 'serve', { servedOn: '2021-08-02', method: 'in_person', receiver: '王测试' }));
    });

    it('the surcharge is not counted while reconsideration is pending', async () => {
      setToday('2021-08-20');
      expect((await get(id)).amountDueFen).toBe(10_000_00 + 90_000); // 3 days overdue
      ok(await act('officerA', id, 'remedy-filed', { kind: 'reconsideration', filedOn: '2021-08-19', body: '烟台市人民政府' }));
      setToday('2021-09-10');
      expect((await get(id)).amountDueFen).toBe(10_000_00 + 30_000); // only 08-18 counts
      const again = await act('officerA', id, 'remedy-filed', { kind: 'litigation', filedOn: '2021-09-10', body: '芝罘区人民法院' });
      expect(again.body.error).toMatchObject({ code: 'REMEDY_ALREADY_PENDING', citation: { article: '第七十三条', paragraph: '第三款' } });
      const court = await act('leader', id, 'court-enforcement', { appliedOn: '2021-09-10', court: '芝罘区人民法院' });
      expect(court.status).toBe(409);
      expect(court.body.error).toMatchObject({ code: 'REMEDY_PENDING', citation: { law: '行政强制法', article: '第五十三条' } });
      ok(await act('officerA', id, 'remedy-ended', { endedOn: '2021-09-10', outcome: 'upheld', note: '维持' }));
      setToday('2021-09-12');
      expect((await get(id)).amountDueFen).toBe(10_000_00 + 90_000); // 08-18, 09-11, 09-12
    });

    it('a late application for instalments is refused', async () => {
      const late = await act('leader', id, 'payment-arrangement', { appliedOn: '2021-09-12', approvedOn: '2021-09-12', reason: '经济困难', instalments: [{ dueOn: '2021-10-30', amountFen: 10_000_00 }] });
      expect(late.status).toBe(422);
      expect(late.body.error).toMatchObject({ code: 'ARRANGEMENT_APPLIED_LATE', field: 'appliedOn', citation: { article: '第六十六条', paragraph: '第二款' } });
    });

    it('a reminder first, then the court only inside the window shown on the case', async () => {
      const court = await act('leader', id, 'court-enforcement', { appliedOn: '2021-09-12', court: '芝罘区人民法院' });
      expect(court.body.error).toMatchObject({ code: 'REMINDER_NOT_SERVED', citation: { article: '第五十四条' } });
      const listed = async () => (await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}/documents`, headers: b.officerA.headers })).json().items
        .find((d: { kind: string }) => d.kind === 'payment-reminder');
      expect(await listed()).toMatchObject({ available: false, number: null });
      ok(await act('officerA', id, 'remind', { servedOn: '2021-09-12', content: '催告书' }));
      const c = await get(id);
      // 行政强制法 第三十五条: the 催告书 is numbered and printable once the reminder is recorded.
      expect(await listed()).toMatchObject({ available: true, number: '烟环催〔2021〕1号', basis: '行政强制法 第三十五条, 第五十四条' });
      expect(c.courtEnforcementWindow).toMatchObject({ periodEndsOn: '2022-02-02', earliestOn: '2022-02-03', latestOn: '2022-05-02' });
      const board = (await ctx.app.inject({ method: 'GET', url: '/api/cases/deadlines', headers: b.leader.headers })).json();
      expect(board.courtEnforcement.find((w: { caseId: number }) => w.caseId === id)).toMatchObject({
        earliestOn: '2022-02-03', latestOn: '2022-05-02', state: 'not_yet', reminderServedOn: '2021-09-12', citation: { law: '行政强制法', article: '第五十三条' },
      });
      setToday('2021-10-08');
      // 行政强制法 第三十五条 (一)(三)(四): the amount as of the reminder (fine + 3 days' surcharge, not today's), the
      // day to perform (ten working days, 第五十四条, 第六十九条) and the right to state and defend.
      expect((await get(id)).amountDueFen).toBeGreaterThan(10_000_00 + 90_000);
      const doc = await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}/documents/payment-reminder`, headers: b.officerA.headers });
      expect(doc.statusCode).toBe(200);
      const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      const [y, m, d] = (c.courtEnforcementWindow.reminderExpiresOn as string).split('-').map(Number);
      for (const s of ['催告书', '烟环催〔2021〕1号', '罚款人民币壹万元整（¥10,000.00）', '加处罚款人民币玖佰元整（¥900.00）',
        '合计人民币壹万零玖佰元整（¥10,900.00）', `于${y}年${m}月${d}日前履行`, '陈述权和申辩权', '二〇二一年九月十二日']) expect(text, s).toContain(s);
      const early = await act('leader', id, 'court-enforcement', { appliedOn: '2021-10-08', court: '芝罘区人民法院' });
      expect(early.status).toBe(422);
      expect(early.body.error).toMatchObject({ code: 'LITIGATION_PERIOD_NOT_OVER', field: 'appliedOn', citation: { law: '行政强制法', article: '第五十三条' } });
      setToday('2022-05-03');
      const late = await act('leader', id, 'court-enforcement', { appliedOn: '2022-05-03', court: '芝罘区人民法院' });
      expect(late.body.error).toMatchObject({ code: 'COURT_ENFORCEMENT_WINDOW_PASSED' });
      setToday('2022-03-01');
      expect(ok(await act('leader', id, 'court-enforcement', { appliedOn: '2022-03-01', court: '芝罘区人民法院' })).courtEnforcementAppliedOn).toBe('2022-03-01');
    });

    it('the deadlines board lists a served fine while part of it is unpaid and drops it once the fine is paid (行政强制法 第五十三条)', async () => {
      const other = await servedFine('2021-08-02');
      ok(await act('officerA', other, 'serve', { servedOn: '2021-08-02', method: 'in_person', receiver: '王测试' }));
      setToday('2021-08-05');
      const onBoard = async () => ((await ctx.app.inject({ method: 'GET', url: '/api/cases/deadlines', headers: b.leader.headers })).json()
        .courtEnforcement as { caseId: number }[]).some((w) => w.caseId === other);
      expect(await onBoard()).toBe(true);
      ok(await act('officerA', other, 'pay', { paidOn: '2021-08-05', amountFen: 4_000_00 }));
      expect(await onBoard()).toBe(true);
      ok(await act('officerA', other, 'pay', { paidOn: '2021-08-05', amountFen: 6_000_00 }));
      expect(await onBoard()).toBe(false);
    });

    it('approved instalments move the due dates and the surcharge follows them', async () => {
      const other = await servedFine('2021-08-02');
      ok(await act('officerA', other, 'serve', { servedOn: '2021-08-02', method: 'in_person', receiver: '王测试' }));
      setToday('2021-08-12');
      const arranged = ok(await act('leader', other, 'payment-arrangement', {
        appliedOn: '2021-08-10', approvedOn: '2021-08-12', reason: '经济困难', instalments: [{ dueOn: '2021-09-30', amountFen: 4_000_00 }, { dueOn: '2021-10-29', amountFen: 6_000_00 }],
      }));
      expect(arranged.paymentDueOn).toBe('2021-10-29');
      setToday('2021-09-30');
      expect((await get(other)).amountDueFen).toBe(10_000_00);
      setToday('2021-10-02');
      expect((await get(other)).amountDueFen).toBe(10_000_00 + 24_000); // 2 days on 4 000 元
      const reminder = await act('officerA', other, 'remind', { servedOn: '2021-10-02', content: '催告' });
      expect(reminder.body.error).toMatchObject({ code: 'PAYMENT_PERIOD_NOT_OVER', citation: { article: '第五十四条' } });
    });
  });

  describe('行政处罚法 第六十四条 (六): absence from the hearing ends it as waived', () => {
    it('records the absence and the case moves on to the decision', async () => {
      const id = await caseToDeciding('2021-08-02', 60_000_00);
      const c = await get(id);
      expect(c.notification.hearingOffered).toBe(true);
      setToday('2021-08-03');
      ok(await act('officerA', id, 'request-hearing', { requestedOn: '2021-08-03' }));
      ok(await act('officerA', id, 'schedule-hearing', { hostId: b.officerC.id, noticeOn: '2021-08-03', scheduledOn: '2021-08-13', location: '听证室' }));
      setToday('2021-08-13');
      const good = await act('officerA', id, 'hearing-absent', { on: '2021-08-13', reason: 'absent', goodReason: true, note: '因病' });
      expect(good.body.error).toMatchObject({ code: 'ABSENCE_WITH_GOOD_REASON', citation: { article: '第六十四条', item: '（六）' } });
      const waived = ok(await act('officerA', id, 'hearing-absent', { on: '2021-08-13', reason: 'absent', goodReason: false, note: '无正当理由未到场' }));
      expect(waived.stage).not.toBe('hearing');
      expect((waived.records as { hearingWaived: unknown }).hearingWaived).toMatchObject({ on: '2021-08-13', reason: 'absent' });
      expect((waived.actions as { action: string; allowed: boolean }[]).find((a) => a.action === 'hold_hearing')).toMatchObject({ allowed: false });
    });
  });

  describe('国务院令第310号 第十条–第十三条: a crime transfer suspends the case; the police’s answer resumes it', () => {
    it('refuses every step while the police hold it, resumes on 不予立案 with the days not counted', async () => {
      setToday('2021-08-02');
      const id = await fileCase(ctx, b, '2021-08-02');
      const measure = await post(ctx, b.officerA, `/api/cases/${id}/measures`, { kind: 'crime_transfer', responsibleOfficerId: b.officerA.id, suspectedCrime: '污染环境罪', facts: '排放含重金属废水', reportOn: '2021-08-02' });
      expect(measure.status, JSON.stringify(measure.body)).toBe(201);
      const mid = measure.body.id;
      ok(await post(ctx, b.leader, `/api/measures/${mid}/approval`, { decidedOn: '2021-08-02', approved: true }));
      setToday('2021-08-03');
      ok(await post(ctx, b.officerA, `/api/measures/${mid}/transfer`, { transferredOn: '2021-08-03', receivingOrgan: '烟台市公安局' }));
      setToday('2021-08-10');
      const blocked = await act('officerA', id, 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-08-10', officerIds: [b.officerA.id, b.officerB.id], summary: '检查' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.error).toMatchObject({ code: 'CASE_SUSPENDED_FOR_CRIME_TRANSFER', citation: { article: '第十一条' } });
      expect((await get(id)).actions.every((a: { allowed: boolean; code?: string }) => !a.allowed && a.code === 'CASE_SUSPENDED_FOR_CRIME_TRANSFER')).toBe(true);
      setToday('2021-08-12');
      ok(await post(ctx, b.officerA, `/api/measures/${mid}/outcome`, { outcome: 'not_filed', decidedOn: '2021-08-12' }));
      const resumed = await get(id);
      // 90 days from 2021-08-02 (2021-10-31, a Sunday) plus the 10 days 08-03..08-12 with the police.
      expect(resumed.decisionDueOn).toBe('2021-11-10');
      ok(await act('officerA', id, 'record-investigation', { kind: 'inspection_record', occurredOn: '2021-08-12', officerIds: [b.officerA.id, b.officerB.id], summary: '恢复调查' }));
    });
  });

  describe('行政处罚法 第三十六条, 第三十七条; 生态环境行政处罚办法: filing', () => {
    const lead = async (on: string) => (await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '暗管排污', discoveredOn: on })).body.id as number;
    const file = (leadId: number, body: Record<string, unknown>) => post(ctx, b.leader, `/api/leads/${leadId}/file`, {
      cause: '暗管排污', actOn: '2021-08-01', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id, ...body,
    });

    it('a late filing needs the head’s approved extension; free text is not enough', async () => {
      setToday('2021-08-02');
      const id = await lead('2021-08-02');
      setToday('2021-08-20');
      const late = await file(id, { lateReason: '人手不足' });
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'FILING_EXTENSION_REQUIRED', citation: { law: '生态环境行政处罚办法' } });
      const extended = await post(ctx, b.leader, `/api/leads/${id}/filing-extension`, { approvedOn: '2021-08-20', days: 10, reason: '需补充监测' });
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({ filingDueOn: '2021-08-30', filingExtension: { days: 10 } });
      expect((await file(id, {})).status).toBe(201);
    });

    it('a continuing violation counts from its end; a one-off act from its day', async () => {
      setToday('2021-08-02');
      const oneOff = await file(await lead('2021-08-02'), { actOn: '2019-06-01' });
      expect(oneOff.status).toBe(422);
      expect(oneOff.body.error).toMatchObject({ code: 'LIMITATION_EXPIRED', field: 'actOn', citation: { article: '第二十九条' } });
      const continuing = await file(await lead('2021-08-02'), { actOn: '2019-06-01', continuing: true, actEndedOn: '2021-07-20' });
      expect(continuing.status).toBe(201);
    });
  });

  describe('环境保护法 第六十三条 (一)(二)(四): detention transfers record the earlier order and its refusal', () => {
    it('refuses (二) without the order, accepts it with one', async () => {
      const id = await servedFine('2021-08-02');
      const body = { kind: 'detention_transfer', responsibleOfficerId: b.officerA.id, situation: 'no_permit_refusing_stop', persons: [{ name: '张某', position: '厂长' }], facts: '无证排污拒不停止', decidedOn: '2021-08-02' };
      const refused = await post(ctx, b.officerA, `/api/cases/${id}/measures`, body);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'PRIOR_ORDER_REQUIRED', field: 'priorOrder', citation: { law: '环境保护法', article: '第六十三条' } });
      const accepted = await post(ctx, b.officerA, `/api/cases/${id}/measures`, { ...body, priorOrder: { number: '烟环责停〔2021〕5号', servedOn: '2021-07-01', refusal: '拒不停止排污', refusalFoundOn: '2021-07-15' } });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    });
  });
});
