import {
  boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { districts, townships } from '../organisation/tables.js';
import type { Pollutant } from './rules/pollutants.js';
import type { RankingKind, SanctionKind, TriggerKind } from './rules/triggers.js';

import type { StationLevel } from './rules/stations.js';

/** Ambient air monitoring stations (国控/省控/区控站点, 乡镇街道微站), WGS-84. */
export const airStations = pgTable('air_stations', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: text('level').$type<StationLevel>().notNull(),
  districtId: integer('district_id').notNull().references(() => districts.id),
  townshipId: integer('township_id').references(() => townships.id),
  longitude: doublePrecision('longitude').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [index('air_stations_district_idx').on(t.districtId), index('air_stations_township_idx').on(t.townshipId)]);

/**
 * Hourly concentrations of a station: µg/m³, CO mg/m³. `hour` 0–23 is the hour starting at hour:00 of
 * the civil day `observed_on` (China Standard Time). `invalid_mask` has POLLUTANT_BIT set for each value
 * whose data flag is not valid (HJ 212 flags other than N); such values never enter a statistic.
 */
export const airHourly = pgTable('air_hourly', {
  stationId: integer('station_id').notNull().references(() => airStations.id),
  observedOn: date('observed_on', { mode: 'string' }).notNull(),
  hour: smallint('hour').notNull(),
  so2: doublePrecision('so2'),
  no2: doublePrecision('no2'),
  co: doublePrecision('co'),
  o3: doublePrecision('o3'),
  pm10: doublePrecision('pm10'),
  pm25: doublePrecision('pm25'),
  invalidMask: smallint('invalid_mask').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.stationId, t.observedOn, t.hour] })]);

/** Daily values of a station (HJ 663-2013), recomputed from `air_hourly` whenever its hours change. */
export const airDaily = pgTable('air_daily', {
  stationId: integer('station_id').notNull().references(() => airStations.id),
  observedOn: date('observed_on', { mode: 'string' }).notNull(),
  so2: doublePrecision('so2'),
  no2: doublePrecision('no2'),
  co: doublePrecision('co'),
  pm10: doublePrecision('pm10'),
  pm25: doublePrecision('pm25'),
  o3Max1h: doublePrecision('o3_max_1h'),
  o3Max8h: doublePrecision('o3_max_8h'),
  /** Valid hours per pollutant, in POLLUTANTS order. */
  validHours: smallint('valid_hours').array().notNull(),
  aqi: smallint('aqi'),
  aqiComplete: boolean('aqi_complete').notNull(),
  primaryPollutants: text('primary_pollutants').array().$type<Pollutant[]>().notNull(),
  standard: text('standard').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [primaryKey({ columns: [t.stationId, t.observedOn] }), index('air_daily_on_idx').on(t.observedOn)]);

/** Trigger rules as data: when a published ranking raises an interview or approval restriction. */
export const qualityTriggerRules = pgTable('quality_trigger_rules', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  ranking: text('ranking').$type<RankingKind>().notNull(),
  kind: text('kind').$type<TriggerKind>().notNull(),
  consecutive: integer('consecutive'),
  thresholdPercent: doublePrecision('threshold_percent'),
  action: text('action').$type<SanctionKind>().notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** A ranking published to the public disclosure pages: what, for which period, when and by whom. */
export const qualityPublications = pgTable('quality_publications', {
  id: serial('id').primaryKey(),
  ranking: text('ranking').$type<RankingKind>().notNull(),
  period: text('period').notNull(),
  title: text('title').notNull(),
  /** The ranking exactly as published. */
  snapshot: jsonb('snapshot').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  publishedBy: integer('published_by'),
  publishedByName: text('published_by_name').notNull(),
}, (t) => [index('quality_publications_ranking_idx').on(t.ranking, t.period)]);

/** Interview notices (约谈) and approval restrictions (区域限批) raised for a district or township. */
export const qualitySanctions = pgTable('quality_sanctions', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<SanctionKind>().notNull(),
  ranking: text('ranking').$type<RankingKind>().notNull(),
  period: text('period').notNull(),
  districtId: integer('district_id').notNull().references(() => districts.id),
  townshipId: integer('township_id').references(() => townships.id),
  /** `d:<id>` or `t:<id>`: one sanction per rule, period and unit. */
  unitKey: text('unit_key').notNull(),
  ruleId: integer('rule_id').notNull().references(() => qualityTriggerRules.id),
  publicationId: integer('publication_id').references(() => qualityPublications.id),
  reason: text('reason').notNull(),
  status: text('status').$type<'raised' | 'lifted'>().notNull().default('raised'),
  raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
  raisedBy: integer('raised_by'),
}, (t) => [unique('quality_sanctions_once').on(t.ruleId, t.period, t.unitKey), index('quality_sanctions_district_idx').on(t.districtId)]);

/**
 * District outlines for the air-quality map (GeoJSON Polygon/MultiPolygon, WGS-84), one row per district.
 * Bureau-supplied only: 地图管理条例 第十五条、第十六条 require maps shown to the public to pass map review
 * (审图号), so no boundary data ships with the code; the bureau imports its licensed set (天地图 / its surveying
 * authority) and we serve it offline. Every row of an import carries the same source, licence and review number.
 */
export const airDistrictBoundaries = pgTable('air_district_boundaries', {
  districtId: integer('district_id').primaryKey().references(() => districts.id),
  geometry: jsonb('geometry').notNull(),
  /** 数据来源, e.g. 天地图·山东 / 烟台市自然资源和规划局. */
  source: text('source').notNull(),
  /** 许可: the licence or agreement under which the bureau may use and show the data. */
  licence: text('licence').notNull(),
  /** 审图号, shown beside the map when given. */
  reviewNumber: text('review_number'),
  importedBy: integer('imported_by'),
  importedByName: text('imported_by_name').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
});
