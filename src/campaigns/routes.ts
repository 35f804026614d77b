import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import type { Result } from '../law/outcome.js';
import {
  annualTaskInputSchema, annualTaskParamsSchema, annualTaskUpdateSchema, campaignInputSchema, campaignParamsSchema, campaignUpdateSchema, completeSchema, inspectionInputSchema, itemParamsSchema,
  monthQuerySchema, reasonSchema, reportInputSchema, yearQuerySchema,
} from './schema.js';
import { annualTaskDetail, annualTaskList, campaignYearFigures, createAnnualTask, dispatchView, fileReport, updateAnnualTask } from './annual-actions.js';
import { buildYearFiguresWorkbook } from './excel.js';
import {
  campaignDetail, campaignFigures, campaignList, completeItem, createCampaign, escalateItem, leadFromItem, orderDocument, recordInspection,
  updateCampaign, verifyItem,
  registryTargets,
} from './actions.js';

const TAGS = ['campaigns'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const campaignRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));

  app.get('/api/campaigns', { schema: { tags: TAGS, summary: '专项整治: the campaigns' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await campaignList(db, request.principal!);
    if (!r.ok) return sendRefusal(request, reply, r);
    return { items: r.value };
  });

  app.post('/api/campaigns', { schema: { tags: TAGS, summary: 'Create a campaign: basis, period, districts, checklist, targets (audited)', body: campaignInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'campaign.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await createCampaign(db, request.principal!, request.body, clock()), 201);
  });

  app.get('/api/campaigns/registry-targets', { schema: { tags: TAGS, summary: 'Targets from the water-quality registry: sections and the rivers they lie on' } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await registryTargets(db, request.principal!));
  });

  app.get('/api/campaigns/figures', { schema: { tags: TAGS, summary: 'The year’s figures: per campaign, annual tasks, joint operations (for the year-end report)', querystring: yearQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return campaignYearFigures(db, request.query.year, clock());
  });

  app.get('/api/campaigns/figures/export', { schema: { tags: TAGS, summary: 'The year’s figures as .xlsx', querystring: yearQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const buffer = await buildYearFiguresWorkbook(await campaignYearFigures(db, request.query.year, clock()));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="campaigns-${request.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`专项整治年度数据${request.query.year}.xlsx`)}`).send(buffer);
  });

  // 年度重点任务: every staff member reads them (enterprise users are refused by the action).
  app.get('/api/annual-tasks', { schema: { tags: TAGS, summary: '年度重点任务 of a year, with outcome and late monthly reports', querystring: yearQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await annualTaskList(db, request.principal!, request.query.year, clock());
    return r.ok ? { items: r.value } : sendRefusal(request, reply, r);
  });

  app.post('/api/annual-tasks', { schema: { tags: TAGS, summary: 'Create an annual task: lead and co-departments, due date (audited)', body: annualTaskInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'campaign.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await createAnnualTask(db, request.principal!, request.body, clock()), 201);
  });

  app.put('/api/annual-tasks/:id', { schema: { tags: TAGS, summary: 'Edit an annual task (version-checked; the year stays; reported departments stay) (audited)', params: annualTaskParamsSchema, body: annualTaskUpdateSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'campaign.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await updateAnnualTask(db, request.principal!, request.params.id, request.body, clock()));
  });

  app.get('/api/annual-tasks/dispatch', { schema: { tags: TAGS, summary: '月调度: per task and department, who reported for the month and who is late', querystring: monthQuerySchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await dispatchView(db, request.principal!, request.query.month, clock()));
  });

  app.get('/api/annual-tasks/:id', { schema: { tags: TAGS, summary: 'One annual task with its monthly reports', params: annualTaskParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await annualTaskDetail(db, request.principal!, request.params.id, clock()));
  });

  app.post('/api/annual-tasks/:id/reports', { schema: { tags: TAGS, summary: 'A department’s monthly progress report; a second one for the month updates it (audited)', params: annualTaskParamsSchema, body: reportInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'enterprise.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await fileReport(db, request.principal!, request.params.id, request.body, clock());
    return r.ok ? reply.code(r.value.created ? 201 : 200).send(r.value.report) : sendRefusal(request, reply, r);
  });

  app.get('/api/campaigns/:id', { schema: { tags: TAGS, summary: 'One campaign: targets, inspections, rectification items with their actions, figures', params: campaignParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await campaignDetail(db, request.principal!, request.params.id, clock()));
  });

  app.put('/api/campaigns/:id', { schema: { tags: TAGS, summary: 'Edit a campaign (version-checked; inspected targets stay) (audited)', params: campaignParamsSchema, body: campaignUpdateSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'campaign.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await updateCampaign(db, request.principal!, request.params.id, request.body, clock()));
  });

  app.get('/api/campaigns/:id/figures', { schema: { tags: TAGS, summary: 'Figures: targets, inspected, problems, orders (督办单), fixed, verified', params: campaignParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await campaignFigures(db, request.principal!, request.params.id));
  });

  app.post('/api/campaigns/:id/inspections', { schema: { tags: TAGS, summary: 'Record an inspection; each problem becomes a rectification item (audited)', params: campaignParamsSchema, body: inspectionInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await recordInspection(db, request.principal!, request.params.id, request.body, clock()), 201);
  });

  app.post('/api/campaigns/:id/items/:itemId/complete', { schema: { tags: TAGS, summary: 'Report an item rectified, with its evidence (audited)', params: itemParamsSchema, body: completeSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await completeItem(db, request.principal!, request.params.id, request.params.itemId, request.body, clock()));
  });

  app.post('/api/campaigns/:id/items/:itemId/verify', { schema: { tags: TAGS, summary: '销号: verify a reported completion (audited)', params: itemParamsSchema, body: reasonSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'campaign.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await verifyItem(db, request.principal!, request.params.id, request.params.itemId, request.body?.reason ?? null, clock()));
  });

  app.post('/api/campaigns/:id/items/:itemId/escalate', { schema: { tags: TAGS, summary: '督办: an overdue item gets a numbered 督办单 (audited)', params: itemParamsSchema, body: reasonSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'campaign.manage');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await escalateItem(db, request.principal!, request.params.id, request.params.itemId, request.body?.reason ?? null, clock()), 201);
  });

  app.post('/api/campaigns/:id/items/:itemId/lead', { schema: { tags: TAGS, summary: '转为线索: register a case lead from the item (audited)', params: itemParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendRefusal(request, reply, denied);
    return send(request, reply, await leadFromItem(db, request.principal!, request.params.id, request.params.itemId, clock()), 201);
  });

  app.get('/api/campaigns/:id/items/:itemId/order', { schema: { tags: TAGS, summary: 'The item’s 督办单 as Word (.docx)', params: itemParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await orderDocument(db, request.principal!, request.params.id, request.params.itemId);
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="order.docx"; filename*=UTF-8''${encodeURIComponent(r.value.fileName)}`)
      .send(r.value.body);
  });
};
