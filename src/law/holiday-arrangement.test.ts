import { describe, expect, it } from 'vitest';
import { findArrangementProblems, type ArrangementDayInput } from './holiday-arrangement.js';

const rest = (on: string): ArrangementDayInput => ({ on, kind: 'rest', name: '国庆节' });
const work = (on: string): ArrangementDayInput => ({ on, kind: 'work', name: '国庆节' });

describe('行政处罚法 第八十五条: checks on a year\'s holiday arrangement', () => {
  it('accepts a block with its weekend days and a Saturday worked', () => {
    expect(findArrangementProblems(2021, [work('2021-09-26'), ...['01', '02', '03', '04', '05', '06', '07'].map((d) => rest(`2021-10-${d}`)), work('2021-10-09')])).toEqual([]);
  });

  it.each([
    [[rest('2021-10-01'), rest('2021-02-30')], 1, 'CALENDAR_DATE_INVALID'],
    [[rest('2021-10-01'), rest('2022-01-03')], 1, 'CALENDAR_DATE_OUTSIDE_YEAR'],
    [[rest('2021-10-01'), rest('2021-10-01')], 1, 'CALENDAR_DATE_DUPLICATE'],
    [[rest('2021-10-01'), work('2021-10-08')], 1, 'CALENDAR_WORK_DAY_NOT_WEEKEND'],
    [[rest('2021-10-01'), rest('2021-07-17')], 1, 'CALENDAR_REST_DAY_NOT_IN_BLOCK'],
    [[work('2021-09-26')], null, 'CALENDAR_NO_REST_DAYS'],
  ] as const)('%j: problem at %s is %s', (days, index, code) => {
    expect(findArrangementProblems(2021, days)).toContainEqual({ index, code });
  });

  it('a weekend rest day separated from its block by a worked weekend day is not in the block', () => {
    // Saturday 2021-10-09 is worked, so Sunday 2021-10-10 does not touch the 国庆节 block.
    expect(findArrangementProblems(2021, [rest('2021-10-08'), work('2021-10-09'), rest('2021-10-10')])).toEqual([{ index: 2, code: 'CALENDAR_REST_DAY_NOT_IN_BLOCK' }]);
  });
});
