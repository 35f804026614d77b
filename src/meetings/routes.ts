import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import type { Result } from '../law/outcome.js';
import { idParamsSchema, listQuerySchema, meetingSchema, yearQuerySchema } from './schema.js';
import { meetingDetail, meetingList, meetingYearFigures, recordMeeting } from './actions.js';

const TAGS = ['meetings'];

export const meetingRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const guard = (request: FastifyRequest, reply: FastifyReply, p: 'meeting.read' | 'meeting.manage') => {
    const denied = checkPermission(request, p);
    if (denied) { void sendRefusal(request, reply, denied); return false; }
    return true;
  };

  app.get('/api/meetings', { schema: { tags: TAGS, summary: '党组会, 局长办公会, 中心组学法 and other meetings', querystring: listQuerySchema } }, async (request, reply) => {
    if (!guard(request, reply, 'meeting.read')) return reply;
    return { items: await meetingList(db, request.query.year) };
  });
  app.post('/api/meetings', { schema: { tags: TAGS, summary: 'Record a meeting held: attendees, agenda, law studied before business (audited)', body: meetingSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'meeting.manage')) return reply;
    return send(request, reply, await recordMeeting(db, request.principal!, request.body, clock()), 201);
  });
  app.get('/api/meetings/year-figures', { schema: { tags: TAGS, summary: 'Meetings by kind with law study; study sessions per quarter', querystring: yearQuerySchema } }, async (request, reply) => {
    if (!guard(request, reply, 'meeting.read')) return reply;
    return meetingYearFigures(db, request.query.year, clock());
  });
  app.get('/api/meetings/:id', { schema: { tags: TAGS, summary: 'One meeting', params: idParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'meeting.read')) return reply;
    return send(request, reply, await meetingDetail(db, request.params.id));
  });
};
