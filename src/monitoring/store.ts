// The gateway's write path: batched, one statement per batch (atomic), acknowledgements released only
// after the batch commits, and a bounded queue (back-pressure) when storage is slower than the sockets.
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../platform/db/index.js';
import type { IngestRows, PointRow } from './rules/ingest.js';
import type { RejectReason } from './rules/hj212.js';
import { releaseCopyBuffers, takeCopyBuffers } from './copy-text.js';

export interface RawClient { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/** The driver under Drizzle (a pg Pool or a PGlite instance): both take `query(text, params)`. */
export function rawClientOf(database: Database): RawClient {
  return (database.db as unknown as { $client: RawClient }).$client;
}

/** How a batch is written: COPY (staging and merge on a retry) on PostgreSQL, COPY FROM a blob on PGlite. */
export function batchInserterOf(database: Database): (items: IngestRows[], receivedAt: Date) => Promise<void> {
  const client = rawClientOf(database);
  if (database.engine === 'postgres') {
    const pool = client as unknown as pg.Pool;
    return (items, receivedAt) => insertIngestBatchCopy(pool, items, receivedAt);
  }
  return (items, receivedAt) => insertIngestBatchBlob(client as unknown as PGlite, items, receivedAt);
}


const STAGE = `
create temp table if not exists stage_packets (like monitoring_packets) on commit delete rows;
create temp table if not exists stage_points (like monitoring_data_points) on commit delete rows;
create temp table if not exists stage_readings (like electricity_readings) on commit delete rows;
create temp table if not exists stage_parts (like monitoring_packet_parts) on commit delete rows;
create temp table if not exists stage_assembled (device_id int, qn text, pno smallint) on commit delete rows;`;

const VALUES = 'rtd, min, avg, max, cou, zs_rtd, zs_avg, flag';
/**
 * A record re-sent with other values for a key already stored: the first stays, the new values are kept as a
 * correction (README §Decisions). Identical re-sends (a retry after a lost answer) are not corrections.
 */
const correctionsFrom = (source: string, receivedAt: string) => `
  insert into monitoring_point_corrections (device_id, cn, pollutant, data_time, ${VALUES}, received_at)
  select n.device_id, n.cn, n.pollutant, n.data_time, n.rtd, n.min, n.avg, n.max, n.cou, n.zs_rtd, n.zs_avg, n.flag, ${receivedAt}
  from ${source} n join monitoring_data_points p using (device_id, cn, pollutant, data_time)
  where (n.rtd, n.min, n.avg, n.max, n.cou, n.zs_rtd, n.zs_avg, n.flag) is distinct from (p.rtd, p.min, p.avg, p.max, p.cou, p.zs_rtd, p.zs_avg, p.flag)`;

/**
 * Within one batch the same point may come twice (a re-send committed together with the first): the first
 * stays, a later one with other values becomes a correction, an identical one is dropped.
 */
export function splitBatchPoints(items: IngestRows[]): { points: PointRow[]; corrections: PointRow[] } {
  // Keyed by (device, cn, data time) — one string per packet, not per point — then by pollutant.
  const seen = new Map<string, Map<string, PointRow>>();
  const points: PointRow[] = [];
  const corrections: PointRow[] = [];
  const same = (a: PointRow, b: PointRow) => a.rtd === b.rtd && a.min === b.min && a.avg === b.avg && a.max === b.max && a.cou === b.cou
    && a.zsRtd === b.zsRtd && a.zsAvg === b.zsAvg && a.flag === b.flag;
  let lastDevice = NaN, lastCn = NaN, lastTime = NaN;
  let group: Map<string, PointRow> | undefined;
  for (const it of items) {
    for (const d of it.points) {
      if (d.deviceId !== lastDevice || d.cn !== lastCn || d.dataTime !== lastTime) {
        lastDevice = d.deviceId; lastCn = d.cn; lastTime = d.dataTime;
        const key = `${d.deviceId}|${d.cn}|${d.dataTime}`;
        group = seen.get(key);
        if (!group) { group = new Map(); seen.set(key, group); }
      }
      const first = group!.get(d.pollutant);
      if (!first) { group!.set(d.pollutant, d); points.push(d); } else if (!same(first, d)) corrections.push(d);
    }
  }
  return { points, corrections };
}

const CORRECTION_COLUMNS = `device_id, cn, pollutant, data_time, ${VALUES}, received_at`;
const insertCorrections = (first: number) => `insert into monitoring_point_corrections (${CORRECTION_COLUMNS})
  select v.*, $${first + 12}::timestamptz from unnest($${first}::int[], $${first + 1}::smallint[], $${first + 2}::text[], $${first + 3}::timestamptz[],
    $${first + 4}::float8[], $${first + 5}::float8[], $${first + 6}::float8[], $${first + 7}::float8[], $${first + 8}::float8[], $${first + 9}::float8[],
    $${first + 10}::float8[], $${first + 11}::text[]) v`;
const correctionParams = (rows: PointRow[]): unknown[] => [
  rows.map((d) => d.deviceId), rows.map((d) => d.cn), rows.map((d) => d.pollutant), rows.map((d) => iso(d.dataTime)), rows.map((d) => d.rtd),
  rows.map((d) => d.min), rows.map((d) => d.avg), rows.map((d) => d.max), rows.map((d) => d.cou), rows.map((d) => d.zsRtd), rows.map((d) => d.zsAvg),
  rows.map((d) => d.flag),
];

const mergeOthers = (rec: string) => `
insert into monitoring_packets select * from stage_packets on conflict do nothing;
insert into electricity_readings select * from stage_readings on conflict do nothing;
insert into monitoring_packet_parts select * from stage_parts on conflict do nothing;
update monitoring_packet_parts p set assembled_at = '${rec}' from stage_assembled a where p.device_id = a.device_id and p.qn = a.qn and p.pno = a.pno;`;

const POINT_COLUMNS = 'device_id, cn, pollutant, data_time, outfall_id, rtd, min, avg, max, cou, zs_rtd, zs_avg, flag, source_code';
const PACKET_COLUMNS = 'device_id, cn, data_time, qn, points, received_at';
const PART_COLUMNS = 'device_id, qn, pno, pnum, cn, segment, received_at';

function copyInto(c: pg.PoolClient, sqlText: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = c.query(copyFrom(sqlText));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(body);
  });
}

