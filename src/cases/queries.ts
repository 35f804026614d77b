import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises } from '../enterprises/tables.js';
import { districts } from '../organisation/tables.js';
import { users } from '../users/tables.js';
import {
  caseOfficers, cases, caseSteps, committeeDiscussions, committeeMeetings, documentSequences, hearings, leads, legalReviews, payments,
} from './tables.js';
import type { CaseFacts } from './rules/procedure.js';
import type { CaseStage } from './rules/procedure.js';

export type CaseRow = typeof cases.$inferSelect;

/** District-bound users see only their district's cases and leads. */
const caseScope = (p: Principal): SQL | undefined => (p.districtId === null ? undefined : eq(cases.districtId, p.districtId));
export const leadScope = (p: Principal): SQL | undefined => (p.districtId === null ? undefined : eq(leads.districtId, p.districtId));

export async function findCaseRow(db: DbOrTx, id: number, principal: Principal | null, lock = false): Promise<CaseRow | null> {
  const q = db.select().from(cases).where(and(eq(cases.id, id), principal ? caseScope(principal) : undefined));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findLead(db: DbOrTx, id: number, principal: Principal) {
  const [row] = await db.select().from(leads).where(and(eq(leads.id, id), leadScope(principal)));
  return row ?? null;
}

export async function findOfficers(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: users.id, role: users.role, credentialNo: users.credentialNo, districtId: users.districtId, displayName: users.displayName, active: users.active })
    .from(users).where(inArray(users.id, ids));
}

export async function findUser(db: DbOrTx, id: number) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

/** The facts the procedure rules judge, read in the caller's transaction. */
export async function loadCaseFacts(db: DbOrTx, row: CaseRow, amountDueFen: (paid: { paidOn: string; amountFen: number }[]) => number): Promise<CaseFacts> {
  const officers = await db.select({ userId: caseOfficers.userId }).from(caseOfficers).where(eq(caseOfficers.caseId, row.id));
  const [evidence] = await db.select({ n: count() }).from(caseSteps)
    .where(and(eq(caseSteps.caseId, row.id), inArray(caseSteps.kind, ['inspection_record', 'inquiry_record'])));
  const reviews = await db.select().from(legalReviews).where(eq(legalReviews.caseId, row.id)).orderBy(asc(legalReviews.reviewedAt), asc(legalReviews.id));
  const [hearing] = await db.select().from(hearings).where(eq(hearings.caseId, row.id));
  const paid = await db.select({ paidOn: payments.paidOn, amountFen: payments.amountFen }).from(payments).where(eq(payments.caseId, row.id)).orderBy(asc(payments.paidOn), asc(payments.id));
  const paidFen = paid.reduce((s, p) => s + p.amountFen, 0);
  const proposal = row.proposal;
  return {
    partyKind: row.partyKind,
    penaltyKinds: row.decision?.penaltyKinds ?? proposal?.penaltyKinds ?? [],
    fineFen: row.decisionFineFen ?? proposal?.fineFen ?? 0,
    ...row.major,
    hearingHeld: Boolean(hearing?.heldAt),
    investigatorIds: officers.map((o) => o.userId),
    filedOn: row.filedOn,
    decisionDueOn: row.decisionDueOn,
    evidenceRecords: Number(evidence?.n ?? 0),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    caseReviewPassedAt: row.caseReviewPassedAt?.toISOString() ?? null,
    reviews: reviews.map((r) => ({ reviewerId: r.reviewerId, outcome: r.outcome, at: r.reviewedAt.toISOString() })),
    committeeDecidedAt: row.committeeDecidedAt?.toISOString() ?? null,
    notification: row.notification ?? null,
    statementWaived: row.statementWaived,
    hearing: hearing ? {
      requestedOn: hearing.requestedOn, hostId: hearing.hostId, noticeOn: hearing.noticeOn, scheduledOn: hearing.scheduledOn,
      heldAt: hearing.heldAt?.toISOString() ?? null,
    } : null,
    decision: row.decisionKind ? { kind: row.decisionKind, fineFen: row.decisionFineFen ?? 0, decidedOn: row.decidedOn! } : null,
    servedOn: row.servedOn,
    amountDueFen: amountDueFen(paid),
    paidFen,
    courtEnforcementAppliedOn: row.courtEnforcementAppliedOn,
    closedAt: row.closedAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** Next number in a gap-free yearly sequence; rolls back with the transaction that took it. */
export async function allocateNumber(tx: DbOrTx, prefix: string, year: number): Promise<number> {
  const [row] = await tx.insert(documentSequences).values({ prefix, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [documentSequences.prefix, documentSequences.year], set: { lastSeq: sql`${documentSequences.lastSeq} + 1` } })
    .returning({ seq: documentSequences.lastSeq });
  return row!.seq;
}

export interface CaseFilter { stage?: CaseStage; districtId?: number; officerId?: number; overdueOn?: string; q?: string; enterpriseId?: number }

export async function listCases(db: Db, principal: Principal, f: CaseFilter, page: { page: number; pageSize: number }) {
  const c: (SQL | undefined)[] = [caseScope(principal)];
  if (f.stage) c.push(eq(cases.stage, f.stage));
  if (f.districtId) c.push(eq(cases.districtId, f.districtId));
  if (f.enterpriseId) c.push(eq(cases.enterpriseId, f.enterpriseId));
  if (f.officerId) c.push(sql`exists (select 1 from ${caseOfficers} where ${caseOfficers.caseId} = ${cases.id} and ${caseOfficers.userId} = ${f.officerId})`);
  if (f.overdueOn) c.push(and(lt(cases.decisionDueOn, f.overdueOn), sql`${cases.decidedOn} is null`));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(or(ilike(cases.number, like), ilike(cases.cause, like), ilike(enterprises.name, like)));
  }
  const where = and(...c);
  // Only a text search needs the enterprise's name; counting without the join keeps the count on the index.
  const counted = db.select({ n: count() }).from(cases);
  const [total] = f.q ? await counted.innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId)).where(where) : await counted.where(where);
  const items = await db.select({
    id: cases.id, number: cases.number, cause: cases.cause, stage: cases.stage, filedOn: cases.filedOn, decisionDueOn: cases.decisionDueOn,
    enterpriseId: cases.enterpriseId, enterpriseName: enterprises.name, districtId: cases.districtId, districtName: districts.name,
    decisionKind: cases.decisionKind, decisionFineFen: cases.decisionFineFen, major: cases.major, proposal: cases.proposal,
  }).from(cases)
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(where).orderBy(asc(cases.decisionDueOn), asc(cases.id))
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { items, total: Number(total?.n ?? 0) };
}

