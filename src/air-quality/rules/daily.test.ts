import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDailyMean, computeDailyValues, computeOzoneDay } from './daily.js';
import { airRuleSetFor } from './rule-sets.js';

const rules = airRuleSetFor('2020-06-01');
const full = (v: number) => Array.from({ length: 24 }, () => v);
const withGaps = (values: (number | null)[], missing: number[]) => values.map((v, h) => (missing.includes(h) ? null : v));

describe('GB 3095-2012 表4: a 24-hour mean needs at least 20 hourly values', () => {
  it('is valid with 24 and with 20 valid hours, null with 19', () => {
    expect(computeDailyMean('pm25', 24 * 40, 24, rules)).toBe(40);
    expect(computeDailyMean('pm25', 20 * 40, 20, rules)).toBe(40);
    expect(computeDailyMean('pm25', 19 * 40, 19, rules)).toBeNull();
  });

  it('rounds the mean half to even (GB/T 8170): 35.5 → 36, 36.5 → 36; CO 0.85 → 0.8', () => {
    expect(computeDailyMean('pm25', 35.5 * 20, 20, rules)).toBe(36);
    expect(computeDailyMean('pm25', 36.5 * 20, 20, rules)).toBe(36);
    expect(computeDailyMean('co', 0.85 * 20, 20, rules)).toBe(0.8);
    expect(computeDailyMean('co', 0.851 * 20, 20, rules)).toBe(0.9);
  });

  it('counts only the hours given as valid (missing hours are null)', () => {
    const pm = withGaps(full(50), [0, 1, 2, 3]);
    const day = computeDailyValues({ so2: full(5), no2: full(20), co: full(0.5), o3: full(80), pm10: full(60), pm25: pm }, rules);
    expect(day.validHours.pm25).toBe(20);
    expect(day.pm25).toBe(50);
    const worse = computeDailyValues({ so2: full(5), no2: full(20), co: full(0.5), o3: full(80), pm10: full(60), pm25: withGaps(pm, [4]) }, rules);
    expect(worse.pm25).toBeNull();
    expect(worse.so2).toBe(5);
  });
});

describe('HJ 663-2013 臭氧日最大8小时平均: windows 00–07 … 16–23, ≥ 6 hours each, ≥ 14 windows a day', () => {
  it('takes the largest of the 17 window means within the natural day', () => {
    const o3 = full(100);
    o3[20] = 300; // window 13 (13–20) … 16 (16–23) include it
    const day = computeOzoneDay(o3, rules);
    expect(day.validWindows).toBe(17);
    expect(day.max8h).toBe(125); // (7·100 + 300) / 8
    expect(day.max1h).toBe(300);
  });

  it('a window with 5 valid hours does not count; 6 does', () => {
    // Hours 0–4 missing: windows 0, 1, 2 have 3, 4, 5 valid hours; window 3 (3–10) has 6.
    expect(computeOzoneDay(withGaps(full(100), [0, 1, 2, 3, 4]), rules).validWindows).toBe(14);
    expect(computeOzoneDay(withGaps(full(100), [0, 1, 2, 3, 4]), rules).max8h).toBe(100);
  });

  it('with 13 valid windows the day has no value, unless its maximum exceeds 160 µg/m³', () => {
    const gaps = [0, 1, 2, 3, 4, 5];
    expect(computeOzoneDay(withGaps(full(100), gaps), rules)).toMatchObject({ validWindows: 13, max8h: null });
    expect(computeOzoneDay(withGaps(full(161), gaps), rules)).toMatchObject({ validWindows: 13, max8h: 161 });
    expect(computeOzoneDay(withGaps(full(160), gaps), rules)).toMatchObject({ validWindows: 13, max8h: null });
  });

  it('averages over the valid hours of a window (divisor 6 or 7), rounded half to even', () => {
    const o3: (number | null)[] = full(100);
    o3[16] = null; o3[17] = null; o3[23] = 201; // window 16–23: six hours: (5·100 + 201)/6 = 116.83
    expect(computeOzoneDay(o3, rules).max8h).toBe(117);
  });

  it('needs 20 valid hours for the daily maximum 1-hour value', () => {
    expect(computeOzoneDay(withGaps(full(100), [0, 1, 2, 3, 4]), rules).max1h).toBeNull();
    expect(computeOzoneDay(withGaps(full(100), [0, 1, 2, 3]), rules).max1h).toBe(100);
  });

  it('property: missing hours never raise the number of valid windows; MDA8 ≥ every valid window mean', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), { minLength: 24, maxLength: 24 }), fc.integer({ min: 0, max: 23 }), (hours, drop) => {
      const a = computeOzoneDay(hours, rules);
      const b = computeOzoneDay(hours.map((v, h) => (h === drop ? null : v)), rules);
      expect(b.validWindows).toBeLessThanOrEqual(a.validWindows);
      if (a.validWindows === 17) expect(a.max8h).not.toBeNull();
    }), { numRuns: 1000 });
  });
});
