import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { CASE_ACTIONS } from './rules/available-actions.js';
import { casesBetweenHearingThresholds } from './threshold-review.js';
import { hearingThresholdsBefore, loadBureauSettings } from '../settings/index.js';
import { deadlineBoardQuerySchema, memberOpinionParamsSchema, memberOpinionSchema, thresholdReviewQuerySchema, withdrawOpinionSchema } from './schema.js';
import { listMemberOpinions, recordMemberOpinion, withdrawMemberOpinion } from './member-opinions.js';
import { ACTION_SCHEMAS, documentParamsSchema, documentQuerySchema, caseListQuerySchema, dismissSchema, filingExtensionSchema, filingSchema, idParamsSchema, leadInputSchema, leadListQuerySchema, meetingSchema } from './schema.js';
import { createCommitteeMeeting, dismissLead, extendFilingWindow, fileLead, listCaseDocuments, presentCase, registerLead, renderDocumentOfCase, runCaseAction } from './actions.js';
import { findCaseRow, listCases, listLeads } from './queries.js';
import { deadlineBoard, listMeetings, reviewerRatio } from './board.js';
import { partyPermitsOfCase } from './party-permits.js';

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
    return reply.code(201).send(await presentCase(db, request.principal, result.value, now, request.locale));
  });

  app.post('/api/leads/:id/filing-extension', {
    schema: { tags: ['cases'], summary: "The head's approved extension of the filing window", params: idParamsSchema, body: filingExtensionSchema },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await extendFilingWindow(db, request.principal, request.params.id, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.post('/api/leads/:id/dismiss', { schema: { tags: ['cases'], summary: 'Decide not to file', params: idParamsSchema, body: dismissSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await dismissLead(db, request.principal, request.params.id, request.body.reason, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.get('/api/cases', { schema: { tags: ['cases'], summary: 'Cases, sorted by decision deadline: page numbers over the first 1000 rows, `cursor` (the previous nextCursor) beyond', querystring: caseListQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { overdue, page: pageNo, pageSize, cursor, ...filter } = request.query;
    // With a cursor: the rows after it and no total (`total` null); else page `pageNo` and the total counted up to 1000 (`totalCapped`: "1000+").
    const result = await listCases(db, request.principal!, { ...filter, overdueOn: overdue ? chinaDateOf(clock()) : undefined }, { page: pageNo, pageSize, cursor });
    return { ...result, page: cursor ? null : pageNo, pageSize };
  });

  app.get('/api/cases/deadlines', { schema: { tags: ['cases'], summary: 'Deadlines board: overdue and due-soon items', querystring: deadlineBoardQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return deadlineBoard(db, request.principal!, clock(), request.query.withinDays);
  });

  app.get('/api/cases/threshold-review', {
    schema: { tags: ['cases'], summary: 'Open cases whose proposed fine lies between the current hearing threshold and another (行政处罚法 第六十三条)', querystring: thresholdReviewQuerySchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    // Without figures in the query: those in force before the latest change (or before they were a setting).
    const before = await hearingThresholdsBefore(db);
    const current = before.current;
    const other = {
      organisationFen: request.query.organisationFen ?? before.thresholds.organisationFen,
      individualFen: request.query.individualFen ?? before.thresholds.individualFen,
    };
    const source = request.query.organisationFen === undefined && request.query.individualFen === undefined ? before.source : 'query';
    return { current, other, source, changedAt: source === 'settings-change' ? before.changedAt : null, items: await casesBetweenHearingThresholds(db, request.principal!, current, other) };
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
    return presentCase(db, request.principal!, row, clock(), request.locale);
  });

  app.get('/api/cases/:id/party-permits', { schema: { tags: ['cases'], summary: "The party's discharge permits, when the case cites 排污许可管理条例", params: idParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const row = await findCaseRow(db, request.params.id, request.principal!);
    if (!row) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return partyPermitsOfCase(db, row, chinaDateOf(clock()));
  });

  for (const action of CASE_ACTIONS) {
    app.post(`/api/cases/:id/${action.replaceAll('_', '-')}`, {
      schema: { tags: ['cases'], summary: `Case step: ${action}`, params: idParamsSchema, body: ACTION_SCHEMAS[action] },
    }, async (request, reply) => {
      if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
      const now = clock();
      const result = await runCaseAction(db, request.principal, request.params.id, action, request.body as never, now);
      // The refusal's particulars (e.g. which member's self-recorded opinion was contradicted) go out as `details`.
      if (!result.ok) return sendRefusal(request, reply, result, result.params);
      return presentCase(db, request.principal, result.value, now, request.locale);
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

  // What a new meeting and a hearing start from: the bureau's standing chair and usual rooms (settings).
  app.get('/api/cases/procedure-defaults', { schema: { tags: ['cases'], summary: 'The committee chair and the rooms new meetings and hearings start from' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { committee } = await loadBureauSettings(db);
    return { committeeChairId: committee.chairUserId, meetingRoom: committee.meetingRoom || null, hearingRoom: committee.hearingRoom || null };
  });

  app.get('/api/committee/meetings', { schema: { tags: ['cases'] } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { items: await listMeetings(db) };
  });

  // 集体讨论: an attending member's own opinion (行政处罚法 第五十七条第二款); the member is the signed-in user.
  const opinionsUrl = '/api/committee/meetings/:meetingId/cases/:caseId/opinions';
  app.get(opinionsUrl, {
    schema: { tags: ['cases'], summary: "Members' self-recorded opinions on a case for a meeting, and whether I may record mine", params: memberOpinionParamsSchema },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await listMemberOpinions(db, request.principal, request.params.meetingId, request.params.caseId, clock(), request.locale);
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.put(opinionsUrl, {
    schema: { tags: ['cases'], summary: 'Record or change my own opinion (an attendee, before the discussion is concluded)', params: memberOpinionParamsSchema, body: memberOpinionSchema },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await recordMemberOpinion(db, request.principal, request.params.meetingId, request.params.caseId, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.delete(opinionsUrl, {
    schema: { tags: ['cases'], summary: 'Withdraw my own opinion, saying why', params: memberOpinionParamsSchema, body: withdrawOpinionSchema },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await withdrawMemberOpinion(db, request.principal, request.params.meetingId, request.params.caseId, request.body.reason, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.post('/api/committee/meetings', { schema: { tags: ['cases'], summary: 'Record a committee meeting', body: meetingSchema } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const result = await createCommitteeMeeting(db, request.principal, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });
};
