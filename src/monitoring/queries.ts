// Reads of the monitoring capability.
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { enterprises, outfalls } from '../enterprises/index.js';
import {
  electricityChannels, electricityReadings, monitoringDataPoints, monitoringDevices, monitoringEvents, monitoringLimits, monitoringRejections,
  monitoringUnknownCodes, JUDGED_CN_CONDITION,
} from './tables.js';
import type { KnownDevice } from './rules/ingest.js';
import type { EventKind } from './rules/vocabulary.js';
import { EVENT_GROUPS } from './rules/vocabulary.js';

/** District scope of a principal as a condition on `enterprises`. */
export const enterpriseScope = (p: Principal | null): SQL | undefined =>
  p === null ? undefined : p.enterpriseId !== null && p.role === 'enterprise_user' ? eq(enterprises.id, p.enterpriseId)
    : p.districtId !== null ? eq(enterprises.districtId, p.districtId) : undefined;

export async function loadKnownDevices(db: DbOrTx): Promise<KnownDevice[]> {
  return db.select({
    id: monitoringDevices.id, mn: monitoringDevices.mn, password: monitoringDevices.password, kind: monitoringDevices.kind,
    enterpriseId: monitoringDevices.enterpriseId, outfallId: monitoringDevices.outfallId,
  }).from(monitoringDevices).where(eq(monitoringDevices.active, true));
}

export async function loadChannelIndex(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ id: electricityChannels.id, deviceId: electricityChannels.deviceId, factorCode: electricityChannels.factorCode })
    .from(electricityChannels);
  return new Map(rows.filter((r) => r.deviceId !== null && r.factorCode).map((r) => [`${r.deviceId}|${r.factorCode}`, r.id]));
}

export async function listDevices(db: DbOrTx, principal: Principal | null) {
  return db.select({
    id: monitoringDevices.id, mn: monitoringDevices.mn, kind: monitoringDevices.kind, enterpriseId: monitoringDevices.enterpriseId,
    enterpriseName: enterprises.name, districtId: enterprises.districtId, outfallId: monitoringDevices.outfallId,
    outfallCode: outfalls.code, outfallName: outfalls.name, intervalS: monitoringDevices.intervalS, active: monitoringDevices.active,
    lastSeenAt: monitoringDevices.lastSeenAt,
  }).from(monitoringDevices)
    .innerJoin(enterprises, eq(enterprises.id, monitoringDevices.enterpriseId))
    .leftJoin(outfalls, eq(outfalls.id, monitoringDevices.outfallId))
    .where(enterpriseScope(principal))
    .orderBy(asc(enterprises.name), asc(outfalls.code));
}

export async function findOutfall(db: DbOrTx, outfallId: number) {
  const [row] = await db.select({ id: outfalls.id, enterpriseId: outfalls.enterpriseId, kind: outfalls.kind, code: outfalls.code, districtId: enterprises.districtId })
    .from(outfalls).innerJoin(enterprises, eq(enterprises.id, outfalls.enterpriseId)).where(eq(outfalls.id, outfallId));
  return row ?? null;
}

export async function listLimits(db: DbOrTx, outfallId: number) {
  return db.select().from(monitoringLimits).where(eq(monitoringLimits.outfallId, outfallId)).orderBy(asc(monitoringLimits.pollutant), asc(monitoringLimits.effectiveFrom));
}

export async function loadOutfallSeries(db: DbOrTx, outfallId: number, fromMs: number, toMs: number) {
  return db.select({
    deviceId: monitoringDataPoints.deviceId, cn: monitoringDataPoints.cn, pollutant: monitoringDataPoints.pollutant, dataTime: monitoringDataPoints.dataTime,
    avg: monitoringDataPoints.avg, zsAvg: monitoringDataPoints.zsAvg, flag: monitoringDataPoints.flag,
  }).from(monitoringDataPoints)
    // The partial index's own predicate (literals, not parameters), so the planner can use monitoring_data_points_outfall_time_idx.
    .where(and(eq(monitoringDataPoints.outfallId, outfallId), sql.raw(JUDGED_CN_CONDITION),
      gte(monitoringDataPoints.dataTime, new Date(fromMs)), lte(monitoringDataPoints.dataTime, new Date(toMs))));
}

