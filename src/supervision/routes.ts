import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { sendWithEtag } from '../platform/http/public-api.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import { enterprises } from '../enterprises/index.js';
import { users } from '../users/index.js';
import {
  admissionSchema, completeSchema, complaintInputSchema, complaintSchema, complaintUpdateSchema, drawInputSchema, drawSchema, drawSummarySchema,
  enterpriseQuerySchema, idParamsSchema, keyEntrySchema, keyListQuerySchema, positiveEntrySchema, proposeSchema, reasonSchema, recomputeResultSchema,
  rectificationInputSchema, rectificationSchema, riskItemSchema, riskListSchema, riskQuerySchema, riskWeightSetsSchema, riskWeightsActivatedSchema, riskWeightsCreatedSchema,
  riskWeightsInputSchema, stepParamsSchema, verifySchema, versionParamsSchema,
} from './schema.js';
import { listPublishedPositiveList } from './queries.js';
import { csvAttachment, csvStream } from '../platform/http/csv.js';
import { findDraw, listComplaints, listDraws, listKeyList, listPositiveList, listRectifications, listRiskWeightSets, loadRiskWeights } from './queries.js';
import { RISK_WEIGHTS_V1 } from './data.js';
import {
  activateRiskWeights, addRiskWeights, checkAdmission, completeRectification, computeRiskRanking, createComplaint, createDraw, createRectification, leadFromComplaint,
  proposePositiveList, recomputeKeyList, stepPositiveList, updateComplaint, verifyDraw,
} from './actions.js';
import { inspectionDraws } from './tables.js';
import { actorOf } from '../platform/audit/log.js';
import { can } from '../platform/auth/roles.js';
import './index.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const itemsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const supervisionRoutes: FastifyPluginAsyncZod<{ db: Db; clock?: () => Date }> = async (app, { db, clock = () => new Date() }) => {
  const presentComplaint = (c: Awaited<ReturnType<typeof listComplaints>>[number]) => ({ ...c.complaint, enterpriseName: c.enterpriseName });

  app.get('/api/supervision/complaints', {
    schema: { tags: ['supervision'], summary: '信访投诉 records', querystring: enterpriseQuerySchema, response: { 200: itemsOf(complaintSchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { items: (await listComplaints(db, request.principal!, request.query.enterpriseId)).map(presentComplaint) };
  });

  app.post('/api/supervision/complaints', {
    schema: { tags: ['supervision'], body: complaintInputSchema, response: { 201: z.object({ id: z.number() }), ...errors } },
  }, async (request, reply) => {
    const r = await createComplaint(db, request.principal!, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send({ id: r.value.id });
  });

  app.put('/api/supervision/complaints/:id', {
    schema: { tags: ['supervision'], params: idParamsSchema, body: complaintUpdateSchema, response: { 200: z.object({ id: z.number(), version: z.number() }), ...errors } },
  }, async (request, reply) => {
    const r = await updateComplaint(db, request.principal!, request.params.id, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return { id: r.value.id, version: r.value.version };
  });

  app.post('/api/supervision/complaints/:id/lead', {
    schema: { tags: ['supervision'], summary: 'Turn a complaint into a lead (线索)', params: idParamsSchema, response: { 201: z.object({ leadId: z.number() }), ...errors } },
  }, async (request, reply) => {
    const r = await leadFromComplaint(db, request.principal!, request.params.id, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(r.value);
  });

  app.get('/api/supervision/rectifications', {
    schema: { tags: ['supervision'], querystring: enterpriseQuerySchema, response: { 200: itemsOf(rectificationSchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const today = chinaDateOf(clock());
    return {
      items: (await listRectifications(db, request.principal!, request.query.enterpriseId)).map((r) => ({
        ...r.rectification, enterpriseName: r.enterpriseName, overdue: r.rectification.completedOn === null && r.rectification.dueOn < today,
      })),
    };
  });

  app.post('/api/supervision/rectifications', {
    schema: { tags: ['supervision'], body: rectificationInputSchema, response: { 201: z.object({ id: z.number() }), ...errors } },
  }, async (request, reply) => {
    const r = await createRectification(db, request.principal!, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send({ id: r.value.id });
  });

  app.post('/api/supervision/rectifications/:id/complete', {
    schema: { tags: ['supervision'], params: idParamsSchema, body: completeSchema, response: { 200: z.object({ id: z.number() }), ...errors } },
  }, async (request, reply) => {
    const r = await completeRectification(db, request.principal!, request.params.id, request.body.completedOn, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return { id: r.value.id };
  });

  app.get('/api/supervision/risk', {
    schema: { tags: ['supervision'], summary: 'Risk ranking, each score with its factors\' contributions', querystring: riskQuerySchema, response: { 200: riskListSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const ranking = await computeRiskRanking(db, request.principal!, clock(), request.query.districtId ? { districtId: request.query.districtId } : {});
    const { version } = await loadRiskWeights(db, chinaDateOf(clock()));
    return { total: ranking.length, weightsVersion: version, items: ranking.slice(0, request.query.limit) };
  });

  app.get('/api/supervision/risk/:id', {
    schema: { tags: ['supervision'], params: idParamsSchema, response: { 200: riskItemSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const [item] = await computeRiskRanking(db, request.principal!, clock(), { ids: [request.params.id] });
    if (!item) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return item;
  });

  app.get('/api/supervision/risk-weights', {
    schema: { tags: ['supervision'], response: { 200: riskWeightSetsSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const current = await loadRiskWeights(db, chinaDateOf(clock()));
    const versions = (await listRiskWeightSets(db)).map(({ set: v, createdByName }) => ({
      version: v.version, effectiveFrom: v.effectiveFrom, note: v.note, weights: v.weights, builtIn: false, createdAt: v.createdAt.toISOString(), createdByName,
      activatedAt: iso(v.activatedAt), inForce: v.version === current.version,
    }));
    const builtIn = { version: 1, effectiveFrom: null, note: '内置权重（版本 1）', weights: RISK_WEIGHTS_V1, builtIn: true, createdAt: null, createdByName: null, activatedAt: null, inForce: current.version === 1 };
    return { current, versions: [...versions, builtIn] };
  });

  app.post('/api/supervision/risk-weights', {
    schema: { tags: ['supervision'], summary: 'A new version of the risk weights (a draft unless activate=true)', body: riskWeightsInputSchema, response: { 201: riskWeightsCreatedSchema, ...errors } },
  }, async (request, reply) => {
    const r = await addRiskWeights(db, request.principal!, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(r.value);
  });

  app.post('/api/supervision/risk-weights/:version/activate', {
    schema: { tags: ['supervision'], summary: 'Activate a version of the risk weights (audited)', params: versionParamsSchema, body: reasonSchema, response: { 200: riskWeightsActivatedSchema, ...errors } },
  }, async (request, reply) => {
    const r = await activateRiskWeights(db, request.principal!, request.params.version, request.body?.reason ?? null, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return r.value;
  });

  const presentPositive = (e: Awaited<ReturnType<typeof listPositiveList>>[number]) => ({
    id: e.entry.id, enterpriseId: e.entry.enterpriseId, enterpriseName: e.enterpriseName, status: e.entry.status, admission: e.entry.admission,
    proposedAt: e.entry.proposedAt.toISOString(), approvedAt: iso(e.entry.approvedAt), publishedAt: iso(e.entry.publishedAt), removedAt: iso(e.entry.removedAt),
    removalReason: e.entry.removalReason,
  });

  app.get('/api/supervision/positive-list', {
    schema: { tags: ['supervision'], summary: '正面清单 entries (all statuses: the history)', response: { 200: itemsOf(positiveEntrySchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    return { items: (await listPositiveList(db, request.principal!)).map(presentPositive) };
  });

  app.get('/api/supervision/positive-list/admission/:id', {
    schema: { tags: ['supervision'], summary: 'The admission criteria, judged for an enterprise', params: idParamsSchema, response: { 200: admissionSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const found = await checkAdmission(db, request.params.id, request.principal!, clock());
    if (!found) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { enterpriseId: request.params.id, check: found.check };
  });

  app.post('/api/supervision/positive-list', {
    schema: { tags: ['supervision'], summary: 'Propose an enterprise for the positive list', body: proposeSchema, response: { 201: z.object({ id: z.number() }), ...errors } },
  }, async (request, reply) => {
    const r = await proposePositiveList(db, request.principal!, request.body.enterpriseId, clock());
    if (!r.ok) return sendRefusal(request, reply, r, r.params);
    return reply.code(201).send({ id: r.value.id });
  });

  app.post('/api/supervision/positive-list/:id/:step', {
    schema: { tags: ['supervision'], summary: 'approve / reject / publish / remove', params: stepParamsSchema, body: reasonSchema, response: { 200: z.object({ id: z.number(), status: z.string() }), ...errors } },
  }, async (request, reply) => {
    const r = await stepPositiveList(db, request.principal!, request.params.id, request.params.step, request.body?.reason ?? null, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return { id: r.value.id, status: r.value.status };
  });

  app.get('/api/supervision/key-list', {
    schema: { tags: ['supervision'], summary: '重点执法监管名单 (history=true: with exits)', querystring: keyListQuerySchema, response: { 200: itemsOf(keyEntrySchema), ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const rows = await listKeyList(db, request.principal!, request.query.history === 'true');
    return { items: rows.map((r) => ({ ...r.entry, enterpriseName: r.enterpriseName, enteredAt: r.entry.enteredAt.toISOString(), exitedAt: iso(r.entry.exitedAt) })) };
  });

  app.post('/api/supervision/key-list/recompute', {
    schema: { tags: ['supervision'], summary: 'Recompute the key supervision list now', response: { 200: recomputeResultSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return recomputeKeyList(db, clock(), undefined, actorOf(request.principal!));
  });

  const presentDraw = async (d: typeof inspectionDraws.$inferSelect) => {
    const eIds = d.result.items.map((i) => i.enterpriseId);
    const oIds = [...new Set(d.result.items.flatMap((i) => i.officerIds))];
    const names = new Map((eIds.length ? await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, eIds)) : []).map((e) => [e.id, e.name]));
    const officers = new Map((oIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, oIds)) : []).map((u) => [u.id, u.name]));
    return {
      id: d.id, title: d.title, seed: d.seed, drawnAt: d.drawnAt.toISOString(), weightsVersion: d.weightsVersion, poolSize: d.pool.candidates.length, districtId: d.districtId,
      items: d.result.items.map((i) => ({ ...i, enterpriseName: names.get(i.enterpriseId) ?? '', officerNames: i.officerIds.map((o) => officers.get(o) ?? String(o)) })),
      excluded: d.result.excluded,
    };
  };

  app.get('/api/supervision/draws', {
    schema: { tags: ['supervision'], response: { 200: drawSummarySchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const rows = await listDraws(db, request.principal!);
    return { items: rows.map((d) => ({ id: d.id, title: d.title, seed: d.seed, drawnAt: d.drawnAt.toISOString(), drawn: d.result.items.length, districtId: d.districtId })) };
  });

  app.post('/api/supervision/draws', {
    schema: { tags: ['supervision'], summary: '双随机 draw: enterprises (risk-weighted) and officers, from a recorded seed', body: drawInputSchema, response: { 201: drawSchema, ...errors } },
  }, async (request, reply) => {
    const r = await createDraw(db, request.principal!, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(await presentDraw(r.value));
  });

  app.get('/api/supervision/draws/:id', {
    schema: { tags: ['supervision'], params: idParamsSchema, response: { 200: drawSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'supervision.read');
    if (denied) return sendRefusal(request, reply, denied);
    const d = await findDraw(db, request.params.id, request.principal!);
    if (!d) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return presentDraw(d);
  });

  app.get('/api/supervision/draws/:id/verify', {
    schema: { tags: ['supervision'], summary: 'Re-run the draw from its seed and pool snapshot', params: idParamsSchema, response: { 200: verifySchema, ...errors } },
  }, async (request, reply) => {
    if (!can(request.principal, 'supervision.read')) return sendRefusal(request, reply, checkPermission(request, 'supervision.read')!);
    const d = await findDraw(db, request.params.id, request.principal!);
    if (!d) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { id: d.id, reproducible: verifyDraw(d) };
  });

  // ——— Public (no login): 正面清单, enterprise names only ———
  const publicRoute = { config: { rateLimit: { max: 120, timeWindow: 60_000 } } };
  // Open CORS and ETag / If-None-Match as every public route (src/platform/http/public-api.ts).
  const publicPositiveList = async () => (await listPublishedPositiveList(db)).map((r) => ({ ...r, publishedAt: iso(r.publishedAt) }));
  app.get('/api/public/positive-list', { ...publicRoute, schema: { tags: ['public'], security: [], summary: '正面清单 (published): enterprise names and districts only, no login' } },
    async (request, reply) => sendWithEtag(request, reply, { items: await publicPositiveList() }));
  app.get('/api/public/positive-list.csv', { ...publicRoute, schema: { tags: ['public'], security: [], summary: '正面清单 as CSV (UTF-8 with BOM)' } }, async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', csvAttachment('positive-list.csv', '监督执法正面清单.csv')).send(csvStream([
      { header: '企业名称', value: (r: Awaited<ReturnType<typeof publicPositiveList>>[number]) => r.enterpriseName },
      { header: '区县', value: (r) => r.districtName },
      { header: '公布时间', value: (r) => r.publishedAt },
    ], await publicPositiveList())));
};
