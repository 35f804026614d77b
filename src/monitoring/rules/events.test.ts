import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applicableLimit, detectSeriesEvents, effectiveFlag, findConstantRuns, hourlyAverageFromMinutes, HOUR_MS, isOffline, judgeUnit, type LimitRule, type Unit,
} from './events.js';

const limits: LimitRule[] = [
  { pollutant: 'w01018', period: 'hour', lower: null, upper: 100, useReference: false, basis: 'standard', citation: 'GB 8978-1996 表4 二级', effectiveFrom: '2020-01-01', effectiveTo: null },
  { pollutant: 'w01018', period: 'hour', lower: null, upper: 60, useReference: false, basis: 'permit', citation: '排污许可证 许可排放浓度', effectiveFrom: '2021-01-01', effectiveTo: null },
  { pollutant: 'w01001', period: 'hour', lower: 6, upper: 9, useReference: false, basis: 'standard', citation: 'GB 8978-1996 表4 pH', effectiveFrom: '2020-01-01', effectiveTo: null },
];
const h = (i: number, value: number | null, flag: string | null = 'N'): Unit => ({ at: Date.UTC(2021, 5, 1) + i * HOUR_MS, value, flag });

describe('水污染防治法 第八十三条（二）/ 大气污染防治法 第九十九条（二）: exceedance of the limit in force', () => {
  it('the stricter of emission standard and permit applies, with its citation', () => {
    expect(applicableLimit(limits, 'w01018', 'hour', '2020-06-01')).toMatchObject({ upper: 100, citation: 'GB 8978-1996 表4 二级' });
    expect(applicableLimit(limits, 'w01018', 'hour', '2021-06-01')).toMatchObject({ upper: 60, citation: expect.stringContaining('排污许可证') });
    expect(applicableLimit(limits, 'w21003', 'hour', '2021-06-01')).toBeNull();
  });

  it('counts only valid data (flag N); T is a suspected exceedance', () => {
    const l = applicableLimit(limits, 'w01018', 'hour', '2021-06-01')!;
    expect(judgeUnit(h(0, 61), l)).toBe('exceeds');
    expect(judgeUnit(h(0, 60), l)).toBe('within');
    expect(judgeUnit(h(0, 600, 'D'), l)).toBe('invalid');
    expect(judgeUnit(h(0, 600, 'M'), l)).toBe('invalid');
    expect(judgeUnit(h(0, null, null), l)).toBe('invalid');
    expect(judgeUnit(h(0, 600, 'T'), l)).toBe('suspected');
  });

  it('HJ 212-2017 表 4: a value sent without -Flag is read as N for exceedance and data quality (issue 11 item 3)', () => {
    const l = applicableLimit(limits, 'w01018', 'hour', '2021-06-01')!;
    expect(effectiveFlag(null)).toBe('N');
    expect(effectiveFlag('D')).toBe('D');
    expect(judgeUnit(h(0, 600, null), l)).toBe('exceeds');
    expect(judgeUnit(h(0, 60, null), l)).toBe('within');
    const run = [0, 1, 2].map((i) => h(i, 80, null));
    expect(detectSeriesEvents(run, HOUR_MS, l).filter((e) => e.kind === 'exceedance').map((e) => e.run.units)).toEqual([3]);
    // No flag is no flag event, and counts as a valid unit for constant values and hourly averages.
    expect(detectSeriesEvents(run, HOUR_MS, l).filter((e) => e.kind !== 'exceedance')).toEqual([]);
    expect(findConstantRuns([0, 1, 2, 3, 4, 5].map((i) => h(i, 7, null)), HOUR_MS, 6)).toHaveLength(1);
    expect(hourlyAverageFromMinutes(Array.from({ length: 6 }, () => ({ value: 10, flag: null })), 10)).toEqual({ value: 10, flag: 'N' });
  });

  it('consecutive exceedance hours form one event with start, end and peak; a gap or a compliant hour ends it', () => {
    const l = applicableLimit(limits, 'w01018', 'hour', '2021-06-01')!;
    const units = [h(0, 50), h(1, 70), h(2, 95), h(3, 80), h(4, 40), h(5, 90), h(7, 90), h(8, 75, 'M')];
    const ex = detectSeriesEvents(units, HOUR_MS, l).filter((e) => e.kind === 'exceedance').map((e) => e.run);
    expect(ex).toEqual([
      { startAt: h(1, 0).at, endAt: h(4, 0).at, units: 3, peakValue: 95, peakAt: h(2, 0).at },
      { startAt: h(5, 0).at, endAt: h(6, 0).at, units: 1, peakValue: 90, peakAt: h(5, 0).at },
      { startAt: h(7, 0).at, endAt: h(8, 0).at, units: 1, peakValue: 90, peakAt: h(7, 0).at },
    ]);
    expect(detectSeriesEvents(units, HOUR_MS, l).filter((e) => e.kind === 'maintenance')).toHaveLength(1);
  });

  it('a range test (pH) exceeds below the lower bound, and its peak is the lowest value', () => {
    const l = applicableLimit(limits, 'w01001', 'hour', '2021-06-01')!;
    const ex = detectSeriesEvents([h(0, 5.5), h(1, 4.2), h(2, 5.9), h(3, 7)], HOUR_MS, l).filter((e) => e.kind === 'exceedance');
    expect(ex.map((e) => [e.run.units, e.run.peakValue])).toEqual([[3, 4.2]]);
  });

  it('property: every exceeding valid hour lies in exactly one event and no event holds a compliant hour', () => {
    const l = applicableLimit(limits, 'w01018', 'hour', '2021-06-01')!;
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 0, max: 120 }), fc.constantFrom('N', 'N', 'N', 'D', 'T')), { maxLength: 60 }), (raw) => {
      const units = raw.map(([i, v, f]) => h(i, v, f));
      const runs = detectSeriesEvents(units, HOUR_MS, l).filter((e) => e.kind === 'exceedance').map((e) => e.run);
      const seen = new Map<number, Unit>();
      for (const u of [...units].sort((a, b) => a.at - b.at)) if (!seen.has(u.at)) seen.set(u.at, u);
      for (const u of seen.values()) {
        const inside = runs.filter((r) => u.at >= r.startAt && u.at < r.endAt).length;
        expect(inside).toBe(judgeUnit(u, l) === 'exceeds' ? 1 : 0);
      }
    }), { numRuns: 300 });
  });
});

describe('data quality', () => {
  it('six identical valid hours are a constant-value event', () => {
    expect(findConstantRuns([0, 1, 2, 3, 4, 5].map((i) => h(i, 12.5)), HOUR_MS, 6)).toHaveLength(1);
    expect(findConstantRuns([0, 1, 2, 3, 4, 6].map((i) => h(i, 12.5)), HOUR_MS, 6)).toHaveLength(0);
    expect(findConstantRuns([0, 1, 2, 3, 4, 5].map((i) => h(i, i === 3 ? 12.6 : 12.5)), HOUR_MS, 6)).toHaveLength(0);
  });

  it('hourly average from minute records needs 45 valid minutes', () => {
    const rec = (n: number, flag = 'N') => Array.from({ length: n }, (_, i) => ({ value: 10 + i, flag }));
    expect(hourlyAverageFromMinutes(rec(6), 10)).toEqual({ value: 12.5, flag: 'N' });
    expect(hourlyAverageFromMinutes([...rec(4), ...rec(2, 'D')], 10)).toEqual({ value: null, flag: 'D' });
  });

  it('offline after three intervals without data', () => {
    expect(isOffline(0, 60, 180_000)).toBe(false);
    expect(isOffline(0, 60, 180_001)).toBe(true);
  });
});
