import {
  bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { enterprises, outfalls } from '../enterprises/tables.js';
import { leads } from '../cases/tables.js';
import type { EventKind, LimitBasis, LimitPeriod, ChannelRole, DeviceKind } from './rules/vocabulary.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 数采仪 (data logger): one MN, registered to an enterprise outfall (or, for electricity, to the enterprise). */
export const monitoringDevices = pgTable('monitoring_devices', {
  id: serial('id').primaryKey(),
  /** HJ 212 MN: 24 hex characters (EPC-96) in 2017; shorter in the field. */
  mn: text('mn').notNull().unique(),
  /** HJ 212 PW, sent in clear in every packet: a protocol access code, not a user password. */
  password: text('password').notNull(),
  kind: text('kind').$type<DeviceKind>().notNull().default('emission'),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  outfallId: integer('outfall_id').references(() => outfalls.id),
  /** Expected seconds between uploads (RtdInterval, 30–3600): past 3× this the device counts as offline. */
  intervalS: integer('interval_s').notNull().default(60),
  active: boolean('active').notNull().default(true),
  lastSeenAt: ts('last_seen_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [index('monitoring_devices_enterprise_idx').on(t.enterpriseId)]);

/** One accepted upload (a reassembled split message counts once); its QN proves what was acknowledged. */
export const monitoringPackets = pgTable('monitoring_packets', {
  deviceId: integer('device_id').notNull(),
  cn: smallint('cn').notNull(),
  dataTime: ts('data_time').notNull(),
  qn: text('qn'),
  points: integer('points').notNull(),
  receivedAt: ts('received_at').notNull(),
}, (t) => [primaryKey({ columns: [t.deviceId, t.cn, t.dataTime] }), index('monitoring_packets_received_idx').on(t.receivedAt)]);

/** The commands an outfall is judged on: minute (2051, for hours without an hourly record), hourly (2061), daily (2031). */
export const JUDGED_CNS = [2051, 2061, 2031] as const;
/**
 * The judged commands as one SQL condition with literals: the predicate of monitoring_data_points_outfall_time_idx and of
 * the query it serves (loadOutfallSeries), written once so the planner can always prove the query within the index.
 */
export const JUDGED_CN_CONDITION = `cn in (${JUDGED_CNS.join(', ')})`;

/** One pollutant's values in one record (HJ 212 表 4). cn: 2011 real-time, 2051 minute, 2061 hourly, 2031 daily. */
export const monitoringDataPoints = pgTable('monitoring_data_points', {
  deviceId: integer('device_id').notNull(),
  cn: smallint('cn').notNull(),
  pollutant: text('pollutant').notNull(),
  dataTime: ts('data_time').notNull(),
  outfallId: integer('outfall_id'),
  rtd: doublePrecision('rtd'),
  min: doublePrecision('min'),
  avg: doublePrecision('avg'),
  max: doublePrecision('max'),
  cou: doublePrecision('cou'),
  zsRtd: doublePrecision('zs_rtd'),
  zsAvg: doublePrecision('zs_avg'),
  /** 数据标记 as sent; null = the logger sent no -Flag (the rules read it as N, HJ 212-2017 表 4). */
  flag: text('flag'),
  /** The code as received when it was an HJ/T 212-2005 code mapped to `pollutant` (附录 B 原编码). */
  sourceCode: text('source_code'),
}, (t) => [
  primaryKey({ columns: [t.deviceId, t.cn, t.pollutant, t.dataTime] }),
  // Judging an outfall reads its minute, hourly and daily points of a recent window (loadOutfallSeries, for each dirty
  // outfall of each ingest round): without this a scan of every stored point (issue 18: 0.8 s at 2.4 M points, growing
  // with the table). Partial: real-time (2011) points, most of the traffic, are not judged and not indexed here.
  index('monitoring_data_points_outfall_time_idx').on(t.outfallId, t.dataTime).where(sql.raw(JUDGED_CN_CONDITION)),
]);

/**
 * A record re-sent with different values for a (device, command, pollutant, time) already stored: kept beside
 * the first (which stays the value judged), marked for review, and audited (see README §"Decisions").
 */
export const monitoringPointCorrections = pgTable('monitoring_point_corrections', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deviceId: integer('device_id').notNull(),
  cn: smallint('cn').notNull(),
  pollutant: text('pollutant').notNull(),
  dataTime: ts('data_time').notNull(),
  rtd: doublePrecision('rtd'),
  min: doublePrecision('min'),
  avg: doublePrecision('avg'),
  max: doublePrecision('max'),
  cou: doublePrecision('cou'),
  zsRtd: doublePrecision('zs_rtd'),
  zsAvg: doublePrecision('zs_avg'),
  flag: text('flag'),
  receivedAt: ts('received_at').notNull(),
  audited: boolean('audited').notNull().default(false),
}, (t) => [index('monitoring_point_corrections_point_idx').on(t.deviceId, t.cn, t.pollutant, t.dataTime)]);

/**
 * Sub-packets of split uploads (Flag D = 1, PNUM/PNO), each stored before its own 9014 (HJ 212-2017 §6.3.2,
 * 附录 C); the message is assembled from them after. Re-sent parts hit the key and change nothing.
 */
export const monitoringPacketParts = pgTable('monitoring_packet_parts', {
  deviceId: integer('device_id').notNull(),
  qn: text('qn').notNull(),
  pno: smallint('pno').notNull(),
  pnum: smallint('pnum').notNull(),
  cn: smallint('cn').notNull(),
  /** The part's data segment (re-encoded from the parsed packet, 2005 codes as sent): re-parsed to finish an assembly after a restart. */
  segment: text('segment').notNull(),
  receivedAt: ts('received_at').notNull(),
  assembledAt: ts('assembled_at'),
}, (t) => [primaryKey({ columns: [t.deviceId, t.qn, t.pno] }), index('monitoring_packet_parts_open_idx').on(t.assembledAt, t.receivedAt)]);

/** CP codes that are neither an HJ 212-2017 code nor a mapped 2005 code: listed for review, never a series. */
export const monitoringUnknownCodes = pgTable('monitoring_unknown_codes', {
  deviceId: integer('device_id').notNull(),
  code: text('code').notNull(),
  cn: smallint('cn').notNull(),
  firstSeenAt: ts('first_seen_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.deviceId, t.code] })]);

/** Frames refused by the gateway, with the reason (bounded sample of the frame). */
export const monitoringRejections = pgTable('monitoring_rejections', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  reason: text('reason').notNull(),
  field: text('field'),
  mn: text('mn'),
  remote: text('remote'),
  sample: text('sample').notNull(),
  /** Bytes discarded (framing: noise, a frame without trailer); null for a whole frame judged by the parser. */
  bytes: integer('bytes'),
}, (t) => [index('monitoring_rejections_at_idx').on(t.at), index('monitoring_rejections_reason_idx').on(t.reason)]);

/** Limits as data: the emission standard's and the discharge permit's, each with its citation. */
export const monitoringLimits = pgTable('monitoring_limits', {
  id: serial('id').primaryKey(),
  outfallId: integer('outfall_id').notNull().references(() => outfalls.id),
  pollutant: text('pollutant').notNull(),
  period: text('period').$type<LimitPeriod>().notNull(),
  /** pH-like range tests set both; concentration limits only `upper`. */
  lower: doublePrecision('lower'),
  upper: doublePrecision('upper'),
  /** Compare the value converted to the reference O2 (ZsAvg) where the standard sets one. */
  useReference: boolean('use_reference').notNull().default(false),
  basis: text('basis').$type<LimitBasis>().notNull(),
  /** e.g. 'GB 8978-1996 表4 一级' or '排污许可证 91370602… 第3页'. */
  citation: text('citation').notNull(),
  effectiveFrom: day('effective_from').notNull(),
  effectiveTo: day('effective_to'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('monitoring_limits_outfall_idx').on(t.outfallId, t.pollutant)]);

/** Exceedance, data-quality and electricity events: continuous intervals with start, end and peak. */
export const monitoringEvents = pgTable('monitoring_events', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<EventKind>().notNull(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  outfallId: integer('outfall_id').references(() => outfalls.id),
  deviceId: integer('device_id').references(() => monitoringDevices.id),
  pollutant: text('pollutant'),
  /** Identifies the series the event belongs to (`outfall|pollutant|period` …). */
  scopeKey: text('scope_key').notNull(),
  startAt: ts('start_at').notNull(),
  /** End of the last unit (hour, slot) in the event so far. */
  endAt: ts('end_at').notNull(),
  ongoing: boolean('ongoing').notNull().default(true),
  units: integer('units').notNull(),
  peakValue: doublePrecision('peak_value'),
  peakAt: ts('peak_at'),
  limitValue: doublePrecision('limit_value'),
  limitCitation: text('limit_citation'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  leadId: integer('lead_id').references(() => leads.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  unique('monitoring_events_scope_start').on(t.kind, t.scopeKey, t.startAt),
  index('monitoring_events_enterprise_idx').on(t.enterpriseId, t.startAt),
  index('monitoring_events_start_idx').on(t.startAt),
  // Judging an outfall starts from its earliest open event (evaluateOutfall, for each dirty outfall of each round):
  // a scan of every event before (issue 18: 56–92 ms an outfall at 200 000 events, 0.6–7 ms with it).
  index('monitoring_events_outfall_ongoing_idx').on(t.outfallId, t.startAt).where(sql`ongoing`),
]);

/** 用电智能管控: a metered circuit of an enterprise, production or pollution-control equipment. */
export const electricityChannels = pgTable('electricity_channels', {
  id: serial('id').primaryKey(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  name: text('name').notNull(),
  role: text('role').$type<ChannelRole>().notNull(),
  /** When readings arrive over HJ 212: the device and the CP code of this channel (e.g. e10101). */
  deviceId: integer('device_id').references(() => monitoringDevices.id),
  factorCode: text('factor_code'),
  ratedKw: doublePrecision('rated_kw').notNull(),
  /** At or above this the equipment is running. */
  onThresholdKw: doublePrecision('on_threshold_kw').notNull(),
  /** Control equipment running below this share of its rated power is under-loaded. */
  underLoadRatio: doublePrecision('under_load_ratio').notNull().default(0.3),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('electricity_channels_enterprise_idx').on(t.enterpriseId), unique('electricity_channels_device_factor').on(t.deviceId, t.factorCode)]);

export const electricityReadings = pgTable('electricity_readings', {
  channelId: integer('channel_id').notNull(),
  at: ts('at').notNull(),
  kw: doublePrecision('kw').notNull(),
}, (t) => [primaryKey({ columns: [t.channelId, t.at] })]);
