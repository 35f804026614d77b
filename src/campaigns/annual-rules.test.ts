// 年度重点任务 and 月调度. No statute sets the monthly dispatch: the due day is the bureau's working
// arrangement (MONTHLY_REPORT_DUE_DAY), so these tests name the arrangement, not an article.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkAnnualTask, checkReport, computeReportDueOn, computeTaskOutcome, firstReportMonth, isReportRequired, MONTHLY_REPORT_DUE_DAY, nextMonth,
  reportState, requiredMonths,
} from './annual-rules.js';

describe(`the monthly report is due by day ${MONTHLY_REPORT_DUE_DAY} of the next month (bureau arrangement)`, () => {
  it('a month mid-year, and December into January of the next year', () => {
    expect(computeReportDueOn('2026-03')).toBe('2026-04-05');
    expect(computeReportDueOn('2026-12')).toBe('2027-01-05');
  });
  it('property: the due day always lies in the following month', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      return computeReportDueOn(month).slice(0, 7) === nextMonth(month) && nextMonth(month) > month;
    }));
  });
});

describe('lateness of a monthly report', () => {
  it('the due day itself is still in time; filed after it is late; missing after it is late', () => {
    expect(reportState('2026-11', '2026-12-05', '2026-12-20')).toBe('reported');
    expect(reportState('2026-11', '2026-12-06', '2026-12-20')).toBe('reported_late');
    expect(reportState('2026-11', null, '2026-12-05')).toBe('pending');
    expect(reportState('2026-11', null, '2026-12-06')).toBe('late');
  });
});

describe('an annual task', () => {
  const task = { year: 2026, dueOn: '2026-12-31', leadDepartmentId: 1, coDepartmentIds: [2, 3] };
  it('accepts a task due within its year', () => expect(checkAnnualTask(task)).toEqual({ ok: true }));
  it('refuses a due date outside the year', () => expect(checkAnnualTask({ ...task, dueOn: '2027-01-15' })).toMatchObject({ ok: false, code: 'ANNUAL_TASK_DUE_OUTSIDE_YEAR', field: 'dueOn' }));
  it('refuses a department listed twice (lead repeated as co-department)', () =>
    expect(checkAnnualTask({ ...task, coDepartmentIds: [2, 1] })).toMatchObject({ ok: false, code: 'ANNUAL_TASK_DEPARTMENT_REPEATED', field: 'coDepartmentIds.1' }));
  it('reports start in the month of creation, or January when created the year before', () => {
    expect(firstReportMonth(2026, '2026-03-10')).toBe('2026-03');
    expect(firstReportMonth(2026, '2025-12-20')).toBe('2026-01');
  });
  const period = { year: 2026, firstMonth: '2026-09', dueOn: '2026-11-30' };
  it('months to report: first month to the due month, up to the current month, ending at a reported completion', () => {
    expect(requiredMonths(period, null, '2026-12-04')).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(requiredMonths(period, null, '2026-10-02')).toEqual(['2026-09', '2026-10']);
    expect(requiredMonths(period, '2026-10', '2026-12-04')).toEqual(['2026-09', '2026-10']);
    expect(isReportRequired(period, null, '2026-12')).toBe(false);
    expect(isReportRequired(period, null, '2026-08')).toBe(false);
  });
});

describe('a report', () => {
  const r = { month: '2026-11', todayOn: '2026-12-04', year: 2026, firstMonth: '2026-01', status: 'on_track' as const, percent: 60 };
  it('accepts a begun month of the task', () => {
    expect(checkReport(r)).toEqual({ ok: true });
    expect(checkReport({ ...r, month: '2026-12' })).toEqual({ ok: true });
  });
  it('refuses a month that has not begun', () => expect(checkReport({ ...r, month: '2027-01', year: 2027 })).toMatchObject({ code: 'ANNUAL_REPORT_MONTH_IN_FUTURE', field: 'month' }));
  it('refuses a month of another year or before the task', () => {
    expect(checkReport({ ...r, month: '2025-12' })).toMatchObject({ code: 'ANNUAL_REPORT_MONTH_OUTSIDE_TASK', field: 'month' });
    expect(checkReport({ ...r, firstMonth: '2026-12' })).toMatchObject({ code: 'ANNUAL_REPORT_MONTH_OUTSIDE_TASK', field: 'month' });
  });
  it('refuses "completed" below 100 %', () => {
    expect(checkReport({ ...r, status: 'completed', percent: 90 })).toMatchObject({ code: 'ANNUAL_REPORT_PERCENT_INCONSISTENT', field: 'percent' });
    expect(checkReport({ ...r, status: 'completed', percent: 100 })).toEqual({ ok: true });
  });
});

describe('task outcome for the year-end figures', () => {
  const t = { dueOn: '2026-11-30', leadDepartmentId: 1 };
  it('completed on time when the lead department reports completion by the due date', () => {
    expect(computeTaskOutcome({ ...t, reports: [{ departmentId: 1, month: '2026-11', status: 'completed', reportedOn: '2026-11-28' }] }))
      .toEqual({ completed: true, completedOn: '2026-11-28', onTime: true });
  });
  it('completed late after the due date; a co-department’s completion does not complete the task', () => {
    expect(computeTaskOutcome({ ...t, reports: [{ departmentId: 1, month: '2026-11', status: 'completed', reportedOn: '2026-12-03' }] })).toMatchObject({ completed: true, onTime: false });
    expect(computeTaskOutcome({ ...t, reports: [{ departmentId: 2, month: '2026-11', status: 'completed', reportedOn: '2026-11-03' }] })).toMatchObject({ completed: false, onTime: false });
  });
});
