// Read models: the deadlines board, the reviewer ratio, committee meetings.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { chinaDateOf } from '../law/civil-date.js';
import { users } from '../users/tables.js';
import { departments, districts } from '../organisation/tables.js';
import { caseOfficers, cases, caseSteps, committeeMeetings, leads } from './tables.js';
import { deadlineState, PERIODS, type PeriodName } from './rules/deadlines.js';

export interface DeadlineItem {
  kind: PeriodName; caseId: number | null; leadId: number | null; number: string | null; dueOn: string;
  state: 'overdue' | 'due_soon'; districtId: number; districtName: string; officerIds: number[]; citation: { law: string; article: string };
}

/** Every open deadline that is overdue or due within three days, for the principal's scope, with totals per officer and district. */
export async function deadlineBoard(db: Db, principal: Principal, now: Date) {
  const todayOn = chinaDateOf(now);
  const scope = principal.districtId === null ? undefined : eq(cases.districtId, principal.districtId);
  const open = await db.select({
    id: cases.id, number: cases.number, districtId: cases.districtId, districtName: districts.name, decisionDueOn: cases.decisionDueOn,
    decidedOn: cases.decidedOn, servedOn: cases.servedOn, paymentDueOn: cases.paymentDueOn, closedAt: cases.closedAt,
    notification: cases.notification, decisionKind: cases.decisionKind,
    officerIds: sql<number[]>`coalesce((select array_agg(${caseOfficers.userId}) from ${caseOfficers} where ${caseOfficers.caseId} = ${cases.id}), '{}')`,
    serviceDueOn: sql<string | null>`(select ${caseSteps.data}->>'serviceDueOn' from ${caseSteps} where ${caseSteps.caseId} = ${cases.id} and ${caseSteps.kind} = 'decision' order by ${caseSteps.id} desc limit 1)`,
  }).from(cases).innerJoin(districts, eq(districts.id, cases.districtId)).where(and(scope, isNull(cases.closedAt)));
  const items: DeadlineItem[] = [];
  const push = (kind: PeriodName, c: (typeof open)[number], dueOn: string | null | undefined) => {
    if (!dueOn) return;
    const state = deadlineState(dueOn, todayOn);
    if (state === 'ok') return;
    items.push({ kind, caseId: c.id, leadId: null, number: c.number, dueOn, state, districtId: c.districtId, districtName: c.districtName, officerIds: c.officerIds, citation: PERIODS[kind].citation });
  };
  for (const c of open) {
    if (!c.decidedOn) push('decision', c, c.decisionDueOn);
    if (c.decidedOn && !c.servedOn) push('service', c, c.serviceDueOn);
    if (c.servedOn && c.paymentDueOn) push('payment', c, c.paymentDueOn);
  }
  const leadScope = principal.districtId === null ? undefined : eq(leads.districtId, principal.districtId);
  const openLeads = await db.select({ id: leads.id, filingDueOn: leads.filingDueOn, districtId: leads.districtId, districtName: districts.name })
    .from(leads).innerJoin(districts, eq(districts.id, leads.districtId)).where(and(leadScope, eq(leads.status, 'open')));
  for (const l of openLeads) {
    const state = deadlineState(l.filingDueOn, todayOn);
    if (state !== 'ok') items.push({ kind: 'filing', caseId: null, leadId: l.id, number: null, dueOn: l.filingDueOn, state, districtId: l.districtId, districtName: l.districtName, officerIds: [], citation: PERIODS.filing.citation });
  }
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
    ? await db.select({ id: users.id, unit: departments.name }).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(inArray(users.id, officerIds))
    : [];
  const unitOf = new Map(units.map((u) => [u.id, u.unit ?? '—']));
  return {
    todayOn, items,
    byDistrict: tally((i) => [i.districtName]),
    byOfficer: tally((i) => i.officerIds),
    byUnit: tally((i) => [...new Set(i.officerIds.map((id) => unitOf.get(id) ?? '—'))]),
  };
}

/** The seed: 3 legal reviewers, "more than 5 %" of enforcement officers; warn below the configured minimum. */
export const MIN_REVIEWER_RATIO = 0.05;

export async function reviewerRatio(db: Db) {
  const rows = await db.select({ role: users.role, n: count() }).from(users).where(eq(users.active, true)).groupBy(users.role);
  const reviewers = Number(rows.find((r) => r.role === 'legal_reviewer')?.n ?? 0);
  const officers = Number(rows.find((r) => r.role === 'enforcement_officer')?.n ?? 0);
  const ratio = officers ? reviewers / officers : null;
  return { reviewers, officers, ratio, minimum: MIN_REVIEWER_RATIO, belowMinimum: ratio !== null && ratio < MIN_REVIEWER_RATIO };
}

export async function listMeetings(db: Db) {
  return db.select().from(committeeMeetings).orderBy(desc(committeeMeetings.heldOn), asc(committeeMeetings.id));
}
