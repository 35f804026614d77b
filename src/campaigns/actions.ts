// 专项整治 actions: load facts → apply the rule → write and audit in one transaction.
import type { Db, DbOrTx, Tx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { can, inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { formatDocumentNumber } from '../platform/documents/official.js';
import { loadWorkingCalendar, type Recomputation } from '../calendar/index.js';
import type { WorkingCalendar } from '../law/working-days.js';
import { openLeadFromEvent } from '../cases/index.js';
import { loadBureauSettings } from '../settings/index.js';
import { campaignInspections, campaigns, campaignTargets, rectificationItems, rectificationOrders } from './tables.js';
import { and, eq, inArray } from 'drizzle-orm';
import {
  checkCampaign, checkCompletion, classifyOperation, checkEscalation, checkInspection, checkLead, checkVerification, computeFigures,
  computeRectificationDeadline, DEFAULT_RECTIFICATION_WORKING_DAYS, isOverdue, type CampaignKind, type ChecklistItem, type ChecklistResult, type ItemFacts,
} from './rules.js';
import {
  allocateOrderSeq, countInspectionsOfTargets, findActiveStaff, findCampaign, findDistrictsByIds, findEnterprisesByIds, findWaterSitesByIds, listRegistryRivers, listRegistryWaterSites, findItem, findOrder,
  findTarget, findUserUnits, listCampaigns, listInspections, listItems, listProvisionalOpenItems, listTargets, loadFigureFacts, type CampaignRow, type ItemRow, type TargetView,
} from './queries.js';
import { renderOrderDocument } from './document.js';

export type TargetInput = { id?: number; kind: 'enterprise'; enterpriseId: number } | { id?: number; kind: 'water_site'; waterSiteId: number }
  | { id?: number; kind: 'river'; riverName: string; surveyedKm?: number | null } | { id?: number; kind: 'site'; siteName: string; longitude: number; latitude: number };
export interface CampaignInput {
  name: string; kind?: CampaignKind | null; legalBasis: string; startsOn: string; endsOn: string; districtIds: number[];
  checklist: ChecklistItem[]; targets: TargetInput[]; reason?: string | null;
}

const mayRead = (p: Principal) => can(p, 'case.read') || can(p, 'campaign.manage');
const mayReport = (p: Principal) => can(p, 'case.write') || can(p, 'campaign.manage');

/** Districts and enterprises named by the input exist. */
async function checkReferences(tx: DbOrTx, input: CampaignInput) {
  const found = new Set((await findDistrictsByIds(tx, input.districtIds)).map((d) => d.id));
  const d = input.districtIds.findIndex((id) => !found.has(id));
  if (d >= 0) return refuse('DISTRICT_UNKNOWN', undefined, `districtIds.${d}`);
  const enterpriseIds = input.targets.flatMap((t) => (t.kind === 'enterprise' ? [t.enterpriseId] : []));
  const known = new Set((await findEnterprisesByIds(tx, enterpriseIds)).map((e) => e.id));
  const e = input.targets.findIndex((t) => t.kind === 'enterprise' && !known.has(t.enterpriseId));
  if (e >= 0) return refuse('ENTERPRISE_UNKNOWN', undefined, `targets.${e}.enterpriseId`);
  const siteIds = input.targets.flatMap((t) => (t.kind === 'water_site' ? [t.waterSiteId] : []));
  const sites = new Set((await findWaterSitesByIds(tx, siteIds)).map((w) => w.id));
  const w = input.targets.findIndex((t) => t.kind === 'water_site' && !sites.has(t.waterSiteId));
  if (w >= 0) return refuse('CAMPAIGN_WATER_SITE_UNKNOWN', undefined, `targets.${w}.waterSiteId`);
  // A river survey (河长制排查) works from the key-river list, wider than the monitoring registry; other campaigns name registry rivers.
  if (input.kind !== 'river' && input.targets.some((t) => t.kind === 'river')) {
    const rivers = new Set(await listRegistryRivers(tx));
    const r = input.targets.findIndex((t) => t.kind === 'river' && !rivers.has(t.riverName));
    if (r >= 0) return refuse('CAMPAIGN_RIVER_UNKNOWN', undefined, `targets.${r}.riverName`);
  }
  return null;
}

const targetValues = (campaignId: number, t: TargetInput) => {
  const none = { campaignId, kind: t.kind, enterpriseId: null, waterSiteId: null, riverName: null, surveyedKm: null, siteName: null, longitude: null, latitude: null };
  switch (t.kind) {
    case 'enterprise': return { ...none, enterpriseId: t.enterpriseId };
    case 'water_site': return { ...none, waterSiteId: t.waterSiteId };
    case 'river': return { ...none, riverName: t.riverName, surveyedKm: t.surveyedKm ?? null };
    case 'site': return { ...none, siteName: t.siteName, longitude: t.longitude, latitude: t.latitude };
  }
};

/** Creates a campaign with its targets (campaign.manage). */
export async function createCampaign(db: Db, principal: Principal, input: CampaignInput, now: Date): Promise<Result<CampaignRow>> {
  if (!can(principal, 'campaign.manage')) return refuse('FORBIDDEN');
  const checked = checkCampaign(input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const bad = await checkReferences(tx, input);
    if (bad) return bad;
    const [row] = await tx.insert(campaigns).values({
      name: input.name, kind: input.kind ?? null, legalBasis: input.legalBasis, startsOn: input.startsOn, endsOn: input.endsOn, districtIds: input.districtIds,
      checklist: input.checklist, createdById: principal.id, createdAt: now, updatedAt: now,
    }).returning();
    const targets = input.targets.length ? await tx.insert(campaignTargets).values(input.targets.map((t) => targetValues(row!.id, t))).returning() : [];
    await appendAudit(tx, actorOf(principal), { action: 'campaign.create', entity: 'campaign', entityId: row!.id, after: { ...row, targets }, reason: input.reason ?? null }, now);
    return success(row!);
  });
}

/** Edits a campaign (optimistic version); targets with an id are kept, new ones added, dropped ones removed unless inspected. */
export async function updateCampaign(db: Db, principal: Principal, id: number, input: CampaignInput & { version: number }, now: Date): Promise<Result<CampaignRow>> {
  if (!can(principal, 'campaign.manage')) return refuse('FORBIDDEN');
  const checked = checkCampaign(input);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const before = await findCampaign(tx, id, 'update');
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== input.version) return refuse('VERSION_CONFLICT');
    const bad = await checkReferences(tx, input);
    if (bad) return bad;
    const existing = await listTargets(tx, id);
    const keptIds = new Set(input.targets.flatMap((t) => (t.id ? [t.id] : [])));
    const unknown = input.targets.findIndex((t) => t.id !== undefined && !existing.some((e) => e.id === t.id));
    if (unknown >= 0) return refuse('CAMPAIGN_TARGET_UNKNOWN', undefined, `targets.${unknown}.id`);
    const dropped = existing.filter((e) => !keptIds.has(e.id));
    const inspected = await countInspectionsOfTargets(tx, existing.map((t) => t.id));
    if (dropped.some((t) => inspected.has(t.id))) return refuse('CAMPAIGN_TARGET_INSPECTED', undefined, 'targets');
    // An inspected target keeps what it is: its items and inspections refer to it.
    const changed = input.targets.findIndex((t) => {
      const e = t.id ? existing.find((x) => x.id === t.id)! : null;
      return e !== null && inspected.has(e.id) && (e.kind !== t.kind || (t.kind === 'enterprise' && e.enterpriseId !== t.enterpriseId)
        || (t.kind === 'water_site' && e.waterSiteId !== t.waterSiteId) || (t.kind === 'river' && e.riverName !== t.riverName));
    });
    if (changed >= 0) return refuse('CAMPAIGN_TARGET_INSPECTED', undefined, `targets.${changed}`);
    if (dropped.length) await tx.delete(campaignTargets).where(inArray(campaignTargets.id, dropped.map((t) => t.id)));
    const kept = input.targets.flatMap((t) => (t.id ? [t.id] : []));
    // Two passes, so kept targets may trade enterprises without tripping the (campaign, enterprise) constraint midway.
    if (kept.length) await tx.update(campaignTargets).set({ enterpriseId: null, waterSiteId: null, riverName: null }).where(inArray(campaignTargets.id, kept));
    for (const t of input.targets) {
      if (t.id) await tx.update(campaignTargets).set(targetValues(id, t)).where(and(eq(campaignTargets.id, t.id), eq(campaignTargets.campaignId, id)));
      else await tx.insert(campaignTargets).values(targetValues(id, t));
    }
    const [row] = await tx.update(campaigns).set({
      name: input.name, kind: input.kind ?? null, legalBasis: input.legalBasis, startsOn: input.startsOn, endsOn: input.endsOn, districtIds: input.districtIds,
      checklist: input.checklist, version: before.version + 1, updatedAt: now,
    }).where(eq(campaigns.id, id)).returning();
    await appendAudit(tx, actorOf(principal), {
      action: 'campaign.update', entity: 'campaign', entityId: id, before: { ...before, targets: existing },
      after: { ...row, targets: await listTargets(tx, id) }, reason: input.reason ?? null,
    }, now);
    return success(row!);
  });
}

