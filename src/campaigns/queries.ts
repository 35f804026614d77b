// The only file of the campaigns capability that talks to the database.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../users/index.js';
import { departments, districts } from '../organisation/index.js';
import { enterprises } from '../enterprises/index.js';
import { waterSites } from '../water-quality/index.js';
import {
  annualTaskReports, annualTasks, campaignInspections, campaigns, campaignTargets, rectificationItems, rectificationOrders, rectificationOrderSequences,
} from './tables.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type TargetRow = typeof campaignTargets.$inferSelect;
export type ItemRow = typeof rectificationItems.$inferSelect;
export type OrderRow = typeof rectificationOrders.$inferSelect;

/** `lock`: 'update' for an edit; 'share' while recording under it (an edit waits, other records do not). */
export async function findCampaign(db: DbOrTx, id: number, lock: 'update' | 'share' | null = null): Promise<CampaignRow | null> {
  const q = db.select().from(campaigns).where(eq(campaigns.id, id));
  const [row] = lock ? await q.for(lock) : await q;
  return row ?? null;
}

export async function listCampaigns(db: DbOrTx) {
  return db.select({
    campaign: campaigns,
    targets: sql<number>`(select count(*)::int from ${campaignTargets} t where t.campaign_id = ${campaigns.id})`.mapWith(Number),
    problems: sql<number>`(select count(*)::int from ${rectificationItems} i where i.campaign_id = ${campaigns.id})`.mapWith(Number),
    open: sql<number>`(select count(*)::int from ${rectificationItems} i where i.campaign_id = ${campaigns.id} and i.status = 'open')`.mapWith(Number),
  }).from(campaigns).orderBy(desc(campaigns.startsOn), desc(campaigns.id));
}

/** Targets with the enterprise's name and district. */
export async function listTargets(db: DbOrTx, campaignId: number) {
  return targetViews(db, eq(campaignTargets.campaignId, campaignId));
}

function targetViews(db: DbOrTx, where: SQL | undefined) {
  return db.select({
    id: campaignTargets.id, kind: campaignTargets.kind, enterpriseId: campaignTargets.enterpriseId, enterpriseName: enterprises.name,
    enterpriseDistrictId: enterprises.districtId, waterSiteId: campaignTargets.waterSiteId, waterSiteName: waterSites.name, waterSiteCode: waterSites.code,
    waterSiteDistrictId: waterSites.districtId, riverName: campaignTargets.riverName, surveyedKm: campaignTargets.surveyedKm,
    siteName: campaignTargets.siteName, longitude: campaignTargets.longitude, latitude: campaignTargets.latitude,
  }).from(campaignTargets).leftJoin(enterprises, eq(enterprises.id, campaignTargets.enterpriseId))
    .leftJoin(waterSites, eq(waterSites.id, campaignTargets.waterSiteId))
    .where(where).orderBy(asc(campaignTargets.id));
}
export type TargetView = Awaited<ReturnType<typeof listTargets>>[number];

export async function findEnterprisesByIds(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId }).from(enterprises).where(inArray(enterprises.id, ids));
}

/** Water sections of the water-quality registry, by id. */
export async function findWaterSitesByIds(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: waterSites.id, name: waterSites.name, districtId: waterSites.districtId }).from(waterSites).where(inArray(waterSites.id, ids));
}

/** The rivers the water-quality registry knows: the waters its river sections lie on. */
export async function listRegistryRivers(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ name: waterSites.waterName }).from(waterSites)
    .where(and(eq(waterSites.body, 'river'), sql`${waterSites.waterName} is not null`)).orderBy(asc(waterSites.waterName));
  return rows.map((r) => r.name!);
}

/** The registry's sections that a campaign may target, with their rivers. */
export async function listRegistryWaterSites(db: DbOrTx) {
  return db.select({ id: waterSites.id, code: waterSites.code, name: waterSites.name, waterName: waterSites.waterName, districtId: waterSites.districtId })
    .from(waterSites).where(eq(waterSites.active, true)).orderBy(asc(waterSites.code));
}

export async function findDistrictsByIds(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, ids));
}

export async function findActiveStaff(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, role: users.role, active: users.active, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}

export async function countInspectionsOfTargets(db: DbOrTx, targetIds: number[]): Promise<Set<number>> {
  if (!targetIds.length) return new Set();
  const rows = await db.selectDistinct({ targetId: campaignInspections.targetId }).from(campaignInspections).where(inArray(campaignInspections.targetId, targetIds));
  return new Set(rows.map((r) => r.targetId));
}

export async function listInspections(db: DbOrTx, campaignId: number) {
  return db.select().from(campaignInspections).where(eq(campaignInspections.campaignId, campaignId)).orderBy(desc(campaignInspections.inspectedOn), desc(campaignInspections.id));
}

