import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_ARRANGEMENTS } from '../../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../../law/holiday-arrangement.js';
import {
  checkApprovalPublicityRun, checkApprovalPublicityStart, checkHearingBeforeDecision, checkHearingNotice, checkHearingRequest, hearingRequestDueOn,
  publicityEndsOn, type HearingFacts,
} from './publicity.js';
import { checkApproval, checkRefusal, type ReviewFacts } from './decision.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const noHearing: HearingFacts = { required: false, noticeOn: null, requestDueOn: null, requestedOn: null };
const review = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  status: 'accepted', category: 'form', pauses: [], tolerated: [], siteVerdict: 'allowed', commitmentPath: false,
  publicity: { requiredDays: 5, startOn: '2026-12-04', endsOn: '2026-12-10' }, hearing: noHearing, todayOn: '2026-12-11', ...over,
});

describe('环境影响评价公众参与办法 第二十五条 (article unconfirmed): intended-approval publicity for the period the bureau sets', () => {
  it('runs 5 working days counting the start day, over a weekend and over the National Day holiday', () => {
    expect(publicityEndsOn(cal, '2026-12-04', 5)).toBe('2026-12-10');
    expect(publicityEndsOn(cal, '2026-09-30', 3)).toBe('2026-10-09');
    expect(publicityEndsOn(cal, '2026-12-04', 1)).toBe('2026-12-04');
    expect(publicityEndsOn(cal, '2026-12-04', 0)).toBeNull();
  });
  it('refuses the approval until the publicity was started and has run; allows it the day after the last day', () => {
    expect(checkApprovalPublicityRun({ requiredDays: 5, startOn: null, endsOn: null }, '2026-12-11'))
      .toMatchObject({ ok: false, code: 'EIA_APPROVAL_PUBLICITY_REQUIRED', citation: { law: '环境影响评价公众参与办法', article: '第二十五条' } });
    expect(checkApprovalPublicityRun({ requiredDays: 5, startOn: '2026-12-04', endsOn: '2026-12-10' }, '2026-12-10'))
      .toMatchObject({ ok: false, code: 'EIA_APPROVAL_PUBLICITY_RUNNING', params: { endsOn: '2026-12-10' } });
    expect(checkApprovalPublicityRun({ requiredDays: 5, startOn: '2026-12-04', endsOn: '2026-12-10' }, '2026-12-11').ok).toBe(true);
    expect(checkApprovalPublicityRun({ requiredDays: 0, startOn: null, endsOn: null }, '2026-12-04').ok).toBe(true);
    expect(checkApproval(review({ todayOn: '2026-12-09' }))).toMatchObject({ code: 'EIA_APPROVAL_PUBLICITY_RUNNING' });
    expect(checkApproval(review()).ok).toBe(true);
    // A refusal (不予批准) is not held up by the intended-approval publicity.
    expect(checkRefusal(review({ publicity: { requiredDays: 5, startOn: null, endsOn: null } }), ['non-conforming']).ok).toBe(true);
  });
  it('starts once, during an unpaused review, not before acceptance, and only where the bureau sets a period', () => {
    const f = { status: 'accepted' as const, pauses: [], publicity: { requiredDays: 5, startOn: null, endsOn: null } };
    expect(checkApprovalPublicityStart(f, '2026-12-04', '2026-12-01').ok).toBe(true);
    expect(checkApprovalPublicityStart(f, '2026-11-30', '2026-12-01')).toMatchObject({ code: 'EIA_PUBLICITY_BEFORE_ACCEPTANCE', field: 'startOn' });
    expect(checkApprovalPublicityStart({ ...f, publicity: { requiredDays: 5, startOn: '2026-12-02', endsOn: '2026-12-08' } }, '2026-12-04', '2026-12-01'))
      .toMatchObject({ code: 'EIA_APPROVAL_PUBLICITY_STARTED' });
    expect(checkApprovalPublicityStart({ ...f, pauses: [{ kind: 'expert-review', startOn: '2026-12-02', endOn: null, noticeOn: '2026-12-02' }] }, '2026-12-04', '2026-12-01'))
      .toMatchObject({ code: 'EIA_REVIEW_PAUSED' });
    expect(checkApprovalPublicityStart({ ...f, publicity: { requiredDays: 0, startOn: null, endsOn: null } }, '2026-12-04', '2026-12-01'))
      .toMatchObject({ code: 'EIA_APPROVAL_PUBLICITY_NOT_SET' });
    expect(checkApprovalPublicityStart({ ...f, status: 'received' }, '2026-12-04', null)).toMatchObject({ code: 'EIA_NOT_UNDER_REVIEW' });
  });
});

