// The public read-only API's HTTP treatment, shared by every capability with routes under /api/public/:
// open CORS for GET (the one OPTIONS preflight route lives in src/disclosure/routes.ts and covers /api/public/*),
// and JSON answered with a strong ETag of its body and 304 on If-None-Match.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Adds the CORS headers to every /api/public/ answer (errors and 304s included). Called once, at the root of the
 * app (src/platform/http/app.ts), so every capability's public routes get it.
 */
export function openPublicCors(app: Pick<FastifyInstance, 'addHook'>): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/public/')) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', 'ETag');
    }
    return payload;
  });
}

/** Whether the client already holds `etag` (If-None-Match, weak or strong, one of a list). */
export function holdsEtag(request: FastifyRequest, etag: string): boolean {
  const h = request.headers['if-none-match'];
  return typeof h === 'string' && h.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag);
}

/** The strong ETag of a JSON body. */
export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** JSON with a strong ETag of its body (or a known one); 304 when the client already holds it. */
export function sendWithEtag(request: FastifyRequest, reply: FastifyReply, value: unknown, knownEtag?: string) {
  const body = JSON.stringify(value);
  const etag = knownEtag ?? etagOf(body);
  // no-cache: a browser revalidates every time (a 304 with the ETag is cheap), so a correction or a withdrawal
  // shows at once instead of after a cached minute.
  reply.header('etag', etag).header('cache-control', 'public, no-cache');
  if (holdsEtag(request, etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/** A 304 for a known ETag before the body is computed (e.g. a list versioned by a counter). */
export function sendNotModified(reply: FastifyReply, etag: string) {
  return reply.header('etag', etag).header('cache-control', 'public, no-cache').code(304).send();
}
