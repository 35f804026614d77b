import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { cases, caseSteps } from '../cases/index.js';
import { users } from '../users/index.js';
import { evidenceFiles, type EvidenceOwnerKind } from './tables.js';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type NewEvidenceRow = typeof evidenceFiles.$inferInsert;

/** Bytes of evidence recorded for a case so far (each record counts, shared content or not). */
export async function caseEvidenceBytes(db: DbOrTx, caseId: number): Promise<number> {
  const [row] = await db.select({ total: sql<string | null>`sum(${evidenceFiles.sizeBytes})` }).from(evidenceFiles).where(eq(evidenceFiles.caseId, caseId));
  return Number(row?.total ?? 0);
}

export async function findStepOfCase(db: DbOrTx, caseId: number, stepId: number) {
  const [step] = await db.select({ id: caseSteps.id, kind: caseSteps.kind }).from(caseSteps)
    .where(and(eq(caseSteps.id, stepId), eq(caseSteps.caseId, caseId)));
  return step ?? null;
}

export async function insertEvidence(tx: DbOrTx, values: NewEvidenceRow): Promise<EvidenceRow> {
  const [row] = await tx.insert(evidenceFiles).values(values).returning();
  return row!;
}

const listColumns = {
  id: evidenceFiles.id, caseId: evidenceFiles.caseId, ownerKind: evidenceFiles.ownerKind, ownerId: evidenceFiles.ownerId, stepId: evidenceFiles.stepId, stepKind: caseSteps.kind,
  kind: evidenceFiles.kind, fileName: evidenceFiles.fileName, mimeType: evidenceFiles.mimeType, sizeBytes: evidenceFiles.sizeBytes,
  sha256: evidenceFiles.sha256, uploadedById: evidenceFiles.uploadedById, uploadedByName: users.displayName,
  device: evidenceFiles.device, capturedAt: evidenceFiles.capturedAt, location: evidenceFiles.location,
  longitude: evidenceFiles.longitude, latitude: evidenceFiles.latitude, note: evidenceFiles.note, createdAt: evidenceFiles.createdAt,
};

const selectListRows = (db: DbOrTx, where: SQL) => db.select(listColumns).from(evidenceFiles)
  .innerJoin(users, eq(users.id, evidenceFiles.uploadedById))
  .leftJoin(caseSteps, eq(caseSteps.id, evidenceFiles.stepId))
  .where(where).orderBy(asc(evidenceFiles.id));

/** The files of a record other than a case, in upload order. */
export async function listOwnedEvidence(db: DbOrTx, ownerKind: EvidenceOwnerKind, ownerId: number) {
  return selectListRows(db, and(eq(evidenceFiles.ownerKind, ownerKind), eq(evidenceFiles.ownerId, ownerId))!);
}

/** Bytes recorded for a record other than a case so far. */
export async function ownedEvidenceBytes(db: DbOrTx, ownerKind: EvidenceOwnerKind, ownerId: number): Promise<number> {
  const [row] = await db.select({ total: sql<string | null>`sum(${evidenceFiles.sizeBytes})` }).from(evidenceFiles)
    .where(and(eq(evidenceFiles.ownerKind, ownerKind), eq(evidenceFiles.ownerId, ownerId)));
  return Number(row?.total ?? 0);
}

/** A case's evidence in upload order, with the uploader's name and the step's kind. */
export async function listCaseEvidence(db: DbOrTx, caseId: number) {
  return selectListRows(db, eq(evidenceFiles.caseId, caseId));
}

/** One evidence record as the list shows it. */
export async function findEvidenceListRow(db: DbOrTx, id: number) {
  const [row] = await selectListRows(db, eq(evidenceFiles.id, id));
  return row ?? null;
}

export type EvidenceListRow = Awaited<ReturnType<typeof listCaseEvidence>>[number];

export async function findEvidence(db: DbOrTx, id: number): Promise<EvidenceRow | null> {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row ?? null;
}

export async function countEvidence(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(evidenceFiles);
  return Number(row?.n ?? 0);
}

/** Evidence rows in (sha256, id) order after a keyset position, with their case numbers: rows sharing content come together. */
export async function evidencePageBySha(db: Db, after: { sha256: string; id: number } | null, limit: number) {
  const where = after
    ? or(gt(evidenceFiles.sha256, after.sha256), and(eq(evidenceFiles.sha256, after.sha256), gt(evidenceFiles.id, after.id)))
    : undefined;
  // Left join: files owned by other records (study sessions, activities) are verified too.
  return db.select({
    id: evidenceFiles.id, sha256: evidenceFiles.sha256, sizeBytes: evidenceFiles.sizeBytes, caseId: evidenceFiles.caseId, caseNumber: cases.number,
    ownerKind: evidenceFiles.ownerKind, ownerId: evidenceFiles.ownerId,
  })
    .from(evidenceFiles).leftJoin(cases, eq(cases.id, evidenceFiles.caseId))
    .where(where).orderBy(asc(evidenceFiles.sha256), asc(evidenceFiles.id)).limit(limit);
}
