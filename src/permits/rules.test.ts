import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../law/working-days.js';
import {
  checkPermitEnd, END_GROUNDS,
  checkAcceptance, checkChange, checkDecision, checkDischargeAuthorised, checkIncompleteNotice, checkPermitNumber, checkRenewal, checkReport,
  computeDecisionDueOn, computeNoticeDueOn, computeRenewalDueOn, computeReportPeriods, computeValidTo, defaultReportKinds, isChangeLate,
  isDecisionOverdue, isDeemedAccepted, isPermitClass, isRenewalLate, renewalState, reportState, type ApplicationFacts, type PermitFacts,
} from './rules.js';

// 2026 National Day week: 10-01..10-08 rest, 09-27 (Sun) and 10-10 (Sat) worked (test data).
const cal = buildWorkingCalendar({
  years: [2026],
  restDays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workDays: ['2026-09-27', '2026-10-10'],
});
const CODE = '91370600MA3C5XKQ4B';
const permit = (over: Partial<PermitFacts> = {}): PermitFacts => ({ managementClass: 'key', status: 'active', validFromOn: '2021-03-01', validToOn: '2026-02-28', ...over });
const app = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  status: 'received', receivedOn: '2026-09-29', noticeDueOn: '2026-10-09', noticedOn: null, supplementedOn: null, acceptedOn: null, decisionDueOn: null, ...over,
});

describe('排污许可管理条例 第二条, 第二十四条: management classes', () => {
  it('重点 and 简化 are permits; 登记 is a registration, not a permit', () => {
    expect(isPermitClass('key')).toBe(true);
    expect(isPermitClass('simplified')).toBe(true);
    expect(isPermitClass('registration')).toBe(false);
  });
  it('a registration is neither renewed nor changed as a permit', () => {
    expect(checkRenewal(permit({ managementClass: 'registration' }), '2025-12-01')).toMatchObject({ ok: false, code: 'PERMIT_REGISTRATION_NOT_RENEWED', citation: { article: '第二十四条' } });
  });
});

describe('HJ 608-2017: permit number = credit code + 3-digit sequence + letter', () => {
  it.each([[`${CODE}001P`, true], [`${CODE}012V`, true], [`${CODE}000P`, false], [`${CODE}01P`, false], [`${CODE}001p`, false], [`${CODE}0011`, false]])('%s → %s', (n, ok) => {
    expect(checkPermitNumber(n, CODE).ok).toBe(ok);
  });
  it('names the field; another enterprise’s code is refused', () => {
    expect(checkPermitNumber('X', CODE)).toMatchObject({ code: 'PERMIT_NUMBER_FORMAT', field: 'number' });
    expect(checkPermitNumber('91370600MA3C5XKQ4C001P', CODE)).toMatchObject({ code: 'PERMIT_NUMBER_NOT_OF_ENTERPRISE', field: 'number' });
  });
});

describe('排污许可管理条例 第十四条第一款: valid 5 years', () => {
  it('from 2021-03-01 to 2026-02-28; from 29 February to 28 February', () => {
    expect(computeValidTo('2021-03-01')).toBe('2026-02-28');
    expect(computeValidTo('2024-02-29')).toBe('2029-02-27');
    expect(computeValidTo('2026-12-04')).toBe('2031-12-03');
  });
});

describe('排污许可管理条例 第三十三条: discharge needs a valid permit or registration', () => {
  it('valid permit: allowed; none: (一); expired: (二); revoked: (三)', () => {
    expect(checkDischargeAuthorised([permit()], '2025-06-01').ok).toBe(true);
    expect(checkDischargeAuthorised([permit({ managementClass: 'registration', validToOn: null })], '2030-01-01').ok).toBe(true);
    expect(checkDischargeAuthorised([], '2025-06-01')).toMatchObject({ code: 'DISCHARGE_WITHOUT_PERMIT', citation: { article: '第三十三条', item: '（一）' } });
    expect(checkDischargeAuthorised([permit()], '2026-03-01')).toMatchObject({ code: 'DISCHARGE_PERMIT_EXPIRED', citation: { item: '（二）' } });
    expect(checkDischargeAuthorised([permit({ status: 'revoked' })], '2025-06-01')).toMatchObject({ code: 'DISCHARGE_PERMIT_REVOKED', citation: { item: '（三）' } });
    expect(checkDischargeAuthorised([permit()], '2021-02-28').ok).toBe(false);
  });
});

