// Working days and statutory periods on the official holiday calendar. Pure: the calendar is plain
// data passed in (src/calendar loads it from the database; src/law/data/cn-holidays.ts seeds it).
//
// How periods are counted, and the sources relied on:
// - 行政处罚法 第八十五条: 「二日」「三日」「五日」「七日」 in that law are working days (工作日), not
//   counting statutory holidays. A working day is a Monday–Friday that the State Council's yearly
//   notice does not make a rest day, or a weekend day the notice makes a working day (调休上班).
// - The starting day is not counted; the count begins the next day: 民事诉讼法 第八十五条第二款
//   (期间开始的时和日，不计算在期间内), 民法典 第二百零一条 (开始的当日不计入，自下一日开始计算).
//   行政处罚法 has no article of its own on counting periods; applying these is the common practice
//   (行政诉讼法 第一百零一条 refers to 民事诉讼法 for 期间).
// - A natural-day period (e.g. 第六十七条 fifteen days to pay, 第六十条 ninety days to decide) whose
//   last day is a rest day ends on the first working day after it: 民事诉讼法 第八十五条第三款
//   (期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期), 民法典 第二百零三条.
//   Rest days in the middle of the period are not deducted. 法定休假日 is read to include ordinary
//   weekends (a Supreme People's Court judicial document of 2014-12-12 on 民事诉讼法 第八十二条, title
//   unconfirmed, names Saturdays and Sundays as such days), and to exclude adjusted working weekend days.
//   Where practice differs: some bureaus do not roll internal deadlines (第六十条 ninety days to decide)
//   forward, treating them as the agency's own time limit rather than a party's period; callers who
//   want that use `addDays` from civil-date.ts directly. Periods in the agency's own rules that say
//   "working days" are counted with `addWorkingDays` whatever their length.
//
// A calendar knows which years it covers. Any computation that has to look at a day of a year it does
// not cover returns a refusal, CALENDAR_YEAR_NOT_COVERED (with the year in `params`), instead of
// guessing that every weekday works: a deadline computed without the year's notice may be wrong.
// It is a returned Refusal (not a throw) because it is an expected state — next year's notice is
// published only in November — and the HTTP layer maps it to 409 like any other refusal.
// Malformed dates or counts are programming errors and throw RangeError.

import { refuse, success, type Refusal, type Result } from './outcome.js';
import { addDays, isCivilDate, isWeekend, toEpochDay, yearOf } from './civil-date.js';

export interface WorkingCalendar {
  readonly years: ReadonlySet<number>;
  /** Statutory-holiday rest days, weekend days inside holiday blocks included. */
  readonly restDays: ReadonlySet<string>;
  /** Adjusted working weekend days (调休上班). */
  readonly workDays: ReadonlySet<string>;
}

export interface WorkingCalendarData {
  years: Iterable<number>;
  restDays: Iterable<string>;
  workDays: Iterable<string>;
}

/** Builds a calendar; every listed day must be a civil date in a covered year, listed once. */
export function buildWorkingCalendar(data: WorkingCalendarData): WorkingCalendar {
  const years = new Set(data.years);
  const restDays = new Set<string>();
  const workDays = new Set<string>();
  for (const [list, target, other] of [[data.restDays, restDays, workDays], [data.workDays, workDays, restDays]] as const) {
    for (const on of list) {
      if (!isCivilDate(on)) throw new RangeError(`calendar day is not a civil date: ${on}`);
      if (!years.has(yearOf(on))) throw new RangeError(`calendar day ${on} lies outside the covered years`);
      if (other.has(on)) throw new RangeError(`calendar day ${on} is both a rest day and a working day`);
      target.add(on);
    }
  }
  return { years, restDays, workDays };
}

const notCovered = (on: string): Refusal => refuse('CALENDAR_YEAR_NOT_COVERED', undefined, undefined, { year: yearOf(on) });

export function coversDate(cal: WorkingCalendar, on: string): boolean {
  return cal.years.has(yearOf(on));
}

/** Whether `on` is a working day: a weekday not made a rest day, or an adjusted working weekend day. */
export function isWorkingDay(cal: WorkingCalendar, on: string): Result<boolean> {
  if (!coversDate(cal, on)) return notCovered(on);
  if (cal.workDays.has(on)) return success(true);
  if (cal.restDays.has(on)) return success(false);
  return success(!isWeekend(on));
}

function assertCount(n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`period length must be an integer ≥ ${min}: ${n}`);
}

/** The first working day on or after `on`. */
export function nextWorkingDayOnOrAfter(cal: WorkingCalendar, on: string): Result<string> {
  let day = on;
  for (;;) {
    const w = isWorkingDay(cal, day);
    if (!w.ok) return w;
    if (w.value) return success(day);
    day = addDays(day, 1);
  }
}

/**
 * The last day of a period of `n` working days after `fromOn`: the n-th working day after it.
 * 行政处罚法 第八十五条 (working days, statutory holidays excluded); the starting day is not counted.
 * Being a working day itself, the result never needs the holiday roll-forward.
 */
export function addWorkingDays(cal: WorkingCalendar, fromOn: string, n: number): Result<string> {
  assertCount(n, 1);
  let day = fromOn;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const w = isWorkingDay(cal, day);
    if (!w.ok) return w;
    if (w.value) left--;
  }
  return success(day);
}

/**
 * The last day of a period of `n` natural days after `fromOn`: `fromOn + n`, moved to the next working
 * day when it is a rest day (民事诉讼法 第八十五条; 民法典 第二百零一条, 第二百零三条).
 */
export function addCalendarDays(cal: WorkingCalendar, fromOn: string, n: number): Result<string> {
  assertCount(n, 1);
  return nextWorkingDayOnOrAfter(cal, addDays(fromOn, n));
}

/** Working days after `fromOn` up to and including `toOn`; 0 when `toOn` is not after `fromOn`. */
export function countWorkingDaysBetween(cal: WorkingCalendar, fromOn: string, toOn: string): Result<number> {
  const span = toEpochDay(toOn) - toEpochDay(fromOn);
  let count = 0;
  for (let i = 1; i <= span; i++) {
    const w = isWorkingDay(cal, addDays(fromOn, i));
    if (!w.ok) return w;
    if (w.value) count++;
  }
  return success(count);
}
