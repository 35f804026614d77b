// Case actions: load the facts, apply the rule, write the change, its timeline step and its audit
// row in one transaction. A refusal writes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/index.js';
import { refuse, success, type Outcome, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { can, inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { findEnterprise } from '../enterprises/queries.js';
import { caseOfficers, cases, caseSteps, committeeDiscussions, committeeMeetings, hearings, leads, legalReviews, payments, type LeadSource, type MajorFlags, type Proposal, type StepKind } from './tables.js';
import { allocateNumber, findCaseRow, findLead, findOfficers, findUser, loadCaseDetail, loadCaseFacts, type CaseRow } from './queries.js';
import {
  checkCaseReview, checkClosure, checkCollectiveDiscussion, checkCourtEnforcement, checkDecision, checkExtension, checkHearingHeld,
  checkHearingRequest, checkHearingSchedule, checkInvestigationRecord, checkLegalReview, checkNotification, checkPayment,
  checkService, checkStatement, checkSubmitForCaseReview, checkArchive, deriveStage, type CaseFacts,
} from './rules/procedure.js';
import { qualifiesForHearing } from './rules/major-case.js';
import { computeDueOn } from './rules/deadlines.js';
import { ACTION_PERMISSION, availableActions, type CaseActionName } from './rules/available-actions.js';
import { CITE } from './rules/citations.js';
import type { DecisionKind, PenaltyKind } from './rules/penalties.js';
import { loadCaseEnv, type CaseEnv } from './env.js';
import { CalendarRefusal } from './calendar.js';
import { checkExemptionDecision } from '../exemptions/hooks.js';
import { checkCaseFineAgainstBenchmark } from '../discretion/actions.js';
import { CASE_DOCUMENT_KINDS, caseDocumentFileName, DOCUMENT_KINDS, renderCaseDocument, type CaseDocumentKind } from './documents/index.js';
import { caseDocumentData, DEMO_BUREAU } from './documents/from-case.js';
import { loadCaseDocumentSource } from './documents/load.js';
import { formatDocumentNumber } from '../platform/documents/official.js';

export const CASE_NUMBER_PREFIX = DOCUMENT_KINDS['filing-approval'].prefix!;
/** Decision documents and their numbers; a withdrawal (撤销立案) is numbered in its own series. */
export const DECISION_NUMBER_PREFIX: Record<DecisionKind, string> = {
  penalty: DOCUMENT_KINDS['penalty-decision'].prefix!, no_penalty: DOCUMENT_KINDS['no-penalty-decision'].prefix!,
  exemption: DOCUMENT_KINDS['no-penalty-decision'].prefix!, transfer: DOCUMENT_KINDS['case-transfer'].prefix!, withdrawal: '烟环撤',
};

/** Takes the next gap-free number of a series for the year of `on`: 烟环罚〔2021〕12号. */
async function issueNumber(tx: Tx, prefix: string, on: string): Promise<string> {
  const year = Number(on.slice(0, 4));
  return formatDocumentNumber({ prefix, year, seq: await allocateNumber(tx, prefix, year) });
}

const FUTURE_DATE = (field: string) => refuse('DATE_IN_FUTURE', undefined, field);

// ---------- leads ----------

export interface LeadInput { source: LeadSource; enterpriseId: number; summary: string; sourceRef?: string | null; discoveredOn: string }

async function insertLead(tx: Tx, actor: Actor, env: CaseEnv, input: LeadInput, districtId: number, registeredById: number | null, now: Date) {
  const filingDueOn = computeDueOn(env.cal, 'filing', input.discoveredOn);
  const [row] = await tx.insert(leads).values({ ...input, sourceRef: input.sourceRef ?? null, districtId, filingDueOn, registeredById, createdAt: now }).returning();
  await appendAudit(tx, actor, { action: 'lead.register', entity: 'lead', entityId: row!.id, after: row }, now);
  return row!;
}

export async function registerLead(db: Db, principal: Principal, input: LeadInput, now: Date): Promise<Result<typeof leads.$inferSelect>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  if (input.discoveredOn > chinaDateOf(now)) return FUTURE_DATE('discoveredOn');
  const env = await loadCaseEnv(db);
  return catchRefusals(() => db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterpriseId, principal);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    return success(await insertLead(tx, actorOf(principal), env, input, enterprise.districtId, principal.id, now));
  }));
}

