import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeAqi, computeIaqi, aqiLevel, roundConcentration } from './aqi.js';
import { AQI_METRICS, METRIC_POLLUTANT, type AqiMetric } from './pollutants.js';
import { HJ633_2012, HJ633_2026, type AqiStandard } from './standards/hj633.js';

const STANDARDS: AqiStandard[] = [HJ633_2012, HJ633_2026];
const step = (m: AqiMetric) => (METRIC_POLLUTANT[m] === 'co' ? 0.1 : 1);
/** Rows of the table that exist for a metric: [concentration, IAQI]. */
const rows = (std: AqiStandard, m: AqiMetric) =>
  std.breakpoints[m].map((bp, i) => [bp, std.iaqi[i]] as const).filter(([bp]) => bp !== null) as [number, number][];

/** The formula with exact rationals (BigInt), independent of the implementation's integer scaling. */
function expectedIaqi(std: AqiStandard, m: AqiMetric, c: number): number {
  const r = rows(std, m);
  const f = METRIC_POLLUTANT[m] === 'co' ? 10n : 1n;
  const C = BigInt(Math.round(c * Number(f)));
  for (let i = 0; i + 1 < r.length; i++) {
    const lo = BigInt(Math.round(r[i]![0] * Number(f)));
    const hi = BigInt(Math.round(r[i + 1]![0] * Number(f)));
    if (C >= lo && C <= hi) {
      const num = BigInt(r[i + 1]![1] - r[i]![1]) * (C - lo);
      const den = hi - lo;
      return r[i]![1] + Number((num + den - 1n) / den);
    }
  }
  throw new Error('outside table');
}

describe('HJ 633-2012 表1 / HJ 633-2026 表3: IAQI at every breakpoint of every pollutant and averaging time', () => {
  const cases = STANDARDS.flatMap((std) => AQI_METRICS.flatMap((m) => rows(std, m).map(([bp, iaqi]) => [std.id, m, bp, iaqi, std] as const)));
  it.each(cases)('%s %s at %d → IAQI %d', (_id, m, bp, iaqi, std) => {
    expect(computeIaqi(m, bp, std)).toBe(iaqi);
  });
});

describe('HJ 633 公式(1): IAQI between breakpoints, rounded up (全部向上进位取整数)', () => {
  const cases = STANDARDS.flatMap((std) => AQI_METRICS.flatMap((m) => {
    const r = rows(std, m);
    return r.slice(0, -1).flatMap(([bp], i) => {
      const next = r[i + 1]![0];
      const mid = METRIC_POLLUTANT[m] === 'co' ? Math.round(((bp + next) / 2) * 10) / 10 : Math.round((bp + next) / 2);
      return [[std.id, m, bp + step(m), std], [std.id, m, mid, std], [std.id, m, Math.round((next - step(m)) * 10) / 10, std]] as const;
    });
  }));
  it.each(cases)('%s %s at %d', (_id, m, c, std) => {
    expect(computeIaqi(m, c, std)).toBe(expectedIaqi(std, m, c));
  });

  it.each([
    // [metric, concentration, IAQI 2012, IAQI 2026] computed by hand from 公式(1)
    ['pm25_24h', 70, 94, 110], // environment-data.md §1.1 check: 50 + ⌈50·35/40⌉ = 94; 100 + ⌈50·10/55⌉ = 110
    ['pm25_24h', 76, 102, 115],
    ['pm25_24h', 1, 2, 2],
    ['pm10_24h', 100, 75, 86],
    ['co_24h', 3.5, 88, 88],
    ['o3_8h', 161, 101, 101],
    ['so2_24h', 60, 55, 55],
    ['no2_1h', 150, 75, 75],
  ] as const)('%s %d → %d (2012), %d (2026)', (m, c, i2012, i2026) => {
    expect(computeIaqi(m, c, HJ633_2012)).toBe(i2012);
    expect(computeIaqi(m, c, HJ633_2026)).toBe(i2026);
  });

  it('rounds the concentration first (GB/T 8170, half to even): 35.5 → 36, 34.5 → 34; CO 1.25 → 1.2', () => {
    expect(roundConcentration('pm25', 35.5)).toBe(36);
    expect(roundConcentration('pm25', 34.5)).toBe(34);
    expect(computeIaqi('pm25_24h', 35.4, HJ633_2012)).toBe(50);
    expect(computeIaqi('pm25_24h', 35.5, HJ633_2012)).toBe(52);
    expect(roundConcentration('co', 1.25)).toBe(1.2);
    expect(computeIaqi('co_24h', 1.25, HJ633_2012)).toBe(30);
    expect(computeIaqi('co_24h', 1.35, HJ633_2012)).toBe(35);
  });

  it('caps at 500 above the last row; a negative concentration has no IAQI', () => {
    expect(computeIaqi('pm25_24h', 501, HJ633_2012)).toBe(500);
    expect(computeIaqi('co_1h', 200, HJ633_2012)).toBe(500);
    expect(computeIaqi('pm10_24h', -1, HJ633_2012)).toBeNull();
  });
});

