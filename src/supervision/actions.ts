// Differentiated supervision actions: complaints and rectifications as records, the explainable risk
// ranking, the positive list and the key supervision list (with history), and 双随机 draws.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { appendAudit, actorOf, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { findEnterprise } from '../enterprises/index.js';
import { openLeadFromEvent } from '../cases/index.js';
import { complaints, inspectionDrawItems, inspectionDraws, keyListEntries, positiveListEntries, rectifications, riskWeightSets } from './tables.js';
import {
  findComplaint, findPositiveEntry, findRiskWeightSet, loadDrawOfficers, loadEnterpriseFacts, loadRiskWeights, loadVisitCauses, openKeyListEntries, type EnterpriseFacts,
} from './queries.js';
import { computeRiskScore, type RiskScore, type RiskWeights } from './rules/risk.js';
import { computeKeyListReasons, sameReasons } from './rules/key-list.js';
import { checkPositiveListAdmission, type AdmissionCheck } from './rules/positive-list.js';
import { drawInspections, MIN_TEAM_SIZE, type DrawPool } from './rules/draw.js';
import type { ComplaintOutcome, ComplaintSource } from './rules/vocabulary.js';

/** 行政处罚法 第四十二条: 执法人员不得少于两人. */
const TWO_OFFICERS = { law: '行政处罚法', article: '第四十二条' };
/** A visit within this many days is "recent" (conflict of interest for the same officer); design. */
export const RECENT_VISIT_DAYS = 90;
/** A cause for visiting a positive-list enterprise must be this recent; design. */
export const CAUSE_DAYS = 90;

