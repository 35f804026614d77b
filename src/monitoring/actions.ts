// Monitoring actions: device and limit registration, event detection over stored data, and the
// event → lead (线索) step. Each change is audited in its own transaction.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { appendAudit, actorOf, SYSTEM_ACTOR } from '../platform/audit/log.js';
import { can, inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { openLeadFromEvent } from '../cases/index.js';
import { findEnterprise } from '../enterprises/index.js';
import {
  electricityChannels, electricityReadings, monitoringDataPoints, monitoringDevices, monitoringEvents, monitoringLimits, monitoringPointCorrections,
} from './tables.js';
import {
  earliestOngoingStart, findEvent, findOutfall, listActiveDevicesForSweep, loadElectricity, loadOutfallSeries, listLimits,
} from './queries.js';
import {
  AIR_EXCEEDANCE, applicableLimit, DAY_MS, detectSeriesEvents, HOUR_MS, hourlyAverageFromMinutes, isOffline, WATER_EXCEEDANCE,
  type DetectedEvent, type Run, type Unit,
} from './rules/events.js';
import { CONTROL_NOT_RUNNING, detectElectricityEvents } from './rules/electricity.js';
import { LEAD_EVENT_KINDS, type ChannelRole, type DeviceKind, type EventKind, type LimitBasis, type LimitPeriod } from './rules/vocabulary.js';
import { pollutantInfo } from './rules/pollutants.js';
import { afterOutfallData, providedLimits } from './hooks.js';

type EventRow = typeof monitoringEvents.$inferSelect;

export interface DeviceInput { mn: string; password: string; kind: DeviceKind; enterpriseId: number; outfallId: number | null; intervalS: number }

/** Registers a data logger (MN) to an outfall of an enterprise, with its access password. */
export async function registerDevice(db: Db, principal: Principal, input: DeviceInput, now: Date): Promise<Result<typeof monitoringDevices.$inferSelect>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterpriseId, principal);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    if (input.kind === 'emission' && input.outfallId === null) return refuse('REQUIRED', undefined, 'outfallId');
    if (input.outfallId !== null && !enterprise.outfalls.some((o) => o.id === input.outfallId)) return refuse('OUTFALL_NOT_OF_ENTERPRISE', undefined, 'outfallId');
    const [taken] = await tx.select({ id: monitoringDevices.id }).from(monitoringDevices).where(eq(monitoringDevices.mn, input.mn));
    if (taken) return refuse('DEVICE_MN_TAKEN', undefined, 'mn');
    const [row] = await tx.insert(monitoringDevices).values({ ...input, createdAt: now, updatedAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'monitoring.device.register', entity: 'monitoring_device', entityId: row!.id, after: { ...row, password: '***' } }, now);
    return success(row!);
  });
}

export interface LimitInput {
  outfallId: number; pollutant: string; period: LimitPeriod; lower: number | null; upper: number | null; useReference: boolean;
  basis: LimitBasis; citation: string; effectiveFrom: string; effectiveTo: string | null;
}

/** Adds an emission-standard or permit limit (data, cited) to an outfall. */
export async function addLimit(db: Db, principal: Principal, input: LimitInput, now: Date): Promise<Result<typeof monitoringLimits.$inferSelect>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  if (input.lower === null && input.upper === null) return refuse('LIMIT_BOUND_REQUIRED', undefined, 'upper');
  if (input.lower !== null && input.upper !== null && input.lower > input.upper) return refuse('LIMIT_RANGE_INVERTED', undefined, 'lower');
  if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom) return refuse('LIMIT_RANGE_INVERTED', undefined, 'effectiveTo');
  return db.transaction(async (tx) => {
    const outfall = await findOutfall(tx, input.outfallId);
    if (!outfall || !inDistrictScope(principal, outfall.districtId)) return refuse('OUTFALL_UNKNOWN', undefined, 'outfallId');
    const [row] = await tx.insert(monitoringLimits).values({ ...input, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'monitoring.limit.add', entity: 'monitoring_limit', entityId: row!.id, after: row }, now);
    return success(row!);
  });
}

