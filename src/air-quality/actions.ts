// Load facts → apply the rules → write and audit, one transaction each.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import type { Principal } from '../platform/auth/roles.js';
import { findDistrict, findTownship } from '../organisation/index.js';
import { notifyRankingListeners } from './listeners.js';
import { airDistrictBoundaries, airStations, qualityPublications, qualitySanctions, qualityTriggerRules } from './tables.js';
import {
  aggregateHourly, findSanction, findStation, listStations, findStationIdByCode, findTriggerRule, listTriggerRules, loadAreaUnits,
  loadStationCodeIndex, loadStationDays, replaceDaily, deleteDaily, insertDaily, onNodePostgres, parseHourValues, upsertHourly, analyzeHourly, vacuumHourly, type DailyRow, type HourlyAggregate, type StationRow,
  describeDistrictBoundaries, listBoundaryDistricts, listStationPositions,
} from './queries.js';
import { checkBoundaryCollection, computeAreaAround, type BoundaryProblem } from './rules/boundaries.js';
import { airRuleSetFor } from './rules/rule-sets.js';
import { computeAqi } from './rules/aqi.js';
import { computeDailyMean, computeOzoneDay } from './rules/daily.js';
import { POLLUTANTS } from './rules/pollutants.js';
import { checkHourlyInput, civilDateOf, type HourlyInput, type HourlyRecord } from './rules/hourly-record.js';
import { findStationProblems, type StationFields } from './rules/stations.js';
import {
  areaSeries, buildDailyRanking, buildPeriodRanking, computeAreaPeriod, type AreaUnit, type DailyRankingMetric, type DailyRankingRow,
  type PeriodRankingMetric, type PeriodRankingRow,
} from './rules/areas.js';
import { checkAttainment } from './rules/statistics.js';
import { computeImprovementPercent } from './rules/year-on-year.js';
import { checkTriggerRule, evaluateTriggers, type RankingKind, type RankingSnapshot, type TriggerHit, type TriggerRuleFields } from './rules/triggers.js';

// ——— Stations ———

async function checkStation(tx: DbOrTx, f: StationFields, selfId: number | null): Promise<Refusal | null> {
  if (!(await findDistrict(tx, f.districtId))) return refuse('DISTRICT_UNKNOWN', undefined, 'districtId');
  const township = f.townshipId === null ? null : await findTownship(tx, f.townshipId);
  const problem = findStationProblems(f, f.townshipId === null ? null : township?.districtId)[0];
  if (problem) return refuse(problem.code, undefined, problem.field);
  const holder = await findStationIdByCode(tx, f.code);
  if (holder !== null && holder !== selfId) return refuse('STATION_CODE_TAKEN', undefined, 'code');
  return null;
}

/** Inserts a checked station and its audit row (also used by the demo seed). */
export async function insertStation(tx: Tx, actor: Actor, f: StationFields, now: Date, reason: string | null): Promise<number> {
  const [row] = await tx.insert(airStations).values({ ...f, createdAt: now, updatedAt: now }).returning({ id: airStations.id });
  await appendAudit(tx, actor, { action: 'air.station.create', entity: 'air_station', entityId: row!.id, after: f, reason }, now);
  return row!.id;
}

export async function createStation(db: Db, principal: Principal, input: StationFields, now: Date): Promise<Result<StationRow>> {
  const f = { ...input, code: input.code.trim(), name: input.name.trim() };
  return db.transaction(async (tx) => {
    const problem = await checkStation(tx, f, null);
    if (problem) return problem;
    const id = await insertStation(tx, actorOf(principal), f, now, null);
    return success((await findStation(tx, id))!);
  });
}

export async function updateStation(db: Db, principal: Principal, id: number, input: StationFields & { version: number }, now: Date): Promise<Result<StationRow>> {
  const { version, ...rest } = input;
  const f = { ...rest, code: rest.code.trim(), name: rest.name.trim() };
  return db.transaction(async (tx) => {
    const before = await findStation(tx, id);
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== version) return refuse('VERSION_CONFLICT');
    const problem = await checkStation(tx, f, id);
    if (problem) return problem;
    await tx.update(airStations).set({ ...f, version: version + 1, updatedAt: now }).where(eq(airStations.id, id));
    await appendAudit(tx, actorOf(principal), { action: 'air.station.update', entity: 'air_station', entityId: id, before, after: f }, now);
    return success((await findStation(tx, id))!);
  });
}

