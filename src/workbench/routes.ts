import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { checkPermission } from '../platform/auth/session.js';
import { badgesSchema, thresholdReviewSchema, workbenchSchema } from './schema.js';
import { listThresholdReview, loadBadges, loadWorkbench } from './queries.js';

export const workbenchRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  app.get('/api/workbench', {
    schema: { tags: ['workbench'], summary: "The signed-in user's workbench (工作台): tasks by stage, deadlines, events, air quality, calendar", response: { 200: workbenchSchema, 401: errorSchema } },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    return loadWorkbench(db, request.principal, clock());
  });

  app.get('/api/workbench/badges', {
    schema: { tags: ['workbench'], summary: 'Open work per menu entry (menu badges)', response: { 200: badgesSchema, 401: errorSchema } },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    return { badges: await loadBadges(db, request.principal, clock()) };
  });

  app.get('/api/workbench/threshold-review', {
    schema: {
      tags: ['workbench'], summary: "The legal reviewers' hearing-threshold review: open cases whose notice withheld a hearing the figure in force gives (行政处罚法 第六十三条)",
      response: { 200: thresholdReviewSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.legal_review');
    if (denied) return sendRefusal(request, reply, denied);
    return listThresholdReview(db, request.principal!);
  });
};
