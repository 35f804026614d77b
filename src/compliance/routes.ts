import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { sendWithEtag } from '../platform/http/public-api.js';
import { idParamsSchema } from './schema.js';
import { districtCompliance, enterpriseCompliance, internalWatchList, publicWatchList } from './actions.js';

const PUBLIC_TAGS = ['public'];
const TAGS = ['compliance'];

export interface ComplianceRouteOptions {
  db: Db; clock: () => Date;
  /** Per-IP limit of every public route (as src/disclosure's). */
  publicRateLimit?: { max: number; timeWindow: number };
}

export const complianceRoutes: FastifyPluginAsyncZod<ComplianceRouteOptions> = async (app, { db, clock, publicRateLimit }) => {
  // No login (security: []), the same per-IP limit, ETag and open CORS as the published decisions.
  const pub = { config: { rateLimit: publicRateLimit ?? { max: 120, timeWindow: 60_000 } } };
  const open = { tags: PUBLIC_TAGS, security: [] as never[] };

  const withEtag = sendWithEtag;

  app.get('/api/public/enterprises/:id/compliance', { ...pub, schema: { ...open, summary: '合规记录: an enterprise’s identity, permits, positive-list status and 12-quarter compliance grid (derived from records)', params: idParamsSchema } },
    async (request, reply) => {
      const r = await enterpriseCompliance(db, request.params.id, clock());
      return r.ok ? withEtag(request, reply, r.value) : sendRefusal(request, reply, r);
    });

  app.get('/api/public/districts/:id/compliance', { ...pub, schema: { ...open, summary: '合规记录: a district’s 12-quarter compliance grid (its enterprises’ records together)', params: idParamsSchema } },
    async (request, reply) => {
      const r = await districtCompliance(db, request.params.id, clock());
      return r.ok ? withEtag(request, reply, r.value) : sendRefusal(request, reply, r);
    });

  app.get('/api/public/watch-list', { ...pub, schema: { ...open, summary: '严重违法关注名单 as published by the bureau’s setting (otherwise published: false, no items)' } },
    async (request, reply) => withEtag(request, reply, await publicWatchList(db, clock())));

  app.get('/api/compliance/watch-list', { schema: { tags: TAGS, summary: 'The watch list with the reasons and clocks, including violations still within the period (case.read)' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await internalWatchList(db, request.principal!, clock());
    return r.ok ? r.value : sendRefusal(request, reply, r);
  });
};