/** What a campaign may target from the water-quality registry: its sections and the rivers they lie on. */
export async function registryTargets(db: DbOrTx, principal: Principal) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  return success({ waterSites: await listRegistryWaterSites(db), rivers: await listRegistryRivers(db) });
}

export async function campaignList(db: DbOrTx, principal: Principal): Promise<Result<unknown[]>> {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const rows = await listCampaigns(db);
  return success(rows.map((r) => ({ ...r.campaign, targetCount: r.targets, problemCount: r.problems, openCount: r.open })));
}

/** A target by name: the enterprise's, the registry section's, the river's, or the free site's. */
const targetName = (t: TargetView | undefined): string => {
  if (!t) return '';
  switch (t.kind) {
    case 'enterprise': return t.enterpriseName ?? '';
    case 'water_site': return t.waterSiteName ?? '';
    case 'river': return t.riverName ?? '';
    default: return t.siteName ?? '';
  }
};

const factsOf = (item: ItemRow, escalated: boolean, target: TargetView | undefined): ItemFacts => ({
  status: item.status, deadlineOn: item.deadlineOn, escalated, leadId: item.leadId, ownerKind: item.ownerKind, targetKind: target?.kind ?? 'site',
});

/** One campaign with its targets, inspections, rectification items (with the actions the user may take) and figures. */
export async function campaignDetail(db: DbOrTx, principal: Principal, id: number, now: Date) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const campaign = await findCampaign(db, id);
  if (!campaign) return refuse('NOT_FOUND');
  const todayOn = chinaDateOf(now);
  const targets = await listTargets(db, id);
  const byId = new Map(targets.map((t) => [t.id, t]));
  const inspections = await listInspections(db, id);
  const officers = new Map((await findActiveStaff(db, [...new Set(inspections.flatMap((i) => i.officerIds))])).map((u) => [u.id, u.displayName]));
  const districtNames = new Map((await findDistrictsByIds(db, campaign.districtIds)).map((d) => [d.id, d.name]));
  const unitNames = new Map((await findDistrictsByIds(db, [...new Set(inspections.flatMap((i) => i.participantDistrictIds.filter((u): u is number => u !== null)))])).map((d) => [d.id, d.name]));
  const manage = can(principal, 'campaign.manage');
  const items = (await listItems(db, id)).map(({ item, order, districtName }) => {
    const target = byId.get(item.targetId);
    const facts = factsOf(item, order !== null, target);
    const inScope = inDistrictScope(principal, item.districtId);
    return {
      ...item, targetName: targetName(target), districtName, overdue: isOverdue(item, todayOn),
      order: order ? { number: order.number, issuedOn: order.issuedOn } : null,
      ownerName: item.ownerKind === 'enterprise' ? targetName(target) : districtName,
      // Who may try what; the rule's answer comes back as the server's refusal.
      actions: {
        complete: mayReport(principal) && inScope && checkCompletion(facts).ok,
        verify: manage && checkVerification(facts).ok,
        escalate: manage && checkEscalation(facts, todayOn).ok,
        lead: can(principal, 'case.write') && inScope && checkLead(facts).ok,
      },
    };
  });
  return success({
    campaign: { ...campaign, districts: campaign.districtIds.map((d) => ({ id: d, name: districtNames.get(d) ?? '' })) },
    targets: targets.map((t) => ({ ...t, name: targetName(t), inspected: inspections.some((i) => i.targetId === t.id) })),
    inspections: inspections.map((i) => ({
      ...i, targetName: targetName(byId.get(i.targetId)), officerNames: i.officerIds.map((o) => officers.get(o) ?? String(o)),
      joint: i.participantDistrictIds.length >= 2,
      participantUnits: i.participantDistrictIds.map((u) => (u === null ? null : unitNames.get(u) ?? String(u))),
    })),
    items,
    figures: computeFigures(await loadFigureFacts(db, id)),
    canManage: manage, canInspect: mayReport(principal), todayOn,
  });
}

