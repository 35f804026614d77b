import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CN_HOLIDAY_ARRANGEMENTS } from './data/cn-holidays.js';
import { workingCalendarFromArrangements } from './holiday-arrangement.js';
import { addDays, fromEpochDay, isWeekend, toEpochDay } from './civil-date.js';
import { addCalendarDays, addWorkingDays } from './working-days.js';
import {
  dragonBoatOn, midAutumnOn, POSSIBLY_RESTED_WITHIN_DAYS, POSSIBLY_WORKED_WITHIN_DAYS, provisionalYear, qingmingOn, springFestivalEveOn, springFestivalOn, statutoryHolidays,
} from './provisional-calendar.js';

// Published dates (Hong Kong Observatory / 紫金山天文台 calendar tables; 2020–2026 also confirmed by
// the State Council notices in data/cn-holidays.ts, see below): year, 春节, 清明, 端午, 中秋.
const PUBLISHED: [number, string, string, string, string][] = [
  [2020, '2020-01-25', '2020-04-04', '2020-06-25', '2020-10-01'],
  [2021, '2021-02-12', '2021-04-04', '2021-06-14', '2021-09-21'],
  [2022, '2022-02-01', '2022-04-05', '2022-06-03', '2022-09-10'],
  [2023, '2023-01-22', '2023-04-05', '2023-06-22', '2023-09-29'],
  [2024, '2024-02-10', '2024-04-04', '2024-06-10', '2024-09-17'],
  [2025, '2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'],
  [2026, '2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'],
  [2027, '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
  [2028, '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
  [2029, '2029-02-13', '2029-04-04', '2029-06-16', '2029-09-22'],
  [2030, '2030-02-03', '2030-04-05', '2030-06-05', '2030-09-12'],
];

describe('全国年节及纪念日放假办法 第二条: lunar and solar-term holiday dates, 2020–2030', () => {
  it.each(PUBLISHED)('%i: 春节 %s, 清明 %s, 端午 %s, 中秋 %s', (year, spring, qingming, dragonBoat, midAutumn) => {
    expect(springFestivalOn(year)).toBe(spring);
    expect(springFestivalEveOn(year)).toBe(addDays(spring, -1));
    expect(qingmingOn(year)).toBe(qingming);
    expect(dragonBoatOn(year)).toBe(dragonBoat);
    expect(midAutumnOn(year)).toBe(midAutumn);
  });

  it('清明 agrees with the 21st-century solar-term formula floor(Y×0.2422+4.81)−floor(Y/4) (April)', () => {
    for (let year = 2001; year <= 2099; year++) {
      const y = year % 100;
      const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
      expect(qingmingOn(year), String(year)).toBe(`${year}-04-0${day}`);
    }
  });

  it('2025 on (国务院令第795号): 13 days — 除夕 to 初三 and 5月1日、2日 included', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { on: '2027-01-01', name: '元旦' },
      { on: '2027-02-05', name: '春节' }, { on: '2027-02-06', name: '春节' }, { on: '2027-02-07', name: '春节' }, { on: '2027-02-08', name: '春节' },
      { on: '2027-04-05', name: '清明节' },
      { on: '2027-05-01', name: '劳动节' }, { on: '2027-05-02', name: '劳动节' },
      { on: '2027-06-09', name: '端午节' },
      { on: '2027-09-15', name: '中秋节' },
      { on: '2027-10-01', name: '国庆节' }, { on: '2027-10-02', name: '国庆节' }, { on: '2027-10-03', name: '国庆节' },
    ]);
    // 2028: 中秋 on 10月3日 — one day with both names, 12 days in the list.
    expect(statutoryHolidays(2028)).toHaveLength(12);
    expect(statutoryHolidays(2028)).toContainEqual({ on: '2028-10-03', name: '国庆节、中秋节' });
  });

  it('2014–2024 (2013 text): 11 days — no 除夕, 劳动节 one day', () => {
    const y2024 = statutoryHolidays(2024).map((d) => d.on);
    expect(y2024).toHaveLength(11);
    expect(y2024).not.toContain('2024-02-09'); // 除夕 2024 was a working day
    expect(y2024).not.toContain('2024-05-02');
  });

  it.each(CN_HOLIDAY_ARRANGEMENTS.map((a) => [a.year, a] as const))('%i: every statutory holiday is a rest day in the State Council notice', (_year, a) => {
    const rest = new Set(a.days.filter((d) => d.kind === 'rest').map((d) => d.on));
    for (const h of statutoryHolidays(a.year)) expect(rest.has(h.on), h.on).toBe(true);
  });

  it(`every adjusted working day on record lies within ${POSSIBLY_WORKED_WITHIN_DAYS} days of a statutory holiday and is counted as possibly worked`, () => {
    for (const a of CN_HOLIDAY_ARRANGEMENTS) {
      const possiblyWorked = new Set(provisionalYear(a.year).possiblyWorkedDays);
      for (const d of a.days.filter((x) => x.kind === 'work')) expect(possiblyWorked.has(d.on), d.on).toBe(true);
    }
    const weekends = provisionalYear(2027).possiblyWorkedDays;
    expect(weekends.every(isWeekend)).toBe(true);
    expect(weekends).toContain('2027-01-02');
    expect(weekends).not.toContain('2027-07-17');
  });
});