const minusDays = (on: string, days: number) => new Date(Date.parse(`${on}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Complaints (信访投诉) and rectifications (整改)

export interface ComplaintInput { enterpriseId: number; source: ComplaintSource; receivedOn: string; content: string; handling: string; outcome: ComplaintOutcome; closedOn: string | null }

export async function createComplaint(db: Db, principal: Principal, input: ComplaintInput, now: Date): Promise<Result<typeof complaints.$inferSelect>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  const today = chinaDateOf(now);
  if (input.receivedOn > today) return refuse('DATE_IN_FUTURE', undefined, 'receivedOn');
  if (input.closedOn !== null && input.closedOn < input.receivedOn) return refuse('DATE_BEFORE_START', undefined, 'closedOn');
  const result = await db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterpriseId, principal);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    const [row] = await tx.insert(complaints).values({ ...input, districtId: enterprise.districtId, createdById: principal.id, createdAt: now, updatedAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'complaint.create', entity: 'complaint', entityId: row!.id, after: row }, now);
    return success(row!);
  });
  if (result.ok) await recomputeKeyList(db, now, [input.enterpriseId], actorOf(principal));
  return result;
}

export async function updateComplaint(db: Db, principal: Principal, id: number, input: { handling: string; outcome: ComplaintOutcome; closedOn: string | null; version: number }, now: Date): Promise<Result<typeof complaints.$inferSelect>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  const result = await db.transaction(async (tx) => {
    const before = await findComplaint(tx, id, principal);
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== input.version) return refuse('VERSION_CONFLICT');
    if (input.closedOn !== null && input.closedOn < before.receivedOn) return refuse('DATE_BEFORE_START', undefined, 'closedOn');
    if (input.closedOn !== null && input.closedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'closedOn');
    const [row] = await tx.update(complaints).set({ handling: input.handling, outcome: input.outcome, closedOn: input.closedOn, version: before.version + 1, updatedAt: now })
      .where(and(eq(complaints.id, id), eq(complaints.version, input.version))).returning();
    if (!row) return refuse('VERSION_CONFLICT');
    await appendAudit(tx, actorOf(principal), { action: 'complaint.update', entity: 'complaint', entityId: id, before, after: row }, now);
    return success(row);
  });
  if (result.ok) await recomputeKeyList(db, now, [result.value.enterpriseId], actorOf(principal));
  return result;
}

/** A complaint becomes a lead (线索) in one action. */
export async function leadFromComplaint(db: Db, principal: Principal, id: number, now: Date): Promise<Result<{ leadId: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  const c = await findComplaint(db, id, principal);
  if (!c) return refuse('NOT_FOUND');
  if (c.leadId !== null) return refuse('COMPLAINT_HAS_LEAD');
  const lead = await openLeadFromEvent(db, { source: 'complaint', enterpriseId: c.enterpriseId, summary: `信访投诉（${c.source}，${c.receivedOn}）：${c.content}`.slice(0, 500), sourceRef: `complaint:${c.id}`, discoveredOn: chinaDateOf(now) }, now);
  if (!lead.ok) return lead;
  return db.transaction(async (tx) => {
    const [row] = await tx.update(complaints).set({ leadId: lead.value.id, updatedAt: now }).where(and(eq(complaints.id, id), isNull(complaints.leadId))).returning();
    if (!row) return refuse('COMPLAINT_HAS_LEAD');
    await appendAudit(tx, actorOf(principal), { action: 'complaint.lead', entity: 'complaint', entityId: id, after: { leadId: lead.value.id } }, now);
    return success({ leadId: lead.value.id });
  });
}

export interface RectificationInput { enterpriseId: number; source: string; requirement: string; orderedOn: string; dueOn: string }

export async function createRectification(db: Db, principal: Principal, input: RectificationInput, now: Date): Promise<Result<typeof rectifications.$inferSelect>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  if (input.dueOn < input.orderedOn) return refuse('RECTIFICATION_DUE_BEFORE_ORDER', undefined, 'dueOn');
  if (input.orderedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'orderedOn');
  const result = await db.transaction(async (tx) => {
    if (!(await findEnterprise(tx, input.enterpriseId, principal))) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    const [row] = await tx.insert(rectifications).values({ ...input, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'rectification.create', entity: 'rectification', entityId: row!.id, after: row }, now);
    return success(row!);
  });
  if (result.ok) await recomputeKeyList(db, now, [input.enterpriseId], actorOf(principal));
  return result;
}

export async function completeRectification(db: Db, principal: Principal, id: number, completedOn: string, now: Date): Promise<Result<typeof rectifications.$inferSelect>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  if (completedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'completedOn');
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(rectifications).where(eq(rectifications.id, id));
    if (!before || !(await findEnterprise(tx, before.enterpriseId, principal))) return refuse('NOT_FOUND');
    if (before.completedOn !== null) return refuse('RECTIFICATION_COMPLETED');
    if (completedOn < before.orderedOn) return refuse('DATE_BEFORE_START', undefined, 'completedOn');
    const [row] = await tx.update(rectifications).set({ completedOn }).where(eq(rectifications.id, id)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'rectification.complete', entity: 'rectification', entityId: id, before, after: row }, now);
    return success(row!);
  });
  if (result.ok) await recomputeKeyList(db, now, [result.value.enterpriseId], actorOf(principal));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Risk

export interface RankedEnterprise { enterpriseId: number; name: string; districtId: number; districtName: string; onKeyList: boolean; onPositiveList: boolean; risk: RiskScore }

export async function computeRiskRanking(db: DbOrTx, principal: Principal | null, now: Date, filter: { districtId?: number; ids?: number[] } = {}): Promise<RankedEnterprise[]> {
  const today = chinaDateOf(now);
  const { version, weights } = await loadRiskWeights(db, today);
  const facts = await loadEnterpriseFacts(db, today, { principal, ...filter });
  return facts.map((f) => ({
    enterpriseId: f.enterpriseId, name: f.name, districtId: f.districtId, districtName: f.districtName, onKeyList: f.onKeyList, onPositiveList: f.onPositiveList,
    risk: computeRiskScore(f, weights, version),
  })).sort((a, b) => b.risk.score - a.risk.score || a.enterpriseId - b.enterpriseId);
}

/**
 * A new version of the weights (effective from a date), as a draft: it scores nothing until activated
 * (`activate: true` does both in one step). Earlier scores keep naming the version they used.
 */
export async function addRiskWeights(db: Db, principal: Principal, input: { effectiveFrom: string; weights: RiskWeights; note: string; activate?: boolean }, now: Date): Promise<Result<{ version: number; activated: boolean }>> {
  if (!can(principal, 'supervision.approve')) return refuse('FORBIDDEN');
  const { activate = false, ...fields } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7301006)`);
    const [max] = await tx.select({ v: sql<number>`coalesce(max(${riskWeightSets.version}), 1)::int` }).from(riskWeightSets);
    const version = Number(max?.v ?? 1) + 1;
    const activation = activate ? { activatedById: principal.id, activatedAt: now, activationSeq: await nextActivationSeq(tx) } : {};
    await tx.insert(riskWeightSets).values({ version, ...fields, createdById: principal.id, createdAt: now, ...activation });
    await appendAudit(tx, actorOf(principal), { action: 'risk_weights.add', entity: 'risk_weight_set', entityId: version, after: { ...fields, activated: activate } }, now);
    if (activate) await appendAudit(tx, actorOf(principal), { action: 'risk_weights.activate', entity: 'risk_weight_set', entityId: version, after: { version, effectiveFrom: fields.effectiveFrom } }, now);
    return success({ version, activated: activate });
  });
}