/**
 * PostgreSQL, one transaction per batch. Fast path: the rows are copied straight into their tables inside a
 * savepoint — a batch of new data (the normal case) costs one COPY per table, as a bare COPY client would.
 * If any row is already stored (a device's retry after a lost answer: unique_violation), the savepoint is
 * rolled back and the batch goes through session staging tables and a merge: retries deduplicated, a
 * re-sent point with other values kept as a correction (README §Decisions). Both paths store the same rows.
 */
export async function insertIngestBatchCopy(pool: pg.Pool, items: IngestRows[], receivedAt: Date): Promise<void> {
  const rec = receivedAt.toISOString();
  const split = splitBatchPoints(items);
  // The COPY text goes straight into reused buffers (no string per row); they return to the pool after commit.
  const buffers = takeCopyBuffers();
  const { packets, points, readings, parts, assembled } = buffers.encode(items, split.points, rec);
  const c = await pool.connect();
  try {
    await c.query('begin');
    let direct = true;
    await c.query('savepoint ingest_direct');
    try {
      if (packets.length) await copyInto(c, `copy monitoring_packets (${PACKET_COLUMNS}) from stdin`, packets);
      if (points.length) await copyInto(c, `copy monitoring_data_points (${POINT_COLUMNS}) from stdin`, points);
      if (readings.length) await copyInto(c, 'copy electricity_readings (channel_id, at, kw) from stdin', readings);
      if (parts.length) await copyInto(c, `copy monitoring_packet_parts (${PART_COLUMNS}) from stdin`, parts);
      await c.query('release savepoint ingest_direct');
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e; // unique_violation: some rows are stored already
      await c.query('rollback to savepoint ingest_direct');
      direct = false;
    }
    if (direct) {
      if (assembled.length) {
        const a = items.flatMap((x) => x.assembled ?? []);
        await c.query(`update monitoring_packet_parts p set assembled_at = $1::timestamptz from unnest($2::int[], $3::text[], $4::smallint[]) a(device_id, qn, pno)
          where p.device_id = a.device_id and p.qn = a.qn and p.pno = a.pno`, [rec, a.map((x) => x.deviceId), a.map((x) => x.qn), a.map((x) => x.pno)]);
      }
    } else {
      await c.query(STAGE);
      if (packets.length) await copyInto(c, `copy stage_packets (${PACKET_COLUMNS}) from stdin`, packets);
      if (points.length) await copyInto(c, `copy stage_points (${POINT_COLUMNS}) from stdin`, points);
      if (readings.length) await copyInto(c, 'copy stage_readings (channel_id, at, kw) from stdin', readings);
      if (parts.length) await copyInto(c, `copy stage_parts (${PART_COLUMNS}) from stdin`, parts);
      if (assembled.length) await copyInto(c, 'copy stage_assembled (device_id, qn, pno) from stdin', assembled);
      await c.query(mergeOthers(rec));
      const inserted = await c.query('insert into monitoring_data_points select * from stage_points on conflict do nothing');
      // Every staged point that was not inserted exists already: those with other values are corrections
      // (the rows just inserted equal their staged values, so the join finds only the earlier ones).
      if ((inserted.rowCount ?? 0) < split.points.length) await c.query(`${correctionsFrom('stage_points', `'${rec}'::timestamptz`)}`);
    }
    if (split.corrections.length) await c.query(insertCorrections(1), [...correctionParams(split.corrections), rec]);
    await c.query('commit');
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    c.release();
    releaseCopyBuffers(buffers);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

const INSERT_BATCH = `
with pk as (
  insert into monitoring_packets (device_id, cn, data_time, qn, points, received_at)
  select * from unnest($1::int[], $2::smallint[], $3::timestamptz[], $4::text[], $5::int[], $6::timestamptz[])
  on conflict do nothing returning 1
), er as (
  insert into electricity_readings (channel_id, at, kw)
  select * from unnest($7::int[], $8::timestamptz[], $9::float8[])
  on conflict do nothing returning 1
), pa as (
  insert into monitoring_packet_parts (device_id, qn, pno, pnum, cn, segment, received_at)
  select v.*, $24::timestamptz from unnest($25::int[], $26::text[], $27::smallint[], $28::smallint[], $29::smallint[], $30::text[]) v
  on conflict do nothing returning 1
), asm as (
  update monitoring_packet_parts p set assembled_at = $24::timestamptz
  from unnest($31::int[], $32::text[], $33::smallint[]) a(device_id, qn, pno)
  where p.device_id = a.device_id and p.qn = a.qn and p.pno = a.pno returning 1
), n as (
  select * from unnest($10::int[], $11::smallint[], $12::text[], $13::timestamptz[], $14::int[], $15::float8[], $16::float8[],
    $17::float8[], $18::float8[], $19::float8[], $20::float8[], $21::float8[], $22::text[], $23::text[])
    as v(device_id, cn, pollutant, data_time, outfall_id, rtd, min, avg, max, cou, zs_rtd, zs_avg, flag, source_code)
), co as (${correctionsFrom('n', '$24::timestamptz')} returning 1
), ci as (${insertCorrections(34).replace(/\$46::timestamptz/, '$24::timestamptz')} returning 1)
insert into monitoring_data_points (device_id, cn, pollutant, data_time, outfall_id, rtd, min, avg, max, cou, zs_rtd, zs_avg, flag, source_code)
select * from n
on conflict do nothing`;

/** Writes many packets' rows in one atomic statement. */
export async function insertIngestBatch(client: RawClient, items: IngestRows[], receivedAt: Date): Promise<void> {
  const pk: unknown[][] = [[], [], [], [], [], []];
  const er: unknown[][] = [[], [], []];
  const dp: unknown[][] = Array.from({ length: 14 }, () => []);
  const pa: unknown[][] = Array.from({ length: 6 }, () => []);
  const asm: unknown[][] = [[], [], []];
  const rec = receivedAt.toISOString();
  const split = splitBatchPoints(items);
  for (const d of split.points) {
    dp[0]!.push(d.deviceId); dp[1]!.push(d.cn); dp[2]!.push(d.pollutant); dp[3]!.push(iso(d.dataTime)); dp[4]!.push(d.outfallId);
    dp[5]!.push(d.rtd); dp[6]!.push(d.min); dp[7]!.push(d.avg); dp[8]!.push(d.max); dp[9]!.push(d.cou);
    dp[10]!.push(d.zsRtd); dp[11]!.push(d.zsAvg); dp[12]!.push(d.flag); dp[13]!.push(d.sourceCode ?? null);
  }
  for (const it of items) {
    const p = it.packet;
    if (p) { pk[0]!.push(p.deviceId); pk[1]!.push(p.cn); pk[2]!.push(iso(p.dataTime)); pk[3]!.push(p.qn); pk[4]!.push(p.points); pk[5]!.push(rec); }
    for (const r of it.readings) { er[0]!.push(r.channelId); er[1]!.push(iso(r.at)); er[2]!.push(r.kw); }
    for (const x of it.parts ?? []) { pa[0]!.push(x.deviceId); pa[1]!.push(x.qn); pa[2]!.push(x.pno); pa[3]!.push(x.pnum); pa[4]!.push(x.cn); pa[5]!.push(x.segment); }
    for (const a of it.assembled ?? []) { asm[0]!.push(a.deviceId); asm[1]!.push(a.qn); asm[2]!.push(a.pno); }
  }
  await client.query(INSERT_BATCH, [...pk, ...er, ...dp, rec, ...pa, ...asm, ...correctionParams(split.corrections)]);
}

/**
 * PGlite (one connection, in this thread), one transaction per batch: the same fast path as on PostgreSQL —
 * each table's rows copied from a blob inside a savepoint — and on a unique_violation (a retry) the savepoint
 * is rolled back and the batch is written by the one-statement merge (insertIngestBatch): same rows stored.
 * PGlite runs its transaction exclusively: no other query of the process interleaves.
 */
export async function insertIngestBatchBlob(db: PGlite, items: IngestRows[], receivedAt: Date): Promise<void> {
  const rec = receivedAt.toISOString();
  const split = splitBatchPoints(items);
  const buffers = takeCopyBuffers();
  try {
    const { packets, points, readings, parts, assembled } = buffers.encode(items, split.points, rec);
    // A Blob copies its bytes: the buffers are free again once the blobs exist.
    const blob = (b: Buffer) => ({ blob: new Blob([new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.length)]) });
    await db.transaction(async (tx: Transaction) => {
      await tx.query('savepoint ingest_direct');
      try {
        if (packets.length) await tx.query(`copy monitoring_packets (${PACKET_COLUMNS}) from '/dev/blob'`, [], blob(packets));
        if (points.length) await tx.query(`copy monitoring_data_points (${POINT_COLUMNS}) from '/dev/blob'`, [], blob(points));
        if (readings.length) await tx.query(`copy electricity_readings (channel_id, at, kw) from '/dev/blob'`, [], blob(readings));
        if (parts.length) await tx.query(`copy monitoring_packet_parts (${PART_COLUMNS}) from '/dev/blob'`, [], blob(parts));
        await tx.query('release savepoint ingest_direct');
      } catch (e) {
        if ((e as { code?: string }).code !== '23505') throw e; // unique_violation: some rows are stored already
        await tx.query('rollback to savepoint ingest_direct');
        await insertIngestBatch(tx as unknown as RawClient, items, receivedAt);
        return;
      }
      if (assembled.length) {
        const a = items.flatMap((x) => x.assembled ?? []);
        await tx.query(`update monitoring_packet_parts p set assembled_at = $1::timestamptz from unnest($2::int[], $3::text[], $4::smallint[]) a(device_id, qn, pno)
          where p.device_id = a.device_id and p.qn = a.qn and p.pno = a.pno`, [rec, a.map((x) => x.deviceId), a.map((x) => x.qn), a.map((x) => x.pno)]);
      }
      if (split.corrections.length) await tx.query(insertCorrections(1), [...correctionParams(split.corrections), rec]);
    });
  } finally {
    releaseCopyBuffers(buffers);
  }
}

export interface RejectionRow { at: number; reason: RejectReason; field: string | null; mn: string | null; remote: string | null; sample: string; bytes: number | null }

export async function insertRejections(client: RawClient, rows: RejectionRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `insert into monitoring_rejections (at, reason, field, mn, remote, sample, bytes)
     select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])`,
    [rows.map((r) => iso(r.at)), rows.map((r) => r.reason), rows.map((r) => r.field), rows.map((r) => r.mn), rows.map((r) => r.remote), rows.map((r) => r.sample), rows.map((r) => r.bytes)],
  );
}

