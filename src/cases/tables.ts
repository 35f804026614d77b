import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { NoPenaltyGroundCode } from './rules/no-penalty-ground.js';
import type { GovernmentApproval } from './rules/government-approval.js';
import { districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import { users } from '../users/tables.js';
import type { CaseStage } from './rules/procedure.js';
import type { DecisionKind, PenaltyKind } from './rules/penalties.js';
import type { DiscussionOpinion, MemberStance } from './rules/member-opinion.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export type LeadSource = 'inspection' | 'complaint' | 'monitoring' | 'transfer' | 'report';

/** 线索: what may become a case; a leader decides to file it or not. */
export const leads = pgTable('leads', {
  id: serial('id').primaryKey(),
  source: text('source').$type<LeadSource>().notNull(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  districtId: integer('district_id').notNull().references(() => districts.id),
  summary: text('summary').notNull(),
  /** Where it came from, e.g. the exceedance event or complaint id. */
  sourceRef: text('source_ref'),
  discoveredOn: day('discovered_on').notNull(),
  filingDueOn: day('filing_due_on').notNull(),
  /** The head's approved extension of the filing window (生态环境行政处罚办法, unconfirmed): its days are already in `filingDueOn`. */
  filingExtension: jsonb('filing_extension').$type<{ approvedOn: string; days: number; reason: string; approvedById: number }>(),
  status: text('status').$type<'open' | 'filed' | 'dismissed'>().notNull().default('open'),
  dismissReason: text('dismiss_reason'),
  registeredById: integer('registered_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  // The lead list's page in filing-deadline order, walked on an index and stopped after the page (issue 18: at a million
  // leads every page sorted all of them and ran its 暂定 subquery a million times, 2.6–3.5 s → ≈ 10 ms): by district
  // (district users; also the district's open-lead count), by status city-wide, and unfiltered.
  index('leads_district_status_due_idx').on(t.districtId, t.status, t.filingDueOn, t.id),
  index('leads_status_due_idx').on(t.status, t.filingDueOn, t.id),
  index('leads_due_idx').on(t.filingDueOn, t.id),
  // An enterprise's leads since a date (its compliance record; the watch list by district joins through enterprises):
  // a scan of every lead before (issue 18: the record 90–100 → 20–43 ms at a million leads).
  index('leads_enterprise_idx').on(t.enterpriseId, t.discoveredOn),
]);

export interface MajorFlags { majorPublicInterest: boolean; complexSeveralLegalRelations: boolean; requiredByOtherLaw: boolean }
export interface Proposal {
  penaltyKinds: PenaltyKind[]; fineFen: number; facts: string; violatedProvisions: string; penaltyBasis: string; discretionReason: string | null;
  /** The penalty provision applied, as the code of its discretion benchmark (e.g. 'WPL-83-2'): required with a fine. */
  penaltyProvisionCode?: string | null;
  /** The base amount where the legal range is a share or multiple of one (总投资额, 处置费用…). */
  penaltyBaseFen?: number | null;
}
/** The last notice (行政处罚法 第四十四条); fields after documentNumber were added with re-notification (older rows lack them). */
export interface StoredNotification {
  servedOn: string; statementDueOn: string; hearingOffered: boolean; hearingRequestDueOn: string | null; proposedFineFen: number; documentNumber?: string;
  penaltyKinds?: PenaltyKind[]; round?: number; amendedAt?: string | null; hearingWaivedOn?: string | null;
}

/** 案件: one administrative penalty procedure. `stage` is derived by the rules after every action. */
export const cases = pgTable('cases', {
  id: serial('id').primaryKey(),
  number: text('number').notNull().unique(),
  leadId: integer('lead_id').notNull().references(() => leads.id),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  districtId: integer('district_id').notNull().references(() => districts.id),
  partyKind: text('party_kind').$type<'organisation' | 'individual'>().notNull().default('organisation'),
  cause: text('cause').notNull(),
  /** When the act happened or, if continuing, ended (行政处罚法 第三十六条). */
  actOn: day('act_on').notNull(),
  stage: text('stage').$type<CaseStage>().notNull(),
  filedOn: day('filed_on').notNull(),
  filedById: integer('filed_by_id').notNull().references(() => users.id),
  decisionDueOn: day('decision_due_on').notNull(),
  major: jsonb('major').$type<MajorFlags>().notNull(),
  proposal: jsonb('proposal').$type<Proposal>(),
  submittedAt: ts('submitted_at'),
  caseReviewPassedAt: ts('case_review_passed_at'),
  committeeDecidedAt: ts('committee_decided_at'),
  notification: jsonb('notification').$type<StoredNotification>(),
  statementWaived: boolean('statement_waived').notNull().default(false),
  decisionKind: text('decision_kind').$type<DecisionKind>(),
  decisionFineFen: bigint('decision_fine_fen', { mode: 'number' }),
  decisionNumber: text('decision_number'),
  decidedOn: day('decided_on'),
  decision: jsonb('decision').$type<{
    penaltyKinds: PenaltyKind[]; reasons: string; basis: string; transferTo?: string;
    /** 不予行政处罚: the real ground (行政处罚法 第三十条, 第三十一条, 第三十三条, 第五十七条) and 批评教育 where it happened. */
    noPenaltyGround?: NoPenaltyGroundCode; education?: { on: string; form: string; content: string } | null;
    /** 责令关闭: the approving government (环境保护法 第六十条). */
    governmentApproval?: GovernmentApproval | null;
  }>(),
  servedOn: day('served_on'),
  paymentDueOn: day('payment_due_on'),
  courtEnforcementAppliedOn: day('court_enforcement_applied_on'),
  closedAt: ts('closed_at'),
  archivedAt: ts('archived_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  // The case list filters by district and stage and sorts by deadline: one index serves it in order.
  index('cases_district_stage_due_idx').on(t.districtId, t.stage, t.decisionDueOn, t.id),
  index('cases_stage_due_idx').on(t.stage, t.decisionDueOn, t.id),
  index('cases_due_idx').on(t.decisionDueOn, t.id),
  // An enterprise's cases (its list page in deadline order, the first-violation history, the 违法次数 rule, field
  // and supervision counts): without it each was a scan of every case (issue 18: 150–200 ms at a million, 0.04–2 ms with it).
  index('cases_enterprise_due_idx').on(t.enterpriseId, t.decisionDueOn, t.id),
  // The records' first filing date (what the first-violation check knows the history from): min() from the index's end.
  index('cases_filed_on_idx').on(t.filedOn),
]);

/** Investigators assigned to a case (at least two with credentials, 行政处罚法 第四十二条). */
export const caseOfficers = pgTable('case_officers', {
  caseId: integer('case_id').notNull().references(() => cases.id),
  userId: integer('user_id').notNull().references(() => users.id),
  lead: boolean('lead').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.caseId, t.userId] }),
  // An officer's own cases (the field app's task list, the case list's officer filter): without it a scan of every assignment.
  index('case_officers_user_idx').on(t.userId, t.caseId),
]);

export type StepKind =
  | 'filing' | 'inspection_record' | 'inquiry_record' | 'sampling' | 'evidence_registration' | 'evidence_preservation'
  | 'submission' | 'case_review' | 'legal_review' | 'collective_discussion' | 'notification' | 'statement' | 'hearing_request'
  | 'hearing_scheduled' | 'hearing_held' | 'extension' | 'decision' | 'service' | 'payment' | 'court_enforcement' | 'closure' | 'archive'
  | 'measure' | 'renotification' | 'hearing_waiver'
  | 'excluded_period' | 'remedy_filed' | 'remedy_ended' | 'payment_arrangement' | 'reminder' | 'service_consent' | 'hearing_absent';

/** The case's timeline: every step with who, when and what (执法全过程记录). */
export const caseSteps = pgTable('case_steps', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  kind: text('kind').$type<StepKind>().notNull(),
  occurredOn: day('occurred_on').notNull(),
  actorId: integer('actor_id').references(() => users.id),
  officerIds: integer('officer_ids').array().notNull().default([]),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('case_steps_case_idx').on(t.caseId, t.id)]);

export type ReviewPoint = 'subject' | 'authority' | 'procedure' | 'facts' | 'evidence' | 'legalBasis' | 'discretion';

/** 法制审核: findings on each point and the outcome. */
export const legalReviews = pgTable('legal_reviews', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  reviewerId: integer('reviewer_id').notNull().references(() => users.id),
  findings: jsonb('findings').$type<Record<ReviewPoint, { ok: boolean; note: string }>>().notNull(),
  outcome: text('outcome').$type<'passed' | 'returned' | 'rejected'>().notNull(),
  opinion: text('opinion').notNull(),
  reviewedAt: ts('reviewed_at').notNull(),
}, (t) => [index('legal_reviews_case_idx').on(t.caseId)]);

