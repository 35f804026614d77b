import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission, destroySession, SESSION_COOKIE, SESSION_HOURS } from '../platform/auth/session.js';
import { ROLE_PERMISSIONS } from '../platform/auth/roles.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { findDistrict } from '../organisation/index.js';
import { addUser, findUserById, listDirectory, listLocks, listUsers, login, resetPassword, setLegalReviewStart, setUserActive, unlockUser } from './actions.js';
import { actorOf } from '../platform/audit/log.js';
import { directoryQuerySchema, legalReviewStartSchema, loginSchema, meSchema, newUserSchema, reasonBodySchema, resetPasswordSchema, userIdParamsSchema } from './schema.js';

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
    const result = await login(db, request.body.username, request.body.password, new Date(), { ip: request.ip });
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
    return { items: await listUsers(db), locks: await listLocks(db, new Date()) };
  });

  const manage = { tags: ['users'], params: userIdParamsSchema, response: { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema } };
  app.post('/api/users/:id/unlock', { schema: { ...manage, summary: 'Lift every sign-in lock of the account (audited)', body: reasonBodySchema.optional(), response: { ...manage.response, 200: z.object({ id: z.number(), cleared: z.number() }) } } }, async (request, reply) => {
    const denied = checkPermission(request, 'user.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await unlockUser(db, actorOf(request.principal!), request.params.id, request.body?.reason ?? null, new Date());
    return result.ok ? result.value : sendRefusal(request, reply, result);
  });
  for (const [path, active] of [['disable', false], ['enable', true]] as const) {
    app.post(`/api/users/:id/${path}`, { schema: { ...manage, summary: active ? 'Re-enable the account' : 'Disable the account and end its sessions at once (reason required)', body: reasonBodySchema, response: { ...manage.response, 200: z.object({ id: z.number(), active: z.boolean(), endedSessions: z.number() }) } } }, async (request, reply) => {
      const denied = checkPermission(request, 'user.manage');
      if (denied) return sendRefusal(request, reply, denied);
      const result = await setUserActive(db, actorOf(request.principal!), request.params.id, active, request.body.reason, new Date());
      return result.ok ? result.value : sendRefusal(request, reply, result);
    });
  }
  app.post('/api/users/:id/legal-review-start', { schema: { ...manage, summary: 'When a legal reviewer began the work (行政处罚法 第五十八条第二款; audited)', body: legalReviewStartSchema, response: { ...manage.response, 200: z.object({ id: z.number(), legalReviewStartedOn: z.string().nullable() }) } } }, async (request, reply) => {
    const denied = checkPermission(request, 'user.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await setLegalReviewStart(db, actorOf(request.principal!), request.params.id, request.body.legalReviewStartedOn, request.body.reason, new Date());
    return result.ok ? result.value : sendRefusal(request, reply, result);
  });
  app.post('/api/users/:id/reset-password', { schema: { ...manage, summary: 'Set (or generate) a new password; ends the sessions, lifts locks', body: resetPasswordSchema, response: { ...manage.response, 200: z.object({ id: z.number(), password: z.string().nullable() }) } } }, async (request, reply) => {
    const denied = checkPermission(request, 'user.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await resetPassword(db, actorOf(request.principal!), request.params.id, request.body.password, request.body.reason, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    // The password is shown once, and only when it was generated here.
    return { id: result.value.id, password: result.value.generated ? result.value.password : null };
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
