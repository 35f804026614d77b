// The only file of the eia capability that talks to the database.
import { and, asc, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { enterprises } from '../enterprises/index.js';
import { eiaApplications, eiaCorrectionNotices, eiaCreditRecords, eiaDocumentSequences, eiaPauses } from './tables.js';

export type ApplicationRow = typeof eiaApplications.$inferSelect;
export type PauseRow = typeof eiaPauses.$inferSelect;
export type NoticeRow = typeof eiaCorrectionNotices.$inferSelect;

/** `lock`: the row lock a read-then-write takes (parallel intake or decisions queue behind it). */
export async function findApplication(db: DbOrTx, id: number, lock = false): Promise<ApplicationRow | null> {
  const q = db.select().from(eiaApplications).where(eq(eiaApplications.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export interface ApplicationScope { enterpriseId?: number; districtId?: number }

export async function listApplications(db: DbOrTx, scope: ApplicationScope) {
  const c: SQL[] = [];
  if (scope.enterpriseId !== undefined) c.push(eq(eiaApplications.enterpriseId, scope.enterpriseId));
  if (scope.districtId !== undefined) c.push(eq(eiaApplications.districtId, scope.districtId));
  return db.select({ application: eiaApplications, enterpriseName: enterprises.name }).from(eiaApplications)
    .innerJoin(enterprises, eq(enterprises.id, eiaApplications.enterpriseId))
    .where(c.length ? and(...c) : undefined).orderBy(desc(eiaApplications.receivedOn), desc(eiaApplications.id));
}

export async function listPauses(db: DbOrTx, applicationId: number): Promise<PauseRow[]> {
  return db.select().from(eiaPauses).where(eq(eiaPauses.applicationId, applicationId)).orderBy(asc(eiaPauses.startOn), asc(eiaPauses.id));
}

export async function listAllPauses(db: DbOrTx): Promise<PauseRow[]> {
  return db.select().from(eiaPauses).orderBy(asc(eiaPauses.startOn), asc(eiaPauses.id));
}

export async function listNotices(db: DbOrTx, applicationId: number): Promise<NoticeRow[]> {
  return db.select().from(eiaCorrectionNotices).where(eq(eiaCorrectionNotices.applicationId, applicationId)).orderBy(asc(eiaCorrectionNotices.id));
}

export async function findNotice(db: DbOrTx, applicationId: number, noticeId: number): Promise<NoticeRow | null> {
  const [row] = await db.select().from(eiaCorrectionNotices).where(and(eq(eiaCorrectionNotices.id, noticeId), eq(eiaCorrectionNotices.applicationId, applicationId)));
  return row ?? null;
}

export async function findEnterprise(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: enterprises.id, name: enterprises.name, districtId: enterprises.districtId, creditCode: enterprises.creditCode, address: enterprises.address })
    .from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

export async function findCreditRecord(db: DbOrTx, applicationId: number) {
  const [row] = await db.select().from(eiaCreditRecords).where(eq(eiaCreditRecords.applicationId, applicationId));
  return row ?? null;
}

/** Next number in a gap-free yearly sequence of a 机关代字; rolls back with the transaction that took it. */
export async function allocateNumber(tx: DbOrTx, prefix: string, year: number): Promise<number> {
  const [row] = await tx.insert(eiaDocumentSequences).values({ prefix, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [eiaDocumentSequences.prefix, eiaDocumentSequences.year], set: { lastSeq: sql`${eiaDocumentSequences.lastSeq} + 1` } })
    .returning({ seq: eiaDocumentSequences.lastSeq });
  return row!.seq;
}

/** Applications whose acceptance or intended-approval publicity runs on `todayOn` (the public notice board). */
export async function listUnderPublicity(db: DbOrTx, todayOn: string) {
  const a = eiaApplications;
  return db.select({ application: a, enterpriseName: enterprises.name }).from(a)
    .innerJoin(enterprises, eq(enterprises.id, a.enterpriseId))
    .where(or(
      and(lte(a.acceptedOn, todayOn), gte(a.acceptancePublicityEndsOn, todayOn)),
      and(lte(a.approvalPublicityStartOn, todayOn), gte(a.approvalPublicityEndsOn, todayOn)),
    ))
    .orderBy(desc(a.id));
}
