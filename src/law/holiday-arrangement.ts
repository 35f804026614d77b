// Checks on one year's holiday arrangement as an administrator enters it (or as the seed data holds
// it), so that a typing slip cannot silently move every working-day deadline. Pure.

import { addDays, isCivilDate, isWeekend, yearOf } from './civil-date.js';
import { buildWorkingCalendar, type WorkingCalendar } from './working-days.js';

export interface ArrangementDayInput {
  on: string;
  kind: 'rest' | 'work';
  name: string;
}

export interface ArrangementProblem {
  /** Index into the `days` list, or null for the list as a whole. */
  index: number | null;
  code: string;
}

/**
 * The problems of one year's arrangement, in list order:
 * each date real and inside the year, listed once; an adjusted working day (调休上班) a Saturday or
 * Sunday (a weekday works anyway); a rest day that falls on a weekend part of a holiday block — it
 * must touch a weekday rest day through a run of rest or unworked weekend days (a lone weekend rest
 * day changes nothing and is most likely a slip); and at least one rest day.
 */
export function findArrangementProblems(year: number, days: readonly ArrangementDayInput[]): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  const seen = new Set<string>();
  const rest = new Set<string>();
  const work = new Set<string>();
  const valid: boolean[] = days.map((d, index) => {
    if (!isCivilDate(d.on)) { problems.push({ index, code: 'CALENDAR_DATE_INVALID' }); return false; }
    if (yearOf(d.on) !== year) { problems.push({ index, code: 'CALENDAR_DATE_OUTSIDE_YEAR' }); return false; }
    if (seen.has(d.on)) { problems.push({ index, code: 'CALENDAR_DATE_DUPLICATE' }); return false; }
    seen.add(d.on);
    (d.kind === 'rest' ? rest : work).add(d.on);
    return true;
  });
  const off = (on: string) => yearOf(on) === year && (rest.has(on) || (isWeekend(on) && !work.has(on)));
  const touchesWeekdayRest = (on: string) => {
    for (const step of [-1, 1]) {
      for (let day = addDays(on, step); off(day); day = addDays(day, step)) {
        if (rest.has(day) && !isWeekend(day)) return true;
      }
    }
    return false;
  };
  days.forEach((d, index) => {
    if (!valid[index]) return;
    if (d.kind === 'work' && !isWeekend(d.on)) problems.push({ index, code: 'CALENDAR_WORK_DAY_NOT_WEEKEND' });
    if (d.kind === 'rest' && isWeekend(d.on) && !touchesWeekdayRest(d.on)) problems.push({ index, code: 'CALENDAR_REST_DAY_NOT_IN_BLOCK' });
  });
  if (rest.size === 0) problems.push({ index: null, code: 'CALENDAR_NO_REST_DAYS' });
  return problems.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
}

/** A working calendar from whole-year arrangements (e.g. the seed data). */
export function workingCalendarFromArrangements(years: readonly { year: number; days: readonly ArrangementDayInput[] }[]): WorkingCalendar {
  const days = years.flatMap((y) => y.days);
  return buildWorkingCalendar({
    years: years.map((y) => y.year),
    restDays: days.filter((d) => d.kind === 'rest').map((d) => d.on),
    workDays: days.filter((d) => d.kind === 'work').map((d) => d.on),
  });
}