/** Under the weights' advisory lock: the next activation's place in the order. */
async function nextActivationSeq(tx: DbOrTx): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${riskWeightSets.activationSeq}), 0)::int` }).from(riskWeightSets);
  return Number(row?.n ?? 0) + 1;
}

/**
 * Activates a version: from its effective date it is the one in force, until another is activated (activating
 * an older version again rolls back to it). Refused when it is already the version in force.
 */
export async function activateRiskWeights(db: Db, principal: Principal, version: number, reason: string | null, now: Date): Promise<Result<{ version: number; inForce: boolean }>> {
  if (!can(principal, 'supervision.approve')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7301006)`);
    const before = await findRiskWeightSet(tx, version);
    if (!before) return refuse('NOT_FOUND');
    const today = chinaDateOf(now);
    const current = await loadRiskWeights(tx, today);
    if (current.version === version && before.activatedAt !== null) return refuse('RISK_WEIGHTS_IN_FORCE');
    const [row] = await tx.update(riskWeightSets).set({ activatedById: principal.id, activatedAt: now, activationSeq: await nextActivationSeq(tx) })
      .where(eq(riskWeightSets.version, version)).returning();
    await appendAudit(tx, actorOf(principal), {
      action: 'risk_weights.activate', entity: 'risk_weight_set', entityId: version, reason: reason ?? undefined,
      before: { inForce: current.version, activatedAt: before.activatedAt }, after: { version, effectiveFrom: row!.effectiveFrom, activatedAt: now },
    }, now);
    return success({ version, inForce: row!.effectiveFrom <= today });
  });
}

// ---------------------------------------------------------------------------------------------
// Key supervision list (重点执法监管名单)

/**
 * Recomputes the list (all enterprises, or the ids given): entries for newly listed enterprises, exits
 * with the reason for those no longer qualifying, updated reasons otherwise. A newly listed enterprise
 * leaves the positive list. Returns the counts.
 */
export async function recomputeKeyList(db: Db, now: Date, enterpriseIds?: number[], actor: Actor = SYSTEM_ACTOR): Promise<{ entered: number; exited: number; updated: number }> {
  const today = chinaDateOf(now);
  const facts = await loadEnterpriseFacts(db, today, enterpriseIds ? { ids: enterpriseIds } : {});
  const open = new Map((await openKeyListEntries(db, enterpriseIds)).map((e) => [e.enterpriseId, e]));
  const counts = { entered: 0, exited: 0, updated: 0 };
  await db.transaction(async (tx) => {
    for (const f of facts) {
      const reasons = computeKeyListReasons(f);
      const entry = open.get(f.enterpriseId);
      if (reasons.length && !entry) {
        const [row] = await tx.insert(keyListEntries).values({ enterpriseId: f.enterpriseId, reasons, enteredAt: now, updatedAt: now }).returning();
        await appendAudit(tx, actor, { action: 'key_list.enter', entity: 'key_list_entry', entityId: row!.id, after: row }, now);
        counts.entered++;
        await leavePositiveList(tx, f.enterpriseId, `列入重点执法监管名单：${reasons.map((r) => r.code).join('、')}`, actor, now);
      } else if (!reasons.length && entry) {
        await tx.update(keyListEntries).set({ exitedAt: now, exitReason: '不再符合列入条件', updatedAt: now }).where(eq(keyListEntries.id, entry.id));
        await appendAudit(tx, actor, { action: 'key_list.exit', entity: 'key_list_entry', entityId: entry.id, before: entry, reason: '不再符合列入条件' }, now);
        counts.exited++;
      } else if (entry && !sameReasons(entry.reasons, reasons)) {
        await tx.update(keyListEntries).set({ reasons, updatedAt: now }).where(eq(keyListEntries.id, entry.id));
        await appendAudit(tx, actor, { action: 'key_list.reasons', entity: 'key_list_entry', entityId: entry.id, before: entry.reasons, after: reasons }, now);
        counts.updated++;
      }
    }
  });
  return counts;
}