async function upsertEvent(db: DbOrTx, e: {
  kind: EventKind; enterpriseId: number; outfallId: number | null; deviceId: number | null; pollutant: string | null; scopeKey: string;
  run: Run; ongoing: boolean; limitValue: number | null; limitCitation: string | null; detail: Record<string, unknown>;
}, now: Date): Promise<boolean> {
  const rows = await db.insert(monitoringEvents).values({
    kind: e.kind, enterpriseId: e.enterpriseId, outfallId: e.outfallId, deviceId: e.deviceId, pollutant: e.pollutant, scopeKey: e.scopeKey,
    startAt: new Date(e.run.startAt), endAt: new Date(e.run.endAt), ongoing: e.ongoing, units: e.run.units,
    peakValue: e.run.peakValue, peakAt: e.run.peakAt === null ? null : new Date(e.run.peakAt), limitValue: e.limitValue, limitCitation: e.limitCitation,
    detail: e.detail, createdAt: now, updatedAt: now,
  }).onConflictDoUpdate({
    target: [monitoringEvents.kind, monitoringEvents.scopeKey, monitoringEvents.startAt],
    set: { endAt: sql`excluded.end_at`, ongoing: sql`excluded.ongoing`, units: sql`excluded.units`, peakValue: sql`excluded.peak_value`, peakAt: sql`excluded.peak_at`, updatedAt: now },
  }).returning({ createdAt: monitoringEvents.createdAt });
  return rows[0]!.createdAt.getTime() === now.getTime();
}

/** How far back a re-evaluation reaches before the earliest open event (so runs keep their start). */
const LOOKBACK_MS = 24 * HOUR_MS;

/**
 * Re-judges an outfall's hourly (2061, else derived from 2051) and daily (2031) series from `fromMs`
 * to now against its limits, and upserts the events found. Returns the number of new events.
 */
