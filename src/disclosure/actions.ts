// 行政处罚公示: load facts → apply the rule → write + audit, one transaction. The queue, preview, publication,
// withdrawal, and what the public reads (never the unredacted case).
import type { Db } from '../platform/db/index.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { appendAudit, type Actor } from '../platform/audit/log.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { loadBureauSettings } from '../settings/index.js';
import type { BoardSourceItem } from '../cases/index.js';
import {
  findPublication, findPublicationByCase, insertPublication, listPublicationsNeedingWithdrawal, listStaffPublications, listUnpublishedDecisions,
  loadDecisionSource, markWithdrawn, type PublicationRow,
} from './queries.js';
import { notifyDisclosureListeners } from './listeners.js';
import { APL_48_1, APL_48_2, buildPublicRecord, checkPublishable, checkWithdrawable, publicationDueOn, withdrawalDueOn, type PublicRecord } from './rules.js';

const actorOf = (p: Principal): Actor => ({ id: p.id, name: p.username, role: p.role });
const inScope = (p: Principal, districtId: number) => p.districtId === null || p.districtId === districtId;

type Source = NonNullable<Awaited<ReturnType<typeof loadDecisionSource>>>;
function recordOf(s: Source, agency: string): PublicRecord {
  return buildPublicRecord({
    partyKind: s.partyKind, enterpriseName: s.enterpriseName, creditCode: s.creditCode, legalRepresentative: s.legalRepresentative, address: s.address,
    districtName: s.districtName, decisionNumber: s.decisionNumber ?? '', decidedOn: s.decidedOn ?? '', cause: s.cause,
    violatedProvisions: s.proposal?.violatedProvisions ?? '', facts: s.proposal?.facts ?? '', basis: s.decision?.basis ?? s.proposal?.penaltyBasis ?? '',
    penaltyKinds: s.decision?.penaltyKinds ?? s.proposal?.penaltyKinds ?? [], fineFen: s.fineFen ?? 0, agency,
  });
}

/** The reviewer's queue: decisions due for publication, withdrawals due, and what is published. */
export async function publicationQueue(db: Db, principal: Principal, now: Date) {
  const todayOn = chinaDateOf(now);
  const cal = await loadWorkingCalendar(db);
  const settings = await loadBureauSettings(db);
  const due = (await listUnpublishedDecisions(db, principal.districtId)).map((d) => {
    const { dueOn, provisional } = publicationDueOn(cal, d.decidedOn!, settings.penaltyPublicationWorkingDays);
    return { ...d, dueOn, provisional, overdue: todayOn > dueOn, citation: APL_48_1, actions: ['preview', 'publish'] };
  });
  const withdrawals = (await listPublicationsNeedingWithdrawal(db, principal.districtId)).map((w) => {
    const { dueOn, provisional } = withdrawalDueOn(cal, w.changedOn);
    return {
      publicationId: w.publication.id, caseId: w.publication.caseId, decisionNumber: w.publication.decisionNumber, partyName: w.publication.record.partyName,
      districtName: w.districtName, changedOn: w.changedOn, dueOn, provisional, overdue: todayOn > dueOn, citation: APL_48_2, actions: ['withdraw'],
    };
  });
  const published = (await listStaffPublications(db, principal.districtId)).map((r) => ({
    ...publicView(r.publication), districtName: r.districtName, actions: r.publication.status === 'published' ? ['withdraw'] : [],
  }));
  return { todayOn, publicationWorkingDays: settings.penaltyPublicationWorkingDays, due, withdrawals, published };
}

/** The redacted record as it would be published (nothing written). */
export async function previewPublication(db: Db, principal: Principal, caseId: number): Promise<Result<{ record: PublicRecord; dueOn: string; provisional: boolean }>> {
  const s = await loadDecisionSource(db, caseId, false);
  if (!s || !inScope(principal, s.districtId)) return refuse('NOT_FOUND');
  const gate = checkPublishable({ decisionKind: s.decisionKind, decidedOn: s.decidedOn, published: (await findPublicationByCase(db, caseId)) !== null });
  if (!gate.ok) return gate;
  const settings = await loadBureauSettings(db);
  const { dueOn, provisional } = publicationDueOn(await loadWorkingCalendar(db), s.decidedOn!, settings.penaltyPublicationWorkingDays);
  return success({ record: recordOf(s, settings.bureau.name), dueOn, provisional });
}