// ——— Hourly data and daily values ———

/** HJ 663-2013 daily values and the HJ 633 daily AQI of one station-day from its hourly aggregate. */
export function computeDailyRow(a: HourlyAggregate): DailyRow {
  const rules = airRuleSetFor(a.on);
  const o3Hours = parseHourValues(a.o3);
  const so2 = computeDailyMean('so2', a.so2_s ?? 0, a.so2_n, rules);
  const no2 = computeDailyMean('no2', a.no2_s ?? 0, a.no2_n, rules);
  const co = computeDailyMean('co', a.co_s ?? 0, a.co_n, rules);
  const pm10 = computeDailyMean('pm10', a.pm10_s ?? 0, a.pm10_n, rules);
  const pm25 = computeDailyMean('pm25', a.pm25_s ?? 0, a.pm25_n, rules);
  const o3 = computeOzoneDay(o3Hours, rules);
  const report = computeAqi({ so2_24h: so2, no2_24h: no2, co_24h: co, pm10_24h: pm10, pm25_24h: pm25, o3_1h: o3.max1h, o3_8h: o3.max8h },
    rules.aqi.dailyMetrics, rules.aqi);
  return {
    stationId: a.stationId, on: a.on, so2, no2, co, pm10, pm25, o3Max1h: o3.max1h, o3Max8h: o3.max8h,
    validHours: [a.so2_n, a.no2_n, a.co_n, a.o3_n, a.pm10_n, a.pm25_n], // POLLUTANTS order
    aqi: report.aqi, aqiComplete: report.complete, primaryPollutants: report.primaryPollutants, standard: rules.aqi.id,
  };
}

/** The daily rows of the stations (all when null) over [from, to]: the database sums the hours, the rules run here. */
export async function computeDailyRows(db: DbOrTx, from: string, to: string, stationIds: readonly number[] | null): Promise<DailyRow[]> {
  return (await aggregateHourly(db, from, to, stationIds)).map(computeDailyRow);
}

/** Recomputes the daily values of the stations (all when null) over [from, to] from their hours. */
export async function recomputeDaily(tx: DbOrTx, from: string, to: string, stationIds: readonly number[] | null, now: Date): Promise<number> {
  const rows = await computeDailyRows(tx, from, to, stationIds);
  await replaceDaily(tx, from, to, stationIds, rows, now);
  return rows.length;
}

/**
 * Batch recompute of committed data (after a bulk load): the hourly aggregates are read in `slices` queries
 * by station, `parallel` at a time (PostgreSQL uses a connection each; PGlite runs them in turn); each
 * slice's days are computed as it arrives — while the next slices are still being aggregated by the
 * database — and all are written in one transaction. On PostgreSQL that transaction is opened first and
 * each slice is copied in as soon as it is computed, on a connection of its own, so the write overlaps the
 * aggregation too (issue 18: the 73 000-row write was a third of the step, after everything else); the
 * rows and the commit are the same. On PostgreSQL more slices than connections overlap the JS work with
 * the aggregation; on PGlite (one connection, slices in turn, a transaction holds it) each slice is a scan
 * of its own: keep it at one or two, and the write comes after them.
 */
