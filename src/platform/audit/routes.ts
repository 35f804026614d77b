import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/index.js';
import { checkPermission } from '../auth/session.js';
import { sendRefusal } from '../http/outcome-to-http.js';
import { errorSchema } from '../http/errors-schema.js';
import { listAudit, verifyAuditChain } from './log.js';
import { auditListSchema, auditQuerySchema, chainCheckSchema } from './schema.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/audit', {
    schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: auditListSchema, 401: errorSchema, 403: errorSchema } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'audit.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { items, total } = await listAudit(db, request.query);
    return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/audit/verify', {
    schema: { tags: ['audit'], summary: 'Recompute the hash chain', response: { 200: chainCheckSchema, 401: errorSchema, 403: errorSchema } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'audit.read');
    if (denied) return sendRefusal(request, reply, denied);
    return verifyAuditChain(db);
  });
};