describe('排污许可管理条例 第十四条第二款: renewal 60 days before expiry', () => {
  it('the renewal date, the reminder, late and expired', () => {
    expect(computeRenewalDueOn('2026-02-28')).toBe('2025-12-30');
    expect(renewalState(permit(), '2025-06-01', false)).toBe('upcoming');
    expect(renewalState(permit(), '2025-11-30', false)).toBe('due');
    expect(renewalState(permit(), '2025-12-30', false)).toBe('due');
    expect(renewalState(permit(), '2025-12-31', false)).toBe('late');
    expect(renewalState(permit(), '2026-03-01', false)).toBe('expired');
    expect(renewalState(permit(), '2025-12-31', true)).toBe('none');
  });
  it('a renewal after expiry is refused; after the 60-day date it is late', () => {
    expect(checkRenewal(permit(), '2026-02-28').ok).toBe(true);
    expect(checkRenewal(permit(), '2026-03-01')).toMatchObject({ code: 'PERMIT_RENEWAL_AFTER_EXPIRY', citation: { article: '第十四条', paragraph: '第二款' }, field: 'receivedOn' });
    expect(isRenewalLate('2026-02-28', '2025-12-30')).toBe(false);
    expect(isRenewalLate('2026-02-28', '2025-12-31')).toBe(true);
  });
  it('renewal and change are reviewed in 20 working days', () => {
    expect(computeDecisionDueOn(cal, '2026-11-02', 'renewal', 'key', true)).toMatchObject({ dueOn: '2026-11-30', days: 20, citation: { article: '第十四条' } });
  });
});

describe('排污许可管理条例 第十四条第三款: changes within 30 days', () => {
  it('late after 30 days; a change dated after receipt is refused', () => {
    expect(isChangeLate('2026-06-01', '2026-07-01')).toBe(false);
    expect(isChangeLate('2026-06-01', '2026-07-02')).toBe(true);
    expect(checkChange(permit({ validToOn: '2030-01-01' }), '2026-07-03', '2026-07-02')).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'changedOn' });
  });
});

describe('排污许可管理条例 第九条(四) with 行政许可法 第八十二条: the 3-working-day notice', () => {
  it('counts working days over the National Day holiday', () => {
    // Tue 09-29 → 09-30 (1), holiday 10-01..10-08, 10-09 (2), Sat 10-10 worked (3).
    expect(computeNoticeDueOn(cal, '2026-09-29')).toEqual({ dueOn: '2026-10-10', provisional: false });
    expect(computeNoticeDueOn(cal, '2026-12-04').dueOn).toBe('2026-12-09');
  });
  it('one notice, in time; after the due day the application is deemed accepted from receipt', () => {
    expect(checkIncompleteNotice(app(), '2026-10-09', '2026-10-09').ok).toBe(true);
    expect(checkIncompleteNotice(app(), '2026-10-10', '2026-10-12')).toMatchObject({ code: 'PERMIT_NOTICE_TOO_LATE', citation: { article: '第九条', item: '（四）' }, field: 'noticedOn' });
    expect(checkIncompleteNotice(app({ status: 'incomplete', noticedOn: '2026-09-30' }), '2026-10-09', '2026-10-09')).toMatchObject({ code: 'PERMIT_APPLICATION_NOT_RECEIVED' });
    expect(checkIncompleteNotice(app(), '2026-09-28', '2026-10-09')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP' });
    expect(checkIncompleteNotice(app(), '2026-10-13', '2026-10-12')).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(isDeemedAccepted(app(), '2026-10-09')).toBe(false);
    expect(isDeemedAccepted(app(), '2026-10-10')).toBe(true);
    expect(isDeemedAccepted(app({ noticedOn: '2026-09-30', status: 'incomplete' }), '2026-10-12')).toBe(false);
  });
  it('acceptance is dated between the previous step and today, once', () => {
    expect(checkAcceptance(app(), '2026-09-29', '2026-09-30').ok).toBe(true);
    expect(checkAcceptance(app({ status: 'incomplete', noticedOn: '2026-09-30' }), '2026-09-29', '2026-10-12')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'acceptedOn' });
    expect(checkAcceptance(app({ status: 'accepted' }), '2026-10-09', '2026-10-12')).toMatchObject({ code: 'PERMIT_APPLICATION_ALREADY_ACCEPTED' });
  });
});

