// The gateway's write path: batched, one statement per batch (atomic), acknowledgements released only
// after the batch commits, and a bounded queue (back-pressure) when storage is slower than the sockets.
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../platform/db/index.js';
import type { IngestRows } from './rules/ingest.js';
import type { RejectReason } from './rules/hj212.js';

export interface RawClient { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/** The driver under Drizzle (a pg Pool or a PGlite instance): both take `query(text, params)`. */
export function rawClientOf(database: Database): RawClient {
  return (database.db as unknown as { $client: RawClient }).$client;
}

/** How a batch is written: COPY through staging tables on PostgreSQL, one unnest statement on PGlite. */
export function batchInserterOf(database: Database): (items: IngestRows[], receivedAt: Date) => Promise<void> {
  const client = rawClientOf(database);
  if (database.engine === 'postgres') {
    const pool = client as unknown as pg.Pool;
    return (items, receivedAt) => insertIngestBatchCopy(pool, items, receivedAt);
  }
  return (items, receivedAt) => insertIngestBatch(client, items, receivedAt);
}

/** COPY text format: backslash, tab and line breaks escaped; null is \N. */
const copyText = (v: string | null) => (v === null ? '\\N' : /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : v);
const copyNum = (v: number | null) => (v === null ? '\\N' : String(v));

const STAGE = `
create temp table if not exists stage_packets (like monitoring_packets) on commit delete rows;
create temp table if not exists stage_points (like monitoring_data_points) on commit delete rows;
create temp table if not exists stage_readings (like electricity_readings) on commit delete rows;`;
const MERGE = `
insert into monitoring_packets select * from stage_packets on conflict do nothing;
insert into electricity_readings select * from stage_readings on conflict do nothing;
insert into monitoring_data_points select * from stage_points on conflict do nothing;`;

function copyInto(c: pg.PoolClient, sqlText: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = c.query(copyFrom(sqlText));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(body);
  });
}

/** PostgreSQL: the batch is copied into session staging tables and merged (retries deduplicated), in one transaction. */
export async function insertIngestBatchCopy(pool: pg.Pool, items: IngestRows[], receivedAt: Date): Promise<void> {
  const rec = receivedAt.toISOString();
  let packets = '', points = '', readings = '';
  for (const it of items) {
    const p = it.packet;
    packets += `${p.deviceId}\t${p.cn}\t${iso(p.dataTime)}\t${copyText(p.qn)}\t${p.points}\t${rec}\n`;
    for (const r of it.readings) readings += `${r.channelId}\t${iso(r.at)}\t${r.kw}\n`;
    for (const d of it.points) {
      points += `${d.deviceId}\t${d.cn}\t${copyText(d.pollutant)}\t${iso(d.dataTime)}\t${copyNum(d.outfallId)}\t${copyNum(d.rtd)}\t${copyNum(d.min)}\t${copyNum(d.avg)}\t${copyNum(d.max)}\t${copyNum(d.cou)}\t${copyNum(d.zsRtd)}\t${copyNum(d.zsAvg)}\t${copyText(d.flag)}\n`;
    }
  }
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(STAGE);
    await copyInto(c, 'copy stage_packets (device_id, cn, data_time, qn, points, received_at) from stdin', packets);
    if (points) await copyInto(c, 'copy stage_points (device_id, cn, pollutant, data_time, outfall_id, rtd, min, avg, max, cou, zs_rtd, zs_avg, flag) from stdin', points);
    if (readings) await copyInto(c, 'copy stage_readings (channel_id, at, kw) from stdin', readings);
    await c.query(MERGE);
    await c.query('commit');
  } catch (e) {
    await c.query('rollback').catch(() => {});
    throw e;
  } finally {
    c.release();
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
)
insert into monitoring_data_points (device_id, cn, pollutant, data_time, outfall_id, rtd, min, avg, max, cou, zs_rtd, zs_avg, flag)
select * from unnest($10::int[], $11::smallint[], $12::text[], $13::timestamptz[], $14::int[], $15::float8[], $16::float8[],
  $17::float8[], $18::float8[], $19::float8[], $20::float8[], $21::float8[], $22::text[])
on conflict do nothing`;

/** Writes many packets' rows in one atomic statement. */
export async function insertIngestBatch(client: RawClient, items: IngestRows[], receivedAt: Date): Promise<void> {
  const pk: unknown[][] = [[], [], [], [], [], []];
  const er: unknown[][] = [[], [], []];
  const dp: unknown[][] = Array.from({ length: 13 }, () => []);
  const rec = receivedAt.toISOString();
  for (const it of items) {
    const p = it.packet;
    pk[0]!.push(p.deviceId); pk[1]!.push(p.cn); pk[2]!.push(iso(p.dataTime)); pk[3]!.push(p.qn); pk[4]!.push(p.points); pk[5]!.push(rec);
    for (const r of it.readings) { er[0]!.push(r.channelId); er[1]!.push(iso(r.at)); er[2]!.push(r.kw); }
    for (const d of it.points) {
      dp[0]!.push(d.deviceId); dp[1]!.push(d.cn); dp[2]!.push(d.pollutant); dp[3]!.push(iso(d.dataTime)); dp[4]!.push(d.outfallId);
      dp[5]!.push(d.rtd); dp[6]!.push(d.min); dp[7]!.push(d.avg); dp[8]!.push(d.max); dp[9]!.push(d.cou);
      dp[10]!.push(d.zsRtd); dp[11]!.push(d.zsAvg); dp[12]!.push(d.flag);
    }
  }
  await client.query(INSERT_BATCH, [...pk, ...er, ...dp]);
}

export interface RejectionRow { at: number; reason: RejectReason; field: string | null; mn: string | null; remote: string | null; sample: string }

export async function insertRejections(client: RawClient, rows: RejectionRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `insert into monitoring_rejections (at, reason, field, mn, remote, sample)
     select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [rows.map((r) => iso(r.at)), rows.map((r) => r.reason), rows.map((r) => r.field), rows.map((r) => r.mn), rows.map((r) => r.remote), rows.map((r) => r.sample)],
  );
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
  clock?: () => Date;
}

/**
 * Group commit: while one batch is being written, new packets queue; the next batch takes them all (up
 * to maxBatchRows). Each packet's `done` runs after its batch committed (then, and only then, the
 * gateway answers the device), or with the error (no answer: the device retries).
 */
export class BatchWriter extends EventEmitter {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private writing = false;
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
    this.highWaterRows = options.highWaterRows ?? 200_000;
    this.lowWaterRows = options.lowWaterRows ?? Math.floor(this.highWaterRows / 2);
    this.clock = options.clock ?? (() => new Date());
  }

  get depth(): number { return this.queuedRows; }
  get full(): boolean { return this.queuedRows >= this.highWaterRows; }

  /** Queues a packet's rows; false when the queue is above its high-water mark (pause the source). */
  submit(rows: IngestRows, done: (error: Error | null) => void): boolean {
    if (this.closed) { done(new Error('writer closed')); return false; }
    this.queue.push({ rows, done });
    this.queuedRows += rows.points.length + rows.readings.length + 1;
    if (!this.writing) void this.loop();
    return !this.full;
  }

  private async loop(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      let n = 0, rows = 0;
      while (n < this.queue.length && (n === 0 || rows + this.queue[n]!.rows.points.length < this.maxBatchRows)) {
        rows += this.queue[n]!.rows.points.length + this.queue[n]!.rows.readings.length + 1;
        n++;
      }
      const batch = this.queue.splice(0, n);
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
    this.writing = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves when everything queued so far is written. */
  async flush(): Promise<void> {
    if (!this.writing && !this.queue.length) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