describe('全国年节及纪念日放假办法 第六条 and the notices: weekdays that may become rest days', () => {
  it(`every bridge or compensatory weekday rest day on record lies within ${POSSIBLY_RESTED_WITHIN_DAYS} days of a statutory holiday`, () => {
    for (const a of CN_HOLIDAY_ARRANGEMENTS) {
      const statutory = new Set(statutoryHolidays(a.year).map((d) => d.on));
      const possiblyRested = new Set(provisionalYear(a.year).possiblyRestedDays);
      for (const d of a.days.filter((x) => x.kind === 'rest' && !isWeekend(x.on) && !statutory.has(x.on))) expect(possiblyRested.has(d.on), d.on).toBe(true);
    }
    expect(provisionalYear(2027).possiblyRestedDays.every((on) => !isWeekend(on))).toBe(true);
  });
});

describe('行政处罚法 第八十五条: a provisional deadline is never later than the official one', () => {
  // For each year on record, compute on the calendar without it (the year provisional) and with it.
  it.each(CN_HOLIDAY_ARRANGEMENTS.map((a) => [a.year] as const))('%i', (year) => {
    const official = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
    const provisional = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS.filter((a) => a.year !== year));
    const dayArb = fc.integer({ min: toEpochDay(`${year - 1}-10-01`), max: toEpochDay(`${year}-12-31`) }).map(fromEpochDay);
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 120 }), (d, w, n) => {
      const [pw, ow] = [addWorkingDays(provisional, d, w), addWorkingDays(official, d, w)];
      const [pn, on] = [addCalendarDays(provisional, d, n), addCalendarDays(official, d, n)];
      expect(pw.value <= ow.value, `${d} + ${w} working days: ${pw.value} > ${ow.value}`).toBe(true);
      expect(pn.value <= on.value, `${d} + ${n} days: ${pn.value} > ${on.value}`).toBe(true);
      // Marked provisional exactly when the year was looked at; never on the official calendar.
      expect(ow.provisionalYears ?? []).not.toContain(year);
      if (pw.value.startsWith(String(year))) expect(pw.provisionalYears).toContain(year);
    }), { numRuns: 400 });
  });

  it('a Sunday worked for 春节 (2024-02-18) is a working day on the provisional calendar too', () => {
    // Counting it as rest, as an ordinary Sunday, would give 2024-02-19: later than the real deadline.
    const provisional = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS.filter((a) => a.year !== 2024));
    const official = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
    expect(addWorkingDays(official, '2024-02-17', 1).value).toBe('2024-02-18');
    expect(addWorkingDays(provisional, '2024-02-17', 1).value).toBe('2024-02-18');
  });
});

describe('行政处罚法 第八十五条: a provisional party window (bound latest) never ends before the official one', () => {
  it.each(CN_HOLIDAY_ARRANGEMENTS.map((a) => [a.year] as const))('%i', (year) => {
    const official = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
    const provisional = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS.filter((a) => a.year !== year));
    const dayArb = fc.integer({ min: toEpochDay(`${year - 1}-10-01`), max: toEpochDay(`${year}-12-31`) }).map(fromEpochDay);
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 120 }), (d, w, n) => {
      const [pw, ow] = [addWorkingDays(provisional, d, w, 'latest'), addWorkingDays(official, d, w, 'latest')];
      const [pn, on] = [addCalendarDays(provisional, d, n, 'latest'), addCalendarDays(official, d, n, 'latest')];
      expect(pw.value >= ow.value, `${d} + ${w} working days: ${pw.value} < ${ow.value}`).toBe(true);
      expect(pn.value >= on.value, `${d} + ${n} days: ${pn.value} < ${on.value}`).toBe(true);
    }), { numRuns: 400 });
  });
});
