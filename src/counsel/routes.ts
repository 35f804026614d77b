import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import type { Result } from '../law/outcome.js';
import { counselSchema, idParamsSchema, opinionSchema, taskListQuerySchema, taskSchema, yearQuerySchema } from './schema.js';
import { answerTask, assignTask, counselDetail, counselList, counselYearFigures, registerCounsel, taskDetail, taskList } from './actions.js';

const TAGS = ['counsel'];

export const counselRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const guard = (request: FastifyRequest, reply: FastifyReply, p: 'counsel.read' | 'counsel.manage') => {
    const denied = checkPermission(request, p);
    if (denied) { void sendRefusal(request, reply, denied); return false; }
    return true;
  };

  app.get('/api/counsel', { schema: { tags: TAGS, summary: '法律顾问/公职律师 register with task counts' } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.read')) return reply;
    return { items: await counselList(db) };
  });
  app.post('/api/counsel', { schema: { tags: TAGS, summary: 'Register a counsel (audited)', body: counselSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.manage')) return reply;
    return send(request, reply, await registerCounsel(db, request.principal!, request.body, clock()), 201);
  });
  app.get('/api/counsel/year-figures', { schema: { tags: TAGS, summary: 'Review tasks answered in a year, per counsel and subject kind', querystring: yearQuerySchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.read')) return reply;
    return counselYearFigures(db, request.query.year);
  });
  app.get('/api/counsel/tasks', { schema: { tags: TAGS, summary: 'Review tasks', querystring: taskListQuerySchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.read')) return reply;
    return { items: await taskList(db, request.query.counselId) };
  });
  app.post('/api/counsel/tasks', { schema: { tags: TAGS, summary: 'Assign a review task to a counsel (audited)', body: taskSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.manage')) return reply;
    return send(request, reply, await assignTask(db, request.principal!, request.body, clock()), 201);
  });
  app.get('/api/counsel/tasks/:id', { schema: { tags: TAGS, summary: 'One review task', params: idParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.read')) return reply;
    return send(request, reply, await taskDetail(db, request.params.id));
  });
  app.post('/api/counsel/tasks/:id/opinion', { schema: { tags: TAGS, summary: 'The counsel’s opinion on a task, once (audited)', params: idParamsSchema, body: opinionSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.manage')) return reply;
    return send(request, reply, await answerTask(db, request.principal!, request.params.id, request.body, clock()));
  });
  app.get('/api/counsel/:id', { schema: { tags: TAGS, summary: 'One counsel with the tasks', params: idParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'counsel.read')) return reply;
    return send(request, reply, await counselDetail(db, request.params.id));
  });
};
