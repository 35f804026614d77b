import { openPublicCors } from './public-api.js';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/index.js';
import { authPlugin } from '../auth/session.js';
import { startChangeFeed } from '../db/change-feed.js';
import { errorBody, sendRefusal } from './outcome-to-http.js';
import { refuse } from '../../law/outcome.js';
import { messageFor } from '../i18n/messages.js';
import { auditRoutes } from '../audit/routes.js';
import { userRoutes } from '../../users/routes.js';
import { organisationRoutes } from '../../organisation/routes.js';
import { enterpriseRoutes } from '../../enterprises/routes.js';
import { calendarRoutes } from '../../calendar/routes.js';
import { settingsRoutes } from '../../settings/routes.js';
import { caseRoutes } from '../../cases/routes.js';
import { measureRoutes } from '../../measures/routes.js';
import { evidenceRoutes } from '../../evidence/routes.js';
import { fieldRoutes } from '../../field/routes.js';
import type { EvidenceLimits } from '../../evidence/index.js';
import { airQualityRoutes } from '../../air-quality/routes.js';
import { waterQualityRoutes } from '../../water-quality/routes.js';
import { monitoringRoutes } from '../../monitoring/routes.js';
import { supervisionRoutes } from '../../supervision/routes.js';
import { exemptionRoutes } from '../../exemptions/routes.js';
import { discretionRoutes } from '../../discretion/routes.js';
import { fileReviewRoutes } from '../../file-review/routes.js';
import { trainingRoutes } from '../../training/routes.js';
// Through index.ts: it registers the campaigns' calendar hook.
import { campaignRoutes } from '../../campaigns/index.js';
// Through index.ts: it registers the info-request deadlines on the board.
import { infoRequestRoutes } from '../../info-requests/index.js';
import { counselRoutes } from '../../counsel/index.js';
import { annualReportRoutes } from '../../annual-report/index.js';
import { meetingRoutes } from '../../meetings/index.js';
import { litigationRoutes } from '../../litigation/index.js';
import { permitRoutes } from '../../permits/index.js';
// Capabilities' hooks into one another (decision checks, calendar, monitoring listeners).
import '../wiring.js';
import { workbenchRoutes } from '../../workbench/index.js';
import { zoningRoutes } from '../../zoning/index.js';
import { eiaRoutes } from '../../eia/index.js';
import { decisionRoutes } from '../../decisions/index.js';
import { disclosureRoutes } from '../../disclosure/index.js';
import { normativeDocumentRoutes } from '../../normative-documents/index.js';
// Through index.ts: it registers the enterprise page as a record kind for data-error reports.
import { complianceRoutes } from '../../compliance/index.js';
import { webhookRoutes } from '../../webhooks/index.js';
import { healthStatusRoutes } from './health-status.js';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Built web app to serve at /; omitted in API tests. */
  webDist?: string | null;
  secureCookies?: boolean;
  loginRateLimit?: { max: number; timeWindow: number };
  /** The clock procedure deadlines are judged by (tests pin it); defaults to the system clock. */
  clock?: () => Date;
  /** Where evidence files are stored (tests use a temporary directory); default from readConfig(). */
  evidenceDir?: string;
  /** A session with no request for this long ends; default 30 minutes. */
  sessionIdleMinutes?: number;
  /** Evidence upload limits (max bytes, MIME types); default from readConfig(). */
  evidenceLimits?: Partial<EvidenceLimits>;
}

/** One field name from a zod validation failure: `outfalls.0.code`, or the part of the request. */
function fieldOf(validation: { instancePath?: string; params?: Record<string, unknown> }[] | undefined, context: string | undefined): string {
  const first = validation?.[0];
  const issuePath = (first?.params?.issue as { path?: (string | number)[] } | undefined)?.path;
  if (issuePath?.length) return issuePath.join('.');
  const path = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.');
  return path || context || 'body';
}

