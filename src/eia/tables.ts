import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import { districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import type { ApplicationKind, ApplicationStatus, EiaCategory, PauseKind, ToleratedItem } from './rules/types.js';
import type { SiteCheck, SiteGeometry } from '../zoning/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 环评审批: one application (new project, re-approval after a major change, or the 5-year re-check). */
export const eiaApplications = pgTable('eia_applications', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<ApplicationKind>().notNull(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  /** The builder enterprise's district (district staff see their own). */
  districtId: integer('district_id').notNull().references(() => districts.id),
  projectName: text('project_name').notNull(),
  site: jsonb('site').$type<SiteGeometry>().notNull(),
  siteAddress: text('site_address').notNull(),
  /** GB/T 4754-2017 code. */
  industryCode: text('industry_code').notNull(),
  investmentFen: bigint('investment_fen', { mode: 'number' }).notNull(),
  catalogueVersion: text('catalogue_version').notNull(),
  catalogueItem: integer('catalogue_item').notNull(),
  category: text('category').$type<EiaCategory>().notNull(),
  sensitiveArea: boolean('sensitive_area').notNull(),
  /** For a major change or re-check: the approval it follows (its document number). */
  priorApprovalNumber: text('prior_approval_number'),
  supplied: jsonb('supplied').$type<string[]>().notNull(),
  tolerated: jsonb('tolerated').$type<ToleratedItem[]>().notNull().default([]),
  commitmentPath: boolean('commitment_path').notNull().default(false),
  status: text('status').$type<ApplicationStatus>().notNull(),
  receivedOn: civil('received_on').notNull(),
  acceptedOn: civil('accepted_on'),
  /** 行政许可法 第三十二条: accepted because no notice came within 5 working days. */
  deemedAccepted: boolean('deemed_accepted').notNull().default(false),
  acceptancePublicityEndsOn: civil('acceptance_publicity_ends_on'),
  /** 拟批准公示 (环境影响评价公众参与办法): its first and last day, the period from the bureau's settings. */
  approvalPublicityStartOn: civil('approval_publicity_start_on'),
  approvalPublicityEndsOn: civil('approval_publicity_ends_on'),
  /** 行政许可法 第四十七条: the hearing-right notice, the last day to request a hearing, the request. */
  hearingNoticeOn: civil('hearing_notice_on'),
  hearingRequestDueOn: civil('hearing_request_due_on'),
  hearingRequestedOn: civil('hearing_requested_on'),
  /** The 三线一单 site check run at intake (src/zoning), stored as it was. */
  siteCheck: jsonb('site_check').$type<SiteCheck>(),
  decision: text('decision').$type<'approval' | 'refusal' | 'filing'>(),
  decidedOn: civil('decided_on'),
  decisionGrounds: jsonb('decision_grounds').$type<string[]>(),
  decisionText: text('decision_text'),
  documentNumber: text('document_number').unique(),
  decidedById: integer('decided_by_id').references(() => users.id),
  verificationDueOn: civil('verification_due_on'),
  verifiedOn: civil('verified_on'),
  revokedOn: civil('revoked_on'),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('eia_applications_enterprise_idx').on(t.enterpriseId), index('eia_applications_status_idx').on(t.status)]);

/** 行政许可法 第四十五条: a period not counted (expert review, hearing, publicity…), with its written notice. */
export const eiaPauses = pgTable('eia_pauses', {
  id: serial('id').primaryKey(),
  applicationId: integer('application_id').notNull().references(() => eiaApplications.id),
  kind: text('kind').$type<PauseKind>().notNull(),
  startOn: civil('start_on').notNull(),
  endOn: civil('end_on'),
  noticeOn: civil('notice_on').notNull(),
  note: text('note'),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('eia_pauses_application_idx').on(t.applicationId)]);

/** 行政许可法 第三十二条: the ONE correction notice listing everything missing (补正通知), numbered. */
export const eiaCorrectionNotices = pgTable('eia_correction_notices', {
  id: serial('id').primaryKey(),
  applicationId: integer('application_id').notNull().references(() => eiaApplications.id),
  /** The receipt the notice answers: one notice per receipt. */
  receivedOn: civil('received_on').notNull(),
  number: text('number').notNull().unique(),
  missing: jsonb('missing').$type<{ code: string; name: string }[]>().notNull(),
  issuedOn: civil('issued_on').notNull(),
  issuedById: integer('issued_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('eia_correction_notices_receipt').on(t.applicationId, t.receivedOn)]);

/** 告知承诺: a false commitment revoked is kept as a credit record of the enterprise. */
export const eiaCreditRecords = pgTable('eia_credit_records', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  applicationId: integer('application_id').notNull().references(() => eiaApplications.id).unique(),
  reason: text('reason').notNull(),
  recordedOn: civil('recorded_on').notNull(),
  recordedById: integer('recorded_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
});

/** Gap-free numbers per 机关代字 and year for the EIA series (烟环审〔2026〕3号). */
export const eiaDocumentSequences = pgTable('eia_document_sequences', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  lastSeq: integer('last_seq').notNull(),
}, (t) => [primaryKey({ columns: [t.prefix, t.year] })]);
