// The only file of the compliance capability that talks to the database: it reads other capabilities' records
// (through their index.ts) as civil dates for the pure rules; it owns no table.
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { chinaDateOf } from '../law/civil-date.js';
import { cases, caseSteps, leads } from '../cases/index.js';
import { enterprises } from '../enterprises/index.js';
import { districts } from '../organisation/index.js';
import { EVENT_GROUPS, monitoringEvents, type EventKind } from '../monitoring/index.js';
import { inspectionDrawItems, ON_POSITIVE_LIST, positiveListEntries, rectifications } from '../supervision/index.js';
import { campaignInspections, campaignTargets, rectificationItems } from '../campaigns/index.js';
import { permitsOfEnterprise } from '../permits/index.js';
import { measures } from '../measures/index.js';
import type { ComplianceRecords, WatchFacts } from './rules.js';

/** Whose records: one enterprise, or every enterprise registered in a district. */
export type Scope = { enterpriseId: number } | { districtId: number };
const enterpriseIn = (s: Scope): SQL => ('enterpriseId' in s ? eq(enterprises.id, s.enterpriseId) : eq(enterprises.districtId, s.districtId));

const EXCEEDANCE_KINDS = (Object.keys(EVENT_GROUPS) as EventKind[]).filter((k) => EVENT_GROUPS[k] === 'exceedance');
/** 现场检查笔录 in a case: an on-site inspection. */
const ON_SITE_STEPS = ['inspection_record'] as const;

/** Every record the grid counts, from `sinceOn` on. */
export async function loadComplianceRecords(db: DbOrTx, scope: Scope, sinceOn: string): Promise<ComplianceRecords> {
  const inE = enterpriseIn(scope);
  const sinceAt = new Date(`${sinceOn}T00:00:00+08:00`);
  const [draws, campaignVisits, caseVisits, found, problems, filed, decided, events, campaignItems, orders] = await Promise.all([
    db.select({ on: inspectionDrawItems.drawnOn }).from(inspectionDrawItems).innerJoin(enterprises, eq(enterprises.id, inspectionDrawItems.enterpriseId))
      .where(and(inE, gte(inspectionDrawItems.drawnOn, sinceOn))),
    db.select({ on: campaignInspections.inspectedOn }).from(campaignInspections).innerJoin(campaignTargets, eq(campaignTargets.id, campaignInspections.targetId))
      .innerJoin(enterprises, eq(enterprises.id, campaignTargets.enterpriseId)).where(and(inE, gte(campaignInspections.inspectedOn, sinceOn))),
    db.select({ on: caseSteps.occurredOn }).from(caseSteps).innerJoin(cases, eq(cases.id, caseSteps.caseId)).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
      .where(and(inE, inArray(caseSteps.kind, [...ON_SITE_STEPS]), gte(caseSteps.occurredOn, sinceOn))),
    db.select({ on: leads.discoveredOn }).from(leads).innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId)).where(and(inE, gte(leads.discoveredOn, sinceOn))),
    db.select({ on: campaignInspections.inspectedOn }).from(rectificationItems).innerJoin(campaignInspections, eq(campaignInspections.id, rectificationItems.inspectionId))
      .innerJoin(campaignTargets, eq(campaignTargets.id, rectificationItems.targetId)).innerJoin(enterprises, eq(enterprises.id, campaignTargets.enterpriseId))
      .where(and(inE, gte(campaignInspections.inspectedOn, sinceOn))),
    db.select({ on: cases.filedOn }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).where(and(inE, gte(cases.filedOn, sinceOn))),
    db.select({ on: cases.decidedOn, fineFen: cases.decisionFineFen }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
      .where(and(inE, eq(cases.decisionKind, 'penalty'), gte(cases.decidedOn, sinceOn))),
    db.select({ at: monitoringEvents.startAt }).from(monitoringEvents).innerJoin(enterprises, eq(enterprises.id, monitoringEvents.enterpriseId))
      .where(and(inE, inArray(monitoringEvents.kind, EXCEEDANCE_KINDS), gte(monitoringEvents.startAt, sinceAt))),
    db.select({ deadlineOn: rectificationItems.deadlineOn, completedOn: rectificationItems.completedOn }).from(rectificationItems)
      .innerJoin(campaignTargets, eq(campaignTargets.id, rectificationItems.targetId))
      .innerJoin(enterprises, eq(enterprises.id, sql`coalesce(${rectificationItems.ownerEnterpriseId}, ${campaignTargets.enterpriseId})`))
      .where(and(inE, gte(rectificationItems.deadlineOn, sinceOn))),
    db.select({ deadlineOn: rectifications.dueOn, completedOn: rectifications.completedOn }).from(rectifications).innerJoin(enterprises, eq(enterprises.id, rectifications.enterpriseId))
      .where(and(inE, gte(rectifications.dueOn, sinceOn))),
  ]);
  return {
    inspectionsOn: [...draws, ...campaignVisits, ...caseVisits].map((r) => r.on),
    violationsOn: [...found, ...problems].map((r) => r.on),
    casesFiledOn: filed.map((r) => r.on),
    penalties: decided.filter((r) => r.on !== null).map((r) => ({ decidedOn: r.on!, fineFen: Number(r.fineFen ?? 0) })),
    exceedancesOn: events.map((r) => chinaDateOf(r.at)),
    rectifications: [...campaignItems, ...orders],
  };
}