/** For other capabilities (online monitoring): an exceedance or complaint becomes a lead, registered by the system. */
export async function openLeadFromEvent(db: Db, input: LeadInput, now: Date): Promise<Result<typeof leads.$inferSelect>> {
  const env = await loadCaseEnv(db);
  return catchRefusals(() => db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterpriseId, null);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    return success(await insertLead(tx, { id: null, name: 'system', role: 'system' }, env, input, enterprise.districtId, null, now));
  }));
}

export interface FilingInput {
  cause: string;
  actOn: string;
  partyKind: 'organisation' | 'individual';
  officerIds: number[];
  leadOfficerId: number;
  major: MajorFlags;
  /** 行政处罚法 第三十六条: a five-year limitation applies where life/health safety or financial security was harmed. */
  longLimitation: boolean;
  /** Required when the filing window has passed. */
  lateReason?: string | null;
}

/** 立案: a leader files a lead as a case with at least two credentialed investigators. */
export async function fileLead(db: Db, principal: Principal, leadId: number, input: FilingInput, now: Date): Promise<Result<CaseRow>> {
  if (!can(principal, 'case.file')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  if (input.actOn > todayOn) return FUTURE_DATE('actOn');
  const env = await loadCaseEnv(db);
  return catchRefusals(() => db.transaction(async (tx) => {
    const lead = await findLead(tx, leadId, principal);
    if (!lead) return refuse('NOT_FOUND');
    if (lead.status !== 'open') return refuse('LEAD_NOT_OPEN');
    if (todayOn > lead.filingDueOn && !input.lateReason?.trim()) return refuse('FILING_LATE_REASON_REQUIRED', CITE.filingWindow, 'lateReason');
    // 行政处罚法 第三十六条: not discovered within two (five) years of the act → no penalty.
    const limitOn = `${Number(input.actOn.slice(0, 4)) + (input.longLimitation ? 5 : 2)}${input.actOn.slice(4)}`;
    if (lead.discoveredOn > limitOn) return refuse('LIMITATION_EXPIRED', CITE.limitation, 'actOn');
    const ids = [...new Set(input.officerIds)];
    if (!ids.includes(input.leadOfficerId)) return refuse('LEAD_OFFICER_NOT_ASSIGNED', undefined, 'leadOfficerId');
    const officers = await findOfficers(tx, ids);
    if (officers.length !== ids.length || officers.some((o) => o.role !== 'enforcement_officer' || !o.active)) return refuse('NOT_AN_OFFICER', undefined, 'officerIds');
    if (officers.filter((o) => o.credentialNo).length < 2) return refuse('TWO_OFFICERS_REQUIRED', CITE.twoOfficers, 'officerIds');
    if (officers.some((o) => o.districtId !== null && o.districtId !== lead.districtId)) return refuse('OFFICER_OUT_OF_DISTRICT', undefined, 'officerIds');
    const number = await issueNumber(tx, CASE_NUMBER_PREFIX, todayOn);
    const [row] = await tx.insert(cases).values({
      number, leadId, enterpriseId: lead.enterpriseId, districtId: lead.districtId, partyKind: input.partyKind, cause: input.cause,
      actOn: input.actOn, stage: 'investigating', filedOn: todayOn, filedById: principal.id,
      decisionDueOn: computeDueOn(env.cal, 'decision', todayOn), major: input.major, createdAt: now, updatedAt: now,
    }).returning();
    await tx.insert(caseOfficers).values(ids.map((userId) => ({ caseId: row!.id, userId, lead: userId === input.leadOfficerId })));
    await tx.update(leads).set({ status: 'filed' }).where(eq(leads.id, leadId));
    await tx.insert(caseSteps).values({ caseId: row!.id, kind: 'filing', occurredOn: todayOn, actorId: principal.id, officerIds: ids, data: { number, lateReason: input.lateReason ?? null, longLimitation: input.longLimitation }, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'case.file', entity: 'case', entityId: row!.id, after: row, reason: input.lateReason ?? null }, now);
    await appendAudit(tx, actorOf(principal), { action: 'lead.file', entity: 'lead', entityId: leadId, before: { status: 'open' }, after: { status: 'filed', caseId: row!.id } }, now);
    return success(row!);
  }));
}

export async function dismissLead(db: Db, principal: Principal, leadId: number, reason: string, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'case.file')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const lead = await findLead(tx, leadId, principal);
    if (!lead) return refuse('NOT_FOUND');
    if (lead.status !== 'open') return refuse('LEAD_NOT_OPEN');
    await tx.update(leads).set({ status: 'dismissed', dismissReason: reason }).where(eq(leads.id, leadId));
    await appendAudit(tx, actorOf(principal), { action: 'lead.dismiss', entity: 'lead', entityId: leadId, before: { status: 'open' }, after: { status: 'dismissed' }, reason }, now);
    return success({ id: leadId });
  });
}

