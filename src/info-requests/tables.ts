import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import type { ApplicantKind, Channel, ErrorReportStatus, Pause, ProvisionForm, ReplyContent, ReplyKind, RequestStatus } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 政府信息公开申请 (第二十九条: applicant with identity and contact, description, form of provision). */
export const infoRequests = pgTable('info_requests', {
  id: serial('id').primaryKey(),
  /** The receipt number the applicant uses to see the status (random, not guessable from another's). */
  number: text('number').notNull(),
  channel: text('channel').$type<Channel>().notNull(),
  applicantKind: text('applicant_kind').$type<ApplicantKind>().notNull(),
  applicantName: text('applicant_name').notNull(),
  idNumber: text('id_number').notNull(),
  phone: text('phone').notNull(),
  address: text('address'),
  email: text('email'),
  description: text('description').notNull(),
  provisionForm: text('provision_form').$type<ProvisionForm>().notNull(),
  status: text('status').$type<RequestStatus>().notNull(),
  submittedAt: ts('submitted_at').notNull(),
  receivedOn: civil('received_on'),
  correctionNoticeOn: civil('correction_notice_on'),
  correctionMatters: text('correction_matters'),
  /** 第三十条: the last day of the 合理的补正期限 the notice states. */
  correctionDueOn: civil('correction_due_on'),
  correctedOn: civil('corrected_on'),
  /** 第三十条: a correction after the period is accepted only for 正当理由, recorded here. */
  lateCorrectionReason: text('late_correction_reason'),
  /** 第三十条 视为放弃申请: the day the request was closed as abandoned. */
  abandonedOn: civil('abandoned_on'),
  extensionWorkingDays: integer('extension_working_days').notNull().default(0),
  extensionReason: text('extension_reason'),
  extendedOn: civil('extended_on'),
  /** 第三十二条 consultations: letter sent (startOn) → answer (endOn). */
  pauses: jsonb('pauses').$type<(Pause & { party: string })[]>().notNull().default([]),
  dueOn: civil('due_on'),
  dueProvisional: boolean('due_provisional').notNull().default(false),
  replyKind: text('reply_kind').$type<ReplyKind>(),
  replyContent: jsonb('reply_content').$type<ReplyContent>(),
  repliedOn: civil('replied_on'),
  replyNumber: text('reply_number'),
  /** 第四十二条: 信息处理费 only for excessive requests, in fen. */
  feeFen: integer('fee_fen').notNull().default(0),
  excessive: boolean('excessive').notNull().default(false),
  handledById: integer('handled_by_id').references(() => users.id),
  version: integer('version').notNull().default(1),
}, (t) => [unique('info_requests_number').on(t.number), index('info_requests_status_idx').on(t.status)]);

/** Yearly sequence of reply document numbers (烟环信复〔2026〕N号). */
export const infoRequestReplySeqs = pgTable('info_request_reply_seqs', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** 报告数据错误: a public report on a published record, answered by the responsible unit. */
export const dataErrorReports = pgTable('data_error_reports', {
  id: serial('id').primaryKey(),
  ticket: text('ticket').notNull(),
  recordKind: text('record_kind').notNull(),
  recordId: text('record_id').notNull(),
  description: text('description').notNull(),
  contact: text('contact'),
  receivedOn: civil('received_on').notNull(),
  dueOn: civil('due_on').notNull(),
  dueProvisional: boolean('due_provisional').notNull().default(false),
  status: text('status').$type<ErrorReportStatus>().notNull(),
  answer: text('answer'),
  answeredOn: civil('answered_on'),
  answeredById: integer('answered_by_id').references(() => users.id),
  /** A correction made in the record through its owning capability: the field, before and after. */
  correction: jsonb('correction').$type<{ field: string; from: string; to: string }>(),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('data_error_reports_ticket').on(t.ticket), index('data_error_reports_status_idx').on(t.status)]);
