// The only file of air-quality that talks to the database.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { equalsAny, queryRows } from '../platform/db/index.js';
import { districts, townships } from '../organisation/index.js';
import { loadBureauSettings } from '../settings/index.js';
import { airDaily, airDistrictBoundaries, airStations, qualityPublications, qualitySanctions, qualityTriggerRules } from './tables.js';
import { POLLUTANTS } from './rules/pollutants.js';
import type { HourlyRecord } from './rules/hourly-record.js';
import type { StationLevel } from './rules/stations.js';
import { AREA_STATION_LEVELS, type AreaUnit, type StationDay } from './rules/areas.js';
import type { RankingKind, SanctionKind, TriggerRule } from './rules/triggers.js';

export interface StationFilter { districtId?: number; townshipId?: number; level?: StationLevel; q?: string; active?: boolean }

const stationColumns = {
  id: airStations.id, code: airStations.code, name: airStations.name, level: airStations.level,
  districtId: airStations.districtId, districtName: districts.name, townshipId: airStations.townshipId, townshipName: townships.name,
  longitude: airStations.longitude, latitude: airStations.latitude, active: airStations.active, version: airStations.version,
};

export async function listStations(db: DbOrTx, f: StationFilter = {}) {
  const c: SQL[] = [];
  if (f.districtId !== undefined) c.push(eq(airStations.districtId, f.districtId));
  if (f.townshipId !== undefined) c.push(eq(airStations.townshipId, f.townshipId));
  if (f.level) c.push(eq(airStations.level, f.level));
  if (f.active !== undefined) c.push(eq(airStations.active, f.active));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(or(ilike(airStations.name, like), ilike(airStations.code, like))!);
  }
  return db.select(stationColumns).from(airStations)
    .innerJoin(districts, eq(districts.id, airStations.districtId))
    .leftJoin(townships, eq(townships.id, airStations.townshipId))
    .where(and(...c)).orderBy(asc(districts.sortOrder), asc(airStations.code));
}
export type StationRow = Awaited<ReturnType<typeof listStations>>[number];

export async function findStation(db: DbOrTx, id: number): Promise<StationRow | null> {
  const [row] = await db.select(stationColumns).from(airStations)
    .innerJoin(districts, eq(districts.id, airStations.districtId))
    .leftJoin(townships, eq(townships.id, airStations.townshipId))
    .where(eq(airStations.id, id));
  return row ?? null;
}

export async function findStationIdByCode(db: DbOrTx, code: string): Promise<number | null> {
  const [row] = await db.select({ id: airStations.id }).from(airStations).where(eq(airStations.code, code));
  return row?.id ?? null;
}

export async function loadStationCodeIndex(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ id: airStations.id, code: airStations.code }).from(airStations);
  return new Map(rows.map((r) => [r.code, r.id]));
}

const BATCH = 20_000;

/** The driver's client behind a Drizzle database or transaction (internal: each caller checks its shape at run time). */
const sessionClientOf = (db: DbOrTx): unknown => (db as unknown as { session?: { client?: unknown } }).session?.client;

/**
 * The node-postgres connection behind a transaction, for COPY; null on PGlite. Drizzle keeps it on the
 * transaction's session (internal, checked at run time: without it the portable INSERT path is used).
 */
function copyClient(tx: DbOrTx): PoolClient | null {
  const client = sessionClientOf(tx) as (PoolClient & { connection?: unknown }) | undefined;
  return client && typeof client.query === 'function' && client.connection ? client : null;
}

const copyValue = (v: string | number | boolean | null) => (v === null ? '\\N' : String(v));

type CopyLine<T> = (r: T) => (string | number | boolean | null)[];
/** COPY text format of rows [from, to). */
function copyText<T>(rows: readonly T[], line: CopyLine<T>, from = 0, to = rows.length): string {
  let text = '';
  for (let i = from; i < to; i++) text += `${line(rows[i]!).map(copyValue).join('\t')}\n`;
  return text;
}

