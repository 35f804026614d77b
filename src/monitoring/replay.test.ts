// Replay of a recorded multi-logger session (src/monitoring/session.ts, deterministic from its seed): HJ 212-2017
// and HJ/T 212-2005 loggers, noise, a stray `#`, a long burst, reads split at arbitrary bytes, a split upload, a
// time-calibration request, a corrected re-send, an empty value, unknown codes, a DataTime far ahead and a frame
// ending in LF only. Checks every reply, every stored point, the events and the rejections (issue 11).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from './test-support.js';
import { ensureSimulatedDevices } from './demo.js';
import { startGateway, type Gateway } from './gateway.js';
import { buildSession, mn2005, type Session, type SessionDevice } from './session.js';
import { encodeDataAnswer, encodeTimeSet, instantOfTimeStamp, needsAnswer, parseFrame, type Hj212Packet, type PollutantValues } from './rules/hj212.js';
import { mergeParts } from './rules/reassembly.js';
import { isKnownPollutantCode } from './rules/pollutants.js';
import {
  monitoringDataPoints, monitoringDevices, monitoringEvents, monitoringPacketParts, monitoringPointCorrections, monitoringRejections, monitoringUnknownCodes,
} from './tables.js';
import { auditLog } from '../platform/db/schema.js';

const NOW = new Date('2024-03-02T00:00:00.000Z');
const START = new Date('2024-03-01T00:00:00.000Z');
const HOURS = 8;
const SEED = 212_2017;

let ctx: TestContext;
let gateway: Gateway;
let devices: SessionDevice[];
let session: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await makeEnterprises(ctx, 2);
  const sim = (await ensureSimulatedDevices(ctx.database.db, 4, new Date())).filter((d) => d.kind !== 'electricity');
  // Loggers 3 and 4 speak HJ/T 212-2005: 14-character MNs.
  devices = sim.map((d, i) => ({ ...d, dialect: i < 2 ? '2017' : '2005', exceeding: i !== 1 }) as SessionDevice);
  for (const [i, d] of devices.entries()) {
    if (d.dialect !== '2005') continue;
    const mn = mn2005(i);
    await ctx.database.db.update(monitoringDevices).set({ mn }).where(eq(monitoringDevices.mn, d.mn));
    d.mn = mn;
  }
  gateway = await startGateway({ database: ctx.database, port: 0, host: '127.0.0.1', clock: () => NOW, writer: { maxBatchRows: 50 } });
  session = buildSession(devices, { seed: SEED, startAt: START, hours: HOURS, now: NOW });
}, 60_000);
afterAll(async () => { await gateway?.close(); await ctx?.close(); });

/** The replies the standard requires for each recorded item (HJ 212-2017 §6.1, 表 C.14, 表 9 1013/1012). */
function expectedReplies(conn: number): string[] {
  const out: string[] = [];
  for (const item of session.items.filter((i) => i.conn === conn)) {
    const p = item.packet;
    if (!p) continue;
    if (['data', 'corrected', 'empty-value', 'part', 'no-answer'].includes(item.kind) && needsAnswer(p)) out.push(encodeDataAnswer(p));
    if (item.kind === 'time-request') out.push(encodeTimeSet(p, NOW, p.cp.params.PolId));
    if (item.kind === 'future') out.push(encodeTimeSet(p, NOW));
  }
  return out.sort();
}

