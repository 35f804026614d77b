import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, unique, date } from 'drizzle-orm/pg-core';
import { districts, townships } from '../organisation/tables.js';
import type { SiteKind, SiteLevel } from './rules/evaluation.js';
import type { WaterBody } from './rules/classify.js';

/** Water monitoring sites: sections (断面), drinking-water sources, near-shore sea points; WGS-84. */
export const waterSites = pgTable('water_sites', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').$type<SiteKind>().notNull(),
  level: text('level').$type<SiteLevel>().notNull(),
  body: text('body').$type<WaterBody>().notNull(),
  /** River, lake or sea area the site lies on. */
  waterName: text('water_name'),
  districtId: integer('district_id').notNull().references(() => districts.id),
  townshipId: integer('township_id').references(() => townships.id),
  longitude: doublePrecision('longitude').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  /** Annual target class: 1–5 (Ⅰ–Ⅴ) for sections and sources, 1–4 for sea points. */
  targetClass: smallint('target_class'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('water_sites_district_idx').on(t.districtId)]);

/** One monthly sample of a site: the evaluated parameters (mg/L; pH unitless), or dry (断流). */
export const waterSamples = pgTable('water_samples', {
  id: serial('id').primaryKey(),
  siteId: integer('site_id').notNull().references(() => waterSites.id),
  /** YYYY-MM: the month the sample counts for. */
  month: text('month').notNull(),
  sampledOn: date('sampled_on', { mode: 'string' }).notNull(),
  values: jsonb('values').$type<Record<string, number>>().notNull(),
  dry: boolean('dry').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [unique('water_samples_site_month').on(t.siteId, t.month), index('water_samples_month_idx').on(t.month)]);
