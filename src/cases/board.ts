// Read models: the deadlines board, the reviewer ratio, committee meetings.
import { loadBureauSettings } from '../settings/index.js';
import { and, asc, count, desc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { equalsAny, type Db } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { users } from '../users/index.js';
import { departments, districts } from '../organisation/index.js';
import { caseOfficers, cases, caseSteps, committeeMeetings, leads } from './tables.js';
import { deadlineState, PERIODS, type PeriodName } from './rules/deadlines.js';
import { listRecomputedDeadlines, loadCurrentDeadlines } from './deadline-records.js';
import { courtEnforcementWindows } from './court-window-board.js';

export interface DeadlineItem {
  kind: PeriodName; caseId: number | null; leadId: number | null; number: string | null; dueOn: string;
  state: 'overdue' | 'due_soon'; districtId: number; districtName: string; officerIds: number[]; citation: { law: string; article: string };
  /** 暂定: computed on the provisional calendar of a year without a recorded State Council arrangement. */
  provisional: boolean;
}

/**
 * The board's items: every open deadline overdue or due within `soonDays`, for the principal's scope, unsorted
 * and without the 暂定 marker. The board lists them; the workbench's menu badge counts them.
 */
export async function openDeadlineItems(db: Db, principal: Principal, todayOn: string, soonDays: number): Promise<DeadlineItem[]> {
  const scope = principal.districtId === null ? undefined : eq(cases.districtId, principal.districtId);
  // Only rows that can hold an item: a deadline after the window is 'ok' and never listed (the service due
  // date sits in the decision step, so every decided, unserved case is read).
  const horizonOn = addDays(todayOn, soonDays);
  const mayBeDue = or(
    and(isNull(cases.decidedOn), lte(cases.decisionDueOn, horizonOn)),
    and(isNotNull(cases.decidedOn), isNull(cases.servedOn)),
    and(isNotNull(cases.servedOn), lte(cases.paymentDueOn, horizonOn)),
  );
  const open = await db.select({
    id: cases.id, number: cases.number, districtId: cases.districtId, districtName: districts.name, decisionDueOn: cases.decisionDueOn,
    decidedOn: cases.decidedOn, servedOn: cases.servedOn, paymentDueOn: cases.paymentDueOn, closedAt: cases.closedAt,
    notification: cases.notification, decisionKind: cases.decisionKind,
    officerIds: sql<number[]>`coalesce((select array_agg(${caseOfficers.userId}) from ${caseOfficers} where ${caseOfficers.caseId} = ${cases.id}), '{}')`,
    serviceDueOn: sql<string | null>`(select ${caseSteps.data}->>'serviceDueOn' from ${caseSteps} where ${caseSteps.caseId} = ${cases.id} and ${caseSteps.kind} = 'decision' order by ${caseSteps.id} desc limit 1)`,
  }).from(cases).innerJoin(districts, eq(districts.id, cases.districtId)).where(and(scope, isNull(cases.closedAt), mayBeDue));
  const items: DeadlineItem[] = [];
  const push = (kind: PeriodName, c: (typeof open)[number], dueOn: string | null | undefined) => {
    if (!dueOn) return;
    const state = deadlineState(dueOn, todayOn, soonDays);
    if (state === 'ok') return;
    items.push({ kind, caseId: c.id, leadId: null, number: c.number, dueOn, state, districtId: c.districtId, districtName: c.districtName, officerIds: c.officerIds, citation: PERIODS[kind].citation, provisional: false });
  };
  for (const c of open) {
    if (!c.decidedOn) push('decision', c, c.decisionDueOn);
    if (c.decidedOn && !c.servedOn) push('service', c, c.serviceDueOn);
    if (c.servedOn && c.paymentDueOn) push('payment', c, c.paymentDueOn);
  }
  const leadScope = principal.districtId === null ? undefined : eq(leads.districtId, principal.districtId);
  const openLeads = await db.select({ id: leads.id, filingDueOn: leads.filingDueOn, districtId: leads.districtId, districtName: districts.name })
    .from(leads).innerJoin(districts, eq(districts.id, leads.districtId)).where(and(leadScope, eq(leads.status, 'open'), lte(leads.filingDueOn, horizonOn)));
  for (const l of openLeads) {
    const state = deadlineState(l.filingDueOn, todayOn, soonDays);
    if (state !== 'ok') items.push({ kind: 'filing', caseId: null, leadId: l.id, number: null, dueOn: l.filingDueOn, state, districtId: l.districtId, districtName: l.districtName, officerIds: [], citation: PERIODS.filing.citation, provisional: false });
  }
  return items;
}

/** A deadline another capability keeps (a campaign's rectification item, a late monthly report), shown on the board with a link. */
export interface BoardSourceItem {
  source: string; kind: string; title: string; dueOn: string; state: 'overdue' | 'due_soon'; districtName: string | null; link: string;
}
export type BoardSource = (db: Db, principal: Principal, todayOn: string, soonDays: number) => Promise<BoardSourceItem[]>;
const boardSources: BoardSource[] = [];
/** Registers a capability's deadlines for the board (called from that capability's index.ts). */
export function registerBoardSource(source: BoardSource): void {
  if (!boardSources.includes(source)) boardSources.push(source);
}

/** Every open deadline that is overdue or due within `soonDays` (three by default), for the principal's scope, with totals per officer and district. */
export async function deadlineBoard(db: Db, principal: Principal, now: Date, soonDays = 3) {
  const todayOn = chinaDateOf(now);
  const items = await openDeadlineItems(db, principal, todayOn, soonDays);
  // 暂定 markers from the stored computations (deadline-records.ts): the record of the same kind and due date.
  const records = await loadCurrentDeadlines(db, [...new Set(items.flatMap((i) => (i.caseId === null ? [] : [i.caseId])))], items.flatMap((i) => (i.leadId === null ? [] : [i.leadId])));
  const provisionalKeys = new Set(records.filter((r) => r.provisionalYears.length > 0).map((r) => `${r.caseId ?? ''}/${r.leadId ?? ''}/${r.kind}/${r.dueOn}`));
  for (const i of items) i.provisional = provisionalKeys.has(`${i.caseId ?? ''}/${i.leadId ?? ''}/${i.kind}/${i.dueOn}`);
  items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const tally = <K extends string | number>(keyOf: (i: DeadlineItem) => K[]) => {
    const m = new Map<K, { overdue: number; dueSoon: number }>();
    for (const i of items) for (const k of keyOf(i)) {
      const t = m.get(k) ?? { overdue: 0, dueSoon: 0 };
      if (i.state === 'overdue') t.overdue++; else t.dueSoon++;
      m.set(k, t);
    }
    return [...m.entries()].map(([key, v]) => ({ key, ...v }));
  };
  // Units: the departments (detachment, district branches) the responsible officers belong to.
  const officerIds = [...new Set(items.flatMap((i) => i.officerIds))];
  const units = officerIds.length
    ? await db.select({ id: users.id, unit: departments.name }).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(equalsAny(users.id, officerIds))
    : [];
  const unitOf = new Map(units.map((u) => [u.id, u.unit ?? '—']));
  // Deadlines recomputed after an official calendar was recorded (old date → new date), for open cases and leads.
  const recomputed = (await listRecomputedDeadlines(db, principal.districtId)).map((r) => ({
    ...r, provisional: r.provisionalYears.length > 0, recomputedAt: r.recomputedAt?.toISOString() ?? null,
  }));
  return {
    // The window applied, so a page can say which "due soon" it shows.
    todayOn, withinDays: soonDays, items, recomputed,
    // Deadlines of other capabilities (registerBoardSource), each with its `source` and a link.
    others: (await Promise.all(boardSources.map((f) => f(db, principal, todayOn, soonDays)))).flat().sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
    // 行政强制法 第五十三条, 第五十四条: court-enforcement windows of unpaid fines (helper B2, court-window-board.ts).
    courtEnforcement: await courtEnforcementWindows(db, principal, now),
    byDistrict: tally((i) => [i.districtName]),
    byOfficer: tally((i) => i.officerIds),
    byUnit: tally((i) => [...new Set(i.officerIds.map((id) => unitOf.get(id) ?? '—'))]),
  };
}

/** The seed: 3 legal reviewers, "more than 5 %" of enforcement officers; warn below the bureau's target (settings). */
export const MIN_REVIEWER_RATIO = 0.05;

export async function reviewerRatio(db: Db) {
  const minimum = (await loadBureauSettings(db)).reviewerRatioTargetPercent / 100;
  const rows = await db.select({ role: users.role, n: count() }).from(users).where(eq(users.active, true)).groupBy(users.role);
  const reviewers = Number(rows.find((r) => r.role === 'legal_reviewer')?.n ?? 0);
  const officers = Number(rows.find((r) => r.role === 'enforcement_officer')?.n ?? 0);
  const ratio = officers ? reviewers / officers : null;
  return { reviewers, officers, ratio, minimum, belowMinimum: ratio !== null && ratio < minimum };
}

export async function listMeetings(db: Db) {
  return db.select().from(committeeMeetings).orderBy(desc(committeeMeetings.heldOn), asc(committeeMeetings.id));
}
