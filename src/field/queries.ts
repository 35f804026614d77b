import { and, desc, eq, gte, inArray, isNull, max, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { caseOfficers, cases, caseSteps, leads } from '../cases/index.js';
import { campaigns, campaignInspections, campaignTargets } from '../campaigns/index.js';
import { complaints, inspectionDrawItems, inspectionDraws, positiveListEntries, rectifications } from '../supervision/index.js';
import { enterprises, outfalls } from '../enterprises/index.js';
import { permits } from '../permits/index.js';
import { users } from '../users/index.js';
import { fieldRecords, fieldUploads } from './tables.js';
import type { FieldTaskSource } from './rules.js';

export type FieldRecordRow = typeof fieldRecords.$inferSelect;
export type FieldUploadRow = typeof fieldUploads.$inferSelect;

export interface FieldTask {
  key: string;
  source: FieldTaskSource;
  id: number;
  title: string;
  enterpriseId: number;
  on: string;
  officerIds: number[];
  caseId: number | null;
  caseNumber: string | null;
  caseStage: string | null;
}

const LIMIT = 30;

/** The officer's open work: draws naming him, active campaign targets not yet inspected, his cases under investigation, his open leads, pending complaints. */
export async function findTasks(db: DbOrTx, p: Principal, sinceOn: string, todayOn: string): Promise<FieldTask[]> {
  const draws = await db.select({ id: inspectionDrawItems.id, enterpriseId: inspectionDrawItems.enterpriseId, officerIds: inspectionDrawItems.officerIds, on: inspectionDrawItems.drawnOn, title: inspectionDraws.title })
    .from(inspectionDrawItems).innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionDrawItems.drawId))
    .where(and(sql`${inspectionDrawItems.officerIds} @> ARRAY[${p.id}]::int[]`, gte(inspectionDrawItems.drawnOn, sinceOn),
      notExists(db.select({ one: sql`1` }).from(fieldRecords).where(and(sql`${fieldRecords.task}->>'source' = 'draw'`, sql`(${fieldRecords.task}->>'id')::int = ${inspectionDrawItems.id}`)))))
    .orderBy(desc(inspectionDrawItems.drawnOn)).limit(LIMIT);
  const targets = await db.select({ id: campaignTargets.id, enterpriseId: campaignTargets.enterpriseId, title: campaigns.name, on: campaigns.startsOn })
    .from(campaignTargets).innerJoin(campaigns, eq(campaigns.id, campaignTargets.campaignId))
    .where(and(eq(campaignTargets.kind, 'enterprise'), sql`${campaigns.startsOn} <= ${todayOn}`, sql`${campaigns.endsOn} >= ${todayOn}`,
      p.districtId === null ? sql`true` : sql`${campaigns.districtIds} @> ${JSON.stringify([p.districtId])}::jsonb`,
      notExists(db.select({ one: sql`1` }).from(campaignInspections).where(eq(campaignInspections.targetId, campaignTargets.id)))))
    .orderBy(campaigns.endsOn, campaignTargets.id).limit(LIMIT);
  const myCases = await db.select({ id: cases.id, enterpriseId: cases.enterpriseId, number: cases.number, stage: cases.stage, cause: cases.cause, on: cases.decisionDueOn })
    .from(cases).innerJoin(caseOfficers, and(eq(caseOfficers.caseId, cases.id), eq(caseOfficers.userId, p.id)))
    .where(eq(cases.stage, 'investigating')).orderBy(cases.decisionDueOn, cases.id).limit(LIMIT);
  const caseOfficerRows = myCases.length
    ? await db.select({ caseId: caseOfficers.caseId, userId: caseOfficers.userId }).from(caseOfficers).where(inArray(caseOfficers.caseId, myCases.map((c) => c.id)))
    : [];
  const myLeads = await db.select({ id: leads.id, enterpriseId: leads.enterpriseId, summary: leads.summary, on: leads.discoveredOn })
    .from(leads).where(and(eq(leads.status, 'open'), eq(leads.registeredById, p.id))).orderBy(leads.filingDueOn).limit(LIMIT);
  const pending = await db.select({ id: complaints.id, enterpriseId: complaints.enterpriseId, content: complaints.content, on: complaints.receivedOn })
    .from(complaints).where(and(eq(complaints.outcome, 'pending'), p.districtId === null ? sql`true` : eq(complaints.districtId, p.districtId))).orderBy(complaints.receivedOn).limit(LIMIT);
  const base = { caseId: null, caseNumber: null, caseStage: null };
  return [
    ...myCases.map((c) => ({ key: `case-${c.id}`, source: 'case' as const, id: c.id, title: `${c.number} ${c.cause}`, enterpriseId: c.enterpriseId, on: c.on,
      officerIds: caseOfficerRows.filter((o) => o.caseId === c.id).map((o) => o.userId), caseId: c.id, caseNumber: c.number, caseStage: c.stage })),
    ...draws.map((d) => ({ ...base, key: `draw-${d.id}`, source: 'draw' as const, id: d.id, title: d.title, enterpriseId: d.enterpriseId, on: d.on, officerIds: d.officerIds })),
    ...targets.filter((t) => t.enterpriseId !== null).map((t) => ({ ...base, key: `campaign-${t.id}`, source: 'campaign' as const, id: t.id, title: t.title, enterpriseId: t.enterpriseId!, on: t.on, officerIds: [p.id] })),
    ...myLeads.map((l) => ({ ...base, key: `lead-${l.id}`, source: 'lead' as const, id: l.id, title: l.summary, enterpriseId: l.enterpriseId, on: l.on, officerIds: [p.id] })),
    ...pending.map((c) => ({ ...base, key: `complaint-${c.id}`, source: 'complaint' as const, id: c.id, title: c.content.slice(0, 80), enterpriseId: c.enterpriseId, on: c.on, officerIds: [p.id] })),
  ];
}

