// Measure actions: load the case and the measure, apply the rule, write the record, its event, the
// case's timeline step and the audit row in one transaction. A refusal writes nothing.
import type { Db, Tx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, type Permission, type Principal } from '../platform/auth/roles.js';
import { caseSteps, findCaseRow, findOfficers, type CaseRow, refreshDecisionDueOn, loadPeriodCalendar } from '../cases/index.js';
import { APPROVAL_EVENTS, legalBasisOf, type MeasureEvent } from './rules/kinds.js';
import {
  applyEvent, availableEvents, checkCreate, checkEvent, dailyPenaltyComputationOf, dueOnOf, endedOnOf, groundOf, newRecord, outcomeOf,
  startedOnOf, statusOf, type CreateInput, type EventInputs, type MeasureContext,
} from './rules/measures.js';
import { crimeTransferReminders } from './rules/crime-transfer.js';
import { isSeizureMandatory } from './rules/seizure.js';
import { deadlineStateOf, type MeasureCalendar } from './rules/periods.js';
import type { MeasureRecord } from './rules/records.js';
import type { CaseDecisionFacts } from './rules/penalty-procedure.js';
import {
  findMeasureRow, findUserNames, insertMeasureEvent, insertMeasureRow, listEventsOf, listMeasureRowsOfCase, updateMeasureRow, type MeasureRow,
} from './queries.js';
import type { MeasureCreateBody } from './schema.js';

function contextOf(row: CaseRow, cal: MeasureCalendar, now: Date): MeasureContext {
  return {
    todayOn: chinaDateOf(now),
    archived: row.archivedAt !== null,
    caseDecision: row.decisionKind && row.decidedOn ? {
      kind: row.decisionKind, fineFen: row.decisionFineFen ?? 0, decidedOn: row.decidedOn,
      penaltyKinds: row.decision?.penaltyKinds ?? [], decisionNumber: row.decisionNumber,
    } : null,
    cal,
    caseRef: { id: row.id, enterpriseId: row.enterpriseId },
  };
}

/** The decision of the case a daily penalty was decided in (环境保护法 第五十九条), within the principal's scope. */
async function linkedDecisionOf(tx: Tx, principal: Principal, caseId: number | null | undefined): Promise<CaseDecisionFacts | null> {
  if (!caseId) return null;
  const c = await findCaseRow(tx, caseId, principal);
  if (!c || !c.decisionKind || !c.decidedOn) return null;
  return {
    caseId: c.id, enterpriseId: c.enterpriseId, kind: c.decisionKind, penaltyKinds: c.decision?.penaltyKinds ?? [],
    fineFen: c.decisionFineFen ?? 0, decisionNumber: c.decisionNumber, decidedOn: c.decidedOn,
  };
}

/** Thrown to roll a transaction back when a refusal comes after something was written. */
class RefusalAbort extends Error {
  constructor(readonly refusal: Refusal) { super(refusal.code); }
}

async function catchCalendar<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RefusalAbort) return err.refusal;
    throw err;
  }
}

/** Officers named on a measure: active enforcement officers, of the case's district or city-wide. */
async function checkOfficers(tx: Tx, row: CaseRow, ids: number[], field: string): Promise<Refusal | null> {
  const unique = [...new Set(ids)];
  const officers = await findOfficers(tx, unique);
  if (officers.length !== unique.length || officers.some((o) => o.role !== 'enforcement_officer' || !o.active)) return refuse('NOT_AN_OFFICER', undefined, field);
  if (officers.some((o) => o.districtId !== null && o.districtId !== row.districtId)) return refuse('OFFICER_OUT_OF_DISTRICT', undefined, field);
  return null;
}

/** The columns derived from a record after every change. */
function derived(r: MeasureRecord) {
  return { status: statusOf(r), startedOn: startedOnOf(r), dueOn: dueOnOf(r), endedOn: endedOnOf(r), basis: legalBasisOf(r.kind, groundOf(r)) };
}

/** The day an event happened, for the timelines. */
function occurredOnOf(event: MeasureEvent, input: Record<string, unknown>, todayOn: string): string {
  const key = { reinspection: 'inspectedOn', decide: 'decidedOn', extension: 'approvedOn', release: 'releasedOn', plan: 'filedOn', lifting: 'liftedOn', approval: 'decidedOn', transfer: 'transferredOn', outcome: 'decidedOn' }[event];
  return typeof input[key] === 'string' ? (input[key] as string) : todayOn;
}