describe('HJ 633 表1 注: special cases above the top breakpoint', () => {
  it('SO2 1-hour above 800: no IAQI in 2012 (the 24-hour IAQI is reported), 200 in 2026', () => {
    expect(computeIaqi('so2_1h', 800, HJ633_2012)).toBe(200);
    expect(computeIaqi('so2_1h', 801, HJ633_2012)).toBeNull();
    expect(computeIaqi('so2_1h', 801, HJ633_2026)).toBe(200);
    const report = computeAqi({ so2_1h: 900, so2_24h: 300, no2_1h: 50, pm10_24h: 40, pm25_24h: 20, co_1h: 1, o3_1h: 50 }, HJ633_2012.hourlyMetrics, HJ633_2012);
    expect(report.iaqi.so2_24h).toBe(100 + Math.ceil((50 * 150) / 325));
    expect(report.iaqi.so2_1h).toBeUndefined();
    expect(report.substitutions).toEqual([{ metric: 'so2_1h', usedInstead: 'so2_24h' }]);
    expect(report.primaryPollutants).toEqual(['so2']);
  });

  it('O3 8-hour above 800: the O3 1-hour IAQI decides in 2012, 300 in 2026', () => {
    expect(computeIaqi('o3_8h', 800, HJ633_2012)).toBe(300);
    expect(computeIaqi('o3_8h', 801, HJ633_2012)).toBeNull();
    expect(computeIaqi('o3_8h', 801, HJ633_2026)).toBe(300);
    const daily = { so2_24h: 10, no2_24h: 20, pm10_24h: 40, pm25_24h: 20, co_24h: 1, o3_1h: 1000, o3_8h: 850 };
    const r2012 = computeAqi(daily, HJ633_2012.dailyMetrics, HJ633_2012);
    expect(r2012.aqi).toBe(400);
    expect(r2012.primaryMetrics).toEqual(['o3_1h']);
    expect(r2012.substitutions).toEqual([{ metric: 'o3_8h', usedInstead: 'o3_1h' }]);
    const r2026 = computeAqi(daily, HJ633_2026.dailyMetrics, HJ633_2026);
    expect(r2026.aqi).toBe(300);
    expect(r2026.iaqi.o3_1h).toBeUndefined();
  });
});

describe('HJ 633 5.2 and 表2: AQI, primary pollutant, level, category and colour', () => {
  const day = { so2_24h: 10, no2_24h: 30, pm10_24h: 100, pm25_24h: 70, co_24h: 0.8, o3_1h: 150, o3_8h: 120 };

  it('AQI is the largest IAQI; the primary pollutant has it; level 二级 良 yellow', () => {
    const r = computeAqi(day, HJ633_2012.dailyMetrics, HJ633_2012);
    expect(r.iaqi).toEqual({ so2_24h: 10, no2_24h: 38, pm10_24h: 75, pm25_24h: 94, co_24h: 20, o3_1h: 47, o3_8h: 67 });
    expect(r).toMatchObject({ aqi: 94, primaryPollutants: ['pm25'], exceedingMetrics: [], complete: true });
    expect(r.level).toMatchObject({ level: 2, categoryZh: '良', colour: '#FFFF00' });
  });

  it('lists every pollutant tied for the largest IAQI', () => {
    const r = computeAqi({ ...day, pm25_24h: 55 }, HJ633_2012.dailyMetrics, HJ633_2012);
    expect(r.aqi).toBe(75);
    expect(r.primaryPollutants.sort()).toEqual(['pm10', 'pm25']);
  });

  it('has no primary pollutant at AQI ≤ 50, and reports 超标污染物 (IAQI > 100) only under 2012', () => {
    expect(computeAqi({ pm25_24h: 30, pm10_24h: 40 }, HJ633_2012.dailyMetrics, HJ633_2012).primaryPollutants).toEqual([]);
    const bad = { ...day, pm25_24h: 120, pm10_24h: 200 };
    expect(computeAqi(bad, HJ633_2012.dailyMetrics, HJ633_2012).exceedingMetrics.sort()).toEqual(['pm10_24h', 'pm25_24h']);
    expect(computeAqi(bad, HJ633_2026.dailyMetrics, HJ633_2026).exceedingMetrics).toEqual([]);
  });

  it('marks a report incomplete when an indicator is missing', () => {
    const r = computeAqi({ ...day, co_24h: null }, HJ633_2012.dailyMetrics, HJ633_2012);
    expect(r).toMatchObject({ aqi: 94, complete: false });
    expect(computeAqi({}, HJ633_2012.dailyMetrics, HJ633_2012)).toMatchObject({ aqi: null, level: null });
  });

  it.each([[0, 1, '优'], [50, 1, '优'], [51, 2, '良'], [100, 2, '良'], [101, 3, '轻度污染'], [150, 3, '轻度污染'],
    [151, 4, '中度污染'], [200, 4, '中度污染'], [201, 5, '重度污染'], [300, 5, '重度污染'], [301, 6, '严重污染'], [500, 6, '严重污染']] as const)(
    'AQI %d → level %d %s', (aqi, level, category) => {
      expect(aqiLevel(aqi, HJ633_2012)).toMatchObject({ level, categoryZh: category });
    });
});

