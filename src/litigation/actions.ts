// Reconsideration and litigation: load facts → apply the rule → write and audit in one transaction.
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import type { SurchargePause } from '../law/late-payment.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { findCaseRow } from '../cases/index.js';
import {
  checkClose, checkEnteredDate, checkHearing, computeLitigationYearFigures, surchargePausesOf, REVERSING_OUTCOMES,
  type ChallengeHearing, type ChallengeKind, type ChallengeOutcome, type ChallengeSubjectKind,
} from './rules.js';
import { challengesOfCases, challengesTouching, findChallenge, insertChallenge, listChallenges, updateChallenge, type ChallengeRow } from './queries.js';

const MANAGE = 'litigation.manage' as const;

const view = (c: ChallengeRow) => ({
  ...c,
  link: c.subjectKind === 'case' ? `/cases/${c.subjectId}` : null,
  pending: c.closedOn === null,
  reversed: c.outcome !== null && REVERSING_OUTCOMES.includes(c.outcome),
  actions: c.closedOn === null ? ['hearing', 'close'] : [],
});

export async function challengeList(db: Db) {
  return (await listChallenges(db)).map(view);
}

export async function challengeDetail(db: Db, id: number): Promise<Result<unknown>> {
  const c = await findChallenge(db, id);
  return c ? success(view(c)) : refuse('NOT_FOUND');
}

export interface ChallengeInput { kind: ChallengeKind; subjectKind: ChallengeSubjectKind; subjectId: string; subjectTitle: string; applicant: string; body: string; filedOn: string }

export async function recordChallenge(db: Db, principal: Principal, input: ChallengeInput, now: Date): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  const date = checkEnteredDate(input.filedOn, null, chinaDateOf(now), 'filedOn');
  if (!date.ok) return date;
  if (input.subjectKind === 'case') {
    // A challenge of a case names a case that exists, filed not before its decision.
    const caseRow = /^\d+$/.test(input.subjectId) && Number(input.subjectId) <= 2_147_483_647 ? await findCaseRow(db, Number(input.subjectId), null) : null;
    if (!caseRow) return refuse('CHALLENGE_SUBJECT_UNKNOWN', undefined, 'subjectId');
    if (caseRow.decidedOn && input.filedOn < caseRow.decidedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'filedOn');
  }
  return db.transaction(async (tx) => {
    const row = await insertChallenge(tx, { ...input, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'challenge.record', entity: 'challenge', entityId: row.id, after: row }, now);
    return success(view(row));
  });
}

export async function recordHearing(db: Db, principal: Principal, id: number, h: { heldOn: string; headAppeared: boolean; appearedBy: string; note?: string | null }, now: Date): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findChallenge(tx, id, 'update');
    if (!c) return refuse('NOT_FOUND');
    const hearing: ChallengeHearing = { heldOn: h.heldOn, headAppeared: h.headAppeared, appearedBy: h.appearedBy, note: h.note ?? null };
    const gate = checkHearing(c, hearing, chinaDateOf(now));
    if (!gate.ok) return gate;
    const hearings = [...c.hearings, hearing].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
    const row = await updateChallenge(tx, c, { hearings });
    await appendAudit(tx, actorOf(principal), { action: 'challenge.hearing', entity: 'challenge', entityId: id, before: { hearings: c.hearings }, after: { hearings } }, now);
    return success(view(row));
  });
}

export async function closeChallenge(db: Db, principal: Principal, id: number, input: { outcome: ChallengeOutcome; closedOn: string; changes?: string | null }, now: Date): Promise<Result<unknown>> {
  if (!can(principal, MANAGE)) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const c = await findChallenge(tx, id, 'update');
    if (!c) return refuse('NOT_FOUND');
    const close = { outcome: input.outcome, closedOn: input.closedOn, changes: input.changes?.trim() || null };
    const gate = checkClose(c, close, chinaDateOf(now));
    if (!gate.ok) return gate;
    const row = await updateChallenge(tx, c, close);
    await appendAudit(tx, actorOf(principal), { action: 'challenge.close', entity: 'challenge', entityId: id, before: { outcome: null, closedOn: null }, after: close }, now);
    return success(view(row));
  });
}

/** 行政处罚法 第七十三条第三款: the intervals each case's surcharge is not counted (registered with cases), by case id. */
export async function caseSurchargePauses(db: DbOrTx, caseIds: readonly number[]): Promise<Map<number, SurchargePause[]>> {
  const byCase = new Map<number, { filedOn: string; closedOn: string | null }[]>(caseIds.map((id) => [id, []]));
  for (const c of caseIds.length ? await challengesOfCases(db, caseIds) : []) byCase.get(Number(c.subjectId))?.push(c);
  return new Map([...byCase].map(([id, list]) => [id, surchargePausesOf(list)]));
}

/** The year's challenges, outcomes and rates for the year-end report. */
export async function litigationYearFigures(db: Db, year: number) {
  return computeLitigationYearFigures(await challengesTouching(db, year), year);
}
