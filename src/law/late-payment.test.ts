import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from './civil-date.js';
import { CN_HOLIDAY_ARRANGEMENTS } from './data/cn-holidays.js';
import { workingCalendarFromArrangements } from './holiday-arrangement.js';
import { computeLatePaymentSurcharge, computeLatePaymentSurchargeFen, computePaymentDueOn, computeScheduledSurchargeFen, countSurchargeDays } from './late-payment.js';

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

describe('行政处罚法 第七十三条第三款: no surcharge is counted while reconsideration or litigation runs', () => {
  const schedule = [{ dueOn, amountFen: fine }];
  it('days inside a closed proceeding are left out (both ends counted as paused)', () => {
    // 10 days overdue by 2021-08-12; a reconsideration 2021-08-05..2021-08-08 pauses 4 of them.
    expect(computeScheduledSurchargeFen({ schedule, payments: [], pauses: [], asOfOn: '2021-08-12' })).toBe(300_000);
    expect(computeScheduledSurchargeFen({ schedule, payments: [], pauses: [{ fromOn: '2021-08-05', toOn: '2021-08-08' }], asOfOn: '2021-08-12' })).toBe(180_000);
  });
  it('a pending proceeding pauses up to today; overlapping proceedings pause each day once', () => {
    expect(computeScheduledSurchargeFen({ schedule, payments: [], pauses: [{ fromOn: '2021-08-05', toOn: null }], asOfOn: '2021-08-12' })).toBe(60_000);
    expect(computeScheduledSurchargeFen({ schedule, payments: [], pauses: [{ fromOn: '2021-08-05', toOn: '2021-08-08' }, { fromOn: '2021-08-07', toOn: '2021-08-09' }], asOfOn: '2021-08-12' })).toBe(150_000);
  });
  it('a proceeding filed before the deadline pauses only the days after it', () => {
    expect(countSurchargeDays(dueOn, '2021-08-12', [{ fromOn: '2021-07-20', toOn: '2021-08-04' }], '2021-08-12')).toBe(8);
  });
  it('without pauses it equals the single-deadline rule (第七十二条)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -5, max: 60 }), (f, days) => {
      const asOfOn = addDays(dueOn, days);
      expect(computeScheduledSurchargeFen({ schedule: [{ dueOn, amountFen: f }], payments: [], pauses: [], asOfOn }))
        .toBe(computeLatePaymentSurchargeFen({ fineFen: f, dueOn, asOfOn }));
    }));
  });
});

describe('行政处罚法 第六十六条第二款: an approved deferral or instalments move the due dates', () => {
  it('a deferral: nothing accrues before the new date', () => {
    expect(computeScheduledSurchargeFen({ schedule: [{ dueOn: '2021-09-30', amountFen: fine }], payments: [], pauses: [], asOfOn: '2021-09-30' })).toBe(0);
    expect(computeScheduledSurchargeFen({ schedule: [{ dueOn: '2021-09-30', amountFen: fine }], payments: [], pauses: [], asOfOn: '2021-10-01' })).toBe(30_000);
  });
  it('each instalment bears its own days until payments cover it', () => {
    const schedule = [{ dueOn: '2021-09-01', amountFen: 400_000 }, { dueOn: '2021-10-01', amountFen: 600_000 }];
    // First paid on time, second 2 days late: 3 % × 2 × 6 000 元.
    expect(computeScheduledSurchargeFen({ schedule, payments: [{ paidOn: '2021-09-01', amountFen: 400_000 }, { paidOn: '2021-10-03', amountFen: 600_000 }], pauses: [], asOfOn: '2021-12-01' })).toBe(36_000);
    // Nothing paid: the first has 5 days on 4 000 元, the second none yet.
    expect(computeScheduledSurchargeFen({ schedule, payments: [], pauses: [], asOfOn: '2021-09-06' })).toBe(60_000);
  });
  it('the surcharge over all instalments never exceeds the fine (第七十二条)', () => {
    const schedule = [{ dueOn: '2021-09-01', amountFen: 400_000 }, { dueOn: '2021-10-01', amountFen: 600_000 }];
    expect(computeScheduledSurchargeFen({ schedule, payments: [], pauses: [], asOfOn: '2022-12-01' })).toBe(fine);
  });
});
