import { doublePrecision, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { districts, townships } from '../organisation/tables.js';
import type { CreditRating, KeyUnitCategory, OutfallKind } from './rules/enterprise.js';

/** Regulated entities (监管企业) that cases, permits and monitoring refer to. */
export const enterprises = pgTable('enterprises', {
  id: serial('id').primaryKey(),
  creditCode: text('credit_code').notNull().unique(),
  name: text('name').notNull(),
  legalRepresentative: text('legal_representative').notNull(),
  districtId: integer('district_id').notNull().references(() => districts.id),
  townshipId: integer('township_id').references(() => townships.id),
  /** GB/T 4754-2017 国民经济行业分类 code, e.g. C2614. */
  industryCode: text('industry_code').notNull(),
  address: text('address').notNull(),
  /** WGS-84 degrees. */
  longitude: doublePrecision('longitude'),
  latitude: doublePrecision('latitude'),
  keyUnitCategories: text('key_unit_categories').array().$type<KeyUnitCategory[]>().notNull().default([]),
  creditRating: text('credit_rating').$type<CreditRating>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('enterprises_district_idx').on(t.districtId), index('enterprises_name_idx').on(t.name)]);

/** Pollutant outfalls (排放口), coded per HJ 608 style, e.g. DW001 (废水) / DA001 (废气). */
export const outfalls = pgTable('outfalls', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<OutfallKind>().notNull(),
}, (t) => [unique('outfalls_enterprise_code').on(t.enterpriseId, t.code)]);