export interface UnknownCodeRow { deviceId: number; code: string; cn: number; firstAt: number; lastAt: number; count: number }

/** Codes outside HJ 212-2017 附录 B (after 2005 mapping), counted per device for the review page. */
export async function upsertUnknownCodes(client: RawClient, rows: UnknownCodeRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `insert into monitoring_unknown_codes (device_id, code, cn, first_seen_at, last_seen_at, count)
     select * from unnest($1::int[], $2::text[], $3::smallint[], $4::timestamptz[], $5::timestamptz[], $6::int[])
     on conflict (device_id, code) do update set cn = excluded.cn, count = monitoring_unknown_codes.count + excluded.count,
       last_seen_at = greatest(monitoring_unknown_codes.last_seen_at, excluded.last_seen_at)`,
    [rows.map((r) => r.deviceId), rows.map((r) => r.code), rows.map((r) => r.cn), rows.map((r) => iso(r.firstAt)), rows.map((r) => iso(r.lastAt)), rows.map((r) => r.count)],
  );
}

/** Stored sub-packets not yet assembled (answered before a restart): the gateway resumes their messages. */
export async function loadOpenParts(client: RawClient, since: Date): Promise<{ deviceId: number; segment: string }[]> {
  const r = await client.query('select device_id, segment from monitoring_packet_parts where assembled_at is null and received_at >= $1 order by received_at, pno', [since.toISOString()]);
  return r.rows.map((x) => ({ deviceId: Number(x.device_id), segment: String(x.segment) }));
}

