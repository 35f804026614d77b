import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addYears, dayOfWeek, daysBetween, fromEpochDay, isCivilDate, toEpochDay } from './civil-date.js';

describe('civil dates', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(['2024-02-29', '2021-12-31'].map(isCivilDate)).toEqual([true, true]);
    expect(['2023-02-29', '2021-13-01', '2021-7-1', '2021-07-01T00:00', ''].map(isCivilDate)).toEqual([false, false, false, false, false]);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2021-07-15')).toBe(4); // Thursday, 行政处罚法 2021 in force
    expect(dayOfWeek('2024-02-04')).toBe(0);
    expect(dayOfWeek('2021-09-18')).toBe(6);
  });

  it('adds and subtracts days across month and year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(daysBetween('2021-07-15', '2021-10-13')).toBe(90);
    fc.assert(fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -1000, max: 1000 }), (day, n) =>
      toEpochDay(addDays(fromEpochDay(day), n)) === day + n));
  });

  it('民法典 第二百零二条: a period in years ends on the corresponding day, or the month end', () => {
    expect(addYears('2021-08-10', 2)).toBe('2023-08-10');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
