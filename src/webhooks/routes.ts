import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import type { Result } from '../law/outcome.js';
import { activeSchema, idParamsSchema, integratorInputSchema } from './schema.js';
import { deliveryLog, integrators, redeliver, registerIntegrator, setActive } from './actions.js';
import { BACKOFF_MINUTES, EVENT_KINDS, MAX_ATTEMPTS } from './rules.js';

const tags = ['webhooks'];
const SCHEME = 'Each event is a JSON POST. Headers: X-EcoGov-Event (kind), X-EcoGov-Delivery (id), X-EcoGov-Timestamp (Unix seconds), '
  + 'X-EcoGov-Signature: sha256=<hex of HMAC-SHA256(secret, timestamp + "." + raw body)>. Verify over the raw bytes in constant time and reject a '
  + 'timestamp more than 5 minutes old (replay). Answer 2xx; anything else is retried after 1 min, 5 min, 30 min, 2 h and 12 h, then given up.';

export interface WebhookRouteOptions {
  db: Db; clock: () => Date;
  /** Plain http to localhost (tests, a local receiver); otherwise https only. */
  allowHttpLocalhost?: boolean;
}

export const webhookRoutes: FastifyPluginAsyncZod<WebhookRouteOptions> = async (app, { db, clock, allowHttpLocalhost }) => {
  const allowLocal = allowHttpLocalhost ?? (process.env.ECOGOV_WEBHOOKS_ALLOW_HTTP_LOCALHOST === '1' || process.env.VITEST !== undefined);
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const guard = (request: FastifyRequest, reply: FastifyReply) => {
    const denied = checkPermission(request, 'disclosure.manage');
    return denied ? sendRefusal(request, reply, denied) : null;
  };

  app.get('/api/webhooks/integrators', { schema: { tags, summary: `Registered integrators (never their secrets). ${SCHEME}` } }, async (request, reply) => {
    if (guard(request, reply)) return reply;
    return { items: await integrators(db), eventKinds: EVENT_KINDS, backoffMinutes: BACKOFF_MINUTES, maxAttempts: MAX_ATTEMPTS };
  });

  app.post('/api/webhooks/integrators', { schema: { tags, summary: `Register an integrator: https URL, event kinds; the secret is in this answer only (audited). ${SCHEME}`, body: integratorInputSchema } }, async (request, reply) => {
    if (guard(request, reply)) return reply;
    return send(request, reply, await registerIntegrator(db, request.principal!, request.body, clock(), allowLocal), 201);
  });

  app.post('/api/webhooks/integrators/:id/active', { schema: { tags, summary: 'Switch an integrator on or off; off: no new events, no retries (audited)', params: idParamsSchema, body: activeSchema } }, async (request, reply) => {
    if (guard(request, reply)) return reply;
    return send(request, reply, await setActive(db, request.principal!, request.params.id, request.body.active, clock()));
  });

  app.get('/api/webhooks/integrators/:id/deliveries', { schema: { tags, summary: 'The delivery log: newest deliveries, each attempt with status code, duration and next retry', params: idParamsSchema } }, async (request, reply) => {
    if (guard(request, reply)) return reply;
    return send(request, reply, await deliveryLog(db, request.params.id));
  });

  app.post('/api/webhooks/deliveries/:id/redeliver', { schema: { tags, summary: 'Redeliver by hand: due now on a fresh back-off schedule (audited)', params: idParamsSchema } }, async (request, reply) => {
    if (guard(request, reply)) return reply;
    return send(request, reply, await redeliver(db, request.principal!, request.params.id, clock()));
  });
};
