import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_ARRANGEMENTS } from '../../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../../law/holiday-arrangement.js';
import { periodCalendarOf } from '../calendar.js';
import { computeDue } from './deadlines.js';

// The calendar on record: 2020–2026; 2027 is provisional.
const cal = periodCalendarOf(workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS));

describe('行政处罚法 第八十五条: periods running into a year without a recorded arrangement are 暂定', () => {
  it('行政处罚法 第六十条: the bureau\'s 90 days to decide take the earliest possible date', () => {
    // 2026-10-04 + 90 = Saturday 2027-01-02, next to 元旦: it may be worked, so it is not rolled forward.
    expect(computeDue(cal, 'decision', '2026-10-04')).toEqual({ dueOn: '2027-01-02', provisionalYears: [2027] });
    expect(computeDue(cal, 'decision', '2026-07-01')).toEqual({ dueOn: '2026-09-29', provisionalYears: [] });
  });

  it('行政处罚法 第六十四条 (一): the party\'s 5 working days to request a hearing take the latest possible date', () => {
    expect(computeDue(cal, 'hearingRequest', '2026-12-28')).toEqual({ dueOn: '2027-01-12', provisionalYears: [2027] });
    expect(computeDue(cal, 'hearingRequest', '2026-12-21')).toEqual({ dueOn: '2026-12-28', provisionalYears: [] });
  });

  it('行政处罚法 第六十七条: the 15 days to pay end no earlier than the final calendar allows', () => {
    // 2026-12-25 + 15 = Saturday 2027-01-09: rests; Monday 01-11 is a week past 元旦, a working day in any arrangement.
    expect(computeDue(cal, 'payment', '2026-12-25')).toEqual({ dueOn: '2027-01-11', provisionalYears: [2027] });
  });

  it('logs each computation with what it was computed from, for recomputation', () => {
    const logging = periodCalendarOf(workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS));
    computeDue(logging, 'decision', '2026-12-03', 30);
    expect(logging.computed).toEqual([{ period: 'decision', fromOn: '2026-12-03', extraDays: 30, dueOn: '2027-04-02', provisionalYears: [2027] }]);
  });
});
