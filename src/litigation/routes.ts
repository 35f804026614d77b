import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import type { Result } from '../law/outcome.js';
import { challengeSchema, closeSchema, hearingSchema, idParamsSchema, yearQuerySchema } from './schema.js';
import { challengeDetail, challengeList, closeChallenge, litigationYearFigures, recordChallenge, recordHearing } from './actions.js';

const TAGS = ['litigation'];

export const litigationRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const guard = (request: FastifyRequest, reply: FastifyReply, p: 'litigation.read' | 'litigation.manage') => {
    const denied = checkPermission(request, p);
    if (denied) { void sendRefusal(request, reply, denied); return false; }
    return true;
  };

  app.get('/api/litigation', { schema: { tags: TAGS, summary: '行政复议 and 行政诉讼 against the bureau’s decisions' } }, async (request, reply) => {
    if (!guard(request, reply, 'litigation.read')) return reply;
    return { items: await challengeList(db) };
  });
  app.post('/api/litigation', { schema: { tags: TAGS, summary: 'Record a challenge; one of a case pauses its surcharge (行政处罚法 第七十三条第三款) (audited)', body: challengeSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'litigation.manage')) return reply;
    return send(request, reply, await recordChallenge(db, request.principal!, request.body, clock()), 201);
  });
  app.get('/api/litigation/year-figures', { schema: { tags: TAGS, summary: 'Challenged, reversed and head-appeared figures of a year', querystring: yearQuerySchema } }, async (request, reply) => {
    if (!guard(request, reply, 'litigation.read')) return reply;
    return litigationYearFigures(db, request.query.year);
  });
  app.get('/api/litigation/:id', { schema: { tags: TAGS, summary: 'One challenge', params: idParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'litigation.read')) return reply;
    return send(request, reply, await challengeDetail(db, request.params.id));
  });
  app.post('/api/litigation/:id/hearings', { schema: { tags: TAGS, summary: 'A hearing and who appeared for the bureau (行政诉讼法 第三条第三款) (audited)', params: idParamsSchema, body: hearingSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'litigation.manage')) return reply;
    return send(request, reply, await recordHearing(db, request.principal!, request.params.id, request.body, clock()));
  });
  app.post('/api/litigation/:id/close', { schema: { tags: TAGS, summary: 'The outcome, what was changed, the closing date (audited)', params: idParamsSchema, body: closeSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'litigation.manage')) return reply;
    return send(request, reply, await closeChallenge(db, request.principal!, request.params.id, request.body, clock()));
  });
};
