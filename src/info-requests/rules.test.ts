import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_HOLIDAY_ARRANGEMENTS } from '../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../law/holiday-arrangement.js';
import { addWorkingDays, isWorkingDay } from '../law/working-days.js';
import { addDays } from '../law/civil-date.js';
import {
  annualTable, checkAbandonment, correctionPeriodDue, isDeemedAbandoned, requestActions, checkConsultationEnd, checkConsultationStart, checkCorrected, checkCorrectionNotice, checkErrorAnswer, checkExtension, checkReply,
  correctionNoticeDue, receiptDate, REPLY_KINDS, replyClock, type RequestFacts,
} from './rules.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const open = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  status: 'received', receivedOn: '2021-09-24', correctionNoticeOn: null, correctedOn: null, extensionWorkingDays: 0, pauses: [], ...over,
});
const clock = (over: Partial<RequestFacts> = {}) => {
  const r = open(over);
  return replyClock(cal, { ...r, receivedOn: r.receivedOn! });
};

describe('政府信息公开条例 第三十一条: the day a request counts as received', () => {
  it('in person: the day handed in; post: the day signed for, an ordinary letter the day confirmed; online: the day confirmed', () => {
    expect(receiptDate({ channel: 'in_person', submittedOn: '2021-09-24' }, '2021-09-30')).toEqual({ ok: true, value: '2021-09-24' });
    expect(receiptDate({ channel: 'post', signedForOn: '2021-09-26', confirmedOn: '2021-09-28' }, '2021-09-30')).toEqual({ ok: true, value: '2021-09-26' });
    expect(receiptDate({ channel: 'post', signedForOn: null, confirmedOn: '2021-09-28' }, '2021-09-30')).toEqual({ ok: true, value: '2021-09-28' });
    expect(receiptDate({ channel: 'online', submittedOn: '2021-09-20', confirmedOn: '2021-09-22' }, '2021-09-30')).toEqual({ ok: true, value: '2021-09-22' });
    expect(receiptDate({ channel: 'online', submittedOn: '2021-09-20' }, '2021-09-30')).toMatchObject({ ok: false, code: 'INFO_REQUEST_RECEIPT_DATE_REQUIRED', field: 'confirmedOn' });
    expect(receiptDate({ channel: 'in_person', submittedOn: '2021-10-01' }, '2021-09-30')).toMatchObject({ ok: false, code: 'DATE_IN_FUTURE' });
  });
});

describe('政府信息公开条例 第三十三条: 20 working days, on the holiday calendar', () => {
  it('across 国庆节 2021 with the Sundays and Saturdays worked (09-26, 10-09)', () => {
    // 09-26 (Sun, worked) 1; 09-27…30 2–5; 10-08 6; 10-09 (Sat, worked) 7; 10-11…15 8–12; 10-18…22 13–17; 10-25…27 18–20.
    expect(clock()).toEqual({ dueOn: '2021-10-27', provisional: false, provisionalYears: [], state: 'running' });
    expect(clock().dueOn).toBe(addWorkingDays(cal, '2021-09-24', 20).value);
  });

  it('one extension adds at most 20 working days', () => {
    expect(clock({ extensionWorkingDays: 20 }).dueOn).toBe(addWorkingDays(cal, '2021-09-24', 40).value);
  });

  it('marks 暂定 when the due date falls in a year without a recorded arrangement', () => {
    const c = clock({ receivedOn: '2026-12-15' });
    expect(c.provisional).toBe(true);
    expect(c.provisionalYears).toEqual([2027]);
    expect(clock({ receivedOn: '2026-10-12' }).provisional).toBe(false);
  });
});

describe('政府信息公开条例 第三十二条 / 第三十三条第三款: consultation time is not counted', () => {
  it('the working days from the day after the letter to the answer day are skipped', () => {
    // Letter 2021-10-11, answer 2021-10-15: five working days (10-12…10-15 = 4) not counted.
    const paused = clock({ pauses: [{ startOn: '2021-10-11', endOn: '2021-10-15' }] });
    expect(paused.dueOn).toBe(addWorkingDays(cal, '2021-10-27', 4).value);
    expect(clock({ pauses: [{ startOn: '2021-10-11', endOn: null }] })).toMatchObject({ dueOn: null, state: 'paused' });
  });

  it('one consultation at a time, dated after the previous step and not in the future', () => {
    expect(checkConsultationStart(open(), '2021-10-11', '2021-10-12')).toEqual({ ok: true });
    expect(checkConsultationStart(open({ pauses: [{ startOn: '2021-10-11', endOn: null }] }), '2021-10-12', '2021-10-12'))
      .toMatchObject({ code: 'INFO_REQUEST_CONSULTATION_OPEN', citation: { article: '第三十二条' } });
    expect(checkConsultationStart(open(), '2021-09-20', '2021-10-12')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'startOn' });
    expect(checkConsultationEnd(open(), '2021-10-12', '2021-10-12')).toMatchObject({ code: 'INFO_REQUEST_NO_OPEN_CONSULTATION' });
    expect(checkConsultationEnd(open({ pauses: [{ startOn: '2021-10-11', endOn: null }] }), '2021-10-13', '2021-10-12')).toMatchObject({ code: 'DATE_IN_FUTURE' });
  });
});

