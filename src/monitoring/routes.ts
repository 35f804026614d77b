import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { messageFor } from '../platform/i18n/messages.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { findEnterprise } from '../enterprises/index.js';
import {
  boardSchema, channelInputSchema, channelQuerySchema, channelSchema, channelUpdateSchema, deviceInputSchema, deviceSchema, deviceUpdateSchema, eventListSchema,
  eventQuerySchema, eventSchema, idParamsSchema, leadResultSchema, limitInputSchema, limitQuerySchema, limitSchema, limitUpdateSchema, pollutantCodeSchema,
  readingsInputSchema, rejectionSummarySchema, seriesQuerySchema, seriesSchema, unknownCodeSchema,
} from './schema.js';
import {
  countOngoingEvents, findEvent, findOutfall, listDevices, listEvents, listLimits, listUnknownCodes, loadLatestValues, loadSeries, rejectionSummary,
} from './queries.js';
import { addChannel, addLimit, ingestReadings, leadFromEvent, registerDevice, updateChannel, updateDevice, updateLimit } from './actions.js';
import { mnFormatOf } from './rules/hj212.js';
import { POLLUTANT_CODE_SOURCE, POLLUTANTS, pollutantInfo } from './rules/pollutants.js';
import { isOffline } from './rules/events.js';
import { EVENT_GROUPS, LEAD_EVENT_KINDS } from './rules/vocabulary.js';
import { runningGateways } from './hooks.js';
import { electricityChannels, monitoringDevices } from './tables.js';
import { simulationRoutes } from './simulation-routes.js';

const itemsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const idResult = z.object({ id: z.number() });
const storedResult = z.object({ stored: z.number(), events: z.number() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>['event'];
const presentEvent = (p: Principal, e: EventRow, enterpriseName: string, outfallCode: string | null) => ({
  id: e.id, kind: e.kind, group: EVENT_GROUPS[e.kind], enterpriseId: e.enterpriseId, enterpriseName, outfallId: e.outfallId, outfallCode,
  deviceId: e.deviceId, pollutant: e.pollutant, pollutantName: e.pollutant ? pollutantInfo(e.pollutant)?.name ?? e.pollutant : null,
  unit: e.pollutant ? pollutantInfo(e.pollutant)?.unit ?? null : null,
  startAt: e.startAt.toISOString(), endAt: e.endAt.toISOString(), ongoing: e.ongoing, units: e.units, peakValue: e.peakValue, peakAt: iso(e.peakAt),
  limitValue: e.limitValue, limitCitation: e.limitCitation, detail: e.detail, leadId: e.leadId,
  actions: (can(p, 'case.write') && e.leadId === null && LEAD_EVENT_KINDS.has(e.kind) ? ['lead'] : []) as 'lead'[],
});

/** Parses `channelId,at,kw` lines (a header line is skipped); the first bad line is named. */
function parseReadingsCsv(csv: string): { ok: true; rows: { channelId: number; at: Date; kw: number }[] } | { ok: false; line: number } {
  const rows: { channelId: number; at: Date; kw: number }[] = [];
  const lines = csv.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || (i === 0 && /[a-z]/i.test(line.split(',')[0]!))) continue;
    const [c, at, kw] = line.split(',').map((x) => x.trim());
    const channelId = Number(c), value = Number(kw), t = new Date(at ?? '');
    if (!Number.isInteger(channelId) || channelId <= 0 || !Number.isFinite(value) || value < 0 || Number.isNaN(t.getTime()) || !/[zZ]|[+-]\d\d:?\d\d$/.test(at ?? '')) return { ok: false, line: i + 1 };
    rows.push({ channelId, at: t, kw: value });
  }
  return { ok: true, rows };
}