/** 行政处罚法 第四十八条第一款: publishes the redacted record (the case row locked: one publication per case). */
export async function publishDecision(db: Db, principal: Principal, caseId: number, now: Date): Promise<Result<ReturnType<typeof publicView>>> {
  const settings = await loadBureauSettings(db);
  const cal = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    const s = await loadDecisionSource(tx, caseId, true);
    if (!s || !inScope(principal, s.districtId)) return refuse('NOT_FOUND');
    const gate = checkPublishable({ decisionKind: s.decisionKind, decidedOn: s.decidedOn, published: (await findPublicationByCase(tx, caseId)) !== null });
    if (!gate.ok) return gate;
    const record = recordOf(s, settings.bureau.name);
    const row = await insertPublication(tx, {
      caseId, districtId: s.districtId, enterpriseId: s.enterpriseId, decisionNumber: record.decisionNumber, decidedOn: s.decidedOn!, year: Number(s.decidedOn!.slice(0, 4)),
      fineFen: record.fineFen, record, status: 'published', dueOn: publicationDueOn(cal, s.decidedOn!, settings.penaltyPublicationWorkingDays).dueOn,
      publishedOn: chinaDateOf(now), publishedAt: now, publishedById: principal.id, updatedAt: now,
    });
    await appendAudit(tx, actorOf(principal), { action: 'disclosure.publish', entity: 'penalty_publication', entityId: row.id, after: row }, now);
    await notifyDisclosureListeners(tx, { kind: 'decision.published', entity: 'penalty_publication', entityId: row.id, data: publicView(row) }, now);
    return success(publicView(row));
  });
}

/** 行政处罚法 第四十八条第二款: withdraws a published record, its reason shown publicly in its place. */
export async function withdrawPublication(db: Db, principal: Principal, id: number, reason: string, now: Date): Promise<Result<ReturnType<typeof publicView>>> {
  return db.transaction(async (tx) => {
    const row = await findPublication(tx, id, true);
    if (!row || !inScope(principal, row.districtId)) return refuse('NOT_FOUND');
    const gate = checkWithdrawable(row, reason);
    if (!gate.ok) return gate;
    const after = await markWithdrawn(tx, id, { withdrawnOn: chinaDateOf(now), withdrawnAt: now, withdrawnById: principal.id, withdrawalReason: reason.trim() });
    await appendAudit(tx, actorOf(principal), { action: 'disclosure.withdraw', entity: 'penalty_publication', entityId: id, before: row, after }, now);
    await notifyDisclosureListeners(tx, { kind: 'decision.withdrawn', entity: 'penalty_publication', entityId: id, data: publicView(after) }, now);
    return success(publicView(after));
  });
}

/** What the public sees of a publication: the record while published; after withdrawal only that and why. */
export function publicView(r: PublicationRow) {
  const base = {
    id: r.id, status: r.status, decisionNumber: r.decisionNumber, partyName: r.record.partyName, districtId: r.districtId, districtName: r.record.districtName,
    enterpriseId: r.record.partyKind === 'organisation' ? r.enterpriseId : null, decidedOn: r.decidedOn, year: r.year,
    publishedOn: r.publishedOn, withdrawnOn: r.withdrawnOn, withdrawalReason: r.withdrawalReason,
  };
  // 已更正: the corrections made after data-error reports, shown with the record (not after a withdrawal).
  return { ...base, record: r.status === 'published' ? r.record : null, corrections: r.status === 'published' ? r.corrections : [] };
}
export type PublicDecision = ReturnType<typeof publicView>;

/** The deadlines board: publications and withdrawals overdue or due within `soonDays` (暂定 when provisional). */
export async function publicationBoardItems(db: Db, principal: Principal, todayOn: string, soonDays: number): Promise<BoardSourceItem[]> {
  if (!can(principal, 'disclosure.publish') && !can(principal, 'case.read')) return [];
  const q = await publicationQueue(db, principal, new Date(`${todayOn}T12:00:00+08:00`));
  const horizonOn = addDays(todayOn, soonDays);
  const mark = (p: boolean) => (p ? '（暂定）' : '');
  return [
    ...q.due.filter((d) => d.dueOn <= horizonOn).map((d) => ({
      source: 'disclosure', kind: 'penalty_publication', title: `行政处罚公示：${d.decisionNumber ?? d.number}${mark(d.provisional)}`, dueOn: d.dueOn,
      state: todayOn > d.dueOn ? 'overdue' as const : 'due_soon' as const, districtName: d.districtName, link: '/disclosure',
    })),
    ...q.withdrawals.filter((w) => w.dueOn <= horizonOn).map((w) => ({
      source: 'disclosure', kind: 'penalty_publication_withdrawal', title: `撤回公示：${w.decisionNumber}${mark(w.provisional)}`, dueOn: w.dueOn,
      state: todayOn > w.dueOn ? 'overdue' as const : 'due_soon' as const, districtName: w.districtName, link: '/disclosure',
    })),
  ];
}
