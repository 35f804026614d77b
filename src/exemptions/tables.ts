import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases } from '../cases/tables.js';
import { districts } from '../organisation/tables.js';
import { enterprises } from '../enterprises/tables.js';
import { users } from '../users/tables.js';
import type { EntryConditions } from './rules/catalogue.js';
import type { Eligibility } from './rules/eligibility.js';
import type { StatutoryGroundCode } from './rules/grounds.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 轻微环境违法行为目录清单: one published batch, in force from `effectiveOn` until `expiresOn`. */
export const exemptionCatalogues = pgTable('exemption_catalogues', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  documentNumber: text('document_number'),
  issuer: text('issuer').notNull(),
  effectiveOn: day('effective_on').notNull(),
  expiresOn: day('expires_on'),
  note: text('note').notNull().default(''),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** One kind of minor violation in a batch, with its provisions and conditions. */
export const exemptionEntries = pgTable('exemption_entries', {
  id: serial('id').primaryKey(),
  catalogueId: integer('catalogue_id').notNull().references(() => exemptionCatalogues.id),
  seq: integer('seq').notNull(),
  title: text('title').notNull(),
  violatedProvision: text('violated_provision').notNull(),
  penaltyProvision: text('penalty_provision').notNull(),
  /** 适用情形, as the list words it. */
  circumstances: text('circumstances').notNull(),
  conditions: jsonb('conditions').$type<EntryConditions>().notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [unique('exemption_entries_seq').on(t.catalogueId, t.seq)]);

/** The facts an officer records to evaluate a case against one entry. */
export const caseExemptionFacts = pgTable('case_exemption_facts', {
  caseId: integer('case_id').primaryKey().references(() => cases.id),
  entryId: integer('entry_id').notNull().references(() => exemptionEntries.id),
  consequence: text('consequence').$type<'none' | 'minor' | 'serious'>(),
  correctionOrderedOn: day('correction_ordered_on'),
  correctedOn: day('corrected_on'),
  intentional: boolean('intentional'),
  attestedNoPriorElsewhere: boolean('attested_no_prior_elsewhere'),
  extra: jsonb('extra').$type<Record<string, boolean | null>>().notNull().default({}),
  note: text('note').notNull().default(''),
  updatedById: integer('updated_by_id').notNull().references(() => users.id),
  updatedAt: ts('updated_at').notNull(),
});

/** 首违不罚 applied: the case ended with 不予行政处罚决定书, 责令改正 and 批评教育; the enterprise counts as exempted. */
export const exemptions = pgTable('exemptions', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().unique().references(() => cases.id),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  districtId: integer('district_id').notNull().references(() => districts.id),
  catalogueId: integer('catalogue_id').notNull().references(() => exemptionCatalogues.id),
  entryId: integer('entry_id').notNull().references(() => exemptionEntries.id),
  decidedOn: day('decided_on').notNull(),
  /** The evaluation as it stood when applied: each condition with its evidence. */
  evaluation: jsonb('evaluation').$type<Eligibility>().notNull(),
  correctionOrder: text('correction_order').notNull(),
  /** 批评教育 record (行政处罚法 第三十三条第三款). */
  education: jsonb('education').$type<{ on: string; form: string; content: string }>().notNull(),
  appliedById: integer('applied_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('exemptions_decided_idx').on(t.decidedOn), index('exemptions_enterprise_idx').on(t.enterpriseId)]);

/** 行政处罚法 第三十条 to 第三十三条 grounds the officer records on a case. */
export const caseStatutoryGrounds = pgTable('case_statutory_grounds', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  ground: text('ground').$type<StatutoryGroundCode>().notNull(),
  note: text('note').notNull(),
  recordedById: integer('recorded_by_id').notNull().references(() => users.id),
  recordedAt: ts('recorded_at').notNull(),
}, (t) => [unique('case_statutory_grounds_ground').on(t.caseId, t.ground)]);
