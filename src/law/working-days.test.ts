import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_HOLIDAY_ARRANGEMENTS } from './data/cn-holidays.js';
import { workingCalendarFromArrangements } from './holiday-arrangement.js';
import { addDays, fromEpochDay, toEpochDay } from './civil-date.js';
import {
  addCalendarDays, addWorkingDays, buildWorkingCalendar, countWorkingDaysBetween, isWorkingDay, nextWorkingDayOnOrAfter,
} from './working-days.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const ok = <T>(value: T) => ({ ok: true, value });
const unwrap = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('unexpected refusal');
  return r.value;
};

describe('行政处罚法 第八十五条: working days on the State Council calendar, 2020–2026', () => {
  it.each([
    ['2021-10-01', false, '国庆节'],
    ['2021-09-18', true, 'Saturday worked for 中秋节 (调休上班)'],
    ['2024-02-04', true, 'Sunday worked for 春节'],
    ['2024-02-18', true, 'Sunday worked for 春节'],
    ['2024-02-09', true, 'the 2024 eve was encouraged leave, not a holiday'],
    ['2020-01-19', true, 'Sunday worked for 春节 2020'],
    ['2020-01-31', false, '2020 extension (国办发明电〔2020〕1号)'],
    ['2020-02-01', false, 'Saturday no longer worked after the 2020 extension'],
    ['2020-02-03', true, 'first working day after the 2020 extension'],
    ['2022-10-08', true, 'Saturday worked for 国庆节'],
    ['2023-04-05', false, '清明节 2023, a single day'],
    ['2023-04-06', true, 'ordinary Thursday'],
    ['2025-01-28', false, 'Spring Festival eve, a holiday since 2025'],
    ['2026-01-04', true, 'Sunday worked for 元旦 2026'],
    ['2026-02-23', false, 'Monday inside 春节 2026'],
    ['2026-02-28', true, 'Saturday worked for 春节 2026'],
    ['2021-07-17', false, 'ordinary Saturday'],
    ['2021-07-15', true, 'ordinary Thursday'],
  ])('%s working: %s (%s)', (on, expected) => {
    expect(isWorkingDay(cal, on)).toEqual(ok(expected));
  });

  it.each([
    ['2021-09-30', 5, '2021-10-13', 'across 国庆节 and the Saturday worked on 10-09'],
    ['2021-09-17', 2, '2021-09-22', 'the Saturday worked on 09-18 counts'],
    ['2024-02-08', 7, '2024-02-23', 'across 春节 2024 with Sunday 02-18 worked'],
    ['2020-01-23', 3, '2020-02-05', 'across the extended 春节 2020'],
    ['2025-12-29', 5, '2026-01-06', 'across the year end, with Sunday 2026-01-04 worked'],
    ['2019-12-31', 1, '2020-01-02', 'the starting day (in an uncovered year) is not counted'],
    ['2021-07-14', 1, '2021-07-15', 'the next working day'],
    ['2021-07-16', 2, '2021-07-20', 'over an ordinary weekend'],
  ])('%s + %i working days = %s (%s)', (fromOn, n, expected) => {
    expect(addWorkingDays(cal, fromOn, n)).toEqual(ok(expected));
  });

  it('counts into a year without a recorded arrangement on its provisional calendar, marked provisional with the year', () => {
    // 2027: 元旦 (Friday) rests by statute; Saturday 01-02 and Sunday 01-03 could be worked (调休上班), so count.
    expect(addWorkingDays(cal, '2026-12-28', 5)).toEqual({ ok: true, value: '2027-01-03', provisional: true, provisionalYears: [2027] });
    expect(addWorkingDays(cal, '2027-02-04', 1)).toEqual({ ok: true, value: '2027-02-09', provisional: true, provisionalYears: [2027] });
    expect(isWorkingDay(cal, '2019-06-03')).toEqual({ ok: true, value: true, provisional: true, provisionalYears: [2019] });
    expect(isWorkingDay(cal, '2027-10-01')).toEqual({ ok: true, value: false, provisional: true, provisionalYears: [2027] });
    // An ordinary Saturday far from any holiday rests whatever the notice says.
    expect(isWorkingDay(cal, '2027-07-17')).toEqual({ ok: true, value: false, provisional: true, provisionalYears: [2027] });
    const only2021 = buildWorkingCalendar({ years: [2021], restDays: ['2021-10-01'], workDays: [] });
    expect(isWorkingDay(only2021, '2022-03-01')).toEqual({ ok: true, value: true, provisional: true, provisionalYears: [2022] });
    expect(isWorkingDay(only2021, '2022-02-01')).toMatchObject({ value: false, provisional: true }); // 春节 2022
    expect(addWorkingDays(cal, '2026-12-30', 1)).toEqual(ok('2026-12-31'));
  });

  it('with bound latest (a party\'s window), weekends and weekdays near a holiday that may be made rest days rest', () => {
    // 2027-01-04 … 01-08 may become bridge or compensatory rest days after 元旦; the window ends no earlier than the notice's.
    expect(addWorkingDays(cal, '2026-12-28', 5, 'latest')).toEqual({ ok: true, value: '2027-01-12', provisional: true, provisionalYears: [2027] });
    expect(isWorkingDay(cal, '2027-01-02', 'latest')).toMatchObject({ value: false, provisional: true });
    expect(isWorkingDay(cal, '2027-03-03', 'latest')).toMatchObject({ value: true, provisional: true });
    // On a recorded year the bound changes nothing.
    expect(addWorkingDays(cal, '2021-09-30', 5, 'latest')).toEqual(ok('2021-10-13'));
  });

  it('rejects inconsistent calendar data', () => {
    expect(() => buildWorkingCalendar({ years: [2021], restDays: ['2022-01-03'], workDays: [] })).toThrow(RangeError);
    expect(() => buildWorkingCalendar({ years: [2021], restDays: ['2021-10-09'], workDays: ['2021-10-09'] })).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2021-07-01', 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2021-7-1', 1)).toThrow(RangeError);
  });
});