export async function listItems(db: DbOrTx, campaignId: number) {
  return db.select({ item: rectificationItems, order: rectificationOrders, districtName: districts.name })
    .from(rectificationItems)
    .leftJoin(rectificationOrders, eq(rectificationOrders.itemId, rectificationItems.id))
    .innerJoin(districts, eq(districts.id, rectificationItems.districtId))
    .where(eq(rectificationItems.campaignId, campaignId)).orderBy(asc(rectificationItems.id));
}

/** One item of a campaign, locked for update when asked (read-then-write under the row lock). */
export async function findItem(db: DbOrTx, campaignId: number, itemId: number, lock = false): Promise<ItemRow | null> {
  const q = db.select().from(rectificationItems).where(and(eq(rectificationItems.id, itemId), eq(rectificationItems.campaignId, campaignId)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findTarget(db: DbOrTx, campaignId: number, targetId: number) {
  const [row] = await targetViews(db, and(eq(campaignTargets.campaignId, campaignId), eq(campaignTargets.id, targetId)));
  return row ?? null;
}

export async function findOrder(db: DbOrTx, itemId: number): Promise<OrderRow | null> {
  const [row] = await db.select().from(rectificationOrders).where(eq(rectificationOrders.itemId, itemId));
  return row ?? null;
}

/** Takes the next 督办单 number of the year; the row lock of the upsert serialises issuers, the transaction keeps it gap-free. */
export async function allocateOrderSeq(db: DbOrTx, year: number): Promise<number> {
  const [row] = await db.insert(rectificationOrderSequences).values({ year, lastSeq: 1 })
    .onConflictDoUpdate({ target: rectificationOrderSequences.year, set: { lastSeq: sql`${rectificationOrderSequences.lastSeq} + 1` } })
    .returning({ seq: rectificationOrderSequences.lastSeq });
  return row!.seq;
}

/**
 * Facts for the figures: target ids, inspected target ids, items with whether they carry an order. With a
 * year, only the inspections of that year and the problems they found (a campaign may span two years).
 */
export async function loadFigureFacts(db: DbOrTx, campaignId: number, year: number | null = null) {
  const inYear = year === null ? undefined
    : and(gte(campaignInspections.inspectedOn, `${year}-01-01`), lte(campaignInspections.inspectedOn, `${year}-12-31`));
  const targets = await db.select({ id: campaignTargets.id, km: campaignTargets.surveyedKm }).from(campaignTargets).where(eq(campaignTargets.campaignId, campaignId));
  const inspected = await db.selectDistinct({ targetId: campaignInspections.targetId }).from(campaignInspections).where(and(eq(campaignInspections.campaignId, campaignId), inYear));
  const items = await db.select({ status: rectificationItems.status, orderId: rectificationOrders.id, targetId: rectificationItems.targetId }).from(rectificationItems)
    .innerJoin(campaignInspections, eq(campaignInspections.id, rectificationItems.inspectionId))
    .leftJoin(rectificationOrders, eq(rectificationOrders.itemId, rectificationItems.id)).where(and(eq(rectificationItems.campaignId, campaignId), inYear));
  const [joint] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(campaignInspections)
    .where(and(eq(campaignInspections.campaignId, campaignId), eq(campaignInspections.crossDistrict, true), inYear));
  return {
    targetIds: targets.map((t) => t.id), inspectedTargetIds: inspected.map((r) => r.targetId),
    items: items.map((i) => ({ status: i.status, escalated: i.orderId !== null, targetId: i.targetId })),
    crossDistrictInspections: joint?.n ?? 0,
    targetKm: targets.map((t) => ({ id: t.id, km: t.km })),
  };
}

/** Open items without an order whose deadline was computed on a provisional calendar, with their inspection day. */
export async function listProvisionalOpenItems(db: DbOrTx) {
  return db.select({ item: rectificationItems, inspectedOn: campaignInspections.inspectedOn }).from(rectificationItems)
    .innerJoin(campaignInspections, eq(campaignInspections.id, rectificationItems.inspectionId))
    .leftJoin(rectificationOrders, eq(rectificationOrders.itemId, rectificationItems.id))
    .where(and(eq(rectificationItems.deadlineProvisional, true), eq(rectificationItems.status, 'open'), isNull(rectificationOrders.id)))
    .orderBy(asc(rectificationItems.id)).for('update', { of: rectificationItems });
}

/** The users' district (null: the city bureau) and department, for joint operations and report permissions. */
export async function findUserUnits(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, districtId: users.districtId, departmentId: users.departmentId }).from(users).where(inArray(users.id, ids));
}

/** Campaigns whose period overlaps the year. */
export async function listCampaignsOfYear(db: DbOrTx, year: number) {
  return db.select().from(campaigns).where(and(lte(campaigns.startsOn, `${year}-12-31`), gte(campaigns.endsOn, `${year}-01-01`)))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.id));
}

