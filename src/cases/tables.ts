import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import { users } from '../users/tables.js';
import type { CaseStage } from './rules/procedure.js';
import type { DecisionKind, PenaltyKind } from './rules/penalties.js';

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
  status: text('status').$type<'open' | 'filed' | 'dismissed'>().notNull().default('open'),
  dismissReason: text('dismiss_reason'),
  registeredById: integer('registered_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('leads_district_idx').on(t.districtId, t.status)]);

export interface MajorFlags { majorPublicInterest: boolean; complexSeveralLegalRelations: boolean; requiredByOtherLaw: boolean }
export interface Proposal { penaltyKinds: PenaltyKind[]; fineFen: number; facts: string; violatedProvisions: string; penaltyBasis: string; discretionReason: string | null }

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
  notification: jsonb('notification').$type<{ servedOn: string; statementDueOn: string; hearingOffered: boolean; hearingRequestDueOn: string | null; proposedFineFen: number; documentNumber?: string }>(),
  statementWaived: boolean('statement_waived').notNull().default(false),
  decisionKind: text('decision_kind').$type<DecisionKind>(),
  decisionFineFen: bigint('decision_fine_fen', { mode: 'number' }),
  decisionNumber: text('decision_number'),
  decidedOn: day('decided_on'),
  decision: jsonb('decision').$type<{ penaltyKinds: PenaltyKind[]; reasons: string; basis: string; transferTo?: string }>(),
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
]);

/** Investigators assigned to a case (at least two with credentials, 行政处罚法 第四十二条). */
export const caseOfficers = pgTable('case_officers', {
  caseId: integer('case_id').notNull().references(() => cases.id),
  userId: integer('user_id').notNull().references(() => users.id),
  lead: boolean('lead').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.caseId, t.userId] })]);

export type StepKind =
  | 'filing' | 'inspection_record' | 'inquiry_record' | 'sampling' | 'evidence_registration' | 'evidence_preservation'
  | 'submission' | 'case_review' | 'legal_review' | 'collective_discussion' | 'notification' | 'statement' | 'hearing_request'
  | 'hearing_scheduled' | 'hearing_held' | 'extension' | 'decision' | 'service' | 'payment' | 'court_enforcement' | 'closure' | 'archive'
  | 'measure';

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
  opinions: jsonb('opinions').$type<{ memberId: number; opinion: string }[]>().notNull(),
  decision: text('decision').$type<'approve' | 'amend' | 'no_penalty' | 'transfer' | 'investigate_further'>().notNull(),
  conclusion: text('conclusion').notNull(),
  decidedAt: ts('decided_at').notNull(),
}, (t) => [unique('committee_discussion_case').on(t.meetingId, t.caseId)]);

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
});

/** Gap-free document numbers per prefix and year (烟环罚〔2020〕12号). */
export const documentSequences = pgTable('document_sequences', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.prefix, t.year] })]);