export async function listLeads(db: Db, principal: Principal, status: 'open' | 'filed' | 'dismissed' | undefined, page: { page: number; pageSize: number }) {
  const where = and(leadScope(principal), status ? eq(leads.status, status) : undefined);
  const [total] = await db.select({ n: count() }).from(leads).where(where);
  const items = await db.select({
    id: leads.id, source: leads.source, summary: leads.summary, sourceRef: leads.sourceRef, discoveredOn: leads.discoveredOn,
    filingDueOn: leads.filingDueOn, status: leads.status, enterpriseId: leads.enterpriseId, enterpriseName: enterprises.name,
    districtId: leads.districtId, districtName: districts.name,
  }).from(leads).innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId)).innerJoin(districts, eq(districts.id, leads.districtId))
    .where(where).orderBy(asc(leads.filingDueOn), asc(leads.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { items, total: Number(total?.n ?? 0) };
}

/** Everything the case page shows. */
export async function loadCaseDetail(db: DbOrTx, row: CaseRow) {
  const [enterprise] = await db.select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, legalRepresentative: enterprises.legalRepresentative, address: enterprises.address })
    .from(enterprises).where(eq(enterprises.id, row.enterpriseId));
  const [district] = await db.select({ name: districts.name }).from(districts).where(eq(districts.id, row.districtId));
  const officers = await db.select({ id: users.id, displayName: users.displayName, credentialNo: users.credentialNo, lead: caseOfficers.lead })
    .from(caseOfficers).innerJoin(users, eq(users.id, caseOfficers.userId)).where(eq(caseOfficers.caseId, row.id)).orderBy(desc(caseOfficers.lead), asc(users.id));
  const steps = await db.select().from(caseSteps).where(eq(caseSteps.caseId, row.id)).orderBy(asc(caseSteps.id));
  const reviews = await db.select({ id: legalReviews.id, reviewerId: legalReviews.reviewerId, reviewerName: users.displayName, findings: legalReviews.findings, outcome: legalReviews.outcome, opinion: legalReviews.opinion, reviewedAt: legalReviews.reviewedAt })
    .from(legalReviews).innerJoin(users, eq(users.id, legalReviews.reviewerId)).where(eq(legalReviews.caseId, row.id)).orderBy(asc(legalReviews.id));
  const discussions = await db.select({ meetingId: committeeDiscussions.meetingId, heldOn: committeeMeetings.heldOn, decision: committeeDiscussions.decision, conclusion: committeeDiscussions.conclusion, opinions: committeeDiscussions.opinions, decidedAt: committeeDiscussions.decidedAt })
    .from(committeeDiscussions).innerJoin(committeeMeetings, eq(committeeMeetings.id, committeeDiscussions.meetingId)).where(eq(committeeDiscussions.caseId, row.id));
  const [hearing] = await db.select().from(hearings).where(eq(hearings.caseId, row.id));
  const paid = await db.select().from(payments).where(eq(payments.caseId, row.id)).orderBy(asc(payments.id));
  return { enterprise: enterprise!, districtName: district!.name, officers, steps, reviews, discussions, hearing: hearing ?? null, payments: paid };
}