/** 重大行政执法案件审查委员会 meetings. */
export const committeeMeetings = pgTable('committee_meetings', {
  id: serial('id').primaryKey(),
  heldOn: day('held_on').notNull(),
  location: text('location').notNull(),
  chairId: integer('chair_id').notNull().references(() => users.id),
  memberIds: integer('member_ids').array().notNull(),
  attendeeIds: integer('attendee_ids').array().notNull(),
  minutes: text('minutes').notNull().default(''),
  createdAt: ts('created_at').notNull(),
});

/** One case discussed at a meeting: each member's opinion and the collective decision. */
export const committeeDiscussions = pgTable('committee_discussions', {
  id: serial('id').primaryKey(),
  meetingId: integer('meeting_id').notNull().references(() => committeeMeetings.id),
  caseId: integer('case_id').notNull().references(() => cases.id),
  /** `selfRecorded`: the member's own opinion (committee_member_opinions), not minuted by the submitter. */
  opinions: jsonb('opinions').$type<DiscussionOpinion[]>().notNull(),
  decision: text('decision').$type<'approve' | 'amend' | 'no_penalty' | 'transfer' | 'investigate_further'>().notNull(),
  conclusion: text('conclusion').notNull(),
  decidedAt: ts('decided_at').notNull(),
}, (t) => [
  unique('committee_discussion_case').on(t.meetingId, t.caseId),
  // A case's discussions (its page and documents) by case: the unique key above leads with the meeting.
  index('committee_discussions_case_idx').on(t.caseId),
]);

