import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { checkPermission } from '../auth/session.js';
import { sendRefusal } from '../http/outcome-to-http.js';
import { listAudit, verifyAuditChain } from './log.js';

const auditQuerySchema = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: auditQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'audit.read');
    if (denied) return sendRefusal(request, reply, denied);
    const { items, total } = await listAudit(db, request.query);
    return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total, page: request.query.page, pageSize: request.query.pageSize };
  });
  app.get('/api/audit/verify', { schema: { tags: ['audit'], summary: 'Recompute the hash chain' } }, async (request, reply) => {
    const denied = checkPermission(request, 'audit.read');
    if (denied) return sendRefusal(request, reply, denied);
    return verifyAuditChain(db);
  });
};
