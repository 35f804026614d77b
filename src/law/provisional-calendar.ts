// A provisional working calendar for a year whose State Council arrangement (国务院办公厅关于……年部分
// 节假日安排的通知) is not on record yet — the notice comes out in November of the year before, so
// every period that runs into next year would otherwise have no calendar at all. Pure.
//
// What is certain before the notice, and what is not:
// - Certain: the statutory holidays of 《全国年节及纪念日放假办法》 第二条 (全体公民放假的节日). Revised
//   by 国务院令第795号 (2024-11-10, in force 2025-01-01), 第二条 reads: (一)元旦 1天（1月1日）；
//   (二)春节 4天（农历除夕、正月初一至初三）；(三)清明节 1天（农历清明当日）；(四)劳动节 2天（5月1日、
//   2日）；(五)端午节 1天（农历端午当日）；(六)中秋节 1天（农历中秋当日）；(七)国庆节 3天（10月1日至3日）.
//   The 2013 text (第三次修订, in force 2014-01-01 until 2024) read from LawRefBook/Laws
//   《全国年节及纪念日放假办法》: 春节 3天（正月初一、初二、初三）, 劳动节 1天（5月1日）, the rest as above.
//   The 2024 wording is taken from several concordant public copies of decree 795 (the gov.cn gazette
//   itself was not read: unconfirmed).
// - Not certain: everything the yearly notice adds. It turns weekdays into rest days (bridge days, and
//   第六条: a holiday falling on a Saturday or Sunday is compensated on a working day, 应当在工作日补假),
//   which can only make a deadline LATER; and it turns weekend days into working days (调休上班), which
//   can only make it EARLIER.
//
// The provisional calendar therefore gives the EARLIEST date the final arrangement could give: it
// counts as rest only the days that are rest whatever the notice says — the statutory holiday days,
// and weekend days the State Council does not in practice make working days — and counts every other
// day as a working day. Both period rules are monotone in the set of working days (the n-th working day
// after a date, and the first working day on or after a date, can only move earlier when more days
// work), so a deadline computed on this calendar is never later than the one the notice will give.
// A bureau that keeps to it never misses the real deadline; it is shown as 暂定 and recomputed once the
// notice is recorded (src/calendar → src/cases/deadline-records.ts).
//
// Which weekend days may become working days: in every notice on record (2020–2026) an adjusted
// working day (调休上班) is a Saturday or Sunday next to a holiday block, at most 10 days from a
// statutory holiday day (2024-05-11, ten days after 劳动节 under the 2013 list; tested in
// provisional-calendar.test.ts). We treat every weekend day within POSSIBLY_WORKED_WITHIN_DAYS (14) of a
// statutory holiday day — of this year or the next or previous, as a December Saturday can be worked
// for 元旦 — as possibly worked, i.e. a working day for the earliest bound. Other weekend days rest.
// Not covered: a one-off holiday outside the statutory list with its own adjusted working day (e.g.
// 2015's 9月3日 commemoration, 9月6日 worked); such an arrangement comes with its own notice, which an
// administrator records like any other.
//
// The earliest date is safe for what the BUREAU must do by a deadline (decide, serve). It is not safe
// as the end of a PARTY's window (to state a defence, request a hearing, pay before the surcharge) or
// as a minimum notice: a bureau that acts after the earliest date may act before the real end. For
// those the LATEST bound is used: every weekend day rests, and so does every weekday the notice could
// make a rest day — within POSSIBLY_RESTED_WITHIN_DAYS (7) of a statutory holiday day (on record,
// bridge and compensatory rest days lie at most 5 days from one: 2020-10-08; tested). Both period
// rules are monotone, so fewer working days give a date never earlier than the notice's.

/// <reference path="./provisional-calendar-lunar.d.ts" />
import { Lunar } from 'lunar-javascript';
import { addDays, isWeekend, toEpochDay } from './civil-date.js';

export interface StatutoryHoliday { on: string; name: string }

export interface HolidayListVersion {
  /** First year the version governs. */
  fromYear: number;
  source: string;
}

/** The versions of 《全国年节及纪念日放假办法》 this module models, newest first. */
export const HOLIDAY_LIST_VERSIONS: readonly HolidayListVersion[] = [
  { fromYear: 2025, source: '《全国年节及纪念日放假办法》第二条（国务院令第795号，2024年11月10日修订，2025年1月1日施行）' },
  { fromYear: 2014, source: '《全国年节及纪念日放假办法》第二条（2013年12月11日第三次修订，2014年1月1日施行）' },
  // Before 2014 only the days every version since 1949 grants are counted (新年, 春节 初一 and 初二,
  // 劳动节 5月1日, 国庆节 10月1日、2日): fewer rest days keep the bound earliest (unconfirmed detail).
  { fromYear: 1, source: '《全国年节及纪念日放假办法》历次版本共有的放假日' },
];

/** A weekend day this close (in days) to a statutory holiday day may be made a working day. */
export const POSSIBLY_WORKED_WITHIN_DAYS = 14;
/** A weekday this close (in days) to a statutory holiday day may be made a rest day (bridge or 补假). */
export const POSSIBLY_RESTED_WITHIN_DAYS = 7;