/** The path (`items.0.name`, `query.q`) of the first string holding a NUL character, or null. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return p;
    const found = findNul(v, p, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const db = options.database.db;
  // Per-process caches (sessions, settings, calendar) hear every change through the database (change-feed.ts).
  const stopChangeFeed = await startChangeFeed(options.database);
  app.addHook('onClose', async () => { await stopChangeFeed(); });

  const secureCookies = options.secureCookies ?? false;
  await app.register(helmet, {
    // Over plain http on an intranet address, HSTS and upgrade-insecure-requests would break the app:
    // both only when the deployment says it is served over https (ECOGOV_SECURE_COOKIES).
    strictTransportSecurity: secureCookies ? undefined : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: secureCookies ? [] : null,
        defaultSrc: ["'self'"],
        // Ant Design and Swagger UI inject styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'EcoGov API', description: '生态环境局法治政府建设管理平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ecogov_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db, idleMinutes: options.sessionIdleMinutes });
  // Every /api/public/ answer, whichever capability serves it, is readable cross-origin (one place, root level).
  openPublicCors(app);
  // NUL cannot be stored in a text column: refuse it up front, naming the field, for every route.
  app.addHook('preValidation', async (request, reply) => {
    const where = findNul(request.query, '') ?? findNul(request.params, '') ?? findNul(request.body, '');
    if (where !== null) return sendRefusal(request, reply, refuse('NUL_CHARACTER', undefined, where || 'body'));
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const field = fieldOf(error.validation as never, error.validationContext);
      const detail = (error.validation[0] as { message?: string } | undefined)?.message ?? '';
      const body = errorBody(request, refuse('INVALID_INPUT', undefined, field));
      body.error.message = `${field}: ${detail || messageFor('INVALID_INPUT', request.locale)}`;
      return reply.code(400).send(body);
    }
    // A byte sequence PostgreSQL cannot store that slipped past the hook (e.g. inside a file's metadata).
    const pgCode = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
    if (pgCode === '22021' || pgCode === '22P05') return sendRefusal(request, reply, refuse('NUL_CHARACTER', undefined, 'body'));
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return sendRefusal(request, reply, refuse('RATE_LIMITED'));
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON, body too large, wrong content type): say which, never a stack.
      return reply.code(status).send({ error: { code: (error as { code?: string }).code ?? 'INVALID_INPUT', message: (error as Error).message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody(request, refuse('INTERNAL')));
  });

  await app.register(userRoutes, { db, secureCookies, loginRateLimit: options.loginRateLimit ?? { max: 10, timeWindow: 60_000 } });
  await app.register(organisationRoutes, { db });
  await app.register(enterpriseRoutes, { db });
  await app.register(calendarRoutes, { db });
  await app.register(settingsRoutes, { db, clock: options.clock });
  await app.register(auditRoutes, { db });
  await app.register(caseRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(measureRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(evidenceRoutes, { db, clock: options.clock ?? (() => new Date()), dir: options.evidenceDir, limits: options.evidenceLimits });
  await app.register(fieldRoutes, { db, clock: options.clock ?? (() => new Date()), dir: options.evidenceDir, limits: options.evidenceLimits });
  await app.register(airQualityRoutes, { db });
  await app.register(waterQualityRoutes, { db });
  await app.register(monitoringRoutes, { db, clock: options.clock });
  await app.register(supervisionRoutes, { db, clock: options.clock });
  await app.register(exemptionRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(discretionRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(fileReviewRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(trainingRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(campaignRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(permitRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(workbenchRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(zoningRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(eiaRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(disclosureRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(infoRequestRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(normativeDocumentRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(complianceRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(decisionRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(counselRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(annualReportRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(meetingRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(litigationRoutes, { db, clock: options.clock ?? (() => new Date()) });
  await app.register(webhookRoutes, { db, clock: options.clock ?? (() => new Date()) });
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, engine: options.database.engine }));
  await app.register(healthStatusRoutes);

  const webDist = options.webDist;
  const serveWeb = webDist && existsSync(webDist);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !serveWeb || request.method !== 'GET') {
      return sendRefusal(request, reply, refuse('NOT_FOUND'));
    }
    // Client-side routes: the SPA's index handles them.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