describe('排污许可管理条例 第十二条: decision within 20 / 30 / 45 working days', () => {
  it.each([
    ['simplified', false, 20, '2026-11-03', '第一款'], ['key', false, 30, '2026-11-17', '第二款'], ['key', true, 45, '2026-12-08', '第二款'],
  ] as const)('%s (on-site %s): %i working days', (cls, onSite, days, dueOn, paragraph) => {
    // Accepted Tue 2026-09-29: the holiday week is skipped, Sun 09-27 is before, Sat 10-10 counts.
    expect(computeDecisionDueOn(cal, '2026-09-29', 'new', cls, onSite)).toMatchObject({ dueOn, days, citation: { article: '第十二条', paragraph } });
  });
  it('a refusal states reasons; one decision; only after acceptance', () => {
    const accepted = app({ status: 'accepted', acceptedOn: '2026-10-09', decisionDueOn: '2026-11-06' });
    expect(checkDecision(accepted, 'approve', null, '2026-10-20', '2026-10-20').ok).toBe(true);
    expect(checkDecision(accepted, 'refuse', ' ', '2026-10-20', '2026-10-20')).toMatchObject({ code: 'PERMIT_REFUSAL_REASONS_REQUIRED', citation: { article: '第十二条' }, field: 'reasons' });
    expect(checkDecision(app(), 'approve', null, '2026-10-20', '2026-10-20')).toMatchObject({ code: 'PERMIT_APPLICATION_NOT_ACCEPTED' });
    expect(checkDecision({ ...accepted, status: 'approved' }, 'approve', null, '2026-10-20', '2026-10-20')).toMatchObject({ code: 'PERMIT_APPLICATION_DECIDED' });
    expect(checkDecision(accepted, 'approve', null, '2026-10-20', '2026-10-08')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'decidedOn' });
    expect(isDecisionOverdue(accepted, '2026-11-06')).toBe(false);
    expect(isDecisionOverdue(accepted, '2026-11-07')).toBe(true);
  });
});