export async function campaignFigures(db: DbOrTx, principal: Principal, id: number) {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  if (!(await findCampaign(db, id))) return refuse('NOT_FOUND');
  return success(computeFigures(await loadFigureFacts(db, id)));
}

export interface InspectionInput {
  targetId: number; inspectedOn: string; officerIds: number[];
  results: { code: string; result: 'ok' | 'problem'; note?: string | null }[];
  /** Working days to rectify each problem found; default 10. */
  workingDays?: number;
  /** A district that owns the problems; by default the enterprise inspected (required for a free site). */
  ownerDistrictId?: number | null;
}

/** Records an inspection; each problem becomes a rectification item due N working days later on the holiday calendar. */
export async function recordInspection(db: Db, principal: Principal, campaignId: number, input: InspectionInput, now: Date) {
  if (!mayReport(principal)) return refuse('FORBIDDEN');
  const cal = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    // Shared lock: an edit of the campaign (which may drop targets) waits for this record.
    const campaign = await findCampaign(tx, campaignId, 'share');
    if (!campaign) return refuse('NOT_FOUND');
    return recordOneInspection(tx, principal, campaign, cal, input, now);
  });
}

/** Thrown inside a batch's transaction to roll it back on a refusal (caught below, never escapes). */
class BatchRefused extends Error { constructor(readonly refusal: Refusal) { super(refusal.code); } }