async function leavePositiveList(tx: DbOrTx, enterpriseId: number, reason: string, actor: Actor, now: Date) {
  const rows = await tx.update(positiveListEntries).set({ status: 'removed', removedAt: now, removalReason: reason })
    .where(and(eq(positiveListEntries.enterpriseId, enterpriseId), inArray(positiveListEntries.status, ['proposed', 'approved', 'published']))).returning();
  for (const r of rows) await appendAudit(tx, actor, { action: 'positive_list.remove', entity: 'positive_list_entry', entityId: r.id, after: r, reason }, now);
}

// ---------------------------------------------------------------------------------------------
// Positive list (正面清单)

export async function checkAdmission(db: DbOrTx, enterpriseId: number, principal: Principal | null, now: Date): Promise<{ facts: EnterpriseFacts; check: AdmissionCheck } | null> {
  const [facts] = await loadEnterpriseFacts(db, chinaDateOf(now), { principal, ids: [enterpriseId] });
  return facts ? { facts, check: checkPositiveListAdmission(facts) } : null;
}

export async function proposePositiveList(db: Db, principal: Principal, enterpriseId: number, now: Date): Promise<Result<typeof positiveListEntries.$inferSelect>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    // The enterprise row locked: two proposals at once cannot both see "not on the list yet".
    await tx.execute(sql`select id from enterprises where id = ${enterpriseId} for update`);
    const found = await checkAdmission(tx, enterpriseId, principal, now);
    if (!found) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    const [current] = await tx.select({ id: positiveListEntries.id }).from(positiveListEntries)
      .where(and(eq(positiveListEntries.enterpriseId, enterpriseId), inArray(positiveListEntries.status, ['proposed', 'approved', 'published'])));
    // A state conflict (409), not a bad value: the entry already exists, whichever request made it.
    if (current) return refuse('POSITIVE_LIST_ALREADY');
    if (!found.check.eligible) return refuse('POSITIVE_LIST_NOT_ELIGIBLE', undefined, 'enterpriseId', { unmet: found.check.criteria.filter((c) => !c.met).map((c) => c.criterion).join(',') });
    const [row] = await tx.insert(positiveListEntries).values({ enterpriseId, status: 'proposed', admission: found.check, proposedById: principal.id, proposedAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'positive_list.propose', entity: 'positive_list_entry', entityId: row!.id, after: row }, now);
    return success(row!);
  });
}

type PositiveStep = 'approve' | 'reject' | 'publish' | 'remove';
const STEP_FROM: Record<PositiveStep, string[]> = { approve: ['proposed'], reject: ['proposed'], publish: ['approved'], remove: ['approved', 'published'] };

/** approve (a leader, re-checking the criteria) → publish; reject or remove with a reason. */
export async function stepPositiveList(db: Db, principal: Principal, id: number, step: PositiveStep, reason: string | null, now: Date): Promise<Result<typeof positiveListEntries.$inferSelect>> {
  const permission = step === 'approve' || step === 'reject' ? 'supervision.approve' : 'supervision.manage';
  if (!can(principal, permission)) return refuse('FORBIDDEN');
  if ((step === 'reject' || step === 'remove') && !reason?.trim()) return refuse('REASON_REQUIRED', undefined, 'reason');
  return db.transaction(async (tx) => {
    const before = await findPositiveEntry(tx, id, principal);
    if (!before) return refuse('NOT_FOUND');
    if (!STEP_FROM[step].includes(before.status)) return refuse('POSITIVE_LIST_WRONG_STATUS');
    let set: Partial<typeof positiveListEntries.$inferInsert>;
    if (step === 'approve') {
      const found = await checkAdmission(tx, before.enterpriseId, null, now);
      if (!found?.check.eligible) return refuse('POSITIVE_LIST_NOT_ELIGIBLE', undefined, 'enterpriseId');
      set = { status: 'approved', approvedById: principal.id, approvedAt: now, admission: found.check };
    } else if (step === 'reject') set = { status: 'rejected', removalReason: reason, removedAt: now };
    else if (step === 'publish') set = { status: 'published', publishedAt: now };
    else set = { status: 'removed', removedAt: now, removalReason: reason };
    const [row] = await tx.update(positiveListEntries).set(set).where(and(eq(positiveListEntries.id, id), eq(positiveListEntries.status, before.status))).returning();
    if (!row) return refuse('POSITIVE_LIST_WRONG_STATUS');
    await appendAudit(tx, actorOf(principal), { action: `positive_list.${step}`, entity: 'positive_list_entry', entityId: id, before, after: row, reason }, now);
    return success(row);
  });
}

