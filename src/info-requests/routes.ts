import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse, type Result } from '../law/outcome.js';
import {
  abandonSchema, consultationEndSchema, consultationStartSchema, correctedSchema, correctionSchema, errorAnswerSchema, errorReportSchema, extensionSchema, idParamsSchema,
  numberParamsSchema, publicRequestSchema, receiveSchema, replySchema, staffRequestSchema, ticketParamsSchema, yearQuerySchema,
} from './schema.js';
import {
  annualReport, answerErrorReport, closeAbandoned, endConsultation, errorReportList, extendRequest, noticeCorrection, publicErrorReportStatus, publicRequestStatus,
  receiveRequest, recordCorrected, registerRequest, replyDocument, replyToRequest, requestDetail, requestList, startConsultation, submitErrorReport,
  submitPublicRequest,
} from './actions.js';
import { buildAnnualWorkbook } from './excel.js';
import { recordKinds } from './record-kinds.js';

const TAGS = ['info-requests'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Public forms: a per-IP limit keeps the anonymous endpoints from being flooded.
const PUBLIC_LIMIT = { rateLimit: { max: 60, timeWindow: 60_000 } };

export const infoRequestRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const staff = (request: FastifyRequest) => checkPermission(request, 'info_request.handle');

  // ── Public: no login (no permission check; the principal, if any, is not used) ──
  // Open CORS as every public route (src/platform/http/public-api.ts); statuses change, so no ETag here.
  app.post('/api/public/info-requests', { config: PUBLIC_LIMIT, schema: { tags: TAGS, summary: '依申请公开: submit a request online (政府信息公开条例 第二十九条); returns the receipt number', body: publicRequestSchema } },
    async (request, reply) => reply.code(201).send(await submitPublicRequest(db, request.body, clock())));

  app.get('/api/public/info-requests/:number', { config: PUBLIC_LIMIT, schema: { tags: TAGS, summary: 'The status and dates of a request by its receipt number (no personal data)', params: numberParamsSchema } },
    async (request, reply) => send(request, reply, await publicRequestStatus(db, request.params.number, clock())));

  app.get('/api/public/error-reports/kinds', { schema: { tags: TAGS, summary: 'The record kinds a data-error report may name' } },
    async () => ({ items: recordKinds().map((k) => ({ kind: k.kind, label: k.label })) }));

  app.post('/api/public/error-reports', { config: PUBLIC_LIMIT, schema: { tags: TAGS, summary: '报告数据错误: report an error in a published record; returns the ticket number', body: errorReportSchema } },
    async (request, reply) => send(request, reply, await submitErrorReport(db, request.body, clock()), 201));

  app.get('/api/public/error-reports/:ticket', { config: PUBLIC_LIMIT, schema: { tags: TAGS, summary: 'The status of a data-error report by its ticket number', params: ticketParamsSchema } },
    async (request, reply) => send(request, reply, await publicErrorReportStatus(db, request.params.ticket)));

  // ── Staff ──
  app.get('/api/info-requests', { schema: { tags: TAGS, summary: 'Requests with their clocks and actions' } }, async (request, reply) => {
    const denied = staff(request);
    if (denied) return sendRefusal(request, reply, denied);
    const r = await requestList(db, request.principal!, clock());
    return r.ok ? { items: r.value } : sendRefusal(request, reply, r);
  });

  app.post('/api/info-requests', { schema: { tags: TAGS, summary: 'Register a request handed in or posted (第三十一条) (audited)', body: staffRequestSchema } }, async (request, reply) => {
    const denied = staff(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await registerRequest(db, request.principal!, request.body, clock()), 201);
  });

  app.get('/api/info-requests/annual-report', { schema: { tags: TAGS, summary: '年度报告: requests received and handled in a year (第四十九条, 第五十条)', querystring: yearQuerySchema } }, async (request, reply) => {
    const denied = staff(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await annualReport(db, request.principal!, request.query.year));
  });

  app.get('/api/info-requests/annual-report/export', { schema: { tags: TAGS, summary: 'The annual request table as .xlsx', querystring: yearQuerySchema } }, async (request, reply) => {
    const denied = staff(request);
    if (denied) return sendRefusal(request, reply, denied);
    const r = await annualReport(db, request.principal!, request.query.year);
    if (!r.ok) return sendRefusal(request, reply, r);
    const name = `政府信息公开申请情况${request.query.year}.xlsx`;
    return reply.type(XLSX).header('content-disposition', `attachment; filename="info-requests-${request.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(await buildAnnualWorkbook(r.value));
  });

  app.get('/api/info-requests/error-reports', { schema: { tags: TAGS, summary: 'Data-error reports the user’s unit answers for' } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const r = await errorReportList(db, request.principal, clock());
    return r.ok ? { items: r.value } : sendRefusal(request, reply, r);
  });

  app.post('/api/info-requests/error-reports/:id/answer', { schema: { tags: TAGS, summary: 'Answer a data-error report: correction note or reasoned rejection (audited)', params: idParamsSchema, body: errorAnswerSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    return send(request, reply, await answerErrorReport(db, request.principal, request.params.id, request.body, clock()));
  });

  app.get('/api/info-requests/:id', { schema: { tags: TAGS, summary: 'One request with its clock and actions', params: idParamsSchema } }, async (request, reply) => {
    const denied = staff(request);
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await requestDetail(db, request.principal!, request.params.id, clock()));
  });

  const post = <B>(path: string, summary: string, body: import('zod').ZodType<B>, run: (id: number, b: B, p: NonNullable<FastifyRequest['principal']>) => Promise<Result<unknown>>) =>
    app.post(`/api/info-requests/:id/${path}`, { schema: { tags: TAGS, summary, params: idParamsSchema, body } }, async (request, reply) => {
      const denied = staff(request);
      if (denied) return sendRefusal(request, reply, denied);
      return send(request, reply, await run((request.params as { id: number }).id, request.body as B, request.principal!));
    });

  post('receive', '第三十一条(三): confirm an online request; the day confirmed is the day of receipt (audited)', receiveSchema,
    (id, b, p) => receiveRequest(db, p, id, b.confirmedOn, clock()));
  post('correction', '第三十条: the one correction notice, within 7 working days of receipt, with the correction period in working days (audited)', correctionSchema,
    (id, b, p) => noticeCorrection(db, p, id, b, clock()));
  post('corrected', '第三十条: the corrected request arrived; the period restarts; after the correction period only with lateReason (正当理由) (audited)', correctedSchema,
    (id, b, p) => recordCorrected(db, p, id, b.correctedOn, clock(), b.lateReason));
  post('abandon', '第三十条: 视为放弃申请 — close a request whose correction period passed without a correction (audited)', abandonSchema,
    (id, _b, p) => closeAbandoned(db, p, id, clock()));
  post('extension', '第三十三条: one extension of at most 20 working days, with the reason (audited)', extensionSchema,
    (id, b, p) => extendRequest(db, p, id, b, clock()));
  post('consultation/start', '第三十二条: written consultation of a third party; its time is not counted (audited)', consultationStartSchema,
    (id, b, p) => startConsultation(db, p, id, b, clock()));
  post('consultation/end', '第三十二条: the third party answered, or 15 working days passed (audited)', consultationEndSchema,
    (id, b, p) => endConsultation(db, p, id, b.endOn, clock()));
  post('reply', '第三十六条: the reply of one of the seven kinds; 第四十二条 fee (audited)', replySchema,
    (id, b, p) => replyToRequest(db, p, id, b, clock()));

  app.get('/api/info-requests/:id/reply-document', { schema: { tags: TAGS, summary: '政府信息公开申请答复书 as Word (.docx)', params: idParamsSchema } }, async (request, reply) => {
    const denied = staff(request);
    if (denied) return sendRefusal(request, reply, denied);
    const r = await replyDocument(db, request.principal!, request.params.id, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="reply.docx"; filename*=UTF-8''${encodeURIComponent(r.value.fileName)}`)
      .send(r.value.body);
  });
};