/** Inspections of the year with whether they were joint (units ≥ 2) and cross-district. */
export async function listInspectionsOfYear(db: DbOrTx, year: number) {
  return db.select({ id: campaignInspections.id, campaignId: campaignInspections.campaignId, inspectedOn: campaignInspections.inspectedOn,
    participantDistrictIds: campaignInspections.participantDistrictIds, crossDistrict: campaignInspections.crossDistrict })
    .from(campaignInspections).where(and(gte(campaignInspections.inspectedOn, `${year}-01-01`), lte(campaignInspections.inspectedOn, `${year}-12-31`)))
    .orderBy(asc(campaignInspections.inspectedOn), asc(campaignInspections.id));
}

/** Open items due by `horizonOn`, for the deadlines board (in the district when given). */
export async function listOpenItemsDueBy(db: DbOrTx, horizonOn: string, districtId: number | null) {
  return db.select({ id: rectificationItems.id, campaignId: rectificationItems.campaignId, problem: rectificationItems.problem, deadlineOn: rectificationItems.deadlineOn,
    districtName: districts.name, campaignName: campaigns.name })
    .from(rectificationItems).innerJoin(districts, eq(districts.id, rectificationItems.districtId)).innerJoin(campaigns, eq(campaigns.id, rectificationItems.campaignId))
    .where(and(eq(rectificationItems.status, 'open'), lte(rectificationItems.deadlineOn, horizonOn), districtId === null ? undefined : eq(rectificationItems.districtId, districtId)));
}

export type AnnualTaskRow = typeof annualTasks.$inferSelect;
export type AnnualReportRow = typeof annualTaskReports.$inferSelect;

export async function findDepartmentsByIds(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: departments.id, name: departments.name, districtId: departments.districtId }).from(departments).where(inArray(departments.id, ids));
}

export async function listAnnualTasks(db: DbOrTx, year: number | null) {
  return db.select().from(annualTasks).where(year === null ? undefined : eq(annualTasks.year, year)).orderBy(asc(annualTasks.year), asc(annualTasks.id));
}

export async function findAnnualTask(db: DbOrTx, id: number, lock: 'share' | 'update' | null = null): Promise<AnnualTaskRow | null> {
  const q = db.select().from(annualTasks).where(eq(annualTasks.id, id));
  const [row] = lock ? await q.for(lock) : await q;
  return row ?? null;
}

export async function listReportsOfTasks(db: DbOrTx, taskIds: number[]) {
  if (!taskIds.length) return [];
  return db.select().from(annualTaskReports).where(inArray(annualTaskReports.taskId, taskIds)).orderBy(asc(annualTaskReports.month), asc(annualTaskReports.id));
}

/** Files a report if there is none for the task, department and month; returns it, or null when one exists (the unique constraint decides). */
export async function insertReportIfAbsent(db: DbOrTx, values: typeof annualTaskReports.$inferInsert): Promise<AnnualReportRow | null> {
  const [row] = await db.insert(annualTaskReports).values(values).onConflictDoNothing({ target: [annualTaskReports.taskId, annualTaskReports.departmentId, annualTaskReports.month] }).returning();
  return row ?? null;
}

export async function findReportForUpdate(db: DbOrTx, taskId: number, departmentId: number, month: string): Promise<AnnualReportRow | null> {
  const [row] = await db.select().from(annualTaskReports)
    .where(and(eq(annualTaskReports.taskId, taskId), eq(annualTaskReports.departmentId, departmentId), eq(annualTaskReports.month, month))).for('update');
  return row ?? null;
}

export async function updateReport(db: DbOrTx, id: number, values: Partial<typeof annualTaskReports.$inferInsert>): Promise<AnnualReportRow> {
  const [row] = await db.update(annualTaskReports).set(values).where(eq(annualTaskReports.id, id)).returning();
  return row!;
}

/** Writes an edit of a task if its version is still the one read; null when another edit came first. */
export async function updateAnnualTaskRow(db: DbOrTx, id: number, version: number, values: Partial<typeof annualTasks.$inferInsert>): Promise<AnnualTaskRow | null> {
  const [row] = await db.update(annualTasks).set({ ...values, version: version + 1 })
    .where(and(eq(annualTasks.id, id), eq(annualTasks.version, version))).returning();
  return row ?? null;
}

export async function insertAnnualTask(db: DbOrTx, values: typeof annualTasks.$inferInsert): Promise<AnnualTaskRow> {
  const [row] = await db.insert(annualTasks).values(values).returning();
  return row!;
}