export async function evaluateOutfall(db: Db, outfallId: number, fromMs: number, now: Date): Promise<number> {
  const outfall = await findOutfall(db, outfallId);
  if (!outfall) return 0;
  const limits = [...(await listLimits(db, outfallId)).map((l) => ({ ...l })), ...(await providedLimits(db, outfallId))];
  const ongoing = await earliestOngoingStart(db, eq(monitoringEvents.outfallId, outfallId));
  const windowStart = Math.floor(Math.min(fromMs, ongoing ?? fromMs) / HOUR_MS) * HOUR_MS - LOOKBACK_MS;
  const rows = await loadOutfallSeries(db, outfallId, windowStart, now.getTime());
  const onDate = chinaDateOf(now);
  const byKey = new Map<string, { hourly: Map<number, Unit>; minutes: Map<number, { at: number; value: number | null; flag: string | null }[]>; daily: Map<number, Unit> }>();
  const limitOf = (pollutant: string, period: LimitPeriod) => applicableLimit(limits, pollutant, period, onDate);
  for (const r of rows) {
    let s = byKey.get(r.pollutant);
    if (!s) { s = { hourly: new Map(), minutes: new Map(), daily: new Map() }; byKey.set(r.pollutant, s); }
    const at = new Date(r.dataTime).getTime();
    const period: LimitPeriod = r.cn === 2031 ? 'day' : 'hour';
    const value = limitOf(r.pollutant, period)?.useReference ? r.zsAvg ?? r.avg : r.avg;
    if (r.cn === 2061) s.hourly.set(at, { at, value, flag: r.flag });
    else if (r.cn === 2031) s.daily.set(at, { at, value, flag: r.flag });
    else {
      const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
      const list = s.minutes.get(hour) ?? [];
      list.push({ at, value, flag: r.flag });
      s.minutes.set(hour, list);
    }
  }
  let created = 0;
  const citation = outfall.kind === 'water' ? WATER_EXCEEDANCE : AIR_EXCEEDANCE;
  for (const [pollutant, s] of byKey) {
    // Hours without an hourly record: the average of the minute records (HJ 212 附录 D).
    for (const [hour, list] of s.minutes) {
      if (s.hourly.has(hour)) continue;
      const sorted = list.sort((a, b) => a.at - b.at);
      const gaps = sorted.slice(1).map((x, i) => (x.at - sorted[i]!.at) / 60_000).filter((g) => g > 0);
      const interval = gaps.length ? Math.min(...gaps) : 10;
      const avg = hourlyAverageFromMinutes(sorted, interval);
      // Too few minutes and no flag: an hour still in progress (or lost), not a judgement.
      if (avg.value !== null || avg.flag !== null) s.hourly.set(hour, { at: hour, value: avg.value, flag: avg.flag });
    }
    for (const [period, series] of [['hour', s.hourly], ['day', s.daily]] as const) {
      if (!series.size) continue;
      const units = [...series.values()];
      const unitMs = period === 'hour' ? HOUR_MS : DAY_MS;
      const lastEnd = Math.max(...units.map((u) => u.at)) + unitMs;
      const limit = limitOf(pollutant, period);
      for (const d of detectSeriesEvents(units, unitMs, limit) as DetectedEvent[]) {
        if (d.run.startAt <= windowStart) continue; // may be cut by the window: already stored from an earlier pass
        const isNew = await upsertEvent(db, {
          kind: d.kind, enterpriseId: outfall.enterpriseId, outfallId, deviceId: null, pollutant, scopeKey: `${outfallId}|${pollutant}|${period}`,
          run: d.run, ongoing: d.run.endAt >= lastEnd, limitValue: d.limit ? d.limit.upper ?? d.limit.lower : null,
          limitCitation: d.limit?.citation ?? null,
          detail: { period, unit: pollutantInfo(pollutant)?.unit ?? null, ...(d.limit ? { lower: d.limit.lower, upper: d.limit.upper, useReference: d.limit.useReference, legalBasis: citation } : {}) },
        }, now);
        if (isNew) created++;
      }
    }
  }
  // After the events are stored, so a failing listener never costs a judgement (src/permits: the no-permit lead).
  if (rows.length) await afterOutfallData(db, { enterpriseId: outfall.enterpriseId, outfallId, lastDataAt: rows.reduce((m, r) => Math.max(m, new Date(r.dataTime).getTime()), 0) }, now);
  return created;
}

/** Offline devices (nothing for three intervals) get an ongoing event; devices heard again close theirs. */
export async function sweepOffline(db: Db, now: Date): Promise<number> {
  let created = 0;
  for (const d of await listActiveDevicesForSweep(db)) {
    if (!d.lastSeenAt) continue;
    const last = d.lastSeenAt.getTime();
    const scopeKey = `${d.id}|offline`;
    if (isOffline(last, d.intervalS, now.getTime())) {
      const units = Math.floor((now.getTime() - last) / (d.intervalS * 1000));
      if (await upsertEvent(db, {
        kind: 'offline', enterpriseId: d.enterpriseId, outfallId: d.outfallId, deviceId: d.id, pollutant: null, scopeKey,
        run: { startAt: last, endAt: now.getTime(), units, peakValue: null, peakAt: null }, ongoing: true, limitValue: null, limitCitation: null,
        detail: { intervalS: d.intervalS },
      }, now)) created++;
    } else {
      await db.update(monitoringEvents).set({ ongoing: false, updatedAt: now })
        .where(and(eq(monitoringEvents.scopeKey, scopeKey), eq(monitoringEvents.kind, 'offline'), eq(monitoringEvents.ongoing, true)));
    }
  }
  return created;
}

