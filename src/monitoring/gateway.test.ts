import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from './test-support.js';
import { ensureSimulatedDevices } from './demo.js';
import { startGateway, type Gateway } from './gateway.js';
import { runSimulator, type SimDevice } from './simulator.js';
import { encodeFrame, encodePacket, timeStampOf, type Hj212Packet } from './rules/hj212.js';
import { monitoringDataPoints, monitoringEvents, monitoringPackets, monitoringRejections } from './tables.js';

let ctx: TestContext;
let gateway: Gateway;
let devices: SimDevice[];

beforeAll(async () => {
  ctx = await createTestContext();
  await makeEnterprises(ctx, 4);
  devices = await ensureSimulatedDevices(ctx.database.db, 6, new Date());
  gateway = await startGateway({ database: ctx.database, port: 0, host: '127.0.0.1', writer: { maxBatchRows: 500 } });
});
afterAll(async () => { await gateway?.close(); await ctx?.close(); });

/** Sends frames on one connection and collects the answers until `expect` answers or the timeout. */
async function exchange(frames: (string | Uint8Array)[], expectAnswers: number, timeoutMs = 5000): Promise<string[]> {
  const socket = net.connect({ host: '127.0.0.1', port: gateway.port });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  const answers: string[] = [];
  let buf = '';
  const done = new Promise<void>((resolve) => {
    const t = setTimeout(resolve, timeoutMs);
    socket.on('data', (d) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) { answers.push(buf.slice(0, i + 2)); buf = buf.slice(i + 2); }
      if (answers.length >= expectAnswers) { clearTimeout(t); resolve(); }
    });
  });
  for (const f of frames) socket.write(f);
  await done;
  socket.destroy();
  return answers;
}

const water = () => devices.find((d) => d.kind === 'water')!;
const packet = (over: Partial<Hj212Packet> & { cp: Hj212Packet['cp'] }): Hj212Packet =>
  ({ qn: '20240315103000123', st: '32', cn: '2011', pw: water().pw, mn: water().mn, flag: 5, pnum: null, pno: null, ...over });