/** Each enterprise's key facts for the inspection: address and position, outfalls, permits, last inspection, open rectifications, positive list. */
export async function findEnterpriseFacts(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, legalRepresentative: enterprises.legalRepresentative,
    address: enterprises.address, longitude: enterprises.longitude, latitude: enterprises.latitude }).from(enterprises).where(inArray(enterprises.id, ids));
  const outs = await db.select({ enterpriseId: outfalls.enterpriseId, code: outfalls.code, name: outfalls.name, kind: outfalls.kind }).from(outfalls).where(inArray(outfalls.enterpriseId, ids));
  const perms = await db.select({ enterpriseId: permits.enterpriseId, number: permits.number, managementClass: permits.managementClass, validTo: permits.validTo, status: permits.status })
    .from(permits).where(inArray(permits.enterpriseId, ids));
  const rects = await db.select({ enterpriseId: rectifications.enterpriseId, requirement: rectifications.requirement, dueOn: rectifications.dueOn })
    .from(rectifications).where(and(inArray(rectifications.enterpriseId, ids), isNull(rectifications.completedOn)));
  const listed = await db.select({ enterpriseId: positiveListEntries.enterpriseId, status: positiveListEntries.status })
    .from(positiveListEntries).where(and(inArray(positiveListEntries.enterpriseId, ids), isNull(positiveListEntries.removedAt))).orderBy(desc(positiveListEntries.id));
  const stepLast = await db.select({ enterpriseId: cases.enterpriseId, on: max(caseSteps.occurredOn) }).from(caseSteps).innerJoin(cases, eq(cases.id, caseSteps.caseId))
    .where(and(inArray(cases.enterpriseId, ids), eq(caseSteps.kind, 'inspection_record'))).groupBy(cases.enterpriseId);
  const campaignLast = await db.select({ enterpriseId: campaignTargets.enterpriseId, on: max(campaignInspections.inspectedOn) }).from(campaignInspections)
    .innerJoin(campaignTargets, eq(campaignTargets.id, campaignInspections.targetId)).where(inArray(campaignTargets.enterpriseId, ids)).groupBy(campaignTargets.enterpriseId);
  const fieldLast = await db.select({ enterpriseId: fieldRecords.enterpriseId, on: max(fieldRecords.occurredOn) }).from(fieldRecords)
    .where(and(inArray(fieldRecords.enterpriseId, ids), eq(fieldRecords.kind, 'inspection_record'))).groupBy(fieldRecords.enterpriseId);
  return rows.map((e) => {
    const lastOn = [...stepLast, ...campaignLast, ...fieldLast].filter((r) => r.enterpriseId === e.id && r.on).map((r) => r.on!).sort().at(-1) ?? null;
    return {
      ...e,
      outfalls: outs.filter((o) => o.enterpriseId === e.id).map(({ enterpriseId: _, ...o }) => o),
      permits: perms.filter((o) => o.enterpriseId === e.id).map(({ enterpriseId: _, ...o }) => o),
      openRectifications: rects.filter((o) => o.enterpriseId === e.id).map(({ enterpriseId: _, ...o }) => o),
      positiveList: listed.find((l) => l.enterpriseId === e.id)?.status ?? null,
      lastInspectedOn: lastOn,
    };
  });
}