/** Re-judges an enterprise's power channels from `fromMs` to now; returns the number of new events. */
export async function evaluateElectricity(db: Db, enterpriseId: number, fromMs: number, now: Date): Promise<number> {
  const ongoing = await earliestOngoingStart(db, and(eq(monitoringEvents.enterpriseId, enterpriseId), eq(monitoringEvents.scopeKey, `${enterpriseId}|electricity`))!);
  const windowStart = Math.min(fromMs, ongoing ?? fromMs) - LOOKBACK_MS;
  const { channels, readings } = await loadElectricity(db, enterpriseId, windowStart, now.getTime());
  if (!channels.length || !readings.length) return 0;
  const lastAt = Math.max(...readings.map((r) => r.at));
  let created = 0;
  for (const e of detectElectricityEvents(channels, readings)) {
    if (e.run.startAt <= windowStart) continue;
    if (await upsertEvent(db, {
      kind: e.kind, enterpriseId, outfallId: null, deviceId: null, pollutant: null, scopeKey: `${enterpriseId}|electricity`,
      run: e.run, ongoing: e.run.endAt > lastAt, limitValue: null, limitCitation: null, detail: { legalBasis: CONTROL_NOT_RUNNING },
    }, now)) created++;
  }
  return created;
}

export interface ChannelInput { enterpriseId: number; name: string; role: ChannelRole; deviceId: number | null; factorCode: string | null; ratedKw: number; onThresholdKw: number; underLoadRatio: number }

export async function addChannel(db: Db, principal: Principal, input: ChannelInput, now: Date): Promise<Result<typeof electricityChannels.$inferSelect>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  if ((input.deviceId === null) !== (input.factorCode === null)) return refuse('REQUIRED', undefined, input.deviceId === null ? 'deviceId' : 'factorCode');
  return db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, input.enterpriseId, principal);
    if (!enterprise) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseId');
    if (input.deviceId !== null) {
      const [d] = await tx.select().from(monitoringDevices).where(eq(monitoringDevices.id, input.deviceId));
      if (!d || d.enterpriseId !== input.enterpriseId || d.kind !== 'electricity') return refuse('DEVICE_NOT_ELECTRICITY', undefined, 'deviceId');
    }
    const [row] = await tx.insert(electricityChannels).values({ ...input, createdAt: now }).returning();
    await appendAudit(tx, actorOf(principal), { action: 'monitoring.channel.add', entity: 'electricity_channel', entityId: row!.id, after: row }, now);
    return success(row!);
  });
}

/** Power readings by API or CSV: stored (retries are idempotent), then the enterprise is re-judged. */
export async function ingestReadings(db: Db, principal: Principal, readings: { channelId: number; at: Date; kw: number }[], now: Date): Promise<Result<{ stored: number; events: number }>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  const ids = [...new Set(readings.map((r) => r.channelId))];
  const channels = ids.length ? await db.select({ id: electricityChannels.id, enterpriseId: electricityChannels.enterpriseId }).from(electricityChannels)
    .where(sql`${electricityChannels.id} in ${ids}`) : [];
  const known = new Map(channels.map((c) => [c.id, c.enterpriseId]));
  const unknownAt = readings.findIndex((r) => !known.has(r.channelId));
  if (unknownAt >= 0) return refuse('CHANNEL_UNKNOWN', undefined, `readings.${unknownAt}.channelId`);
  for (const enterpriseId of new Set(known.values())) {
    if (!(await findEnterprise(db, enterpriseId, principal))) return refuse('CHANNEL_UNKNOWN', undefined, 'readings');
  }
  for (let i = 0; i < readings.length; i += 5000) {
    await db.insert(electricityReadings).values(readings.slice(i, i + 5000)).onConflictDoUpdate({
      target: [electricityReadings.channelId, electricityReadings.at], set: { kw: sql`excluded.kw` },
    });
  }
  let events = 0;
  const from = Math.min(...readings.map((r) => r.at.getTime()));
  for (const enterpriseId of new Set(known.values())) events += await evaluateElectricity(db, enterpriseId, from, now);
  await db.transaction((tx) => appendAudit(tx, actorOf(principal), { action: 'monitoring.readings.ingest', entity: 'electricity_readings', entityId: ids.join(','), after: { count: readings.length } }, now));
  return success({ stored: readings.length, events });
}

