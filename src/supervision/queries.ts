// Reads of differentiated supervision: the facts each rule is judged on, per enterprise.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises } from '../enterprises/index.js';
import { districts } from '../organisation/index.js';
import { users } from '../users/index.js';
import { cases, caseSteps } from '../cases/index.js';
// The exemptions capability exposes no per-enterprise count; its table is read here, read-only.
import { exemptions } from '../platform/db/schema.js';
import { countEventsByEnterprise, LEAD_EVENT_KINDS, monitoringEvents } from '../monitoring/index.js';
import { complaints, inspectionDrawItems, inspectionDraws, keyListEntries, positiveListEntries, rectifications, riskWeightSets } from './tables.js';
import { classifyIndustryRisk, type RiskFacts } from './rules/risk.js';
import { ON_POSITIVE_LIST } from './rules/vocabulary.js';
import { RISK_WEIGHTS_V1 } from './data.js';

export const scopeOf = (p: Principal | null): SQL | undefined =>
  p === null || p.districtId === null ? undefined : eq(enterprises.districtId, p.districtId);

const minusMonths = (on: string, months: number) => {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};
const instantOfDay = (on: string) => new Date(`${on}T00:00:00+08:00`);

export interface EnterpriseFacts extends RiskFacts {
  enterpriseId: number; name: string; districtId: number; districtName: string; penalties12m: number; onKeyList: boolean; onPositiveList: boolean;
}

/** Every fact the risk score, the lists and the draw use, for the enterprises in scope (or the ids given). */
export async function loadEnterpriseFacts(db: DbOrTx, todayOn: string, where: { principal?: Principal | null; districtId?: number; ids?: number[] } = {}): Promise<EnterpriseFacts[]> {
  const rows = await db.select({
    id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId, districtName: districts.name, creditRating: enterprises.creditRating,
    keyUnitCategories: enterprises.keyUnitCategories, industryCode: enterprises.industryCode,
  }).from(enterprises).innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(and(scopeOf(where.principal ?? null), where.districtId ? eq(enterprises.districtId, where.districtId) : undefined, where.ids ? inArray(enterprises.id, where.ids) : undefined))
    .orderBy(asc(enterprises.id));
  if (!rows.length) return [];
  const ids = where.ids ?? null;
  const in12 = minusMonths(todayOn, 12), in24 = minusMonths(todayOn, 24);
  const byEnterprise = <T extends { enterpriseId: number }>(list: T[]) => new Map(list.map((r) => [r.enterpriseId, r]));
  const comp = byEnterprise(await db.select({
    enterpriseId: complaints.enterpriseId, n: count(), substantiated: sql<number>`count(*) filter (where ${complaints.outcome} = 'substantiated')::int`,
  }).from(complaints).where(and(gte(complaints.receivedOn, in12), ids ? inArray(complaints.enterpriseId, ids) : undefined)).groupBy(complaints.enterpriseId));
  const rect = byEnterprise(await db.select({ enterpriseId: rectifications.enterpriseId, n: count() }).from(rectifications)
    .where(and(isNull(rectifications.completedOn), lt(rectifications.dueOn, todayOn), ids ? inArray(rectifications.enterpriseId, ids) : undefined)).groupBy(rectifications.enterpriseId));
  const pen = byEnterprise(await db.select({
    enterpriseId: cases.enterpriseId, n: count(), recent: sql<number>`count(*) filter (where ${cases.decidedOn} >= ${in12})::int`,
  }).from(cases).where(and(isNotNull(cases.decidedOn), gte(cases.decidedOn, in24), ids ? inArray(cases.enterpriseId, ids) : undefined)).groupBy(cases.enterpriseId));
  const ex = byEnterprise(await db.select({ enterpriseId: exemptions.enterpriseId, n: count() }).from(exemptions)
    .where(and(gte(exemptions.decidedOn, in24), ids ? inArray(exemptions.enterpriseId, ids) : undefined)).groupBy(exemptions.enterpriseId));
  const events = await countEventsByEnterprise(db, instantOfDay(in12), ids ?? undefined);
  const key = new Set((await db.select({ id: keyListEntries.enterpriseId }).from(keyListEntries).where(isNull(keyListEntries.exitedAt))).map((r) => r.id));
  const positive = new Set((await db.select({ id: positiveListEntries.enterpriseId }).from(positiveListEntries)
    .where(inArray(positiveListEntries.status, [...ON_POSITIVE_LIST]))).map((r) => r.id));
  return rows.map((r) => {
    const ev = events.get(r.id);
    return {
      enterpriseId: r.id, name: r.name, districtId: r.districtId, districtName: r.districtName,
      complaints12m: Number(comp.get(r.id)?.n ?? 0), substantiatedComplaints12m: Number(comp.get(r.id)?.substantiated ?? 0),
      exceedanceEvents12m: ev?.exceedance ?? 0, electricityEvents12m: ev?.electricity ?? 0, dataQualityEvents12m: ev?.dataQuality ?? 0,
      overdueRectifications: Number(rect.get(r.id)?.n ?? 0), penalties24m: Number(pen.get(r.id)?.n ?? 0), penalties12m: Number(pen.get(r.id)?.recent ?? 0),
      exemptions24m: Number(ex.get(r.id)?.n ?? 0), creditRating: r.creditRating, keyUnit: r.keyUnitCategories.length > 0,
      industryRisk: classifyIndustryRisk(r.industryCode), onKeyList: key.has(r.id), onPositiveList: positive.has(r.id),
    };
  });
}

