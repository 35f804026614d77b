import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { calculateSchema, caseParamsSchema, codeParamsSchema, consistencyQuerySchema, tableInputSchema, tablesQuerySchema } from './schema.js';
import { calculate, consistencyReport, loadCaseDiscretion, publishTableVersion, storeCaseCalculation, tablesInForce } from './actions.js';
import { listVersions } from './queries.js';
import { STANDARD_FACTORS } from './rules/benchmark.js';
import { violationCatalogue } from './violations.js';

export const discretionRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  app.get('/api/discretion/tables', { schema: { tags: ['discretion'], summary: '自由裁量基准: the version of every table in force on a day (today by default)', querystring: tablesQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const on = request.query.on ?? chinaDateOf(clock());
    return { on, standardFactors: STANDARD_FACTORS, items: await tablesInForce(db, on) };
  });

  app.get('/api/violations', { schema: { tags: ['discretion'], summary: '违法行为目录: each violation with its violated and penalty provisions, legal range, discretion table and exemption entries in force on a day', querystring: tablesQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const on = request.query.on ?? chinaDateOf(clock());
    return { on, items: await violationCatalogue(db, on) };
  });

  app.get('/api/discretion/tables/:code', { schema: { tags: ['discretion'], summary: 'Every version of one table', params: codeParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const versions = await listVersions(db, request.params.code);
    if (!versions.length) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { code: request.params.code, versions };
  });

  app.post('/api/discretion/tables', { schema: { tags: ['discretion'], summary: 'Publish a table or its next version (effective today or later)', body: tableInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'discretion.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await publishTableVersion(db, request.principal!, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(r.value);
  });

  app.post('/api/discretion/calculate', { schema: { tags: ['discretion'], summary: 'The calculator: the fine and a line per factor (nothing stored)', body: calculateSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await calculate(db, request.body.tableId, request.body);
    if (!r.ok) return sendRefusal(request, reply, r);
    return r.value;
  });

  app.get('/api/discretion/cases/:caseId', { schema: { tags: ['discretion'], summary: "The case's benchmark calculation and how the proposal and decision depart from it", params: caseParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await loadCaseDiscretion(db, request.principal!, request.params.caseId);
    if (!r) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return r;
  });

  app.post('/api/discretion/cases/:caseId', { schema: { tags: ['discretion'], summary: 'Store a calculation on the case (inputs and table version)', params: caseParamsSchema, body: calculateSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await storeCaseCalculation(db, request.principal!, request.params.caseId, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(await loadCaseDiscretion(db, request.principal!, request.params.caseId));
  });

  app.get('/api/discretion/consistency', { schema: { tags: ['discretion'], summary: 'Consistency report: decided fines against the benchmark per violation type, district and officer', querystring: consistencyQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const q = request.query;
    if (q.from && q.to && q.to < q.from) return sendRefusal(request, reply, refuse('DATE_RANGE_INVALID', undefined, 'to'));
    return consistencyReport(db, request.principal!, { fromOn: q.from, toOn: q.to, tableCode: q.tableCode, districtId: q.districtId });
  });
};
