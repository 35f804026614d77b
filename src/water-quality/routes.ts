import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { sendWithEtag } from '../platform/http/public-api.js';
import { messageFor } from '../platform/i18n/messages.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { actorOf } from '../platform/audit/log.js';
import { refuse } from '../law/outcome.js';
import { listPublications, readTable, attachmentHeader, buildRankingBulletin, buildRankingWorkbook, DOCX_TYPE, XLSX_TYPE, type RankingDocument } from '../air-quality/index.js';
import * as s from './schema.js';
import { listSamples, listSites } from './queries.js';
import { computeWaterSummary, createSite, doubleIndexTitle, importSamples, publishDoubleIndex, updateSite, type SampleError } from './actions.js';
import { mapSampleTable } from './sample-file.js';
import { SURFACE_CLASS_LABELS } from './rules/standards/gb3838.js';
import { SEA_CLASS_LABELS } from './rules/standards/gb3097.js';
import type { DoubleIndexRow } from './rules/evaluation.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const localise = (request: FastifyRequest, list: readonly SampleError[]) => list.map((e) => ({ ...e, message: messageFor(e.code, request.locale) }));

function doubleIndexDocument(title: string, rows: readonly DoubleIndexRow[], summary: Awaited<ReturnType<typeof computeWaterSummary>>, issuedOn: string): RankingDocument<DoubleIndexRow> {
  const n = summary.nationalSections;
  const sd = summary.seaAndDrinking;
  return {
    title, rows, issuer: '烟台市生态环境局', issuedOn,
    columns: [
      { header: '区市', width: 22, value: (r) => r.districtName }, { header: '评价断面数', width: 10, value: (r) => r.sections },
      { header: '优良指数(%)', width: 12, value: (r) => r.excellentIndex }, { header: '优良指数排名', width: 12, value: (r) => r.excellentRank },
      { header: '达标指数(%)', width: 12, value: (r) => r.complianceIndex }, { header: '达标指数排名', width: 12, value: (r) => r.complianceRank },
    ],
    intro: [
      `依据《地表水环境质量标准》（GB 3838-2002）和《地表水环境质量评价办法（试行）》，采用单因子评价法，现将各区市水环境质量优良指数和达标指数排名情况通报如下。优良指数为Ⅰ～Ⅲ类断面占评价断面比例，达标指数为达到年度考核目标的断面比例（断流断面不参与评价）。`,
      `国控断面除断流外评价${n.assessed}个，达到年度考核目标${n.onTarget}个（${n.onTargetShare ?? '—'}%）；饮用水水源地达标率${sd.drinkingAttainmentRate ?? '—'}%；近岸海域优良（一、二类）比例${sd.seaExcellentShare ?? '—'}%。`,
    ],
    notes: ['排名数值相同的并列。'],
  };
}

