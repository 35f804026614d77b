import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { leads } from '../cases/index.js';
import { makeEnterprises } from './test-support.js';
import { monitoringEvents, monitoringUnknownCodes } from './tables.js';
import { auditLog } from '../platform/db/schema.js';
import { evaluateOutfall } from './actions.js';
import { insertIngestBatch, rawClientOf } from './store.js';
import type { PointRow } from './rules/ingest.js';

let ctx: TestContext;
let admin: Record<string, string>;
let enterpriseId: number;
let outfallId: number;
let deviceId: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: () => new Date('2024-07-02T00:00:00Z') });
  admin = await ctx.loginAs('administrator');
  [enterpriseId] = await makeEnterprises(ctx, 1);
  const e = await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${enterpriseId}`, headers: admin });
  outfallId = e.json().outfalls.find((o: { code: string }) => o.code === 'DW001').id;
});
afterAll(() => ctx?.close());

describe('monitoring API', () => {
  it('registers a logger to an outfall; refuses a taken MN and an outfall of another enterprise', async () => {
    const body = { mn: '010000A8900016F000169DC0', password: '123456', kind: 'emission', enterpriseId, outfallId, intervalS: 60 };
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: admin, payload: body });
    expect(ok.statusCode).toBe(201);
    deviceId = ok.json().id;
    const taken = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: admin, payload: body });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error).toMatchObject({ code: 'DEVICE_MN_TAKEN', field: 'mn' });
    const [other] = await makeEnterprises(ctx, 1);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: admin, payload: { ...body, mn: 'ABC', enterpriseId: other } });
    expect(bad.json().error).toMatchObject({ code: 'OUTFALL_NOT_OF_ENTERPRISE', field: 'outfallId' });
    const shape = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: admin, payload: { ...body, mn: 'not valid!' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.field).toBe('mn');
  });

  it('adds cited limits; refuses a limit without a bound', async () => {
    const base = { outfallId, pollutant: 'w01018', period: 'hour', lower: null, upper: 100, basis: 'standard', citation: 'GB 8978-1996 表4 一级', effectiveFrom: '2015-01-01', effectiveTo: null };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/monitoring/limits', headers: admin, payload: base })).statusCode).toBe(201);
    const none = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/limits', headers: admin, payload: { ...base, upper: null } });
    expect(none.json().error).toMatchObject({ code: 'LIMIT_BOUND_REQUIRED', field: 'upper' });
    const list = await ctx.app.inject({ method: 'GET', url: `/api/monitoring/limits?outfallId=${outfallId}`, headers: admin });
    expect(list.json().items).toHaveLength(1);
  });

  it('an exceedance event becomes a lead in one action, once', async () => {
    const points: PointRow[] = [130, 170, 90].map((v, i) => ({
      deviceId, cn: 2061, pollutant: 'w01018', dataTime: Date.UTC(2024, 6, 1, i), outfallId, rtd: null, min: null, avg: v, max: null, cou: null, zsRtd: null, zsAvg: null, flag: 'N',
    }));
    await insertIngestBatch(rawClientOf(ctx.database), [{ packet: { deviceId, cn: 2061, dataTime: points[0]!.dataTime, qn: null, points: 3 }, points, readings: [] }], new Date());
    expect(await evaluateOutfall(ctx.database.db, outfallId, Date.UTC(2024, 6, 1), new Date('2024-07-02T00:00:00Z'))).toBe(1);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/monitoring/events?group=exceedance', headers: admin });
    const ev = list.json().items[0];
    expect(ev).toMatchObject({ kind: 'exceedance', units: 2, peakValue: 170, limitValue: 100, actions: ['lead'] });
    const lead = await ctx.app.inject({ method: 'POST', url: `/api/monitoring/events/${ev.id}/lead`, headers: admin });
    expect(lead.statusCode).toBe(201);
    const [row] = await ctx.database.db.select().from(leads).where(eq(leads.id, lead.json().leadId));
    expect(row).toMatchObject({ source: 'monitoring', enterpriseId, sourceRef: `monitoring-event:${ev.id}`, status: 'open' });
    expect(row!.summary).toContain('化学需氧量');
    const again = await ctx.app.inject({ method: 'POST', url: `/api/monitoring/events/${ev.id}/lead`, headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MONITORING_EVENT_HAS_LEAD');
  });

  it('a data-quality event does not become a lead', async () => {
    const [e] = await ctx.database.db.insert(monitoringEvents).values({
      kind: 'calibration', enterpriseId, outfallId, scopeKey: 'x', startAt: new Date(), endAt: new Date(), units: 1, createdAt: new Date(), updatedAt: new Date(),
    }).returning();
    const res = await ctx.app.inject({ method: 'POST', url: `/api/monitoring/events/${e!.id}/lead`, headers: admin });
    expect(res.json().error.code).toBe('MONITORING_EVENT_NOT_LEADABLE');
  });

  it('electricity: CSV readings with production on and control off become an event', async () => {
    const ch = async (name: string, role: string, ratedKw: number, onThresholdKw: number) =>
      (await ctx.app.inject({ method: 'POST', url: '/api/monitoring/electricity/channels', headers: admin, payload: { enterpriseId, name, role, ratedKw, onThresholdKw } })).json().id as number;
    const prod = await ch('生产线', 'production', 200, 20);
    const ctrl = await ch('除尘风机', 'control', 50, 5);
    const lines = ['channelId,at,kw'];
    for (let i = 0; i < 8; i++) {
      const at = new Date(Date.UTC(2024, 6, 1, 2, i * 15)).toISOString();
      lines.push(`${prod},${at},150`, `${ctrl},${at},${i >= 2 && i < 6 ? 0.5 : 40}`);
    }
    const res = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/electricity/readings', headers: admin, payload: { csv: lines.join('\n') } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stored: 16, events: 1 });
    const ev = await ctx.app.inject({ method: 'GET', url: '/api/monitoring/events?group=electricity', headers: admin });
    expect(ev.json().items[0]).toMatchObject({ kind: 'control_off', units: 4, actions: ['lead'] });
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/monitoring/electricity/readings', headers: admin, payload: { csv: 'x,y,z\n1,nope,3' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('csv.line2');
  });

  it('management pages\' API: a logger, a limit and a channel are changed and audited; unknown codes and the code table are listed', async () => {
    const devices = await ctx.app.inject({ method: 'GET', url: '/api/monitoring/devices', headers: admin });
    expect(devices.json().items.find((d: { id: number }) => d.id === deviceId)).toMatchObject({ mnFormat: 'HJ212-2017' });
    const dev = await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/devices/${deviceId}`, headers: admin, payload: { intervalS: 300, active: true } });
    expect(dev.statusCode).toBe(200);
    const noOutfall = await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/devices/${deviceId}`, headers: admin, payload: { outfallId: null } });
    expect(noOutfall.json().error).toMatchObject({ code: 'REQUIRED', field: 'outfallId' });
    const empty = await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/devices/${deviceId}`, headers: admin, payload: {} });
    expect(empty.statusCode).toBe(400);
    const limits = await ctx.app.inject({ method: 'GET', url: `/api/monitoring/limits?outfallId=${outfallId}`, headers: admin });
    const limitId = limits.json().items[0].id as number;
    const inverted = await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/limits/${limitId}`, headers: admin, payload: { effectiveTo: '2014-01-01' } });
    expect(inverted.json().error).toMatchObject({ code: 'LIMIT_RANGE_INVERTED', field: 'effectiveTo' });
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/limits/${limitId}`, headers: admin, payload: { effectiveTo: '2030-12-31' } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/limits/${limitId}`, headers: admin, payload: { effectiveTo: null } })).statusCode).toBe(200);
    const channels = await ctx.app.inject({ method: 'GET', url: `/api/monitoring/electricity/channels?enterpriseId=${enterpriseId}`, headers: admin });
    const channelId = channels.json().items[0].id as number;
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/monitoring/electricity/channels/${channelId}`, headers: admin, payload: { onThresholdKw: 25 } })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'PATCH', url: '/api/monitoring/electricity/channels/999999', headers: admin, payload: { onThresholdKw: 25 } })).statusCode).toBe(404);
    const audit = await ctx.database.db.select().from(auditLog).where(inArray(auditLog.action, ['monitoring.device.update', 'monitoring.limit.update', 'monitoring.channel.update']));
    expect(audit.map((a) => a.action).sort()).toEqual(['monitoring.channel.update', 'monitoring.device.update', 'monitoring.limit.update', 'monitoring.limit.update']);
    expect(JSON.stringify(audit)).not.toContain('"password":"123456"');
    await ctx.database.db.insert(monitoringUnknownCodes).values({ deviceId, code: 'Z99', cn: 2061, firstSeenAt: new Date(), lastSeenAt: new Date(), count: 3 });
    const unknown = await ctx.app.inject({ method: 'GET', url: '/api/monitoring/unknown-codes', headers: admin });
    expect(unknown.json().items).toMatchObject([{ code: 'Z99', count: 3, mn: '010000A8900016F000169DC0' }]);
    const codes = await ctx.app.inject({ method: 'GET', url: '/api/monitoring/pollutant-codes', headers: admin });
    expect(codes.json().source).toContain('附录 B');
    expect(codes.json().items.find((c: { code: string }) => c.code === 'a01016')).toMatchObject({ code2005: 'S07' });
  });

  it.each([
    ['licensing_staff', 'PATCH', '/api/monitoring/devices/1', 403],
    ['enterprise_user', 'GET', '/api/monitoring/unknown-codes', 403],
    ['enterprise_user', 'GET', '/api/monitoring/board', 403],
    ['licensing_staff', 'GET', '/api/monitoring/board', 200],
    ['licensing_staff', 'POST', '/api/monitoring/devices', 403],
    ['legal_reviewer', 'GET', '/api/monitoring/rejections', 403],
    ['district_staff', 'GET', '/api/monitoring/rejections', 200],
    ['enforcement_officer', 'GET', '/api/monitoring/events', 200],
  ] as const)('%s %s %s → %i', async (role, method, url, status) => {
    const headers = await ctx.loginAs(role, role === 'district_staff' ? { districtCode: '370602' } : role === 'enterprise_user' ? { enterpriseId } : {});
    const res = await ctx.app.inject({ method, url, headers, payload: method === 'PATCH' ? { intervalS: 60 } : method === 'POST' ? { mn: 'ZZZ1', password: '1', kind: 'emission', enterpriseId, outfallId, intervalS: 60 } : undefined });
    expect(res.statusCode).toBe(status);
  });

  it('board and series show the stored values', async () => {
    const board = await ctx.app.inject({ method: 'GET', url: '/api/monitoring/board', headers: admin });
    expect(board.statusCode).toBe(200);
    expect(board.json().items.find((i: { deviceId: number }) => i.deviceId === deviceId).latest[0]).toMatchObject({ pollutant: 'w01018', value: 90 });
    const series = await ctx.app.inject({ method: 'GET', url: `/api/monitoring/series?deviceId=${deviceId}&cn=2061&from=2024-07-01T00:00:00Z&to=2024-07-02T00:00:00Z`, headers: admin });
    expect(series.json().series[0].points.map((p: { value: number }) => p.value)).toEqual([130, 170, 90]);
    expect(series.json().limits[0]).toMatchObject({ pollutant: 'w01018', upper: 100 });
  });
});
