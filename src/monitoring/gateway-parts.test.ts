// HJ 212-2017 §6.3.2 (PNUM/PNO) and 附录 C: a logger that waits for each sub-packet's 9014 completes its split
// upload; a re-sent part is idempotent; parts answered before a restart are assembled after it (issue 11 item 1).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from './test-support.js';
import { ensureSimulatedDevices } from './demo.js';
import { startGateway, type Gateway } from './gateway.js';
import type { SimDevice } from './simulator.js';
import { encodePacket, type Hj212Packet } from './rules/hj212.js';
import { monitoringDataPoints, monitoringPacketParts } from './tables.js';

let ctx: TestContext;
let water: SimDevice;
const gateways: Gateway[] = [];
const start = async () => { const g = await startGateway({ database: ctx.database, port: 0, host: '127.0.0.1' }); gateways.push(g); return g; };

beforeAll(async () => {
  ctx = await createTestContext();
  await makeEnterprises(ctx, 1);
  water = (await ensureSimulatedDevices(ctx.database.db, 1, new Date())).find((d) => d.kind === 'water')!;
});
afterAll(async () => { for (const g of gateways) await g.close(); await ctx?.close(); });

/** A stop-and-wait logger: sends one frame and waits for the answer before the next (10 s, as the standard's default timeout). */
async function connect(port: number) {
  const s = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((r) => s.once('connect', () => r()));
  let buf = '';
  const waiting: ((line: string | null) => void)[] = [];
  const lines: string[] = [];
  s.on('data', (d) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\r\n')) >= 0) { const line = buf.slice(0, i + 2); buf = buf.slice(i + 2); const w = waiting.shift(); if (w) w(line); else lines.push(line); }
  });
  return {
    send: (frame: string, timeoutMs = 10_000) => new Promise<string | null>((resolve) => {
      const t = setTimeout(() => { waiting.splice(waiting.indexOf(done), 1); resolve(null); }, timeoutMs);
      const done = (line: string | null) => { clearTimeout(t); resolve(line); };
      if (lines.length) done(lines.shift()!); else waiting.push(done);
      s.write(frame);
    }),
    close: () => s.destroy(),
  };
}

const part = (qn: string, pno: number, pnum: number, dataTime: string | null, values: Hj212Packet['cp']['values']): Hj212Packet =>
  ({ qn, st: '32', cn: '2061', pw: water.pw, mn: water.mn, flag: 7, pnum, pno, cp: { dataTime, values, params: {} } });

describe('HJ 212-2017 §6.3.2 / 附录 C: split uploads answered part by part', { timeout: 120_000 }, () => {
  it('a logger waiting for each part\'s 9014 completes; a re-sent part is answered again and stored once', async () => {
    const g = await start();
    const c = await connect(g.port);
    const p1 = part('20240401000000001', 1, 3, '20240331230000', [{ code: 'w01018', avg: 41, flag: 'N' }]);
    const p2 = part('20240401000000002', 2, 3, null, [{ code: 'w21003', avg: 2.5, flag: 'N' }]);
    const p3 = part('20240401000000003', 3, 3, null, [{ code: 'w01001', avg: 7.1, flag: 'N' }]);
    expect(await c.send(encodePacket(p1))).toContain('QN=20240401000000001;ST=91;CN=9014');
    expect(await c.send(encodePacket(p2))).toContain('QN=20240401000000002;ST=91;CN=9014');
    expect(await c.send(encodePacket(p2))).toContain('QN=20240401000000002;ST=91;CN=9014'); // the answer was lost: re-sent
    expect(await c.send(encodePacket(p3))).toContain('QN=20240401000000003;ST=91;CN=9014');
    expect(await c.send(encodePacket(p3))).toContain('QN=20240401000000003;ST=91;CN=9014'); // re-sent after completion
    c.close();
    await g.drain();
    const pts = await ctx.database.db.select().from(monitoringDataPoints).where(eq(monitoringDataPoints.dataTime, new Date('2024-03-31T15:00:00Z')));
    expect(pts.map((p) => [p.pollutant, p.avg]).sort()).toEqual([['w01001', 7.1], ['w01018', 41], ['w21003', 2.5]]);
    const parts = await ctx.database.db.select().from(monitoringPacketParts).where(eq(monitoringPacketParts.qn, '20240401000000002'));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.assembledAt).not.toBeNull();
    expect(g.stats().rejectedByReason.HJ212_PACKET_INCOMPLETE ?? 0).toBe(0);
  });

  it('parts answered before a restart are assembled after it', async () => {
    const first = await start();
    const c1 = await connect(first.port);
    expect(await c1.send(encodePacket(part('20240402000000001', 1, 2, '20240401230000', [{ code: 'w01018', avg: 55, flag: 'N' }])))).toContain('CN=9014');
    c1.close();
    await first.close();
    const second = await start();
    const c2 = await connect(second.port);
    expect(await c2.send(encodePacket(part('20240402000000002', 2, 2, null, [{ code: 'w21003', avg: 3, flag: 'N' }])))).toContain('CN=9014');
    c2.close();
    await second.drain();
    const pts = await ctx.database.db.select().from(monitoringDataPoints).where(and(eq(monitoringDataPoints.cn, 2061), eq(monitoringDataPoints.dataTime, new Date('2024-04-01T15:00:00Z'))));
    expect(pts.map((p) => [p.pollutant, p.avg]).sort()).toEqual([['w01018', 55], ['w21003', 3]]);
  });
});
