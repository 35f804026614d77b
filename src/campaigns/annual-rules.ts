// 年度重点任务 and 月调度: pure rules. No I/O; `todayOn` is passed in.
// No statute sets the monthly dispatch (月调度) of the annual rule-of-law tasks: it is the bureau's own
// working arrangement, so nothing here cites an article.
import { allowed, refuse, type Outcome } from '../law/outcome.js';

/** on_track 正常推进, delayed 滞后, completed 已完成. */
export type ReportStatus = 'on_track' | 'delayed' | 'completed';

/**
 * The report for month M is due by this day of month M+1 (a working arrangement of the bureau, not a
 * statute; the seed's dispatch asks for the previous month's progress in the first days of the month).
 */
export const MONTHLY_REPORT_DUE_DAY = 5;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isMonth = (m: string) => MONTH.test(m);
export const monthOf = (civilDate: string) => civilDate.slice(0, 7);

/** The month after `month` ('YYYY-MM'). */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4)); const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The day the report of `month` is due: the MONTHLY_REPORT_DUE_DAY-th of the next month (that day still counts). */
export function computeReportDueOn(month: string): string {
  return `${nextMonth(month)}-${String(MONTHLY_REPORT_DUE_DAY).padStart(2, '0')}`;
}

export type ReportState = 'reported' | 'reported_late' | 'late' | 'pending';

/** A report's state: filed by its due day, filed after it, missing after it (late), or not yet due. */
export function reportState(month: string, reportedOn: string | null, todayOn: string): ReportState {
  const dueOn = computeReportDueOn(month);
  if (reportedOn !== null) return reportedOn <= dueOn ? 'reported' : 'reported_late';
  return todayOn > dueOn ? 'late' : 'pending';
}

export interface AnnualTaskFacts { year: number; dueOn: string; leadDepartmentId: number; coDepartmentIds: number[] }

/** A task is due within its year, and names each department once. */
export function checkAnnualTask(t: AnnualTaskFacts): Outcome {
  if (t.dueOn.slice(0, 4) !== String(t.year)) return refuse('ANNUAL_TASK_DUE_OUTSIDE_YEAR', undefined, 'dueOn');
  const seen = new Set([t.leadDepartmentId]);
  for (const [i, d] of t.coDepartmentIds.entries()) {
    if (seen.has(d)) return refuse('ANNUAL_TASK_DEPARTMENT_REPEATED', undefined, `coDepartmentIds.${i}`);
    seen.add(d);
  }
  return allowed;
}

/** The first month a task is reported for: its month of creation, or January of its year if created before. */
export function firstReportMonth(year: number, createdOn: string): string {
  const jan = `${year}-01`;
  const created = monthOf(createdOn);
  return created > jan ? created : jan;
}

/**
 * The months a department reports for, up to the current month: from the task's first month
 * to the month of its due date (December at most), ending with the month the department reported it completed.
 */
export function requiredMonths(t: TaskPeriod, completedMonth: string | null, todayOn: string): string[] {
  const months: string[] = [];
  // A month is reportable once it has begun (the report of the current month may be filed early).
  for (let m = t.firstMonth; m <= lastReportMonth(t, completedMonth) && m <= monthOf(todayOn); m = nextMonth(m)) months.push(m);
  return months;
}

export interface TaskPeriod { year: number; firstMonth: string; dueOn: string }

const lastReportMonth = (t: TaskPeriod, completedMonth: string | null) => [monthOf(t.dueOn), `${t.year}-12`, completedMonth ?? '9999-12'].sort()[0]!;

/** Whether a department reports the task for `month` (within the task's months, up to the month it reported completion). */
export function isReportRequired(t: TaskPeriod, completedMonth: string | null, month: string): boolean {
  return month >= t.firstMonth && month <= lastReportMonth(t, completedMonth);
}

export interface ReportFacts { month: string; todayOn: string; year: number; firstMonth: string; status: ReportStatus; percent: number | null }

/** A report is for a month of the task's year that has begun, and a completed task is at 100 %. */
export function checkReport(r: ReportFacts): Outcome {
  if (r.month.slice(0, 4) !== String(r.year) || r.month < r.firstMonth) return refuse('ANNUAL_REPORT_MONTH_OUTSIDE_TASK', undefined, 'month');
  if (r.month > monthOf(r.todayOn)) return refuse('ANNUAL_REPORT_MONTH_IN_FUTURE', undefined, 'month');
  if (r.status === 'completed' && r.percent !== null && r.percent !== 100) return refuse('ANNUAL_REPORT_PERCENT_INCONSISTENT', undefined, 'percent');
  return allowed;
}

export interface TaskOutcomeFacts { dueOn: string; leadDepartmentId: number; reports: { departmentId: number; month: string; status: ReportStatus; reportedOn: string }[] }

/** A task is completed when its lead department reports it so; on time when that report was filed by the due date. */
export function computeTaskOutcome(t: TaskOutcomeFacts): { completed: boolean; completedOn: string | null; onTime: boolean } {
  const done = t.reports.filter((r) => r.departmentId === t.leadDepartmentId && r.status === 'completed')
    .sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : 0))[0];
  if (!done) return { completed: false, completedOn: null, onTime: false };
  return { completed: true, completedOn: done.reportedOn, onTime: done.reportedOn <= t.dueOn };
}