export async function touchDevices(client: RawClient, seen: Map<number, number>): Promise<void> {
  if (!seen.size) return;
  await client.query(
    `update monitoring_devices d set last_seen_at = v.t from unnest($1::int[], $2::timestamptz[]) v(id, t)
     where d.id = v.id and (d.last_seen_at is null or d.last_seen_at < v.t)`,
    [[...seen.keys()], [...seen.values()].map(iso)],
  );
}

interface Pending { rows: IngestRows; done: (error: Error | null) => void }

export interface BatchWriterOptions {
  /** Largest batch, in rows (data points + readings + packets). */
  maxBatchRows?: number;
  /** Queue size (rows) above which submit() asks the caller to pause its socket. */
  highWaterRows?: number;
  /** Queue size below which 'drain' is emitted. */
  lowWaterRows?: number;
  /**
   * Batches written at the same time (each on its own connection). A device always goes to the same lane
   * (device id modulo lanes), so its packets commit in order and two lanes never write the same key.
   */
  lanes?: number;
  clock?: () => Date;
}

/** The device whose rows these are (the lane key). */
const deviceOf = (rows: IngestRows): number => rows.packet?.deviceId ?? rows.parts?.[0]?.deviceId ?? rows.assembled?.[0]?.deviceId ?? 0;

