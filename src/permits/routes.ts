import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse, type Result } from '../law/outcome.js';
import { acceptSchema, applicationInputSchema, boardQuerySchema, decisionSchema, idParamsSchema, noticeSchema, permitEndSchema, permitInputSchema, reportSchema } from './schema.js';
import {
  acceptApplication, applicationDetail, decideApplication, endPermit, fileReport, noticeIncomplete, permitBoard, permitDetail, recordPermit, submitApplication,
} from './actions.js';

const TAGS = ['permits'];

export const permitRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  // Each action checks its permission (an enterprise applies with licensing.apply, staff with licensing.manage).
  const signedIn = (request: FastifyRequest) => (request.principal ? null : refuse('UNAUTHENTICATED'));

  app.get('/api/permits', { schema: { tags: TAGS, summary: '排污许可: permits with validity and renewal, applications with clocks, overdue execution reports', querystring: boardQuerySchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await permitBoard(db, request.principal!, request.query, clock()));
  });

  app.post('/api/permits', { schema: { tags: TAGS, summary: 'Record an issued permit or file a registration (登记) (audited)', body: permitInputSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await recordPermit(db, request.principal!, request.body, clock()), 201);
  });

  app.get('/api/permits/:id', { schema: { tags: TAGS, summary: 'One permit: outfalls and limits, execution reports, applications', params: idParamsSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await permitDetail(db, request.principal!, request.params.id, clock()));
  });

  app.post('/api/permits/:id/reports', { schema: { tags: TAGS, summary: 'File an execution report (执行报告) for an ended period (audited)', params: idParamsSchema, body: reportSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await fileReport(db, request.principal!, request.params.id, request.body, clock()), 201);
  });

  app.post('/api/permits/:id/revoke', { schema: { tags: TAGS, summary: '撤销 (行政许可法 第六十九条; 排污许可管理条例 第四十条), by the leader (audited)', params: idParamsSchema, body: permitEndSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await endPermit(db, request.principal!, request.params.id, 'revoke', request.body, clock()));
  });

  app.post('/api/permits/:id/cancel', { schema: { tags: TAGS, summary: '注销 (行政许可法 第七十条) (audited)', params: idParamsSchema, body: permitEndSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await endPermit(db, request.principal!, request.params.id, 'cancel', request.body, clock()));
  });

  app.post('/api/permit-applications', { schema: { tags: TAGS, summary: 'Apply for a permit, its renewal or a change (audited)', body: applicationInputSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await submitApplication(db, request.principal!, request.body, clock()), 201);
  });

  app.get('/api/permit-applications/:id', { schema: { tags: TAGS, summary: 'One application with its clocks and actions', params: idParamsSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await applicationDetail(db, request.principal!, request.params.id, clock()));
  });

  app.post('/api/permit-applications/:id/notice', { schema: { tags: TAGS, summary: '补正告知: one notice of all missing materials within 3 working days (audited)', params: idParamsSchema, body: noticeSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await noticeIncomplete(db, request.principal!, request.params.id, request.body, clock()));
  });

  app.post('/api/permit-applications/:id/accept', { schema: { tags: TAGS, summary: '受理: starts the decision clock (audited)', params: idParamsSchema, body: acceptSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await acceptApplication(db, request.principal!, request.params.id, request.body, clock()));
  });

  app.post('/api/permit-applications/:id/decide', { schema: { tags: TAGS, summary: 'The leader’s decision: issue / renew / change, or refuse with reasons (audited)', params: idParamsSchema, body: decisionSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await decideApplication(db, request.principal!, request.params.id, request.body, clock()));
  });
};
