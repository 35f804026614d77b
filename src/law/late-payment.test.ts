import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from './civil-date.js';
import { CN_HOLIDAY_ARRANGEMENTS } from './data/cn-holidays.js';
import { workingCalendarFromArrangements } from './holiday-arrangement.js';
import { computeLatePaymentSurcharge, computeLatePaymentSurchargeFen, computePaymentDueOn } from './late-payment.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const fine = 1_000_000; // 1 万元
const dueOn = '2021-08-02';

describe('行政处罚法 第六十七条: pay within fifteen days of receiving the decision', () => {
  it.each([
    ['2021-07-15', '2021-07-30'],
    ['2021-09-16', '2021-10-08'], // day 15 is 国庆节: the next working day
    ['2021-07-02', '2021-07-19'], // day 15 is a Saturday
  ])('served %s → last day to pay %s', (servedOn, expected) => {
    expect(computePaymentDueOn(cal, servedOn)).toEqual({ ok: true, value: expected });
  });
});

describe('行政处罚法 第七十二条第一款第（一）项: 加处罚款 3 % per day, not above the fine', () => {
  it.each([
    [dueOn, 0, 0],
    ['2021-08-03', 1, 30_000],
    ['2021-08-12', 10, 300_000],
    ['2021-09-04', 33, 990_000],
    ['2021-09-05', 34, 1_000_000], // 102 % capped at the fine
    ['2022-08-02', 365, 1_000_000],
    ['2021-07-20', 0, 0], // paid early
  ])('paid %s: %i days overdue, surcharge %i fen', (paidOn, days, surchargeFen) => {
    const r = computeLatePaymentSurcharge({ fineFen: fine, dueOn, paidOn });
    expect(r).toMatchObject({ daysOverdue: days, surchargeFen, citation: { law: '行政处罚法', article: '第七十二条' } });
    expect(r.capped).toBe(days >= 34);
    expect(computeLatePaymentSurchargeFen({ fineFen: fine, dueOn, paidOn })).toBe(surchargeFen);
  });

  it('while unpaid, counts up to and including the day asked about', () => {
    expect(computeLatePaymentSurchargeFen({ fineFen: fine, dueOn, asOfOn: '2021-08-05' })).toBe(90_000);
  });

  it('rounds once, half-up, to the fen', () => {
    expect(computeLatePaymentSurchargeFen({ fineFen: 1, dueOn, paidOn: addDays(dueOn, 17) })).toBe(1); // 0.51 fen
    expect(computeLatePaymentSurchargeFen({ fineFen: 1, dueOn, paidOn: addDays(dueOn, 16) })).toBe(0); // 0.48 fen
  });

  it('needs exactly one of paidOn and asOfOn', () => {
    expect(() => computeLatePaymentSurchargeFen({ fineFen: fine, dueOn })).toThrow(RangeError);
    expect(() => computeLatePaymentSurchargeFen({ fineFen: fine, dueOn, paidOn: dueOn, asOfOn: dueOn })).toThrow(RangeError);
    expect(() => computeLatePaymentSurchargeFen({ fineFen: 1.5, dueOn, paidOn: dueOn })).toThrow(RangeError);
  });

  it('never exceeds the fine and never decreases as days pass', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (fineFen, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const sLo = computeLatePaymentSurchargeFen({ fineFen, dueOn, asOfOn: addDays(dueOn, lo) });
      const sHi = computeLatePaymentSurchargeFen({ fineFen, dueOn, asOfOn: addDays(dueOn, hi) });
      return sLo >= 0 && sLo <= sHi && sHi <= fineFen;
    }));
  });
});
