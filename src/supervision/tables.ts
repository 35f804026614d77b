import { date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.js';
import { districts } from '../organisation/tables.js';
import { users } from '../users/tables.js';
import { leads } from '../cases/tables.js';
import type { ComplaintOutcome, ComplaintSource, PositiveListStatus } from './rules/vocabulary.js';
import type { AdmissionCheck } from './rules/positive-list.js';
import type { KeyListReason } from './rules/key-list.js';
import type { RiskWeights } from './rules/risk.js';
import type { DrawPool, DrawResult } from './rules/draw.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 信访投诉: a complaint about an enterprise, from receipt to outcome. */
export const complaints = pgTable('complaints', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  districtId: integer('district_id').notNull().references(() => districts.id),
  source: text('source').$type<ComplaintSource>().notNull(),
  receivedOn: day('received_on').notNull(),
  content: text('content').notNull(),
  handling: text('handling').notNull().default(''),
  outcome: text('outcome').$type<ComplaintOutcome>().notNull().default('pending'),
  closedOn: day('closed_on'),
  leadId: integer('lead_id').references(() => leads.id),
  createdById: integer('created_by_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('complaints_enterprise_idx').on(t.enterpriseId, t.receivedOn)]);

/** A rectification (整改) an enterprise owes, from any source; overdue while unfinished past its due date. */
export const rectifications = pgTable('rectifications', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  source: text('source').notNull(),
  requirement: text('requirement').notNull(),
  orderedOn: day('ordered_on').notNull(),
  dueOn: day('due_on').notNull(),
  completedOn: day('completed_on'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('rectifications_enterprise_idx').on(t.enterpriseId)]);

/**
 * Versioned risk weights: every score names the version it used. A new version is a draft until a leader
 * activates it; the weights in force are the highest activated version effective on the day.
 */
export const riskWeightSets = pgTable('risk_weight_sets', {
  version: integer('version').primaryKey(),
  effectiveFrom: day('effective_from').notNull(),
  weights: jsonb('weights').$type<RiskWeights>().notNull(),
  note: text('note').notNull(),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  activatedById: integer('activated_by_id').references(() => users.id),
  activatedAt: ts('activated_at'),
  /** Order of activations (1, 2, …): the last activated version effective on a day is the one in force. */
  activationSeq: integer('activation_seq'),
});

/** 正面清单 (监督执法正面清单): proposed → approved → published; removed with a reason. */
export const positiveListEntries = pgTable('positive_list_entries', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  status: text('status').$type<PositiveListStatus>().notNull(),
  /** The admission check as it stood when proposed (each criterion with its evidence). */
  admission: jsonb('admission').$type<AdmissionCheck>().notNull(),
  proposedById: integer('proposed_by_id').references(() => users.id),
  proposedAt: ts('proposed_at').notNull(),
  approvedById: integer('approved_by_id').references(() => users.id),
  approvedAt: ts('approved_at'),
  publishedAt: ts('published_at'),
  removedAt: ts('removed_at'),
  removalReason: text('removal_reason'),
}, (t) => [index('positive_list_enterprise_idx').on(t.enterpriseId, t.status)]);

/** 重点执法监管名单: one row per stay on the list (entry, reasons, exit): its history. */
export const keyListEntries = pgTable('key_list_entries', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  reasons: jsonb('reasons').$type<KeyListReason[]>().notNull(),
  enteredAt: ts('entered_at').notNull(),
  exitedAt: ts('exited_at'),
  exitReason: text('exit_reason'),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('key_list_enterprise_idx').on(t.enterpriseId, t.exitedAt)]);

/** 双随机: a draw, reproducible from its recorded seed and pool snapshot. */
export const inspectionDraws = pgTable('inspection_draws', {
  id: serial('id').primaryKey(),
  seed: text('seed').notNull(),
  drawnAt: ts('drawn_at').notNull(),
  drawnById: integer('drawn_by_id').references(() => users.id),
  title: text('title').notNull(),
  pool: jsonb('pool').$type<DrawPool>().notNull(),
  result: jsonb('result').$type<DrawResult>().notNull(),
  weightsVersion: integer('weights_version').notNull(),
  /** The district the draw was scoped to (its pool and its visibility); null for a city-wide draw. */
  districtId: integer('district_id').references(() => districts.id),
}, (t) => [index('inspection_draws_at_idx').on(t.drawnAt), index('inspection_draws_district_idx').on(t.districtId, t.drawnAt)]);

/** One enterprise drawn, with its inspection team (for recent-visit conflicts in later draws). */
export const inspectionDrawItems = pgTable('inspection_draw_items', {
  id: serial('id').primaryKey(),
  drawId: integer('draw_id').notNull().references(() => inspectionDraws.id),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  officerIds: integer('officer_ids').array().notNull(),
  riskScore: doublePrecision('risk_score').notNull(),
  /** For a positive-list enterprise: the recorded cause that allows the on-site visit. */
  cause: text('cause'),
  drawnOn: day('drawn_on').notNull(),
}, (t) => [index('inspection_draw_items_enterprise_idx').on(t.enterpriseId, t.drawnOn)]);
