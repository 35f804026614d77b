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
// A calendar knows which years have a recorded arrangement (`years`). A day of any other year is read
// on the provisional calendar of provisional-calendar.ts: statutory holidays rest, weekend days that
// the notice could make working days count as working days, so every date computed across such a year
// is the EARLIEST the final arrangement could give (see that file for why) — or, with bound 'latest'
// (a party's window, a minimum notice), weekends and weekdays that could be made rest days rest, and
// the date is the LATEST it could give. Nothing is refused for a
// missing year: the result carries `provisional: true` and the uncovered years it looked at
// (`provisionalYears`), so callers can mark it 暂定 and recompute it once the notice is recorded.
// (Until issue 9 an uncovered year was refused with CALENDAR_YEAR_NOT_COVERED, which stopped every
// filing in December: the 90-day decision period always reaches into a year whose notice is not out.)
// Malformed dates or counts are programming errors and throw RangeError.

import { addDays, isCivilDate, isWeekend, toEpochDay, yearOf } from './civil-date.js';
import { provisionalYear, type ProvisionalYear } from './provisional-calendar.js';

/**
 * A value computed on the calendar. `provisional` is present (true) when it depends on a day of a year
 * without a recorded arrangement; `provisionalYears` then lists those years in ascending order.
 * It is shaped like `Result<T>` from outcome.ts (always `ok: true`), so existing callers keep working.
 */
export type Dated<T> = { ok: true; value: T; provisional?: true; provisionalYears?: number[] };

export interface WorkingCalendar {
  /** Years whose official arrangement is recorded; any other year is read on its provisional calendar. */
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

/** Whether `on` lies in a year whose official arrangement is recorded. */
export function coversDate(cal: WorkingCalendar, on: string): boolean {
  return cal.years.has(yearOf(on));
}

/**
 * Which date a computation across a year without a recorded arrangement gives: the EARLIEST the final
 * arrangement could give (the default; for the bureau's own deadlines) or the LATEST (for the end of a
 * party's window and minimum notice periods). See provisional-calendar.ts.
 */
export type Bound = 'earliest' | 'latest';

/** Collects the uncovered years a computation looks at, and wraps its value. */
class Tracker {
  private readonly years = new Set<number>();
  constructor(private readonly cal: WorkingCalendar, private readonly bound: Bound = 'earliest') {}

  working(on: string): boolean {
    const year = yearOf(on);
    if (this.cal.years.has(year)) {
      if (this.cal.workDays.has(on)) return true;
      if (this.cal.restDays.has(on)) return false;
      return !isWeekend(on);
    }
    this.years.add(year);
    const p = provisionalSets(year);
    if (p.rest.has(on)) return false;
    if (this.bound === 'latest') return !isWeekend(on) && !p.possiblyRested.has(on);
    if (p.possiblyWorked.has(on)) return true;
    return !isWeekend(on);
  }

  done<T>(value: T): Dated<T> {
    if (!this.years.size) return { ok: true, value };
    return { ok: true, value, provisional: true, provisionalYears: [...this.years].sort((a, b) => a - b) };
  }
}

const provisionalCache = new Map<number, { rest: Set<string>; possiblyWorked: Set<string>; possiblyRested: Set<string> }>();
function provisionalSets(year: number) {
  let sets = provisionalCache.get(year);
  if (!sets) {
    const p: ProvisionalYear = provisionalYear(year);
    sets = { rest: new Set(p.restDays.map((d) => d.on)), possiblyWorked: new Set(p.possiblyWorkedDays), possiblyRested: new Set(p.possiblyRestedDays) };
    provisionalCache.set(year, sets);
  }
  return sets;
}

/**
 * Whether `on` is a working day: a weekday not made a rest day, or an adjusted working weekend day.
 * In a year without a recorded arrangement: not a statutory holiday, and a weekday or a weekend day
 * the notice could make a working day (provisional-calendar.ts).
 */
export function isWorkingDay(cal: WorkingCalendar, on: string, bound: Bound = 'earliest'): Dated<boolean> {
  const t = new Tracker(cal, bound);
  return t.done(t.working(on));
}

function assertCount(n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`period length must be an integer ≥ ${min}: ${n}`);
}

/** The first working day on or after `on`. */
export function nextWorkingDayOnOrAfter(cal: WorkingCalendar, on: string, bound: Bound = 'earliest'): Dated<string> {
  const t = new Tracker(cal, bound);
  return t.done(firstWorkingOnOrAfter(t, on));
}

function firstWorkingOnOrAfter(t: Tracker, on: string): string {
  let day = on;
  while (!t.working(day)) day = addDays(day, 1);
  return day;
}

/**
 * The last day of a period of `n` working days after `fromOn`: the n-th working day after it.
 * 行政处罚法 第八十五条 (working days, statutory holidays excluded); the starting day is not counted.
 * Being a working day itself, the result never needs the holiday roll-forward.
 */
export function addWorkingDays(cal: WorkingCalendar, fromOn: string, n: number, bound: Bound = 'earliest'): Dated<string> {
  assertCount(n, 1);
  const t = new Tracker(cal, bound);
  let day = fromOn;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (t.working(day)) left--;
  }
  return t.done(day);
}

/**
 * The last day of a period of `n` natural days after `fromOn`: `fromOn + n`, moved to the next working
 * day when it is a rest day (民事诉讼法 第八十五条; 民法典 第二百零一条, 第二百零三条).
 */
export function addCalendarDays(cal: WorkingCalendar, fromOn: string, n: number, bound: Bound = 'earliest'): Dated<string> {
  assertCount(n, 1);
  return nextWorkingDayOnOrAfter(cal, addDays(fromOn, n), bound);
}

/** Working days after `fromOn` up to and including `toOn`; 0 when `toOn` is not after `fromOn`. */
export function countWorkingDaysBetween(cal: WorkingCalendar, fromOn: string, toOn: string, bound: Bound = 'earliest'): Dated<number> {
  const t = new Tracker(cal, bound);
  const span = toEpochDay(toOn) - toEpochDay(fromOn);
  let count = 0;
  for (let i = 1; i <= span; i++) if (t.working(addDays(fromOn, i))) count++;
  return t.done(count);
}
