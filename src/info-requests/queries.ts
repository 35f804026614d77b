// The only file of info-requests that talks to the database.
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { dataErrorReports, infoRequestReplySeqs, infoRequests } from './tables.js';

export type RequestRow = typeof infoRequests.$inferSelect;
export type ErrorReportRow = typeof dataErrorReports.$inferSelect;

export async function findRequest(db: DbOrTx, id: number, lock?: 'update'): Promise<RequestRow | undefined> {
  const q = db.select().from(infoRequests).where(eq(infoRequests.id, id));
  return (lock ? await q.for('update') : await q)[0];
}

export async function findRequestByNumber(db: DbOrTx, number: string): Promise<RequestRow | undefined> {
  return (await db.select().from(infoRequests).where(eq(infoRequests.number, number)))[0];
}

export async function listRequests(db: DbOrTx): Promise<RequestRow[]> {
  return db.select().from(infoRequests).orderBy(asc(infoRequests.status), asc(infoRequests.dueOn), asc(infoRequests.id)).limit(1000);
}

export async function insertRequest(db: DbOrTx, values: typeof infoRequests.$inferInsert): Promise<RequestRow> {
  return (await db.insert(infoRequests).values(values).returning())[0]!;
}

export async function updateRequest(db: DbOrTx, id: number, values: Partial<typeof infoRequests.$inferInsert>): Promise<RequestRow> {
  return (await db.update(infoRequests).set({ ...values, version: sql`${infoRequests.version} + 1` }).where(eq(infoRequests.id, id)).returning())[0]!;
}

export async function allocateReplySeq(db: DbOrTx, year: number): Promise<number> {
  const [row] = await db.insert(infoRequestReplySeqs).values({ year, last: 1 })
    .onConflictDoUpdate({ target: infoRequestReplySeqs.year, set: { last: sql`${infoRequestReplySeqs.last} + 1` } })
    .returning({ seq: infoRequestReplySeqs.last });
  return row!.seq;
}

/** Rows that can count in a year's table: received up to the year's end and not replied before it began. */
export async function annualRows(db: DbOrTx, year: number) {
  return db.select({
    applicantKind: infoRequests.applicantKind, receivedOn: infoRequests.receivedOn, repliedOn: infoRequests.repliedOn,
    replyKind: infoRequests.replyKind, feeFen: infoRequests.feeFen, abandonedOn: infoRequests.abandonedOn,
  }).from(infoRequests).where(and(lte(infoRequests.receivedOn, `${year}-12-31`)));
}

/** 第三十条: requests awaiting a correction whose stated period ends by `byOn` (the deadlines board). */
export async function correctionPeriodsEndingBy(db: DbOrTx, byOn: string): Promise<RequestRow[]> {
  return db.select().from(infoRequests).where(and(eq(infoRequests.status, 'awaiting_correction'), lte(infoRequests.correctionDueOn, byOn)));
}

/** Open requests with a reply due by `byOn` (the deadlines board). */
export async function openRequestsDueBy(db: DbOrTx, byOn: string): Promise<RequestRow[]> {
  return db.select().from(infoRequests).where(and(ne(infoRequests.status, 'replied'), lte(infoRequests.dueOn, byOn)));
}

export async function insertErrorReport(db: DbOrTx, values: typeof dataErrorReports.$inferInsert): Promise<ErrorReportRow> {
  return (await db.insert(dataErrorReports).values(values).returning())[0]!;
}

export async function findErrorReport(db: DbOrTx, id: number, lock?: 'update'): Promise<ErrorReportRow | undefined> {
  const q = db.select().from(dataErrorReports).where(eq(dataErrorReports.id, id));
  return (lock ? await q.for('update') : await q)[0];
}

export async function findErrorReportByTicket(db: DbOrTx, ticket: string): Promise<ErrorReportRow | undefined> {
  return (await db.select().from(dataErrorReports).where(eq(dataErrorReports.ticket, ticket)))[0];
}

export async function listErrorReports(db: DbOrTx, kinds: string[]): Promise<ErrorReportRow[]> {
  if (!kinds.length) return [];
  return db.select().from(dataErrorReports).where(inArray(dataErrorReports.recordKind, kinds))
    .orderBy(asc(dataErrorReports.status), asc(dataErrorReports.dueOn), asc(dataErrorReports.id)).limit(1000);
}

export async function openErrorReportsDueBy(db: DbOrTx, kinds: string[], byOn: string): Promise<ErrorReportRow[]> {
  if (!kinds.length) return [];
  return db.select().from(dataErrorReports)
    .where(and(eq(dataErrorReports.status, 'open'), inArray(dataErrorReports.recordKind, kinds), lte(dataErrorReports.dueOn, byOn)));
}

export async function updateErrorReport(db: DbOrTx, id: number, values: Partial<typeof dataErrorReports.$inferInsert>): Promise<ErrorReportRow> {
  return (await db.update(dataErrorReports).set(values).where(eq(dataErrorReports.id, id)).returning())[0]!;
}

