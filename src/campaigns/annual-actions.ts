// 年度重点任务 and 月调度 actions, the campaign deadlines on the board, and the year's figures.
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import type { BoardSourceItem } from '../cases/index.js';
import {
  checkAnnualTask, checkReport, computeReportDueOn, computeTaskOutcome, firstReportMonth, isReportRequired, monthOf, reportState, requiredMonths,
  type ReportState, type ReportStatus,
} from './annual-rules.js';
import { computeFigures, type CampaignFigures, type CampaignKind } from './rules.js';
import {
  findAnnualTask, findDepartmentsByIds, updateAnnualTaskRow, findReportForUpdate, findUserUnits, insertAnnualTask, insertReportIfAbsent, listAnnualTasks,
  listCampaignsOfYear, listInspectionsOfYear, listOpenItemsDueBy, listReportsOfTasks, loadFigureFacts, updateReport,
  type AnnualReportRow, type AnnualTaskRow,
} from './queries.js';

/** Annual tasks concern every department: any staff member reads them; enterprise users do not. */
const mayReadTasks = (p: Principal) => p.role !== 'enterprise_user';

export interface AnnualTaskInput { year: number; title: string; content: string; leadDepartmentId: number; coDepartmentIds: number[]; dueOn: string }

const departmentsOf = (t: Pick<AnnualTaskRow, 'leadDepartmentId' | 'coDepartmentIds'>) => [t.leadDepartmentId, ...t.coDepartmentIds];

/** Creates an annual task (campaign.manage); reports are due from its month of creation. */
export async function createAnnualTask(db: Db, principal: Principal, input: AnnualTaskInput, now: Date): Promise<Result<AnnualTaskRow>> {
  if (!can(principal, 'campaign.manage')) return refuse('FORBIDDEN');
  const checked = checkAnnualTask(input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const found = new Set((await findDepartmentsByIds(tx, departmentsOf(input))).map((d) => d.id));
    if (!found.has(input.leadDepartmentId)) return refuse('DEPARTMENT_UNKNOWN', undefined, 'leadDepartmentId');
    const bad = input.coDepartmentIds.findIndex((d) => !found.has(d));
    if (bad >= 0) return refuse('DEPARTMENT_UNKNOWN', undefined, `coDepartmentIds.${bad}`);
    const row = await insertAnnualTask(tx, {
      ...input, firstMonth: firstReportMonth(input.year, chinaDateOf(now)), createdById: principal.id, createdAt: now,
    });
    await appendAudit(tx, actorOf(principal), { action: 'annual_task.create', entity: 'annual_task', entityId: row.id, after: row }, now);
    return success(row);
  });
}

export type AnnualTaskEdit = Omit<AnnualTaskInput, 'year'> & { version: number; reason?: string | null };

/**
 * Edits a task (campaign.manage): title, content, departments, due date; the year stays (its reports
 * are months of it). Optimistic: the version read must still be current. A department that has
 * reported stays on the task (its reports would lose their department).
 */
export async function updateAnnualTask(db: Db, principal: Principal, id: number, input: AnnualTaskEdit, now: Date): Promise<Result<AnnualTaskRow>> {
  if (!can(principal, 'campaign.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    // Row lock: a monthly report (which reads the task under a share lock) waits for the edit, and two edits serialise.
    const before = await findAnnualTask(tx, id, 'update');
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== input.version) return refuse('VERSION_CONFLICT');
    const next = { year: before.year, title: input.title, content: input.content, leadDepartmentId: input.leadDepartmentId, coDepartmentIds: input.coDepartmentIds, dueOn: input.dueOn };
    const checked = checkAnnualTask(next);
    if (!checked.ok) return checked;
    const found = new Set((await findDepartmentsByIds(tx, departmentsOf(next))).map((d) => d.id));
    if (!found.has(next.leadDepartmentId)) return refuse('DEPARTMENT_UNKNOWN', undefined, 'leadDepartmentId');
    const bad = next.coDepartmentIds.findIndex((d) => !found.has(d));
    if (bad >= 0) return refuse('DEPARTMENT_UNKNOWN', undefined, `coDepartmentIds.${bad}`);
    const kept = new Set(departmentsOf(next));
    const reported = (await listReportsOfTasks(tx, [id])).find((r) => !kept.has(r.departmentId));
    if (reported) return refuse('ANNUAL_TASK_DEPARTMENT_REPORTED', undefined, 'coDepartmentIds');
    const row = await updateAnnualTaskRow(tx, id, before.version, {
      title: next.title, content: next.content, leadDepartmentId: next.leadDepartmentId, coDepartmentIds: next.coDepartmentIds, dueOn: next.dueOn, updatedAt: now,
    });
    if (!row) return refuse('VERSION_CONFLICT');
    await appendAudit(tx, actorOf(principal), { action: 'annual_task.update', entity: 'annual_task', entityId: id, before, after: row, reason: input.reason ?? null }, now);
    return success(row);
  });
}