describe('行政许可法 第四十七条: hearing-right notice, a request within 5 working days (第八十二条), the hearing before the decision', () => {
  it('the request window is 5 working days from the notice, over weekends and the National Day holiday with its make-up Saturday', () => {
    expect(hearingRequestDueOn(cal, '2026-12-04')).toBe('2026-12-11');
    expect(hearingRequestDueOn(cal, '2026-09-30')).toBe('2026-10-13');
  });
  it('the notice is given once, on or after acceptance; a request is taken within the window only', () => {
    const f = { status: 'accepted' as const, hearing: noHearing };
    expect(checkHearingNotice(f, '2026-12-04', '2026-12-01').ok).toBe(true);
    expect(checkHearingNotice(f, '2026-11-30', '2026-12-01')).toMatchObject({ code: 'EIA_HEARING_NOTICE_BEFORE_ACCEPTANCE', citation: { article: '第四十七条' } });
    const noticed = { status: 'accepted' as const, hearing: { required: true, noticeOn: '2026-12-04', requestDueOn: '2026-12-11', requestedOn: null } };
    expect(checkHearingNotice(noticed, '2026-12-05', '2026-12-01')).toMatchObject({ code: 'EIA_HEARING_NOTICE_GIVEN' });
    expect(checkHearingRequest(f, '2026-12-05')).toMatchObject({ code: 'EIA_NO_HEARING_NOTICE' });
    expect(checkHearingRequest(noticed, '2026-12-11').ok).toBe(true);
    expect(checkHearingRequest(noticed, '2026-12-14')).toMatchObject({ code: 'EIA_HEARING_REQUEST_LATE', field: 'requestedOn', params: { dueOn: '2026-12-11' } });
    expect(checkHearingRequest(noticed, '2026-12-03')).toMatchObject({ code: 'EIA_HEARING_REQUEST_BEFORE_NOTICE' });
    expect(checkHearingRequest({ ...noticed, hearing: { ...noticed.hearing, requestedOn: '2026-12-07' } }, '2026-12-08')).toMatchObject({ code: 'EIA_HEARING_ALREADY_REQUESTED' });
  });
  it('no decision (approval or refusal) without the notice where required, while the window runs, or before a requested hearing is held (第四十八条)', () => {
    const required: HearingFacts = { required: true, noticeOn: null, requestDueOn: null, requestedOn: null };
    expect(checkHearingBeforeDecision(required, [], '2026-12-14')).toMatchObject({ code: 'EIA_HEARING_NOTICE_REQUIRED', citation: { law: '行政许可法', article: '第四十七条' } });
    const noticed: HearingFacts = { required: true, noticeOn: '2026-12-04', requestDueOn: '2026-12-11', requestedOn: null };
    expect(checkHearingBeforeDecision(noticed, [], '2026-12-11')).toMatchObject({ code: 'EIA_HEARING_WINDOW_OPEN' });
    expect(checkHearingBeforeDecision(noticed, [], '2026-12-14').ok).toBe(true);
    const requested: HearingFacts = { ...noticed, requestedOn: '2026-12-07' };
    expect(checkHearingBeforeDecision(requested, [], '2026-12-14')).toMatchObject({ code: 'EIA_HEARING_NOT_HELD', citation: { article: '第四十八条' } });
    const open = [{ kind: 'hearing' as const, startOn: '2026-12-15', endOn: null, noticeOn: '2026-12-08' }];
    expect(checkHearingBeforeDecision(requested, open, '2026-12-16')).toMatchObject({ code: 'EIA_HEARING_NOT_HELD' });
    expect(checkHearingBeforeDecision(requested, [{ ...open[0]!, endOn: '2026-12-15' }], '2026-12-16').ok).toBe(true);
    expect(checkHearingBeforeDecision(noHearing, [], '2026-12-04').ok).toBe(true);
    expect(checkRefusal(review({ hearing: required }), ['non-conforming'])).toMatchObject({ code: 'EIA_HEARING_NOTICE_REQUIRED' });
    expect(checkApproval(review({ hearing: required }))).toMatchObject({ code: 'EIA_HEARING_NOTICE_REQUIRED' });
  });
});
