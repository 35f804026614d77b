// Case actions: load the facts, apply the rule, write the change, its timeline step and its audit
// row in one transaction. A refusal writes nothing.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/index.js';
import { refuse, success, type Outcome, type Refusal, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { can, inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { findEnterprise } from '../enterprises/index.js';
import { caseOfficers, cases, caseSteps, committeeDiscussions, committeeMeetings, hearings, leads, legalReviews, payments, type LeadSource, type MajorFlags, type Proposal, type StepKind } from './tables.js';
import { allocateNumber, findCaseRow, findLead, findOfficers, findUser, loadCaseDetail, loadCaseFacts, loadCaseRecords, type CaseRow } from './queries.js';
import {
  checkCaseReview, checkClosure, checkCollectiveDiscussion, checkDecision, checkHearingHeld, hearingPending,
  checkHearingRequest, checkHearingSchedule, checkInvestigationRecord, checkLegalReview, checkNotification, checkPayment,
  checkService, checkStatement, checkSubmitForCaseReview, checkArchive, deriveStage, checkRenotification, validPassedReview, type CaseFacts,
} from './rules/procedure.js';
import { qualifiesForHearing } from './rules/major-case.js';
import type { StoredNotification } from './tables.js';
import { computeDueOn } from './rules/deadlines.js';
import { ACTION_PERMISSION, availableActions, type CaseActionName } from './rules/available-actions.js';
import { CITE } from './rules/citations.js';
import { NO_RECORDS, paymentScheduleOf, type CaseRecords, type ExcludedPeriodKind, type RemedyKind, type RemedyOutcome } from './rules/case-records.js';
import { checkCaseExtension, checkExcludedPeriod, checkNoExtensionField, computeDecisionExtraDays } from './rules/case-period.js';
import {
  checkCourtEnforcementWindow, checkPaymentArrangement, checkReminder, checkRemedyEnded, checkRemedyFiled, computeCourtEnforcementWindow, executionFactsOf, REMINDER_WORKING_DAYS,
} from './rules/execution.js';
import { checkHearingAbsence, checkNotSuspended, checkServiceConsent, checkServiceMethod, serviceDatesOf, type ServiceMethod } from './rules/service.js';
import { computeScheduledSurchargeFen, type SurchargePause } from '../law/late-payment.js';
import { checkFilingExtension, checkFilingInTime, checkFilingLimitation, computeExtendedFilingDueOn } from './rules/filing.js';
import type { DecisionKind, PenaltyKind } from './rules/penalties.js';
import { loadCaseEnv, type CaseEnv } from './env.js';
import { loadCaseDeadlines, recordDeadlines } from './deadline-records.js';
import { allowsMitigation, checkCaseFineAgainstBenchmark, checkExemptionDecision, groundsOfCase, legalRangeOfProvision, recordedGroundsOfCase } from './decision-checks.js';
import { checkNoPenaltyGround, type NoPenaltyGroundCode } from './rules/no-penalty-ground.js';
import { checkGovernmentApproval, type GovernmentApproval } from './rules/government-approval.js';
import { checkFineCeiling, checkFineInLegalRange, checkPenaltyProvisionNamed } from './rules/fine-range.js';
import { afterFiling, checkRecordDate, meetingPredecessors, noticePredecessors } from './rules/record-dates.js';
import { CASE_DOCUMENT_KINDS, caseDocumentFileName, DOCUMENT_KINDS, renderCaseDocument, type CaseDocumentKind } from './documents/index.js';
import { bureauProfileOf, caseDocumentData, type CaseDocumentSource } from './documents/from-case.js';
import type { DocumentSeries } from '../settings/index.js';
import { loadCaseDocumentSource } from './documents/load.js';
import { formatDocumentNumber } from '../platform/documents/official.js';
import { refusalMessage } from '../platform/http/outcome-to-http.js';
import type { Locale } from '../platform/i18n/messages.js';
import { nextStep, stagePathOf } from './rules/next-step.js';
import { explainRefusal } from './rules/preconditions.js';
import { isCurrentOpinion, mergeDiscussionOpinions } from './rules/member-opinion.js';
import { loadSelfRecordedOpinions } from './member-opinions.js';

/** The series each decision kind is numbered in; a withdrawal (撤销立案) has its own. Prefixes are bureau settings. */
const DECISION_SERIES: Record<DecisionKind, DocumentSeries> = {
  penalty: 'penalty-decision', no_penalty: 'no-penalty-decision', exemption: 'no-penalty-decision', transfer: 'case-transfer', withdrawal: 'withdrawal',
};
/** The 机关代字 of a series, from the bureau settings (烟环罚 …). */
const prefixOf = (env: CaseEnv, series: DocumentSeries): string => env.settings.documentPrefixes[series];

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
  await recordDeadlines(tx, env.cal, { leadId: row!.id }, now);
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
  /** 行政处罚法 第三十六条第二款: a continuing or repeated violation, counted from its end (`actEndedOn`, null while it continues). */
  continuing?: boolean;
  actEndedOn?: string | null;
  /** Accepted for older clients and recorded; a late filing rests on the head's approved extension (filing.ts). */
  lateReason?: string | null;
}

/** 立案: a leader files a lead as a case with at least two credentialed investigators. */
export async function fileLead(db: Db, principal: Principal, leadId: number, input: FilingInput, now: Date): Promise<Result<CaseRow>> {
  if (!can(principal, 'case.file')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  if (input.actOn > todayOn) return FUTURE_DATE('actOn');
  const env = await loadCaseEnv(db);
  return catchRefusals(() => db.transaction(async (tx) => {
    const lead = await findLead(tx, leadId, principal, true);
    if (!lead) return refuse('NOT_FOUND');
    if (lead.status !== 'open') return refuse('LEAD_NOT_OPEN');
    // 生态环境行政处罚办法 (unconfirmed): after the filing window only with the head's approved extension.
    const inTime = checkFilingInTime(lead, todayOn);
    if (!inTime.ok) return inTime;
    // 行政处罚法 第三十六条, 第三十七条: the tested limitation rule, continuing violations from their end.
    if (input.actEndedOn && input.actEndedOn > todayOn) return FUTURE_DATE('actEndedOn');
    const limitation = checkFilingLimitation({ ...input, continuing: input.continuing ?? false, discoveredOn: lead.discoveredOn });
    if (!limitation.ok) return limitation;
    const ids = [...new Set(input.officerIds)];
    if (!ids.includes(input.leadOfficerId)) return refuse('LEAD_OFFICER_NOT_ASSIGNED', undefined, 'leadOfficerId');
    const officers = await findOfficers(tx, ids);
    if (officers.length !== ids.length || officers.some((o) => o.role !== 'enforcement_officer' || !o.active)) return refuse('NOT_AN_OFFICER', undefined, 'officerIds');
    if (officers.filter((o) => o.credentialNo).length < 2) return refuse('TWO_OFFICERS_REQUIRED', CITE.twoOfficers, 'officerIds');
    if (officers.some((o) => o.districtId !== null && o.districtId !== lead.districtId)) return refuse('OFFICER_OUT_OF_DISTRICT', undefined, 'officerIds');
    const number = await issueNumber(tx, prefixOf(env, 'filing-approval'), todayOn);
    const [row] = await tx.insert(cases).values({
      number, leadId, enterpriseId: lead.enterpriseId, districtId: lead.districtId, partyKind: input.partyKind, cause: input.cause,
      actOn: input.actOn, stage: 'investigating', filedOn: todayOn, filedById: principal.id,
      decisionDueOn: computeDueOn(env.cal, 'decision', todayOn), major: input.major, createdAt: now, updatedAt: now,
    }).returning();
    await tx.insert(caseOfficers).values(ids.map((userId) => ({ caseId: row!.id, userId, lead: userId === input.leadOfficerId })));
    await recordDeadlines(tx, env.cal, { caseId: row!.id }, now);
    await tx.update(leads).set({ status: 'filed' }).where(eq(leads.id, leadId));
    await tx.insert(caseSteps).values({ caseId: row!.id, kind: 'filing', occurredOn: todayOn, actorId: principal.id, officerIds: ids, data: { number, lateReason: input.lateReason ?? null, longLimitation: input.longLimitation, continuing: input.continuing ?? false, actEndedOn: input.actEndedOn ?? null, filingExtension: lead.filingExtension ?? null }, createdAt: now });
    await appendAudit(tx, actorOf(principal), { action: 'case.file', entity: 'case', entityId: row!.id, after: row, reason: input.lateReason ?? null }, now);
    await appendAudit(tx, actorOf(principal), { action: 'lead.file', entity: 'lead', entityId: leadId, before: { status: 'open' }, after: { status: 'filed', caseId: row!.id } }, now);
    return success(row!);
  }));
}

/** The head's approval of a longer filing window (生态环境行政处罚办法, unconfirmed), recorded on the lead and audited. */
export async function extendFilingWindow(db: Db, principal: Principal, leadId: number, input: { approvedOn: string; days: number; reason: string }, now: Date): Promise<Result<typeof leads.$inferSelect>> {
  if (!can(principal, 'case.file')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const env = await loadCaseEnv(db);
  return catchRefusals(() => db.transaction(async (tx) => {
    const lead = await findLead(tx, leadId, principal, true);
    if (!lead) return refuse('NOT_FOUND');
    const gate = checkFilingExtension(lead, input, todayOn);
    if (!gate.ok) return gate;
    const filingDueOn = computeExtendedFilingDueOn(env.cal, lead, input);
    const filingExtension = { approvedOn: input.approvedOn, days: input.days, reason: input.reason, approvedById: principal.id };
    const [row] = await tx.update(leads).set({ filingDueOn, filingExtension }).where(eq(leads.id, leadId)).returning();
    await recordDeadlines(tx, env.cal, { leadId }, now);
    await appendAudit(tx, actorOf(principal), {
      action: 'lead.extend_filing', entity: 'lead', entityId: leadId, before: { filingDueOn: lead.filingDueOn }, after: { filingDueOn, filingExtension }, reason: input.reason,
    }, now);
    return success(row!);
  }));
}

export async function dismissLead(db: Db, principal: Principal, leadId: number, reason: string, now: Date): Promise<Result<{ id: number }>> {
  if (!can(principal, 'case.file')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const lead = await findLead(tx, leadId, principal, true);
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
  collective_discussion: { meetingId: number; opinions?: { memberId: number; opinion: string }[]; decision: 'approve' | 'amend' | 'no_penalty' | 'transfer' | 'investigate_further'; conclusion: string };
  notify: { servedOn: string; content: string };
  renotify: { servedOn: string; content: string; reason: string; proposal: Proposal };
  statement: { receivedOn: string; content: string; adopted: boolean; waived: boolean; hearingWaived?: boolean };
  request_hearing: { requestedOn: string };
  schedule_hearing: { hostId: number; noticeOn: string; scheduledOn: string; location: string };
  hold_hearing: { heldOn: string; record: string };
  extend: { approvedOn: string; days: number; reason: string; meetingId?: number | null };
  decide: {
    kind: DecisionKind; penaltyKinds: PenaltyKind[]; fineFen: number; reasons: string; basis: string; transferTo?: string | null;
    noPenaltyGround?: NoPenaltyGroundCode | null; education?: { on: string; form: string; content: string } | null; governmentApproval?: GovernmentApproval | null;
  };
  serve: { servedOn?: string | null; publishedOn?: string | null; method: ServiceMethod; receiver: string; lateReason?: string | null };
  pay: { paidOn: string; amountFen: number; receiptNo?: string | null };
  court_enforcement: { appliedOn: string; court: string };
  close: { summary: string };
  archive: Record<string, never>;
  exclude_period: { kind: ExcludedPeriodKind; fromOn: string; toOn: string; note: string };
  remedy_filed: { kind: RemedyKind; filedOn: string; body: string };
  remedy_ended: { endedOn: string; outcome: RemedyOutcome; note: string };
  payment_arrangement: { appliedOn: string; approvedOn: string; reason: string; instalments: { dueOn: string; amountFen: number }[] };
  remind: { servedOn: string; content: string };
  service_consent: { signedOn: string; channel: 'email' | 'fax' | 'sms' | 'platform'; address: string };
  hearing_absent: { on: string; reason: 'absent' | 'left'; goodReason: boolean; note: string };
}

interface Ctx { tx: Tx; row: CaseRow; facts: CaseFacts; env: CaseEnv; todayOn: string; principal: Principal; now: Date }
type Handler<A extends CaseActionName> = (ctx: Ctx, input: ActionInputs[A]) => Promise<Outcome & { step?: { kind: StepKind; occurredOn: string; officerIds?: number[]; data: Record<string, unknown> } }>;

const dateNotFuture = (todayOn: string, field: string, on: string): Outcome => (on > todayOn ? FUTURE_DATE(field) : { ok: true });
const step = (kind: StepKind, occurredOn: string, data: Record<string, unknown>, officerIds: number[] = []) => ({ ok: true as const, step: { kind, occurredOn, data, officerIds } });

/**
 * 行政处罚法 第三十四条, 第三十条–第三十二条: a fine stays inside the legal range of the penalty provision the
 * proposal applies (its discretion benchmark gives the range), below the minimum only on a recorded 减轻
 * ground; and under the bureau's sanity ceiling. `fineField` names the amount in the request.
 */
async function checkFineOfCase(tx: Tx, env: CaseEnv, row: CaseRow, proposal: Proposal, penaltyKinds: PenaltyKind[], fineFen: number, fineField: string, todayOn: string, provisionField: string): Promise<Outcome> {
  const ceiling = checkFineCeiling(fineFen, env.thresholds.fineCeilingFen, fineField);
  if (!ceiling.ok || !penaltyKinds.includes('fine')) return ceiling;
  const named = checkPenaltyProvisionNamed(penaltyKinds, proposal.penaltyProvisionCode, provisionField);
  if (!named.ok) return named;
  const range = await legalRangeOfProvision(tx, proposal.penaltyProvisionCode!, todayOn, proposal.penaltyBaseFen, provisionField);
  if (!range.ok) return range;
  const mitigationRecorded = allowsMitigation(await groundsOfCase(tx, row.id));
  return checkFineInLegalRange({ fineFen, range: range.value, provision: range.value.provision, mitigationRecorded }, fineField);
}

/** 行政处罚法 第四十四条, 第六十三条, 第六十四条 (一): the notice and the rights it opens for the proposal as it stands. */
async function noticeFor(tx: Tx, env: CaseEnv, row: CaseRow, proposal: Proposal, servedOn: string, round: number, amendedAt: string | null): Promise<StoredNotification> {
  const hearingOffered = qualifiesForHearing({ partyKind: row.partyKind, penaltyKinds: proposal.penaltyKinds, fineFen: proposal.fineFen }, env.thresholds);
  return {
    servedOn,
    statementDueOn: computeDueOn(env.cal, 'statement', servedOn),
    hearingOffered,
    hearingRequestDueOn: hearingOffered ? computeDueOn(env.cal, 'hearingRequest', servedOn) : null,
    proposedFineFen: proposal.fineFen,
    penaltyKinds: proposal.penaltyKinds,
    round,
    amendedAt,
    hearingWaivedOn: null,
    // 行政处罚法 第四十四条 / 第六十四条: one notice, the hearing notice where a hearing is offered.
    documentNumber: await issueNumber(tx, prefixOf(env, hearingOffered ? 'hearing-notice' : 'prior-notice'), servedOn),
  };
}

const HANDLERS: { [A in CaseActionName]: Handler<A> } = {
  async record_investigation({ tx, facts, env, todayOn }, input) {
    const d = checkRecordDate(todayOn, 'occurredOn', input.occurredOn, [afterFiling(facts)]);
    if (!d.ok) return d;
    const officers = await findOfficers(tx, [...new Set(input.officerIds)]);
    const gate = checkInvestigationRecord(facts, env.thresholds, todayOn, officers.filter((o) => o.role === 'enforcement_officer'));
    if (!gate.ok) return gate;
    // 行政处罚法 第六十条: only an approved extension moves the case period, never a record's details.
    const noExtension = checkNoExtensionField(input.details);
    if (!noExtension.ok) return noExtension;
    const extra = input.kind === 'evidence_preservation' ? { decisionDueOn: computeDueOn(env.cal, 'evidencePreservation', input.occurredOn) } : {};
    return step(input.kind, input.occurredOn, { summary: input.summary, ...input.details, ...extra }, officers.map((o) => o.id));
  },
  async submit({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkSubmitForCaseReview(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    const p = input.proposal;
    const fine = await checkFineOfCase(tx, env, row, p, p.penaltyKinds, p.fineFen, 'proposal.fineFen', todayOn, 'proposal.penaltyProvisionCode');
    if (!fine.ok) return fine;
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
      reviewStartedOn: reviewer.legalReviewStartedOn,
    });
    if (!gate.ok) return gate;
    const failed = Object.entries(input.findings).filter(([, v]) => !v.ok).map(([k]) => k);
    if (input.outcome === 'passed' && failed.length) return refuse('REVIEW_FINDINGS_CONTRADICT_OUTCOME', CITE.legalReview, `findings.${failed[0]}`);
    await tx.insert(legalReviews).values({ caseId: row.id, reviewerId: principal.id, findings: input.findings, outcome: input.outcome, opinion: input.opinion, reviewedAt: now });
    const documentNumber = await issueNumber(tx, prefixOf(env, 'legal-review-opinion'), todayOn);
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
    const minuted = input.opinions ?? [];
    const strangers = minuted.filter((o) => !meeting.attendeeIds.includes(o.memberId));
    if (strangers.length) return refuse('OPINION_FROM_ABSENT_MEMBER', undefined, 'opinions');
    // 行政处罚法 第四十七条: the meeting that discusses the case is held after the reviews it relies on.
    const dated = checkRecordDate(todayOn, 'meetingId', meeting.heldOn, meetingPredecessors(facts, validPassedReview(facts)?.at ?? null));
    if (!dated.ok) return dated;
    // 第五十七条第二款: opinions the members recorded themselves stand as recorded (read under the case lock, which
    // every recording also takes); an entry that contradicts one is refused naming the member (member-opinion.ts).
    const reviewsAt = [facts.caseReviewPassedAt, validPassedReview(facts)?.at ?? null];
    const recorded = (await loadSelfRecordedOpinions(tx, meeting.id, row.id)).filter((o) => isCurrentOpinion(o.updatedAt, reviewsAt));
    const merged = mergeDiscussionOpinions(minuted, recorded, meeting.attendeeIds);
    if (!merged.ok) return merged;
    await tx.insert(committeeDiscussions).values({ meetingId: meeting.id, caseId: row.id, opinions: merged.opinions, decision: input.decision, conclusion: input.conclusion, decidedAt: now });
    if (input.decision === 'investigate_further') await tx.update(cases).set({ submittedAt: null, caseReviewPassedAt: null }).where(eq(cases.id, row.id));
    else await tx.update(cases).set({ committeeDecidedAt: now }).where(eq(cases.id, row.id));
    return step('collective_discussion', meeting.heldOn, { meetingId: meeting.id, decision: input.decision, conclusion: input.conclusion });
  },
  async notify({ tx, row, facts, env, todayOn }, input) {
    const gate = checkNotification(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    // 行政处罚法 第四十七条: the notice follows the case review and legal review that allowed it.
    const d = checkRecordDate(todayOn, 'servedOn', input.servedOn, noticePredecessors(facts));
    if (!d.ok) return d;
    const notification = await noticeFor(tx, env, row, row.proposal!, input.servedOn, 1, null);
    await tx.update(cases).set({ notification }).where(eq(cases.id, row.id));
    return step('notification', input.servedOn, { ...notification, content: input.content });
  },
  async renotify({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkRenotification(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    const previous = facts.notification!;
    const d = checkRecordDate(todayOn, 'servedOn', input.servedOn, [...noticePredecessors(facts), { code: 'DATE_BEFORE_PREVIOUS_NOTICE', on: previous.servedOn }]);
    if (!d.ok) return d;
    const p = input.proposal;
    const fine = await checkFineOfCase(tx, env, row, p, p.penaltyKinds, p.fineFen, 'proposal.fineFen', todayOn, 'proposal.penaltyProvisionCode');
    if (!fine.ok) return fine;
    // 行政处罚法 第四十四条, 第六十二条, 第六十三条: the amended proposal is notified anew, re-opening the statement and
    // hearing rights; reviews and discussions before it no longer count (第五十七条, 第五十八条).
    const notification = await noticeFor(tx, env, row, p, input.servedOn, previous.round + 1, now.toISOString());
    await tx.update(cases).set({ proposal: p, notification, statementWaived: false }).where(eq(cases.id, row.id));
    return step('renotification', input.servedOn, { ...notification, content: input.content, reason: input.reason, previous: { ...previous }, proposal: p });
  },
  async statement({ tx, row, facts, env, todayOn }, input) {
    const gate = checkStatement(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    const n = facts.notification!;
    const d = checkRecordDate(todayOn, 'receivedOn', input.receivedOn, [{ code: 'DATE_BEFORE_NOTIFICATION', on: n.servedOn }]);
    if (!d.ok) return d;
    if (input.waived) await tx.update(cases).set({ statementWaived: true }).where(eq(cases.id, row.id));
    // 行政处罚法 第六十二条, 第六十四条 (一): the hearing is waived only by its own written waiver.
    if (input.hearingWaived) {
      if (!n.hearingOffered) return refuse('HEARING_NOT_AVAILABLE', CITE.hearingRight, 'hearingWaived');
      if (facts.hearing?.underCurrentNotice) return refuse('HEARING_ALREADY_REQUESTED', CITE.hearingProcedure, 'hearingWaived');
      await tx.update(cases).set({ notification: { ...row.notification!, hearingWaivedOn: input.receivedOn } }).where(eq(cases.id, row.id));
    }
    return step('statement', input.receivedOn, input);
  },
  async request_hearing({ tx, row, facts, env, todayOn }, input) {
    const d = dateNotFuture(todayOn, 'requestedOn', input.requestedOn);
    if (!d.ok) return d;
    const gate = checkHearingRequest(facts, env.thresholds, todayOn, input.requestedOn);
    if (!gate.ok) return gate;
    // A hearing held on an earlier notice stays in the timeline (its steps); the row now serves the new request.
    const fresh = { requestedOn: input.requestedOn, hostId: null, noticeOn: null, scheduledOn: null, location: null, heldAt: null, record: null };
    if (facts.hearing) await tx.update(hearings).set(fresh).where(eq(hearings.caseId, row.id));
    else await tx.insert(hearings).values({ caseId: row.id, requestedOn: input.requestedOn });
    return step('hearing_request', input.requestedOn, facts.hearing ? { ...input, previousHearing: facts.hearing } : input);
  },
  async schedule_hearing({ tx, row, facts, env, todayOn }, input) {
    const host = await findUser(tx, input.hostId);
    if (!host || !host.active) return refuse('USER_UNKNOWN', undefined, 'hostId');
    const d = checkRecordDate(todayOn, 'noticeOn', input.noticeOn, [{ code: 'DATE_BEFORE_HEARING_REQUEST', on: facts.hearing?.requestedOn ?? null }]);
    if (!d.ok) return d;
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
    const records = facts.records ?? NO_RECORDS;
    let meeting: { id: number; heldOn: string } | null = null;
    if (input.meetingId) {
      const [m] = await tx.select({ id: committeeMeetings.id, heldOn: committeeMeetings.heldOn }).from(committeeMeetings).where(eq(committeeMeetings.id, input.meetingId));
      if (!m) return refuse('MEETING_UNKNOWN', undefined, 'meetingId');
      meeting = m;
    }
    // 行政处罚法 第六十条: the head approves the first extension before expiry; a further one after collective discussion.
    const gate = checkCaseExtension({ filedOn: row.filedOn, decisionDueOn: row.decisionDueOn, decided: facts.decision !== null, archived: facts.archivedAt !== null, records }, { approvedOn: input.approvedOn, days: input.days, meeting }, todayOn);
    if (!gate.ok) return gate;
    const decisionDueOn = computeDueOn(env.cal, 'decision', row.filedOn, computeDecisionExtraDays({ ...records, extensions: [...records.extensions, { approvedOn: input.approvedOn, days: input.days, meetingId: meeting?.id ?? null }] }));
    await tx.update(cases).set({ decisionDueOn }).where(eq(cases.id, row.id));
    return step('extension', input.approvedOn, { extensionDays: input.days, approvedOn: input.approvedOn, meetingId: meeting?.id ?? null, reason: input.reason, decisionDueOn, previousDueOn: row.decisionDueOn });
  },
  async exclude_period({ tx, row, facts, env, todayOn }, input) {
    const records = facts.records ?? NO_RECORDS;
    const gate = checkExcludedPeriod({ filedOn: row.filedOn, decisionDueOn: row.decisionDueOn, decided: facts.decision !== null, archived: facts.archivedAt !== null, records }, input, todayOn);
    if (!gate.ok) return gate;
    const decisionDueOn = computeDueOn(env.cal, 'decision', row.filedOn, computeDecisionExtraDays({ ...records, excludedPeriods: [...records.excludedPeriods, input] }));
    await tx.update(cases).set({ decisionDueOn }).where(eq(cases.id, row.id));
    return step('excluded_period', input.fromOn, { periodKind: input.kind, fromOn: input.fromOn, toOn: input.toOn, note: input.note, decisionDueOn, previousDueOn: row.decisionDueOn });
  },
  async remedy_filed({ facts, todayOn }, input) {
    const gate = checkRemedyFiled(executionFactsOf(facts), input, todayOn);
    if (!gate.ok) return gate;
    return step('remedy_filed', input.filedOn, { remedyKind: input.kind, body: input.body });
  },
  async remedy_ended({ facts, todayOn }, input) {
    const gate = checkRemedyEnded(executionFactsOf(facts), input, todayOn);
    if (!gate.ok) return gate;
    return step('remedy_ended', input.endedOn, { outcome: input.outcome, note: input.note });
  },
  async payment_arrangement({ tx, row, facts, todayOn }, input) {
    const gate = checkPaymentArrangement(executionFactsOf(facts), input, todayOn);
    if (!gate.ok) return gate;
    // 行政处罚法 第六十六条第二款: the approved schedule's last day is the deadline in force.
    const paymentDueOn = input.instalments.at(-1)!.dueOn;
    await tx.update(cases).set({ paymentDueOn }).where(eq(cases.id, row.id));
    return step('payment_arrangement', input.approvedOn, { appliedOn: input.appliedOn, reason: input.reason, instalments: input.instalments, previousDueOn: row.paymentDueOn });
  },
  async remind({ tx, facts, env, todayOn }, input) {
    const gate = checkReminder(executionFactsOf(facts), input, todayOn);
    if (!gate.ok) return gate;
    // 行政强制法 第三十五条: the reminder is written; its 催告书 takes a number of its own series.
    return step('reminder', input.servedOn, { content: input.content, documentNumber: await issueNumber(tx, prefixOf(env, 'payment-reminder'), input.servedOn) });
  },
  async service_consent({ row, facts, todayOn }, input) {
    const gate = checkServiceConsent(facts.archivedAt !== null, row.filedOn, input.signedOn, todayOn);
    if (!gate.ok) return gate;
    return step('service_consent', input.signedOn, { channel: input.channel, address: input.address });
  },
  async hearing_absent({ facts, todayOn }, input) {
    const waived = facts.hearing !== null && !hearingPending(facts) && !facts.hearing.heldAt;
    const gate = checkHearingAbsence(facts.hearing, waived, input, todayOn);
    if (!gate.ok) return gate;
    return step('hearing_absent', input.on, { reason: input.reason, note: input.note });
  },
  async decide({ tx, row, facts, env, todayOn }, input) {
    const fineFen = input.kind === 'penalty' && input.penaltyKinds.includes('fine') ? input.fineFen : 0;
    if (input.kind === 'penalty' && input.penaltyKinds.includes('fine') && fineFen <= 0) return refuse('FINE_REQUIRED', undefined, 'fineFen');
    if (input.kind === 'penalty' && !input.penaltyKinds.length) return refuse('PENALTY_KIND_REQUIRED', undefined, 'penaltyKinds');
    if (input.kind === 'transfer' && !input.transferTo?.trim()) return refuse('TRANSFER_TARGET_REQUIRED', CITE.transferCrime, 'transferTo');
    const gate = checkDecision(facts, env.thresholds, todayOn, { kind: input.kind, fineFen, penaltyKinds: input.kind === 'penalty' ? input.penaltyKinds : [] });
    if (!gate.ok) return gate;
    if (input.kind === 'penalty') {
      const fine = await checkFineOfCase(tx, env, row, row.proposal ?? { penaltyKinds: [], fineFen: 0, facts: '', violatedProvisions: '', penaltyBasis: '', discretionReason: null },
        input.penaltyKinds, fineFen, 'fineFen', todayOn, 'proposal.penaltyProvisionCode');
      if (!fine.ok) return fine;
    }
    // 行政处罚法 第三十三条: 免罚 only through an exemption applied from the catalogue in force.
    if (input.kind === 'exemption') {
      const exemption = await checkExemptionDecision(tx, row.id);
      if (!exemption.ok) return exemption;
    }
    // 行政处罚法 第五十七条, 第三十条, 第三十一条, 第三十三条: a no-penalty decision names its real ground.
    const noPenalty = input.kind === 'no_penalty' || input.kind === 'exemption';
    if (noPenalty) {
      const ground = checkNoPenaltyGround({ decisionKind: input.kind as 'no_penalty' | 'exemption', ground: input.noPenaltyGround, partyKind: row.partyKind, recordedGrounds: await recordedGroundsOfCase(tx, row.id) });
      if (!ground.ok) return ground;
      if (input.education && (input.education.on > todayOn)) return FUTURE_DATE('education.on');
    }
    // 环境保护法 第六十条: 责令关闭 only with the approving government on record.
    if (input.kind === 'penalty') {
      const approval = checkGovernmentApproval({ penaltyKinds: input.penaltyKinds, approval: input.governmentApproval, decidedOn: todayOn });
      if (!approval.ok) return approval;
    }
    // 行政处罚法 第三十四条: a decided fine that departs from the benchmark needs the written reason the legal review saw.
    if (input.kind === 'penalty' && fineFen > 0) {
      const benchmark = await checkCaseFineAgainstBenchmark(tx, row.id, fineFen, row.proposal?.discretionReason ?? null);
      if (!benchmark.ok) return { ...benchmark, field: 'fineFen' };
    }
    const decisionNumber = await issueNumber(tx, prefixOf(env, DECISION_SERIES[input.kind]), todayOn);
    await tx.update(cases).set({
      decisionKind: input.kind, decisionFineFen: fineFen, decisionNumber, decidedOn: todayOn,
      decision: {
        penaltyKinds: input.kind === 'penalty' ? input.penaltyKinds : [], reasons: input.reasons, basis: input.basis, transferTo: input.transferTo ?? undefined,
        ...(noPenalty ? { noPenaltyGround: input.noPenaltyGround!, education: input.education ?? null } : {}),
        ...(input.governmentApproval && input.kind === 'penalty' ? { governmentApproval: input.governmentApproval } : {}),
      },
    }).where(eq(cases.id, row.id));
    return step('decision', todayOn, { ...input, fineFen, decisionNumber, serviceDueOn: computeDueOn(env.cal, 'service', todayOn) });
  },
  async serve({ tx, row, facts, env, todayOn }, input) {
    const service = { method: input.method, servedOn: input.servedOn ?? null, publishedOn: input.publishedOn ?? null, lateReason: input.lateReason ?? null };
    const decidedOn = facts.decision?.decidedOn ?? todayOn;
    // 行政处罚法 第六十一条 with 民事诉讼法 第八十七条, 第九十条, 第九十五条.
    const method = checkServiceMethod(facts.records ?? NO_RECORDS, decidedOn, computeDueOn(env.cal, 'service', decidedOn), service, todayOn);
    if (!method.ok) return method;
    const dates = serviceDatesOf(service, env.cal.addDays)!;
    const gate = checkService(facts, env.thresholds, todayOn, dates.actedOn);
    if (!gate.ok) return gate;
    const paymentDueOn = row.decisionKind === 'penalty' && (row.decisionFineFen ?? 0) > 0 ? computeDueOn(env.cal, 'payment', dates.servedOn) : null;
    await tx.update(cases).set({ servedOn: dates.servedOn, paymentDueOn }).where(eq(cases.id, row.id));
    return step('service', dates.actedOn, { ...input, servedOn: dates.servedOn, paymentDueOn });
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
    // 行政强制法 第五十三条, 第五十四条: after the reminder's ten working days, within three months of the party's period.
    const gate = checkCourtEnforcementWindow(env.cal, executionFactsOf(facts), input.appliedOn, todayOn);
    if (!gate.ok) return gate;
    await tx.update(cases).set({ courtEnforcementAppliedOn: input.appliedOn }).where(eq(cases.id, row.id));
    return step('court_enforcement', input.appliedOn, input);
  },
  async close({ tx, row, facts, env, todayOn, now }, input) {
    const gate = checkClosure(facts, env.thresholds, todayOn);
    if (!gate.ok) return gate;
    await tx.update(cases).set({ closedAt: now }).where(eq(cases.id, row.id));
    return step('closure', todayOn, { ...input, documentNumber: await issueNumber(tx, prefixOf(env, 'closure-approval'), todayOn) });
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
      const facts = await loadCaseFacts(tx, row, (paid, records, pauses) => amountDue(env, row, todayOn, paid, records, pauses));
      // 国务院令第310号 第十条, 第十一条: nothing is done in a case the police hold for a suspected crime.
      const suspended = checkNotSuspended(facts.records);
      if (!suspended.ok) return suspended;
      const result = await HANDLERS[action]({ tx, row, facts, env, todayOn, principal, now }, input);
      // A refusal after partial writes must leave nothing behind. A refusal of the case's state (no field)
      // names the missing precondition and its article, as the action list does (rules/preconditions.ts).
      if (!result.ok) throw new RefusalAbort(result.field ? result : explainRefusal(action, result, facts, env.thresholds, todayOn));
      if (result.step) {
        await tx.insert(caseSteps).values({ caseId, kind: result.step.kind, occurredOn: result.step.occurredOn, actorId: principal.id, officerIds: result.step.officerIds ?? [], data: result.step.data, createdAt: now });
      }
      await recordDeadlines(tx, env.cal, { caseId }, now);
      const updated = (await findCaseRow(tx, caseId, null))!;
      const newFacts = await loadCaseFacts(tx, updated, (paid, records, pauses) => amountDue(env, updated, todayOn, paid, records, pauses));
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
    if (err instanceof RefusalAbort) return err.refusal;
    throw err;
  }
}

/**
 * Fine plus the late-payment surcharge (行政处罚法 第七十二条) over the schedule in force (第六十六条第二款), with
 * reconsideration and litigation days left out (第七十三条第三款).
 */
function amountDue(_env: CaseEnv, row: CaseRow, todayOn: string, paid: { paidOn: string; amountFen: number }[], records: CaseRecords, external: SurchargePause[] = []): number {
  const fine = row.decisionKind === 'penalty' ? row.decisionFineFen ?? 0 : 0;
  if (!fine || !row.paymentDueOn) return fine;
  const schedule = paymentScheduleOf(records.originalPaymentDueOn ? records : { ...records, originalPaymentDueOn: row.paymentDueOn }, fine);
  const pauses = [...records.remedies.map((r) => ({ fromOn: r.filedOn, toOn: r.endedOn })), ...external];
  return fine + computeScheduledSurchargeFen({ schedule, payments: paid, pauses, asOfOn: todayOn });
}

/**
 * For measures (国务院令第310号 第十条, 第十三条): after a crime transfer's step, the case period is recomputed so the
 * days the case stood with the police are not counted (case-period.ts). Runs in the caller's transaction.
 */
export async function refreshDecisionDueOn(tx: Tx, caseId: number, now: Date): Promise<void> {
  const row = (await findCaseRow(tx, caseId, null))!;
  if (row.decidedOn) return;
  const env = await loadCaseEnv(tx as unknown as Db);
  const decisionDueOn = computeDueOn(env.cal, 'decision', row.filedOn, computeDecisionExtraDays(await loadCaseRecords(tx, row)));
  if (decisionDueOn === row.decisionDueOn) return;
  await tx.update(cases).set({ decisionDueOn, updatedAt: now }).where(eq(cases.id, caseId));
  await recordDeadlines(tx, env.cal, { caseId }, now);
  await appendAudit(tx, { id: null, name: 'system', role: 'system' }, {
    action: 'case.decision_due_recomputed', entity: 'case', entityId: caseId, before: { decisionDueOn: row.decisionDueOn }, after: { decisionDueOn },
    reason: '国务院令第310号: days with the police not counted',
  }, now);
}

/** The case as the API shows it: facts, stage, deadlines and the actions the principal may take now. */
export async function presentCase(db: Db, principal: Principal, row: CaseRow, now: Date, locale: Locale = 'zh-CN') {
  const env = await loadCaseEnv(db);
  const todayOn = chinaDateOf(now);
  const facts = await loadCaseFacts(db, row, (paid, records, pauses) => amountDue(env, row, todayOn, paid, records, pauses));
  const detail = await loadCaseDetail(db, row);
  const stage = deriveStage(facts, env.thresholds, todayOn);
  const deadlines = await loadCaseDeadlines(db, row.id);
  const courtEnforcementWindow = computeCourtEnforcementWindow(env.cal, executionFactsOf(facts));
  const actions = availableActions(facts, env.thresholds, todayOn, (p) => can(principal, p) && inDistrictScope(principal, row.districtId), env.cal);
  return {
    ...row,
    stage,
    amountDueFen: facts.amountDueFen,
    paidFen: facts.paidFen,
    ...detail,
    /** Each current deadline with `provisional` (暂定: computed on a year without a recorded arrangement). */
    deadlines,
    /** Extensions, excluded periods, remedies, payment schedule, reminder, consent, hearing waiver, crime transfers. */
    records: facts.records ?? NO_RECORDS,
    /** 行政强制法 第五十三条, 第五十四条: when the bureau may apply to the court (null without a served fine). */
    courtEnforcementWindow,
    /** 下一步: what, who, by when (rules/next-step.ts); null once archived. */
    nextStep: nextStep({ facts, stage, thresholds: env.thresholds, deadlines, courtWindow: courtEnforcementWindow }, now),
    /** The stages this case goes through, in order (the stage bar). */
    stagePath: stagePathOf(facts, env.thresholds),
    /** Each action the user's role allows; a refused one names its missing precondition, article and message. */
    actions: actions.map((a) => (a.allowed ? a : { ...a, message: refusalMessage(a, locale) })),
  };
}

/** Who counts as the bureau's 负责人 for collective discussion. */
const COMMITTEE_ROLES: string[] = ['bureau_leader', 'committee_member'];

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
    // 行政处罚法 第五十七条第二款: 行政机关负责人 discuss collectively — the bureau's leaders and committee members.
    if (users.some((u) => !COMMITTEE_ROLES.includes(u.role) || !u.active)) return refuse('COMMITTEE_MEMBER_NOT_HEAD', CITE.collectiveDiscussionByHeads, 'memberIds');
    const [row] = await tx.insert(committeeMeetings).values({ ...input, memberIds: members, attendeeIds: attendees, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'committee.meeting', entity: 'committee_meeting', entityId: row!.id, after: row }, now);
    return success(row!);
  });
}

/** Each official document of the case with its number, and whether the case's records can fill it yet. */
export async function listCaseDocuments(db: Db, row: CaseRow, now: Date) {
  const { source, bureau } = await documentSourceOf(db, row, now);
  return CASE_DOCUMENT_KINDS.map((kind) => {
    const data = caseDocumentData(kind, source, bureau);
    const number = data.ok ? (data.value as { documentNumber?: string }).documentNumber ?? null : null;
    return { kind, zh: DOCUMENT_KINDS[kind].zh, en: DOCUMENT_KINDS[kind].en, basis: DOCUMENT_KINDS[kind].basis, available: data.ok, number };
  });
}

export async function renderDocumentOfCase(db: Db, row: CaseRow, kind: CaseDocumentKind, stepId: number | undefined, now: Date): Promise<Result<{ buffer: Buffer; fileName: string }>> {
  const { source, bureau } = await documentSourceOf(db, row, now);
  const data = caseDocumentData(kind, source, bureau, stepId);
  if (!data.ok) return data;
  const buffer = await renderCaseDocument(kind, data.value as never);
  return success({ buffer, fileName: caseDocumentFileName(kind, (data.value as { documentNumber?: string }).documentNumber) });
}

async function documentSourceOf(db: Db, row: CaseRow, now: Date) {
  const env = await loadCaseEnv(db);
  const todayOn = chinaDateOf(now);
  // 行政强制法 第三十五条 (三): the 催告书 states the amount as of its own date — fine plus the surcharge accrued
  // to then (行政处罚法 第七十二条), less what was paid by then; 第五十四条, 第六十九条: ten working days to perform.
  let reminder: CaseDocumentSource['reminder'] = null;
  const facts = await loadCaseFacts(db, row, (paid, records, pauses) => {
    const on = records.reminderServedOn;
    if (on) {
      const paidThen = paid.filter((p) => p.paidOn <= on);
      reminder = {
        servedOn: on, performBy: env.cal.addWorkingDays(on, REMINDER_WORKING_DAYS),
        amountDueFen: amountDue(env, row, on, paidThen, records, pauses), paidFen: paidThen.reduce((t, p) => t + p.amountFen, 0),
      };
    }
    return amountDue(env, row, todayOn, paid, records, pauses);
  });
  // The bureau's particulars come from its settings: no placeholder in any generated document.
  return { source: { ...await loadCaseDocumentSource(db, row, facts.amountDueFen), reminder }, bureau: bureauProfileOf(env.settings) };
}
