import { describe, expect, it } from 'vitest';
import { checkHourlyInput, civilDateOf, type HourlyInput } from './hourly-record.js';

const stations = new Map([['370600051', 7]]);
const ok: HourlyInput = { stationCode: '370600051', date: '2020-06-01', hour: 5, values: { so2: 8, no2: '30', co: 0.6, o3: 120.5, pm10: 60, pm25: '' } };
const check = (i: HourlyInput) => checkHourlyInput(i, (c) => stations.get(c), '2020-12-31');

describe('hourly records (HJ 212-2017 data flags)', () => {
  it('normalises a good record; empty is missing', () => {
    expect(check(ok)).toEqual({ record: { stationId: 7, observedOn: '2020-06-01', hour: 5, values: { so2: 8, no2: 30, co: 0.6, o3: 120.5, pm10: 60, pm25: null }, invalidMask: 0 } });
  });
  it('marks values whose flag is not N invalid (bit per pollutant)', () => {
    const r = check({ ...ok, flags: { so2: 'M', pm10: 'd' } });
    expect('record' in r && r.record.invalidMask).toBe(1 | 16);
  });
  it.each([
    [{ stationCode: 'X' }, 'stationCode', 'STATION_UNKNOWN'],
    [{ date: '2020-02-30' }, 'date', 'DATE_INVALID'],
    [{ date: '2021-01-01' }, 'date', 'DATE_IN_FUTURE'],
    [{ hour: 24 }, 'hour', 'HOUR_INVALID'],
    [{ hour: '' }, 'hour', 'HOUR_INVALID'],
    [{ values: { ...ok.values, o3: 'abc' } }, 'o3', 'NUMBER_EXPECTED'],
    [{ values: { ...ok.values, pm25: -1 } }, 'pm25', 'CONCENTRATION_OUT_OF_RANGE'],
    [{ flags: { co: 'Q' } }, 'coFlag', 'DATA_FLAG_UNKNOWN'],
  ] as const)('refuses %j: %s %s', (change, field, code) => {
    expect(check({ ...ok, ...change } as HourlyInput)).toEqual({ problems: [{ field, code }] });
  });
  it('civil date is China Standard Time', () => {
    expect(civilDateOf(new Date('2020-12-31T16:30:00Z'))).toBe('2021-01-01');
  });
});