/** The earliest month each department reported the task completed. */
function completedMonths(reports: AnnualReportRow[]): Map<number, string> {
  const m = new Map<number, string>();
  for (const r of reports) if (r.status === 'completed' && (!m.has(r.departmentId) || r.month < m.get(r.departmentId)!)) m.set(r.departmentId, r.month);
  return m;
}

/** The tasks of a year with their departments, outcome and how many monthly reports are late today. */
export async function annualTaskList(db: DbOrTx, principal: Principal, year: number, now: Date) {
  if (!mayReadTasks(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const tasks = await listAnnualTasks(db, year);
  const reports = await listReportsOfTasks(db, tasks.map((t) => t.id));
  const names = new Map((await findDepartmentsByIds(db, [...new Set(tasks.flatMap(departmentsOf))])).map((d) => [d.id, d.name]));
  return success(tasks.map((t) => {
    const own = reports.filter((r) => r.taskId === t.id);
    const done = completedMonths(own);
    const late = departmentsOf(t).flatMap((d) => requiredMonths(t, done.get(d) ?? null, todayOn)
      .filter((m) => reportState(m, own.find((r) => r.departmentId === d && r.month === m)?.reportedOn ?? null, todayOn) === 'late')).length;
    return {
      ...t, leadDepartmentName: names.get(t.leadDepartmentId) ?? '', coDepartmentNames: t.coDepartmentIds.map((d) => names.get(d) ?? ''),
      ...computeTaskOutcome({ ...t, reports: own }), lateReports: late, reportCount: own.length,
    };
  }));
}

/** One task with every report and, per department, what it may file (the principal's own department, or all with campaign.manage). */
export async function annualTaskDetail(db: DbOrTx, principal: Principal, id: number, now: Date) {
  if (!mayReadTasks(principal)) return refuse('FORBIDDEN');
  const task = await findAnnualTask(db, id);
  if (!task) return refuse('NOT_FOUND');
  const todayOn = chinaDateOf(now);
  const reports = await listReportsOfTasks(db, [id]);
  const depts = await findDepartmentsByIds(db, departmentsOf(task));
  const names = new Map(depts.map((d) => [d.id, d.name]));
  const [me] = await findUserUnits(db, [principal.id]);
  const manage = can(principal, 'campaign.manage');
  const done = completedMonths(reports);
  return success({
    task: { ...task, leadDepartmentName: names.get(task.leadDepartmentId) ?? '', coDepartmentNames: task.coDepartmentIds.map((d) => names.get(d) ?? '') },
    outcome: computeTaskOutcome({ ...task, reports }),
    reports: reports.map((r) => ({ ...r, departmentName: names.get(r.departmentId) ?? '', dueOn: computeReportDueOn(r.month), state: reportState(r.month, r.reportedOn, todayOn) })),
    departments: departmentsOf(task).map((d) => ({
      id: d, name: names.get(d) ?? '', lead: d === task.leadDepartmentId,
      months: requiredMonths(task, done.get(d) ?? null, todayOn).map((m) => ({ month: m, dueOn: computeReportDueOn(m), state: reportState(m, reports.find((r) => r.departmentId === d && r.month === m)?.reportedOn ?? null, todayOn) })),
    })),
    reportableDepartmentIds: departmentsOf(task).filter((d) => manage || me?.departmentId === d),
    todayOn, currentMonth: monthOf(todayOn),
  });
}

export interface ReportInput { departmentId: number; month: string; progress: string; percent: number | null; status: ReportStatus; attachments: string[] }

/**
 * Files a department's progress report for a month; a second report of the same task, department and month
 * updates the first (the unique constraint decides between parallel filings; lateness stays that of the first).
 */
export async function fileReport(db: Db, principal: Principal, taskId: number, input: ReportInput, now: Date): Promise<Result<{ report: AnnualReportRow; created: boolean }>> {
  if (!mayReadTasks(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const task = await findAnnualTask(tx, taskId, 'share');
    if (!task) return refuse('NOT_FOUND');
    const [me] = await findUserUnits(tx, [principal.id]);
    // Reports come from the responsible department's own staff; the bureau's managers may record one for it.
    if (!can(principal, 'campaign.manage') && me?.departmentId !== input.departmentId) return refuse('FORBIDDEN');
    if (!departmentsOf(task).includes(input.departmentId)) return refuse('ANNUAL_REPORT_DEPARTMENT_NOT_RESPONSIBLE', undefined, 'departmentId');
    const checked = checkReport({ ...input, todayOn, year: task.year, firstMonth: task.firstMonth });
    if (!checked.ok) return checked;
    const fields = { progress: input.progress, percent: input.percent, status: input.status, attachments: input.attachments, reportedById: principal.id, updatedAt: now };
    const inserted = await insertReportIfAbsent(tx, { ...fields, taskId, departmentId: input.departmentId, month: input.month, reportedOn: todayOn, createdAt: now });
    if (inserted) {
      await appendAudit(tx, actorOf(principal), { action: 'annual_task.report.file', entity: 'annual_task', entityId: taskId, after: inserted }, now);
      return success({ report: inserted, created: true });
    }
    const before = (await findReportForUpdate(tx, taskId, input.departmentId, input.month))!;
    const after = await updateReport(tx, before.id, fields);
    await appendAudit(tx, actorOf(principal), {
      action: 'annual_task.report.update', entity: 'annual_task', entityId: taskId,
      before: { id: before.id, progress: before.progress, percent: before.percent, status: before.status, attachments: before.attachments, reportedById: before.reportedById },
      after: { id: after.id, progress: after.progress, percent: after.percent, status: after.status, attachments: after.attachments, reportedById: after.reportedById },
    }, now);
    return success({ report: after, created: false });
  });
}

export type DispatchState = ReportState | 'not_required';

/** 月调度: for a month, per task and responsible department, the report filed or that it is late / pending. */
export async function dispatchView(db: DbOrTx, principal: Principal, month: string, now: Date) {
  if (!mayReadTasks(principal)) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const tasks = await listAnnualTasks(db, Number(month.slice(0, 4)));
  const reports = await listReportsOfTasks(db, tasks.map((t) => t.id));
  const names = new Map((await findDepartmentsByIds(db, [...new Set(tasks.flatMap(departmentsOf))])).map((d) => [d.id, d.name]));
  const rows = tasks.flatMap((t) => {
    const own = reports.filter((r) => r.taskId === t.id);
    const done = completedMonths(own);
    return departmentsOf(t).map((d) => {
      const report = own.find((r) => r.departmentId === d && r.month === month) ?? null;
      const state: DispatchState = report || isReportRequired(t, done.get(d) ?? null, month) ? reportState(month, report?.reportedOn ?? null, todayOn) : 'not_required';
      return {
        taskId: t.id, title: t.title, departmentId: d, departmentName: names.get(d) ?? '', lead: d === t.leadDepartmentId, state,
        report: report && { id: report.id, progress: report.progress, percent: report.percent, status: report.status, reportedOn: report.reportedOn },
      };
    });
  });
  const count = (s: DispatchState) => rows.filter((r) => r.state === s).length;
  return success({
    month, dueOn: computeReportDueOn(month), todayOn, rows,
    totals: { reported: count('reported') + count('reported_late'), late: count('late') + count('reported_late'), missing: count('late'), pending: count('pending') },
  });
}

/** The deadlines board: open rectification items overdue or due soon, in the principal's district. */
export async function rectificationBoardItems(db: Db, principal: Principal, todayOn: string, soonDays: number): Promise<BoardSourceItem[]> {
  if (!can(principal, 'case.read')) return [];
  const rows = await listOpenItemsDueBy(db, addDays(todayOn, soonDays), principal.districtId);
  return rows.map((r) => ({
    source: 'campaign', kind: 'rectification', title: `${r.campaignName}：${r.problem}`.slice(0, 200), dueOn: r.deadlineOn,
    state: todayOn > r.deadlineOn ? 'overdue' as const : 'due_soon' as const, districtName: r.districtName, link: `/campaigns/${r.campaignId}`,
  }));
}

/** The deadlines board: monthly reports late or due soon (a district user sees those of the departments in their district). */
export async function annualReportBoardItems(db: Db, principal: Principal, todayOn: string, soonDays: number): Promise<BoardSourceItem[]> {
  if (!mayReadTasks(principal)) return [];
  const year = Number(todayOn.slice(0, 4));
  // December's report falls due in January: last year's tasks are still read.
  const tasks = [...await listAnnualTasks(db, year - 1), ...await listAnnualTasks(db, year)];
  if (!tasks.length) return [];
  const reports = await listReportsOfTasks(db, tasks.map((t) => t.id));
  const depts = new Map((await findDepartmentsByIds(db, [...new Set(tasks.flatMap(departmentsOf))])).map((d) => [d.id, d]));
  const horizonOn = addDays(todayOn, soonDays);
  const items: BoardSourceItem[] = [];
  for (const t of tasks) {
    const own = reports.filter((r) => r.taskId === t.id);
    const done = completedMonths(own);
    for (const d of departmentsOf(t)) {
      const dept = depts.get(d);
      if (principal.districtId !== null && dept?.districtId !== principal.districtId) continue;
      for (const m of requiredMonths(t, done.get(d) ?? null, todayOn)) {
        if (own.some((r) => r.departmentId === d && r.month === m)) continue;
        const dueOn = computeReportDueOn(m);
        if (dueOn > horizonOn) continue;
        items.push({
          source: 'annual-task', kind: 'monthly_report', title: `${t.title}（${dept?.name ?? ''} ${m} 月报）`, dueOn,
          state: todayOn > dueOn ? 'overdue' : 'due_soon', districtName: null, link: `/annual-tasks/dispatch?month=${m}`,
        });
      }
    }
  }
  return items;
}

/**
 * The year's figures for the year-end report: per campaign overlapping the year, from that year's inspections and
 * the problems they found (targets, inspected, problems, orders, fixed, verified, cross-district operations), annual tasks (count, completed, on time, late monthly
 * reports as of `now`) and the year's joint operations.
 */
export async function campaignYearFigures(db: DbOrTx, year: number, now: Date) {
  const todayOn = chinaDateOf(now);
  const list = await listCampaignsOfYear(db, year);
  const perCampaign: ({ id: number; name: string; kind: CampaignKind | null; startsOn: string; endsOn: string } & CampaignFigures)[] = [];
  for (const c of list) perCampaign.push({ id: c.id, name: c.name, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, ...computeFigures(await loadFigureFacts(db, c.id, year)) });
  const keys = ['targets', 'inspected', 'problems', 'orders', 'fixed', 'verified', 'jointOperations'] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, perCampaign.reduce((s, c) => s + c[k], 0)])) as Record<(typeof keys)[number], number>;
  const tasks = await listAnnualTasks(db, year);
  const reports = await listReportsOfTasks(db, tasks.map((t) => t.id));
  let completed = 0; let onTime = 0; let lateReports = 0; let reportsFiled = 0;
  for (const t of tasks) {
    const own = reports.filter((r) => r.taskId === t.id);
    const outcome = computeTaskOutcome({ ...t, reports: own });
    if (outcome.completed) completed++;
    if (outcome.onTime) onTime++;
    reportsFiled += own.length;
    const done = completedMonths(own);
    for (const d of departmentsOf(t)) {
      for (const m of requiredMonths(t, done.get(d) ?? null, todayOn)) {
        const s = reportState(m, own.find((r) => r.departmentId === d && r.month === m)?.reportedOn ?? null, todayOn);
        if (s === 'late' || s === 'reported_late') lateReports++;
      }
    }
  }
  const inspections = await listInspectionsOfYear(db, year);
  return {
    year, asOfOn: todayOn, campaigns: perCampaign, totals,
    annualTasks: { count: tasks.length, completed, onTime, reportsFiled, lateReports },
    jointOperations: {
      joint: inspections.filter((i) => i.participantDistrictIds.length >= 2).length,
      crossDistrict: inspections.filter((i) => i.crossDistrict).length,
    },
  };
}
export type CampaignYearFigures = Awaited<ReturnType<typeof campaignYearFigures>>;