describe('HJ 212 gateway over TCP', () => {
  it('stores simulated traffic and answers every valid packet (CN 9014, same QN) only after storing it', async () => {
    const acked: string[] = [];
    const r = await runSimulator({ port: gateway.port, devices, rate: 0, packets: 400, faultRatio: 0.1, intervalS: 60, startAt: new Date('2024-03-01T00:00:00Z'), onAck: (mn, qn) => acked.push(`${mn}|${qn}`) });
    expect(r.acked).toBe(r.valid);
    expect(r.faulty).toBeGreaterThan(0);
    await gateway.drain();
    const rows = await ctx.database.db.select({ qn: monitoringPackets.qn }).from(monitoringPackets);
    const stored = new Set(rows.map((x) => x.qn));
    for (const a of acked) expect(stored.has(a.split('|')[1]!)).toBe(true);
    const s = gateway.stats();
    expect(s.rejected).toBe(r.faulty);
    const [rej] = await ctx.database.db.select({ n: count() }).from(monitoringRejections);
    expect(Number(rej!.n)).toBe(r.faulty);
  });

  it('rejects unknown MN and wrong PW with the reason, and the connection survives', async () => {
    const before = gateway.stats().rejectedByReason;
    const good = encodePacket(packet({ qn: '20240315103001001', cp: { dataTime: '20240315103001', values: [{ code: 'w01018', rtd: 40, flag: 'N' }], params: {} } }));
    const answers = await exchange([
      encodePacket(packet({ mn: 'NOSUCHDEVICE', cp: { dataTime: '20240315103000', values: [], params: {} } })),
      encodePacket(packet({ pw: 'nopass', cp: { dataTime: '20240315103000', values: [], params: {} } })),
      'garbage without a header\r\n',
      good,
    ], 1);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('QN=20240315103001001;ST=91;CN=9014');
    const after = gateway.stats().rejectedByReason;
    expect((after.HJ212_UNKNOWN_MN ?? 0) - (before.HJ212_UNKNOWN_MN ?? 0)).toBe(1);
    expect((after.HJ212_WRONG_PW ?? 0) - (before.HJ212_WRONG_PW ?? 0)).toBe(1);
    expect((after.HJ212_FRAME_HEADER ?? 0) - (before.HJ212_FRAME_HEADER ?? 0)).toBe(1);
  });

  it('reassembles a split upload and answers each sub-packet', async () => {
    const base = { st: '32', cn: '2061', pw: water().pw, mn: water().mn, flag: 7, pnum: 2 } as const;
    const answers = await exchange([
      encodePacket({ ...base, qn: '20240316000000001', pno: 1, cp: { dataTime: '20240315230000', values: [{ code: 'w01018', avg: 41, flag: 'N' }], params: {} } }),
      encodePacket({ ...base, qn: '20240316000000002', pno: 2, cp: { dataTime: null, values: [{ code: 'w21003', avg: 2, flag: 'N' }], params: {} } }),
    ], 2);
    expect(answers.map((a) => /QN=(\d+)/.exec(a)![1])).toEqual(['20240316000000001', '20240316000000002']);
    // Each answer means that part is durable (issue 11 item 1); the assembled message is stored right after.
    await gateway.drain();
    const pts = await ctx.database.db.select().from(monitoringDataPoints).where(eq(monitoringDataPoints.cn, 2061));
    expect(pts.filter((p) => p.dataTime.toISOString() === '2024-03-15T15:00:00.000Z').map((p) => p.pollutant).sort()).toEqual(['w01018', 'w21003']);
  });

  it('10 000 fuzzed frames: each stored or rejected with a reason, and the server still answers', async () => {
    const arb = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 32, max: 126 }), fc.constantFrom('set', 'drop', 'insert')), { maxLength: 3 }));
    const samples = fc.sample(arb, { numRuns: 10_000, seed: 42 });
    const frames = samples.map(([n, edits], i) => {
      const p = packet({ qn: timeStampOf(new Date(Date.UTC(2024, 4, 1) + i * 1000), true), cp: { dataTime: timeStampOf(new Date(Date.UTC(2024, 4, 1) + i * 1000)), values: [{ code: 'w01018', rtd: n / 100, flag: 'N' }], params: {} } });
      let f = encodePacket(p).slice(0, -2);
      for (const [at, c, op] of edits) {
        const k = at % f.length;
        const ch = String.fromCharCode(c);
        if (ch === '#') continue; // a '#' may split one frame into two; the count below assumes one frame per line
        f = op === 'set' ? f.slice(0, k) + ch + f.slice(k + 1) : op === 'drop' ? f.slice(0, k) + f.slice(k + 1) : f.slice(0, k) + ch + f.slice(k);
      }
      return `${f}\r\n`;
    });
    const before = gateway.stats();
    const valid = frames.filter((f) => encodeFrame(f.slice(6, -6)) === f).length;
    const answers = await exchange([frames.join('')], valid, 20_000);
    await gateway.drain();
    const after = gateway.stats();
    // Every byte is accounted for: in a candidate frame (stored or rejected) or in a discarded range with its
    // reason (a line whose `##` was garbled is noise; noise inserted before a `##` is its own range).
    const units = after.frames - before.frames;
    expect(units).toBeGreaterThanOrEqual(10_000);
    expect((after.frameBytes - before.frameBytes) + (after.discardedBytes - before.discardedBytes)).toBe(Buffer.byteLength(frames.join('')));
    expect((after.accepted - before.accepted) + (after.rejected - before.rejected)).toBe(units);
    expect(answers.length).toBe(after.accepted - before.accepted);
    const last = await exchange([encodePacket(packet({ qn: '20240601000000001', cp: { dataTime: '20240601000000', values: [{ code: 'w01018', rtd: 1, flag: 'N' }], params: {} } }))], 1);
    expect(last).toHaveLength(1);
  });

  it('hourly exceedances become one continuous event with start, end and peak', async () => {
    const hours = [120, 150, 130, 60];
    const frames = hours.map((v, i) => encodePacket(packet({
      qn: `2024070${1}0${i}0000001`.padEnd(17, '0'), cn: '2061',
      cp: { dataTime: `202407010${i}0000`, values: [{ code: 'w01018', avg: v, min: v - 5, max: v + 5, flag: 'N' }], params: {} },
    })));
    await exchange(frames, hours.length);
    await gateway.drain();
    const ev = await ctx.database.db.select().from(monitoringEvents).where(eq(monitoringEvents.kind, 'exceedance'));
    const mine = ev.filter((e) => e.startAt.toISOString() === '2024-06-30T16:00:00.000Z');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ units: 3, peakValue: 150, limitValue: 100, pollutant: 'w01018', ongoing: false });
    expect(mine[0]!.endAt.toISOString()).toBe('2024-06-30T19:00:00.000Z');
    expect(mine[0]!.limitCitation).toContain('GB 8978-1996');
  });
});
