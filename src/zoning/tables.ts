import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import { users } from '../users/tables.js';
import type { UnitKind } from './rules.js';

// For another capability's tables that store a check as it was (tables.ts may import tables.ts, nothing more).
export type { SiteCheck, SiteGeometry } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 三线一单 环境管控单元 set, one row per GeoJSON import. Exactly one version is current (a partial unique index);
 * older ones are kept so a past site check can be traced to the units it was made against.
 * `token` names the version for the in-memory spatial index: it never repeats across databases.
 */
export const zoningUnitVersions = pgTable('zoning_unit_versions', {
  id: serial('id').primaryKey(),
  token: text('token').notNull().unique(),
  label: text('label').notNull(),
  source: text('source'),
  unitCount: integer('unit_count').notNull(),
  isCurrent: boolean('is_current').notNull().default(false),
  demo: boolean('demo').notNull().default(false),
  importedById: integer('imported_by_id').references(() => users.id),
  importedAt: ts('imported_at').notNull(),
}, (t) => [uniqueIndex('zoning_unit_versions_one_current').on(t.isCurrent).where(sql`${t.isCurrent}`)]);

/**
 * One 环境管控单元 with its 生态环境准入清单 as data: prohibited and restricted industries as GB/T 4754 code
 * prefixes ('C26' a whole 大类, '2614' a 小类) and the discharge conditions. Geometry is WGS-84/CGCS2000 lon/lat;
 * the bbox columns let a pre-filter skip the geometry.
 */
export const zoningUnits = pgTable('zoning_units', {
  id: serial('id').primaryKey(),
  versionId: integer('version_id').notNull().references(() => zoningUnitVersions.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<UnitKind>().notNull(),
  district: text('district'),
  geometry: jsonb('geometry').$type<Polygon | MultiPolygon>().notNull(),
  minLon: doublePrecision('min_lon').notNull(),
  minLat: doublePrecision('min_lat').notNull(),
  maxLon: doublePrecision('max_lon').notNull(),
  maxLat: doublePrecision('max_lat').notNull(),
  prohibitedIndustries: jsonb('prohibited_industries').$type<string[]>().notNull(),
  restrictedIndustries: jsonb('restricted_industries').$type<string[]>().notNull(),
  restrictionConditions: text('restriction_conditions'),
  dischargeConditions: text('discharge_conditions'),
  demo: boolean('demo').notNull().default(false),
}, (t) => [unique('zoning_units_version_code').on(t.versionId, t.code), index('zoning_units_version_idx').on(t.versionId)]);
