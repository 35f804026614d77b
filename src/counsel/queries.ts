// The only file of counsel that talks to the database.
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { counsels, counselTasks } from './tables.js';

export type CounselRow = typeof counsels.$inferSelect;
export type CounselTaskRow = typeof counselTasks.$inferSelect;

export const listCounsels = (db: DbOrTx) => db.select().from(counsels).orderBy(asc(counsels.name), asc(counsels.id)).limit(1000);
export async function findCounsel(db: DbOrTx, id: number): Promise<CounselRow | undefined> {
  return (await db.select().from(counsels).where(eq(counsels.id, id)))[0];
}
export async function insertCounsel(db: DbOrTx, v: typeof counsels.$inferInsert): Promise<CounselRow> {
  return (await db.insert(counsels).values(v).returning())[0]!;
}
export const listTasks = (db: DbOrTx, counselId?: number) =>
  db.select().from(counselTasks).where(counselId ? eq(counselTasks.counselId, counselId) : undefined)
    .orderBy(desc(counselTasks.assignedOn), desc(counselTasks.id)).limit(1000);
export async function findTask(db: DbOrTx, id: number, lock?: 'update'): Promise<CounselTaskRow | undefined> {
  const q = db.select().from(counselTasks).where(eq(counselTasks.id, id));
  return (lock ? await q.for('update') : await q)[0];
}
export async function insertTask(db: DbOrTx, v: typeof counselTasks.$inferInsert): Promise<CounselTaskRow> {
  return (await db.insert(counselTasks).values(v).returning())[0]!;
}
export async function updateTask(db: DbOrTx, id: number, v: Partial<typeof counselTasks.$inferInsert>): Promise<CounselTaskRow> {
  return (await db.update(counselTasks).set(v).where(eq(counselTasks.id, id)).returning())[0]!;
}
export const tasksAnsweredIn = (db: DbOrTx, year: number) =>
  db.select({ counselId: counselTasks.counselId, subjectKind: counselTasks.subjectKind, answeredOn: counselTasks.answeredOn }).from(counselTasks)
    .where(and(gte(counselTasks.answeredOn, `${year}-01-01`), lte(counselTasks.answeredOn, `${year}-12-31`)));
