// How each stored deadline came about, and its recomputation once a provisional year becomes official.
//
// A deadline that runs into a year without a recorded State Council arrangement is computed on the
// provisional calendar (src/law/provisional-calendar.ts) as the earliest date the final arrangement
// could give, and marked 暂定. When an administrator records that year (PUT /api/calendar/:year), every
// open 暂定 deadline relying on it is recomputed from its stored start date, period and extra days,
// the new date written where the case keeps it, each change audited and listed on the deadlines board.
import { and, arrayContains, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { equalsAny, type DbOrTx, type Tx } from '../platform/db/index.js';
import { appendAudit, type Actor } from '../platform/audit/log.js';
import { caseDeadlines, cases, caseSteps, leads } from './tables.js';
import { computeDue, PERIODS, type DeadlineComputation, type PeriodName } from './rules/deadlines.js';
import { loadPeriodCalendar, type LoggingPeriodCalendar } from './calendar.js';

/** The periods whose due date a case or lead stores (hearingNotice is only a check, never stored). */
const STORED: ReadonlySet<PeriodName> = new Set<PeriodName>(['filing', 'decision', 'statement', 'hearingRequest', 'service', 'payment', 'evidencePreservation']);
/** Kinds a case can hold more than one of at a time. */
const MANY: ReadonlySet<PeriodName> = new Set<PeriodName>(['evidencePreservation']);

/**
 * Stores the deadlines computed on `cal` during one action (its log, then emptied) for the case or
 * lead, superseding the earlier record of the same kind. Called inside the action's transaction.
 */
export async function recordDeadlines(tx: Tx, cal: LoggingPeriodCalendar, owner: { caseId: number } | { leadId: number }, now: Date): Promise<void> {
  const log = cal.computed.splice(0).filter((c) => STORED.has(c.period));
  if (!log.length) return;
  // The last computation of a kind is the stored one (e.g. an extension recomputes the decision deadline).
  const latest = new Map<string, DeadlineComputation>();
  log.forEach((c, i) => latest.set(MANY.has(c.period) ? `${c.period}#${i}` : c.period, c));
  const ownerCol = 'caseId' in owner ? eq(caseDeadlines.caseId, owner.caseId) : eq(caseDeadlines.leadId, owner.leadId);
  const single = [...latest.values()].map((c) => c.period).filter((k) => !MANY.has(k));
  if (single.length) {
    await tx.update(caseDeadlines).set({ current: false })
      .where(and(ownerCol, inArray(caseDeadlines.kind, single), eq(caseDeadlines.current, true)));
  }
  await tx.insert(caseDeadlines).values([...latest.values()].map((c) => ({
    caseId: 'caseId' in owner ? owner.caseId : null, leadId: 'leadId' in owner ? owner.leadId : null,
    kind: c.period, fromOn: c.fromOn, extraDays: c.extraDays, dueOn: c.dueOn, provisionalYears: c.provisionalYears, current: true, computedAt: now,
  })));
}

export interface DeadlineView {
  kind: string; dueOn: string; provisional: boolean; provisionalYears: number[]; fromOn: string; extraDays: number;
  recomputedAt: string | null; previousDueOn: string | null; recomputedForYear: number | null;
}

const view = (r: typeof caseDeadlines.$inferSelect): DeadlineView => ({
  kind: r.kind, dueOn: r.dueOn, provisional: r.provisionalYears.length > 0, provisionalYears: r.provisionalYears, fromOn: r.fromOn,
  extraDays: r.extraDays, recomputedAt: r.recomputedAt?.toISOString() ?? null, previousDueOn: r.previousDueOn, recomputedForYear: r.recomputedForYear,
});

/** The case's current deadlines, each with its 暂定 marker, in date order. */
export async function loadCaseDeadlines(db: DbOrTx, caseId: number): Promise<DeadlineView[]> {
  const rows = await db.select().from(caseDeadlines).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.current, true))).orderBy(caseDeadlines.dueOn, caseDeadlines.id);
  return rows.map(view);
}

/** Current deadline records of these cases and leads, for the board's 暂定 markers. */
export async function loadCurrentDeadlines(db: DbOrTx, caseIds: number[], leadIds: number[]) {
  if (!caseIds.length && !leadIds.length) return [];
  return db.select().from(caseDeadlines).where(and(eq(caseDeadlines.current, true), or(
    equalsAny(caseDeadlines.caseId, caseIds),
    equalsAny(caseDeadlines.leadId, leadIds),
  )));
}