/**
 * Group commit: while one batch is being written, new packets queue; the next batch takes them all (up
 * to maxBatchRows). Each packet's `done` runs after its batch committed (then, and only then, the
 * gateway answers the device), or with the error (no answer: the device retries).
 */
export class BatchWriter extends EventEmitter {
  private readonly queues: Pending[][];
  private readonly writing: boolean[];
  private queuedRows = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  readonly maxBatchRows: number;
  readonly highWaterRows: number;
  readonly lowWaterRows: number;
  private readonly clock: () => Date;
  committedPackets = 0;
  committedRows = 0;
  failedBatches = 0;
  batches = 0;

  constructor(private readonly insert: (items: IngestRows[], receivedAt: Date) => Promise<void>, options: BatchWriterOptions = {}) {
    super();
    this.maxBatchRows = options.maxBatchRows ?? 20_000;
    const lanes = Math.max(1, Math.floor(options.lanes ?? 1));
    // Two lanes: three batches' worth keeps both busy. One lane (PGlite, in the server's thread): the batch being
    // written and half the next — more only holds parsed packets longer. 3× vs 1.5× on PGlite, 5 runs each
    // (bench/monitoring.ts): server RSS 385–423 (median 394) vs 364–385 (median 378) MB, points/s the same.
    this.highWaterRows = options.highWaterRows ?? Math.round((lanes === 1 ? 1.5 : 3) * this.maxBatchRows);
    this.lowWaterRows = options.lowWaterRows ?? Math.floor(this.highWaterRows / 2);
    this.clock = options.clock ?? (() => new Date());
    this.queues = Array.from({ length: lanes }, () => []);
    this.writing = Array.from({ length: lanes }, () => false);
  }

