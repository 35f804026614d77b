import { boolean, date, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import type { CleanupOutcome, DocumentStatus, DraftingLevel, MeetingKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const civil = (name: string) => date(name, { mode: 'string' });

/** 行政规范性文件: the one register (统一登记) of the bureau's normative documents, draft to clean-up. */
export const normativeDocuments = pgTable('normative_documents', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  draftingUnit: text('drafting_unit').notNull(),
  /** 起草层级: drafted for the municipal government (市政府规范性文件, issued under its number) or the bureau's own. */
  draftingLevel: text('drafting_level').$type<DraftingLevel>().notNull().default('bureau'),
  body: text('body').notNull(),
  status: text('status').$type<DocumentStatus>().notNull(),
  draftedOn: civil('drafted_on').notNull(),
  /** 修改: the document this draft amends (it is replaced once this one is published). */
  amendsId: integer('amends_id'),
  assessedOn: civil('assessed_on'),
  assessmentSummary: text('assessment_summary'),
  commentStartOn: civil('comment_start_on'),
  commentPlannedEndOn: civil('comment_planned_end_on'),
  commentShortReason: text('comment_short_reason'),
  commentEndOn: civil('comment_end_on'),
  commentsReceived: integer('comments_received'),
  commentsAnswered: integer('comments_answered'),
  commentAnswerSummary: text('comment_answer_summary'),
  deliberatedOn: civil('deliberated_on'),
  meetingKind: text('meeting_kind').$type<MeetingKind>(),
  meetingNote: text('meeting_note'),
  /** 统一编号: year and sequence of the bureau's one series, e.g. 烟环规〔2026〕1号. */
  numberYear: integer('number_year'),
  numberSeq: integer('number_seq'),
  documentNumber: text('document_number'),
  issuedOn: civil('issued_on'),
  signerId: integer('signer_id').references(() => users.id),
  signerName: text('signer_name'),
  effectiveOn: civil('effective_on'),
  validUntilOn: civil('valid_until_on'),
  publishedOn: civil('published_on'),
  publicationChannel: text('publication_channel'),
  filedOn: civil('filed_on'),
  filedWith: text('filed_with'),
  filingDueOn: civil('filing_due_on'),
  /** The day it left force: repealed at clean-up or replaced by its amendment. */
  endedOn: civil('ended_on'),
  replacedById: integer('replaced_by_id'),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  version: integer('version').notNull().default(1),
}, (t) => [
  unique('normative_documents_number').on(t.documentNumber),
  unique('normative_documents_year_seq').on(t.numberYear, t.numberSeq),
  index('normative_documents_status_idx').on(t.status),
]);

/** 合法性审核: one row per round (a failed review is answered by a revised submission). */
export const normativeDocumentReviews = pgTable('normative_document_reviews', {
  id: serial('id').primaryKey(),
  documentId: integer('document_id').notNull().references(() => normativeDocuments.id),
  round: integer('round').notNull(),
  submittedOn: civil('submitted_on').notNull(),
  reviewedOn: civil('reviewed_on'),
  passed: boolean('passed'),
  competence: text('competence'),
  procedure: text('procedure'),
  content: text('content'),
  conclusion: text('conclusion'),
  reviewerId: integer('reviewer_id').references(() => users.id),
  reviewerName: text('reviewer_name'),
}, (t) => [unique('normative_document_reviews_round').on(t.documentId, t.round)]);

/** 清理: each periodic review of a document in force, with its outcome. */
export const normativeDocumentCleanups = pgTable('normative_document_cleanups', {
  id: serial('id').primaryKey(),
  documentId: integer('document_id').notNull().references(() => normativeDocuments.id),
  cleanedOn: civil('cleaned_on').notNull(),
  outcome: text('outcome').$type<CleanupOutcome>().notNull(),
  note: text('note').notNull(),
  newDraftId: integer('new_draft_id'),
  actorId: integer('actor_id').references(() => users.id),
}, (t) => [index('normative_document_cleanups_document_idx').on(t.documentId)]);

/** The bureau's one numbering series, per year: the last number given. */
export const normativeDocumentSeqs = pgTable('normative_document_seqs', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