async function recordTimeline(tx: Tx, actor: Actor, m: MeasureRow, event: MeasureEvent | 'create', occurredOn: string, data: Record<string, unknown>, now: Date) {
  await insertMeasureEvent(tx, { measureId: m.id, event, occurredOn, actorId: actor.id, data, createdAt: now });
  // The case's own timeline (执法全过程记录) shows the measure's steps too.
  await tx.insert(caseSteps).values({
    caseId: m.caseId, kind: 'measure', occurredOn, actorId: actor.id, officerIds: Array.isArray(data.officerIds) ? (data.officerIds as number[]) : [],
    data: { measureId: m.id, measureKind: m.kind, event, status: m.status }, createdAt: now,
  });
}

export async function createMeasure(db: Db, principal: Principal, caseId: number, body: MeasureCreateBody, now: Date): Promise<Result<MeasureView>> {
  if (!can(principal, 'measure.write')) return refuse('FORBIDDEN');
  const cal = await loadPeriodCalendar(db);
  return catchCalendar(() => db.transaction(async (tx) => {
    const row = await findCaseRow(tx, caseId, principal, true);
    if (!row) return refuse('NOT_FOUND');
    const ctx = contextOf(row, cal, now);
    const m = await insertMeasure(tx, actorOf(principal), row, body, ctx, now);
    if (!m.ok) return m;
    return success(await presentOne(tx, principal, row, m.value, ctx));
  }));
}

/** Checks and inserts a new measure with its event, timeline step and audit row (also used by the demo seed). */
async function insertMeasure(tx: Tx, actor: Actor, row: CaseRow, body: MeasureCreateBody, ctx: MeasureContext, now: Date): Promise<Result<MeasureRow>> {
  const { responsibleOfficerId, note, ...input } = body;
  const created = checkCreate(input as CreateInput, ctx);
  if (!created.ok) return created;
  const officers = await checkOfficers(tx, row, [responsibleOfficerId], 'responsibleOfficerId');
  if (officers) return officers;
  const record = newRecord(input as CreateInput, ctx);
  const m = await insertMeasureRow(tx, {
    caseId: row.id, kind: record.kind, ...derived(record), responsibleOfficerId, record, note, createdById: actor.id, createdAt: now, updatedAt: now,
  });
  await recordTimeline(tx, actor, m, 'create', m.startedOn, { ...input, responsibleOfficerId, note }, now);
  await appendAudit(tx, actor, { action: 'measure.create', entity: 'measure', entityId: m.id, after: m }, now);
  return success(m);
}

/**
 * Records measures for cases the demo seed made, as the system: the seed's 2020 figures (one
 * restriction or suspension, four transfers for detention, three suspected crimes) then come from
 * records. Each body is checked like one sent through the API; the first refusal stops the seed.
 */
export async function seedMeasures(db: Db, items: { caseId: number; body: MeasureCreateBody }[], now: Date): Promise<Result<number[]>> {
  const cal = await loadPeriodCalendar(db);
  return catchCalendar(() => db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const { caseId, body } of items) {
      const row = await findCaseRow(tx, caseId, null, true);
      if (!row) throw new RefusalAbort(refuse('NOT_FOUND'));
      const m = await insertMeasure(tx, SYSTEM_ACTOR, row, body, contextOf(row, cal, now), now);
      if (!m.ok) throw new RefusalAbort(m);
      ids.push(m.value.id);
    }
    return success(ids);
  }));
}

export async function recordMeasureEvent<E extends MeasureEvent>(
  db: Db, principal: Principal, measureId: number, event: E, input: EventInputs[E], now: Date,
): Promise<Result<MeasureView>> {
  const permission: Permission = APPROVAL_EVENTS.includes(event) ? 'measure.approve' : 'measure.write';
  if (!can(principal, permission)) return refuse('FORBIDDEN');
  const cal = await loadPeriodCalendar(db);
  return catchCalendar(() => db.transaction(async (tx) => {
    const found = await findMeasureRow(tx, measureId, principal);
    if (!found) return refuse('NOT_FOUND');
    // Lock the case first (as case actions do), then the measure: an archive and an event cannot interleave.
    const row = (await findCaseRow(tx, found.caseId, null, true))!;
    const before = (await findMeasureRow(tx, measureId, null, true))!;
    const ctx = contextOf(row, cal, now);
    if (event === 'decide') ctx.linkedDecision = await linkedDecisionOf(tx, principal, (input as EventInputs['decide']).penaltyCaseId);
    const checked = checkEvent(before.record, event, input, ctx);
    if (!checked.ok) return checked;
    if (event === 'reinspection') {
      const officers = await checkOfficers(tx, row, (input as EventInputs['reinspection']).officerIds, 'officerIds');
      if (officers) return officers;
    }
    const record = applyEvent(before.record, event, input, ctx);
    const m = await updateMeasureRow(tx, measureId, { ...derived(record), record, updatedAt: now });
    const data = input as unknown as Record<string, unknown>;
    await recordTimeline(tx, actorOf(principal), m, event, occurredOnOf(event, data, ctx.todayOn), data, now);
    // 国务院令第310号 第十条, 第十三条: the case resumes when the police hand it back; its days with them are not counted.
    if (m.kind === 'crime_transfer') await refreshDecisionDueOn(tx, m.caseId, now);
    await appendAudit(tx, actorOf(principal), {
      action: `measure.${event}`, entity: 'measure', entityId: measureId,
      before: { status: before.status, record: before.record }, after: { status: m.status, record: m.record },
      reason: typeof data.lateReason === 'string' ? data.lateReason : null,
    }, now);
    return success(await presentOne(tx, principal, row, m, ctx));
  }));
}