export async function recomputeDailyBatch(db: Db, from: string, to: string, now: Date, slices = 2, parallel = 2): Promise<number> {
  const ids = (await listStations(db)).map((st) => st.id).sort((a, b) => a - b);
  const size = Math.ceil(ids.length / slices);
  const parts = Array.from({ length: slices }, (_, i) => ids.slice(i * size, (i + 1) * size)).filter((p) => p.length);
  const computeSlices = async (onSlice: (rows: DailyRow[], index: number) => void) => {
    let next = 0;
    const worker = async () => {
      while (next < parts.length) {
        const i = next++;
        onSlice(await computeDailyRows(db, from, to, parts[i]!), i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, parts.length) }, worker));
  };
  if (!onNodePostgres(db)) {
    const computed: DailyRow[][] = [];
    await computeSlices((rows, i) => { computed[i] = rows; });
    const rows = computed.flat();
    await db.transaction((tx) => replaceDaily(tx, from, to, null, rows, now));
    return rows.length;
  }
  return db.transaction(async (tx) => {
    await deleteDaily(tx, from, to, null);
    let written = 0;
    let writes: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | null = null;
    try {
      await computeSlices((rows) => {
        written += rows.length;
        writes = writes.then(() => insertDaily(tx, rows, now));
        writes.catch(() => {}); // awaited below; a failed write must not be an unhandled rejection meanwhile
      });
    } catch (error) { failure = { error }; }
    try { await writes; } catch (error) { failure ??= { error }; }
    if (failure) throw failure.error;
    return written;
  });
}

export interface HourlyImportError { row: number; field: string; code: string }
export interface HourlyImportSummary { rows: number; stationDays: number; skipped: number; from: string | null; to: string | null; errors: HourlyImportError[] }

/**
 * Imports hourly records (file rows or API rows) in one transaction and recomputes the affected days.
 * With errors and without `skipInvalid`, nothing is written and the errors are returned.
 */
export async function importHourly(db: Db, actor: Actor, rows: readonly { row: number; input: HourlyInput }[], parseErrors: readonly HourlyImportError[],
  options: { skipInvalid: boolean; source: string }, now: Date, onProgress?: (step: string, done: number, total: number) => void,
): Promise<Result<HourlyImportSummary> | (Refusal & { errors: HourlyImportError[] })> {
  const stations = await loadStationCodeIndex(db);
  const today = civilDateOf(now);
  const errors: HourlyImportError[] = [...parseErrors];
  const records: HourlyRecord[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const checked = checkHourlyInput(r.input, (c) => stations.get(c), today);
    if ('problems' in checked) { for (const p of checked.problems) errors.push({ row: r.row, ...p }); continue; }
    const key = `${checked.record.stationId}|${checked.record.observedOn}|${checked.record.hour}`;
    if (seen.has(key)) { errors.push({ row: r.row, field: 'hour', code: 'HOURLY_DUPLICATE_IN_FILE' }); continue; }
    seen.add(key);
    records.push(checked.record);
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length && !options.skipInvalid) return { ...refuse('IMPORT_HAS_ERRORS'), errors };
  let from: string | null = null;
  let to: string | null = null;
  const stationIds = new Set<number>();
  for (const r of records) {
    if (from === null || r.observedOn < from) from = r.observedOn;
    if (to === null || r.observedOn > to) to = r.observedOn;
    stationIds.add(r.stationId);
  }
  const bulk = records.length >= 50_000;
  const result = await db.transaction(async (tx) => {
    await upsertHourly(tx, records, (done) => onProgress?.('hours', done, records.length));
    if (bulk) await analyzeHourly(tx);
    const stationDays = from && to ? await recomputeDaily(tx, from, to, [...stationIds], now) : 0;
    onProgress?.('days', stationDays, stationDays);
    const skipped = new Set(errors.map((e) => e.row)).size;
    await appendAudit(tx, actor, {
      action: 'air.hourly.import', entity: 'air_hourly_import', entityId: options.source,
      after: { rows: records.length, stations: stationIds.size, from, to, stationDays, skipped, errorRows: [...new Set(errors.map((e) => e.row))].slice(0, 1000) },
    }, now);
    return success({ rows: records.length, stationDays, skipped, from, to, errors });
  });
  if (bulk) await vacuumHourly(db);
  return result;
}

// ——— Rankings ———

