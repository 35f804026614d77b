// The only file of litigation that talks to the database.
import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { equalsAny, type DbOrTx } from '../platform/db/index.js';
import { challenges } from './tables.js';

export type ChallengeRow = typeof challenges.$inferSelect;

export const listChallenges = (db: DbOrTx) => db.select().from(challenges).orderBy(desc(challenges.filedOn), desc(challenges.id)).limit(2000);
export async function findChallenge(db: DbOrTx, id: number, lock?: 'update'): Promise<ChallengeRow | undefined> {
  const q = db.select().from(challenges).where(eq(challenges.id, id));
  return (lock ? await q.for('update') : await q)[0];
}
export async function insertChallenge(db: DbOrTx, v: typeof challenges.$inferInsert): Promise<ChallengeRow> {
  return (await db.insert(challenges).values(v).returning())[0]!;
}
export async function updateChallenge(db: DbOrTx, row: ChallengeRow, v: Partial<typeof challenges.$inferInsert>): Promise<ChallengeRow> {
  return (await db.update(challenges).set({ ...v, version: row.version + 1 }).where(eq(challenges.id, row.id)).returning())[0]!;
}
/** The challenges of these cases' decisions, one query for any number of cases (challenges_subject_idx). */
export const challengesOfCases = (db: DbOrTx, caseIds: readonly number[]) =>
  db.select({ subjectId: challenges.subjectId, filedOn: challenges.filedOn, closedOn: challenges.closedOn }).from(challenges)
    .where(and(eq(challenges.subjectKind, 'case'), equalsAny(challenges.subjectId, caseIds.map(String))));
/** Rows that may count in a year: filed, closed or heard in it (hearings lie between filing and closing). */
export const challengesTouching = (db: DbOrTx, year: number) =>
  db.select().from(challenges).where(and(lte(challenges.filedOn, `${year}-12-31`), or(isNull(challenges.closedOn), gte(challenges.closedOn, `${year}-01-01`))));