// ---------- case actions ----------

export interface ActionInputs {
  record_investigation: { kind: 'inspection_record' | 'inquiry_record' | 'sampling' | 'evidence_registration' | 'evidence_preservation'; occurredOn: string; officerIds: number[]; summary: string; details?: Record<string, unknown> };
  submit: { proposal: Proposal };
  case_review: { outcome: 'passed' | 'returned'; opinion: string };
  legal_review: { findings: typeof legalReviews.$inferInsert['findings']; outcome: 'passed' | 'returned' | 'rejected'; opinion: string };
  collective_discussion: { meetingId: number; opinions: { memberId: number; opinion: string }[]; decision: 'approve' | 'amend' | 'no_penalty' | 'transfer' | 'investigate_further'; conclusion: string };
  notify: { servedOn: string; content: string };
  statement: { receivedOn: string; content: string; adopted: boolean; waived: boolean };
  request_hearing: { requestedOn: string };
  schedule_hearing: { hostId: number; noticeOn: string; scheduledOn: string; location: string };
  hold_hearing: { heldOn: string; record: string };
  extend: { days: number; reason: string };
  decide: { kind: DecisionKind; penaltyKinds: PenaltyKind[]; fineFen: number; reasons: string; basis: string; transferTo?: string | null };
  serve: { servedOn: string; method: 'in_person' | 'mail' | 'electronic' | 'public_notice'; receiver: string };
  pay: { paidOn: string; amountFen: number; receiptNo?: string | null };
  court_enforcement: { appliedOn: string; court: string };
  close: { summary: string };
  archive: Record<string, never>;
}

interface Ctx { tx: Tx; row: CaseRow; facts: CaseFacts; env: CaseEnv; todayOn: string; principal: Principal; now: Date }
type Handler<A extends CaseActionName> = (ctx: Ctx, input: ActionInputs[A]) => Promise<Outcome & { step?: { kind: StepKind; occurredOn: string; officerIds?: number[]; data: Record<string, unknown> } }>;

const dateNotFuture = (todayOn: string, field: string, on: string): Outcome => (on > todayOn ? FUTURE_DATE(field) : { ok: true });
const step = (kind: StepKind, occurredOn: string, data: Record<string, unknown>, officerIds: number[] = []) => ({ ok: true as const, step: { kind, occurredOn, data, officerIds } });