/**
 * The weights in force: of the activated versions effective on the day, the one activated last (so activating
 * an older version again rolls back to it); version 1, the built-in data, when none is.
 */
export async function loadRiskWeights(db: DbOrTx, todayOn: string) {
  const [row] = await db.select().from(riskWeightSets)
    .where(and(isNotNull(riskWeightSets.activationSeq), sql`${riskWeightSets.effectiveFrom} <= ${todayOn}`))
    .orderBy(desc(riskWeightSets.activationSeq), desc(riskWeightSets.version)).limit(1);
  return row ? { version: row.version, weights: row.weights } : { version: 1, weights: RISK_WEIGHTS_V1 };
}

export async function listRiskWeightSets(db: DbOrTx) {
  return db.select({ set: riskWeightSets, createdByName: users.displayName }).from(riskWeightSets)
    .leftJoin(users, eq(users.id, riskWeightSets.createdById)).orderBy(desc(riskWeightSets.version));
}

export async function findRiskWeightSet(db: DbOrTx, version: number) {
  const [row] = await db.select().from(riskWeightSets).where(eq(riskWeightSets.version, version));
  return row ?? null;
}

/** A recorded cause for an on-site visit: a complaint not found unfounded, or a violation event, within `days`. */
export async function loadVisitCauses(db: DbOrTx, since: Date, sinceOn: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const comp = await db.select({ id: complaints.id, enterpriseId: complaints.enterpriseId, receivedOn: complaints.receivedOn }).from(complaints)
    .where(and(gte(complaints.receivedOn, sinceOn), sql`${complaints.outcome} <> 'unsubstantiated'`)).orderBy(desc(complaints.receivedOn));
  for (const c of comp) if (!out.has(c.enterpriseId)) out.set(c.enterpriseId, `信访投诉 #${c.id}（${c.receivedOn}）`);
  const ev = await db.select({ id: monitoringEvents.id, enterpriseId: monitoringEvents.enterpriseId, kind: monitoringEvents.kind, startAt: monitoringEvents.startAt })
    .from(monitoringEvents).where(and(gte(monitoringEvents.startAt, since), inArray(monitoringEvents.kind, [...LEAD_EVENT_KINDS]))).orderBy(desc(monitoringEvents.startAt));
  for (const e of ev) if (!out.has(e.enterpriseId)) out.set(e.enterpriseId, `在线监测事件 #${e.id} ${e.kind}（${e.startAt.toISOString().slice(0, 10)}）`);
  return out;
}

/**
 * Case steps that are on-site visits at the enterprise: 现场检查（勘察）笔录, 采样, 先行登记保存 (made where the
 * evidence is). Inquiry records (询问笔录) are left out: they are usually taken at the bureau.
 */
export const ON_SITE_STEP_KINDS = ['inspection_record', 'sampling', 'evidence_preservation'] as const;

/**
 * The officers who may be drawn, each with the enterprises they visited since `since`: as an earlier draw's
 * team, or on their own case work (an on-site case step naming them, or recorded by them). Either is a
 * recent visit for the conflict-of-interest exclusion.
 */
export async function loadDrawOfficers(db: DbOrTx, since: string) {
  const officers = await db.select({ id: users.id, districtId: users.districtId, name: users.displayName }).from(users)
    .where(and(eq(users.role, 'enforcement_officer'), eq(users.active, true), isNotNull(users.credentialNo))).orderBy(asc(users.id));
  const visits = await db.select({ enterpriseId: inspectionDrawItems.enterpriseId, officerIds: inspectionDrawItems.officerIds }).from(inspectionDrawItems)
    .where(gte(inspectionDrawItems.drawnOn, since));
  const caseVisits = await db.select({ enterpriseId: cases.enterpriseId, officerIds: caseSteps.officerIds, actorId: caseSteps.actorId }).from(caseSteps)
    .innerJoin(cases, eq(cases.id, caseSteps.caseId))
    .where(and(gte(caseSteps.occurredOn, since), inArray(caseSteps.kind, [...ON_SITE_STEP_KINDS])));
  const all = [...visits, ...caseVisits.map((v) => ({ enterpriseId: v.enterpriseId, officerIds: v.actorId === null ? v.officerIds : [...v.officerIds, v.actorId] }))];
  return officers.map((o) => ({
    ...o, recentEnterpriseIds: [...new Set(all.filter((v) => v.officerIds.includes(o.id)).map((v) => v.enterpriseId))].sort((a, b) => a - b),
  }));
}