export const addDays = (on: string, n: number): string => new Date(Date.parse(`${on}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The same civil date a year earlier (29 February → 28 February). */
export const sameDayLastYear = (on: string): string => {
  const y = Number(on.slice(0, 4)) - 1;
  const md = on.slice(5) === '02-29' ? '02-28' : on.slice(5);
  return `${y}-${md}`;
};
export const monthRange = (month: string): { from: string; to: string } => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};
export const previousMonth = (month: string, n = 1): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

export async function computeDistrictDailyRanking(db: DbOrTx, on: string, metric: DailyRankingMetric = 'composite', units?: AreaUnit[]): Promise<DailyRankingRow[]> {
  const u = units ?? (await loadAreaUnits(db)).districts;
  const last = sameDayLastYear(on);
  const [days, lastYear] = [await loadStationDays(db, on, on), await loadStationDays(db, last, last)];
  return buildDailyRanking(on, u, days, lastYear, metric);
}

export async function computeTownshipMonthlyRanking(db: DbOrTx, month: string, metric: PeriodRankingMetric = 'composite', units?: AreaUnit[]): Promise<PeriodRankingRow[]> {
  const u = units ?? (await loadAreaUnits(db)).townships;
  const { from, to } = monthRange(month);
  const lastMonth = monthRange(`${Number(month.slice(0, 4)) - 1}${month.slice(4)}`);
  const [days, lastYear] = [await loadStationDays(db, from, to), await loadStationDays(db, lastMonth.from, lastMonth.to)];
  return buildPeriodRanking(month, 'month', u, days, lastYear, metric);
}

/**
 * The composite index (and HJ 663 statistics) of every city, district or township unit over a day
 * (YYYY-MM-DD), month (YYYY-MM) or year (YYYY), ranked ascending, with the same period a year earlier.
 */
export async function computeCompositeRanking(db: DbOrTx, level: 'city' | 'district' | 'township', period: string): Promise<PeriodRankingRow[]> {
  const units = await loadAreaUnits(db);
  const list = level === 'city' ? [units.city] : level === 'district' ? units.districts : units.townships;
  const range = (p: string) => (p.length === 4 ? { from: `${p}-01-01`, to: `${p}-12-31` } : p.length === 7 ? monthRange(p) : { from: p, to: p });
  const lastPeriod = period.length === 10 ? sameDayLastYear(period) : `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  const now = range(period);
  const last = range(lastPeriod);
  const [days, lastDays] = [await loadStationDays(db, now.from, now.to), await loadStationDays(db, last.from, last.to)];
  const kind = period.length === 4 ? 'year' : period.length === 7 ? 'month' : 'other';
  return buildPeriodRanking(period, kind, list, days, lastDays, 'composite');
}

type AirRanking = 'air_district_daily' | 'air_township_monthly';
const RANKING_TITLES: Record<AirRanking, (period: string) => string> = {
  air_district_daily: (p) => `${Number(p.slice(0, 4))}年${Number(p.slice(5, 7))}月${Number(p.slice(8, 10))}日各区市环境空气质量排名`,
  air_township_monthly: (p) => `${Number(p.slice(0, 4))}年${Number(p.slice(5, 7))}月各乡镇（街道）环境空气质量排名`,
};
export const rankingTitle = (ranking: AirRanking, period: string) => RANKING_TITLES[ranking](period);

/** A published ranking's rows in the trigger rules' shape. */
function snapshotOf(period: string, rows: readonly (DailyRankingRow | PeriodRankingRow)[]): RankingSnapshot {
  return { period, rows: rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, rank: r.rank, value: r.value, lastYearValue: r.lastYearComposite })) };
}

/** The ranking of a period and the snapshots of the periods before it that the active rules look back on. */
async function rankingHistory(db: DbOrTx, ranking: AirRanking, period: string, lookBack: number) {
  const units = await loadAreaUnits(db);
  const current = ranking === 'air_district_daily'
    ? await computeDistrictDailyRanking(db, period, 'composite', units.districts)
    : await computeTownshipMonthlyRanking(db, period, 'composite', units.townships);
  const history: RankingSnapshot[] = [snapshotOf(period, current)];
  for (let n = 1; n < lookBack; n++) {
    const p = ranking === 'air_district_daily' ? addDays(period, -n) : previousMonth(period, n);
    const rows = ranking === 'air_district_daily'
      ? await computeDistrictDailyRanking(db, p, 'composite', units.districts)
      : await computeTownshipMonthlyRanking(db, p, 'composite', units.townships);
    history.unshift(snapshotOf(p, rows));
  }
  return { current, history };
}

