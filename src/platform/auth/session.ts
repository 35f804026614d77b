import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
// request.cookies is typed by the cookie plugin's augmentation, whichever project compiles this file.
import type {} from '@fastify/cookie';
import fp from 'fastify-plugin';
import type { Db, DbOrTx } from '../db/index.js';
import { sessions, users } from '../../users/tables.js';
import { refuse, type Refusal } from '../../law/outcome.js';
import { pickLocale, type Locale } from '../i18n/messages.js';
import { can, type Permission, type Principal } from './roles.js';
import { sendRefusal } from '../http/outcome-to-http.js';
import { changeCache, syncChangeFeed, type DropRule } from '../db/change-feed.js';

export const SESSION_COOKIE = 'ecogov_session';
export const SESSION_HOURS = 12;
/** A session with no request for this long is over (ECOGOV_SESSION_IDLE_MINUTES). */
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;
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
  await db.insert(sessions).values({ id: sha256(token), userId, csrfToken, createdAt: now, expiresAt, lastSeenAt: now });
  return { token, csrfToken, expiresAt };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user at once (disabled, password reset). */
export async function destroyUserSessions(db: DbOrTx, userId: number): Promise<number> {
  return (await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).length;
}

/**
 * A session looked up in the last few seconds is answered from this process's memory. Ending it
 * (logout, disable, password reset, expiry sweep) or changing its user (role, district, active) drops
 * it at once in every process: the triggers of drizzle/0023 NOTIFY in the changing transaction.
 */
export const SESSION_CACHE_MS = 5_000;
interface CachedSession { csrfToken: string; expiresAt: Date; lastSeenAt: Date; principal: Principal }
const sessionDrops: DropRule<CachedSession> = (payload, key, v) =>
  payload === `s:${key}` || payload === `u:${v.principal.id}` || payload === 't:sessions' || payload === 't:users';

async function readSession(db: Db, id: string): Promise<CachedSession | null> {
  const [row] = await db.select({
    csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, id: users.id, username: users.username, displayName: users.displayName,
    role: users.role, districtId: users.districtId, enterpriseId: users.enterpriseId, active: users.active,
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id)).limit(1);
  if (!row || !row.active) return null;
  const { csrfToken, expiresAt, lastSeenAt, active: _active, ...principal } = row;
  return { csrfToken, expiresAt, lastSeenAt, principal: principal as Principal };
}

async function loadSession(db: Db, token: string, now: Date, idleMinutes: number) {
  const id = sha256(token);
  const cache = changeCache<CachedSession>(db, 'sessions', SESSION_CACHE_MS, 50_000, sessionDrops);
  let session = cache?.get(id);
  if (session) {
    // A change committed just before this request may still sit unread in this turn's I/O: let it land.
    await new Promise<void>((resolve) => setImmediate(resolve));
    session = cache!.get(id);
  }
  if (!session) {
    const generation = cache?.begin() ?? 0;
    const loaded = await readSession(db, id);
    if (!loaded) return null;
    session = loaded;
    cache?.set(id, session, generation);
  }
  const idleSince = now.getTime() - idleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now.getTime() || session.lastSeenAt.getTime() <= idleSince) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    session.lastSeenAt = now;
  }
  return { id, csrfToken: session.csrfToken, principal: session.principal };
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the session cookie to a principal and enforces CSRF on state-changing requests. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; idleMinutes?: number }) => {
  const idleMinutes = opts.idleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'zh-CN');
  // A change (logout, disable, settings …) answers only once its notification has reached this
  // process's listener, hence left PostgreSQL for every instance's: the next request, wherever it
  // lands, finds the old entry gone (change-feed.ts).
  app.addHook('onSend', async (request) => {
    if (UNSAFE_METHODS.has(request.method) && request.url.startsWith('/api/')) await syncChangeFeed(opts.db);
  });
  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(opts.db, token, new Date(), idleMinutes);
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
