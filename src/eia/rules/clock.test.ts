import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_HOLIDAY_ARRANGEMENTS } from '../../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../../law/holiday-arrangement.js';
import { addDays, fromEpochDay, toEpochDay } from '../../law/civil-date.js';
import { isWorkingDay } from '../../law/working-days.js';
import { computeDecisionClock, computeIntakeNoticeDueOn, computePeriodEnd, isDeemedAccepted, type ClockFacts } from './clock.js';
import type { Pause } from './types.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const promised = { report: 40, form: 15 };
const facts = (over: Partial<ClockFacts>): ClockFacts => ({
  kind: 'new', category: 'form', acceptedOn: '2026-11-02', pauses: [], promised, decidedOn: null, todayOn: '2026-11-02', ...over,
});
const expert: Pause = { kind: 'expert-review', startOn: '2026-11-10', endOn: '2026-11-19', noticeOn: '2026-11-10' };

describe('行政许可法 第三十二条 with 第八十二条: the correction notice within 5 working days of receipt, else deemed accepted', () => {
  it.each([
    ['2026-12-01', '2026-12-08', 'an ordinary week'],
    ['2026-09-28', '2026-10-10', 'over 国庆节, the adjusted working Saturday counted'],
    ['2026-02-12', '2026-02-26', 'over 春节 2026'],
  ])('received %s → notice due %s (%s)', (receivedOn, dueOn) => {
    expect(computeIntakeNoticeDueOn(cal, receivedOn)).toBe(dueOn);
  });
  it('counts as accepted only after the fifth working day has passed', () => {
    expect(isDeemedAccepted(cal, '2026-09-28', '2026-10-10')).toBe(false);
    expect(isDeemedAccepted(cal, '2026-09-28', '2026-10-11')).toBe(true);
  });
  it('property: the notice due day is always a working day', () => {
    fc.assert(fc.property(fc.integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2026-12-20') }), (d) => {
      expect(isWorkingDay(cal, computeIntakeNoticeDueOn(cal, fromEpochDay(d))).value).toBe(true);
    }));
  });
});

describe('环境影响评价法 第二十二条: decision within 60 days (报告书) / 30 days (报告表), calendar days (not 第八十二条 working days)', () => {
  it('报告表: 30 days after acceptance, a last day in the 国庆节 holiday rolls to the next working day', () => {
    expect(computeDecisionClock(cal, facts({ acceptedOn: '2026-09-01', todayOn: '2026-09-01' }))!).toMatchObject({
      statutoryDays: 30, statutoryDueOn: '2026-10-08', statutoryCitation: { law: '环境影响评价法', article: '第二十二条' },
    });
  });
  it('报告书: 60 days, the last day in the 劳动节 holiday rolls forward', () => {
    expect(computeDecisionClock(cal, facts({ category: 'report', acceptedOn: '2026-03-02', todayOn: '2026-03-02' }))!.statutoryDueOn).toBe('2026-05-06');
  });
  it('第二十二条第三款: counted from receipt of the document, not from acceptance; the promise from acceptance', () => {
    const c = computeDecisionClock(cal, facts({ receivedOn: '2026-11-02', acceptedOn: '2026-11-06', todayOn: '2026-11-06' }))!;
    expect(c).toMatchObject({ statutoryDueOn: '2026-12-02', statutoryCitation: { paragraph: '第三款' } });
    expect(c.promisedDueOn).toBe(computeDecisionClock(cal, facts({ acceptedOn: '2026-11-06', todayOn: '2026-11-06' }))!.promisedDueOn);
  });
  it('登记表 has no decision period: it is filed (建设项目环境保护管理条例 第九条)', () => {
    expect(computeDecisionClock(cal, facts({ category: 'registration' }))).toBeNull();
  });
  it('环境影响评价法 第二十四条: the 5-year re-check is answered within 10 days', () => {
    expect(computeDecisionClock(cal, facts({ kind: 'recheck', acceptedOn: '2026-12-01' }))!).toMatchObject({
      statutoryDays: 10, statutoryDueOn: '2026-12-11', statutoryCitation: { article: '第二十四条' }, promisedDueOn: null,
    });
  });
});

describe('行政许可法 第四十五条: expert review time is not counted', () => {
  it('a 10-day expert review moves the statutory and the promised due dates', () => {
    const without = computeDecisionClock(cal, facts({}))!;
    expect(without).toMatchObject({ statutoryDueOn: '2026-12-02', promisedWorkingDays: 15, promisedDueOn: '2026-11-23' });
    const withPause = computeDecisionClock(cal, facts({ pauses: [expert], todayOn: '2026-11-25' }))!;
    // 30 counted days + 10 paused = 12-12 (a Saturday) → Monday 12-14.
    expect(withPause).toMatchObject({ statutoryDueOn: '2026-12-14', promisedDueOn: '2026-12-03', workingDaysUsed: 9, pausedDays: 10 });
  });
  it('an open pause keeps the clock stopped and shows as paused', () => {
    const open: Pause = { ...expert, endOn: null };
    const c = computeDecisionClock(cal, facts({ pauses: [open], todayOn: '2026-11-20' }))!;
    expect(c.state).toBe('paused');
    expect(c.workingDaysUsed).toBe(5);
  });
  it('property: a working-day period end never lands on a rest day or inside a pause', () => {
    fc.assert(fc.property(fc.integer({ min: toEpochDay('2021-01-01'), max: toEpochDay('2026-10-01') }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), (d, n, len) => {
      const from = fromEpochDay(d);
      const pause: Pause = { kind: 'hearing', startOn: addDays(from, 3), endOn: addDays(from, 3 + len), noticeOn: addDays(from, 3) };
      const end = computePeriodEnd(cal, from, n, 'working', [pause]);
      expect(isWorkingDay(cal, end).value).toBe(true);
      expect(end >= pause.startOn && end <= pause.endOn!).toBe(false);
    }));
  });
});

describe('the bureau’s promised period (working days) and the board states', () => {
  it('due soon within 3 working days of the earlier due date, overdue after it, decided once decided', () => {
    expect(computeDecisionClock(cal, facts({ todayOn: '2026-11-05' }))!.state).toBe('running');
    expect(computeDecisionClock(cal, facts({ todayOn: '2026-11-19' }))!.state).toBe('due-soon');
    const late = computeDecisionClock(cal, facts({ todayOn: '2026-11-25' }))!;
    expect(late).toMatchObject({ state: 'overdue', workingDaysLeftToPromise: -2 });
    expect(computeDecisionClock(cal, facts({ todayOn: '2026-11-25', decidedOn: '2026-11-20' }))!).toMatchObject({ state: 'decided', workingDaysUsed: 14 });
  });
});