export interface PublicationResult {
  publication: { id: number; ranking: RankingKind; period: string; title: string; publishedAt: Date; publishedByName: string };
  sanctions: { id: number; kind: string; unitName: string; reason: string }[];
}

/**
 * Records a publication to the public disclosure pages, evaluates the trigger rules against the published
 * ranking and its history, and raises each new sanction once (per rule, period and unit); all audited.
 * Shared with water-quality (double-index publication).
 */
export async function recordPublication(db: Db, principal: Principal, p: {
  ranking: RankingKind; period: string; title: string; snapshot: unknown; history: RankingSnapshot[];
  districtOf: (unitId: number) => { districtId: number; townshipId: number | null };
}, now: Date): Promise<PublicationResult> {
  const rules = await listTriggerRules(db, p.ranking);
  const hits: TriggerHit[] = evaluateTriggers(rules, p.ranking, p.history);
  return db.transaction(async (tx) => {
    const [pub] = await tx.insert(qualityPublications).values({
      ranking: p.ranking, period: p.period, title: p.title, snapshot: p.snapshot as object, publishedAt: now,
      publishedBy: principal.id, publishedByName: principal.displayName,
    }).returning();
    await appendAudit(tx, actorOf(principal), {
      action: 'quality.ranking.publish', entity: 'quality_publication', entityId: pub!.id,
      after: { ranking: p.ranking, period: p.period, title: p.title, triggered: hits.length },
    }, now);
    const sanctions: PublicationResult['sanctions'] = [];
    for (const hit of hits) {
      const where = p.districtOf(hit.unitId);
      const unitKey = where.townshipId === null ? `d:${where.districtId}` : `t:${where.townshipId}`;
      const [row] = await tx.insert(qualitySanctions).values({
        kind: hit.action, ranking: p.ranking, period: p.period, districtId: where.districtId, townshipId: where.townshipId, unitKey,
        ruleId: hit.ruleId, publicationId: pub!.id, reason: hit.reason, raisedAt: now, raisedBy: principal.id,
      }).onConflictDoNothing().returning({ id: qualitySanctions.id });
      if (!row) continue;
      await appendAudit(tx, actorOf(principal), {
        action: 'quality.sanction.raise', entity: 'quality_sanction', entityId: row.id,
        after: { kind: hit.action, unit: hit.unitName, period: p.period, ruleId: hit.ruleId, reason: hit.reason, citation: hit.citation },
      }, now);
      sanctions.push({ id: row.id, kind: hit.action, unitName: hit.unitName, reason: hit.reason });
    }
    const { snapshot: _s, publishedBy: _b, ...publication } = pub!;
    await notifyRankingListeners(tx, {
      kind: 'ranking.published', entity: 'quality_publication', entityId: pub!.id,
      data: { id: pub!.id, ranking: pub!.ranking, period: pub!.period, title: pub!.title, publishedAt: pub!.publishedAt.toISOString() },
    }, now);
    return { publication, sanctions };
  });
}

export async function publishAirRanking(db: Db, principal: Principal, ranking: AirRanking, period: string, now: Date): Promise<Result<PublicationResult>> {
  const rules = (await listTriggerRules(db, ranking)).filter((r) => r.active && r.kind === 'last_place_streak');
  const lookBack = Math.max(1, ...rules.map((r) => r.consecutive ?? 1));
  const { current, history } = await rankingHistory(db, ranking, period, lookBack);
  if (!current.some((r) => r.rank !== null)) return refuse('RANKING_EMPTY', undefined, 'period');
  const districtOf = new Map(current.map((r) => [r.unitId, ranking === 'air_district_daily'
    ? { districtId: r.unitId, townshipId: null } : { districtId: r.districtId, townshipId: r.unitId }]));
  return success(await recordPublication(db, principal, {
    ranking, period, title: rankingTitle(ranking, period), snapshot: current, history, districtOf: (id) => districtOf.get(id)!,
  }, now));
}

// ——— Trigger rules and sanctions ———