/**
 * Records several inspections of a campaign in one transaction, each under the same rules as recordInspection
 * (an officer's week of forms entered at once); the first refusal rolls back all, its field prefixed `inspections.N`.
 */
export async function recordInspections(db: Db, principal: Principal, campaignId: number, inputs: InspectionInput[], now: Date): Promise<Result<{ inspections: number; items: number }>> {
  if (!mayReport(principal)) return refuse('FORBIDDEN');
  const cal = await loadWorkingCalendar(db);
  try {
    return await db.transaction(async (tx) => {
      const campaign = await findCampaign(tx, campaignId, 'share');
      if (!campaign) return refuse('NOT_FOUND');
      let items = 0;
      for (const [i, input] of inputs.entries()) {
        const r = await recordOneInspection(tx, principal, campaign, cal, input, now);
        if (!r.ok) throw new BatchRefused({ ...r, field: r.field ? `inspections.${i}.${r.field}` : `inspections.${i}` });
        items += r.value.items.length;
      }
      return success({ inspections: inputs.length, items });
    });
  } catch (err) {
    if (err instanceof BatchRefused) return err.refusal;
    throw err;
  }
}

async function recordOneInspection(tx: DbOrTx, principal: Principal, campaign: CampaignRow, cal: WorkingCalendar, input: InspectionInput, now: Date) {
  const campaignId = campaign.id;
  const target = await findTarget(tx, campaignId, input.targetId);
  if (!target) return refuse('CAMPAIGN_TARGET_UNKNOWN', undefined, 'targetId');
  const checked = checkInspection({ ...input, todayOn: chinaDateOf(now), campaignStartsOn: campaign.startsOn, checklist: campaign.checklist });
  if (!checked.ok) return checked;
  const staff = new Map((await findActiveStaff(tx, input.officerIds)).map((u) => [u.id, u]));
  const badOfficer = input.officerIds.findIndex((o) => { const u = staff.get(o); return !u || !u.active || u.role === 'enterprise_user'; });
  if (badOfficer >= 0) return refuse('CAMPAIGN_OFFICER_UNKNOWN', undefined, `officerIds.${badOfficer}`);
  let owner: { ownerKind: 'district' | 'enterprise'; ownerDistrictId: number | null; ownerEnterpriseId: number | null; districtId: number };
  if (input.ownerDistrictId) {
    if (!(await findDistrictsByIds(tx, [input.ownerDistrictId])).length) return refuse('DISTRICT_UNKNOWN', undefined, 'ownerDistrictId');
    owner = { ownerKind: 'district', ownerDistrictId: input.ownerDistrictId, ownerEnterpriseId: null, districtId: input.ownerDistrictId };
  } else if (target.kind === 'enterprise') {
    owner = { ownerKind: 'enterprise', ownerDistrictId: null, ownerEnterpriseId: target.enterpriseId, districtId: target.enterpriseDistrictId! };
  } else if (target.kind === 'water_site') {
    // A registry section lies in a district: that district answers for it unless another is named.
    owner = { ownerKind: 'district', ownerDistrictId: target.waterSiteDistrictId!, ownerEnterpriseId: null, districtId: target.waterSiteDistrictId! };
  } else {
    return refuse('CAMPAIGN_OWNER_REQUIRED', undefined, 'ownerDistrictId');
  }
  const textOf = new Map(campaign.checklist.map((c) => [c.code, c.text]));
  const results: ChecklistResult[] = input.results.map((r) => ({ code: r.code, text: textOf.get(r.code)!, result: r.result, note: r.note?.trim() || null }));
  // 联合执法: the officers' districts as they are today (a later transfer does not change the record).
  const unitOf = new Map((await findUserUnits(tx, input.officerIds)).map((u) => [u.id, u.districtId]));
  const operation = classifyOperation(input.officerIds.map((o) => unitOf.get(o) ?? null));
  const [inspection] = await tx.insert(campaignInspections).values({
    campaignId, targetId: target.id, inspectedOn: input.inspectedOn, officerIds: input.officerIds, results, recordedById: principal.id, createdAt: now,
    participantDistrictIds: operation.units, crossDistrict: operation.crossDistrict,
  }).returning();
  const workingDays = input.workingDays ?? DEFAULT_RECTIFICATION_WORKING_DAYS;
  const { deadlineOn, provisional } = computeRectificationDeadline(cal, input.inspectedOn, workingDays);
  const problems = results.filter((r) => r.result === 'problem');
  const items = problems.length ? await tx.insert(rectificationItems).values(problems.map((p) => ({
    campaignId, inspectionId: inspection!.id, targetId: target.id, checklistCode: p.code, problem: `${p.text}：${p.note}`,
    ...owner, workingDays, deadlineOn, deadlineProvisional: provisional, status: 'open' as const, createdAt: now,
  }))).returning() : [];
  await appendAudit(tx, actorOf(principal), {
    action: 'campaign.inspection.record', entity: 'campaign', entityId: campaignId,
    after: { inspection, items: items.map((i) => ({ id: i.id, checklistCode: i.checklistCode, deadlineOn: i.deadlineOn, ownerKind: i.ownerKind })) },
  }, now);
  return success({ inspection: inspection!, items });
}