export const waterQualityRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const denied = (request: FastifyRequest, reply: FastifyReply, permission: 'quality.read' | 'quality.manage') => {
    const refusal = checkPermission(request, permission);
    return refusal ? sendRefusal(request, reply, refusal) : null;
  };

  app.get('/api/water-quality/sites', {
    schema: { tags: ['water-quality'], summary: 'Sections, drinking-water sources, sea points', querystring: s.siteFilterSchema, response: { 200: s.siteListSchema, ...errors } },
  }, async (request, reply) => denied(request, reply, 'quality.read') ?? { items: await listSites(db, request.query) });

  app.post('/api/water-quality/sites', {
    schema: { tags: ['water-quality'], body: s.siteInputSchema, response: { 201: s.siteSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await createSite(db, request.principal!, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });

  app.put('/api/water-quality/sites/:id', {
    schema: { tags: ['water-quality'], params: s.idParamsSchema, body: s.siteUpdateSchema, response: { 200: s.siteSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await updateSite(db, request.principal!, request.params.id, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.get('/api/water-quality/sites/:id/samples', {
    schema: { tags: ['water-quality'], params: s.idParamsSchema, querystring: s.samplesQuerySchema, response: { 200: s.sampleListSchema, ...errors } },
  }, async (request, reply) => denied(request, reply, 'quality.read') ?? { items: await listSamples(db, request.query.from, request.query.to, request.params.id) });

  app.post('/api/water-quality/samples', {
    schema: { tags: ['water-quality'], summary: 'Add or replace monthly samples (all-or-nothing unless skipInvalid)', body: s.sampleBatchSchema, response: { 200: s.sampleImportSummarySchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const rows = request.body.rows.map((input, i) => ({ row: i + 1, input }));
    const result = await importSamples(db, actorOf(request.principal!), rows, [], { skipInvalid: request.body.skipInvalid, source: 'api' }, new Date());
    if (!result.ok) return sendRefusal(request, reply, { ...result, field: 'rows' }, 'errors' in result ? { errors: localise(request, result.errors) } : undefined);
    return { ...result.value, errors: localise(request, result.value.errors) };
  });

  app.post('/api/water-quality/samples/import', {
    schema: { tags: ['water-quality'], summary: 'Import monthly samples from CSV or .xlsx (multipart field "file")', querystring: s.importQuerySchema, response: { 200: s.sampleImportSummarySchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const file = request.isMultipart() ? await request.file() : undefined;
    if (!file) return sendRefusal(request, reply, refuse('IMPORT_FILE_REQUIRED', undefined, 'file'));
    const table = await readTable(await file.toBuffer(), file.filename || 'upload.csv');
    if (!table) return sendRefusal(request, reply, refuse('IMPORT_FILE_UNREADABLE', undefined, 'file'));
    const mapped = mapSampleTable(table);
    if ('missingColumn' in mapped) return sendRefusal(request, reply, refuse('IMPORT_HEADER_MISSING', undefined, mapped.missingColumn));
    const result = await importSamples(db, actorOf(request.principal!), mapped.rows, mapped.problems, { skipInvalid: request.query.skipInvalid, source: file.filename || 'upload' }, new Date());
    if (!result.ok) return sendRefusal(request, reply, { ...result, field: 'file' }, 'errors' in result ? { errors: localise(request, result.errors) } : undefined);
    return { ...result.value, errors: localise(request, result.value.errors) };
  });

  app.get('/api/water-quality/summary', {
    schema: { tags: ['water-quality'], summary: 'Evaluation of a year or month: classes, targets, shares, double index, drinking water, sea', querystring: s.periodQuerySchema, response: { 200: s.summarySchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const { period } = request.query;
    const summary = await computeWaterSummary(db, period);
    return {
      period, title: doubleIndexTitle(period), config: { ...summary.config, levels: [...summary.config.levels] },
      sections: summary.sections, nationalSections: summary.nationalSections, seaAndDrinking: summary.seaAndDrinking, doubleIndex: summary.doubleIndex,
      evaluations: summary.evaluations.map(({ site, citation: _c, ...e }) => ({
        ...e, code: site.code, districtName: site.districtName, waterName: site.waterName, longitude: site.longitude, latitude: site.latitude,
        classLabel: e.class === null ? null : e.kind === 'sea_point' ? SEA_CLASS_LABELS[e.class]! : SURFACE_CLASS_LABELS[e.class]!.nameZh,
        colour: e.class === null || e.kind === 'sea_point' ? null : SURFACE_CLASS_LABELS[e.class]!.colour,
      })),
      publications: (await listPublications(db, { ranking: 'water_district_period', period })).map((p) => ({ id: p.id, period: p.period, title: p.title, publishedAt: p.publishedAt.toISOString(), publishedByName: p.publishedByName })),
    };
  });

  app.get('/api/water-quality/double-index/export', {
    schema: { tags: ['water-quality'], summary: 'The double-index ranking as .xlsx or a Word bulletin', querystring: s.exportQuerySchema },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const { period, format } = request.query;
    const summary = await computeWaterSummary(db, period);
    const title = doubleIndexTitle(period);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const doc = doubleIndexDocument(title, summary.doubleIndex, summary, `${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日`);
    const buffer = format === 'docx' ? await buildRankingBulletin(doc) : await buildRankingWorkbook(doc);
    return reply.type(format === 'docx' ? DOCX_TYPE : XLSX_TYPE).header('content-disposition', attachmentHeader(`water-double-index-${period}.${format}`, `${title}.${format}`)).send(buffer);
  });

  app.post('/api/water-quality/double-index/publish', {
    schema: { tags: ['water-quality'], summary: 'Publish the double-index ranking (recorded); raises any triggered sanction', body: s.publishBodySchema },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await publishDoubleIndex(db, request.principal!, request.body.period, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    const { publication, sanctions } = result.value;
    return reply.code(201).send({ publication: { ...publication, publishedAt: publication.publishedAt.toISOString() }, sanctions });
  });

  // ——— Public (no login): the sections' status of a period whose double index was published ———
  // Open CORS and ETag / If-None-Match as every public route (src/platform/http/public-api.ts).
  app.get('/api/public/water/sections', {
    config: { rateLimit: { max: 120, timeWindow: 60_000 } },
    schema: { tags: ['public'], security: [], summary: 'Water sections of a published period (double index published): class, target, met; no login', querystring: s.periodQuerySchema },
  }, async (request, reply) => {
    const { period } = request.query;
    // Only what the bureau has published: a period without a published double index is not public yet.
    if (!(await listPublications(db, { ranking: 'water_district_period', period })).length) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    const summary = await computeWaterSummary(db, period);
    return sendWithEtag(request, reply, {
      period, title: doubleIndexTitle(period),
      items: summary.evaluations.map(({ site, ...e }) => ({
        code: site.code, name: e.name, kind: e.kind, districtName: site.districtName, waterName: site.waterName, dry: e.dry,
        classLabel: e.class === null ? null : e.kind === 'sea_point' ? SEA_CLASS_LABELS[e.class]! : SURFACE_CLASS_LABELS[e.class]!.nameZh,
        targetLabel: e.targetClass === null ? null : e.kind === 'sea_point' ? SEA_CLASS_LABELS[e.targetClass]! : SURFACE_CLASS_LABELS[e.targetClass]!.nameZh,
        meetsTarget: e.meetsTarget,
      })),
    });
  });
};