// ---------- presentation ----------

export type MeasureView = Awaited<ReturnType<typeof presentMany>>[number];

async function presentOne(tx: Tx | Db, principal: Principal, row: CaseRow, m: MeasureRow, ctx: MeasureContext) {
  return (await presentMany(tx, principal, row, [m], ctx))[0]!;
}

/** What the case page shows for each measure: the record, the computed figures and deadlines, the timeline and the actions. */
async function presentMany(tx: Tx | Db, principal: Principal, row: CaseRow, ms: MeasureRow[], ctx: MeasureContext) {
  const events = await listEventsOf(tx, ms.map((m) => m.id));
  const officerIds = ms.flatMap((m) => [m.responsibleOfficerId, ...(m.record.kind === 'daily_penalty' ? m.record.reinspections.flatMap((r) => r.officerIds) : [])]);
  const names = await findUserNames(tx, officerIds);
  const permissions = { write: can(principal, 'measure.write'), approve: can(principal, 'measure.approve') };
  const fine = ctx.caseDecision?.kind === 'penalty' && ctx.caseDecision.fineFen > 0 ? ctx.caseDecision.fineFen : null;
  return ms.map((m) => {
    const r = m.record;
    return {
      id: m.id, caseId: m.caseId, caseNumber: row.number, kind: m.kind, status: m.status, basis: m.basis,
      responsibleOfficer: { id: m.responsibleOfficerId, name: names.get(m.responsibleOfficerId) ?? '' },
      startedOn: m.startedOn, dueOn: m.dueOn, deadlineState: deadlineStateOf(m.dueOn, ctx.todayOn), endedOn: m.endedOn,
      outcome: outcomeOf(r), note: m.note, record: r,
      officerNames: Object.fromEntries([...names].map(([id, name]) => [String(id), name])),
      computation: r.kind === 'daily_penalty' ? dailyPenaltyComputationOf(r, fine) : null,
      reminders: r.kind === 'crime_transfer' ? crimeTransferReminders(m.status, r.outcome?.reconsiderationDueOn ?? null) : [],
      seizureMandatory: r.kind === 'seizure' ? isSeizureMandatory(r.ground, r.seriousPollutionCaused) : null,
      events: events.filter((e) => e.measureId === m.id).map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      actions: availableEvents(r, ctx, permissions),
      version: m.version, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
    };
  });
}

/** The measures of one case, for its page. */
export async function listCaseMeasures(db: Db, principal: Principal, caseId: number, now: Date): Promise<Result<{ items: MeasureView[]; canCreate: boolean }>> {
  const row = await findCaseRow(db, caseId, principal);
  if (!row) return refuse('NOT_FOUND');
  const cal = await loadPeriodCalendar(db);
  const ctx = contextOf(row, cal, now);
  const items = await presentMany(db, principal, row, await listMeasureRowsOfCase(db, caseId), ctx);
  return success({ items, canCreate: can(principal, 'measure.write') && !ctx.archived });
}

export async function getMeasure(db: Db, principal: Principal, id: number, now: Date): Promise<Result<MeasureView>> {
  const m = await findMeasureRow(db, id, principal);
  if (!m) return refuse('NOT_FOUND');
  const row = (await findCaseRow(db, m.caseId, null))!;
  const ctx = contextOf(row, await loadPeriodCalendar(db), now);
  return success(await presentOne(db, principal, row, m, ctx));
}