describe('HJ 633 公式(1) properties', () => {
  const metricArb = fc.constantFrom(...AQI_METRICS);
  const stdArb = fc.constantFrom(...STANDARDS);
  /** A concentration within the metric's table, in its reporting step. */
  const within = (std: AqiStandard, m: AqiMetric) => {
    const r = rows(std, m);
    const top = r[r.length - 1]![0];
    return METRIC_POLLUTANT[m] === 'co' ? fc.integer({ min: 0, max: top * 10 }).map((v) => v / 10) : fc.integer({ min: 0, max: top });
  };

  it('IAQI is non-decreasing in concentration', () => {
    fc.assert(fc.property(stdArb, metricArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (std, m, a, b) => {
      const top = rows(std, m).at(-1)![0];
      const f = METRIC_POLLUTANT[m] === 'co' ? 10 : 1;
      const [x, y] = [Math.min(a, b), Math.max(a, b)].map((v) => Math.round((v / 1000) * top * f) / f);
      expect(computeIaqi(m, x!, std)!).toBeLessThanOrEqual(computeIaqi(m, y!, std)!);
    }), { numRuns: 2000 });
  });

  it('IAQI is continuous: one reporting step never moves it more than the steepest segment allows', () => {
    fc.assert(fc.property(stdArb, metricArb, fc.integer({ min: 0, max: 10_000 }), (std, m, t) => {
      const r = rows(std, m);
      const top = r.at(-1)![0];
      const f = METRIC_POLLUTANT[m] === 'co' ? 10 : 1;
      const c = Math.round((t / 10_000) * (top - 1 / f) * f) / f;
      const steepest = Math.max(...r.slice(1).map(([bp, i], k) => (i - r[k]![1]) / ((bp - r[k]![0]) * f)));
      const jump = computeIaqi(m, Math.round((c + 1 / f) * f) / f, std)! - computeIaqi(m, c, std)!;
      expect(jump).toBeGreaterThanOrEqual(0);
      expect(jump).toBeLessThanOrEqual(Math.ceil(steepest) + 1);
    }), { numRuns: 2000 });
  });

  it('AQI is the maximum IAQI of the report\'s indicators', () => {
    fc.assert(fc.property(stdArb, fc.integer({ min: 0, max: 2 ** 31 }), (std, seed) => {
      const c: Partial<Record<AqiMetric, number>> = {};
      let s = seed;
      for (const m of std.dailyMetrics) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const top = rows(std, m).at(-1)![0];
        c[m] = METRIC_POLLUTANT[m] === 'co' ? Math.round((s % (top * 10)) ) / 10 : s % Math.min(top, 800);
      }
      const r = computeAqi(c, std.dailyMetrics, std);
      const iaqis = std.dailyMetrics.map((m) => computeIaqi(m, c[m]!, std)).filter((v): v is number => v !== null);
      expect(r.aqi).toBe(Math.max(...iaqis));
      for (const m of r.primaryMetrics) expect(r.iaqi[m]).toBe(r.aqi);
    }), { numRuns: 1000 });
  });

  it('within the table, the implementation matches the exact-rational formula', () => {
    fc.assert(fc.property(stdArb, metricArb, fc.nat(), (std, m, n) => {
      const c = fc.sample(within(std, m), { seed: n, numRuns: 1 })[0]!;
      expect(computeIaqi(m, c, std)).toBe(expectedIaqi(std, m, c));
    }), { numRuns: 500 });
  });
});