/** The points that must be stored: every accepted record, 2005 codes mapped, unknown codes left out; the first of a corrected pair. */
function expectedPoints(): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const add = (p: Hj212Packet) => {
    for (const v of p.cp.values) {
      if (!isKnownPollutantCode(v.code)) continue;
      const key = `${p.mn}|${p.cn}|${v.code}|${instantOfTimeStamp(p.cp.dataTime!).toISOString()}`;
      if (out.has(key)) continue;
      const pick = (x: PollutantValues) => ({ rtd: x.rtd ?? null, min: x.min ?? null, avg: x.avg ?? null, max: x.max ?? null, zsAvg: x.zsAvg ?? null, flag: x.flag ?? null, sourceCode: x.sourceCode ?? null });
      out.set(key, pick(v));
    }
  };
  for (const conn of devices.keys()) {
    const items = session.items.filter((i) => i.conn === conn);
    const parts: Hj212Packet[] = [];
    for (const item of items) {
      if (!['data', 'corrected', 'empty-value', 'part', 'no-answer'].includes(item.kind)) continue;
      // What the logger sent, read independently of the gateway's path (the empty field is absent here).
      const parsed = parseFrame(item.text);
      if (!parsed.ok) throw new Error(`recorded frame does not parse: ${parsed.reason}`);
      if (item.kind === 'part') { parts.push(parsed.value); if (parts.length === parsed.value.pnum) add(mergeParts(parts.splice(0))); continue; }
      add(parsed.value);
    }
  }
  return out;
}

async function replay(): Promise<{ replies: string[][]; bytes: number }> {
  const sockets = await Promise.all(devices.map(() => new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port: gateway.port }, () => resolve(s));
    s.once('error', reject);
  })));
  const replies: string[][] = sockets.map(() => []);
  const want = devices.map((_, i) => expectedReplies(i).length);
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => { resolveAll = r; });
  sockets.forEach((s, i) => {
    s.setNoDelay(true);
    let buf = '';
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      let at: number;
      while ((at = buf.indexOf('\r\n')) >= 0) { replies[i]!.push(buf.slice(0, at + 2)); buf = buf.slice(at + 2); }
      if (replies.every((r, k) => r.length >= want[k]!)) resolveAll();
    });
  });
  let bytes = 0;
  for (const [k, c] of session.chunks.entries()) {
    sockets[c.conn]!.write(c.bytes);
    bytes += c.bytes.length;
    // Let the bytes go out as separate segments, so the gateway really reads them split.
    if (k % 3 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.race([all, new Promise((r) => setTimeout(r, 20_000))]);
  // The loggers hang up: the frame ending in LF only is judged now.
  await Promise.all(sockets.map((s) => new Promise<void>((r) => { s.once('close', () => r()); s.end(); })));
  const t0 = Date.now();
  while ((gateway.stats().rejectedByReason.HJ212_FRAME_TRAILER ?? 0) < devices.length && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 20));
  await gateway.drain();
  return { replies, bytes };
}

