import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  appliedQuerySchema, applyInputSchema, caseParamsSchema, catalogueInputSchema, catalogueUpdateSchema, entryInputSchema, entryUpdateSchema,
  factsInputSchema, groundInputSchema, groundParamsSchema, groundRemoveSchema, idParamsSchema, inForceQuerySchema,
} from './schema.js';
import { findCatalogue, listApplied, listCatalogues, listEntriesInForce } from './queries.js';
import { addEntry, applyExemption, createCatalogue, loadCaseExemption, putCaseFacts, recordGround, removeGround, updateCatalogue, updateEntry } from './actions.js';
import { isCatalogueInForce } from './rules/catalogue.js';
import { STATUTORY_GROUNDS } from './rules/grounds.js';


export const exemptionRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  /** Sends the refusal, or runs `then` on the value. */
  const reply = async <T>(request: FastifyRequest, res: FastifyReply, result: Result<T>, then: (v: T) => unknown) =>
    (result.ok ? then(result.value) : sendRefusal(request, res, result));

  app.get('/api/exemptions/catalogues', { schema: { tags: ['exemptions'], summary: '首违不罚目录清单: every batch, with whether it is in force today' } }, async (request, res) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, res, denied);
    const todayOn = chinaDateOf(clock());
    return { todayOn, items: (await listCatalogues(db)).map((c) => ({ ...c, inForce: isCatalogueInForce(c, todayOn), editable: c.effectiveOn > todayOn })) };
  });

  app.get('/api/exemptions/catalogues/:id', { schema: { tags: ['exemptions'], params: idParamsSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, res, denied);
    const c = await findCatalogue(db, request.params.id);
    if (!c) return sendRefusal(request, res, refuse('NOT_FOUND'));
    const todayOn = chinaDateOf(clock());
    return { ...c, inForce: isCatalogueInForce(c, todayOn), editable: c.effectiveOn > todayOn };
  });

  app.post('/api/exemptions/catalogues', { schema: { tags: ['exemptions'], summary: 'Publish a new batch (takes effect today or later)', body: catalogueInputSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'exemption.manage');
    if (denied) return sendRefusal(request, res, denied);
    return reply(request, res, await createCatalogue(db, request.principal!, request.body, clock()), (v) => res.code(201).send(v));
  });

  app.put('/api/exemptions/catalogues/:id', { schema: { tags: ['exemptions'], summary: 'Edit a batch (once in force, only its expiry)', params: idParamsSchema, body: catalogueUpdateSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'exemption.manage');
    if (denied) return sendRefusal(request, res, denied);
    return reply(request, res, await updateCatalogue(db, request.principal!, request.params.id, request.body, clock()), (v) => v);
  });

  app.post('/api/exemptions/catalogues/:id/entries', { schema: { tags: ['exemptions'], summary: 'Add an entry to a batch not yet in force', params: idParamsSchema, body: entryInputSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'exemption.manage');
    if (denied) return sendRefusal(request, res, denied);
    return reply(request, res, await addEntry(db, request.principal!, request.params.id, request.body, clock()), (v) => res.code(201).send(v));
  });

  app.put('/api/exemptions/entries/:id', { schema: { tags: ['exemptions'], summary: 'Edit an entry of a batch not yet in force', params: idParamsSchema, body: entryUpdateSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'exemption.manage');
    if (denied) return sendRefusal(request, res, denied);
    return reply(request, res, await updateEntry(db, request.principal!, request.params.id, request.body, clock()), (v) => v);
  });

  app.get('/api/exemptions/entries', { schema: { tags: ['exemptions'], summary: 'Entries in force on a day (today by default)', querystring: inForceQuerySchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, res, denied);
    const on = request.query.on ?? chinaDateOf(clock());
    return { on, items: (await listEntriesInForce(db, on)).map(({ entry, catalogue }) => ({ ...entry, catalogueCode: catalogue.code, catalogueTitle: catalogue.title })) };
  });

  app.get('/api/exemptions/grounds', { schema: { tags: ['exemptions'], summary: '行政处罚法 第三十条至第三十三条: the grounds an officer may record' } }, async (request, res) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, res, denied);
    return { items: Object.entries(STATUTORY_GROUNDS).map(([code, g]) => ({ code, ...g })) };
  });

  app.get('/api/exemptions/cases/:caseId', { schema: { tags: ['exemptions'], summary: 'A case against the catalogue: facts, each condition with its evidence, the grounds', params: caseParamsSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, res, denied);
    const r = await loadCaseExemption(db, request.principal!, request.params.caseId, clock());
    if (!r) return sendRefusal(request, res, refuse('NOT_FOUND'));
    return r;
  });

  app.put('/api/exemptions/cases/:caseId/facts', { schema: { tags: ['exemptions'], summary: 'Record the facts the conditions need', params: caseParamsSchema, body: factsInputSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendRefusal(request, res, denied);
    const now = clock();
    return reply(request, res, await putCaseFacts(db, request.principal!, request.params.caseId, request.body, now),
      async () => loadCaseExemption(db, request.principal!, request.params.caseId, now));
  });

  app.post('/api/exemptions/cases/:caseId/apply', { schema: { tags: ['exemptions'], summary: '首违不罚: decide the case as exempted (不予行政处罚决定书, 责令改正, 批评教育)', params: caseParamsSchema, body: applyInputSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.decide');
    if (denied) return sendRefusal(request, res, denied);
    const now = clock();
    return reply(request, res, await applyExemption(db, request.principal!, request.params.caseId, request.body, now),
      async () => loadCaseExemption(db, request.principal!, request.params.caseId, now));
  });

  app.post('/api/exemptions/cases/:caseId/grounds', { schema: { tags: ['exemptions'], summary: 'Record a 第三十条–第三十三条 ground on the case', params: caseParamsSchema, body: groundInputSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendRefusal(request, res, denied);
    return reply(request, res, await recordGround(db, request.principal!, request.params.caseId, request.body, clock()), (v) => res.code(201).send(v));
  });

  app.delete('/api/exemptions/cases/:caseId/grounds/:ground', { schema: { tags: ['exemptions'], summary: 'Remove a recorded ground, with a reason', params: groundParamsSchema, body: groundRemoveSchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendRefusal(request, res, denied);
    return reply(request, res, await removeGround(db, request.principal!, request.params.caseId, request.params.ground, request.body.reason, clock()), (v) => v);
  });

  app.get('/api/exemptions/applied', { schema: { tags: ['exemptions'], summary: 'Exemptions applied (the enterprises counted as exempted)', querystring: appliedQuerySchema } }, async (request, res) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, res, denied);
    return listApplied(db, request.principal!, request.query.year);
  });
};
