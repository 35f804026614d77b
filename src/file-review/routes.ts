import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { caseParamsSchema, casesQuerySchema, resultsQuerySchema, reviewInputSchema, standardInputSchema } from './schema.js';
import { loadCaseFile, publishStandardVersion, reviewResults, saveReview, standardInForce } from './actions.js';
import { listClosedCases, listStandardVersions } from './queries.js';
import { buildResultsWorkbook } from './excel.js';
import type { PrecheckCode } from './rules/prechecks.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const fileReviewRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  app.get('/api/file-review/standards', { schema: { tags: ['file-review'], summary: '案卷评查标准: the version in force and every version' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { inForce: await standardInForce(db, chinaDateOf(clock())), versions: await listStandardVersions(db) };
  });

  app.post('/api/file-review/standards', { schema: { tags: ['file-review'], summary: 'Publish the next version of the standard (effective today or later)', body: standardInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'file_review.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await publishStandardVersion(db, request.principal!, { ...request.body, items: request.body.items.map((i) => ({ ...i, deductions: i.deductions.map((d) => ({ ...d, precheck: d.precheck as PrecheckCode | undefined })) })) }, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(r.value);
  });

  app.get('/api/file-review/cases', { schema: { tags: ['file-review'], summary: 'The workbench: closed cases and their review status', querystring: casesQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'file_review.score');
    if (denied) return sendRefusal(request, reply, denied);
    return { items: await listClosedCases(db, request.principal!, request.query) };
  });

  app.get('/api/file-review/cases/:caseId', { schema: { tags: ['file-review'], summary: 'One case file: pre-check findings, proposed deductions, the reviews', params: caseParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'file_review.score');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await loadCaseFile(db, request.principal!, request.params.caseId, clock());
    if (!r) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return r;
  });

  app.put('/api/file-review/cases/:caseId/review', { schema: { tags: ['file-review'], summary: "Save (or submit) the current reviewer's score sheet", params: caseParamsSchema, body: reviewInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'file_review.score');
    if (denied) return sendRefusal(request, reply, denied);
    const now = clock();
    const r = await saveReview(db, request.principal!, request.params.caseId, request.body, now);
    if (!r.ok) return sendRefusal(request, reply, r);
    return loadCaseFile(db, request.principal!, request.params.caseId, now);
  });

  app.get('/api/file-review/results', { schema: { tags: ['file-review'], summary: 'Results of a year: per unit, per officer, bands, most common defects', querystring: resultsQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'file_review.score');
    if (denied) return sendRefusal(request, reply, denied);
    return reviewResults(db, request.principal!, request.query.year);
  });

  app.get('/api/file-review/results/export', { schema: { tags: ['file-review'], summary: 'The results as .xlsx', querystring: resultsQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'file_review.score');
    if (denied) return sendRefusal(request, reply, denied);
    const buffer = await buildResultsWorkbook(await reviewResults(db, request.principal!, request.query.year));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="file-review-${request.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`案卷评查结果${request.query.year}.xlsx`)}`).send(buffer);
  });
};
