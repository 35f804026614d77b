// The only file of normative-documents that talks to the database.
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { normativeDocumentCleanups, normativeDocumentReviews, normativeDocuments, normativeDocumentSeqs } from './tables.js';

export type DocumentRow = typeof normativeDocuments.$inferSelect;
export type ReviewRow = typeof normativeDocumentReviews.$inferSelect;
export type CleanupRow = typeof normativeDocumentCleanups.$inferSelect;

export async function findDocument(db: DbOrTx, id: number, lock?: 'update'): Promise<DocumentRow | undefined> {
  const q = db.select().from(normativeDocuments).where(eq(normativeDocuments.id, id));
  return (lock ? await q.for('update') : await q)[0];
}

export async function findDocumentByNumber(db: DbOrTx, documentNumber: string): Promise<DocumentRow | undefined> {
  return (await db.select().from(normativeDocuments).where(eq(normativeDocuments.documentNumber, documentNumber)))[0];
}

export async function listDocuments(db: DbOrTx): Promise<DocumentRow[]> {
  return db.select().from(normativeDocuments).orderBy(desc(normativeDocuments.id)).limit(2000);
}

export async function insertDocument(db: DbOrTx, values: typeof normativeDocuments.$inferInsert): Promise<DocumentRow> {
  return (await db.insert(normativeDocuments).values(values).returning())[0]!;
}

export async function updateDocument(db: DbOrTx, id: number, values: Partial<typeof normativeDocuments.$inferInsert>): Promise<DocumentRow> {
  return (await db.update(normativeDocuments).set({ ...values, version: sql`${normativeDocuments.version} + 1` })
    .where(eq(normativeDocuments.id, id)).returning())[0]!;
}

export async function listReviews(db: DbOrTx, documentId: number): Promise<ReviewRow[]> {
  return db.select().from(normativeDocumentReviews).where(eq(normativeDocumentReviews.documentId, documentId)).orderBy(asc(normativeDocumentReviews.round));
}

export async function insertReview(db: DbOrTx, values: typeof normativeDocumentReviews.$inferInsert): Promise<ReviewRow> {
  return (await db.insert(normativeDocumentReviews).values(values).returning())[0]!;
}

export async function updateReview(db: DbOrTx, id: number, values: Partial<typeof normativeDocumentReviews.$inferInsert>): Promise<ReviewRow> {
  return (await db.update(normativeDocumentReviews).set(values).where(eq(normativeDocumentReviews.id, id)).returning())[0]!;
}

export async function listCleanups(db: DbOrTx, documentId: number): Promise<CleanupRow[]> {
  return db.select().from(normativeDocumentCleanups).where(eq(normativeDocumentCleanups.documentId, documentId)).orderBy(asc(normativeDocumentCleanups.id));
}

export async function insertCleanup(db: DbOrTx, values: typeof normativeDocumentCleanups.$inferInsert): Promise<CleanupRow> {
  return (await db.insert(normativeDocumentCleanups).values(values).returning())[0]!;
}

/** 统一编号: the next number of the year; the upsert takes the year's row lock, so parallel issues never share one. */
export async function allocateNumberSeq(db: DbOrTx, year: number): Promise<number> {
  const [row] = await db.insert(normativeDocumentSeqs).values({ year, last: 1 })
    .onConflictDoUpdate({ target: normativeDocumentSeqs.year, set: { last: sql`${normativeDocumentSeqs.last} + 1` } })
    .returning({ seq: normativeDocumentSeqs.last });
  return row!.seq;
}

export async function reviewsInYear(db: DbOrTx, year: number): Promise<ReviewRow[]> {
  return db.select().from(normativeDocumentReviews)
    .where(and(gte(normativeDocumentReviews.reviewedOn, `${year}-01-01`), lte(normativeDocumentReviews.reviewedOn, `${year}-12-31`)));
}

export async function cleanupsInYear(db: DbOrTx, year: number): Promise<CleanupRow[]> {
  return db.select().from(normativeDocumentCleanups)
    .where(and(gte(normativeDocumentCleanups.cleanedOn, `${year}-01-01`), lte(normativeDocumentCleanups.cleanedOn, `${year}-12-31`)));
}

/** Reviews and clean-ups of many documents at once (the register list), in order. */
export async function reviewsAndCleanupsOf(db: DbOrTx, ids: number[]): Promise<{ reviews: ReviewRow[]; cleanups: CleanupRow[] }> {
  if (!ids.length) return { reviews: [], cleanups: [] };
  const reviews = await db.select().from(normativeDocumentReviews).where(inArray(normativeDocumentReviews.documentId, ids))
    .orderBy(asc(normativeDocumentReviews.documentId), asc(normativeDocumentReviews.round));
  const cleanups = await db.select().from(normativeDocumentCleanups).where(inArray(normativeDocumentCleanups.documentId, ids))
    .orderBy(asc(normativeDocumentCleanups.documentId), asc(normativeDocumentCleanups.id));
  return { reviews, cleanups };
}