/**
 * 行政处罚法 第五十七条第二款: an attending member's own opinion on a case, recorded by himself before the meeting
 * concludes its discussion (rules/member-opinion.ts). One per member, case and meeting; a withdrawal deletes it.
 */
export const committeeMemberOpinions = pgTable('committee_member_opinions', {
  id: serial('id').primaryKey(),
  meetingId: integer('meeting_id').notNull().references(() => committeeMeetings.id),
  caseId: integer('case_id').notNull().references(() => cases.id),
  memberId: integer('member_id').notNull().references(() => users.id),
  stance: text('stance').$type<MemberStance>().notNull(),
  words: text('words').notNull().default(''),
  recordedAt: ts('recorded_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  unique('committee_member_opinion_once').on(t.meetingId, t.caseId, t.memberId),
  index('committee_member_opinions_case_idx').on(t.caseId),
]);

/** 听证 */
export const hearings = pgTable('hearings', {
  caseId: integer('case_id').primaryKey().references(() => cases.id),
  requestedOn: day('requested_on').notNull(),
  hostId: integer('host_id').references(() => users.id),
  noticeOn: day('notice_on'),
  scheduledOn: day('scheduled_on'),
  location: text('location'),
  heldAt: ts('held_at'),
  record: text('record'),
});

/** Payments towards a decision's fine (fen). */
export const payments = pgTable('payments', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  paidOn: day('paid_on').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  receiptNo: text('receipt_no'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  // A case's payments (its page, its documents, the court-window board's sums): a scan of every payment before
  // (issue 18: 40–130 ms a case at 400 000 payments).
  index('payments_case_idx').on(t.caseId, t.paidOn, t.id),
]);

/** Gap-free document numbers per prefix and year (烟环罚〔2020〕12号). */
export const documentSequences = pgTable('document_sequences', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.prefix, t.year] })]);

/**
 * Every statutory deadline computed for a lead or case, with what it was computed from (start date,
 * period, extra days), so a deadline that relied on the provisional calendar of a year without a
 * recorded arrangement (`provisionalYears` non-empty: 暂定) is recomputed when the State Council's
 * arrangement is recorded (src/cases/deadline-records.ts). The due date itself stays where the case
 * keeps it (cases.decisionDueOn …); this is how it came about. `current` is false once superseded.
 */
export const caseDeadlines = pgTable('case_deadlines', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').references(() => cases.id),
  leadId: integer('lead_id').references(() => leads.id),
  kind: text('kind').notNull(),
  fromOn: day('from_on').notNull(),
  extraDays: integer('extra_days').notNull().default(0),
  dueOn: day('due_on').notNull(),
  provisionalYears: integer('provisional_years').array().notNull().default([]),
  current: boolean('current').notNull().default(true),
  computedAt: ts('computed_at').notNull(),
  /** Set when recomputed after the official calendar of `recomputedForYear` was recorded. */
  recomputedAt: ts('recomputed_at'),
  recomputedForYear: integer('recomputed_for_year'),
  previousDueOn: day('previous_due_on'),
}, (t) => [
  index('case_deadlines_case_idx').on(t.caseId, t.kind),
  index('case_deadlines_lead_idx').on(t.leadId),
]);
