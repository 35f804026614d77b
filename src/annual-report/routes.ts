import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import type { Result } from '../law/outcome.js';
import { paragraphBodySchema, paragraphParamsSchema, recordsParamsSchema, yearParamsSchema } from './schema.js';
import { caseRecords, editParagraph, finaliseReport, reportDocument, reportView } from './actions.js';

const TAGS = ['annual-report'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const annualReportRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const guard = (request: FastifyRequest, reply: FastifyReply, p: 'annual_report.read' | 'annual_report.edit' | 'annual_report.finalise' | 'case.read') => {
    const denied = checkPermission(request, p);
    if (denied) { void sendRefusal(request, reply, denied); return false; }
    return true;
  };

  app.get('/api/annual-report/:year', { schema: { tags: TAGS, summary: '法治政府建设情况报告 of a year: figures (live, or frozen once finalised), paragraphs, versions', params: yearParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'annual_report.read')) return reply;
    return send(request, reply, await reportView(db, request.params.year, clock()));
  });
  app.put('/api/annual-report/:year/paragraphs/:key', { schema: { tags: TAGS, summary: 'Save a paragraph as a new version (audited); {no} tokens stay live figures', params: paragraphParamsSchema, body: paragraphBodySchema } }, async (request, reply) => {
    if (!guard(request, reply, 'annual_report.edit')) return reply;
    return send(request, reply, await editParagraph(db, request.principal!, request.params.year, request.params.key, request.body.text, clock()));
  });
  app.post('/api/annual-report/:year/finalise', { schema: { tags: TAGS, summary: 'Finalise the report once: figures frozen with the query results (audited)', params: yearParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'annual_report.finalise')) return reply;
    return send(request, reply, await finaliseReport(db, request.principal!, request.params.year, clock()));
  });
  app.get('/api/annual-report/:year/records/:no', { schema: { tags: TAGS, summary: 'The cases behind figure #21 (filed in the year) or #22 (fines decided in the year): the drill-down', params: recordsParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'annual_report.read') || !guard(request, reply, 'case.read')) return reply;
    return caseRecords(db, request.principal!, request.params.year, request.params.no);
  });
  app.get('/api/annual-report/:year/document', { schema: { tags: TAGS, summary: 'The report as Word (.docx) in 公文 format', params: yearParamsSchema } }, async (request, reply) => {
    if (!guard(request, reply, 'annual_report.read')) return reply;
    const r = await reportDocument(db, request.params.year, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.type(DOCX).header('content-disposition', `attachment; filename="annual-report-${request.params.year}.docx"; filename*=UTF-8''${encodeURIComponent(r.value.fileName)}`).send(r.value.body);
  });
};
