// The only file of meetings that talks to the database.
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { users } from '../users/index.js';
import { governanceMeetings } from './tables.js';

export type MeetingRow = typeof governanceMeetings.$inferSelect;

export const listMeetings = (db: DbOrTx, year?: number) =>
  db.select().from(governanceMeetings)
    .where(year ? and(gte(governanceMeetings.heldOn, `${year}-01-01`), lte(governanceMeetings.heldOn, `${year}-12-31`)) : undefined)
    .orderBy(desc(governanceMeetings.heldOn), desc(governanceMeetings.id)).limit(2000);
export async function findMeeting(db: DbOrTx, id: number): Promise<MeetingRow | undefined> {
  return (await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, id)))[0];
}
export async function insertMeeting(db: DbOrTx, v: typeof governanceMeetings.$inferInsert): Promise<MeetingRow> {
  return (await db.insert(governanceMeetings).values(v).returning())[0]!;
}
export async function usersNamed(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}
