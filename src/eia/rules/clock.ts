// The clock of an EIA application. Pure: the working calendar is passed in.
//
// - Intake (行政许可法 第三十二条第一款(四)): a notice of everything missing within 5 days of receipt, else the
//   application counts as accepted from the day of receipt. 行政许可法 第八十二条: the periods of THAT law are
//   working days, so the 5 days are working days.
// - Decision (环境影响评价法 第二十二条): 60 days after receiving a 报告书, 30 days for a 报告表. They are periods
//   of 环境影响评价法, not of 行政许可法, so 第八十二条 does not make them working days: they are counted here as
//   calendar days (the stricter reading; domain brief A1.4 records that service guides count working days,
//   unconfirmed), the last day rolling to the next working day (民事诉讼法 第八十五条, see law/working-days.ts).
//   第二十二条第三款 counts "自收到环境影响报告书之日起": the statutory period runs from the receipt of the
//   (complete) document — after a correction notice, from the resubmission — not from 受理; the bureau's
//   promise runs from acceptance. (Read in LawRefBook/Laws: 环境影响评价法 第二十二条, 第二十四条; 行政许可法 第八十二条.)
//   行政许可法 第四十二条 (20 working days, +10 with the head's approval) is displaced by these special periods.
// - The bureau's promised shorter period (承诺时限) is in working days (a setting).
// - 行政许可法 第四十五条: time for hearings, testing, expert review (专家评审) is not counted, and the applicant
//   is told in writing — each pause carries its written notice date. Applied to both periods above.
// - 5-year re-check (环境影响评价法 第二十四条第二款): answered in writing within 10 days (calendar days).
import { addDays, compareCivilDates } from '../../law/civil-date.js';
import type { Citation } from '../../law/outcome.js';
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, type WorkingCalendar } from '../../law/working-days.js';
import type { ApplicationKind, EiaCategory, Pause } from './types.js';

export const LICENSING_32_4: Citation = { law: '行政许可法', article: '第三十二条', paragraph: '第一款', item: '（四）' };
export const LICENSING_45: Citation = { law: '行政许可法', article: '第四十五条' };
export const LICENSING_82: Citation = { law: '行政许可法', article: '第八十二条' };
export const EIA_LAW_22: Citation = { law: '环境影响评价法', article: '第二十二条', paragraph: '第三款' };
export const EIA_LAW_24: Citation = { law: '环境影响评价法', article: '第二十四条', paragraph: '第二款' };

/** 行政许可法 第三十二条 with 第八十二条: working days for the intake notice. */
export const INTAKE_NOTICE_WORKING_DAYS = 5;
/** 环境影响评价法 第二十二条 (报告书 60, 报告表 30) and 第二十四条 (re-check 10): calendar days. */
export const STATUTORY_DAYS: Record<'report' | 'form' | 'recheck', number> = { report: 60, form: 30, recheck: 10 };

export interface PromisedPeriods { report: number; form: number }

/** 行政许可法 第三十二条, 第八十二条: the last day to send the correction notice — the 5th working day after receipt. */
export function computeIntakeNoticeDueOn(cal: WorkingCalendar, receivedOn: string): string {
  return addWorkingDays(cal, receivedOn, INTAKE_NOTICE_WORKING_DAYS).value;
}

/** 行政许可法 第三十二条: past the notice period without a notice, the application counts as accepted from receipt. */
export function isDeemedAccepted(cal: WorkingCalendar, receivedOn: string, todayOn: string): boolean {
  return compareCivilDates(todayOn, computeIntakeNoticeDueOn(cal, receivedOn)) > 0;
}

/** Whether `on` lies in a pause (start and end days both excluded from the count; an open pause runs on). */
export function isPaused(pauses: readonly Pause[], on: string): boolean {
  return pauses.some((p) => on >= p.startOn && (p.endOn === null || on <= p.endOn));
}

type Mode = 'calendar' | 'working';

/** The last day of `n` counted days after `fromOn`, skipping paused days (and rest days in working mode). */
export function computePeriodEnd(cal: WorkingCalendar, fromOn: string, n: number, mode: Mode, pauses: readonly Pause[]): string {
  let day = fromOn;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isPaused(pauses, day)) continue;
    if (mode === 'working' && !isWorkingDay(cal, day).value) continue;
    left--;
  }
  return mode === 'calendar' ? nextWorkingDayOnOrAfter(cal, day).value : day;
}

/** Days counted after `fromOn` up to and including `toOn`, pauses (and, in working mode, rest days) left out. */
export function countPeriodDays(cal: WorkingCalendar, fromOn: string, toOn: string, mode: Mode, pauses: readonly Pause[]): number {
  let count = 0;
  for (let day = addDays(fromOn, 1); day <= toOn; day = addDays(day, 1)) {
    if (isPaused(pauses, day)) continue;
    if (mode === 'working' && !isWorkingDay(cal, day).value) continue;
    count++;
  }
  return count;
}

