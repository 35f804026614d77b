import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { equalsAny, type Db, type DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises } from '../enterprises/index.js';
import { districts } from '../organisation/index.js';
import { users } from '../users/index.js';
import {
  caseOfficers, cases, caseSteps, committeeDiscussions, committeeMeetings, documentSequences, hearings, leads, legalReviews, payments, caseDeadlines,
} from './tables.js';
import type { CaseFacts } from './rules/procedure.js';
import { RECORD_STEP_KINDS, recordsFromSteps, type CaseRecords, type StepLike } from './rules/case-records.js';
import type { SurchargePause } from '../law/late-payment.js';
import { externalSurchargePauses } from './surcharge-pauses.js';
import type { CaseStage } from './rules/procedure.js';
import { CASE_LIST_COUNT_CAP, CASE_LIST_MAX_OFFSET, encodeCaseCursor, type CaseCursor } from './list-cursor.js';

export type CaseRow = typeof cases.$inferSelect;

/** District-bound users see only their district's cases and leads. */
const caseScope = (p: Principal): SQL | undefined => (p.districtId === null ? undefined : eq(cases.districtId, p.districtId));
export const leadScope = (p: Principal): SQL | undefined => (p.districtId === null ? undefined : eq(leads.districtId, p.districtId));

export async function findCaseRow(db: DbOrTx, id: number, principal: Principal | null, lock = false): Promise<CaseRow | null> {
  const q = db.select().from(cases).where(and(eq(cases.id, id), principal ? caseScope(principal) : undefined));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** `lock`: SELECT … FOR UPDATE, so parallel filings or dismissals of one lead run one after another. */
export async function findLead(db: DbOrTx, id: number, principal: Principal, lock = false) {
  const q = db.select().from(leads).where(and(eq(leads.id, id), leadScope(principal)));
  const [row] = lock ? await q.for('update') : await q;
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
export async function loadCaseFacts(
  db: DbOrTx, row: CaseRow, amountDueFen: (paid: { paidOn: string; amountFen: number }[], records: CaseRecords, pauses: SurchargePause[]) => number,
): Promise<CaseFacts> {
  const records = await loadCaseRecords(db, row);
  // 行政处罚法 第七十三条第三款: challenges recorded outside the case (litigation) pause the surcharge too.
  const pauses = await externalSurchargePauses(db, row.id);
  const officers = await db.select({ userId: caseOfficers.userId }).from(caseOfficers).where(eq(caseOfficers.caseId, row.id));
  const [evidence] = await db.select({ n: count() }).from(caseSteps)
    .where(and(eq(caseSteps.caseId, row.id), inArray(caseSteps.kind, ['inspection_record', 'inquiry_record'])));
  const reviews = await db.select().from(legalReviews).where(eq(legalReviews.caseId, row.id)).orderBy(asc(legalReviews.reviewedAt), asc(legalReviews.id));
  const [hearing] = await db.select().from(hearings).where(eq(hearings.caseId, row.id));
  const paid = await db.select({ paidOn: payments.paidOn, amountFen: payments.amountFen }).from(payments).where(eq(payments.caseId, row.id)).orderBy(asc(payments.paidOn), asc(payments.id));
  const paidFen = paid.reduce((s, p) => s + p.amountFen, 0);
  const proposal = row.proposal;
  // The last notice and hearing request, and who passed the case review, from the timeline.
  const marks = await db.select({ id: caseSteps.id, kind: caseSteps.kind, actorId: caseSteps.actorId, data: caseSteps.data }).from(caseSteps)
    .where(and(eq(caseSteps.caseId, row.id), inArray(caseSteps.kind, ['notification', 'renotification', 'hearing_request', 'case_review']))).orderBy(asc(caseSteps.id));
  const lastId = (...kinds: string[]) => marks.filter((m) => kinds.includes(m.kind)).at(-1)?.id ?? 0;
  const passedCaseReview = marks.filter((m) => m.kind === 'case_review').at(-1);
  const n = row.notification;
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
    caseReviewerId: row.caseReviewPassedAt && passedCaseReview?.data.outcome === 'passed' ? passedCaseReview.actorId : null,
    notification: n ? {
      servedOn: n.servedOn, statementDueOn: n.statementDueOn, hearingOffered: n.hearingOffered, hearingRequestDueOn: n.hearingRequestDueOn,
      proposedFineFen: n.proposedFineFen, penaltyKinds: n.penaltyKinds ?? proposal?.penaltyKinds ?? [], round: n.round ?? 1,
      amendedAt: n.amendedAt ?? null, hearingWaivedOn: n.hearingWaivedOn ?? null,
    } : null,
    statementWaived: row.statementWaived,
    hearing: hearing ? {
      requestedOn: hearing.requestedOn, hostId: hearing.hostId, noticeOn: hearing.noticeOn, scheduledOn: hearing.scheduledOn,
      heldAt: hearing.heldAt?.toISOString() ?? null,
      underCurrentNotice: lastId('hearing_request') > lastId('notification', 'renotification'),
    } : null,
    decision: row.decisionKind ? { kind: row.decisionKind, fineFen: row.decisionFineFen ?? 0, decidedOn: row.decidedOn! } : null,
    servedOn: row.servedOn,
    amountDueFen: amountDueFen(paid, records, pauses),
    paidFen,
    courtEnforcementAppliedOn: row.courtEnforcementAppliedOn,
    closedAt: row.closedAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    records,
    externalChallenges: pauses,
  };
}

/** Extensions, excluded periods, remedies, payment schedule, reminder, consent, hearing waiver and crime transfers, from the timeline. */
export async function loadCaseRecords(db: DbOrTx, row: Pick<CaseRow, 'id' | 'paymentDueOn'>): Promise<CaseRecords> {
  return (await loadCaseRecordsOf(db, [row])).get(row.id)!;
}

/** The records of many cases in one query (a board lists many), by case id. */
export async function loadCaseRecordsOf(db: DbOrTx, rows: readonly Pick<CaseRow, 'id' | 'paymentDueOn'>[]): Promise<Map<number, CaseRecords>> {
  const stepsOf = new Map<number, StepLike[]>(rows.map((r) => [r.id, []]));
  if (rows.length) {
    const steps = await db.select({ caseId: caseSteps.caseId, kind: caseSteps.kind, occurredOn: caseSteps.occurredOn, data: caseSteps.data }).from(caseSteps)
      .where(and(equalsAny(caseSteps.caseId, rows.map((r) => r.id)), inArray(caseSteps.kind, [...RECORD_STEP_KINDS])))
      .orderBy(asc(caseSteps.caseId), asc(caseSteps.id));
    for (const s of steps) stepsOf.get(s.caseId)!.push(s);
  }
  return new Map(rows.map((r) => [r.id, recordsFromSteps(stepsOf.get(r.id)!, r.paymentDueOn)]));
}

/** Next number in a gap-free yearly sequence; rolls back with the transaction that took it. */
export async function allocateNumber(tx: DbOrTx, prefix: string, year: number): Promise<number> {
  const [row] = await tx.insert(documentSequences).values({ prefix, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [documentSequences.prefix, documentSequences.year], set: { lastSeq: sql`${documentSequences.lastSeq} + 1` } })
    .returning({ seq: documentSequences.lastSeq });
  return row!.seq;
}

export interface CaseFilter { stage?: CaseStage; districtId?: number; officerId?: number; overdueOn?: string; q?: string; enterpriseId?: number }

/** A filter value, or the placeholder a prepared statement fills in when it runs. */
type Bound<T> = T | Placeholder;
/** The case list's filter values; a key is present exactly when its condition applies (listStatement names statements by which). */
interface FilterValues {
  scope?: Bound<number>; stage?: Bound<CaseStage>; districtId?: Bound<number>; enterpriseId?: Bound<number>;
  officerId?: Bound<number>; overdueOn?: Bound<string>; like?: Bound<string>;
}
const FILTER_KEYS = ['scope', 'stage', 'districtId', 'enterpriseId', 'officerId', 'overdueOn', 'like'] as const;

function filterValues(principal: Principal, f: CaseFilter): FilterValues {
  const v: FilterValues = {};
  // District-bound users see only their district's cases (caseScope).
  if (principal.districtId !== null) v.scope = principal.districtId;
  if (f.stage) v.stage = f.stage;
  if (f.districtId) v.districtId = f.districtId;
  if (f.enterpriseId) v.enterpriseId = f.enterpriseId;
  if (f.officerId) v.officerId = f.officerId;
  if (f.overdueOn) v.overdueOn = f.overdueOn;
  if (f.q) v.like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return v;
}

function filterWhere(v: FilterValues): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (v.scope !== undefined) c.push(eq(cases.districtId, v.scope));
  if (v.stage !== undefined) c.push(eq(cases.stage, v.stage));
  if (v.districtId !== undefined) c.push(eq(cases.districtId, v.districtId));
  if (v.enterpriseId !== undefined) c.push(eq(cases.enterpriseId, v.enterpriseId));
  if (v.officerId !== undefined) c.push(sql`exists (select 1 from ${caseOfficers} where ${caseOfficers.caseId} = ${cases.id} and ${caseOfficers.userId} = ${v.officerId})`);
  if (v.overdueOn !== undefined) c.push(and(lt(cases.decisionDueOn, v.overdueOn), sql`${cases.decidedOn} is null`));
  // The enterprises whose name matches are found first (one scan of enterprises), so the cases are filtered on their own
  // columns, without a join per case walked (issue 18: a rare name at a million cases 3.5–4.1 s → 1.2–1.9 s, list and count;
  // what is left is ILIKE over every case's number and cause: a case number alone ≈ 2 s).
  if (v.like !== undefined) {
    c.push(or(ilike(cases.number, v.like), ilike(cases.cause, v.like),
      sql`${cases.enterpriseId} = any(array(select ${enterprises.id} from ${enterprises} where ${enterprises.name} ilike ${v.like}))`));
  }
  return and(...c);
}