/** The admission check of many enterprises at once (as checkAdmission, one query per fact kind); ids outside the scope are left out. */
export async function checkAdmissions(db: DbOrTx, enterpriseIds: number[], principal: Principal | null, now: Date): Promise<Map<number, AdmissionCheck>> {
  if (!enterpriseIds.length) return new Map();
  const facts = await loadEnterpriseFacts(db, chinaDateOf(now), { principal, ids: enterpriseIds });
  return new Map(facts.map((f) => [f.enterpriseId, checkPositiveListAdmission(f)]));
}

/**
 * Proposes a whole list at once (the bureau publishes its 正面清单 as one list): each enterprise is checked as
 * proposePositiveList checks one; the first that fails refuses the batch, naming its index. One transaction.
 */
export async function proposePositiveListBatch(db: Db, principal: Principal, enterpriseIds: number[], now: Date): Promise<Result<{ ids: number[] }>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  if (!enterpriseIds.length) return success({ ids: [] });
  return db.transaction(async (tx) => {
    // The enterprise rows locked, in id order: a single proposal at the same time waits for this batch.
    await tx.execute(sql`select id from enterprises where id in (${sql.join([...enterpriseIds].sort((a, b) => a - b).map((id) => sql`${id}`), sql`, `)}) order by id for update`);
    const checks = await checkAdmissions(tx, enterpriseIds, principal, now);
    const current = new Set((await tx.select({ id: positiveListEntries.enterpriseId }).from(positiveListEntries)
      .where(and(inArray(positiveListEntries.enterpriseId, enterpriseIds), inArray(positiveListEntries.status, ['proposed', 'approved', 'published'])))).map((r) => r.id));
    const seen = new Set<number>();
    for (const [i, id] of enterpriseIds.entries()) {
      const check = checks.get(id);
      if (!check) return refuse('ENTERPRISE_UNKNOWN', undefined, `enterpriseIds.${i}`);
      if (current.has(id) || seen.has(id)) return refuse('POSITIVE_LIST_ALREADY', undefined, `enterpriseIds.${i}`);
      if (!check.eligible) return refuse('POSITIVE_LIST_NOT_ELIGIBLE', undefined, `enterpriseIds.${i}`, { unmet: check.criteria.filter((c) => !c.met).map((c) => c.criterion).join(',') });
      seen.add(id);
    }
    const rows = await tx.insert(positiveListEntries).values(enterpriseIds.map((enterpriseId) => ({
      enterpriseId, status: 'proposed' as const, admission: checks.get(enterpriseId)!, proposedById: principal.id, proposedAt: now,
    }))).returning();
    for (const row of rows) await appendAudit(tx, actorOf(principal), { action: 'positive_list.propose', entity: 'positive_list_entry', entityId: row.id, after: row }, now);
    return success({ ids: rows.map((r) => r.id) });
  });
}

