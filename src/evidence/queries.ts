import { and, asc, count, eq, gt, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { cases, caseSteps } from '../cases/tables.js';
import { users } from '../users/tables.js';
import { evidenceFiles } from './tables.js';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type NewEvidenceRow = typeof evidenceFiles.$inferInsert;

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
  id: evidenceFiles.id, caseId: evidenceFiles.caseId, stepId: evidenceFiles.stepId, stepKind: caseSteps.kind,
  kind: evidenceFiles.kind, fileName: evidenceFiles.fileName, mimeType: evidenceFiles.mimeType, sizeBytes: evidenceFiles.sizeBytes,
  sha256: evidenceFiles.sha256, uploadedById: evidenceFiles.uploadedById, uploadedByName: users.displayName,
  device: evidenceFiles.device, capturedAt: evidenceFiles.capturedAt, location: evidenceFiles.location,
  longitude: evidenceFiles.longitude, latitude: evidenceFiles.latitude, note: evidenceFiles.note, createdAt: evidenceFiles.createdAt,
};

const selectListRows = (db: DbOrTx, where: SQL) => db.select(listColumns).from(evidenceFiles)
  .innerJoin(users, eq(users.id, evidenceFiles.uploadedById))
  .leftJoin(caseSteps, eq(caseSteps.id, evidenceFiles.stepId))
  .where(where).orderBy(asc(evidenceFiles.id));

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
  return db.select({ id: evidenceFiles.id, sha256: evidenceFiles.sha256, sizeBytes: evidenceFiles.sizeBytes, caseId: evidenceFiles.caseId, caseNumber: cases.number })
    .from(evidenceFiles).innerJoin(cases, eq(cases.id, evidenceFiles.caseId))
    .where(where).orderBy(asc(evidenceFiles.sha256), asc(evidenceFiles.id)).limit(limit);
}
