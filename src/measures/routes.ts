import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { chinaDateOf } from '../law/civil-date.js';
import { MEASURE_EVENTS } from './rules/kinds.js';
import { EVENT_SCHEMAS, idParamsSchema, measureCreateSchema, measureListQuerySchema } from './schema.js';
import { createMeasure, getMeasure, listCaseMeasures, recordMeasureEvent } from './actions.js';
import { listMeasures } from './queries.js';
import type { MeasureView } from './actions.js';
import { messageFor, type Locale } from '../platform/i18n/messages.js';

/** Each unavailable action says why in the user's language, so the UI explains a disabled button. */
const localise = (m: MeasureView, locale: Locale) => ({
  ...m, actions: m.actions.map((a) => (a.code ? { ...a, message: messageFor(a.code, locale) } : a)),
});

export const measureRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  app.get('/api/cases/:id/measures', {
    schema: { tags: ['measures'], summary: 'Coercive and special measures of a case', params: idParamsSchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await listCaseMeasures(db, request.principal!, request.params.id, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return { ...result.value, items: result.value.items.map((m) => localise(m, request.locale)) };
  });

  app.post('/api/cases/:id/measures', {
    schema: {
      tags: ['measures'], summary: 'Record a measure: 按日连续处罚, 查封扣押, 限产停产, 移送行政拘留, 移送涉嫌犯罪 (body told apart by kind)',
      params: idParamsSchema, body: measureCreateSchema,
    },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'measure.write');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await createMeasure(db, request.principal!, request.params.id, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(localise(result.value, request.locale));
  });

  app.get('/api/measures', {
    schema: { tags: ['measures'], summary: 'Measures across cases, with counts per kind (year-end statistics)', querystring: measureListQuerySchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { page, pageSize, overdue, ...filter } = request.query;
    const result = await listMeasures(db, request.principal!, { ...filter, status: filter.status as never, overdueOn: overdue ? chinaDateOf(clock()) : undefined }, { page, pageSize });
    return { ...result, page, pageSize };
  });

  app.get('/api/measures/:id', { schema: { tags: ['measures'], params: idParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await getMeasure(db, request.principal!, request.params.id, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return localise(result.value, request.locale);
  });

  for (const event of MEASURE_EVENTS) {
    app.post(`/api/measures/:id/${event}`, {
      schema: { tags: ['measures'], summary: `Measure event: ${event}`, params: idParamsSchema, body: EVENT_SCHEMAS[event] },
    }, async (request, reply) => {
      const denied = checkPermission(request, 'case.read');
      if (denied) return sendRefusal(request, reply, denied);
      const result = await recordMeasureEvent(db, request.principal!, request.params.id, event, request.body as never, clock());
      if (!result.ok) return sendRefusal(request, reply, result);
      return localise(result.value, request.locale);
    });
  }
};