/** Loads an item under its row lock, within the principal's district scope. */
async function lockedItem(tx: DbOrTx, principal: Principal, campaignId: number, itemId: number, scoped: boolean) {
  const item = await findItem(tx, campaignId, itemId, true);
  if (!item || (scoped && !inDistrictScope(principal, item.districtId))) return null;
  const target = await findTarget(tx, campaignId, item.targetId);
  const order = await findOrder(tx, item.id);
  return { item, target: target ?? undefined, order, facts: factsOf(item, order !== null, target ?? undefined) };
}

/** 整改完成: the owner's completion is reported with its evidence (text). */
export async function completeItem(db: Db, principal: Principal, campaignId: number, itemId: number, input: { completionText: string; completedOn: string }, now: Date): Promise<Result<ItemRow>> {
  if (!mayReport(principal)) return refuse('FORBIDDEN');
  if (input.completedOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'completedOn');
  return db.transaction(async (tx) => {
    const found = await lockedItem(tx, principal, campaignId, itemId, true);
    if (!found) return refuse('NOT_FOUND');
    const checked = checkCompletion(found.facts);
    if (!checked.ok) return checked;
    const [row] = await tx.update(rectificationItems).set({ status: 'completed', completionText: input.completionText, completedOn: input.completedOn, completedById: principal.id })
      .where(eq(rectificationItems.id, itemId)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'campaign.item.complete', entity: 'rectification_item', entityId: itemId, before: { status: found.item.status }, after: { status: 'completed', completionText: input.completionText, completedOn: input.completedOn } }, now);
    return success(row!);
  });
}