describe('政府信息公开条例 第三十三条 with holidays and pauses (property)', () => {
  // Receipt any day of 2021–2025 (years with recorded arrangements), an extension, and a closed consultation inside the period.
  const arb = fc.record({
    offset: fc.integer({ min: 0, max: 5 * 365 - 120 }), extension: fc.integer({ min: 0, max: 20 }),
    pauseStart: fc.integer({ min: 0, max: 25 }), pauseLength: fc.integer({ min: 0, max: 20 }),
  });
  it('the due date is a working day outside the pause; exactly 20 + extension working days are counted, the paused ones not', () => {
    fc.assert(fc.property(arb, ({ offset, extension, pauseStart, pauseLength }) => {
      const receivedOn = addDays('2021-01-01', offset);
      const pause = { startOn: addDays(receivedOn, pauseStart), endOn: addDays(receivedOn, pauseStart + pauseLength) };
      const c = replyClock(cal, { receivedOn, correctionNoticeOn: null, correctedOn: null, extensionWorkingDays: extension, pauses: [pause] });
      expect(c.state).toBe('running');
      const dueOn = c.dueOn!;
      expect(isWorkingDay(cal, dueOn).value).toBe(true);
      expect(dueOn > pause.startOn && dueOn <= pause.endOn).toBe(false);
      let counted = 0; let paused = 0;
      for (let on = addDays(receivedOn, 1); on <= dueOn; on = addDays(on, 1)) {
        if (!isWorkingDay(cal, on).value) continue;
        if (on > pause.startOn && on <= pause.endOn) paused++; else counted++;
      }
      expect(counted).toBe(20 + extension);
      // Without the pause the period ends `paused` working days earlier.
      const unpaused = replyClock(cal, { receivedOn, correctionNoticeOn: null, correctedOn: null, extensionWorkingDays: extension, pauses: [] }).dueOn!;
      expect(paused === 0 ? unpaused : addWorkingDays(cal, unpaused, paused).value).toBe(dueOn);
    }), { numRuns: 300 });
  });
});