// lunar-javascript converts reliably over 1901–2099; outside that no lunar holiday is counted (a
// missing rest day only moves the bound earlier).
const LUNAR_YEARS = { from: 1901, to: 2099 };

const pad = (n: number) => String(n).padStart(2, '0');
const gregorian = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
const lunarOn = (year: number, month: number, day: number) => Lunar.fromYmd(year, month, day).getSolar().toYmd();
const lunarSupported = (year: number) => year >= LUNAR_YEARS.from && year <= LUNAR_YEARS.to;

/** 春节 (正月初一) of the lunar year beginning in Gregorian `year`. */
export const springFestivalOn = (year: number): string => lunarOn(year, 1, 1);
/** 除夕: the last day of the previous lunar year, the day before 春节. */
export const springFestivalEveOn = (year: number): string => addDays(springFestivalOn(year), -1);
/** 端午节: 五月初五. */
export const dragonBoatOn = (year: number): string => lunarOn(year, 5, 5);
/** 中秋节: 八月十五. */
export const midAutumnOn = (year: number): string => lunarOn(year, 8, 15);
/** 清明: the day of the solar term (节气), not a lunar date. */
export const qingmingOn = (year: number): string => Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明']!.toYmd();

export function holidayListVersionOf(year: number): HolidayListVersion {
  return HOLIDAY_LIST_VERSIONS.find((v) => year >= v.fromYear)!;
}

/** The statutory holiday days (全体公民放假的节日) of `year` under the version of the list in force that year, in date order. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const fromYear = holidayListVersionOf(year).fromYear;
  const days: StatutoryHoliday[] = [{ on: gregorian(year, 1, 1), name: '元旦' }];
  const lunar = lunarSupported(year);
  if (lunar) {
    const spring = springFestivalOn(year);
    if (fromYear >= 2025) days.push({ on: springFestivalEveOn(year), name: '春节' });
    const springDays = fromYear >= 2014 ? 3 : 2;
    for (let i = 0; i < springDays; i++) days.push({ on: addDays(spring, i), name: '春节' });
    if (fromYear >= 2014) days.push({ on: qingmingOn(year), name: '清明节' });
  }
  days.push({ on: gregorian(year, 5, 1), name: '劳动节' });
  if (fromYear >= 2025) days.push({ on: gregorian(year, 5, 2), name: '劳动节' });
  const national = fromYear >= 2014 ? 3 : 2;
  for (let d = 1; d <= national; d++) days.push({ on: gregorian(year, 10, d), name: '国庆节' });
  if (lunar && fromYear >= 2014) {
    days.push({ on: dragonBoatOn(year), name: '端午节' });
    days.push({ on: midAutumnOn(year), name: '中秋节' });
  }
  // 中秋 can fall inside 国庆 (2020-10-01, 2028-10-03): one day, both names (as the notices write them).
  const byDay = new Map<string, StatutoryHoliday>();
  for (const d of days) {
    const seen = byDay.get(d.on);
    byDay.set(d.on, seen ? { on: d.on, name: `${seen.name}、${d.name}` } : d);
  }
  return [...byDay.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

export interface ProvisionalYear {
  year: number;
  /** The version of the holiday list the year follows. */
  source: string;
  /** Certain rest days: the statutory holidays. */
  restDays: StatutoryHoliday[];
  /** Weekend days the notice may make working days; counted as working days for the earliest bound. */
  possiblyWorkedDays: string[];
  /** Weekdays the notice may make rest days; counted as rest days for the latest bound. */
  possiblyRestedDays: string[];
}

const cache = new Map<number, ProvisionalYear>();

/** The provisional calendar of `year` (see the header): certain rest days and possibly worked weekend days. */
export function provisionalYear(year: number): ProvisionalYear {
  const hit = cache.get(year);
  if (hit) return hit;
  const restDays = statutoryHolidays(year);
  const rest = new Set(restDays.map((d) => d.on));
  const near = [year - 1, year, year + 1].filter((y) => y >= 1).flatMap((y) => statutoryHolidays(y)).map((d) => toEpochDay(d.on));
  const possiblyWorkedDays: string[] = [];
  const possiblyRestedDays: string[] = [];
  for (let on = gregorian(year, 1, 1); on.startsWith(String(year).padStart(4, '0')); on = addDays(on, 1)) {
    if (rest.has(on)) continue;
    const day = toEpochDay(on);
    const distance = Math.min(...near.map((h) => Math.abs(h - day)));
    if (isWeekend(on) && distance <= POSSIBLY_WORKED_WITHIN_DAYS) possiblyWorkedDays.push(on);
    if (!isWeekend(on) && distance <= POSSIBLY_RESTED_WITHIN_DAYS) possiblyRestedDays.push(on);
  }
  const result = { year, source: holidayListVersionOf(year).source, restDays, possiblyWorkedDays, possiblyRestedDays };
  cache.set(year, result);
  return result;
}
