import { date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables.js';
import { users } from '../users/tables.js';
import type { Band, Bands, ReviewItem, SheetLine } from './rules/standard.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 案卷评查标准: one version of the scoring standard. */
export const fileReviewStandards = pgTable('file_review_standards', {
  id: serial('id').primaryKey(),
  code: text('code').notNull(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  bands: jsonb('bands').$type<Bands>().notNull(),
  items: jsonb('items').$type<ReviewItem[]>().notNull(),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('file_review_standards_version').on(t.code, t.version)]);

/** A reviewer's score sheet for one closed case. */
export const fileReviews = pgTable('file_reviews', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  standardId: integer('standard_id').notNull().references(() => fileReviewStandards.id),
  reviewerId: integer('reviewer_id').notNull().references(() => users.id),
  status: text('status').$type<'draft' | 'submitted'>().notNull(),
  lines: jsonb('lines').$type<SheetLine[]>().notNull(),
  score: integer('score').notNull(),
  band: text('band').$type<Band>().notNull(),
  comment: text('comment').notNull().default(''),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  submittedAt: ts('submitted_at'),
}, (t) => [unique('file_reviews_case_reviewer').on(t.caseId, t.reviewerId), index('file_reviews_submitted_idx').on(t.status, t.submittedAt)]);
