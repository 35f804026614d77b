import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/db.js';
import type { Database } from '../platform/db/index.js';
import { batchInserterOf, BatchWriter } from './store.js';
import { monitoringDataPoints, monitoringPackets, monitoringPointCorrections } from './tables.js';
import type { IngestRows } from './rules/ingest.js';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database?.close());

const rows = (i: number, pollutant = 'w01018'): IngestRows => ({
  packet: { deviceId: 1, cn: 2011, dataTime: Date.UTC(2024, 0, 1) + i * 60_000, qn: `2024010100000${String(i).padStart(4, '0')}`, points: 1 },
  points: [{ deviceId: 1, cn: 2011, pollutant, dataTime: Date.UTC(2024, 0, 1) + i * 60_000, outfallId: null, rtd: i / 10, min: null, avg: null, max: null, cou: null, zsRtd: null, zsAvg: -0.5, flag: i % 2 ? 'N' : null }],
  readings: [],
});

describe('batched storage', () => {
  it('stores a batch atomically, deduplicates retries, and keeps odd characters in codes', async () => {
    const insert = batchInserterOf(database);
    await insert([rows(1), rows(2, 'x\\y\tz'), rows(3)], new Date());
    await insert([rows(1), rows(3)], new Date()); // a device's retries
    const pts = await database.db.select().from(monitoringDataPoints);
    expect(pts).toHaveLength(3);
    expect(pts.map((p) => p.pollutant).sort()).toEqual(['w01018', 'w01018', 'x\\y\tz']);
    expect(pts.find((p) => p.rtd === 0.2)).toMatchObject({ zsAvg: -0.5, flag: null });
    expect(await database.db.select().from(monitoringPackets)).toHaveLength(3);
  });

  it('answers only after commit, and pauses (back-pressure) above the high-water mark', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const insert = batchInserterOf(database);
    const writer = new BatchWriter(async (items, at) => { await gate; await insert(items, at); }, { highWaterRows: 10, lowWaterRows: 4 });
    const done: number[] = [];
    const accepted: boolean[] = [];
    for (let i = 100; i < 108; i++) accepted.push(writer.submit(rows(i), (e) => { if (!e) done.push(i); }));
    expect(accepted.slice(0, 4).every(Boolean)).toBe(true);
    expect(accepted.at(-1)).toBe(false);
    expect(done).toEqual([]);
    const drained = new Promise<void>((r) => writer.once('drain', () => r()));
    release();
    await drained;
    await writer.flush();
    expect(done).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
  });

  it('by default one lane pauses its sources at a batch and a half queued, two lanes at three batches (issue 18: memory)', () => {
    const never = () => new Promise<void>(() => {});
    expect(new BatchWriter(never, { maxBatchRows: 100 }).highWaterRows).toBe(150);
    expect(new BatchWriter(never, { maxBatchRows: 100, lanes: 2 }).highWaterRows).toBe(300);
    const one = new BatchWriter(never, { maxBatchRows: 10 });
    const accepted: boolean[] = [];
    for (let i = 0; i < 8; i++) accepted.push(one.submit(rows(i), () => {})); // 2 rows a packet (a point + the packet)
    expect(accepted.indexOf(false)).toBe(7); // 16 rows ≥ 15
  });

  it('a record re-sent with other values is kept as a correction (in the same batch or a later one); an identical re-send is not', async () => {
    const insert = batchInserterOf(database);
    const changed = (i: number, rtd: number): IngestRows => { const r = rows(i); r.points[0]!.rtd = rtd; return r; };
    await insert([rows(300), changed(300, 9.5), rows(300)], new Date()); // same batch
    await insert([changed(301, 1), rows(300)], new Date());
    await insert([changed(301, 2)], new Date()); // a later batch
    const kept = await database.db.select().from(monitoringDataPoints);
    expect(kept.find((p) => p.dataTime.getTime() === Date.UTC(2024, 0, 1) + 300 * 60_000)!.rtd).toBe(30);
    expect(kept.find((p) => p.dataTime.getTime() === Date.UTC(2024, 0, 1) + 301 * 60_000)!.rtd).toBe(1);
    const corrections = await database.db.select().from(monitoringPointCorrections);
    expect(corrections.map((c) => c.rtd).sort()).toEqual([2, 9.5]);
    expect(corrections.every((c) => !c.audited)).toBe(true);
  });

  it('with two lanes, each device commits in order and flush waits for both lanes', async () => {
    const committed: string[] = [];
    const writer = new BatchWriter(async (items) => {
      await new Promise((r) => setTimeout(r, items[0]!.packet!.deviceId === 1 ? 20 : 1));
      for (const it of items) committed.push(`${it.packet!.deviceId}:${it.packet!.qn}`);
    }, { lanes: 2, maxBatchRows: 2 });
    const item = (deviceId: number, i: number): IngestRows => ({ ...rows(i), packet: { ...rows(i).packet!, deviceId, qn: String(i) } });
    const done: string[] = [];
    for (let i = 0; i < 6; i++) for (const d of [1, 2]) writer.submit(item(d, i), (e) => { if (!e) done.push(`${d}:${i}`); });
    await writer.flush();
    expect(done).toHaveLength(12);
    for (const d of ['1', '2']) expect(committed.filter((c) => c.startsWith(`${d}:`))).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${d}:${i}`));
    expect(writer.depth).toBe(0);
  });

  it('an idle writer starts on the next turn: packets submitted in the same turn (one poll phase) share a batch', async () => {
    const sizes: number[] = [];
    const writer = new BatchWriter(async (items) => { sizes.push(items.length); });
    for (let i = 300; i < 305; i++) writer.submit(rows(i), () => {});
    await writer.flush();
    expect(sizes).toEqual([5]);
  });

  it('a failed batch answers nobody', async () => {
    const writer = new BatchWriter(async () => { throw new Error('disk full'); });
    const results: (Error | null)[] = [];
    writer.on('error-batch', () => {});
    writer.submit(rows(200), (e) => results.push(e));
    await writer.flush();
    expect(results[0]?.message).toBe('disk full');
  });
});
