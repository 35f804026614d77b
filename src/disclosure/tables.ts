import { bigint, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables.js';
import { districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import { users } from '../users/tables.js';
import type { PublicCorrection, PublicRecord } from './record.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * 行政处罚公示 (双公示): one published penalty decision, redacted by rule (rules.ts) when published, and its
 * withdrawal (行政处罚法 第四十八条第二款). A decided penalty case without a row here is due for publication.
 */
export const penaltyPublications = pgTable('penalty_publications', {
  id: serial('id').primaryKey(),
  /** One publication per case: the unique constraint settles two reviewers publishing at once. */
  caseId: integer('case_id').notNull().unique().references(() => cases.id),
  districtId: integer('district_id').notNull().references(() => districts.id),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  decisionNumber: text('decision_number').notNull(),
  decidedOn: day('decided_on').notNull(),
  year: integer('year').notNull(),
  fineFen: bigint('fine_fen', { mode: 'number' }).notNull(),
  /** What the public sees: the 双公示 fields with personal data removed. */
  record: jsonb('record').$type<PublicRecord>().notNull(),
  status: text('status').$type<'published' | 'withdrawn'>().notNull(),
  /** The publication deadline it was published against (settings.penaltyPublicationWorkingDays). */
  dueOn: day('due_on').notNull(),
  publishedOn: day('published_on').notNull(),
  publishedAt: ts('published_at').notNull(),
  publishedById: integer('published_by_id').notNull().references(() => users.id),
  withdrawnOn: day('withdrawn_on'),
  withdrawnAt: ts('withdrawn_at'),
  withdrawnById: integer('withdrawn_by_id').references(() => users.id),
  /** 公开说明理由: shown publicly in place of the withdrawn record. */
  withdrawalReason: text('withdrawal_reason'),
  /** Corrections after data-error reports, oldest first (the record holds the corrected text). */
  corrections: jsonb('corrections').$type<PublicCorrection[]>().notNull().default([]),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  index('penalty_publications_list_idx').on(t.decidedOn, t.id),
  index('penalty_publications_district_idx').on(t.districtId, t.decidedOn, t.id),
  index('penalty_publications_enterprise_idx').on(t.enterpriseId, t.decidedOn, t.id),
  index('penalty_publications_year_idx').on(t.year, t.decidedOn, t.id),
]);

/**
 * A counter per public list, raised in the same transaction as every change of the list's rows (publication,
 * withdrawal, correction). A list's ETag is its version with the query, so a revalidation (If-None-Match) is
 * answered with one key lookup, and a cached total is keyed by the version it was counted at (never stale).
 */
export const publicListVersions = pgTable('public_list_versions', {
  list: text('list').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});