export async function listComplaints(db: DbOrTx, principal: Principal, enterpriseId?: number) {
  return db.select({ complaint: complaints, enterpriseName: enterprises.name }).from(complaints)
    .innerJoin(enterprises, eq(enterprises.id, complaints.enterpriseId))
    .where(and(scopeOf(principal), enterpriseId ? eq(complaints.enterpriseId, enterpriseId) : undefined))
    .orderBy(desc(complaints.receivedOn), desc(complaints.id)).limit(500);
}

export async function findComplaint(db: DbOrTx, id: number, principal: Principal) {
  const [row] = await db.select({ complaint: complaints }).from(complaints).innerJoin(enterprises, eq(enterprises.id, complaints.enterpriseId))
    .where(and(eq(complaints.id, id), scopeOf(principal)));
  return row?.complaint ?? null;
}

export async function listRectifications(db: DbOrTx, principal: Principal, enterpriseId?: number) {
  return db.select({ rectification: rectifications, enterpriseName: enterprises.name }).from(rectifications)
    .innerJoin(enterprises, eq(enterprises.id, rectifications.enterpriseId))
    .where(and(scopeOf(principal), enterpriseId ? eq(rectifications.enterpriseId, enterpriseId) : undefined))
    .orderBy(desc(rectifications.orderedOn)).limit(500);
}

export async function listPositiveList(db: DbOrTx, principal: Principal) {
  return db.select({ entry: positiveListEntries, enterpriseName: enterprises.name, districtId: enterprises.districtId }).from(positiveListEntries)
    .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
    .where(scopeOf(principal)).orderBy(desc(positiveListEntries.proposedAt), desc(positiveListEntries.id));
}

export async function findPositiveEntry(db: DbOrTx, id: number, principal: Principal) {
  const [row] = await db.select({ entry: positiveListEntries }).from(positiveListEntries).innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId))
    .where(and(eq(positiveListEntries.id, id), scopeOf(principal)));
  return row?.entry ?? null;
}

export async function listKeyList(db: DbOrTx, principal: Principal, history: boolean) {
  return db.select({ entry: keyListEntries, enterpriseName: enterprises.name, districtId: enterprises.districtId }).from(keyListEntries)
    .innerJoin(enterprises, eq(enterprises.id, keyListEntries.enterpriseId))
    .where(and(scopeOf(principal), history ? undefined : isNull(keyListEntries.exitedAt)))
    .orderBy(desc(keyListEntries.enteredAt), desc(keyListEntries.id));
}

export async function openKeyListEntries(db: DbOrTx, enterpriseIds?: number[]) {
  return db.select().from(keyListEntries).where(and(isNull(keyListEntries.exitedAt), enterpriseIds ? inArray(keyListEntries.enterpriseId, enterpriseIds) : undefined));
}

/** Draws a user may see: a district user those scoped to their district; city users all. */
const drawScopeOf = (p: Principal): SQL | undefined => (p.districtId === null ? undefined : eq(inspectionDraws.districtId, p.districtId));

export async function listDraws(db: DbOrTx, principal: Principal) {
  return db.select().from(inspectionDraws).where(drawScopeOf(principal)).orderBy(desc(inspectionDraws.drawnAt), desc(inspectionDraws.id)).limit(100);
}

export async function findDraw(db: DbOrTx, id: number, principal: Principal) {
  const [row] = await db.select().from(inspectionDraws).where(and(eq(inspectionDraws.id, id), drawScopeOf(principal)));
  return row ?? null;
}

/** 正面清单 as published to the public: enterprise names and districts only. */
export async function listPublishedPositiveList(db: DbOrTx) {
  return db.select({ enterpriseName: enterprises.name, districtName: districts.name, publishedAt: positiveListEntries.publishedAt }).from(positiveListEntries)
    .innerJoin(enterprises, eq(enterprises.id, positiveListEntries.enterpriseId)).innerJoin(districts, eq(districts.id, enterprises.districtId))
    .where(eq(positiveListEntries.status, 'published')).orderBy(asc(districts.id), asc(enterprises.name), asc(positiveListEntries.id));
}