export const monitoringRoutes: FastifyPluginAsyncZod<{ db: Db; clock?: () => Date }> = async (app, { db, clock = () => new Date() }) => {
  await app.register(simulationRoutes, { db, clock });

  app.get('/api/monitoring/devices', {
    schema: { tags: ['monitoring'], summary: 'Registered data loggers (MN) in scope', response: { 200: itemsOf(deviceSchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const now = clock().getTime();
    const rows = await listDevices(db, request.principal!);
    return { items: rows.map((d) => ({ ...d, mnFormat: mnFormatOf(d.mn), lastSeenAt: iso(d.lastSeenAt), online: d.lastSeenAt !== null && !isOffline(d.lastSeenAt.getTime(), d.intervalS, now) })) };
  });

  app.post('/api/monitoring/devices', {
    schema: { tags: ['monitoring'], summary: 'Register a data logger to an outfall', body: deviceInputSchema, response: { 201: idResult, ...errors } },
  }, async (request, reply) => {
    const result = await registerDevice(db, request.principal!, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    for (const g of runningGateways()) await g.reloadDevices();
    return reply.code(201).send({ id: result.value.id });
  });

  app.patch('/api/monitoring/devices/:id', {
    schema: { tags: ['monitoring'], summary: 'Change a logger (password, outfall, interval, active)', params: idParamsSchema, body: deviceUpdateSchema, response: { 200: idResult, ...errors } },
  }, async (request, reply) => {
    const result = await updateDevice(db, request.principal!, request.params.id, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    for (const g of runningGateways()) await g.reloadDevices();
    return { id: result.value.id };
  });

  app.patch('/api/monitoring/limits/:id', {
    schema: { tags: ['monitoring'], summary: 'End a limit or correct its citation', params: idParamsSchema, body: limitUpdateSchema, response: { 200: idResult, ...errors } },
  }, async (request, reply) => {
    const result = await updateLimit(db, request.principal!, request.params.id, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return { id: result.value.id };
  });

  app.patch('/api/monitoring/electricity/channels/:id', {
    schema: { tags: ['monitoring'], summary: 'Change a power channel\'s name and thresholds', params: idParamsSchema, body: channelUpdateSchema, response: { 200: idResult, ...errors } },
  }, async (request, reply) => {
    const result = await updateChannel(db, request.principal!, request.params.id, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return { id: result.value.id };
  });

  app.get('/api/monitoring/unknown-codes', {
    schema: { tags: ['monitoring'], summary: 'CP codes outside HJ 212-2017 附录 B (after 2005 mapping), per logger: listed, never stored as series', response: { 200: itemsOf(unknownCodeSchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const rows = await listUnknownCodes(db, request.principal!);
    return { items: rows.map((r) => ({ ...r, firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString() })) };
  });

  app.get('/api/monitoring/pollutant-codes', {
    schema: { tags: ['monitoring'], summary: 'HJ 212-2017 附录 B codes with the HJ/T 212-2005 codes they replace (cited data)', response: { 200: itemsOf(pollutantCodeSchema).extend({ source: z.string() }), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { source: POLLUTANT_CODE_SOURCE, items: POLLUTANTS.map((p) => ({ code: p.code, code2005: p.code2005 ?? null, name: p.name, unit: p.unit, medium: p.medium })) };
  });

  app.get('/api/monitoring/limits', {
    schema: { tags: ['monitoring'], summary: 'Limits of an outfall (emission standard and permit, cited)', querystring: limitQuerySchema, response: { 200: itemsOf(limitSchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const outfall = await findOutfall(db, request.query.outfallId);
    if (!outfall || !(await findEnterprise(db, outfall.enterpriseId, request.principal!))) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { items: (await listLimits(db, outfall.id)).map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })) };
  });

  app.post('/api/monitoring/limits', {
    schema: { tags: ['monitoring'], summary: 'Add a limit to an outfall', body: limitInputSchema, response: { 201: idResult, ...errors } },
  }, async (request, reply) => {
    const result = await addLimit(db, request.principal!, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send({ id: result.value.id });
  });

  app.get('/api/monitoring/board', {
    schema: { tags: ['monitoring'], summary: 'Live board: each logger with its latest values and ongoing events', response: { 200: boardSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const now = clock();
    const devices = await listDevices(db, request.principal!);
    const latest = await loadLatestValues(db, devices.map((d) => d.id), new Date(now.getTime() - 7 * 24 * 3600_000));
    const events = await countOngoingEvents(db, [...new Set(devices.map((d) => d.enterpriseId))]);
    return {
      asOf: now.toISOString(),
      items: devices.map((d) => {
        const ongoing: Record<string, number> = {};
        for (const e of events) if (e.enterpriseId === d.enterpriseId && (e.outfallId === d.outfallId || e.outfallId === null)) ongoing[e.kind] = (ongoing[e.kind] ?? 0) + Number(e.n);
        return {
          deviceId: d.id, mn: d.mn, kind: d.kind, enterpriseId: d.enterpriseId, enterpriseName: d.enterpriseName, outfallId: d.outfallId, outfallCode: d.outfallCode,
          outfallName: d.outfallName, online: d.lastSeenAt !== null && !isOffline(d.lastSeenAt.getTime(), d.intervalS, now.getTime()), lastSeenAt: iso(d.lastSeenAt),
          ongoingEvents: ongoing,
          latest: latest.filter((l) => l.deviceId === d.id).map((l) => ({
            pollutant: l.pollutant, name: pollutantInfo(l.pollutant)?.name ?? l.pollutant, unit: pollutantInfo(l.pollutant)?.unit ?? '', cn: l.cn,
            at: l.dataTime.toISOString(), value: l.avg ?? l.rtd, flag: l.flag,
          })),
        };
      }),
    };
  });

  app.get('/api/monitoring/series', {
    schema: { tags: ['monitoring'], summary: 'One logger\'s values over time (for charts), with the limits', querystring: seriesQuerySchema, response: { 200: seriesSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const q = request.query;
    const from = new Date(q.from), to = new Date(q.to);
    if (Number.isNaN(from.getTime())) return sendRefusal(request, reply, refuse('INVALID_INPUT', undefined, 'from'));
    if (Number.isNaN(to.getTime())) return sendRefusal(request, reply, refuse('INVALID_INPUT', undefined, 'to'));
    const [device] = await db.select().from(monitoringDevices).where(eq(monitoringDevices.id, q.deviceId));
    if (!device || !(await findEnterprise(db, device.enterpriseId, request.principal!))) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    const rows = await loadSeries(db, device.id, Number(q.cn), q.pollutant ? [q.pollutant] : null, from.getTime(), to.getTime());
    const byPollutant = new Map<string, { at: string; value: number | null; zs: number | null; flag: string | null }[]>();
    for (const r of rows) {
      const list = byPollutant.get(r.pollutant) ?? [];
      list.push({ at: r.dataTime.toISOString(), value: r.avg ?? r.rtd, zs: r.zsAvg ?? r.zsRtd, flag: r.flag });
      byPollutant.set(r.pollutant, list);
    }
    const limits = device.outfallId ? await listLimits(db, device.outfallId) : [];
    return {
      deviceId: device.id, cn: q.cn,
      limits: limits.filter((l) => l.effectiveTo === null && l.period === (q.cn === '2031' ? 'day' : 'hour')).map((l) => ({ pollutant: l.pollutant, lower: l.lower, upper: l.upper, citation: l.citation })),
      series: [...byPollutant].map(([pollutant, points]) => ({ pollutant, name: pollutantInfo(pollutant)?.name ?? pollutant, unit: pollutantInfo(pollutant)?.unit ?? '', points })),
    };
  });

  app.get('/api/monitoring/events', {
    schema: { tags: ['monitoring'], summary: 'Exceedance, data-quality and electricity events', querystring: eventQuerySchema, response: { 200: eventListSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { page, pageSize, ongoing, from, to, ...f } = request.query;
    const result = await listEvents(db, request.principal!, {
      ...f, ongoing: ongoing === undefined ? undefined : ongoing === 'true',
      from: from ? new Date(`${from}T00:00:00+08:00`) : undefined, to: to ? new Date(`${to}T23:59:59.999+08:00`) : undefined,
    }, { page, pageSize });
    return { total: result.total, page, pageSize, items: result.items.map((r) => presentEvent(request.principal!, r.event, r.enterpriseName, r.outfallCode)) };
  });

  app.get('/api/monitoring/events/:id', {
    schema: { tags: ['monitoring'], params: idParamsSchema, response: { 200: eventSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    const found = await findEvent(db, request.params.id, request.principal!);
    if (!found) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return presentEvent(request.principal!, found.event, found.enterpriseName, null);
  });

  app.post('/api/monitoring/events/:id/lead', {
    schema: { tags: ['monitoring'], summary: 'Turn an event into a lead (线索) for the case procedure', params: idParamsSchema, response: { 201: leadResultSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await leadFromEvent(db, request.principal!, request.params.id, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send({ eventId: result.value.event.id, leadId: result.value.leadId });
  });

  app.get('/api/monitoring/rejections', {
    schema: { tags: ['monitoring'], summary: 'Frames the gateway refused, by reason', response: { 200: rejectionSummarySchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const s = await rejectionSummary(db, new Date(clock().getTime() - 7 * 24 * 3600_000));
    const gateway = runningGateways()[0];
    return {
      gateway: gateway ? (gateway.stats() as Record<string, unknown>) : null,
      byReason: s.byReason.map((r) => ({ ...r, message: messageFor(r.reason, request.locale) })),
      latest: s.latest.map((r) => ({ at: r.at.toISOString(), reason: r.reason, field: r.field, mn: r.mn, remote: r.remote, sample: r.sample })),
    };
  });

  app.get('/api/monitoring/electricity/channels', {
    schema: { tags: ['monitoring'], querystring: channelQuerySchema, response: { 200: itemsOf(channelSchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.read');
    if (denied) return sendRefusal(request, reply, denied);
    if (!(await findEnterprise(db, request.query.enterpriseId, request.principal!))) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    const rows = await db.select().from(electricityChannels).where(and(eq(electricityChannels.enterpriseId, request.query.enterpriseId))).orderBy(asc(electricityChannels.id));
    return { items: rows.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) };
  });

  app.post('/api/monitoring/electricity/channels', {
    schema: { tags: ['monitoring'], summary: 'Add a production or pollution-control power channel', body: channelInputSchema, response: { 201: idResult, ...errors } },
  }, async (request, reply) => {
    const result = await addChannel(db, request.principal!, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    for (const g of runningGateways()) await g.reloadDevices();
    return reply.code(201).send({ id: result.value.id });
  });

  app.post('/api/monitoring/electricity/readings', {
    schema: { tags: ['monitoring'], summary: 'Power readings (JSON or CSV channelId,at,kw); re-judges the enterprise', body: readingsInputSchema, response: { 200: storedResult, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'monitoring.manage');
    if (denied) return sendRefusal(request, reply, denied);
    let rows = (request.body.readings ?? []).map((r) => ({ channelId: r.channelId, at: new Date(r.at), kw: r.kw }));
    if (request.body.csv) {
      const parsed = parseReadingsCsv(request.body.csv);
      if (!parsed.ok) return sendRefusal(request, reply, refuse('INVALID_INPUT', undefined, `csv.line${parsed.line}`));
      rows = rows.concat(parsed.rows);
    }
    if (!rows.length) return sendRefusal(request, reply, refuse('REQUIRED', undefined, 'readings'));
    const result = await ingestReadings(db, request.principal!, rows, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });
};

