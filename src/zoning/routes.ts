import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { actorOf } from '../platform/audit/log.js';
import { errorBody, sendRefusal } from '../platform/http/outcome-to-http.js';
import { messageFor } from '../platform/i18n/messages.js';
import { refuse } from '../law/outcome.js';
import { checkSchema, IMPORT_BODY_LIMIT, importSchema, versionParamsSchema } from './schema.js';
import { checkSite, importUnits } from './actions.js';
import { checkSiteGeometry, normaliseIndustryCode } from './rules.js';
import { findCurrentVersion, findVersion, listUnits, listVersions } from './queries.js';

const TAGS = ['zoning'];

export const zoningRoutes: FastifyPluginAsyncZod<{ db: Db; clock?: () => Date }> = async (app, { db, clock = () => new Date() }) => {
  app.get('/api/zoning/units', {
    schema: { tags: TAGS, summary: '三线一单: the units of the current version (or ?versionId=) as a GeoJSON FeatureCollection for the map', querystring: versionParamsSchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'licensing.read');
    if (denied) return sendRefusal(request, reply, denied);
    const wanted = request.query.versionId;
    const version = wanted ? await findVersion(db, wanted) : await findCurrentVersion(db).then((v) => (v ? findVersion(db, v.id) : null));
    if (wanted && !version) return sendRefusal(request, reply, refuse('NOT_FOUND'));
    const units = version ? await listUnits(db, version.id) : [];
    return {
      version: version ? { id: version.id, label: version.label, source: version.source, isCurrent: version.isCurrent, demo: version.demo, importedAt: version.importedAt.toISOString(), unitCount: version.unitCount } : null,
      type: 'FeatureCollection' as const,
      features: units.map((u) => ({
        type: 'Feature' as const, id: u.id, bbox: [u.minLon, u.minLat, u.maxLon, u.maxLat], geometry: u.geometry,
        properties: {
          code: u.code, name: u.name, kind: u.kind, district: u.district, demo: u.demo,
          prohibited: u.prohibitedIndustries, restricted: u.restrictedIndustries,
          restrictionConditions: u.restrictionConditions, dischargeConditions: u.dischargeConditions,
        },
      })),
    };
  });

  app.get('/api/zoning/versions', { schema: { tags: TAGS, summary: 'Every imported unit set, newest first; one is current' } }, async (request, reply) => {
    const denied = checkPermission(request, 'licensing.read');
    if (denied) return sendRefusal(request, reply, denied);
    const rows = await listVersions(db);
    return { items: rows.map((r) => ({ ...r, importedAt: r.importedAt.toISOString() })), canImport: checkPermission(request, 'zoning.manage') === null };
  });

  app.post('/api/zoning/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: { tags: TAGS, summary: 'Import a GeoJSON FeatureCollection of 环境管控单元 as the new current version (all or nothing, audited)', body: importSchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'zoning.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const { label, source, geojson } = request.body;
    const result = await importUnits(db, actorOf(request.principal!), geojson, { label, source: source || null }, clock());
    if (!result.ok) {
      const problems = 'problems' in result ? result.problems.map((p) => ({ ...p, message: messageFor(p.code, request.locale) })) : [];
      const body = errorBody(request, result, { problems });
      if (result.params?.value !== undefined) body.error.message += ` (${result.params.value})`;
      return reply.code(422).send(body);
    }
    return reply.code(201).send(result.value);
  });

  app.post('/api/zoning/check', {
    schema: { tags: TAGS, summary: 'Site check: every unit a point or polygon touches, the access rules that apply and the verdict', body: checkSchema },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'licensing.read');
    if (denied) return sendRefusal(request, reply, denied);
    const site = checkSiteGeometry(request.body.site);
    if ('code' in site) return sendRefusal(request, reply, refuse(site.code, undefined, site.path, site.value === undefined ? undefined : { value: site.value }));
    const industryCode = request.body.industryCode || null;
    if (industryCode !== null && normaliseIndustryCode(industryCode) === null) {
      return sendRefusal(request, reply, refuse('ZONING_INDUSTRY_CODE_INVALID', undefined, 'industryCode'));
    }
    return checkSite(db, site, industryCode);
  });
};
