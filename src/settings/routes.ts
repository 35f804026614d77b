import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { settingsHistorySchema, settingsPutSchema, settingsSchema } from './schema.js';
import { getSettings, putSettings, settingsHistory } from './actions.js';
import type { StoredSettings } from './queries.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const present = (s: StoredSettings) => ({ value: s.value, version: s.version, updatedAt: s.updatedAt?.toISOString() ?? null, updatedById: s.updatedById });

export const settingsRoutes: FastifyPluginAsyncZod<{ db: Db; clock?: () => Date }> = async (app, { db, clock = () => new Date() }) => {
  app.get('/api/settings', {
    schema: { tags: ['settings'], summary: "The bureau's settings (administrators)", response: { 200: settingsSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'settings.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await getSettings(db, request.principal!);
    if (!result.ok) return sendRefusal(request, reply, result);
    return present(result.value);
  });

  app.put('/api/settings', {
    schema: {
      tags: ['settings'], summary: "Change the bureau's settings: the version read and the reason are required; audited old → new",
      body: settingsPutSchema, response: { 200: settingsSchema, ...errors },
    },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'settings.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await putSettings(db, request.principal!, request.body, clock());
    if (!result.ok) return sendRefusal(request, reply, result);
    return present(result.value);
  });

  app.get('/api/settings/history', {
    schema: { tags: ['settings'], summary: 'Changes of the settings with who, when and why', response: { 200: settingsHistorySchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'settings.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const result = await settingsHistory(db, request.principal!);
    if (!result.ok) return sendRefusal(request, reply, result);
    return { items: result.value.map((h) => ({ ...h, at: h.at.toISOString() })) };
  });
};
