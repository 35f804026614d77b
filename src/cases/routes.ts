import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { CASE_ACTIONS } from './rules/available-actions.js';
import { ACTION_SCHEMAS, documentParamsSchema, documentQuerySchema, caseListQuerySchema, dismissSchema, filingSchema, idParamsSchema, leadInputSchema, leadListQuerySchema, meetingSchema } from './schema.js';
import { createCommitteeMeeting, dismissLead, fileLead, listCaseDocuments, presentCase, registerLead, renderDocumentOfCase, runCaseAction } from './actions.js';
import { findCaseRow, listCases, listLeads } from './queries.js';
import { deadlineBoard, listMeetings, reviewerRatio } from './board.js';

const page = (q: { page: number; pageSize: number }) => ({ page: q.page, pageSize: q.pageSize });

export const caseRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  app.get('/api/leads', { schema: { tags: ['cases'], summary: 'Leads (线索), scoped to the user', querystring: leadListQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { ...(await listLeads(db, request.principal!, request.query.status, page(request.query))), ...page(request.query) };
  });

  app.post('/api/leads', { schema: { tags: ['cases'], summary: 'Register a lead', body: leadInputSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await registerLead(db, request.principal, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });

  app.post('/api/leads/:id/file', { schema: { tags: ['cases'], summary: '立案: file a lead as a case', params: idParamsSchema, body: filingSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const now = clock();
    const result = await fileLead(db, request.principal, request.params.id, request.body, now);
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(await presentCase(db, request.principal, result.value, now));
  });

  app.post('/api/leads/:id/dismiss', { schema: { tags: ['cases'], summary: 'Decide not to file', params: idParamsSchema, body: dismissSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await dismissLead(db, request.principal, request.params.id, request.body.reason, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.get('/api/cases', { schema: { tags: ['cases'], summary: 'Cases, sorted by decision deadline', querystring: caseListQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { overdue, ...filter } = request.query;
    const result = await listCases(db, request.principal!, { ...filter, overdueOn: overdue ? chinaDateOf(clock()) : undefined }, page(request.query));
    return { ...result, ...page(request.query) };
  });

  app.get('/api/cases/deadlines', { schema: { tags: ['cases'], summary: 'Deadlines board: overdue and due-soon items' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return deadlineBoard(db, request.principal!, clock());
  });

  app.get('/api/cases/reviewer-ratio', { schema: { tags: ['cases'], summary: 'Legal reviewers to enforcement officers' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return reviewerRatio(db);
  });

  app.get('/api/cases/:id', { schema: { tags: ['cases'], params: idParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const row = await findCaseRow(db, request.params.id, request.principal!);
    if (!row) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return presentCase(db, request.principal!, row, clock());
  });

  for (const action of CASE_ACTIONS) {
    app.post(`/api/cases/:id/${action.replaceAll('_', '-')}`, {
      schema: { tags: ['cases'], summary: `Case step: ${action}`, params: idParamsSchema, body: ACTION_SCHEMAS[action] },
    }, async (request, reply) => {
      if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
      const now = clock();
      const result = await runCaseAction(db, request.principal, request.params.id, action, request.body as never, now);
      if (!result.ok) return sendRefusal(request, reply, result);
      return presentCase(db, request.principal, result.value, now);
    });
  }

  app.get('/api/cases/:id/documents', { schema: { tags: ['cases'], summary: 'Official documents of the case and whether each can be produced now', params: idParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const row = await findCaseRow(db, request.params.id, request.principal!);
    if (!row) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { items: await listCaseDocuments(db, row, clock()) };
  });

  app.get('/api/cases/:id/documents/:kind', {
    schema: { tags: ['cases'], summary: 'One official document as Word (.docx)', params: documentParamsSchema, querystring: documentQuerySchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const row = await findCaseRow(db, request.params.id, request.principal!);
    if (!row) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    const result = await renderDocumentOfCase(db, row, request.params.kind, request.query.stepId, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${request.params.kind}.docx"; filename*=UTF-8''${encodeURIComponent(result.value.fileName)}`)
      .send(result.value.buffer);
  });

  app.get('/api/committee/meetings', { schema: { tags: ['cases'] } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { items: await listMeetings(db) };
  });

  app.post('/api/committee/meetings', { schema: { tags: ['cases'], summary: 'Record a committee meeting', body: meetingSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await createCommitteeMeeting(db, request.principal, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });
};