/** COPY … FROM STDIN in text format, 10 000 rows per chunk. */
async function copyRows<T>(client: PoolClient, table: string, columns: string[], rows: readonly T[], line: CopyLine<T>): Promise<void> {
  function* chunks() {
    for (let i = 0; i < rows.length; i += 10_000) yield copyText(rows, line, i, Math.min(i + 10_000, rows.length));
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}

/** PGlite (or its transaction) behind a database or transaction: its query takes a blob for COPY … FROM '/dev/blob'. */
interface EmbeddedClient { query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown> }
function embeddedClient(tx: DbOrTx): EmbeddedClient {
  const client = sessionClientOf(tx) as EmbeddedClient | undefined;
  if (!client || typeof client.query !== 'function') throw new Error('no PGlite client behind this database handle');
  return client;
}

/** PGlite: COPY … FROM '/dev/blob' in text format, BATCH rows per statement (the text is held in memory). */
async function copyRowsEmbedded<T>(tx: DbOrTx, table: string, columns: string[], rows: readonly T[], line: CopyLine<T>): Promise<void> {
  const client = embeddedClient(tx);
  for (let i = 0; i < rows.length; i += BATCH) {
    const blob = new Blob([copyText(rows, line, i, Math.min(i + BATCH, rows.length))]);
    await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
  }
}

const HOURLY_COLUMNS = ['station_id', 'observed_on', 'hour', 'so2', 'no2', 'co', 'o3', 'pm10', 'pm25', 'invalid_mask'];
const hourlyLine = (r: HourlyRecord) => [r.stationId, r.observedOn, r.hour, r.values.so2, r.values.no2, r.values.co, r.values.o3, r.values.pm10, r.values.pm25, r.invalidMask];

/** INSERT … SELECT FROM unnest(arrays) of one batch; `upsert`: ON CONFLICT DO UPDATE (a re-imported hour overwrites). */
function insertHourlyBatch(tx: DbOrTx, chunk: readonly HourlyRecord[], upsert: boolean) {
  const col = (f: (r: HourlyRecord) => ArrayElement) => sql.param(arrayLiteral(chunk, f));
  return tx.execute(sql`
    insert into air_hourly (station_id, observed_on, hour, so2, no2, co, o3, pm10, pm25, invalid_mask)
    select * from unnest(${col((r) => r.stationId)}::int[], ${col((r) => r.observedOn)}::date[], ${col((r) => r.hour)}::smallint[],
      ${col((r) => r.values.so2)}::float8[], ${col((r) => r.values.no2)}::float8[], ${col((r) => r.values.co)}::float8[],
      ${col((r) => r.values.o3)}::float8[], ${col((r) => r.values.pm10)}::float8[], ${col((r) => r.values.pm25)}::float8[],
      ${col((r) => r.invalidMask)}::smallint[])
    ${upsert ? sql`on conflict (station_id, observed_on, hour) do update set so2 = excluded.so2, no2 = excluded.no2, co = excluded.co,
      o3 = excluded.o3, pm10 = excluded.pm10, pm25 = excluded.pm25, invalid_mask = excluded.invalid_mask` : sql``}`);
}

type ArrayElement = number | string | boolean | null;
/**
 * A PostgreSQL array literal of one column of `rows` (NULL for null, strings quoted and escaped). Built
 * here and sent as one text parameter: PGlite's generic array serializer quotes and regex-escapes every
 * element (issue 18: ≈ 7 s of the 1.75 M-hour insert); PostgreSQL parses the same literal either way.
 */
function arrayLiteral<T>(rows: readonly T[], f: (r: T) => ArrayElement): string {
  let s = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = f(rows[i]!);
    if (i) s += ',';
    if (v === null || v === undefined) s += 'NULL';
    else if (typeof v === 'string') s += SAFE_ELEMENT.test(v) ? v : `"${v.replace(/[\\"]/g, '\\$&')}"`;
    else s += String(v);
  }
  return `${s}}`;
}
/** Elements that need no quotes: dates, codes (not empty, not NULL, no separators, quotes, braces or spaces). */
const SAFE_ELEMENT = /^(?!null$)[\w.:+-]+$/i;

/** Portable path: the upsert, in batches. */
async function upsertHourlyRows(tx: DbOrTx, records: readonly HourlyRecord[], onProgress?: (done: number) => void): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    await insertHourlyBatch(tx, records.slice(i, i + BATCH), true);
    onProgress?.(Math.min(i + BATCH, records.length));
  }
}

