import { bigint, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables.js';
import { users } from '../users/tables.js';
import type { Citation } from '../law/outcome.js';
import type { Calculation, Factor, LegalRange } from './rules/benchmark.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 自由裁量基准: one version of the table for one violation. A new version never changes an old one. */
export const discretionTables = pgTable('discretion_tables', {
  id: serial('id').primaryKey(),
  code: text('code').notNull(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  category: text('category').notNull(),
  violatedProvision: jsonb('violated_provision').$type<Citation>().notNull(),
  penaltyProvision: jsonb('penalty_provision').$type<Citation>().notNull(),
  range: jsonb('range').$type<LegalRange>().notNull(),
  factors: jsonb('factors').$type<Factor[]>().notNull(),
  baselinePercent: integer('baseline_percent').notNull().default(0),
  roundingFen: bigint('rounding_fen', { mode: 'number' }).notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  source: text('source').notNull(),
  note: text('note').notNull().default(''),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('discretion_tables_version').on(t.code, t.version)]);

/** A benchmark calculation stored on a case: the inputs, the table version and the result. The latest counts. */
export const discretionCalculations = pgTable('discretion_calculations', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  tableId: integer('table_id').notNull().references(() => discretionTables.id),
  levels: jsonb('levels').$type<Record<string, string>>().notNull(),
  baseFen: bigint('base_fen', { mode: 'number' }),
  computedFen: bigint('computed_fen', { mode: 'number' }).notNull(),
  legalMinFen: bigint('legal_min_fen', { mode: 'number' }).notNull(),
  legalMaxFen: bigint('legal_max_fen', { mode: 'number' }).notNull(),
  breakdown: jsonb('breakdown').$type<Calculation>().notNull(),
  calculatedById: integer('calculated_by_id').notNull().references(() => users.id),
  calculatedAt: ts('calculated_at').notNull(),
}, (t) => [index('discretion_calculations_case_idx').on(t.caseId, t.id)]);