describe('政府信息公开条例 第三十条: one correction notice within 7 working days; the period restarts', () => {
  it('the notice is due on the 7th working day after receipt (across 国庆节)', () => {
    expect(correctionNoticeDue(cal, '2021-09-24').dueOn).toBe('2021-10-09');
    expect(checkCorrectionNotice(cal, open(), '2021-10-09', '请写明文号', '2021-10-11')).toEqual({ ok: true });
    expect(checkCorrectionNotice(cal, open(), '2021-10-11', '请写明文号', '2021-10-11')).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_LATE', citation: { article: '第三十条' } });
    expect(checkCorrectionNotice(cal, open({ correctionNoticeOn: '2021-09-27' }), '2021-09-28', 'x', '2021-09-28')).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_ONCE' });
    expect(checkCorrectionNotice(cal, open(), '2021-09-27', ' ', '2021-09-28')).toMatchObject({ field: 'matters' });
  });

  it('no clock while awaiting the correction; then 20 working days from the corrected request', () => {
    expect(clock({ correctionNoticeOn: '2021-09-27' })).toMatchObject({ dueOn: null, state: 'awaiting_correction' });
    expect(clock({ correctionNoticeOn: '2021-09-27', correctedOn: '2021-10-08' }).dueOn).toBe(addWorkingDays(cal, '2021-10-08', 20).value);
    expect(checkCorrected(open({ status: 'awaiting_correction', correctionNoticeOn: '2021-09-27' }), '2021-09-26', '2021-10-08')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP' });
  });
});

describe('政府信息公开条例 第三十三条第二款: one extension, ≤ 20 working days, with a reason, before the due date', () => {
  it.each([
    [open(), 20, '需调取档案', '2021-10-27', { ok: true }],
    [open(), 21, '需调取档案', '2021-10-20', { code: 'INFO_REQUEST_EXTENSION_TOO_LONG', field: 'workingDays' }],
    [open(), 10, '', '2021-10-20', { code: 'INFO_REQUEST_EXTENSION_REASON_REQUIRED', field: 'reason' }],
    [open(), 10, '需调取档案', '2021-10-28', { code: 'INFO_REQUEST_EXTENSION_AFTER_DUE' }],
    [open({ extensionWorkingDays: 5 }), 5, '再延', '2021-10-20', { code: 'INFO_REQUEST_EXTENSION_ONCE' }],
  ] as const)('%#', (r, days, reason, on, expected) => {
    expect(checkExtension(cal, r, days, reason, on, '2021-10-28')).toMatchObject(expected);
  });
});

describe('政府信息公开条例 第三十六条 / 第四十二条: the seven reply kinds and the fee', () => {
  it('seven kinds, each naming its item', () => {
    expect(REPLY_KINDS.map((k) => k.item)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
  });

  it('each kind needs its content', () => {
    const base = { repliedOn: '2021-10-20', feeFen: 0, excessive: false };
    expect(checkReply(open(), { ...base, kind: 'withheld', content: { reason: '涉及商业秘密' } }, '2021-10-20'))
      .toMatchObject({ code: 'INFO_REQUEST_REPLY_CONTENT_REQUIRED', field: 'content.legalBasis', citation: { article: '第三十六条', item: '（三）' } });
    expect(checkReply(open(), { ...base, kind: 'not_exist', content: {} }, '2021-10-20')).toEqual({ ok: true });
    expect(checkReply(open({ status: 'replied' }), { ...base, kind: 'not_exist', content: {} }, '2021-10-20')).toMatchObject({ code: 'INFO_REQUEST_ALREADY_REPLIED' });
    expect(checkReply(open(), { ...base, kind: 'not_exist', content: {}, repliedOn: '2021-10-21' }, '2021-10-20')).toMatchObject({ code: 'DATE_IN_FUTURE' });
  });

  it('第四十二条: no fee unless the requests clearly exceed a reasonable range', () => {
    const r = { kind: 'disclosed' as const, content: { provision: '附件' }, repliedOn: '2021-10-20' };
    expect(checkReply(open(), { ...r, feeFen: 5000, excessive: false }, '2021-10-20')).toMatchObject({ code: 'INFO_REQUEST_FEE_NOT_ALLOWED', field: 'feeFen' });
    expect(checkReply(open(), { ...r, feeFen: 5000, excessive: true }, '2021-10-20')).toEqual({ ok: true });
  });
});

describe('政府信息公开条例 第四十九条 / 第五十条: the annual request table', () => {
  it('counts received, carried over, replied by kind and carried forward', () => {
    const t = annualTable([
      { applicantKind: 'citizen', receivedOn: '2025-12-20', repliedOn: '2026-01-10', replyKind: 'disclosed', feeFen: 0 },
      { applicantKind: 'citizen', receivedOn: '2025-11-20', repliedOn: '2025-12-10', replyKind: 'disclosed', feeFen: 0 },
      { applicantKind: 'organisation', receivedOn: '2026-03-01', repliedOn: '2026-03-20', replyKind: 'withheld', feeFen: 1000 },
      { applicantKind: 'citizen', receivedOn: '2026-12-28', repliedOn: null, replyKind: null, feeFen: 0 },
      { applicantKind: 'citizen', receivedOn: null, repliedOn: null, replyKind: null, feeFen: 0 },
      { applicantKind: 'citizen', receivedOn: '2027-01-02', repliedOn: null, replyKind: null, feeFen: 0 },
    ], 2026);
    expect(t).toMatchObject({
      dueOn: '2027-01-31', carriedOver: 1, received: { citizen: 1, organisation: 1, total: 2 },
      replied: { disclosed: 1, withheld: 1, total: 2 }, carriedForward: 1, feeFen: 1000,
    });
    expect(t.carriedOver + t.received.total).toBe(t.replied.total + t.carriedForward);
  });
});

describe('政府信息公开条例 第三十条: 无正当理由逾期不补正的，视为放弃申请', () => {
  // Notice on Thu 2021-09-23 with 5 working days: 09-24, 09-26 (调休 Sunday), 09-27, 09-28, 09-29 → due 09-29.
  const waiting = (over: Partial<RequestFacts> = {}) => open({
    status: 'awaiting_correction', receivedOn: '2021-09-22', correctionNoticeOn: '2021-09-23', correctionDueOn: '2021-09-29', ...over,
  });
  it('the notice states a reasonable period in working days; the period runs on the holiday calendar', () => {
    expect(correctionPeriodDue(cal, '2021-09-23', 5).dueOn).toBe('2021-09-29');
    // Across National Day: notice 09-29, 3 working days → 09-30, then 10-08 (调休 Saturday), 10-09.
    expect(correctionPeriodDue(cal, '2021-09-29', 3).dueOn).toBe('2021-10-09');
    expect(checkCorrectionNotice(cal, open(), '2021-09-24', '请写明文号', '2021-09-24', 0)).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_PERIOD_INVALID', field: 'periodWorkingDays', citation: { article: '第三十条' } });
    expect(checkCorrectionNotice(cal, open(), '2021-09-24', '请写明文号', '2021-09-24', 61)).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_PERIOD_INVALID' });
    expect(checkCorrectionNotice(cal, open(), '2021-09-24', '请写明文号', '2021-09-24', 10)).toEqual({ ok: true });
  });
  it('deemed abandoned only after the last day of the period, with no correction', () => {
    expect(isDeemedAbandoned(waiting(), '2021-09-29')).toBe(false);
    expect(isDeemedAbandoned(waiting(), '2021-09-30')).toBe(true);
    expect(isDeemedAbandoned(waiting({ status: 'received', correctedOn: '2021-09-28' }), '2021-09-30')).toBe(false);
    expect(checkAbandonment(waiting(), '2021-09-29')).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_PERIOD_RUNNING', citation: { law: '政府信息公开条例', article: '第三十条' } });
    expect(checkAbandonment(waiting(), '2021-09-30')).toEqual({ ok: true });
    expect(checkAbandonment(waiting({ correctionDueOn: null }), '2021-10-30')).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_PERIOD_UNSET' });
    expect(checkAbandonment(open(), '2021-10-30')).toMatchObject({ code: 'INFO_REQUEST_NOT_AWAITING_CORRECTION' });
    expect(requestActions(waiting(), '2021-09-29')).toEqual(['corrected']);
    expect(requestActions(waiting(), '2021-09-30')).toEqual(['corrected', 'abandon']);
    expect(requestActions(open({ status: 'abandoned' }), '2021-10-30')).toEqual([]);
  });
  it('a correction after the period needs its 正当理由 recorded (无正当理由 → 视为放弃)', () => {
    expect(checkCorrected(waiting(), '2021-09-29', '2021-09-29')).toEqual({ ok: true });
    expect(checkCorrected(waiting(), '2021-09-30', '2021-09-30')).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_LATE_REASON_REQUIRED', field: 'lateReason', citation: { article: '第三十条' } });
    expect(checkCorrected(waiting(), '2021-09-30', '2021-09-30', '邮寄途中延误，有邮戳为证')).toEqual({ ok: true });
  });
  it('the annual table counts an abandoned request as handled (其他处理), not carried forward', () => {
    const t = annualTable([
      { applicantKind: 'citizen', receivedOn: '2026-03-01', repliedOn: null, replyKind: null, feeFen: 0, abandonedOn: '2026-03-25' },
      { applicantKind: 'citizen', receivedOn: '2025-12-20', repliedOn: null, replyKind: null, feeFen: 0, abandonedOn: '2026-01-20' },
      { applicantKind: 'citizen', receivedOn: '2025-10-20', repliedOn: null, replyKind: null, feeFen: 0, abandonedOn: '2025-11-20' },
    ], 2026);
    expect(t).toMatchObject({ carriedOver: 1, received: { total: 1 }, abandoned: 2, carriedForward: 0 });
    expect(t.carriedOver + t.received.total).toBe(t.replied.total + t.abandoned + t.carriedForward);
  });
});

describe('data-error reports', () => {
  it('answered once; a rejection needs its reasons', () => {
    expect(checkErrorAnswer('open', 'rejected', '')).toMatchObject({ code: 'ERROR_REPORT_REASON_REQUIRED', field: 'note' });
    expect(checkErrorAnswer('corrected', 'corrected', 'x')).toMatchObject({ code: 'ERROR_REPORT_ALREADY_ANSWERED' });
    expect(checkErrorAnswer('open', 'corrected', '已更正金额')).toEqual({ ok: true });
  });
});