export async function earliestOngoingStart(db: DbOrTx, where: SQL): Promise<number | null> {
  const [row] = await db.select({ at: sql<Date | string | null>`min(${monitoringEvents.startAt})` }).from(monitoringEvents)
    .where(and(where, eq(monitoringEvents.ongoing, true)));
  return row?.at ? new Date(row.at).getTime() : null;
}

export async function loadElectricity(db: DbOrTx, enterpriseId: number, fromMs: number, toMs: number) {
  const channels = await db.select().from(electricityChannels).where(eq(electricityChannels.enterpriseId, enterpriseId));
  const readings = channels.length ? await db.select().from(electricityReadings)
    .where(and(inArray(electricityReadings.channelId, channels.map((c) => c.id)), gte(electricityReadings.at, new Date(fromMs)), lte(electricityReadings.at, new Date(toMs)))) : [];
  return { channels, readings: readings.map((r) => ({ channelId: r.channelId, at: r.at.getTime(), kw: r.kw })) };
}

export interface EventFilter { kind?: EventKind; group?: 'exceedance' | 'data_quality' | 'electricity'; enterpriseId?: number; ongoing?: boolean; from?: Date; to?: Date }

export async function listEvents(db: DbOrTx, principal: Principal | null, f: EventFilter, page: { page: number; pageSize: number }) {
  const kinds = f.group ? (Object.entries(EVENT_GROUPS).filter(([, g]) => g === f.group).map(([k]) => k) as EventKind[]) : null;
  const where = and(
    enterpriseScope(principal),
    f.kind ? eq(monitoringEvents.kind, f.kind) : undefined,
    kinds ? inArray(monitoringEvents.kind, kinds) : undefined,
    f.enterpriseId ? eq(monitoringEvents.enterpriseId, f.enterpriseId) : undefined,
    f.ongoing !== undefined ? eq(monitoringEvents.ongoing, f.ongoing) : undefined,
    f.from ? gte(monitoringEvents.endAt, f.from) : undefined,
    f.to ? lte(monitoringEvents.startAt, f.to) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(monitoringEvents).innerJoin(enterprises, eq(enterprises.id, monitoringEvents.enterpriseId)).where(where);
  const items = await db.select({
    event: monitoringEvents, enterpriseName: enterprises.name, districtId: enterprises.districtId, outfallCode: outfalls.code,
  }).from(monitoringEvents)
    .innerJoin(enterprises, eq(enterprises.id, monitoringEvents.enterpriseId))
    .leftJoin(outfalls, eq(outfalls.id, monitoringEvents.outfallId))
    .where(where).orderBy(desc(monitoringEvents.startAt), desc(monitoringEvents.id))
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { total: Number(total?.n ?? 0), items };
}

export async function findEvent(db: DbOrTx, id: number, principal: Principal | null) {
  const [row] = await db.select({ event: monitoringEvents, enterpriseName: enterprises.name, districtId: enterprises.districtId })
    .from(monitoringEvents).innerJoin(enterprises, eq(enterprises.id, monitoringEvents.enterpriseId))
    .where(and(eq(monitoringEvents.id, id), enterpriseScope(principal)));
  return row ?? null;
}

export async function loadSeries(db: DbOrTx, deviceId: number, cn: number, pollutants: string[] | null, fromMs: number, toMs: number) {
  return db.select().from(monitoringDataPoints)
    .where(and(eq(monitoringDataPoints.deviceId, deviceId), eq(monitoringDataPoints.cn, cn),
      pollutants ? inArray(monitoringDataPoints.pollutant, pollutants) : undefined,
      gte(monitoringDataPoints.dataTime, new Date(fromMs)), lte(monitoringDataPoints.dataTime, new Date(toMs))))
    .orderBy(asc(monitoringDataPoints.dataTime)).limit(20_000);
}

/** The newest record of each pollutant of each device in scope: the board. */
export async function loadLatestValues(db: DbOrTx, deviceIds: number[], since: Date) {
  if (!deviceIds.length) return [];
  return db.selectDistinctOn([monitoringDataPoints.deviceId, monitoringDataPoints.pollutant], {
    deviceId: monitoringDataPoints.deviceId, pollutant: monitoringDataPoints.pollutant, cn: monitoringDataPoints.cn, dataTime: monitoringDataPoints.dataTime,
    rtd: monitoringDataPoints.rtd, avg: monitoringDataPoints.avg, zsRtd: monitoringDataPoints.zsRtd, zsAvg: monitoringDataPoints.zsAvg, flag: monitoringDataPoints.flag,
  }).from(monitoringDataPoints)
    .where(and(inArray(monitoringDataPoints.deviceId, deviceIds), gte(monitoringDataPoints.dataTime, since)))
    .orderBy(monitoringDataPoints.deviceId, monitoringDataPoints.pollutant, desc(monitoringDataPoints.dataTime));
}

export async function countOngoingEvents(db: DbOrTx, enterpriseIds: number[]) {
  if (!enterpriseIds.length) return [];
  return db.select({ enterpriseId: monitoringEvents.enterpriseId, outfallId: monitoringEvents.outfallId, kind: monitoringEvents.kind, n: count() })
    .from(monitoringEvents).where(and(inArray(monitoringEvents.enterpriseId, enterpriseIds), eq(monitoringEvents.ongoing, true)))
    .groupBy(monitoringEvents.enterpriseId, monitoringEvents.outfallId, monitoringEvents.kind);
}

export async function rejectionSummary(db: DbOrTx, since: Date) {
  const byReason = await db.select({ reason: monitoringRejections.reason, n: count() }).from(monitoringRejections)
    .where(gte(monitoringRejections.at, since)).groupBy(monitoringRejections.reason);
  const latest = await db.select().from(monitoringRejections).orderBy(desc(monitoringRejections.id)).limit(50);
  return { byReason: byReason.map((r) => ({ reason: r.reason, count: Number(r.n) })), latest };
}

/** Events per enterprise since a date, by group: the monitoring facts supervision needs. */
export async function countEventsByEnterprise(db: DbOrTx, since: Date, enterpriseIds?: number[]) {
  const rows = await db.select({ enterpriseId: monitoringEvents.enterpriseId, kind: monitoringEvents.kind, n: count() }).from(monitoringEvents)
    .where(and(gte(monitoringEvents.startAt, since), enterpriseIds ? inArray(monitoringEvents.enterpriseId, enterpriseIds) : undefined))
    .groupBy(monitoringEvents.enterpriseId, monitoringEvents.kind);
  const out = new Map<number, { exceedance: number; electricity: number; dataQuality: number; latestCause: string | null }>();
  for (const r of rows) {
    const e = out.get(r.enterpriseId) ?? { exceedance: 0, electricity: 0, dataQuality: 0, latestCause: null };
    const g = EVENT_GROUPS[r.kind];
    if (g === 'exceedance') e.exceedance += Number(r.n); else if (g === 'electricity') e.electricity += Number(r.n); else e.dataQuality += Number(r.n);
    out.set(r.enterpriseId, e);
  }
  return out;
}

export async function listActiveDevicesForSweep(db: DbOrTx) {
  return db.select({ id: monitoringDevices.id, enterpriseId: monitoringDevices.enterpriseId, outfallId: monitoringDevices.outfallId, intervalS: monitoringDevices.intervalS, lastSeenAt: monitoringDevices.lastSeenAt })
    .from(monitoringDevices).where(and(eq(monitoringDevices.active, true)));
}

export const noLead = isNull(monitoringEvents.leadId);

/** Codes the gateway could not map (HJ 212-2017 附录 B), per device in scope, most recent first. */
export async function listUnknownCodes(db: DbOrTx, principal: Principal | null) {
  return db.select({
    deviceId: monitoringUnknownCodes.deviceId, mn: monitoringDevices.mn, enterpriseId: monitoringDevices.enterpriseId, enterpriseName: enterprises.name,
    code: monitoringUnknownCodes.code, cn: monitoringUnknownCodes.cn, count: monitoringUnknownCodes.count,
    firstSeenAt: monitoringUnknownCodes.firstSeenAt, lastSeenAt: monitoringUnknownCodes.lastSeenAt,
  }).from(monitoringUnknownCodes)
    .innerJoin(monitoringDevices, eq(monitoringDevices.id, monitoringUnknownCodes.deviceId))
    .innerJoin(enterprises, eq(enterprises.id, monitoringDevices.enterpriseId))
    .where(enterpriseScope(principal))
    .orderBy(desc(monitoringUnknownCodes.lastSeenAt), asc(monitoringUnknownCodes.code));
}
