import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal, errorBody } from '../platform/http/outcome-to-http.js';
import { sendWithEtag } from '../platform/http/public-api.js';
import { messageFor } from '../platform/i18n/messages.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { actorOf } from '../platform/audit/log.js';
import { refuse } from '../law/outcome.js';
import * as s from './schema.js';
import {
  dataExtent, findStation, listDistrictBoundaries, listHourlyOfStation, listPublications, listSanctions, listStations, listTriggerRules, loadAreaUnits,
} from './queries.js';
import {
  computeAnnualAssessment, computeCompositeRanking, computeDistrictDailyRanking, computeSeries, computeTownshipMonthlyRanking, createStation, createTriggerRule,
  deleteDistrictBoundaries, importDistrictBoundaries, importHourly, liftSanction, publishAirRanking, rankingTitle, resolveUnit, stationsWithDay, updateStation, updateTriggerRule,
  type HourlyImportError,
} from './actions.js';
import { dailyComposite } from './rules/areas.js';
import { findPublication as findQualityPublication } from './queries.js';
import type { SnapshotRow } from './rules/triggers.js';
import { csvAttachment, csvStream } from '../platform/http/csv.js';
import { airRuleSetFor } from './rules/rule-sets.js';
import { aqiLevel } from './rules/aqi.js';
import { civilDateOf, isCivilDate, type HourlyInput } from './rules/hourly-record.js';
import { POLLUTANTS } from './rules/pollutants.js';
import { rankWithTies } from './rules/ranking.js';
import { buildHourlyTemplate, mapHourlyTable, readTable } from './hourly-file.js';
import { findJob, startJob } from './import-jobs.js';
import { attachmentHeader, buildRankingBulletin, buildRankingWorkbook, DOCX_TYPE, XLSX_TYPE } from './export.js';
import { dailyDocument, monthlyDocument, presentDailyRow, presentPeriodRow } from './present.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const iso = (d: Date) => d.toISOString();

const localise = (request: FastifyRequest, list: readonly HourlyImportError[]) => list.map((e) => ({ ...e, message: messageFor(e.code, request.locale) }));

function presentSanction(x: Awaited<ReturnType<typeof listSanctions>>[number]) {
  return { ...x, raisedAt: iso(x.raisedAt) };
}
function presentPublication(p: { id: number; ranking: string; period: string; title: string; publishedAt: Date; publishedByName: string }) {
  return { ...p, publishedAt: iso(p.publishedAt) } as { id: number; ranking: (typeof s.publicationListSchema)['_output']['items'][number]['ranking']; period: string; title: string; publishedAt: string; publishedByName: string };
}