/** The watch list's facts of every enterprise in scope (a district, or the city) with something serious-looking since `sinceOn`. */
export async function loadWatchFacts(db: DbOrTx, districtId: number | null, sinceOn: string, leadSources: string[], dailyPenalty = false) {
  const inD = districtId === null ? undefined : eq(enterprises.districtId, districtId);
  const sinceAt = new Date(`${sinceOn}T00:00:00+08:00`);
  const [events, found, filed] = await Promise.all([
    db.select({ enterpriseId: monitoringEvents.enterpriseId, at: monitoringEvents.startAt }).from(monitoringEvents)
      .innerJoin(enterprises, eq(enterprises.id, monitoringEvents.enterpriseId))
      .where(and(inD, inArray(monitoringEvents.kind, EXCEEDANCE_KINDS), gte(monitoringEvents.startAt, sinceAt))),
    leadSources.length === 0 ? Promise.resolve([]) : db.select({ id: leads.id, enterpriseId: leads.enterpriseId, source: leads.source, discoveredOn: leads.discoveredOn, summary: leads.summary })
      .from(leads).innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
      .where(and(inD, inArray(leads.source, leadSources as (typeof leads.source._.data)[]), gte(leads.discoveredOn, sinceOn))),
    db.select({ enterpriseId: cases.enterpriseId, on: cases.filedOn }).from(cases).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
      .where(and(inD, gte(cases.filedOn, sinceOn))),
  ]);
  // 按日连续处罚 measures (src/measures) of the enterprises' cases, started in the window.
  const daily = !dailyPenalty ? [] : await db.select({ id: measures.id, enterpriseId: cases.enterpriseId, record: measures.record }).from(measures)
    .innerJoin(cases, eq(cases.id, measures.caseId)).innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(inD, eq(measures.kind, 'daily_penalty'), gte(measures.startedOn, sinceOn)));
  const out = new Map<number, WatchFacts & { leadSummaries: Map<number, string> }>();
  const of = (id: number) => {
    let f = out.get(id);
    if (!f) { f = { exceedancesOn: [], leads: [], casesFiledOn: [], leadSummaries: new Map() }; out.set(id, f); }
    return f;
  };
  for (const e of events) of(e.enterpriseId).exceedancesOn.push(chinaDateOf(e.at));
  for (const l of found) { const f = of(l.enterpriseId); f.leads.push({ id: l.id, source: l.source, discoveredOn: l.discoveredOn }); f.leadSummaries.set(l.id, l.summary); }
  for (const m of daily) {
    if (m.enterpriseId === null || m.record.kind !== 'daily_penalty') continue;
    const continuing = m.record.reinspections.filter((r) => r.finding === 'continuing' || r.finding === 'obstructed').map((r) => r.inspectedOn).sort()[0] ?? null;
    (of(m.enterpriseId).dailyPenalties ??= []).push({ measureId: m.id, orderServedOn: m.record.orderServedOn, continuingOn: continuing, decidedOn: m.record.decision?.decidedOn ?? null });
  }
  for (const c of filed) if (out.has(c.enterpriseId)) of(c.enterpriseId).casesFiledOn.push(c.on);
  return out;
}

export async function enterpriseNames(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, districtId: enterprises.districtId, districtName: districts.name })
    .from(enterprises).innerJoin(districts, eq(districts.id, enterprises.districtId)).where(inArray(enterprises.id, ids)).orderBy(asc(enterprises.id));
}

/** Identity for the public page: name, credit code (法人 data), district, industry code; no representative or address. */
export async function findEnterpriseIdentity(db: DbOrTx, id: number) {
  const [row] = await db.select({
    id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, industryCode: enterprises.industryCode,
    districtId: enterprises.districtId, districtName: districts.name,
  }).from(enterprises).innerJoin(districts, eq(districts.id, enterprises.districtId)).where(eq(enterprises.id, id));
  return row ?? null;
}

export async function findDistrictRow(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, id));
  return row ?? null;
}

export async function countDistrictEnterprises(db: DbOrTx, districtId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(enterprises).where(eq(enterprises.districtId, districtId));
  return row?.n ?? 0;
}

/** The latest positive-list entry of the enterprise (正面清单), on the list or not. */
export async function latestPositiveListEntry(db: DbOrTx, enterpriseId: number) {
  const [row] = await db.select({ status: positiveListEntries.status, publishedAt: positiveListEntries.publishedAt, approvedAt: positiveListEntries.approvedAt, removedAt: positiveListEntries.removedAt })
    .from(positiveListEntries).where(eq(positiveListEntries.enterpriseId, enterpriseId)).orderBy(desc(positiveListEntries.proposedAt), desc(positiveListEntries.id)).limit(1);
  return row ? { ...row, onList: (ON_POSITIVE_LIST as readonly string[]).includes(row.status) } : null;
}

export { permitsOfEnterprise };