export async function findOfficerCards(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, name: users.displayName, credentialNo: users.credentialNo }).from(users).where(inArray(users.id, ids));
}

export async function findRecordByClientId(db: DbOrTx, clientId: string): Promise<FieldRecordRow | null> {
  const [r] = await db.select().from(fieldRecords).where(eq(fieldRecords.clientId, clientId));
  return r ?? null;
}

export async function insertRecord(db: DbOrTx, row: typeof fieldRecords.$inferInsert): Promise<FieldRecordRow | null> {
  const [r] = await db.insert(fieldRecords).values(row).onConflictDoNothing({ target: fieldRecords.clientId }).returning();
  return r ?? null;
}

export async function deleteRecord(db: DbOrTx, id: number): Promise<void> {
  await db.delete(fieldRecords).where(eq(fieldRecords.id, id));
}

export async function setRecordStep(db: DbOrTx, id: number, caseStepId: number | null): Promise<FieldRecordRow> {
  const [r] = await db.update(fieldRecords).set({ caseStepId }).where(eq(fieldRecords.id, id)).returning();
  return r!;
}

/** The case step the record became: the step whose data carries the record's device id. */
export async function findStepOfRecord(db: DbOrTx, caseId: number, clientId: string): Promise<number | null> {
  const [s] = await db.select({ id: caseSteps.id }).from(caseSteps)
    .where(and(eq(caseSteps.caseId, caseId), sql`${caseSteps.data}->>'fieldClientId' = ${clientId}`)).orderBy(desc(caseSteps.id)).limit(1);
  return s?.id ?? null;
}

export async function caseVersion(db: DbOrTx, caseId: number) {
  const [c] = await db.select({ id: cases.id, number: cases.number, stage: cases.stage, version: cases.version, closedAt: cases.closedAt, archivedAt: cases.archivedAt, updatedAt: cases.updatedAt })
    .from(cases).where(eq(cases.id, caseId));
  return c ?? null;
}

export async function findUploadByClientId(db: DbOrTx, clientId: string): Promise<FieldUploadRow | null> {
  const [r] = await db.select().from(fieldUploads).where(eq(fieldUploads.clientId, clientId));
  return r ?? null;
}

export async function insertUpload(db: DbOrTx, row: typeof fieldUploads.$inferInsert): Promise<FieldUploadRow | null> {
  const [r] = await db.insert(fieldUploads).values(row).onConflictDoNothing({ target: fieldUploads.clientId }).returning();
  return r ?? null;
}

export async function findUpload(db: DbOrTx, id: string, lock = false): Promise<FieldUploadRow | null> {
  const q = db.select().from(fieldUploads).where(eq(fieldUploads.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function updateUpload(db: DbOrTx, id: string, set: Partial<Pick<FieldUploadRow, 'receivedBytes' | 'evidenceId'>>): Promise<FieldUploadRow> {
  const [r] = await db.update(fieldUploads).set(set).where(eq(fieldUploads.id, id)).returning();
  return r!;
}

export async function findRecord(db: DbOrTx, id: number, lock = false): Promise<FieldRecordRow | null> {
  const q = db.select().from(fieldRecords).where(eq(fieldRecords.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function uploadsOfRecord(db: DbOrTx, recordId: number): Promise<FieldUploadRow[]> {
  return db.select().from(fieldUploads).where(eq(fieldUploads.recordId, recordId)).orderBy(fieldUploads.createdAt);
}

/** Whether the user may see the record: his own, or, for a supervisor, any in scope (city-wide users see all). */
export const mayReadRecord = (p: Principal, r: FieldRecordRow) => r.createdById === p.id || p.districtId === null || r.officerIds.includes(p.id);