  get depth(): number { return this.queuedRows; }
  get full(): boolean { return this.queuedRows >= this.highWaterRows; }

  /** Queues a packet's rows; false when the queue is above its high-water mark (pause the source). */
  submit(rows: IngestRows, done: (error: Error | null) => void): boolean {
    if (this.closed) { done(new Error('writer closed')); return false; }
    const lane = this.queues.length === 1 ? 0 : deviceOf(rows) % this.queues.length;
    this.queues[lane]!.push({ rows, done });
    this.queuedRows += rows.points.length + rows.readings.length + 1;
    // An idle lane starts on the next turn (check phase), not now: every socket read in this poll phase joins
    // the batch. Started at once, the batch would hold one socket's chunk, and on PGlite (same thread, no I/O
    // while a transaction runs) every batch would stay that small.
    if (!this.writing[lane]) { this.writing[lane] = true; setImmediate(() => void this.loop(lane)); }
    return !this.full;
  }

  private async loop(lane: number): Promise<void> {
    this.writing[lane] = true;
    const queue = this.queues[lane]!;
    while (queue.length) {
      let n = 0, rows = 0;
      while (n < queue.length && (n === 0 || rows + queue[n]!.rows.points.length < this.maxBatchRows)) {
        rows += queue[n]!.rows.points.length + queue[n]!.rows.readings.length + 1;
        n++;
      }
      const batch = queue.splice(0, n);
      let error: Error | null = null;
      try {
        await this.insert(batch.map((b) => b.rows), this.clock());
        this.batches++;
        this.committedPackets += batch.length;
        this.committedRows += rows;
      } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
        this.failedBatches++;
        this.emit('error-batch', error);
      }
      const wasFull = this.full;
      this.queuedRows -= rows;
      for (const b of batch) {
        try { b.done(error); } catch { /* a callback's failure never stops the writer */ }
      }
      if (!error) this.emit('committed', batch.map((b) => b.rows));
      if ((wasFull || this.listenerCount('drain')) && this.queuedRows <= this.lowWaterRows) this.emit('drain');
    }
    this.writing[lane] = false;
    if (!this.writing.some(Boolean)) for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves when everything queued so far is written. */
  async flush(): Promise<void> {
    if (!this.writing.some(Boolean) && this.queues.every((q) => !q.length)) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
