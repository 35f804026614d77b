import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/index.js';
import { sessions, users } from '../../users/tables.js';
import { refuse, type Refusal } from '../../law/outcome.js';
import { pickLocale, type Locale } from '../i18n/messages.js';
import { can, type Permission, type Principal } from './roles.js';
import { sendRefusal } from '../http/outcome-to-http.js';

export const SESSION_COOKIE = 'ecogov_session';
export const SESSION_HOURS = 12;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests that create a session cannot carry its CSRF token yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionId: string | null;
    csrfToken: string | null;
    locale: Locale;
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(db: Db, userId: number, now: Date): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  // Expired sessions are cleared opportunistically at each login.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({ id: sha256(token), userId, csrfToken, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

async function loadSession(db: Db, token: string, now: Date) {
  const id = sha256(token);
  const [row] = await db.select({
    csrfToken: sessions.csrfToken, id: users.id, username: users.username, displayName: users.displayName,
    role: users.role, districtId: users.districtId, enterpriseId: users.enterpriseId, active: users.active,
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now))).limit(1);
  if (!row || !row.active) return null;
  const { csrfToken, active: _active, ...principal } = row;
  return { id, csrfToken, principal: principal as Principal };
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the session cookie to a principal and enforces CSRF on state-changing requests. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(opts.db, token, new Date());
      if (session) {
        request.principal = session.principal;
        request.sessionId = session.id;
        request.csrfToken = session.csrfToken;
      }
    }
    const path = request.url.split('?')[0]!;
    if (UNSAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path) && request.csrfToken) {
      // Double-submit: the token is readable only by our own pages (from /api/auth/me), never by another site.
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !tokensEqual(header, request.csrfToken)) {
        return sendRefusal(request, reply, refuse('CSRF_TOKEN_INVALID'));
      }
    }
  });
});

/** null when allowed; otherwise 401 for anonymous users, 403 for a role without the permission. */
export function checkPermission(request: FastifyRequest, permission: Permission): Refusal | null {
  if (!request.principal) return refuse('UNAUTHENTICATED');
  if (!can(request.principal, permission)) return refuse('FORBIDDEN');
  return null;
}