/** Deadlines of open cases and leads recomputed after an official calendar was recorded, newest first. */
export async function listRecomputedDeadlines(db: DbOrTx, districtId: number | null, limit = 100) {
  return db.select({
    id: caseDeadlines.id, kind: caseDeadlines.kind, caseId: caseDeadlines.caseId, leadId: caseDeadlines.leadId, number: cases.number,
    previousDueOn: caseDeadlines.previousDueOn, dueOn: caseDeadlines.dueOn, provisionalYears: caseDeadlines.provisionalYears,
    recomputedAt: caseDeadlines.recomputedAt, recomputedForYear: caseDeadlines.recomputedForYear,
  }).from(caseDeadlines)
    .leftJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .leftJoin(leads, eq(leads.id, caseDeadlines.leadId))
    .where(and(
      eq(caseDeadlines.current, true), isNotNull(caseDeadlines.recomputedAt),
      or(and(isNotNull(caseDeadlines.caseId), isNull(cases.closedAt)), eq(leads.status, 'open')),
      districtId === null ? undefined : or(eq(cases.districtId, districtId), eq(leads.districtId, districtId)),
    ))
    .orderBy(desc(caseDeadlines.recomputedAt), desc(caseDeadlines.id)).limit(limit);
}

/** Writes a recomputed due date where the case or lead keeps it; only if it still holds the old one. */
async function writeTarget(tx: Tx, d: typeof caseDeadlines.$inferSelect, dueOn: string): Promise<void> {
  const old = d.dueOn;
  const kind = d.kind as PeriodName;
  if (kind === 'filing' && d.leadId !== null) {
    await tx.update(leads).set({ filingDueOn: dueOn }).where(and(eq(leads.id, d.leadId), eq(leads.filingDueOn, old)));
    return;
  }
  if (d.caseId === null) return;
  const caseId = d.caseId;
  if (kind === 'decision') await tx.update(cases).set({ decisionDueOn: dueOn }).where(and(eq(cases.id, caseId), eq(cases.decisionDueOn, old)));
  else if (kind === 'payment') await tx.update(cases).set({ paymentDueOn: dueOn }).where(and(eq(cases.id, caseId), eq(cases.paymentDueOn, old)));
  else if (kind === 'statement' || kind === 'hearingRequest') {
    const field = kind === 'statement' ? 'statementDueOn' : 'hearingRequestDueOn';
    const [row] = await tx.select({ notification: cases.notification }).from(cases).where(eq(cases.id, caseId));
    if (row?.notification && row.notification[field] === old) {
      await tx.update(cases).set({ notification: { ...row.notification, [field]: dueOn } }).where(eq(cases.id, caseId));
    }
  } else if (kind === 'service' || kind === 'evidencePreservation') {
    // Kept in the timeline step: the decision's serviceDueOn, the preservation's decisionDueOn.
    const [stepKind, field] = kind === 'service' ? ['decision', 'serviceDueOn'] as const : ['evidence_preservation', 'decisionDueOn'] as const;
    const steps = await tx.select({ id: caseSteps.id, data: caseSteps.data }).from(caseSteps)
      .where(and(eq(caseSteps.caseId, caseId), eq(caseSteps.kind, stepKind))).orderBy(desc(caseSteps.id));
    const step = steps.find((s) => s.data[field] === old);
    if (step) await tx.update(caseSteps).set({ data: { ...step.data, [field]: dueOn } }).where(eq(caseSteps.id, step.id));
  }
}

/**
 * Recomputes every open deadline that relied on the provisional calendar of `year`, on the calendar
 * now on record (inside the transaction that recorded it); audits each one. Returns how many changed date.
 */
export async function recomputeProvisionalDeadlines(tx: Tx, actor: Actor, year: number, source: string, now: Date): Promise<{ recomputed: number; changed: number }> {
  const rows = await tx.select({ d: caseDeadlines }).from(caseDeadlines)
    .leftJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .leftJoin(leads, eq(leads.id, caseDeadlines.leadId))
    .where(and(
      eq(caseDeadlines.current, true), arrayContains(caseDeadlines.provisionalYears, [year]),
      or(and(isNotNull(caseDeadlines.caseId), isNull(cases.closedAt)), eq(leads.status, 'open')),
    ));
  if (!rows.length) return { recomputed: 0, changed: 0 };
  const cal = await loadPeriodCalendar(tx);
  let changed = 0;
  for (const { d } of rows) {
    const kind = d.kind as PeriodName;
    if (!(kind in PERIODS)) continue;
    const due = computeDue(cal, kind, d.fromOn, d.extraDays);
    if (due.dueOn !== d.dueOn) {
      await writeTarget(tx, d, due.dueOn);
      changed++;
    }
    await tx.update(caseDeadlines).set({
      dueOn: due.dueOn, provisionalYears: due.provisionalYears, recomputedAt: now, recomputedForYear: year, previousDueOn: d.dueOn,
    }).where(eq(caseDeadlines.id, d.id));
    await appendAudit(tx, actor, {
      action: 'deadline.recompute', entity: d.caseId !== null ? 'case' : 'lead', entityId: d.caseId ?? d.leadId!,
      before: { kind, dueOn: d.dueOn, provisionalYears: d.provisionalYears, fromOn: d.fromOn, extraDays: d.extraDays },
      after: { kind, dueOn: due.dueOn, provisionalYears: due.provisionalYears },
      reason: `${year}年国务院放假安排已录入（${source}），按正式日历重算暂定期限（行政处罚法 第八十五条）`,
    }, now);
  }
  return { recomputed: rows.length, changed };
}
