import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { can, inDistrictScope, type Principal } from '../platform/auth/roles.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { messageFor } from '../platform/i18n/messages.js';
import { refuse } from '../law/outcome.js';
import { loadDivisionIndex } from '../organisation/index.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import {
  enterpriseDetailSchema, enterpriseFilterSchema, enterpriseInputSchema, enterpriseListQuerySchema, enterpriseListSchema,
  enterpriseUpdateSchema, idParamsSchema, importQuerySchema, importSummarySchema,
} from './schema.js';
import { findEnterprise, listEnterprises, listEnterprisesForExport, type EnterpriseDetail } from './queries.js';
import { createEnterprise, importEnterprises, updateEnterprise, type ImportError } from './actions.js';
import { buildEnterpriseWorkbook, parseEnterpriseWorkbook } from './excel.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

/** The actions the principal may take on this enterprise: the UI shows exactly these. */
function actionsFor(p: Principal, e: EnterpriseDetail): 'edit'[] {
  return can(p, 'enterprise.write') && inDistrictScope(p, e.districtId) && p.role !== 'enterprise_user' ? ['edit'] : [];
}

const present = (p: Principal, e: EnterpriseDetail) => ({
  ...e, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString(), actions: actionsFor(p, e),
});

const localiseErrors = (request: FastifyRequest, list: ImportError[]) =>
  list.map((e) => ({ ...e, message: messageFor(e.code, request.locale) }));

export const enterpriseRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/enterprises', {
    schema: { tags: ['enterprises'], summary: 'Search the registry (scoped to the user)', querystring: enterpriseListQuerySchema, response: { 200: enterpriseListSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { page, pageSize, ...filter } = request.query;
    const result = await listEnterprises(db, request.principal!, filter, { page, pageSize });
    return { ...result, page, pageSize };
  });

  app.get('/api/enterprises/export', {
    schema: { tags: ['enterprises'], summary: 'Export the filtered registry as .xlsx', querystring: enterpriseFilterSchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.export');
    if (denied) return sendRefusal(request, reply, denied);
    const rows = await listEnterprisesForExport(db, request.principal!, request.query);
    const buffer = await buildEnterpriseWorkbook(rows);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent('企业名录.xlsx')}`).send(buffer);
  });

  app.get('/api/enterprises/import-template', {
    schema: { tags: ['enterprises'], summary: 'Empty import workbook with the expected columns' },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.import');
    if (denied) return sendRefusal(request, reply, denied);
    const buffer = await buildEnterpriseWorkbook([]);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="enterprise-template.xlsx"`).send(buffer);
  });

  app.get('/api/enterprises/:id', {
    schema: { tags: ['enterprises'], params: idParamsSchema, response: { 200: enterpriseDetailSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.read');
    if (denied) return sendRefusal(request, reply, denied);
    const e = await findEnterprise(db, request.params.id, request.principal!);
    if (!e) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return present(request.principal!, e);
  });

  app.post('/api/enterprises', {
    schema: { tags: ['enterprises'], body: enterpriseInputSchema, response: { 201: enterpriseDetailSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.write') ?? (request.principal!.role === 'enterprise_user' ? refuse('FORBIDDEN') : null);
    if (denied) return sendRefusal(request, reply, denied);
    const result = await createEnterprise(db, request.principal!, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(present(request.principal!, result.value));
  });

  app.put('/api/enterprises/:id', {
    schema: { tags: ['enterprises'], params: idParamsSchema, body: enterpriseUpdateSchema, response: { 200: enterpriseDetailSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.write');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await updateEnterprise(db, request.principal!, request.params.id, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return present(request.principal!, result.value);
  });

  app.post('/api/enterprises/import', {
    schema: {
      tags: ['enterprises'], summary: 'Import an .xlsx (multipart field "file"); all-or-nothing unless skipInvalid=true',
      querystring: importQuerySchema, response: { 200: importSummarySchema, ...errors },
    },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.import');
    if (denied) return sendRefusal(request, reply, denied);
    const file = request.isMultipart() ? await request.file() : undefined;
    if (!file) return sendRefusal(request, reply, refuse('IMPORT_FILE_REQUIRED', undefined, 'file'));
    const buffer = await file.toBuffer();
    const parsed = await parseEnterpriseWorkbook(buffer, await loadDivisionIndex(db));
    if ('unreadable' in parsed) return sendRefusal(request, reply, refuse('IMPORT_FILE_UNREADABLE', undefined, 'file'));
    if ('missingColumn' in parsed) return sendRefusal(request, reply, refuse('IMPORT_HEADER_MISSING', undefined, parsed.missingColumn));
    const result = await importEnterprises(db, request.principal!, parsed.rows, parsed.errors,
      { skipInvalid: request.query.skipInvalid, fileName: file.filename || 'upload.xlsx' }, new Date());
    if (!result.ok) {
      const details = 'errors' in result ? { errors: localiseErrors(request, result.errors) } : undefined;
      return sendRefusal(request, reply, { ...result, field: 'file' }, details);
    }
    return { ...result.value, errors: localiseErrors(request, result.value.errors) };
  });
};