const KIND_SUMMARY: Record<EventKind, string> = {
  exceedance: '在线监测超标', suspected_exceedance: '在线监测疑似超标（超测量上限）', offline: '自动监测设备离线', constant_value: '自动监测数据恒值（疑似弄虚作假）',
  instrument_stopped: '自动监测仪器停运', instrument_fault: '自动监测仪器故障', maintenance: '自动监测维护', calibration: '自动监测校准', manual_value: '自动监测手工设定值',
  data_gap: '自动监测数据缺失', control_off: '生产设施运行而污染防治设施停运', control_underloaded: '生产设施运行而污染防治设施低负荷运行',
};

/** 线索: an officer turns an event into a lead in one action; the case procedure takes it from there. */
export async function leadFromEvent(db: Db, principal: Principal, eventId: number, now: Date): Promise<Result<{ event: EventRow; leadId: number }>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  // One transaction with the event row locked: parallel clicks wait, then see the lead (409), and leave no stray lead behind.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from monitoring_events where id = ${eventId} for update`);
    const found = await findEvent(tx, eventId, principal);
    if (!found) return refuse('NOT_FOUND');
    const e = found.event;
    if (!LEAD_EVENT_KINDS.has(e.kind)) return refuse('MONITORING_EVENT_NOT_LEADABLE');
    if (e.leadId !== null) return refuse('MONITORING_EVENT_HAS_LEAD');
    const fmt = (d: Date) => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');
    const what = e.pollutant ? `${pollutantInfo(e.pollutant)?.name ?? e.pollutant}` : '';
    const peak = e.peakValue !== null && e.pollutant ? `，峰值 ${e.peakValue}${pollutantInfo(e.pollutant)?.unit ?? ''}${e.limitValue !== null ? `（限值 ${e.limitValue}，${e.limitCitation}）` : ''}` : '';
    const summary = `${found.enterpriseName} ${KIND_SUMMARY[e.kind]}${what ? `：${what}` : ''}，${fmt(e.startAt)} 至 ${fmt(e.endAt)}（${e.units} 个时段）${peak}`;
    // Nested: a savepoint inside this transaction.
    const lead = await openLeadFromEvent(tx as unknown as Db, { source: 'monitoring', enterpriseId: e.enterpriseId, summary, sourceRef: `monitoring-event:${e.id}`, discoveredOn: chinaDateOf(now) }, now);
    if (!lead.ok) return lead;
    const [updated] = await tx.update(monitoringEvents).set({ leadId: lead.value.id, updatedAt: now })
      .where(and(eq(monitoringEvents.id, e.id), isNull(monitoringEvents.leadId))).returning();
    if (!updated) return refuse('MONITORING_EVENT_HAS_LEAD');
    await appendAudit(tx, actorOf(principal), { action: 'monitoring.event.lead', entity: 'monitoring_event', entityId: e.id, before: { leadId: null }, after: { leadId: lead.value.id } }, now);
    return success({ event: updated, leadId: lead.value.id });
  });
}


/**
 * Corrections (a record re-sent with other values) found since the last call: each is audited, by the system
 * on the device's behalf, with the value kept and the value sent later (README §Decisions).
 */
export async function auditCorrections(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.update(monitoringPointCorrections).set({ audited: true }).where(eq(monitoringPointCorrections.audited, false)).returning();
    for (const c of rows) {
      const [kept] = await tx.select().from(monitoringDataPoints).where(and(
        eq(monitoringDataPoints.deviceId, c.deviceId), eq(monitoringDataPoints.cn, c.cn), eq(monitoringDataPoints.pollutant, c.pollutant), eq(monitoringDataPoints.dataTime, c.dataTime)));
      const values = (r: { rtd: number | null; min: number | null; avg: number | null; max: number | null; cou: number | null; zsRtd: number | null; zsAvg: number | null; flag: string | null }) =>
        ({ rtd: r.rtd, min: r.min, avg: r.avg, max: r.max, cou: r.cou, zsRtd: r.zsRtd, zsAvg: r.zsAvg, flag: r.flag });
      await appendAudit(tx, SYSTEM_ACTOR, {
        action: 'monitoring.point.correction', entity: 'monitoring_data_point', entityId: `${c.deviceId}|${c.cn}|${c.pollutant}|${c.dataTime.toISOString()}`,
        before: kept ? values(kept) : null, after: { ...values(c), correctionId: c.id, receivedAt: c.receivedAt.toISOString() },
        reason: 'HJ 212 record re-sent with different values: the first stays the value judged; the correction is kept for review',
      }, now);
    }
    return rows.length;
  });
}

