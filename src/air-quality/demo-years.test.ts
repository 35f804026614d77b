// The demo years' calibration: the city's HJ 663-2013 annual values land exactly on the targets, computed again
// from the import rows through the platform's own daily and period rules, and the series is deterministic.
import { describe, expect, it } from 'vitest';
import { planAirYear } from './demo-years.js';
import { computeDailyValues } from './rules/daily.js';
import { airRuleSetFor } from './rules/rule-sets.js';
import { areaSeries, computeAreaPeriod, type StationDay } from './rules/areas.js';
import { checkAttainment } from './rules/statistics.js';
import { POLLUTANTS, type Pollutant } from './rules/pollutants.js';

const CODES = ['370602001', '370602002', '370611003', '370612004', '370613005', '370671006', '370676007'];

function cityYear(plan: ReturnType<typeof planAirYear>) {
  const ids = new Map(CODES.map((c, i) => [c, i + 1]));
  const days: StationDay[] = [];
  for (let m = 1; m <= 12; m++) {
    const byDay = new Map<string, ReturnType<typeof plan.rowsOfMonth>>();
    for (const r of plan.rowsOfMonth(`${plan.year}-${String(m).padStart(2, '0')}`)) {
      const k = `${r.stationCode}|${r.date}`;
      byDay.set(k, [...(byDay.get(k) ?? []), r]);
    }
    for (const rows of byDay.values()) {
      const hours = Object.fromEntries(POLLUTANTS.map((p) => [p, Array.from({ length: 24 }, () => null as number | null)])) as Record<Pollutant, (number | null)[]>;
      for (const r of rows) for (const p of POLLUTANTS) hours[p][Number(r.hour)] = r.flags?.[p] ? null : Number(r.values[p]);
      const v = computeDailyValues(hours, airRuleSetFor(rows[0]!.date));
      days.push({ stationId: ids.get(rows[0]!.stationCode)!, on: rows[0]!.date, so2: v.so2, no2: v.no2, co: v.co, pm10: v.pm10, pm25: v.pm25, o3_1h: v.o3_1h, o3_8h: v.o3_8h });
    }
  }
  const { statistics } = computeAreaPeriod(areaSeries({ id: 0, name: '市区', districtId: 0, stationIds: [...ids.values()] }, days), 'year', String(plan.year));
  return statistics;
}

describe('demo years of urban-area hourly data (HJ 663-2013 annual values on target)', () => {
  it.each([
    [2019, { pm10: 64, pm25: 35, o3: 158 }],
    [2020, { pm10: 53, pm25: 30, o3: 152 }],
  ] as const)('%i: the rows give exactly the planned city values', (year, targets) => {
    const plan = planAirYear(CODES, year, targets);
    expect(plan.statistics).toEqual(targets);
    const s = cityYear(plan);
    expect({ pm10: s.pollutants.pm10.mean, pm25: s.pollutants.pm25.mean, o3: s.pollutants.o3.percentile }).toEqual(targets);
    expect(s.pollutants.pm25.complete && s.pollutants.o3.complete).toBe(true);
    if (year === 2020) expect(checkAttainment(s, airRuleSetFor('2020-12-31')).attains).toBe(true);
  });

  it('is deterministic and leaves hours out as stations do (no record, or a flagged value)', () => {
    const a = planAirYear(CODES, 2020, { pm10: 53, pm25: 30, o3: 152 });
    const b = planAirYear([...CODES].reverse(), 2020, { pm10: 53, pm25: 30, o3: 152 });
    expect(b.rowsOfMonth('2020-07')).toEqual(a.rowsOfMonth('2020-07'));
    const hours = [...a.hoursPerStationMonth().values()].reduce((n, x) => n + x, 0);
    expect(hours).toBeLessThan(CODES.length * 366 * 24);
    expect(hours).toBeGreaterThan(CODES.length * 366 * 24 * 0.98);
    expect(a.rowsOfMonth('2020-01').some((r) => Object.keys(r.flags ?? {}).length > 0)).toBe(true);
  });
});