describe('replay of a recorded HJ 212-2005/2017 session (issue 11: done when)', { timeout: 120_000 }, () => {
  it('the recording is deterministic from its seed', () => {
    const again = buildSession(devices, { seed: SEED, startAt: START, hours: HOURS, now: NOW });
    expect(Buffer.concat(again.chunks.map((c) => c.bytes)).equals(Buffer.concat(session.chunks.map((c) => c.bytes)))).toBe(true);
    const other = buildSession(devices, { seed: SEED + 1, startAt: START, hours: HOURS, now: NOW });
    expect(other.chunks.map((c) => c.bytes.length)).not.toEqual(session.chunks.map((c) => c.bytes.length));
    expect(session.items.some((i) => i.kind === 'stray-hash')).toBe(true);
    expect(session.items.some((i) => i.kind === 'noise')).toBe(true);
  });

  it('answers every frame as the standard says, stores every point once, and counts every byte it drops', async () => {
    const db = ctx.database.db;
    const { replies, bytes } = await replay();

    // Every reply (§6.1 / 表 C.14 9014 with the same QN and the logger's version; 1013 and far-future → 1012).
    devices.forEach((_, i) => expect(replies[i]!.slice().sort()).toEqual(expectedReplies(i)));
    expect(replies[2]!.every((r) => !r.includes('CN=9014') || r.includes(';Flag=0;'))).toBe(true); // a 2005 logger is answered as 2005
    expect(replies[0]!.filter((r) => r.includes('CN=9014')).every((r) => r.includes(';Flag=4;'))).toBe(true);

    // Every byte: in a frame handed to the parser, or in a discarded range with its reason.
    const s = gateway.stats();
    expect(s.frameBytes + s.discardedBytes).toBe(bytes);

    // Stored points: exactly the expected ones, 2005 codes mapped with the raw code kept, absent flags absent.
    const ids = await db.select({ id: monitoringDevices.id, mn: monitoringDevices.mn }).from(monitoringDevices).where(inArray(monitoringDevices.mn, devices.map((d) => d.mn)));
    const mnOf = new Map(ids.map((r) => [r.id, r.mn]));
    const rows = await db.select().from(monitoringDataPoints).where(inArray(monitoringDataPoints.deviceId, ids.map((r) => r.id)));
    const stored = new Map(rows.map((r) => [`${mnOf.get(r.deviceId)}|${r.cn}|${r.pollutant}|${r.dataTime.toISOString()}`,
      { rtd: r.rtd, min: r.min, avg: r.avg, max: r.max, zsAvg: r.zsAvg, flag: r.flag, sourceCode: r.sourceCode }]));
    const expected = expectedPoints();
    expect(stored.size).toBe(expected.size);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));
    const s07 = rows.filter((r) => r.sourceCode === 'S07');
    expect(s07.length).toBe(1);
    expect(s07[0]!.pollutant).toBe('a01016');
    expect(rows.some((r) => r.sourceCode === '023' && r.pollutant === 'w20116')).toBe(true);
    expect(rows.some((r) => r.sourceCode === '28' && r.pollutant === 'a30001')).toBe(true);
    expect(rows.filter((r) => mnOf.get(r.deviceId)!.length === 14).every((r) => r.flag === null)).toBe(true);

    // Split uploads: every part stored and marked assembled.
    const parts = await db.select().from(monitoringPacketParts);
    expect(parts).toHaveLength(session.items.filter((i) => i.kind === 'part').length);
    expect(parts.every((p) => p.assembledAt !== null)).toBe(true);

    // Corrected re-sends: kept beside the first, and audited.
    const corrections = await db.select().from(monitoringPointCorrections);
    expect(corrections).toHaveLength(session.items.filter((i) => i.kind === 'corrected').length);
    expect(corrections.every((c) => c.audited)).toBe(true);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'monitoring.point.correction'));
    expect(audits).toHaveLength(corrections.length);

    // Unknown codes are listed, not stored.
    const unknown = await db.select().from(monitoringUnknownCodes);
    expect(unknown.map((u) => u.code).sort()).toEqual(['Z98', 'Z99']);
    expect(rows.some((r) => r.pollutant.startsWith('Z'))).toBe(false);

    // Rejections with their reasons: noise and stray `#` (with bytes), LF-only frames, far-future DataTime, empty values.
    const rej = await db.select().from(monitoringRejections);
    const by = (reason: string) => rej.filter((r) => r.reason === reason);
    const discardItems = session.items.filter((i) => i.kind === 'noise' || i.kind === 'stray-hash');
    expect(by('HJ212_FRAME_HEADER')).toHaveLength(discardItems.length);
    expect(by('HJ212_FRAME_HEADER').reduce((n, r) => n + (r.bytes ?? 0), 0)).toBe(discardItems.reduce((n, i) => n + Buffer.byteLength(i.text), 0));
    expect(by('HJ212_FRAME_TRAILER')).toHaveLength(devices.length);
    expect(by('HJ212_DATA_TIME_FUTURE')).toHaveLength(devices.length);
    expect(by('HJ212_CP_EMPTY_VALUE').map((r) => r.field!.endsWith('-Max'))).toEqual(devices.map(() => true));
    expect(rej).toHaveLength(discardItems.length + 3 * devices.length);

    // Events: the three exceeding loggers (one of them 2005 without flags) have one 3-hour exceedance each; nothing else.
    const events = await db.select().from(monitoringEvents);
    expect(events.map((e) => e.kind)).toEqual(['exceedance', 'exceedance', 'exceedance']);
    expect(events.map((e) => e.units)).toEqual([3, 3, 3]);
    expect(events.every((e) => e.startAt.toISOString() === '2024-03-01T02:00:00.000Z')).toBe(true);
  });
});