/** approve (the criteria checked again) or publish many entries at once, as stepPositiveList does one; one transaction. */
export async function stepPositiveListBatch(db: Db, principal: Principal, entryIds: number[], step: 'approve' | 'publish', now: Date): Promise<Result<{ ids: number[] }>> {
  if (!can(principal, step === 'approve' ? 'supervision.approve' : 'supervision.manage')) return refuse('FORBIDDEN');
  if (!entryIds.length) return success({ ids: [] });
  return db.transaction(async (tx) => {
    const before = new Map((await tx.select({ entry: positiveListEntries }).from(positiveListEntries)
      .where(inArray(positiveListEntries.id, entryIds)).for('update')).map((r) => [r.entry.id, r.entry]));
    const checks = step === 'approve' ? await checkAdmissions(tx, [...before.values()].map((e) => e.enterpriseId), null, now) : null;
    for (const [i, id] of entryIds.entries()) {
      const entry = before.get(id);
      // The principal's scope as findPositiveEntry applies it (a district user sees only their district's entries).
      if (!entry || (principal.districtId !== null && !(await findPositiveEntry(tx, id, principal)))) return refuse('NOT_FOUND', undefined, `entryIds.${i}`);
      if (!STEP_FROM[step].includes(entry.status)) return refuse('POSITIVE_LIST_WRONG_STATUS', undefined, `entryIds.${i}`);
      if (checks && !checks.get(entry.enterpriseId)?.eligible) return refuse('POSITIVE_LIST_NOT_ELIGIBLE', undefined, `entryIds.${i}`);
    }
    const out: number[] = [];
    for (const id of entryIds) {
      const entry = before.get(id)!;
      const set: Partial<typeof positiveListEntries.$inferInsert> = step === 'approve'
        ? { status: 'approved', approvedById: principal.id, approvedAt: now, admission: checks!.get(entry.enterpriseId)! }
        : { status: 'published', publishedAt: now };
      const [row] = await tx.update(positiveListEntries).set(set).where(and(eq(positiveListEntries.id, id), eq(positiveListEntries.status, entry.status))).returning();
      if (!row) return refuse('POSITIVE_LIST_WRONG_STATUS');
      await appendAudit(tx, actorOf(principal), { action: `positive_list.${step}`, entity: 'positive_list_entry', entityId: id, before: entry, after: row, reason: null }, now);
      out.push(id);
    }
    return success({ ids: out });
  });
}

// ---------------------------------------------------------------------------------------------
// 双随机 draws

export interface DrawInput { title: string; count: number; teamSize: number; districtId: number | null; seed: string | null }

export async function createDraw(db: Db, principal: Principal, input: DrawInput, now: Date): Promise<Result<typeof inspectionDraws.$inferSelect>> {
  if (!can(principal, 'supervision.manage')) return refuse('FORBIDDEN');
  // 行政处罚法 第四十二条: at least two officers on every inspection team.
  if (input.teamSize < MIN_TEAM_SIZE) return refuse('DRAW_TEAM_TOO_SMALL', TWO_OFFICERS, 'teamSize');
  // A district user draws from their own district only; the draw records that scope (and is seen only there).
  if (principal.districtId !== null && input.districtId !== null && input.districtId !== principal.districtId) return refuse('OUT_OF_SCOPE');
  const districtId = principal.districtId ?? input.districtId;
  const today = chinaDateOf(now);
  const ranking = await computeRiskRanking(db, principal, now, districtId ? { districtId } : {});
  if (!ranking.length) return refuse('DRAW_POOL_EMPTY', undefined, 'districtId');
  const causes = await loadVisitCauses(db, new Date(now.getTime() - CAUSE_DAYS * 86_400_000), minusDays(today, CAUSE_DAYS));
  const officers = await loadDrawOfficers(db, minusDays(today, RECENT_VISIT_DAYS));
  const pool: DrawPool = {
    count: input.count, teamSize: input.teamSize,
    candidates: ranking.map((r) => ({ enterpriseId: r.enterpriseId, districtId: r.districtId, riskScore: r.risk.score, onPositiveList: r.onPositiveList, cause: causes.get(r.enterpriseId) ?? null })),
    officers: officers.map((o) => ({ id: o.id, districtId: o.districtId, recentEnterpriseIds: o.recentEnterpriseIds })),
  };
  const seed = input.seed?.trim() || randomBytes(16).toString('hex');
  const result = drawInspections(pool, seed);
  const weightsVersion = ranking[0]!.risk.weightsVersion;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(inspectionDraws).values({ seed, drawnAt: now, drawnById: principal.id, title: input.title, pool, result, weightsVersion, districtId }).returning();
    if (result.items.length) {
      await tx.insert(inspectionDrawItems).values(result.items.map((i) => ({ drawId: row!.id, enterpriseId: i.enterpriseId, officerIds: i.officerIds, riskScore: i.riskScore, cause: i.cause, drawnOn: today })));
    }
    await appendAudit(tx, actorOf(principal), { action: 'draw.create', entity: 'inspection_draw', entityId: row!.id, after: { seed, title: input.title, districtId, result } }, now);
    return success(row!);
  });
}

/** Re-runs a draw from its recorded seed and pool: the same result proves it was not altered. */
export function verifyDraw(draw: typeof inspectionDraws.$inferSelect): boolean {
  return canonical(drawInspections(draw.pool, draw.seed)) === canonical(draw.result);
}

/** JSON with object keys sorted: jsonb does not keep key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