describe('排污许可管理条例 第二十二条: execution reports with due dates', () => {
  it('重点: annual + quarterly; 简化: annual; 登记: none (defaults, unconfirmed)', () => {
    expect(defaultReportKinds('key')).toEqual(['annual', 'quarterly']);
    expect(defaultReportKinds('simplified')).toEqual(['annual']);
    expect(defaultReportKinds('registration')).toEqual([]);
  });
  it('periods that have ended inside the validity, with their due days', () => {
    const periods = computeReportPeriods(['annual', 'quarterly'], '2025-08-10', '2030-08-09', '2026-04-20');
    expect(periods.map((p) => [p.period, p.dueOn])).toEqual([
      ['2025Q3', '2025-10-15'], ['2025Q4', '2026-01-15'], ['2025', '2026-01-31'], ['2026Q1', '2026-04-15'],
    ]);
    expect(computeReportPeriods(['monthly'], '2026-01-01', null, '2026-03-01').map((p) => p.period)).toEqual(['2026-01', '2026-02']);
  });
  it('overdue after the due day; filed once, after the period', () => {
    expect(reportState('2026-01-31', null, '2026-01-31')).toBe('pending');
    expect(reportState('2026-01-31', null, '2026-02-01')).toBe('overdue');
    expect(reportState('2026-01-31', '2026-02-03', '2026-02-05')).toBe('submitted_late');
    const p = computeReportPeriods(['annual'], '2025-01-01', null, '2026-02-01')[0]!;
    expect(checkReport(p, false, '2026-01-10', '2026-02-01').ok).toBe(true);
    expect(checkReport(p, true, '2026-01-10', '2026-02-01')).toMatchObject({ code: 'PERMIT_REPORT_ALREADY_FILED' });
    expect(checkReport(undefined, false, '2026-01-10', '2026-02-01')).toMatchObject({ code: 'PERMIT_REPORT_PERIOD_UNKNOWN', citation: { article: '第二十二条' } });
    expect(checkReport(p, false, '2025-12-31', '2026-02-01')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP' });
    expect(checkReport(p, false, '2026-02-02', '2026-02-01')).toMatchObject({ code: 'DATE_IN_FUTURE' });
  });
});

describe('撤销 (行政许可法 第六十九条; 排污许可管理条例 第四十条) and 注销 (行政许可法 第七十条)', () => {
  const p = { managementClass: 'key' as const, status: 'active' as const, validFromOn: '2021-12-01', validToOn: '2026-11-30', issuedOn: '2021-12-01' };
  it('a ground of the action only; not before issue; an ended permit is not ended again', () => {
    expect(checkPermitEnd(p, 'revoke', 'fraud', '2026-12-04', false).ok).toBe(true);
    expect(checkPermitEnd(p, 'revoke', 'expired', '2026-12-04', false)).toMatchObject({ code: 'PERMIT_END_GROUND_UNKNOWN', field: 'ground', citation: { article: '第六十九条' } });
    expect(checkPermitEnd(p, 'cancel', 'fraud', '2026-12-04', false)).toMatchObject({ code: 'PERMIT_END_GROUND_UNKNOWN', citation: { article: '第七十条' } });
    expect(checkPermitEnd(p, 'cancel', 'terminated', '2021-11-30', false)).toMatchObject({ code: 'PERMIT_END_BEFORE_ISSUE', field: 'endedOn' });
    expect(checkPermitEnd({ ...p, status: 'revoked' }, 'cancel', 'revoked-or-withdrawn', '2026-12-04', false)).toMatchObject({ code: 'PERMIT_ALREADY_ENDED' });
    expect(END_GROUNDS.revoke.find((g) => g.code === 'fraud')!.citation).toEqual({ law: '排污许可管理条例', article: '第四十条' });
  });
  it('第七十条（一）: cancelled as expired only after the last day of validity and with no renewal pending (第十四条第二款)', () => {
    expect(checkPermitEnd(p, 'cancel', 'expired', '2026-11-30', false)).toMatchObject({ code: 'PERMIT_NOT_EXPIRED', citation: { item: '（一）' } });
    expect(checkPermitEnd(p, 'cancel', 'expired', '2026-12-01', true)).toMatchObject({ code: 'PERMIT_RENEWAL_PENDING', citation: { article: '第十四条' } });
    expect(checkPermitEnd(p, 'cancel', 'expired', '2026-12-01', false).ok).toBe(true);
  });
  it('第三十三条（三）: discharge after revocation or cancellation', () => {
    expect(checkDischargeAuthorised([{ ...p, status: 'cancelled', validToOn: '2030-01-01' }], '2026-12-04')).toMatchObject({ code: 'DISCHARGE_PERMIT_REVOKED', citation: { item: '（三）' } });
  });
});
