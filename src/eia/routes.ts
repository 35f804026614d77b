import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse, type Result } from '../law/outcome.js';
import {
  acceptSchema, applicationInputSchema, applicationParamsSchema, decisionSchema, noticeParamsSchema, pauseEndSchema, pauseSchema,
  resubmitSchema, supplySchema, verifySchema, publicityStartSchema, hearingNoticeSchema, hearingRequestSchema,
} from './schema.js';
import {
  acceptApplication, applicationDetail, applicationList, catalogue, decideApplication, decisionDocument, eiaBoard, endPause,
  issueCorrectionNotice, noticeDocument, resubmitApplication, startPause, submitApplication, supplyTolerated, verifyCommitment,
  publicityList, recordHearingNotice, recordHearingRequest, startApprovalPublicity,
} from './actions.js';

const TAGS = ['eia'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const eiaRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  // Permissions are checked in the actions (staff read, enterprise users apply for their own); anonymous → 401.
  const principal = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.principal) { void sendRefusal(request, reply, refuse('UNAUTHENTICATED')); return null; }
    return request.principal;
  };
  const sendDoc = (request: FastifyRequest, reply: FastifyReply, r: Result<{ fileName: string; body: Buffer }>) => {
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.type(DOCX).header('content-disposition', `attachment; filename="eia.docx"; filename*=UTF-8''${encodeURIComponent(r.value.fileName)}`).send(r.value.body);
  };

  app.get('/api/eia/catalogue', { schema: { tags: TAGS, summary: '分类管理名录 (subset, versioned), materials, 容缺 list, refusal grounds, periods' } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await catalogue(db, p));
  });
  app.get('/api/eia/applications', { schema: { tags: TAGS, summary: 'EIA applications with their clocks (enterprise users: their own)' } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    const r = await applicationList(db, p, clock());
    return r.ok ? { items: r.value } : sendRefusal(request, reply, r);
  });
  app.post('/api/eia/applications', { schema: { tags: TAGS, summary: 'Apply online (登记表: filed with an immediate receipt); the site check runs (audited)', body: applicationInputSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await submitApplication(db, p, request.body, clock()), 201);
  });
  app.get('/api/eia/board', { schema: { tags: TAGS, summary: 'Board: clocks, due soon, overdue, average handling days per category' } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await eiaBoard(db, p, clock()));
  });
  app.get('/api/eia/applications/:id', { schema: { tags: TAGS, summary: 'One application: materials, site check, pauses, notices, clock, actions', params: applicationParamsSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await applicationDetail(db, p, request.params.id, clock()));
  });
  app.post('/api/eia/applications/:id/accept', { schema: { tags: TAGS, summary: '受理 (容缺 with commitments) (行政许可法 第三十二条) (audited)', params: applicationParamsSchema, body: acceptSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await acceptApplication(db, p, request.params.id, request.body ?? {}, clock()));
  });
  app.post('/api/eia/applications/:id/correction-notice', { schema: { tags: TAGS, summary: 'One numbered notice listing everything missing (行政许可法 第三十二条) (audited)', params: applicationParamsSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await issueCorrectionNotice(db, p, request.params.id, clock()), 201);
  });
  app.post('/api/eia/applications/:id/resubmit', { schema: { tags: TAGS, summary: 'Supply what the notice listed: a new receipt (audited)', params: applicationParamsSchema, body: resubmitSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await resubmitApplication(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/supply', { schema: { tags: TAGS, summary: 'A tolerated (容缺) item supplied (audited)', params: applicationParamsSchema, body: supplySchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await supplyTolerated(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/pauses', { schema: { tags: TAGS, summary: 'A period not counted starts, with its written notice (行政许可法 第四十五条) (audited)', params: applicationParamsSchema, body: pauseSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await startPause(db, p, request.params.id, request.body, clock()), 201);
  });
  app.post('/api/eia/applications/:id/pauses/end', { schema: { tags: TAGS, summary: 'The open pause ends (audited)', params: applicationParamsSchema, body: pauseEndSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await endPause(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/decision', { schema: { tags: TAGS, summary: '批复 or 不予批准决定 (建设项目环境保护管理条例 第十一条), numbered (audited)', params: applicationParamsSchema, body: decisionSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await decideApplication(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/verification', { schema: { tags: TAGS, summary: '告知承诺 verification; a false commitment revokes and records credit (audited)', params: applicationParamsSchema, body: verifySchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await verifyCommitment(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/publicity', { schema: { tags: TAGS, summary: '拟批准公示 starts for the bureau\'s period; the approval waits until it has run (环境影响评价公众参与办法) (audited)', params: applicationParamsSchema, body: publicityStartSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await startApprovalPublicity(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/hearing-notice', { schema: { tags: TAGS, summary: 'Hearing-right notice, dated; 5 working days to request (行政许可法 第四十七条) (audited)', params: applicationParamsSchema, body: hearingNoticeSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await recordHearingNotice(db, p, request.params.id, request.body, clock()));
  });
  app.post('/api/eia/applications/:id/hearing-request', { schema: { tags: TAGS, summary: 'A hearing request within the 5 working days (行政许可法 第四十七条) (audited)', params: applicationParamsSchema, body: hearingRequestSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await recordHearingRequest(db, p, request.params.id, request.body, clock()));
  });
  // Public (no login: this route does not ask for a principal — the auth plugin only attaches one when a session exists).
  app.get('/api/public/eia/publicity', { schema: { tags: TAGS, summary: 'Public: EIA applications under acceptance or intended-approval publicity today (no login)' } }, async (_request, reply) => {
    const r = await publicityList(db, clock());
    return r.ok ? { items: r.value } : reply;
  });
  app.get('/api/eia/applications/:id/document', { schema: { tags: TAGS, summary: 'The 批复 / 不予批准决定书 as Word (.docx)', params: applicationParamsSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return sendDoc(request, reply, await decisionDocument(db, p, request.params.id));
  });
  app.get('/api/eia/applications/:id/notices/:noticeId/document', { schema: { tags: TAGS, summary: 'The 补正告知书 as Word (.docx)', params: noticeParamsSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return sendDoc(request, reply, await noticeDocument(db, p, request.params.id, request.params.noticeId));
  });
};