const HANDLERS: { [A in CaseActionName]: Handler<A> } = {
  async record_investigation({ tx, facts, env, todayOn }, input) {
    const d = dateNotFuture(todayOn, 'occurredOn', input.occurredOn);
    if (!d.ok) return d;
    const officers = await findOfficers(tx, [...new Set(input.officerIds)]);
    const gate = checkInvestigationRecord(facts, env.thresholds, todayOn, officers.filter((o) => o.role === 'enforcement_officer'));
    if (!gate.ok) return gate;
    const extra = input.kind === 'evidence_preservation' ? { decisionDueOn: computeDueOn(env.cal, 'evidencePreservation', input.occurredOn) } : {};
    return step(input.kind, input.occurredOn, { summary: input.summary, ...input.details, ...extra }, officers.map((o) => o.id));
  },
  async submit({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkSubmitForCaseReview(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    await tx.update(cases).set({ proposal: input.proposal, submittedAt: now, caseReviewPassedAt: null }).where(eq(cases.id, row.id));
    return step('submission', todayOn, { ...input.proposal });
  },
  async case_review({ tx, row, facts, env, todayOn, principal, now }, input) {
    const gate = checkCaseReview(facts, env.thresholds, todayOn, principal.id);
    if (!gate.ok) return gate;
    await tx.update(cases).set(input.outcome === 'passed' ? { caseReviewPassedAt: now } : { submittedAt: null, caseReviewPassedAt: null }).where(eq(cases.id, row.id));
    return step('case_review', todayOn, input);
  },
  async legal_review({ tx, row, facts, env, todayOn, principal, now }, input) {
    const reviewer = (await findUser(tx, principal.id))!;
    const earlier = await tx.select({ id: legalReviews.id }).from(legalReviews).where(eq(legalReviews.reviewerId, principal.id)).limit(1);
    const gate = checkLegalReview(facts, env.thresholds, todayOn, {
      id: principal.id, isLegalReviewer: reviewer.role === 'legal_reviewer', holdsLegalQualification: reviewer.holdsLegalQualification, firstTimeReviewer: earlier.length === 0,
    });
    if (!gate.ok) return gate;
    const failed = Object.entries(input.findings).filter(([, v]) => !v.ok).map(([k]) => k);
    if (input.outcome === 'passed' && failed.length) return refuse('REVIEW_FINDINGS_CONTRADICT_OUTCOME', CITE.legalReview, `findings.${failed[0]}`);
    await tx.insert(legalReviews).values({ caseId: row.id, reviewerId: principal.id, findings: input.findings, outcome: input.outcome, opinion: input.opinion, reviewedAt: now });
    const documentNumber = await issueNumber(tx, DOCUMENT_KINDS['legal-review-opinion'].prefix!, todayOn);
    // Returned: more investigation; rejected: the proposal goes back to case review.
    if (input.outcome === 'returned') await tx.update(cases).set({ submittedAt: null, caseReviewPassedAt: null }).where(eq(cases.id, row.id));
    if (input.outcome === 'rejected') await tx.update(cases).set({ caseReviewPassedAt: null }).where(eq(cases.id, row.id));
    return step('legal_review', todayOn, { ...input, documentNumber });
  },
  async collective_discussion({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkCollectiveDiscussion(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    const [meeting] = await tx.select().from(committeeMeetings).where(eq(committeeMeetings.id, input.meetingId));
    if (!meeting) return refuse('MEETING_UNKNOWN', undefined, 'meetingId');
    // 重大行政执法案件审查委员会工作规则: a quorum of more than half the members attends.
    if (meeting.attendeeIds.length * 2 <= meeting.memberIds.length) return refuse('QUORUM_NOT_MET', CITE.collectiveDiscussion, 'meetingId');
    const [already] = await tx.select({ id: committeeDiscussions.id }).from(committeeDiscussions)
      .where(and(eq(committeeDiscussions.meetingId, meeting.id), eq(committeeDiscussions.caseId, row.id)));
    if (already) return refuse('CASE_ALREADY_DISCUSSED_AT_MEETING', undefined, 'meetingId');
    const strangers = input.opinions.filter((o) => !meeting.attendeeIds.includes(o.memberId));
    if (strangers.length) return refuse('OPINION_FROM_ABSENT_MEMBER', undefined, 'opinions');
    await tx.insert(committeeDiscussions).values({ meetingId: meeting.id, caseId: row.id, opinions: input.opinions, decision: input.decision, conclusion: input.conclusion, decidedAt: now });
    if (input.decision === 'investigate_further') await tx.update(cases).set({ submittedAt: null, caseReviewPassedAt: null }).where(eq(cases.id, row.id));
    else await tx.update(cases).set({ committeeDecidedAt: now }).where(eq(cases.id, row.id));
    return step('collective_discussion', meeting.heldOn, { meetingId: meeting.id, decision: input.decision, conclusion: input.conclusion });
  },
  async notify({ tx, row, facts, env, todayOn }, input) {
    const d = dateNotFuture(todayOn, 'servedOn', input.servedOn);
    if (!d.ok) return d;
    const gate = checkNotification(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    const proposal = row.proposal!;
    const hearingOffered = qualifiesForHearing({ partyKind: row.partyKind, penaltyKinds: proposal.penaltyKinds, fineFen: proposal.fineFen }, env.thresholds);
    const notification = {
      servedOn: input.servedOn,
      statementDueOn: computeDueOn(env.cal, 'statement', input.servedOn),
      hearingOffered,
      hearingRequestDueOn: hearingOffered ? computeDueOn(env.cal, 'hearingRequest', input.servedOn) : null,
      proposedFineFen: proposal.fineFen,
      // 行政处罚法 第四十四条 / 第六十四条: one notice, the hearing notice where a hearing is offered.
      documentNumber: await issueNumber(tx, DOCUMENT_KINDS[hearingOffered ? 'hearing-notice' : 'prior-notice'].prefix!, input.servedOn),
    };
    await tx.update(cases).set({ notification }).where(eq(cases.id, row.id));
    return step('notification', input.servedOn, { ...notification, content: input.content });
  },
  async statement({ tx, row, facts, env, todayOn }, input) {
    const gate = checkStatement(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    if (input.receivedOn < facts.notification!.servedOn) return refuse('DATE_BEFORE_NOTIFICATION', undefined, 'receivedOn');
    if (input.waived) await tx.update(cases).set({ statementWaived: true }).where(eq(cases.id, row.id));
    return step('statement', input.receivedOn, input);
  },
  async request_hearing({ tx, row, facts, env, todayOn }, input) {
    const d = dateNotFuture(todayOn, 'requestedOn', input.requestedOn);
    if (!d.ok) return d;
    const gate = checkHearingRequest(facts, env.thresholds, todayOn, input.requestedOn);
    if (!gate.ok) return gate;
    await tx.insert(hearings).values({ caseId: row.id, requestedOn: input.requestedOn });
    return step('hearing_request', input.requestedOn, input);
  },
  async schedule_hearing({ tx, row, facts, env, todayOn }, input) {
    const host = await findUser(tx, input.hostId);
    if (!host || !host.active) return refuse('USER_UNKNOWN', undefined, 'hostId');
    const gate = checkHearingSchedule(facts, env.thresholds, todayOn, { ...input, earliestOn: computeDueOn(env.cal, 'hearingNotice', input.noticeOn) });
    if (!gate.ok) return gate;
    await tx.update(hearings).set({ hostId: input.hostId, noticeOn: input.noticeOn, scheduledOn: input.scheduledOn, location: input.location }).where(eq(hearings.caseId, row.id));
    return step('hearing_scheduled', input.noticeOn, input);
  },
  async hold_hearing({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkHearingHeld(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    if (input.heldOn < facts.hearing!.scheduledOn!) return refuse('DATE_BEFORE_SCHEDULE', undefined, 'heldOn');
    const d = dateNotFuture(todayOn, 'heldOn', input.heldOn);
    if (!d.ok) return d;
    await tx.update(hearings).set({ heldAt: now, record: input.record }).where(eq(hearings.caseId, row.id));
    return step('hearing_held', input.heldOn, input);
  },
  async extend({ tx, row, facts, env, todayOn }, input) {
    const gate = checkExtension(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    const extensions = await tx.select({ data: caseSteps.data }).from(caseSteps).where(eq(caseSteps.caseId, row.id));
    const extraDays = extensions.reduce((s, e) => s + (typeof e.data.extensionDays === 'number' ? e.data.extensionDays : 0), 0) + input.days;
    const decisionDueOn = computeDueOn(env.cal, 'decision', row.filedOn, extraDays);
    await tx.update(cases).set({ decisionDueOn }).where(eq(cases.id, row.id));
    return step('extension', todayOn, { extensionDays: input.days, reason: input.reason, decisionDueOn });
  },
  async decide({ tx, row, facts, env, todayOn }, input) {
    const fineFen = input.kind === 'penalty' && input.penaltyKinds.includes('fine') ? input.fineFen : 0;
    if (input.kind === 'penalty' && input.penaltyKinds.includes('fine') && fineFen <= 0) return refuse('FINE_REQUIRED', undefined, 'fineFen');
    if (input.kind === 'penalty' && !input.penaltyKinds.length) return refuse('PENALTY_KIND_REQUIRED', undefined, 'penaltyKinds');
    if (input.kind === 'transfer' && !input.transferTo?.trim()) return refuse('TRANSFER_TARGET_REQUIRED', CITE.transferCrime, 'transferTo');
    const gate = checkDecision(facts, env.thresholds, todayOn, { kind: input.kind, fineFen });
    if (!gate.ok) return gate;
    // 行政处罚法 第三十三条: 免罚 only through an exemption applied from the catalogue in force.
    if (input.kind === 'exemption') {
      const exemption = await checkExemptionDecision(tx, row.id);
      if (!exemption.ok) return exemption;
    }
    // 行政处罚法 第三十四条: a decided fine that departs from the benchmark needs the written reason the legal review saw.
    if (input.kind === 'penalty' && fineFen > 0) {
      const benchmark = await checkCaseFineAgainstBenchmark(tx, row.id, fineFen, row.proposal?.discretionReason ?? null);
      if (!benchmark.ok) return { ...benchmark, field: 'fineFen' };
    }
    const decisionNumber = await issueNumber(tx, DECISION_NUMBER_PREFIX[input.kind], todayOn);
    await tx.update(cases).set({
      decisionKind: input.kind, decisionFineFen: fineFen, decisionNumber, decidedOn: todayOn,
      decision: { penaltyKinds: input.kind === 'penalty' ? input.penaltyKinds : [], reasons: input.reasons, basis: input.basis, transferTo: input.transferTo ?? undefined },
    }).where(eq(cases.id, row.id));
    return step('decision', todayOn, { ...input, fineFen, decisionNumber, serviceDueOn: computeDueOn(env.cal, 'service', todayOn) });
  },
  async serve({ tx, row, facts, env, todayOn }, input) {
    const d = dateNotFuture(todayOn, 'servedOn', input.servedOn);
    if (!d.ok) return d;
    const gate = checkService(facts, env.thresholds, todayOn, input.servedOn);
    if (!gate.ok) return gate;
    const paymentDueOn = row.decisionKind === 'penalty' && (row.decisionFineFen ?? 0) > 0 ? computeDueOn(env.cal, 'payment', input.servedOn) : null;
    await tx.update(cases).set({ servedOn: input.servedOn, paymentDueOn }).where(eq(cases.id, row.id));
    return step('service', input.servedOn, { ...input, paymentDueOn });
  },
  async pay({ tx, row, facts, env, todayOn, now }, input) {
    const d = dateNotFuture(todayOn, 'paidOn', input.paidOn);
    if (!d.ok) return d;
    const gate = checkPayment(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    if (input.amountFen > facts.amountDueFen - facts.paidFen) return refuse('PAYMENT_EXCEEDS_AMOUNT_DUE', CITE.latePayment, 'amountFen', { dueFen: facts.amountDueFen - facts.paidFen });
    await tx.insert(payments).values({ caseId: row.id, paidOn: input.paidOn, amountFen: input.amountFen, receiptNo: input.receiptNo ?? null, createdAt: now });
    return step('payment', input.paidOn, input);
  },
  async court_enforcement({ tx, row, facts, env, todayOn }, input) {
    const gate = checkCourtEnforcement(facts, env.thresholds, todayOn, row.paymentDueOn);
    if (!gate.ok) return gate;
    await tx.update(cases).set({ courtEnforcementAppliedOn: input.appliedOn }).where(eq(cases.id, row.id));
    return step('court_enforcement', input.appliedOn, input);
  },
  async close({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkClosure(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    await tx.update(cases).set({ closedAt: now }).where(eq(cases.id, row.id));
    return step('closure', todayOn, { ...input, documentNumber: await issueNumber(tx, DOCUMENT_KINDS['closure-approval'].prefix!, todayOn) });
  },
  async archive({ tx, row, facts, env, todayOn, now }) {
    const gate = checkArchive(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    await tx.update(cases).set({ archivedAt: now }).where(eq(cases.id, row.id));
    return step('archive', todayOn, {});
  },
};

/** Runs one procedure step on a case: permission, scope, rule, write, timeline, audit — or a refusal and nothing written. */
export async function runCaseAction<A extends CaseActionName>(db: Db, principal: Principal, caseId: number, action: A, input: ActionInputs[A], now: Date): Promise<Result<CaseRow>> {
  if (!can(principal, ACTION_PERMISSION[action])) return refuse('FORBIDDEN');
  const env = await loadCaseEnv(db);
  const todayOn = chinaDateOf(now);
  return catchRefusals(() => db.transaction(async (tx) => {
      const row = await findCaseRow(tx, caseId, principal, true);
      if (!row) return refuse('NOT_FOUND');
      const facts = await loadCaseFacts(tx, row, (paid) => amountDue(env, row, todayOn, paid));
      const result = await HANDLERS[action]({ tx, row, facts, env, todayOn, principal, now }, input);
      // A refusal after partial writes must leave nothing behind.
      if (!result.ok) throw new RefusalAbort(result);
      if (result.step) {
        await tx.insert(caseSteps).values({ caseId, kind: result.step.kind, occurredOn: result.step.occurredOn, actorId: principal.id, officerIds: result.step.officerIds ?? [], data: result.step.data, createdAt: now });
      }
      const updated = (await findCaseRow(tx, caseId, null))!;
      const newFacts = await loadCaseFacts(tx, updated, (paid) => amountDue(env, updated, todayOn, paid));
      const stage = deriveStage(newFacts, env.thresholds, todayOn);
      const [saved] = await tx.update(cases).set({ stage, version: updated.version + 1, updatedAt: now }).where(eq(cases.id, caseId)).returning();
      await appendAudit(tx, actorOf(principal), {
        action: `case.${action}`, entity: 'case', entityId: caseId, before: { stage: row.stage, version: row.version }, after: { stage, input },
      }, now);
      return success(saved!);
  }));
}

class RefusalAbort extends Error {
  constructor(readonly refusal: Refusal) { super(refusal.code); }
}

/** Refusals raised mid-transaction (rolled back) come out as ordinary refusals. */
async function catchRefusals<T>(fn: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RefusalAbort || err instanceof CalendarRefusal) return err.refusal;
    throw err;
  }
}

/** Fine plus the late-payment surcharge accrued until the fine was paid in full, or until today (行政处罚法 第七十二条). */
function amountDue(env: CaseEnv, row: CaseRow, todayOn: string, paid: { paidOn: string; amountFen: number }[]): number {
  const fine = row.decisionKind === 'penalty' ? row.decisionFineFen ?? 0 : 0;
  if (!fine || !row.paymentDueOn) return fine;
  let cumulative = 0;
  const finePaidOn = paid.find((p) => (cumulative += p.amountFen) >= fine)?.paidOn;
  return fine + env.surchargeFen(fine, row.paymentDueOn, finePaidOn ?? todayOn);
}

/** The case as the API shows it: facts, stage, deadlines and the actions the principal may take now. */
export async function presentCase(db: Db, principal: Principal, row: CaseRow, now: Date) {
  const env = await loadCaseEnv(db);
  const todayOn = chinaDateOf(now);
  const facts = await loadCaseFacts(db, row, (paid) => amountDue(env, row, todayOn, paid));
  const detail = await loadCaseDetail(db, row);
  return {
    ...row,
    stage: deriveStage(facts, env.thresholds, todayOn),
    amountDueFen: facts.amountDueFen,
    paidFen: facts.paidFen,
    ...detail,
    actions: availableActions(facts, env.thresholds, todayOn, (p) => can(principal, p) && inDistrictScope(principal, row.districtId)),
  };
}

export async function createCommitteeMeeting(db: Db, principal: Principal, input: { heldOn: string; location: string; chairId: number; memberIds: number[]; attendeeIds: number[]; minutes: string }, now: Date) {
  if (!can(principal, 'committee.manage')) return refuse('FORBIDDEN');
  if (input.heldOn > chinaDateOf(now)) return FUTURE_DATE('heldOn');
  const members = [...new Set(input.memberIds)];
  const attendees = [...new Set(input.attendeeIds)];
  if (!members.includes(input.chairId)) return refuse('CHAIR_NOT_A_MEMBER', undefined, 'chairId');
  if (attendees.some((a) => !members.includes(a))) return refuse('ATTENDEE_NOT_A_MEMBER', undefined, 'attendeeIds');
  return db.transaction(async (tx) => {
    const users = await findOfficers(tx, members);
    if (users.length !== members.length) return refuse('USER_UNKNOWN', undefined, 'memberIds');
    const [row] = await tx.insert(committeeMeetings).values({ ...input, memberIds: members, attendeeIds: attendees, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'committee.meeting', entity: 'committee_meeting', entityId: row!.id, after: row }, now);
    return success(row!);
  });
}

/** Each official document of the case with its number, and whether the case's records can fill it yet. */
export async function listCaseDocuments(db: Db, row: CaseRow, now: Date) {
  const source = await documentSourceOf(db, row, now);
  return CASE_DOCUMENT_KINDS.map((kind) => {
    const data = caseDocumentData(kind, source);
    const number = data.ok ? (data.value as { documentNumber?: string }).documentNumber ?? null : null;
    return { kind, zh: DOCUMENT_KINDS[kind].zh, en: DOCUMENT_KINDS[kind].en, basis: DOCUMENT_KINDS[kind].basis, available: data.ok, number };
  });
}

export async function renderDocumentOfCase(db: Db, row: CaseRow, kind: CaseDocumentKind, stepId: number | undefined, now: Date): Promise<Result<{ buffer: Buffer; fileName: string }>> {
  const data = caseDocumentData(kind, await documentSourceOf(db, row, now), DEMO_BUREAU, stepId);
  if (!data.ok) return data;
  const buffer = await renderCaseDocument(kind, data.value as never);
  return success({ buffer, fileName: caseDocumentFileName(kind, (data.value as { documentNumber?: string }).documentNumber) });
}

async function documentSourceOf(db: Db, row: CaseRow, now: Date) {
  const env = await loadCaseEnv(db);
  const todayOn = chinaDateOf(now);
  const facts = await loadCaseFacts(db, row, (paid) => amountDue(env, row, todayOn, paid));
  return loadCaseDocumentSource(db, row, facts.amountDueFen);
}