export interface DeviceUpdate { password?: string; outfallId?: number | null; intervalS?: number; active?: boolean }

/** Changes a registered logger (password, outfall, interval, active); its MN is its identity and stays. */
export async function updateDevice(db: Db, principal: Principal, id: number, input: DeviceUpdate, now: Date): Promise<Result<typeof monitoringDevices.$inferSelect>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(monitoringDevices).where(eq(monitoringDevices.id, id));
    const enterprise = before ? await findEnterprise(tx, before.enterpriseId, principal) : null;
    if (!before || !enterprise) return refuse('NOT_FOUND');
    const outfallId = input.outfallId === undefined ? before.outfallId : input.outfallId;
    if (before.kind === 'emission' && outfallId === null) return refuse('REQUIRED', undefined, 'outfallId');
    if (outfallId !== null && !enterprise.outfalls.some((o) => o.id === outfallId)) return refuse('OUTFALL_NOT_OF_ENTERPRISE', undefined, 'outfallId');
    const [row] = await tx.update(monitoringDevices).set({ ...input, outfallId, updatedAt: now }).where(eq(monitoringDevices.id, id)).returning();
    await appendAudit(tx, actorOf(principal), {
      action: 'monitoring.device.update', entity: 'monitoring_device', entityId: id, before: { ...before, password: '***' }, after: { ...row, password: '***' },
    }, now);
    return success(row!);
  });
}

/** Ends a limit (effectiveTo) or corrects its citation; a different bound is a new limit, so history stays. */
export async function updateLimit(db: Db, principal: Principal, id: number, input: { effectiveTo?: string | null; citation?: string }, now: Date): Promise<Result<typeof monitoringLimits.$inferSelect>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(monitoringLimits).where(eq(monitoringLimits.id, id));
    const outfall = before ? await findOutfall(tx, before.outfallId) : null;
    if (!before || !outfall || !inDistrictScope(principal, outfall.districtId)) return refuse('NOT_FOUND');
    const effectiveTo = input.effectiveTo === undefined ? before.effectiveTo : input.effectiveTo;
    if (effectiveTo !== null && effectiveTo < before.effectiveFrom) return refuse('LIMIT_RANGE_INVERTED', undefined, 'effectiveTo');
    const [row] = await tx.update(monitoringLimits).set({ effectiveTo, citation: input.citation ?? before.citation }).where(eq(monitoringLimits.id, id)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'monitoring.limit.update', entity: 'monitoring_limit', entityId: id, before, after: row }, now);
    return success(row!);
  });
}

export interface ChannelUpdate { name?: string; ratedKw?: number; onThresholdKw?: number; underLoadRatio?: number }

/** Changes a power channel's name and thresholds (its enterprise, role and meter binding stay). */
export async function updateChannel(db: Db, principal: Principal, id: number, input: ChannelUpdate, now: Date): Promise<Result<typeof electricityChannels.$inferSelect>> {
  if (!can(principal, 'monitoring.manage')) return refuse('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(electricityChannels).where(eq(electricityChannels.id, id));
    if (!before || !(await findEnterprise(tx, before.enterpriseId, principal))) return refuse('NOT_FOUND');
    const [row] = await tx.update(electricityChannels).set(input).where(eq(electricityChannels.id, id)).returning();
    await appendAudit(tx, actorOf(principal), { action: 'monitoring.channel.update', entity: 'electricity_channel', entityId: id, before, after: row }, now);
    return success(row!);
  });
}
