// 集体讨论: a committee member records, changes or withdraws his own opinion on a case for a meeting he
// attends (rules/member-opinion.ts). The case row is locked for the write, so a recording and the
// conclusion of the discussion (runCaseAction locks it too) run one after the other.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../platform/db/index.js';
import { refuse, success, type Outcome, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { users } from '../users/index.js';
import { committeeDiscussions, committeeMeetings, committeeMemberOpinions } from './tables.js';
import { findCaseRow, loadCaseFacts, type CaseRow } from './queries.js';
import { loadCaseEnv } from './env.js';
import { deriveStage, validPassedReview } from './rules/procedure.js';
import { meetingPredecessors } from './rules/record-dates.js';
import { checkNotSuspended } from './rules/service.js';
import { checkMemberOpinion, checkOpinionChange, isCurrentOpinion, opinionTextOf, type MemberStance, type SelfRecordedOpinion } from './rules/member-opinion.js';
import { refusalMessage } from '../platform/http/outcome-to-http.js';
import type { Locale } from '../platform/i18n/messages.js';

export interface MemberOpinionInput { stance: MemberStance; words: string; reason?: string | null }

type OpinionRow = typeof committeeMemberOpinions.$inferSelect;
/** `current`: recorded on the proposal as it now stands (rules/member-opinion.ts isCurrentOpinion); only those are taken. */
const present = (r: OpinionRow, name: string | null, current = true) => ({
  memberId: r.memberId, memberName: name, stance: r.stance, words: r.words, opinion: opinionTextOf(r.stance, r.words),
  recordedAt: r.recordedAt.toISOString(), updatedAt: r.updatedAt.toISOString(), current,
});
export type MemberOpinionJson = ReturnType<typeof present>;

/** The self-recorded opinions on a case for a meeting, in the meeting's order of attendance. */
export async function loadSelfRecordedOpinions(db: DbOrTx, meetingId: number, caseId: number): Promise<SelfRecordedOpinion[]> {
  const rows = await db.select().from(committeeMemberOpinions)
    .where(and(eq(committeeMemberOpinions.meetingId, meetingId), eq(committeeMemberOpinions.caseId, caseId))).orderBy(asc(committeeMemberOpinions.id));
  return rows.map((r) => ({ memberId: r.memberId, stance: r.stance, words: r.words, updatedAt: r.updatedAt.toISOString() }));
}

/** Loads the meeting and the case's facts and judges whether `principal` may record an opinion now. */
async function judge(db: DbOrTx, env: Awaited<ReturnType<typeof loadCaseEnv>>, principal: Principal, row: CaseRow, meetingId: number, now: Date): Promise<Outcome> {
  const [meeting] = await db.select().from(committeeMeetings).where(eq(committeeMeetings.id, meetingId));
  if (!meeting) return refuse('NOT_FOUND');
  const todayOn = chinaDateOf(now);
  // The stages before a decision do not depend on the amount due.
  const facts = await loadCaseFacts(db, row, () => 0);
  // 国务院令第310号 第十条, 第十一条: nothing is done in a case the police hold for a suspected crime.
  const suspended = checkNotSuspended(facts.records);
  if (!suspended.ok) return suspended;
  const [concluded] = await db.select({ id: committeeDiscussions.id }).from(committeeDiscussions)
    .where(and(eq(committeeDiscussions.meetingId, meetingId), eq(committeeDiscussions.caseId, row.id)));
  return checkMemberOpinion({
    memberId: principal.id, meeting, stage: deriveStage(facts, env.thresholds, todayOn), concluded: Boolean(concluded),
    predecessors: meetingPredecessors(facts, validPassedReview(facts)?.at ?? null), todayOn,
  });
}

/** GET: every self-recorded opinion, mine, and whether I may record one now (with the refusal's article). */
export async function listMemberOpinions(db: Db, principal: Principal, meetingId: number, caseId: number, now: Date, locale: Locale) {
  if (!can(principal, 'case.read')) return refuse('FORBIDDEN');
  const row = await findCaseRow(db, caseId, principal);
  if (!row) return refuse('NOT_FOUND');
  const [meeting] = await db.select({ id: committeeMeetings.id }).from(committeeMeetings).where(eq(committeeMeetings.id, meetingId));
  if (!meeting) return refuse('NOT_FOUND');
  const env = await loadCaseEnv(db);
  const rows = await db.select({ o: committeeMemberOpinions, name: users.displayName }).from(committeeMemberOpinions)
    .innerJoin(users, eq(users.id, committeeMemberOpinions.memberId))
    .where(and(eq(committeeMemberOpinions.meetingId, meetingId), eq(committeeMemberOpinions.caseId, caseId))).orderBy(asc(committeeMemberOpinions.id));
  const facts = await loadCaseFacts(db, row, () => 0);
  const reviewsAt = [facts.caseReviewPassedAt, validPassedReview(facts)?.at ?? null];
  const items = rows.map((r) => present(r.o, r.name, isCurrentOpinion(r.o.updatedAt.toISOString(), reviewsAt)));
  const gate = await judge(db, env, principal, row, meetingId, now);
  return success({
    items,
    mine: items.find((i) => i.memberId === principal.id) ?? null,
    allowed: gate.ok,
    refusal: gate.ok ? null : { code: gate.code, citation: gate.citation ?? null, message: refusalMessage(gate, locale) },
  });
}

/** PUT: records or changes the signed-in member's own opinion (an upsert on meeting, case and member). */
export async function recordMemberOpinion(db: Db, principal: Principal, meetingId: number, caseId: number, input: MemberOpinionInput, now: Date): Promise<Result<MemberOpinionJson>> {
  return writeOpinion(db, principal, meetingId, caseId, input, now) as Promise<Result<MemberOpinionJson>>;
}

/** DELETE: withdraws the signed-in member's own opinion (he may still give it at the meeting, to the minutes). */
export async function withdrawMemberOpinion(db: Db, principal: Principal, meetingId: number, caseId: number, reason: string, now: Date): Promise<Result<{ withdrawn: true }>> {
  return writeOpinion(db, principal, meetingId, caseId, { reason }, now) as Promise<Result<{ withdrawn: true }>>;
}

async function writeOpinion(
  db: Db, principal: Principal, meetingId: number, caseId: number, input: MemberOpinionInput | { reason: string }, now: Date,
): Promise<Result<MemberOpinionJson | { withdrawn: true }>> {
  if (!can(principal, 'case.read')) return refuse('FORBIDDEN');
  const env = await loadCaseEnv(db);
  return db.transaction(async (tx: Tx) => {
    const row = await findCaseRow(tx, caseId, principal, true);
    if (!row) return refuse('NOT_FOUND');
    const gate = await judge(tx, env, principal, row, meetingId, now);
    if (!gate.ok) return gate;
    const key = and(eq(committeeMemberOpinions.meetingId, meetingId), eq(committeeMemberOpinions.caseId, caseId), eq(committeeMemberOpinions.memberId, principal.id));
    const [previous] = await tx.select().from(committeeMemberOpinions).where(key);
    const next = 'stance' in input ? { stance: input.stance, words: input.words.trim() } : null;
    const change = checkOpinionChange(previous ?? null, next, input.reason);
    if (!change.ok) return change;
    const before = previous ? { meetingId, memberId: principal.id, stance: previous.stance, words: previous.words } : null;
    const reason = input.reason?.trim() || null;
    if (next === null) {
      await tx.delete(committeeMemberOpinions).where(key);
      await appendAudit(tx, actorOf(principal), { action: 'committee.opinion_withdraw', entity: 'case', entityId: caseId, before, after: null, reason }, now);
      return success({ withdrawn: true as const });
    }
    // The unique (meeting, case, member) key makes a parallel first recording an update, never a second row.
    const [saved] = await tx.insert(committeeMemberOpinions)
      .values({ meetingId, caseId, memberId: principal.id, stance: next.stance, words: next.words, recordedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [committeeMemberOpinions.meetingId, committeeMemberOpinions.caseId, committeeMemberOpinions.memberId],
        set: { stance: next.stance, words: next.words, updatedAt: now },
      }).returning();
    await appendAudit(tx, actorOf(principal), {
      action: previous ? 'committee.opinion_change' : 'committee.opinion_record', entity: 'case', entityId: caseId,
      before, after: { meetingId, memberId: principal.id, stance: next.stance, words: next.words }, reason,
    }, now);
    const [me] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, principal.id));
    return success(present(saved!, me?.name ?? null));
  });
}
