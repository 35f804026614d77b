import { describe, expect, it } from 'vitest';
import { computeChangePercent, computeImprovementPercent } from './year-on-year.js';

describe('year-on-year improvement = (last − this) / last × 100 (the seed\'s formula)', () => {
  it('reproduces the seed: PM10 64 → 53: 17.19 %; PM2.5 35 → 30: 14.3 %; O3 160 → 154: 3.8 % (1 decimal)', () => {
    expect(computeImprovementPercent(64, 53)).toBe(17.19);
    expect(computeImprovementPercent(35, 30, 1)).toBe(14.3);
    expect(computeImprovementPercent(160, 154, 1)).toBe(3.8);
    expect(computeImprovementPercent(160, 154)).toBe(3.75);
  });
  it('is negative when worse; the change rate has the opposite sign; last year 0 gives null', () => {
    expect(computeImprovementPercent(4, 5)).toBe(-25);
    expect(computeChangePercent(4, 5)).toBe(25);
    expect(computeChangePercent(3.14, 3.0)).toBe(-4.46);
    expect(computeImprovementPercent(0, 5)).toBeNull();
  });
});
