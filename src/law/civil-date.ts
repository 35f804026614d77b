// Civil dates: 'YYYY-MM-DD' strings naming a day in China Standard Time. Pure arithmetic on day
// numbers; no clock and no time zone: a civil date is a calendar day, not an instant.
// Malformed input is a programming error and throws a RangeError (callers validate at the edge).

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whether `s` is a real calendar day written 'YYYY-MM-DD' (so '2021-02-29' is not). */
export function isCivilDate(s: string): boolean {
  const m = CIVIL_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function assertCivilDate(s: string): void {
  if (!isCivilDate(s)) throw new RangeError(`not a civil date (YYYY-MM-DD): ${JSON.stringify(s)}`);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toEpochDay(on: string): number {
  assertCivilDate(on);
  return Date.UTC(Number(on.slice(0, 4)), Number(on.slice(5, 7)) - 1, Number(on.slice(8, 10))) / MS_PER_DAY;
}

export function fromEpochDay(day: number): string {
  if (!Number.isSafeInteger(day)) throw new RangeError(`not a day number: ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(on: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return fromEpochDay(toEpochDay(on) + n);
}

/** `to − from` in days (negative when `to` is earlier). */
export function daysBetween(fromOn: string, toOn: string): number {
  return toEpochDay(toOn) - toEpochDay(fromOn);
}

export function yearOf(on: string): number {
  assertCivilDate(on);
  return Number(on.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(on: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(on) + 4) % 7) + 7) % 7;
}

export function isWeekend(on: string): boolean {
  const d = dayOfWeek(on);
  return d === 0 || d === 6;
}

/**
 * The last day of a period of `n` years that starts after `fromOn`.
 * 民法典 第二百零一条: the starting day is not counted; 第二百零二条: a period in years ends on the
 * corresponding day of the final month, or on that month's last day when it has no such day
 * (a period from 29 February ends on 28 February in a common year).
 */
export function addYears(fromOn: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of years: ${n}`);
  const y = yearOf(fromOn) + n;
  const month = Number(fromOn.slice(5, 7));
  const day = Math.min(Number(fromOn.slice(8, 10)), daysInMonth(y, month));
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function compareCivilDates(a: string, b: string): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** The civil date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