export async function createTriggerRule(db: Db, principal: Principal, f: TriggerRuleFields, now: Date): Promise<Result<{ id: number }>> {
  const ok = checkTriggerRule(f);
  if (!ok.ok) return ok;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(qualityTriggerRules).values({ ...f, createdAt: now, updatedAt: now }).returning({ id: qualityTriggerRules.id });
    await appendAudit(tx, actorOf(principal), { action: 'quality.trigger_rule.create', entity: 'quality_trigger_rule', entityId: row!.id, after: f }, now);
    return success({ id: row!.id });
  });
}

export async function updateTriggerRule(db: Db, principal: Principal, id: number, input: TriggerRuleFields & { version: number }, now: Date): Promise<Result<{ id: number }>> {
  const { version, ...f } = input;
  const ok = checkTriggerRule(f);
  if (!ok.ok) return ok;
  return db.transaction(async (tx) => {
    const before = await findTriggerRule(tx, id);
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== version) return refuse('VERSION_CONFLICT');
    await tx.update(qualityTriggerRules).set({ ...f, version: version + 1, updatedAt: now }).where(eq(qualityTriggerRules.id, id));
    await appendAudit(tx, actorOf(principal), { action: 'quality.trigger_rule.update', entity: 'quality_trigger_rule', entityId: id, before, after: f }, now);
    return success({ id });
  });
}

/** Lifts (解除) a raised sanction, with the reason, audited. */
export async function liftSanction(db: Db, principal: Principal, id: number, reason: string, now: Date): Promise<Result<{ id: number }>> {
  return db.transaction(async (tx) => {
    const before = await findSanction(tx, id);
    if (!before) return refuse('NOT_FOUND');
    if (before.status !== 'raised') return refuse('SANCTION_NOT_RAISED');
    await tx.update(qualitySanctions).set({ status: 'lifted' }).where(eq(qualitySanctions.id, id));
    await appendAudit(tx, actorOf(principal), { action: 'quality.sanction.lift', entity: 'quality_sanction', entityId: id, before: { status: before.status }, after: { status: 'lifted' }, reason }, now);
    return success({ id });
  });
}

// ——— Assessment and series ———

export type AreaRef = { kind: 'city' } | { kind: 'district' | 'township' | 'station'; id: number };

export async function resolveUnit(db: DbOrTx, ref: AreaRef): Promise<AreaUnit | null> {
  if (ref.kind === 'station') {
    const s = await findStation(db, ref.id);
    return s ? { id: s.id, name: s.name, districtId: s.districtId, stationIds: [s.id] } : null;
  }
  const units = await loadAreaUnits(db);
  if (ref.kind === 'city') return units.city;
  const list = ref.kind === 'district' ? units.districts : units.townships;
  return list.find((u) => u.id === ref.id) ?? null;
}

/** An area's daily series (values, AQI, level) over [from, to]. */
export async function computeSeries(db: DbOrTx, unit: AreaUnit, from: string, to: string) {
  const days = await loadStationDays(db, from, to, unit.stationIds);
  return areaSeries(unit, days);
}

/**
 * Annual assessment (HJ 663-2013 年评价) of the city and each district: statistics, GB 3095 grade II
 * attainment, good-day ratio, composite index, and each pollutant's improvement on the year before.
 * `scope: 'city'` evaluates the city alone and reads only its stations' days (the year-end report needs no more).
 */
export async function computeAnnualAssessment(db: DbOrTx, year: number, scope: 'city' | 'city_and_districts' = 'city_and_districts') {
  const units = await loadAreaUnits(db);
  const evaluated = scope === 'city' ? [units.city] : [units.city, ...units.districts];
  const stationIds = scope === 'city' ? units.city.stationIds : undefined;
  const [days, lastDays] = [
    await loadStationDays(db, `${year}-01-01`, `${year}-12-31`, stationIds),
    await loadStationDays(db, `${year - 1}-01-01`, `${year - 1}-12-31`, stationIds),
  ];
  const rules = airRuleSetFor(`${year}-12-31`);
  return evaluated.map((u) => {
    const now = computeAreaPeriod(areaSeries(u, days), 'year', String(year));
    const lastSeries = areaSeries(u, lastDays);
    const last = lastSeries.length ? computeAreaPeriod(lastSeries, 'year', String(year - 1)) : null;
    const attainment = checkAttainment(now.statistics, rules);
    const stat = (s: typeof now.statistics, p: (typeof POLLUTANTS)[number]) =>
      p === 'co' || p === 'o3' ? s.pollutants[p].percentile : s.pollutants[p].mean;
    const improvement = Object.fromEntries(POLLUTANTS.map((p) => {
      const a = last ? stat(last.statistics, p) : null;
      const b = stat(now.statistics, p);
      return [p, a === null || b === null ? null : computeImprovementPercent(a, b)];
    }));
    return {
      unitId: u.id, unitName: u.name, kind: u.id === 0 ? 'city' as const : 'district' as const,
      statistics: now.statistics, attainment, composite: now.composite, lastYearComposite: last?.composite.index ?? null,
      lastYearStatistics: last?.statistics ?? null, improvement,
    };
  });
}

