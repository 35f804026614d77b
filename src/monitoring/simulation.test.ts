import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq, inArray, like } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { makeEnterprises } from './test-support.js';
import { startGateway, type Gateway } from './gateway.js';
import { simulationEnded, simulationStartAt } from './simulation.js';
import { monitoringDataPoints, monitoringDevices, monitoringPackets } from './tables.js';
import { auditLog } from '../platform/db/schema.js';

let ctx: TestContext;
let admin: Record<string, string>;
let gateway: Gateway | null = null;
let enterpriseIds: number[];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs('administrator');
  enterpriseIds = await makeEnterprises(ctx, 3);
});
afterAll(async () => { await simulationEnded(); await gateway?.close(); await ctx?.close(); });

const status = async () => (await ctx.app.inject({ method: 'GET', url: '/api/monitoring/simulation', headers: admin })).json();

/** Polls the status API until `done` holds (the simulation reports its own end; no fixed sleep decides). */
async function waitFor(done: (s: { run: { state: string; progress: { acked: number } } }) => boolean, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await status();
    if (done(s)) return s;
    if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(s.run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('simulation while the server runs', () => {
  it('is for the administrator only, and needs a running gateway and registered loggers', async () => {
    const officer = await ctx.loginAs('enforcement_officer');
    const denied = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/start', headers: officer, payload: {} });
    expect(denied.statusCode).toBe(403);
    const noGateway = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/start', headers: admin, payload: {} });
    expect(noGateway.statusCode).toBe(409);
    expect(noGateway.json().error.code).toBe('MONITORING_GATEWAY_NOT_RUNNING');
    gateway = await startGateway({ database: ctx.database, port: 0, host: '127.0.0.1' });
    const noDevices = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/start', headers: admin, payload: {} });
    expect(noDevices.json().error.code).toBe('SIMULATION_NO_DEVICES');
    const notRunning = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/stop', headers: admin });
    expect(notRunning.json().error.code).toBe('SIMULATION_NOT_RUNNING');
  });

  it('registers simulated loggers for chosen enterprises; refuses an outfall with a real logger', async () => {
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/devices', headers: admin, payload: { enterpriseIds: [999_999] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'ENTERPRISE_UNKNOWN', field: 'enterpriseIds' });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/devices', headers: admin, payload: { enterpriseIds: enterpriseIds.slice(0, 2), electricity: true } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ devices: 6, created: 6 }); // 2 enterprises × (water + air outfall + electricity)
    const again = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/devices', headers: admin, payload: { enterpriseIds: enterpriseIds.slice(0, 2), electricity: true } });
    expect(again.json()).toEqual({ devices: 6, created: 0 });
    expect((await status()).simulatedDevices).toEqual({ water: 2, air: 2, electricity: 2 });

    const e = (await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${enterpriseIds[2]}`, headers: admin })).json();
    const outfallId = e.outfalls.find((o: { code: string }) => o.code === 'DW001').id;
    const real = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: admin, payload: { mn: '010000A8900016F000169DC0', password: 'secret9', kind: 'emission', enterpriseId: enterpriseIds[2], outfallId, intervalS: 60 } });
    expect(real.statusCode).toBe(201);
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/devices', headers: admin, payload: { enterpriseIds: [enterpriseIds[2]], outfallIds: [outfallId] } });
    expect(refused.json().error).toMatchObject({ code: 'SIMULATION_REAL_DEVICE', field: 'outfallIds' });
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'monitoring.device.simulate'));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorRole).toBe('administrator');
  });

  it('sends HJ 212 frames over TCP to the gateway: points are stored, the run ends by itself and is audited', async () => {
    const started = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/start', headers: admin, payload: { rate: 100, packets: 60, faultRatio: 0, exceedRatio: 1 } });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ state: 'running', devices: 6, gatewayPort: gateway!.port });
    const twice = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/start', headers: admin, payload: {} });
    expect(twice.json().error.code).toBe('SIMULATION_RUNNING');
    const s = await waitFor((x) => x.run.state !== 'running');
    expect(s.run).toMatchObject({ state: 'finished', progress: { sent: 60, valid: 60, faulty: 0, acked: 60 } });
    await simulationEnded();
    const simulated = await ctx.database.db.select({ id: monitoringDevices.id }).from(monitoringDevices).where(like(monitoringDevices.mn, '010000A89%'));
    const ids = simulated.map((d) => d.id);
    const [packets] = await ctx.database.db.select({ n: count() }).from(monitoringPackets).where(inArray(monitoringPackets.deviceId, ids));
    const [points] = await ctx.database.db.select({ n: count() }).from(monitoringDataPoints).where(inArray(monitoringDataPoints.deviceId, ids));
    expect(packets!.n).toBe(60); // every acknowledged packet, emission and electricity
    expect(points!.n).toBeGreaterThan(150);
    // The end of a run is audited just after its state changes: wait for the row, in the log's order.
    await expect.poll(simulationAudit).toEqual(['monitoring.simulation.start', 'monitoring.simulation.end']);
  });

  const simulationAudit = async () => (await ctx.database.db.select({ action: auditLog.action }).from(auditLog)
    .where(eq(auditLog.entity, 'monitoring_simulation')).orderBy(asc(auditLog.seq))).map((a) => a.action);

  it('stops on request: no more frames, state stopped, the stop audited', async () => {
    const started = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/start', headers: admin, payload: { rate: 20, durationS: 600, enterpriseIds: [enterpriseIds[0]] } });
    expect(started.json()).toMatchObject({ state: 'running', devices: 3 });
    await waitFor((x) => x.run.progress.acked > 0);
    const stopped = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/simulation/stop', headers: admin });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json().stoppedBy).toMatch(/^administrator/);
    const s = await waitFor((x) => x.run.state !== 'running' && x.run.state !== 'stopping');
    expect(s.run.state).toBe('stopped');
    expect(s.run.progress.sent).toBeLessThan(20 * 600);
    expect(s.run.progress.acked).toBe(s.run.progress.valid);
    await expect.poll(async () => (await simulationAudit()).slice(2)).toEqual(['monitoring.simulation.start', 'monitoring.simulation.stop', 'monitoring.simulation.end']);
  });

  it('dates the first frame so that the last is about now', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(simulationStartAt(now, 10, 10, 60, null).toISOString()).toBe('2025-12-31T23:00:00.000Z'); // 60 per logger × 60 s
    expect(simulationStartAt(now, 1, 100, 3600, null).toISOString()).toBe('2025-12-31T00:00:00.000Z'); // at most one day back
  });
});