describe('民事诉讼法 第八十五条 / 民法典 第二百零三条: natural-day periods end on a working day', () => {
  it.each([
    ['2021-09-16', 15, '2021-10-08', 'last day 10-01 falls in 国庆节'],
    ['2024-02-03', 15, '2024-02-18', 'last day is a Sunday worked: no roll'],
    ['2021-07-01', 15, '2021-07-16', 'last day an ordinary Friday'],
    ['2021-07-02', 15, '2021-07-19', 'last day a Saturday rolls to Monday'],
    ['2020-01-16', 15, '2020-02-03', 'last day inside the extended 春节 2020'],
    ['2021-07-15', 90, '2021-10-13', '第六十条 ninety days; rest days inside are not deducted'],
  ])('%s + %i days = %s (%s)', (fromOn, n, expected) => {
    expect(addCalendarDays(cal, fromOn, n)).toEqual(ok(expected));
  });

  it('counts working days after the start up to and including the end', () => {
    expect(countWorkingDaysBetween(cal, '2021-09-30', '2021-10-13')).toEqual(ok(5));
    expect(countWorkingDaysBetween(cal, '2021-10-01', '2021-10-01')).toEqual(ok(0));
    expect(countWorkingDaysBetween(cal, '2021-10-13', '2021-09-30')).toEqual(ok(0));
    expect(countWorkingDaysBetween(cal, '2026-12-30', '2027-01-05')).toEqual({ ok: true, value: 5, provisional: true, provisionalYears: [2027] });
  });
});

describe('行政处罚法 第八十五条: properties', () => {
  const first = toEpochDay('2020-01-01');
  const last = toEpochDay('2026-11-30');
  const dayArb = fc.integer({ min: first, max: last }).map(fromEpochDay);
  const nArb = fc.integer({ min: 1, max: 20 });

  it('a working-day deadline never lands on a rest day or ordinary weekend', () => {
    fc.assert(fc.property(dayArb, nArb, (d, n) => {
      const r = addWorkingDays(cal, d, n);
      return unwrap(isWorkingDay(cal, r.value)) === true;
    }));
  });

  it('is strictly increasing in n', () => {
    fc.assert(fc.property(dayArb, nArb, nArb, (d, a, b) => {
      fc.pre(a !== b);
      const [ra, rb] = [addWorkingDays(cal, d, a), addWorkingDays(cal, d, b)];
      fc.pre(ra.ok && rb.ok);
      return (a < b) === (unwrap(ra) < unwrap(rb));
    }));
  });

  it('has exactly n working days after the start up to and including the result, the result being the n-th', () => {
    fc.assert(fc.property(dayArb, nArb, (d, n) => {
      const r = addWorkingDays(cal, d, n);
      fc.pre(r.ok);
      const end = unwrap(r);
      return unwrap(countWorkingDaysBetween(cal, d, end)) === n
        && unwrap(countWorkingDaysBetween(cal, d, addDays(end, -1))) === n - 1;
    }));
  });

  it('a natural-day deadline is the first working day on or after start + n', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 120 }), (d, n) => {
      const r = addCalendarDays(cal, d, n);
      fc.pre(r.ok);
      const end = unwrap(r);
      const nominal = addDays(d, n);
      if (end < nominal || !unwrap(isWorkingDay(cal, end))) return false;
      for (let day = nominal; day < end; day = addDays(day, 1)) if (unwrap(isWorkingDay(cal, day))) return false;
      return unwrap(nextWorkingDayOnOrAfter(cal, nominal)) === end;
    }));
  });
});