export const airQualityRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const denied = (request: FastifyRequest, reply: FastifyReply, permission: 'quality.read' | 'quality.manage') => {
    const refusal = checkPermission(request, permission);
    return refusal ? sendRefusal(request, reply, refusal) : null;
  };

  // ——— Stations ———
  app.get('/api/air-quality/stations', {
    schema: { tags: ['air-quality'], summary: 'Monitoring stations', querystring: s.stationFilterSchema, response: { 200: s.stationListSchema, ...errors } },
  }, async (request, reply) => denied(request, reply, 'quality.read') ?? { items: await listStations(db, request.query) });

  app.post('/api/air-quality/stations', {
    schema: { tags: ['air-quality'], body: s.stationInputSchema, response: { 201: s.stationSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await createStation(db, request.principal!, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });

  app.put('/api/air-quality/stations/:id', {
    schema: { tags: ['air-quality'], params: s.idParamsSchema, body: s.stationUpdateSchema, response: { 200: s.stationSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await updateStation(db, request.principal!, request.params.id, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.get('/api/air-quality/stations/:id/hours', {
    schema: { tags: ['air-quality'], summary: 'Hourly values of a station-day', params: s.idParamsSchema, querystring: s.stationHoursQuerySchema, response: { 200: s.stationHoursSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const station = await findStation(db, request.params.id);
    if (!station) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { station, date: request.query.date, hours: await listHourlyOfStation(db, station.id, request.query.date) };
  });

  // ——— Hourly data ———
  const toInput = (r: (typeof s.hourlyRowSchema)['_output']): HourlyInput => ({
    stationCode: r.stationCode, date: r.date, hour: r.hour,
    values: Object.fromEntries(POLLUTANTS.map((p) => [p, r[p] ?? null])), flags: r.flags ?? {},
  });

  app.post('/api/air-quality/hourly', {
    schema: {
      tags: ['air-quality'], summary: 'Add or correct hourly values (all-or-nothing unless skipInvalid); recomputes the affected days',
      body: s.hourlyBatchSchema, response: { 200: s.hourlyImportSummarySchema, ...errors },
    },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const rows = request.body.rows.map((r, i) => ({ row: i + 1, input: toInput(r) }));
    const result = await importHourly(db, actorOf(request.principal!), rows, [], { skipInvalid: request.body.skipInvalid, source: 'api' }, new Date());
    if (!result.ok) return sendRefusal(request, reply, { ...result, field: 'rows' }, 'errors' in result ? { errors: localise(request, result.errors) } : undefined);
    return { ...result.value, errors: localise(request, result.value.errors) };
  });

  app.get('/api/air-quality/hourly/import-template', {
    schema: { tags: ['air-quality'], summary: 'Empty hourly import workbook' },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    return reply.type(XLSX_TYPE).header('content-disposition', attachmentHeader('air-hourly-template.xlsx', '空气质量小时数据导入模板.xlsx')).send(await buildHourlyTemplate());
  });

  app.post('/api/air-quality/hourly/import', {
    schema: {
      tags: ['air-quality'], summary: 'Import hourly values from CSV or .xlsx (multipart field "file"); async=true returns a job to poll',
      querystring: s.importQuerySchema, response: { 200: s.hourlyImportSummarySchema, 202: s.importJobSchema, ...errors },
    },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const file = request.isMultipart() ? await request.file() : undefined;
    if (!file) return sendRefusal(request, reply, refuse('IMPORT_FILE_REQUIRED', undefined, 'file'));
    const buffer = await file.toBuffer();
    const fileName = file.filename || 'upload.csv';
    const table = await readTable(buffer, fileName);
    if (!table) return sendRefusal(request, reply, refuse('IMPORT_FILE_UNREADABLE', undefined, 'file'));
    const mapped = mapHourlyTable(table);
    if ('missingColumn' in mapped) return sendRefusal(request, reply, refuse('IMPORT_HEADER_MISSING', undefined, mapped.missingColumn));
    const run = async (progress?: (step: string, done: number, total: number) => void) =>
      importHourly(db, actorOf(request.principal!), mapped.rows, mapped.problems, { skipInvalid: request.query.skipInvalid, source: fileName }, new Date(), progress);
    if (request.query.async) {
      const locale = request.locale;
      const job = startJob(request.principal!.id, async (progress) => {
        try {
          const result = await run(progress);
          if (!result.ok) return errorBody(request, { ...result, field: 'file' }, 'errors' in result ? { errors: result.errors.map((e) => ({ ...e, message: messageFor(e.code, locale) })) } : undefined);
          return { ...result.value, errors: result.value.errors.map((e) => ({ ...e, message: messageFor(e.code, locale) })) };
        } catch (err) {
          request.log.error({ err }, 'hourly import failed');
          throw err;
        }
      });
      return reply.code(202).send({ id: job.id, status: job.status, step: job.step, done: job.done, total: job.total, result: null });
    }
    const result = await run();
    if (!result.ok) return sendRefusal(request, reply, { ...result, field: 'file' }, 'errors' in result ? { errors: localise(request, result.errors) } : undefined);
    return { ...result.value, errors: localise(request, result.value.errors) };
  });

  app.get('/api/air-quality/import-jobs/:id', {
    schema: { tags: ['air-quality'], summary: 'Progress of a background import', params: s.jobParamsSchema, response: { 200: s.importJobSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const job = findJob(request.params.id, request.principal!.id);
    if (!job) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return { id: job.id, status: job.status, step: job.step, done: job.done, total: job.total, result: job.result };
  });

  // ——— Map, series, extent ———
  app.get('/api/air-quality/extent', {
    schema: { tags: ['air-quality'], summary: 'First and last day with daily values', response: { 200: s.extentSchema, ...errors } },
  }, async (request, reply) => denied(request, reply, 'quality.read') ?? dataExtent(db));

  app.get('/api/air-quality/map', {
    schema: { tags: ['air-quality'], summary: 'Stations with their AQI of a day', querystring: s.mapQuerySchema, response: { 200: s.mapSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const std = airRuleSetFor(request.query.date).aqi;
    const rows = await stationsWithDay(db, request.query.date);
    return {
      date: request.query.date,
      stations: rows.map((r) => {
        const level = r.aqi === null ? null : aqiLevel(r.aqi, std);
        return { ...r, primaryPollutants: r.primaryPollutants ?? [], colour: level?.colour ?? null, category: level?.categoryZh ?? null };
      }),
    };
  });

  app.get('/api/air-quality/series', {
    schema: { tags: ['air-quality'], summary: 'Daily series of the city, a district, township or station (calendar, trends)', querystring: s.seriesQuerySchema, response: { 200: s.seriesSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const q = request.query;
    if (!isCivilDate(q.from)) return sendRefusal(request, reply, refuse('DATE_INVALID', undefined, 'from'));
    if (!isCivilDate(q.to) || q.to < q.from) return sendRefusal(request, reply, refuse('DATE_INVALID', undefined, 'to'));
    if (Date.parse(q.to) - Date.parse(q.from) > 370 * 86_400_000) return sendRefusal(request, reply, refuse('PERIOD_TOO_LONG', undefined, 'to'));
    if (q.unit !== 'city' && q.id === undefined) return sendRefusal(request, reply, refuse('REQUIRED', undefined, 'id'));
    const unit = await resolveUnit(db, q.unit === 'city' ? { kind: 'city' } : { kind: q.unit, id: q.id! });
    if (!unit) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    const days = await computeSeries(db, unit, q.from, q.to);
    return {
      unitName: unit.name,
      days: days.map((d) => ({
        on: d.on, so2: d.so2, no2: d.no2, co: d.co, pm10: d.pm10, pm25: d.pm25, o3_1h: d.o3_1h, o3_8h: d.o3_8h, aqi: d.aqi,
        level: d.report.level?.level ?? null, category: d.report.level?.categoryZh ?? null, colour: d.report.level?.colour ?? null,
        primaryPollutants: d.report.primaryPollutants, compositeIndex: dailyComposite(d).index,
      })),
    };
  });

  // ——— District outlines (bureau-supplied; rules/boundaries.ts says why and what is accepted) ———
  // Importing or removing them is an administrator's act: only administrators hold settings.manage.
  app.get('/api/air-quality/boundaries', {
    schema: { tags: ['air-quality'], summary: 'District outlines imported by the bureau, with their source, licence and 审图号', response: { 200: s.boundarySetSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const rows = await listDistrictBoundaries(db);
    const first = rows[0];
    return {
      source: first?.source ?? null, licence: first?.licence ?? null, reviewNumber: first?.reviewNumber ?? null,
      importedAt: first ? iso(first.importedAt) : null, importedBy: first?.importedByName ?? null,
      features: rows.map((r) => ({ districtId: r.districtId, districtName: r.districtName, code: r.code, geometry: r.geometry })),
    };
  });

  app.put('/api/air-quality/boundaries', {
    bodyLimit: s.BOUNDARY_BODY_LIMIT,
    schema: {
      tags: ['air-quality'], summary: 'Replace the district outlines with the bureau\'s licensed GeoJSON (administrators; all or nothing, audited)',
      body: s.boundaryImportSchema, response: { 200: s.boundaryImportResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const refusal = checkPermission(request, 'settings.manage');
    if (refusal) return sendRefusal(request, reply, refusal);
    const { source, licence, reviewNumber, geojson } = request.body;
    const result = await importDistrictBoundaries(db, request.principal!, { source, licence, reviewNumber: reviewNumber || null, geojson }, new Date());
    if (!result.ok) {
      const problems = 'problems' in result ? result.problems.map((p) => ({ ...p, message: messageFor(p.code, request.locale) })) : [];
      const body = errorBody(request, result, { problems });
      // Name the offending value too (the unknown code, the foreign type), not only where it is.
      if (result.params?.value !== undefined) body.error.message += ` (${result.params.value})`;
      return reply.code(422).send(body);
    }
    return result.value;
  });

  app.delete('/api/air-quality/boundaries', {
    schema: { tags: ['air-quality'], summary: 'Remove the district outlines (administrators, audited)', response: { 200: s.boundaryDeleteResultSchema, ...errors } },
  }, async (request, reply) => {
    const refusal = checkPermission(request, 'settings.manage');
    if (refusal) return sendRefusal(request, reply, refusal);
    const result = await deleteDistrictBoundaries(db, request.principal!, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  // ——— Rankings ———
  const dailyRanking = async (date: string, metric: 'composite' | 'aqi' | 'pm25') => {
    const units = await loadAreaUnits(db);
    const rows = (await computeDistrictDailyRanking(db, date, metric, units.districts)).map(presentDailyRow);
    const [city] = (await computeDistrictDailyRanking(db, date, metric, [units.city])).map(presentDailyRow);
    return { rows, city: city && city.stations > 0 ? { ...city, rank: null, tied: false } : null };
  };
  const monthlyRanking = async (month: string, metric: 'composite' | 'pm25' | 'good_day_ratio') => {
    const units = await loadAreaUnits(db);
    const names = new Map(units.districts.map((d) => [d.id, d.name]));
    return (await computeTownshipMonthlyRanking(db, month, metric, units.townships)).map((r) => presentPeriodRow(r, names.get(r.districtId)));
  };
  const sanctionsOf = async (ranking: string, period: string) =>
    (await listSanctions(db)).filter((x) => x.ranking === ranking && x.period === period).map(presentSanction);
  const publicationsOf = async (ranking: 'air_district_daily' | 'air_township_monthly', period: string) =>
    (await listPublications(db, { ranking, period })).map(presentPublication);

  app.get('/api/air-quality/rankings/district-daily', {
    schema: { tags: ['air-quality'], summary: 'Daily district ranking (composite index by default)', querystring: s.dailyRankingQuerySchema, response: { 200: s.dailyRankingSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const { date, metric } = request.query;
    if (!isCivilDate(date)) return sendRefusal(request, reply, refuse('DATE_INVALID', undefined, 'date'));
    const { rows, city } = await dailyRanking(date, metric);
    return {
      ranking: 'air_district_daily' as const, metric, period: date, title: rankingTitle('air_district_daily', date), standard: airRuleSetFor(date).aqi.id,
      rows, city, publications: await publicationsOf('air_district_daily', date), sanctions: await sanctionsOf('air_district_daily', date),
    };
  });

  app.get('/api/air-quality/rankings/township-monthly', {
    schema: { tags: ['air-quality'], summary: 'Monthly township ranking', querystring: s.monthlyRankingQuerySchema, response: { 200: s.monthlyRankingSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const { month, metric } = request.query;
    return {
      ranking: 'air_township_monthly' as const, metric, period: month, title: rankingTitle('air_township_monthly', month), standard: airRuleSetFor(`${month}-01`).aqi.id,
      rows: await monthlyRanking(month, metric), publications: await publicationsOf('air_township_monthly', month), sanctions: await sanctionsOf('air_township_monthly', month),
    };
  });

  const kindOf = (k: 'district-daily' | 'township-monthly') => (k === 'district-daily' ? 'air_district_daily' as const : 'air_township_monthly' as const);
  const periodFits = (k: 'district-daily' | 'township-monthly', period: string) => (k === 'district-daily' ? isCivilDate(period) : /^\d{4}-(0[1-9]|1[0-2])$/.test(period));

  app.get('/api/air-quality/rankings/:kind/export', {
    schema: { tags: ['air-quality'], summary: 'A ranking as .xlsx or as a Word bulletin (.docx)', params: s.rankingKindParamsSchema, querystring: s.exportQuerySchema },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const { kind } = request.params;
    const { period, format } = request.query;
    if (!periodFits(kind, period)) return sendRefusal(request, reply, refuse('PERIOD_INVALID', undefined, 'period'));
    const ranking = kindOf(kind);
    const title = rankingTitle(ranking, period);
    const sanctions = await sanctionsOf(ranking, period);
    const issuedOn = civilDateOf(new Date()).replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, mo, d) => `${y}年${Number(mo)}月${Number(d)}日`);
    const doc = kind === 'district-daily'
      ? dailyDocument(title, period, (await dailyRanking(period, 'composite')).rows, sanctions, issuedOn)
      : monthlyDocument(title, period, await monthlyRanking(period, 'composite'), sanctions, issuedOn);
    const buffer = format === 'docx' ? await buildRankingBulletin(doc as never) : await buildRankingWorkbook(doc as never);
    return reply.type(format === 'docx' ? DOCX_TYPE : XLSX_TYPE)
      .header('content-disposition', attachmentHeader(`ranking-${period}.${format}`, `${title}${format === 'docx' ? '通报' : ''}.${format}`)).send(buffer);
  });

  app.post('/api/air-quality/rankings/:kind/publish', {
    schema: {
      tags: ['air-quality'], summary: 'Publish a ranking to the public disclosure pages (recorded); raises any triggered interview or approval restriction',
      params: s.rankingKindParamsSchema, body: s.publishBodySchema, response: { 201: s.publicationResultSchema, ...errors },
    },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const { kind } = request.params;
    if (!periodFits(kind, request.body.period)) return sendRefusal(request, reply, refuse('PERIOD_INVALID', undefined, 'period'));
    const result = await publishAirRanking(db, request.principal!, kindOf(kind), request.body.period, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send({ publication: presentPublication(result.value.publication), sanctions: result.value.sanctions });
  });

  app.get('/api/air-quality/assessment', {
    schema: { tags: ['air-quality'], summary: 'Annual assessment (HJ 663-2013) of the city and districts: attainment, good days, composite index, year-on-year', querystring: s.assessmentQuerySchema, response: { 200: s.assessmentSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const rows = await computeAnnualAssessment(db, request.query.year);
    const ranks = new Map(rankWithTies(rows.filter((r) => r.kind === 'district'), (r) => r.composite.index, 'asc').map((r) => [r.item.unitId, r.rank]));
    return {
      year: request.query.year,
      citation: airRuleSetFor(`${request.query.year}-12-31`).limits.citation,
      units: rows.map((r) => ({
        unitId: r.unitId, unitName: r.unitName, kind: r.kind, pollutants: r.statistics.pollutants,
        attains: r.attainment.attains, pollutantAttains: Object.fromEntries(POLLUTANTS.map((p) => [p, r.attainment.pollutants[p].attains])),
        goodDays: r.statistics.goodDays, validAqiDays: r.statistics.validAqiDays, goodDayRatio: r.statistics.goodDayRatio,
        compositeIndex: r.composite.index, lastYearComposite: r.lastYearComposite, improvement: r.improvement,
        rank: r.kind === 'city' ? null : ranks.get(r.unitId) ?? null,
      })),
    };
  });

  app.get('/api/air-quality/composite', {
    schema: { tags: ['air-quality'], summary: 'Composite index of the city, districts or townships for a day, month or year, ranked', querystring: s.compositeQuerySchema, response: { 200: s.compositeRankingSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    const { level, period } = request.query;
    if (period.length === 10 && !isCivilDate(period)) return sendRefusal(request, reply, refuse('PERIOD_INVALID', undefined, 'period'));
    const names = new Map((await loadAreaUnits(db)).districts.map((d) => [d.id, d.name]));
    const rows = await computeCompositeRanking(db, level, period);
    return { level, period, rows: rows.map((r) => presentPeriodRow(r, level === 'township' ? names.get(r.districtId) : undefined)) };
  });

  // ——— Publications, trigger rules, sanctions (air and water) ———
  app.get('/api/quality/publications', {
    schema: { tags: ['quality'], summary: 'Rankings published to the disclosure pages', querystring: s.publicationFilterSchema, response: { 200: s.publicationListSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    return { items: (await listPublications(db, request.query)).map(presentPublication) };
  });

  app.get('/api/quality/trigger-rules', {
    schema: { tags: ['quality'], summary: 'Interview / approval-restriction trigger rules', response: { 200: s.triggerRuleListSchema, ...errors } },
  }, async (request, reply) => denied(request, reply, 'quality.read') ?? { items: await listTriggerRules(db) });

  app.post('/api/quality/trigger-rules', {
    schema: { tags: ['quality'], body: s.triggerRuleInputSchema, response: { 201: s.okIdSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await createTriggerRule(db, request.principal!, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return reply.code(201).send(result.value);
  });

  app.put('/api/quality/trigger-rules/:id', {
    schema: { tags: ['quality'], params: s.idParamsSchema, body: s.triggerRuleUpdateSchema, response: { 200: s.okIdSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await updateTriggerRule(db, request.principal!, request.params.id, request.body, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  app.get('/api/quality/sanctions', {
    schema: { tags: ['quality'], summary: 'Interview notices (约谈) and approval restrictions (限批) raised', querystring: s.sanctionFilterSchema, response: { 200: s.sanctionListSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.read')) return reply;
    return { items: (await listSanctions(db, request.query)).map(presentSanction) };
  });

  app.post('/api/quality/sanctions/:id/lift', {
    schema: { tags: ['quality'], summary: 'Lift (解除) a sanction, with the reason', params: s.idParamsSchema, body: s.liftBodySchema, response: { 200: s.okIdSchema, ...errors } },
  }, async (request, reply) => {
    if (denied(request, reply, 'quality.manage')) return reply;
    const result = await liftSanction(db, request.principal!, request.params.id, request.body.reason, new Date());
    if (!result.ok) return sendRefusal(request, reply, result);
    return result.value;
  });

  // ——— Public (no login): the rankings as published (air daily by district, monthly by township, water double index) ———
  const publicRoute = { config: { rateLimit: { max: 120, timeWindow: 60_000 } } };
  const open = { tags: ['public'], security: [] as never[] };
  // Open CORS and ETag / If-None-Match as every public route (src/platform/http/public-api.ts).
  const publicItem = (p: { id: number; ranking: string; period: string; title: string; publishedAt: Date }) =>
    ({ id: p.id, ranking: p.ranking, period: p.period, title: p.title, publishedAt: iso(p.publishedAt) });
  const publishedRanking = async (id: number) => {
    const p = await findQualityPublication(db, id);
    if (!p) return null;
    const snapshot = p.snapshot as { rows?: SnapshotRow[] } | SnapshotRow[];
    const rows = (Array.isArray(snapshot) ? snapshot : snapshot.rows ?? [])
      .map((r) => ({ unitName: r.unitName, rank: r.rank, value: r.value, lastYearValue: r.lastYearValue }));
    return { ...publicItem(p), rows };
  };
  app.get('/api/public/rankings', {
    ...publicRoute, schema: { ...open, summary: 'Published rankings, newest first (air_district_daily, air_township_monthly, water_district_period); no login', querystring: s.publicationFilterSchema },
  }, async (request, reply) => sendWithEtag(request, reply, { items: (await listPublications(db, request.query)).map(publicItem) }));
  app.get('/api/public/rankings/:id', { ...publicRoute, schema: { ...open, summary: 'One published ranking exactly as published: rank, value and last year’s value per unit', params: s.idParamsSchema } }, async (request, reply) => {
    const r = await publishedRanking(request.params.id);
    return r ? sendWithEtag(request, reply, r) : sendRefusal(request, reply, refuse('NOT_FOUND'));
  });
  app.get('/api/public/rankings/:id/csv', { ...publicRoute, schema: { ...open, summary: 'One published ranking as CSV (UTF-8 with BOM)', params: s.idParamsSchema } }, async (request, reply) => {
    const r = await publishedRanking(request.params.id);
    if (!r) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', csvAttachment(`ranking-${r.id}.csv`, `${r.title}.csv`)).send(csvStream([
      { header: '排名', value: (x: (typeof r.rows)[number]) => x.rank },
      { header: '地区', value: (x) => x.unitName },
      { header: '指数', value: (x) => x.value },
      { header: '上年同期', value: (x) => x.lastYearValue },
    ], r.rows));
  });
};