/** The case list's filter as SQL: the list and its count (the workbench's task counts) share it. */
const caseListWhere = (principal: Principal, f: CaseFilter): SQL | undefined => filterWhere(filterValues(principal, f));

/** How many cases the list with this filter holds (its `total`). */
export async function countCases(db: Db, principal: Principal, f: CaseFilter): Promise<number> {
  const where = caseListWhere(principal, f);
  const [total] = await db.select({ n: count() }).from(cases).where(where);
  return Number(total?.n ?? 0);
}

/** How many cases match, counted up to the cap on the same index the list walks: never a scan of all. */
export async function countCasesCapped(db: Db, principal: Principal, f: CaseFilter, cap = CASE_LIST_COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const where = caseListWhere(principal, f);
  const limited = db.select({ one: sql`1` }).from(cases).where(where).limit(cap + 1).as('limited');
  const [row] = await db.select({ n: count() }).from(limited);
  const n = Number(row?.n ?? 0);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

type CaseListPage = { pageSize: number; page?: number; cursor?: CaseCursor | null };

/** The list page's select: filter, keyset or offset, one more row than the page (to know whether another follows). */
function caseListSelect(db: Db, v: FilterValues, cursor: { dueOn: Bound<string>; id: Bound<number> } | null, limit: number, offset: Bound<number>) {
  const after = cursor ? sql`(${cases.decisionDueOn}, ${cases.id}) > (${cursor.dueOn}::date, ${cursor.id}::int)` : undefined;
  return db.select({
    id: cases.id, number: cases.number, cause: cases.cause, stage: cases.stage, filedOn: cases.filedOn, decisionDueOn: cases.decisionDueOn,
    enterpriseId: cases.enterpriseId, enterpriseName: enterprises.name, districtId: cases.districtId, districtName: districts.name,
    decisionKind: cases.decisionKind, decisionFineFen: cases.decisionFineFen, major: cases.major, proposal: cases.proposal,
    // 暂定: the decision deadline was computed on a provisional holiday calendar (deadline-records.ts).
    decisionDueProvisional: sql<boolean>`exists (select 1 from ${caseDeadlines} where ${caseDeadlines.caseId} = ${cases.id} and ${caseDeadlines.kind} = 'decision' and ${caseDeadlines.current} and ${caseDeadlines.dueOn} = ${cases.decisionDueOn} and cardinality(${caseDeadlines.provisionalYears}) > 0)`,
  }).from(cases)
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(districts, eq(districts.id, cases.districtId))
    .where(and(filterWhere(v), after)).orderBy(asc(cases.decisionDueOn), asc(cases.id))
    // The limit as a literal, not a parameter: a generic plan of `limit $n` assumes 10 % of the matching
    // rows, so PostgreSQL would keep planning every execution (plan_cache_mode auto) instead of reusing it.
    .limit(sql.raw(String(limit)) as unknown as number)
    .offset(offset);
}

const pageOffset = (page: CaseListPage) => (page.cursor ? 0 : Math.min(((page.page ?? 1) - 1) * page.pageSize, CASE_LIST_MAX_OFFSET));

/** The list page's SQL with its values inline as parameters (the bench prints and EXPLAINs it); listCases runs the same text prepared. */
export function caseListPageQuery(db: Db, principal: Principal, f: CaseFilter, page: CaseListPage) {
  return caseListSelect(db, filterValues(principal, f), page.cursor ?? null, page.pageSize + 1, pageOffset(page));
}

type ListStatement = ReturnType<ReturnType<typeof caseListSelect>['prepare']>;
/**
 * Named statements per filter shape and page size, built once per database handle: PostgreSQL parses each
 * once per pooled connection and, after five runs, reuses a generic plan (the keyset walk on the same
 * index whatever the values); drizzle builds the SQL once. Bounded: past the cap a shape runs unprepared.
 */
const listStatements = new WeakMap<Db, Map<string, ListStatement>>();
export const CASE_LIST_STATEMENTS_MAX = 64;
/** How many list statements this database handle holds (tests: the cap holds). */
export const caseListStatementCount = (db: Db) => listStatements.get(db)?.size ?? 0;

function listStatement(db: Db, principal: Principal, f: CaseFilter, page: CaseListPage): { statement: ListStatement; values: Record<string, unknown> } | null {
  const v = filterValues(principal, f);
  const offset = pageOffset(page);
  const limit = page.pageSize + 1;
  const values: Record<string, unknown> = { ...v };
  if (page.cursor) { values.dueOn = page.cursor.dueOn; values.id = page.cursor.id; }
  if (offset > 0) values.offset = offset;
  const shape = FILTER_KEYS.reduce((bits, k, i) => (v[k] === undefined ? bits : bits | (1 << i)), 0);
  const name = `cases_list_${shape}_${page.cursor ? 'k' : offset > 0 ? 'o' : 'f'}_${limit}`;
  let statements = listStatements.get(db);
  if (!statements) listStatements.set(db, (statements = new Map()));
  let statement = statements.get(name);
  if (!statement) {
    if (statements.size >= CASE_LIST_STATEMENTS_MAX) return null;
    const ph: FilterValues = {};
    for (const k of FILTER_KEYS) if (v[k] !== undefined) ph[k] = sql.placeholder(k);
    const cursor = page.cursor ? { dueOn: sql.placeholder('dueOn'), id: sql.placeholder('id') } : null;
    statement = caseListSelect(db, ph, cursor, limit, offset > 0 ? sql.placeholder('offset') : 0).prepare(name);
    statements.set(name, statement);
  }
  return { statement, values };
}

/**
 * One page of the case list, sorted by decision deadline then id. With a cursor: the rows after it
 * (keyset: `(decision_due_on, id) > cursor` walks cases_district_stage_due_idx / cases_stage_due_idx /
 * cases_due_idx from that point, so a deep page costs what the first does), and no total. Without:
 * the `page`-th page (offset, at most CASE_LIST_MAX_OFFSET deep) and the total counted up to the cap.
 */
export async function listCases(db: Db, principal: Principal, f: CaseFilter, page: CaseListPage) {
  const prepared = listStatement(db, principal, f, page);
  const rows = prepared ? await prepared.statement.execute(prepared.values) : await caseListPageQuery(db, principal, f, page);
  const items = rows.slice(0, page.pageSize);
  const last = items[items.length - 1];
  const nextCursor = rows.length > page.pageSize && last ? encodeCaseCursor({ dueOn: last.decisionDueOn, id: last.id }) : null;
  const counted = page.cursor ? null : await countCasesCapped(db, principal, f);
  return { items, total: counted?.total ?? null, totalCapped: counted?.capped ?? false, nextCursor };
}

const leadListWhere = (principal: Principal, status: 'open' | 'filed' | 'dismissed' | undefined) => and(leadScope(principal), status ? eq(leads.status, status) : undefined);

/** How many leads the list with this status holds (its `total`). */
export async function countLeads(db: Db, principal: Principal, status: 'open' | 'filed' | 'dismissed' | undefined): Promise<number> {
  const [total] = await db.select({ n: count() }).from(leads).where(leadListWhere(principal, status));
  return Number(total?.n ?? 0);
}

export async function listLeads(db: Db, principal: Principal, status: 'open' | 'filed' | 'dismissed' | undefined, page: { page: number; pageSize: number }) {
  const where = leadListWhere(principal, status);
  const total = await countLeads(db, principal, status);
  const items = await db.select({
    id: leads.id, source: leads.source, summary: leads.summary, sourceRef: leads.sourceRef, discoveredOn: leads.discoveredOn,
    filingDueOn: leads.filingDueOn, filingExtension: leads.filingExtension, status: leads.status, enterpriseId: leads.enterpriseId, enterpriseName: enterprises.name,
    // 暂定: the filing deadline was computed on a provisional holiday calendar (deadline-records.ts).
    filingDueProvisional: sql<boolean>`exists (select 1 from ${caseDeadlines} where ${caseDeadlines.leadId} = ${leads.id} and ${caseDeadlines.kind} = 'filing' and ${caseDeadlines.current} and ${caseDeadlines.dueOn} = ${leads.filingDueOn} and cardinality(${caseDeadlines.provisionalYears}) > 0)`,
    districtId: leads.districtId, districtName: districts.name, registeredById: leads.registeredById,
  }).from(leads).innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId)).innerJoin(districts, eq(districts.id, leads.districtId))
    .where(where).orderBy(asc(leads.filingDueOn), asc(leads.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { items, total };
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
