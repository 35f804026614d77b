import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse } from '../law/outcome.js';
import { listDepartments, listDistrictsWithTownships } from './queries.js';

export const organisationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/organisation/districts', { schema: { tags: ['organisation'], summary: 'County-level units with their townships' } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    return { items: await listDistrictsWithTownships(db) };
  });
  app.get('/api/organisation/departments', { schema: { tags: ['organisation'] } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    return { items: await listDepartments(db) };
  });
};
