import { integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';
import type { ReportStatus } from './rules.js';
import type { FrozenFigure } from './figures.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One year-end rule-of-law report per year (the bureau is the database's); finalised once, then frozen. */
export const annualReports = pgTable('annual_reports', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  status: text('status').$type<ReportStatus>().notNull(),
  createdAt: ts('created_at').notNull(),
  finalisedAt: ts('finalised_at'),
  finalisedById: integer('finalised_by_id').references(() => users.id),
  /** The query results as they stood at finalisation: a finalised report never changes. */
  frozenFigures: jsonb('frozen_figures').$type<FrozenFigure[]>(),
});

/** Each saved edit of a paragraph by the legal department: versions 1, 2, … per paragraph (the latest is shown). */
export const annualReportParagraphVersions = pgTable('annual_report_paragraph_versions', {
  id: serial('id').primaryKey(),
  reportId: integer('report_id').notNull().references(() => annualReports.id),
  paragraphKey: text('paragraph_key').notNull(),
  version: integer('version').notNull(),
  text: text('text').notNull(),
  editedById: integer('edited_by_id').notNull().references(() => users.id),
  editedAt: ts('edited_at').notNull(),
}, (t) => [unique('annual_report_paragraph_version_uq').on(t.reportId, t.paragraphKey, t.version)]);
