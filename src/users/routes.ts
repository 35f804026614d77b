import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission, destroySession, SESSION_COOKIE, SESSION_HOURS } from '../platform/auth/session.js';
import { ROLE_PERMISSIONS } from '../platform/auth/roles.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { findDistrict } from '../organisation/queries.js';
import { addUser, findUserById, listDirectory, listUsers, login } from './actions.js';
import { actorOf } from '../platform/audit/log.js';
import { directoryQuerySchema, loginSchema, meSchema, newUserSchema } from './schema.js';

export interface UserRoutesOptions { db: Db; secureCookies: boolean; loginRateLimit: { max: number; timeWindow: number } }

async function me(db: Db, request: FastifyRequest, userId: number, csrfToken: string) {
  const user = (await findUserById(db, userId))!;
  const district = user.districtId ? await findDistrict(db, user.districtId) : null;
  return {
    user: {
      id: user.id, username: user.username, displayName: user.displayName, role: user.role,
      districtId: user.districtId, districtName: district?.name ?? null, enterpriseId: user.enterpriseId,
      permissions: [...ROLE_PERMISSIONS[user.role]],
    },
    csrfToken,
  };
}

export const userRoutes: FastifyPluginAsyncZod<UserRoutesOptions> = async (app, { db, secureCookies, loginRateLimit }) => {
  app.post('/api/auth/login', {
    config: { rateLimit: loginRateLimit },
    schema: { tags: ['auth'], body: loginSchema, response: { 200: meSchema, 401: errorSchema, 403: errorSchema, 423: errorSchema, 429: errorSchema } },
  }, async (request, reply) => {
    const result = await login(db, request.body.username, request.body.password, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    reply.setCookie(SESSION_COOKIE, result.value.token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookies, maxAge: SESSION_HOURS * 3600,
    });
    return me(db, request, result.value.userId, result.value.csrfToken);
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: meSchema, 401: errorSchema } } }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    return me(db, request, request.principal.id, request.csrfToken!);
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.sessionId) await destroySession(db, request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/users', { schema: { tags: ['users'] } }, async (request, reply) => {
    const denied = checkPermission(request, 'user.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return { items: await listUsers(db) };
  });

  app.get('/api/users/directory', {
    schema: { tags: ['users'], summary: 'Active staff for pickers (id, name, role, credential, district)', querystring: directoryQuerySchema },
  }, async (request, reply) => {
    if (!request.principal) return sendRefusal(request, reply, refuse('UNAUTHENTICATED'));
    // Enterprise users are not staff: they see no one's credentials.
    if (request.principal.role === 'enterprise_user') return sendRefusal(request, reply, refuse('FORBIDDEN'));
    return { items: await listDirectory(db, request.query.role) };
  });

  app.post('/api/users', { schema: { tags: ['users'], body: newUserSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'user.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await addUser(db, actorOf(request.principal!), request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });
};
