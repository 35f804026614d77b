// The gateway judges dirty outfalls at most once a second and, under load, for at most a quarter of the time
// (a backlog replayed at full speed must not starve the acknowledgements on PGlite, which runs in-thread).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from './test-support.js';
import { ensureSimulatedDevices } from './demo.js';
import { startGateway, type Gateway } from './gateway.js';
import type { SimDevice } from './simulator.js';
import { encodePacket } from './rules/hj212.js';
import { monitoringEvents } from './tables.js';

let ctx: TestContext;
let gateway: Gateway;
let water: SimDevice;
const hookCalls: number[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  await makeEnterprises(ctx, 2);
  water = (await ensureSimulatedDevices(ctx.database.db, 2, new Date())).find((d) => d.kind === 'water')!;
  gateway = await startGateway({
    database: ctx.database, port: 0, host: '127.0.0.1',
    // The first judging round is slow (1.5 s): the next may start no sooner than 3 × 1.5 s after it ended.
    onNewEvents: async () => { hookCalls.push(Date.now()); if (hookCalls.length === 1) await new Promise((r) => setTimeout(r, 1500)); },
  });
});
afterAll(async () => { await gateway?.close(); await ctx?.close(); });

async function sendHour(day: string, value: number): Promise<void> {
  const socket = net.connect({ host: '127.0.0.1', port: gateway.port });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  const answered = new Promise<void>((r) => socket.once('data', () => r()));
  socket.write(encodePacket({ qn: `${day}000000001`, st: '32', cn: '2061', pw: water.pw, mn: water.mn, flag: 5, pnum: null, pno: null,
    cp: { dataTime: `${day}000000`, values: [{ code: 'w01018', avg: value, min: value, max: value, flag: 'N' }], params: {} } }));
  await answered; // acknowledged: stored
  socket.destroy();
}
const eventsOn = async (iso: string) => (await ctx.database.db.select().from(monitoringEvents).where(eq(monitoringEvents.kind, 'exceedance')))
  .filter((e) => e.startAt.toISOString() === iso);
const until = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await check()) return true; await new Promise((r) => setTimeout(r, 100)); }
  return false;
};

describe('judging after commits (exceedance events)', () => {
  it('a slow judging round defers the next (dirty marks wait), which still comes without being asked', async () => {
    await sendHour('20240801', 150);
    expect(await until(async () => hookCalls.length === 1 && (await eventsOn('2024-07-31T16:00:00.000Z')).length === 1, 5000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1700)); // the slow round has ended
    await sendHour('20240805', 160);
    // Two ticks later the new hour is stored but not judged yet: the pause after a 1.5 s round is 4.5 s.
    await new Promise((r) => setTimeout(r, 2200));
    expect(await eventsOn('2024-08-04T16:00:00.000Z')).toHaveLength(0);
    // …and it is judged once the pause is over, without drain().
    expect(await until(async () => (await eventsOn('2024-08-04T16:00:00.000Z')).length === 1, 6000)).toBe(true);
    expect(hookCalls.length).toBe(2);
  }, 30_000);

  it('drain() judges at once, whatever the pause', async () => {
    hookCalls.length = 0; // the next round is slow again
    await sendHour('20240810', 170);
    expect(await until(async () => hookCalls.length === 1, 5000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1700));
    await sendHour('20240815', 180);
    await gateway.drain();
    expect(await eventsOn('2024-08-14T16:00:00.000Z')).toHaveLength(1);
  }, 30_000);
});