/** 销号: the bureau verifies a reported completion. */
export async function verifyItem(db: Db, principal: Principal, campaignId: number, itemId: number, reason: string | null, now: Date): Promise<Result<ItemRow>> {
  if (!can(principal, 'campaign.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const found = await lockedItem(tx, principal, campaignId, itemId, false);
    if (!found) return refuse('NOT_FOUND');
    const checked = checkVerification(found.facts);
    if (!checked.ok) return checked;
    const [row] = await tx.update(rectificationItems).set({ status: 'verified', verifiedAt: now, verifiedById: principal.id }).where(eq(rectificationItems.id, itemId)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'campaign.item.verify', entity: 'rectification_item', entityId: itemId, before: { status: found.item.status }, after: { status: 'verified' }, reason }, now);
    return success(row!);
  });
}

/** 督办: an overdue, uncompleted item gets a 督办单 with the next gap-free number of the year. */
export async function escalateItem(db: Db, principal: Principal, campaignId: number, itemId: number, reason: string | null, now: Date) {
  if (!can(principal, 'campaign.manage')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    // The row lock makes parallel escalations of one item wait; the order they then see refuses them.
    const found = await lockedItem(tx, principal, campaignId, itemId, false);
    if (!found) return refuse('NOT_FOUND');
    const checked = checkEscalation(found.facts, todayOn);
    if (!checked.ok) return checked;
    const year = Number(todayOn.slice(0, 4));
    const seq = await allocateOrderSeq(tx, year);
    // 机关代字 of the 督办单 series is the bureau's setting (GB/T 9704-2012 7.2.4).
    const prefix = (await loadBureauSettings(tx)).documentPrefixes['supervision-order'];
    const number = formatDocumentNumber({ prefix, year, seq });
    const [order] = await tx.insert(rectificationOrders).values({ itemId, campaignId, year, seq, number, issuedOn: todayOn, issuedById: principal.id, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'campaign.item.escalate', entity: 'rectification_item', entityId: itemId, after: { order }, reason }, now);
    return success(order!);
  });
}