/**
 * PGlite path. New hours go in by plain INSERT inside a savepoint (the ON CONFLICT probe costs a quarter
 * of the insert); at the first batch with an existing hour that batch is rolled back and it and the rest
 * are upserted. A large import also runs without the foreign keys (see withoutForeignKeys).
 */
async function insertHourlyEmbedded(tx: DbOrTx, records: readonly HourlyRecord[], onProgress?: (done: number) => void): Promise<void> {
  await withoutForeignKeys(tx, 'air_hourly', records.length, async () => {
    let upsert = false;
    for (let i = 0; i < records.length; i += BATCH) {
      const chunk = records.slice(i, i + BATCH);
      if (!upsert) {
        await tx.execute(sql`savepoint air_hourly_insert`);
        try {
          await insertHourlyBatch(tx, chunk, false);
          await tx.execute(sql`release savepoint air_hourly_insert`);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          await tx.execute(sql`rollback to savepoint air_hourly_insert`);
          upsert = true;
        }
      }
      if (upsert) await insertHourlyBatch(tx, chunk, true);
      onProgress?.(Math.min(i + BATCH, records.length));
    }
  });
}

/**
 * PGlite, a large insert (≥ 50 000 rows, at least a tenth of the table): runs `insert` with the table's
 * foreign keys dropped and adds them back after it, in the same transaction: one validating join instead
 * of a trigger call and a lookup per row (issue 18: about a quarter of the insert). Nothing is visible
 * before commit, a failed check rolls everything back (the same 23503 error), and PGlite has one
 * connection, so the exclusive lock this takes blocks no one. Not used on PostgreSQL (it would lock out readers).
 */