export interface ClockFacts {
  kind: ApplicationKind; category: EiaCategory; acceptedOn: string; pauses: readonly Pause[];
  /** Receipt of the complete document (环境影响评价法 第二十二条第三款 / 第二十四条: 自收到…之日起); acceptance when absent. */
  receivedOn?: string;
  promised: PromisedPeriods; decidedOn: string | null; todayOn: string;
  /** Days before the due date from which an application counts as due soon (working days). */
  dueSoonWorkingDays?: number;
}

export type ClockState = 'running' | 'paused' | 'due-soon' | 'overdue' | 'decided';

export interface DecisionClock {
  statutoryDays: number; statutoryDueOn: string; statutoryCitation: Citation;
  promisedWorkingDays: number | null; promisedDueOn: string | null;
  /** Working days used since acceptance, pauses excluded, up to today or the decision. */
  workingDaysUsed: number;
  workingDaysLeftToPromise: number | null;
  calendarDaysLeftToStatutory: number;
  pausedDays: number;
  state: ClockState;
  /**
   * 暂定: a due date read on the provisional calendar of a year whose holiday arrangement is not recorded
   * (it is the earliest date the official arrangement could give); the years it depends on.
   */
  provisional: boolean;
  provisionalYears: number[];
}

/** Years between two dates (inclusive) whose official arrangement the calendar does not hold. */
export function uncoveredYears(cal: WorkingCalendar, fromOn: string, toOn: string): number[] {
  const years: number[] = [];
  for (let y = Number(fromOn.slice(0, 4)); y <= Number(toOn.slice(0, 4)); y++) if (!cal.years.has(y)) years.push(y);
  return years;
}

/** The decision clock (环境影响评价法 第二十二条 / 第二十四条; 行政许可法 第四十五条 pauses; the bureau's promise). */
export function computeDecisionClock(cal: WorkingCalendar, f: ClockFacts): DecisionClock | null {
  if (f.category === 'registration') return null; // 登记表: filed, not approved — no decision period.
  const until = f.decidedOn ?? f.todayOn;
  // An open pause is projected as ending today: the due dates shown are those if review resumed tomorrow.
  const pauses = f.pauses.map((p) => (p.endOn === null ? { ...p, endOn: until < p.startOn ? p.startOn : until } : p));
  const recheck = f.kind === 'recheck';
  const statutoryDays = recheck ? STATUTORY_DAYS.recheck : STATUTORY_DAYS[f.category];
  const statutoryDueOn = computePeriodEnd(cal, f.receivedOn ?? f.acceptedOn, statutoryDays, 'calendar', pauses);
  const promisedWorkingDays = recheck ? null : f.promised[f.category];
  const promisedDueOn = promisedWorkingDays ? computePeriodEnd(cal, f.acceptedOn, promisedWorkingDays, 'working', pauses) : null;
  const workingDaysUsed = countPeriodDays(cal, f.acceptedOn, until, 'working', pauses);
  const pausedDays = pauses.reduce((n, p) => {
    const end = p.endOn!;
    let d = 0;
    for (let day = p.startOn; day <= end && day <= until; day = addDays(day, 1)) d++;
    return n + d;
  }, 0);
  const workingDaysLeftToPromise = promisedDueOn ? (compareCivilDates(until, promisedDueOn) > 0 ? -countPeriodDays(cal, promisedDueOn, until, 'working', pauses) : countPeriodDays(cal, until, promisedDueOn, 'working', pauses)) : null;
  const calendarDaysLeftToStatutory = compareCivilDates(until, statutoryDueOn) > 0
    ? -countPeriodDays(cal, statutoryDueOn, until, 'calendar', []) : countPeriodDays(cal, until, statutoryDueOn, 'calendar', []);
  let state: ClockState;
  const firstDue = promisedDueOn && promisedDueOn < statutoryDueOn ? promisedDueOn : statutoryDueOn;
  if (f.decidedOn) state = 'decided';
  else if (compareCivilDates(f.todayOn, firstDue) > 0) state = 'overdue';
  else if (isPaused(f.pauses, f.todayOn)) state = 'paused';
  else if (countPeriodDays(cal, f.todayOn, firstDue, 'working', pauses) <= (f.dueSoonWorkingDays ?? 3)) state = 'due-soon';
  else state = 'running';
  const lastDue = promisedDueOn && promisedDueOn > statutoryDueOn ? promisedDueOn : statutoryDueOn;
  const provisionalYears = uncoveredYears(cal, f.receivedOn ?? f.acceptedOn, lastDue);
  return {
    statutoryDays, statutoryDueOn, statutoryCitation: recheck ? EIA_LAW_24 : EIA_LAW_22, promisedWorkingDays, promisedDueOn,
    workingDaysUsed, workingDaysLeftToPromise, calendarDaysLeftToStatutory, pausedDays, state,
    provisional: provisionalYears.length > 0, provisionalYears,
  };
}
