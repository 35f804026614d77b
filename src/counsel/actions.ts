// Counsel register and review tasks: load facts → apply the rule → write and audit in one transaction.
import type { Db } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { checkCounselTerm, checkEnteredDate, checkOpinion, checkTaskAssignment, computeCounselYearFigures, type CounselKind, type SubjectKind } from './rules.js';
import { findCounsel, findTask, insertCounsel, insertTask, listCounsels, listTasks, tasksAnsweredIn, updateTask, type CounselTaskRow } from './queries.js';

const MANAGE = 'counsel.manage' as const;

/** Where the UI links the subject: a major case opens its case page. */
const linkOf = (t: CounselTaskRow) => (t.subjectKind === 'major_case' && /^\d+$/.test(t.subjectRef) ? `/cases/${t.subjectRef}` : null);
const taskView = (t: CounselTaskRow) => ({ ...t, link: linkOf(t), answered: t.answeredOn !== null });

export async function counselList(db: Db) {
  const rows = await listCounsels(db);
  const tasks = await listTasks(db);
  return rows.map((c) => ({ ...c, tasks: tasks.filter((t) => t.counselId === c.id).length, answered: tasks.filter((t) => t.counselId === c.id && t.answeredOn).length }));
}

export async function counselDetail(db: Db, id: number): Promise<Result<unknown>> {
  const c = await findCounsel(db, id);
  if (!c) return refuse('NOT_FOUND');
  return success({ ...c, tasks: (await listTasks(db, id)).map(taskView) });
}

export interface CounselInput { name: string; kind: CounselKind; firm?: string | null; licenceNo: string; termFromOn: string; termToOn?: string | null }

export async function registerCounsel(db: Db, principal: Principal, input: CounselInput, now: Date): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  const values = { ...input, firm: input.firm ?? null, termToOn: input.termToOn ?? null };
  const gate = checkCounselTerm(values);
  if (!gate.ok) return gate;
  const starts = checkEnteredDate(values.termFromOn, null, chinaDateOf(now), 'termFromOn');
  if (!starts.ok) return starts;
  return db.transaction(async (tx) => {
    const row = await insertCounsel(tx, { ...values, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'counsel.register', entity: 'counsel', entityId: row.id, after: row }, now);
    return success(row);
  });
}

export async function taskList(db: Db, counselId?: number) {
  return (await listTasks(db, counselId)).map(taskView);
}

export async function taskDetail(db: Db, id: number): Promise<Result<unknown>> {
  const t = await findTask(db, id);
  if (!t) return refuse('NOT_FOUND');
  const c = await findCounsel(db, t.counselId);
  return success({ ...taskView(t), counsel: c ?? null });
}

export interface TaskInput { counselId: number; subjectKind: SubjectKind; subjectRef: string; subjectTitle: string; assignedOn: string; dueOn: string }

export async function assignTask(db: Db, principal: Principal, input: TaskInput, now: Date): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  const counsel = await findCounsel(db, input.counselId);
  if (!counsel) return refuse('COUNSEL_UNKNOWN', undefined, 'counselId');
  const gate = checkTaskAssignment(input, counsel, chinaDateOf(now));
  if (!gate.ok) return gate;
  return db.transaction(async (tx) => {
    const row = await insertTask(tx, { ...input, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'counsel.task_assign', entity: 'counsel_task', entityId: row.id, after: row }, now);
    return success(taskView(row));
  });
}

export async function answerTask(db: Db, principal: Principal, id: number, input: { opinion: string; answeredOn: string }, now: Date): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const t = await findTask(tx, id, 'update');
    if (!t) return refuse('NOT_FOUND');
    const gate = checkOpinion(t, input.answeredOn, chinaDateOf(now));
    if (!gate.ok) return gate;
    const row = await updateTask(tx, id, { opinion: input.opinion, answeredOn: input.answeredOn });
    await appendAudit(tx, actorOf(principal), { action: 'counsel.task_answer', entity: 'counsel_task', entityId: id, before: t, after: row }, now);
    return success(taskView(row));
  });
}

/** The year's counsel figures for the year-end report (seed-figures.md #6). */
export async function counselYearFigures(db: Db, year: number) {
  const figures = computeCounselYearFigures(await tasksAnsweredIn(db, year), year);
  const names = new Map((await listCounsels(db)).map((c) => [c.id, c.name]));
  return { ...figures, byCounsel: figures.byCounsel.map((c) => ({ ...c, name: names.get(c.counselId) ?? '' })) };
}