/** 转为线索: the item becomes a case lead in one action (the lead is registered in this transaction). */
export async function leadFromItem(db: Db, principal: Principal, campaignId: number, itemId: number, now: Date): Promise<Result<{ leadId: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const found = await lockedItem(tx, principal, campaignId, itemId, true);
    if (!found) return refuse('NOT_FOUND');
    const checked = checkLead(found.facts);
    if (!checked.ok) return checked;
    const campaign = (await findCampaign(tx, campaignId))!;
    const overdue = isOverdue(found.item, chinaDateOf(now)) ? `，整改期限 ${found.item.deadlineOn} 已过仍未整改` : '';
    const summary = `专项整治「${campaign.name}」检查发现问题：${found.item.problem}${overdue}`.slice(0, 500);
    // Nested: a savepoint inside this transaction. Discovered today: the lead is what the bureau knows now.
    const lead = await openLeadFromEvent(tx as unknown as Db, {
      source: 'inspection', enterpriseId: found.target!.enterpriseId!, summary, sourceRef: `rectification-item:${itemId}`, discoveredOn: chinaDateOf(now),
    }, now);
    if (!lead.ok) return lead;
    await tx.update(rectificationItems).set({ leadId: lead.value.id }).where(eq(rectificationItems.id, itemId));
    await appendAudit(tx, actorOf(principal), { action: 'campaign.item.lead', entity: 'rectification_item', entityId: itemId, before: { leadId: null }, after: { leadId: lead.value.id } }, now);
    return success({ leadId: lead.value.id });
  });
}

/** The 督办单 as a Word document. */
export async function orderDocument(db: DbOrTx, principal: Principal, campaignId: number, itemId: number): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!mayRead(principal)) return refuse('FORBIDDEN');
  const item = await findItem(db, campaignId, itemId);
  if (!item) return refuse('NOT_FOUND');
  const order = await findOrder(db, itemId);
  if (!order) return refuse('CAMPAIGN_ITEM_NOT_ESCALATED');
  const campaign = (await findCampaign(db, campaignId))!;
  const target = await findTarget(db, campaignId, item.targetId);
  const [district] = await findDistrictsByIds(db, [item.districtId]);
  const settings = await loadBureauSettings(db);
  const body = await renderOrderDocument({
    authority: settings.bureau.name, number: order.number, issuedOn: order.issuedOn,
    addressee: item.ownerKind === 'enterprise' ? targetName(target ?? undefined) : district?.name ?? '',
    campaignName: campaign.name, legalBasis: campaign.legalBasis, targetName: targetName(target ?? undefined),
    problem: item.problem, inspectedOn: (await listInspections(db, campaignId)).find((i) => i.id === item.inspectionId)?.inspectedOn ?? item.deadlineOn,
    deadlineOn: item.deadlineOn,
  });
  return success({ fileName: `督办单-${order.number}.docx`, body });
}

/**
 * Once a holiday year is recorded, open items whose deadline was computed on a provisional calendar (暂定)
 * are recomputed on the recorded one, each audited (registered with the calendar in index.ts). Items
 * already escalated keep the deadline their 督办单 states.
 */
export async function recomputeProvisionalItemDeadlines(tx: Tx, actor: Actor, year: number, source: string, now: Date): Promise<Recomputation> {
  const rows = await listProvisionalOpenItems(tx);
  if (!rows.length) return { recomputed: 0, changed: 0 };
  const cal = await loadWorkingCalendar(tx);
  let changed = 0;
  for (const { item, inspectedOn } of rows) {
    const due = computeRectificationDeadline(cal, inspectedOn, item.workingDays);
    if (due.deadlineOn === item.deadlineOn && due.provisional) continue;
    if (due.deadlineOn !== item.deadlineOn) changed++;
    await tx.update(rectificationItems).set({ deadlineOn: due.deadlineOn, deadlineProvisional: due.provisional }).where(eq(rectificationItems.id, item.id));
    await appendAudit(tx, actor, {
      action: 'campaign.item.deadline.recompute', entity: 'rectification_item', entityId: item.id,
      before: { deadlineOn: item.deadlineOn, provisional: true }, after: { deadlineOn: due.deadlineOn, provisional: due.provisional },
      reason: `${year}年国务院放假安排已录入（${source}），按正式日历重算整改期限`,
    }, now);
  }
  return { recomputed: rows.length, changed };
}