async function withoutForeignKeys(tx: DbOrTx, table: 'air_hourly' | 'air_daily', rows: number, insert: () => Promise<void>): Promise<void> {
  let foreignKeys: { name: string; definition: string }[] = [];
  if (rows >= 50_000) {
    const [stats] = await queryRows<{ rows: number }>(tx, sql`select reltuples::float8 as rows from pg_class where oid = ${table}::regclass`);
    if (rows * 10 >= (stats?.rows ?? 0)) {
      foreignKeys = await queryRows<{ name: string; definition: string }>(tx, sql`
        select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = ${table}::regclass and contype = 'f'`);
    }
  }
  for (const fk of foreignKeys) await tx.execute(sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(fk.name)}`);
  await insert();
  for (const fk of foreignKeys) await tx.execute(sql`alter table ${sql.identifier(table)} add constraint ${sql.identifier(fk.name)} ${sql.raw(fk.definition)}`);
}

/** A unique_violation (23505), directly or as the cause of a driver's wrapped error. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * Inserts or replaces hourly records (a re-imported hour overwrites the old one). On PostgreSQL new hours
 * go in by COPY (inside a savepoint); if any already exists, that batch falls back to the upsert.
 */
export async function upsertHourly(tx: DbOrTx, records: readonly HourlyRecord[], onProgress?: (done: number) => void): Promise<void> {
  const client = copyClient(tx);
  if (!client) return insertHourlyEmbedded(tx, records, onProgress);
  const COPY_BATCH = 200_000;
  for (let i = 0; i < records.length; i += COPY_BATCH) {
    const chunk = records.slice(i, i + COPY_BATCH);
    await client.query('savepoint air_hourly_copy');
    try {
      await copyRows(client, 'air_hourly', HOURLY_COLUMNS, chunk, hourlyLine);
      await client.query('release savepoint air_hourly_copy');
    } catch (err) {
      if ((err as { code?: string }).code !== '23505') throw err; // unique_violation: some hours exist already
      await client.query('rollback to savepoint air_hourly_copy');
      await upsertHourlyRows(tx, chunk);
    }
    onProgress?.(Math.min(i + COPY_BATCH, records.length));
  }
}

/**
 * After a bulk load has committed: VACUUM sets the new rows' hint bits and the visibility map once
 * (PostgreSQL manual, 14.4 Populating a Database), instead of the first query that reads them checking
 * every row's transaction and dirtying and writing back every page (issue 18, PGlite on disk: the year's
 * aggregation right after a 1.75 M-hour load 5.6 s, after this VACUUM (1.2 s) 2.9 s; PostgreSQL 0.35 s).
 * Not inside a transaction (VACUUM cannot run in one); it blocks no reader or writer.
 */
export async function vacuumHourly(db: Db): Promise<void> {
  await db.execute(sql`vacuum air_hourly`);
}

/** Refreshes the planner's statistics after a bulk load (else it may sort a million rows on disk). */
export async function analyzeHourly(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`analyze air_hourly`);
}

/** Per station-day: sums and counts of the valid hourly values, and the valid O3 hours as "h:v,…". */
export interface HourlyAggregate {
  stationId: number; on: string;
  so2_s: number | null; so2_n: number; no2_s: number | null; no2_n: number; co_s: number | null; co_n: number;
  pm10_s: number | null; pm10_n: number; pm25_s: number | null; pm25_n: number; o3: string | null; o3_n: number;
}

/** `and station_id = any($1)` when the read is limited to some stations (none: every station). */
const ofStations = (stationIds: readonly number[] | null | undefined) => (stationIds ? sql`and ${equalsAny(sql.raw('station_id'), stationIds)}` : sql``);

export async function aggregateHourly(db: DbOrTx, from: string, to: string, stationIds: readonly number[] | null): Promise<HourlyAggregate[]> {
  const valid = (col: string, bit: number) => sql.raw(`filter (where ${col} is not null and invalid_mask & ${bit} = 0)`);
  return queryObjects<HourlyAggregate>(db, HOURLY_AGGREGATE_COLUMNS, sql`
    select station_id as "stationId", observed_on::text as "on",
      sum(so2) ${valid('so2', 1)} as so2_s, (count(*) ${valid('so2', 1)})::int as so2_n,
      sum(no2) ${valid('no2', 2)} as no2_s, (count(*) ${valid('no2', 2)})::int as no2_n,
      sum(co) ${valid('co', 4)} as co_s, (count(*) ${valid('co', 4)})::int as co_n,
      sum(pm10) ${valid('pm10', 16)} as pm10_s, (count(*) ${valid('pm10', 16)})::int as pm10_n,
      sum(pm25) ${valid('pm25', 32)} as pm25_s, (count(*) ${valid('pm25', 32)})::int as pm25_n,
      string_agg(hour::text || ':' || o3::text, ',') ${valid('o3', 8)} as o3, (count(*) ${valid('o3', 8)})::int as o3_n
    from air_hourly
    where observed_on between ${from}::date and ${to}::date
      ${ofStations(stationIds)}
    group by station_id, observed_on`);
}
const HOURLY_AGGREGATE_COLUMNS = ['stationId', 'on', 'so2_s', 'so2_n', 'no2_s', 'no2_n', 'co_s', 'co_n', 'pm10_s', 'pm10_n', 'pm25_s', 'pm25_n', 'o3', 'o3_n'] as const;

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
/**
 * The O3 hours of an aggregate, "h:v,h:v,…" (hour, then PostgreSQL's shortest text of the value), as 24
 * values (null: no valid value). Scanned by character, without substrings (issue 18: the slices and
 * Number() were half of the daily rule's time): a plain decimal with up to 6 decimals is its digits as an
 * integer divided by a power of ten, one correctly rounded division of two exact doubles, so the same
 * double as Number() of the text; anything else (an exponent, a sign, more digits) goes through Number().
 */
export function parseHourValues(text: string | null): (number | null)[] {
  const hours = new Array<number | null>(24).fill(null);
  if (!text) return hours;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let hour = 0;
    for (let c = text.charCodeAt(i); c !== 58; c = text.charCodeAt(++i)) hour = hour * 10 + (c - 48); // up to ':'
    const start = ++i;
    let digits = 0;
    let decimals = -1;
    let plain = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 44) break; // ','
      if (c === 46 && decimals < 0) decimals = 0;
      else if (c >= 48 && c <= 57) { digits = digits * 10 + (c - 48); if (decimals >= 0) decimals++; }
      else plain = false;
    }
    hours[hour] = plain && decimals < POW10.length && digits <= Number.MAX_SAFE_INTEGER
      ? (decimals > 0 ? digits / POW10[decimals]! : digits)
      : Number(text.slice(start, i));
  }
  return hours;
}

/** node-postgres (a pool or its client) behind a database or transaction; otherwise PGlite. */
export function onNodePostgres(db: DbOrTx): boolean {
  const client = sessionClientOf(db) as { connect?: unknown } | undefined;
  return typeof client?.connect === 'function';
}

/**
 * The rows of a select whose columns are named `columns`. On PGlite as one JSON array of arrays: PGlite
 * copies and decodes every field of every row on its own (issue 18: ≈ 4 µs a field, 75 % of loading a
 * year's station-days), one json value costs a fifth of that; float8 goes out as the same shortest text
 * either way, NULL as null. On PostgreSQL the rows as they are (there building the json costs more wall time).
 */
async function queryObjects<T>(db: DbOrTx, columns: readonly string[], select: SQL): Promise<T[]> {
  if (onNodePostgres(db)) return queryRows<T>(db, select);
  const list = sql.raw(columns.map((c) => `t."${c}"`).join(', '));
  const [row] = await queryRows<{ j: string }>(db, sql`select coalesce(json_agg(json_build_array(${list})), '[]')::text as j from (${select}) t`);
  return (JSON.parse(row!.j) as unknown[][]).map((v) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) o[columns[i]!] = v[i];
    return o as T;
  });
}

export interface DailyRow {
  stationId: number; on: string;
  so2: number | null; no2: number | null; co: number | null; pm10: number | null; pm25: number | null;
  o3Max1h: number | null; o3Max8h: number | null;
  validHours: number[]; aqi: number | null; aqiComplete: boolean; primaryPollutants: string[]; standard: string;
}

/** Replaces the daily rows of the scope with `rows`. */
export async function replaceDaily(tx: DbOrTx, from: string, to: string, stationIds: readonly number[] | null, rows: readonly DailyRow[], now: Date): Promise<void> {
  await deleteDaily(tx, from, to, stationIds);
  await insertDaily(tx, rows, now);
}

export async function deleteDaily(tx: DbOrTx, from: string, to: string, stationIds: readonly number[] | null): Promise<void> {
  await tx.execute(sql`delete from air_daily where observed_on between ${from}::date and ${to}::date
    ${ofStations(stationIds)}`);
}

const DAILY_COLUMNS = ['station_id', 'observed_on', 'so2', 'no2', 'co', 'pm10', 'pm25', 'o3_max_1h', 'o3_max_8h', 'valid_hours', 'aqi', 'aqi_complete', 'primary_pollutants', 'standard', 'computed_at'];
/** One daily row as COPY fields (arrays as literals: valid hours are integers, pollutant codes plain words). */
const dailyLine = (at: string) => (r: DailyRow) => [r.stationId, r.on, r.so2, r.no2, r.co, r.pm10, r.pm25, r.o3Max1h, r.o3Max8h,
  `{${r.validHours.join(',')}}`, r.aqi, r.aqiComplete, `{${r.primaryPollutants.join(',')}}`, r.standard, at];

/**
 * Inserts daily rows (none of them may exist) by COPY: on PostgreSQL streamed, on PGlite from one text
 * blob (issue 18: 73 000 rows 1.45 s by unnest batches, 0.75 s by COPY without the foreign key's per-row
 * trigger, which a large write drops and adds back: see withoutForeignKeys).
 */
export async function insertDaily(tx: DbOrTx, rows: readonly DailyRow[], now: Date): Promise<void> {
  const line = dailyLine(now.toISOString());
  const client = copyClient(tx);
  if (client) return copyRows(client, 'air_daily', DAILY_COLUMNS, rows, line);
  await withoutForeignKeys(tx, 'air_daily', rows.length, () => copyRowsEmbedded(tx, 'air_daily', DAILY_COLUMNS, rows, line));
}

/** Station daily values for the ranking and series builders. */
export async function loadStationDays(db: DbOrTx, from: string, to: string, stationIds?: readonly number[]): Promise<StationDay[]> {
  return queryObjects<StationDay>(db, STATION_DAY_COLUMNS, sql`
    select station_id as "stationId", observed_on::text as "on", so2, no2, co, pm10, pm25, o3_max_1h as "o3_1h", o3_max_8h as "o3_8h"
    from air_daily where observed_on between ${from}::date and ${to}::date
      ${ofStations(stationIds)}`);
}
const STATION_DAY_COLUMNS = ['stationId', 'on', 'so2', 'no2', 'co', 'pm10', 'pm25', 'o3_1h', 'o3_8h'] as const;

export async function listDailyOfStations(db: DbOrTx, on: string) {
  return db.select().from(airDaily).where(eq(airDaily.observedOn, on));
}

export interface AreaUnits { city: AreaUnit; districts: AreaUnit[]; townships: AreaUnit[] }

/** The city, every district, and every township that has an active station, with their stations. */
export async function loadAreaUnits(db: DbOrTx): Promise<AreaUnits> {
  const stations = await db.select({ id: airStations.id, level: airStations.level, districtId: airStations.districtId, townshipId: airStations.townshipId })
    .from(airStations).where(eq(airStations.active, true));
  const ds = await db.select().from(districts).orderBy(asc(districts.sortOrder), asc(districts.code));
  const ts = await db.select({ id: townships.id, name: townships.name, districtId: townships.districtId }).from(townships).orderBy(asc(townships.code));
  const at = (levels: readonly StationLevel[]) => stations.filter((s) => levels.includes(s.level));
  const cityStations = at(AREA_STATION_LEVELS.city).length ? at(AREA_STATION_LEVELS.city) : at(AREA_STATION_LEVELS.district);
  const townshipIds = new Set(stations.filter((s) => s.townshipId !== null).map((s) => s.townshipId!));
  // The city row is named after the area the bureau serves (a setting, not code).
  const { bureau } = await loadBureauSettings(db);
  return {
    city: { id: 0, name: bureau.areaName, districtId: 0, stationIds: cityStations.map((s) => s.id) },
    districts: ds.map((d) => ({ id: d.id, name: d.name, districtId: d.id, stationIds: at(AREA_STATION_LEVELS.district).filter((s) => s.districtId === d.id).map((s) => s.id) })),
    townships: ts.filter((t) => townshipIds.has(t.id)).map((t) => ({
      id: t.id, name: t.name, districtId: t.districtId,
      stationIds: at(AREA_STATION_LEVELS.township).filter((s) => s.townshipId === t.id).map((s) => s.id),
    })),
  };
}

export async function listHourlyOfStation(db: DbOrTx, stationId: number, on: string) {
  return queryRows<{ hour: number; so2: number | null; no2: number | null; co: number | null; o3: number | null; pm10: number | null; pm25: number | null; invalidMask: number }>(db, sql`
    select hour, so2, no2, co, o3, pm10, pm25, invalid_mask as "invalidMask" from air_hourly
    where station_id = ${stationId} and observed_on = ${on}::date order by hour`);
}

export async function dataExtent(db: DbOrTx): Promise<{ first: string | null; last: string | null }> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(db, sql`select min(observed_on)::text as first, max(observed_on)::text as last from air_daily`);
  return row ?? { first: null, last: null };
}

// Trigger rules, publications, sanctions.

export async function listTriggerRules(db: DbOrTx, ranking?: RankingKind): Promise<(TriggerRule & { version: number })[]> {
  const rows = await db.select().from(qualityTriggerRules).where(ranking ? eq(qualityTriggerRules.ranking, ranking) : undefined).orderBy(asc(qualityTriggerRules.id));
  return rows.map(({ createdAt: _c, updatedAt: _u, ...r }) => r);
}

export async function findTriggerRule(db: DbOrTx, id: number) {
  const [row] = await db.select().from(qualityTriggerRules).where(eq(qualityTriggerRules.id, id));
  return row ?? null;
}

export async function listPublications(db: DbOrTx, f: { ranking?: RankingKind; period?: string } = {}) {
  const c: SQL[] = [];
  if (f.ranking) c.push(eq(qualityPublications.ranking, f.ranking));
  if (f.period) c.push(eq(qualityPublications.period, f.period));
  return db.select({
    id: qualityPublications.id, ranking: qualityPublications.ranking, period: qualityPublications.period, title: qualityPublications.title,
    publishedAt: qualityPublications.publishedAt, publishedByName: qualityPublications.publishedByName,
  }).from(qualityPublications).where(and(...c)).orderBy(desc(qualityPublications.publishedAt), desc(qualityPublications.id)).limit(200);
}

export async function findPublication(db: DbOrTx, id: number) {
  const [row] = await db.select().from(qualityPublications).where(eq(qualityPublications.id, id));
  return row ?? null;
}

export async function listSanctions(db: DbOrTx, f: { districtId?: number; townshipId?: number; status?: 'raised' | 'lifted'; kind?: SanctionKind } = {}) {
  const c: SQL[] = [];
  if (f.districtId !== undefined) c.push(eq(qualitySanctions.districtId, f.districtId));
  if (f.townshipId !== undefined) c.push(eq(qualitySanctions.townshipId, f.townshipId));
  if (f.status) c.push(eq(qualitySanctions.status, f.status));
  if (f.kind) c.push(eq(qualitySanctions.kind, f.kind));
  return db.select({
    id: qualitySanctions.id, kind: qualitySanctions.kind, ranking: qualitySanctions.ranking, period: qualitySanctions.period,
    districtId: qualitySanctions.districtId, districtName: districts.name, townshipId: qualitySanctions.townshipId, townshipName: townships.name,
    ruleId: qualitySanctions.ruleId, ruleName: qualityTriggerRules.name, publicationId: qualitySanctions.publicationId,
    reason: qualitySanctions.reason, status: qualitySanctions.status, raisedAt: qualitySanctions.raisedAt,
  }).from(qualitySanctions)
    .innerJoin(districts, eq(districts.id, qualitySanctions.districtId))
    .leftJoin(townships, eq(townships.id, qualitySanctions.townshipId))
    .innerJoin(qualityTriggerRules, eq(qualityTriggerRules.id, qualitySanctions.ruleId))
    .where(and(...c)).orderBy(desc(qualitySanctions.raisedAt), desc(qualitySanctions.id)).limit(500);
}

export async function findSanction(db: DbOrTx, id: number) {
  const [row] = await db.select().from(qualitySanctions).where(eq(qualitySanctions.id, id));
  return row ?? null;
}

export async function districtNames(db: DbOrTx, ids: number[]) {
  if (!ids.length) return new Map<number, string>();
  const rows = await db.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// District outlines (bureau-supplied, rules/boundaries.ts).

export async function listBoundaryDistricts(db: DbOrTx) {
  return db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts);
}

/** Where the bureau's active stations are: the area the outlines must lie near. */
export async function listStationPositions(db: DbOrTx) {
  return db.select({ longitude: airStations.longitude, latitude: airStations.latitude }).from(airStations).where(eq(airStations.active, true));
}

export async function listDistrictBoundaries(db: DbOrTx) {
  return db.select({
    districtId: airDistrictBoundaries.districtId, districtName: districts.name, code: districts.code, geometry: airDistrictBoundaries.geometry,
    source: airDistrictBoundaries.source, licence: airDistrictBoundaries.licence, reviewNumber: airDistrictBoundaries.reviewNumber,
    importedByName: airDistrictBoundaries.importedByName, importedAt: airDistrictBoundaries.importedAt,
  }).from(airDistrictBoundaries)
    .innerJoin(districts, eq(districts.id, airDistrictBoundaries.districtId))
    .orderBy(asc(districts.sortOrder), asc(districts.code));
}

/** The current set's size and metadata (for the audit's before), without the geometries. */
export async function describeDistrictBoundaries(db: DbOrTx) {
  const [row] = await queryRows<{ features: number; source: string | null; licence: string | null; reviewNumber: string | null }>(db, sql`
    select count(*)::int as features, min(source) as source, min(licence) as licence, min(review_number) as "reviewNumber" from air_district_boundaries`);
  return row ?? { features: 0, source: null, licence: null, reviewNumber: null };
}

export { POLLUTANTS };
export type { Db };

/** Hourly records held per station code and month (YYYY-MM) over [from, to]: what a demo import tops up from. */
export async function countHoursByStationMonth(db: DbOrTx, from: string, to: string): Promise<{ code: string; month: string; n: number }[]> {
  return queryRows<{ code: string; month: string; n: number }>(db, sql`
    select s.code, to_char(h.observed_on, 'YYYY-MM') as month, count(*)::int as n
    from air_hourly h join air_stations s on s.id = h.station_id
    where h.observed_on between ${from}::date and ${to}::date group by s.code, to_char(h.observed_on, 'YYYY-MM')`);
}