export async function stationsWithDay(db: DbOrTx, on: string) {
  const rows = await db.execute(sql`
    select s.id, s.code, s.name, s.level, s.district_id as "districtId", s.township_id as "townshipId", s.longitude, s.latitude,
      d.aqi, d.pm25, d.pm10, d.o3_max_8h as "o3_8h", d.primary_pollutants as "primaryPollutants"
    from air_stations s left join air_daily d on d.station_id = s.id and d.observed_on = ${on}::date
    where s.active order by s.code`);
  return (rows as unknown as { rows: { id: number; code: string; name: string; level: string; districtId: number; townshipId: number | null; longitude: number; latitude: number; aqi: number | null; pm25: number | null; pm10: number | null; o3_8h: number | null; primaryPollutants: string[] | null }[] }).rows;
}

// ——— District outlines (bureau-supplied, see rules/boundaries.ts) ———

export interface BoundaryImport { source: string; licence: string; reviewNumber: string | null; geojson: unknown }

/**
 * Replaces the whole set of district outlines with a checked upload, in one transaction with its audit row.
 * A refused upload changes nothing and returns every problem found (the first as the refusal).
 */
export async function importDistrictBoundaries(db: Db, principal: Principal, input: BoundaryImport, now: Date):
  Promise<Result<{ features: number }> | (Refusal & { problems: BoundaryProblem[] })> {
  const districtList = await listBoundaryDistricts(db);
  const within = computeAreaAround(await listStationPositions(db));
  const checked = checkBoundaryCollection(input.geojson, districtList, within);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    return { ...refuse(first.code, undefined, first.path, first.value === undefined ? undefined : { value: first.value }), problems: checked.problems };
  }
  const codes = new Map(districtList.map((d) => [d.id, d.code]));
  return db.transaction(async (tx) => {
    const before = await describeDistrictBoundaries(tx);
    await tx.delete(airDistrictBoundaries);
    await tx.insert(airDistrictBoundaries).values(checked.features.map((f) => ({
      districtId: f.districtId, geometry: f.geometry, source: input.source, licence: input.licence, reviewNumber: input.reviewNumber,
      importedBy: principal.id, importedByName: principal.displayName, importedAt: now,
    })));
    await appendAudit(tx, actorOf(principal), {
      action: 'air_quality.boundaries.import', entity: 'air_district_boundaries', entityId: 'all', before,
      after: {
        features: checked.features.length, districts: checked.features.map((f) => codes.get(f.districtId)),
        source: input.source, licence: input.licence, reviewNumber: input.reviewNumber,
      },
    }, now);
    return success({ features: checked.features.length });
  });
}

/** Removes every district outline (e.g. the licence ended), audited. */
export async function deleteDistrictBoundaries(db: Db, principal: Principal, now: Date): Promise<Result<{ removed: number }>> {
  return db.transaction(async (tx) => {
    const before = await describeDistrictBoundaries(tx);
    if (before.features === 0) return refuse('BOUNDARY_NONE');
    await tx.delete(airDistrictBoundaries);
    await appendAudit(tx, actorOf(principal), { action: 'air_quality.boundaries.delete', entity: 'air_district_boundaries', entityId: 'all', before }, now);
    return success({ removed: before.features });
  });
}

export { POLLUTANTS };
