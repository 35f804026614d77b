import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { holdsEtag, sendNotModified, sendWithEtag } from '../platform/http/public-api.js';
import type { Result } from '../law/outcome.js';
import { caseParamsSchema, idParamsSchema, publicFilterSchema, publicListQuerySchema, withdrawSchema } from './schema.js';
import { previewPublication, publicationQueue, publishDecision, withdrawPublication } from './actions.js';
import { feedEntries, publicDecision, publicDecisionList, publicDecisionListVersion, publicDistricts, publicEnterprise } from './public.js';
import { DICTIONARY, decisionsCsv, decisionsXlsx } from './open-data.js';
import { atomFeed } from './feed.js';
import type { PublicFilter } from './queries.js';

const TAGS = ['disclosure'];
const PUBLIC_TAGS = ['public'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DisclosureRouteOptions {
  db: Db; clock: () => Date;
  /** Per-IP limit of every public route (requests per window). */
  publicRateLimit?: { max: number; timeWindow: number };
}

export const disclosureRoutes: FastifyPluginAsyncZod<DisclosureRouteOptions> = async (app, { db, clock, publicRateLimit }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const rateLimit = publicRateLimit ?? { max: 120, timeWindow: 60_000 };
  // No login (security: []): the public reads what was published; each route checks nothing else.
  const pub = { config: { rateLimit } };
  const open = { tags: PUBLIC_TAGS, security: [] as never[] };

  // The preflight for every public route (the CORS headers themselves: openPublicCors at the app's root).
  app.options('/api/public/*', { schema: { hide: true } }, async (_request, reply) => reply.code(204)
    .header('access-control-allow-methods', 'GET, OPTIONS').header('access-control-allow-headers', 'If-None-Match').header('access-control-max-age', '86400').send());

  const withEtag = sendWithEtag;

  app.get('/api/public/decisions', { ...pub, schema: { ...open, summary: '行政处罚公示: published decisions, newest first (no login; ETag; per-IP limit)', querystring: publicListQuerySchema } }, async (request, reply) => {
    const { page, pageSize, ...f } = request.query;
    // The page is a function of the list's version and the query: its ETag is known before any list query, so a
    // revalidation costs one key lookup. The version is read first: a body may only be newer than its ETag.
    const version = await publicDecisionListVersion(db);
    const query = `${f.districtId ?? ''}|${f.enterpriseId ?? ''}|${f.year ?? ''}|${page}|${pageSize}`;
    const etag = `"v${version}-${createHash('sha256').update(query).digest('base64url').slice(0, 16)}"`;
    if (holdsEtag(request, etag)) return sendNotModified(reply, etag);
    return withEtag(request, reply, await publicDecisionList(db, f, page, pageSize, version), etag);
  });

  app.get('/api/public/decisions/dictionary', { ...pub, schema: { ...open, summary: 'The data dictionary of the decision downloads' } }, async (request, reply) =>
    withEtag(request, reply, { columns: DICTIONARY }));

  app.get('/api/public/decisions.csv', { ...pub, schema: { ...open, summary: 'Published decisions as CSV (UTF-8 with BOM), streamed', querystring: publicFilterSchema } }, async (request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="decisions.csv"; filename*=UTF-8''${encodeURIComponent('行政处罚公示.csv')}`)
      .send(decisionsCsv(db, request.query)));

  app.get('/api/public/decisions.xlsx', { ...pub, schema: { ...open, summary: 'Published decisions as xlsx, streamed', querystring: publicFilterSchema } }, async (request, reply) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="decisions.xlsx"; filename*=UTF-8''${encodeURIComponent('行政处罚公示.xlsx')}`)
      .send(decisionsXlsx(db, request.query)));

  app.get('/api/public/decisions/:id', { ...pub, schema: { ...open, summary: 'One published decision (a withdrawn one: only the withdrawal and its reason)', params: idParamsSchema } }, async (request, reply) => {
    const r = await publicDecision(db, request.params.id);
    return r.ok ? withEtag(request, reply, r.value) : sendRefusal(request, reply, r);
  });

  app.get('/api/public/enterprises/:id', { ...pub, schema: { ...open, summary: 'An enterprise’s public page: name, credit code, published decisions', params: idParamsSchema } }, async (request, reply) => {
    const r = await publicEnterprise(db, request.params.id);
    return r.ok ? withEtag(request, reply, r.value) : sendRefusal(request, reply, r);
  });

  app.get('/api/public/districts', { ...pub, schema: { ...open, summary: 'Districts, for the filters' } }, async (request, reply) =>
    withEtag(request, reply, { items: await publicDistricts(db) }));

  const feed = async (request: FastifyRequest, reply: FastifyReply, f: PublicFilter, self: string, tag: string) => {
    const r = await feedEntries(db, f);
    if (!r.ok) return sendRefusal(request, reply, r);
    const base = `${request.protocol}://${request.host}`;
    return reply.type('application/atom+xml; charset=utf-8').send(atomFeed({ base, self, tag, title: r.value.title, entries: r.value.entries, now: clock() }));
  };
  app.get('/api/public/feeds/decisions', { ...pub, schema: { ...open, summary: 'Atom feed: new and withdrawn decisions' } }, async (request, reply) =>
    feed(request, reply, {}, '/api/public/feeds/decisions', 'decisions'));
  app.get('/api/public/feeds/enterprises/:id', { ...pub, schema: { ...open, summary: 'Atom feed of one enterprise', params: idParamsSchema } }, async (request, reply) =>
    feed(request, reply, { enterpriseId: request.params.id }, `/api/public/feeds/enterprises/${request.params.id}`, `enterprise/${request.params.id}`));
  app.get('/api/public/feeds/districts/:id', { ...pub, schema: { ...open, summary: 'Atom feed of one district', params: idParamsSchema } }, async (request, reply) =>
    feed(request, reply, { districtId: request.params.id }, `/api/public/feeds/districts/${request.params.id}`, `district/${request.params.id}`));

  // Staff: the publication queue, preview, publish, withdraw.
  app.get('/api/disclosure/queue', { schema: { tags: TAGS, summary: '行政处罚公示: decisions due for publication, withdrawals due, published records' } }, async (request, reply) => {
    const denied = checkPermission(request, 'disclosure.publish');
    if (denied) return sendRefusal(request, reply, denied);
    return publicationQueue(db, request.principal!, clock());
  });

  app.get('/api/disclosure/cases/:caseId/preview', { schema: { tags: TAGS, summary: 'The redacted record as it would be published', params: caseParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'disclosure.publish');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await previewPublication(db, request.principal!, request.params.caseId));
  });

  app.post('/api/disclosure/cases/:caseId/publish', { schema: { tags: TAGS, summary: 'Publish the redacted decision (行政处罚法 第四十八条第一款; audited)', params: caseParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'disclosure.publish');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await publishDecision(db, request.principal!, request.params.caseId, clock()), 201);
  });

  app.post('/api/disclosure/publications/:id/withdraw', { schema: { tags: TAGS, summary: 'Withdraw a published decision with its public reason (第四十八条第二款; audited)', params: idParamsSchema, body: withdrawSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'disclosure.publish');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await withdrawPublication(db, request.principal!, request.params.id, request.body.reason, clock()));
  });
};
