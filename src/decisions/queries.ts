// The only file of the decisions capability that talks to the database.
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { decisionCatalogues, decisionComments, decisionItems } from './tables.js';

export type CatalogueRow = typeof decisionCatalogues.$inferSelect;
export type ItemRow = typeof decisionItems.$inferSelect;
export type CommentRow = typeof decisionComments.$inferSelect;

export async function findCatalogue(db: DbOrTx, id: number, lock = false): Promise<CatalogueRow | null> {
  const q = db.select().from(decisionCatalogues).where(eq(decisionCatalogues.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findCatalogueByYear(db: DbOrTx, year: number): Promise<CatalogueRow | null> {
  const [row] = await db.select().from(decisionCatalogues).where(eq(decisionCatalogues.year, year));
  return row ?? null;
}

export async function listCatalogues(db: DbOrTx): Promise<CatalogueRow[]> {
  return db.select().from(decisionCatalogues).orderBy(desc(decisionCatalogues.year));
}

/** `lock`: the row lock every step change takes (two clerks recording the same step queue behind it). */
export async function findItem(db: DbOrTx, id: number, lock = false): Promise<ItemRow | null> {
  const q = db.select().from(decisionItems).where(eq(decisionItems.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function listItems(db: DbOrTx, catalogueId?: number) {
  return db.select({ item: decisionItems, year: decisionCatalogues.year, catalogueStatus: decisionCatalogues.status })
    .from(decisionItems).innerJoin(decisionCatalogues, eq(decisionCatalogues.id, decisionItems.catalogueId))
    .where(catalogueId === undefined ? undefined : eq(decisionItems.catalogueId, catalogueId))
    .orderBy(desc(decisionCatalogues.year), asc(decisionItems.id));
}

export async function listComments(db: DbOrTx, itemId: number): Promise<CommentRow[]> {
  return db.select().from(decisionComments).where(eq(decisionComments.itemId, itemId)).orderBy(asc(decisionComments.id));
}

export async function findComment(db: DbOrTx, itemId: number, commentId: number, lock = false): Promise<CommentRow | null> {
  const q = db.select().from(decisionComments).where(and(eq(decisionComments.id, commentId), eq(decisionComments.itemId, itemId)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function countUnanswered(db: DbOrTx, itemId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(decisionComments).where(and(eq(decisionComments.itemId, itemId), isNull(decisionComments.answer)));
  return row?.n ?? 0;
}

/** Comment counts of a year's catalogue items: received and answered. */
export async function commentCounts(db: DbOrTx, year: number) {
  const [row] = await db.select({
    received: count(),
    answered: sql<number>`count(${decisionComments.answer})::int`,
  }).from(decisionComments)
    .innerJoin(decisionItems, eq(decisionItems.id, decisionComments.itemId))
    .innerJoin(decisionCatalogues, eq(decisionCatalogues.id, decisionItems.catalogueId))
    .where(eq(decisionCatalogues.year, year));
  return { received: row?.received ?? 0, answered: Number(row?.answered ?? 0) };
}
