import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import { checkPermission } from '../platform/auth/session.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { sendWithEtag } from '../platform/http/public-api.js';
import { refuse } from '../law/outcome.js';
import { can } from '../platform/auth/roles.js';
import {
  activityInputSchema, examInputSchema, examParamsSchema, itemDoneSchema, itemInputSchema, planInputSchema, studySessionInputSchema, submitSchema,
  typicalCaseDraftSchema, typicalCaseEditSchema, typicalCaseReviewSchema, yearQuerySchema,
} from './schema.js';
import { buildYearWorkbook, attachmentHeader, XLSX_TYPE } from './export.js';
import {
  addItem, completeItem, createExam, createPlan, draftTypicalCase, editTypicalCase, examDetail, examList, examResults, lapsedOfficers, popularisationYear,
  questionBank, recordActivity, recordStudySession, reviewTypicalCase, startSitting, studySessions, submitSitting, submitTypicalCase, typicalCaseDetail,
  typicalCaseList, yearFigures, TRAINING_EVIDENCE_OWNERS, listPublishedTypicalCases,
} from './actions.js';
import { csvAttachment, csvStream } from '../platform/http/csv.js';
import { registerEvidenceOwner } from '../evidence/index.js';
import type { Outcome, Result } from '../law/outcome.js';

const signedIn = (request: FastifyRequest) => (request.principal ? null : refuse('UNAUTHENTICATED'));

export const trainingRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  // Materials and photos are uploaded, listed and downloaded through /api/evidence/owned/<kind>/<id>.
  for (const owner of TRAINING_EVIDENCE_OWNERS) registerEvidenceOwner(owner);
  app.get('/api/training/exams', { schema: { tags: ['training'], summary: '学法考试: the exams the user is enrolled in (every exam for the exam administrators)' } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    return { items: await examList(db, request.principal!, clock()), canManage: can(request.principal!, 'training.manage') };
  });

  app.post('/api/training/exams', { schema: { tags: ['training'], summary: 'Create an exam: window, time limit, pass mark, questions per kind, candidates (audited)', body: examInputSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'training.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await createExam(db, request.principal!, request.body, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(201).send(r.value);
  });

  app.get('/api/training/exams/:id', { schema: { tags: ['training'], summary: 'One exam and the user’s own sitting (answers only once submitted)', params: examParamsSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    const r = await examDetail(db, request.principal!, request.params.id, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return r.value;
  });

  app.post('/api/training/exams/:id/sitting', { schema: { tags: ['training'], summary: 'Start (or resume) the sitting: draws the paper, records the start (audited)', params: examParamsSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    const r = await startSitting(db, request.principal!, request.params.id, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.code(r.value.resumed ? 200 : 201).send(r.value);
  });

  app.post('/api/training/exams/:id/sitting/submit', { schema: { tags: ['training'], summary: 'Submit the answers once; marked at once (audited)', params: examParamsSchema, body: submitSchema } }, async (request, reply) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, reply, denied);
    const answers = Object.fromEntries(Object.entries(request.body.answers).map(([k, v]) => [Number(k), v]));
    const r = await submitSitting(db, request.principal!, request.params.id, answers, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return r.value;
  });

  app.get('/api/training/exams/:id/results', { schema: { tags: ['training'], summary: 'Figures of an exam: enrolled, sat, coverage, passed, pass rate, per unit', params: examParamsSchema } }, async (request, reply) => {
    const denied = checkPermission(request, 'training.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await examResults(db, request.principal!, request.params.id);
    if (!r.ok) return sendRefusal(request, reply, r);
    return r.value;
  });

  app.get('/api/training/lapsed', { schema: { tags: ['training'], summary: 'Credentialed officers with no passed exam in the last 12 months (a flag only)' } }, async (request, reply) => {
    const denied = checkPermission(request, 'training.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await lapsedOfficers(db, request.principal!, clock());
    if (!r.ok) return sendRefusal(request, reply, r);
    return { items: r.value };
  });

  app.get('/api/training/questions', { schema: { tags: ['training'], summary: 'The question bank with its answers (exam administrators)' } }, async (request, reply) => {
    const denied = checkPermission(request, 'training.manage');
    if (denied) return sendRefusal(request, reply, denied);
    const r = await questionBank(db, request.principal!);
    if (!r.ok) return sendRefusal(request, reply, r);
    return { items: r.value };
  });

  /** Signed in, then the action's own permission check; a refusal goes out through the one mapping. */
  const reply = async <T>(request: FastifyRequest, res: FastifyReply, run: () => Promise<Result<T> | Outcome>, status = 200) => {
    const denied = signedIn(request);
    if (denied) return sendRefusal(request, res, denied);
    const r = await run();
    if (!r.ok) return sendRefusal(request, res, r);
    return res.code(status).send('value' in r ? r.value : {});
  };
  const tags = ['training'];

  app.get('/api/training/study-sessions', { schema: { tags, summary: '学法: the year’s study sessions with attendees, and figures per kind and unit', querystring: yearQuerySchema } },
    (request, res) => reply(request, res, () => studySessions(db, request.principal!, request.query.year)));
  app.post('/api/training/study-sessions', { schema: { tags, summary: 'Record a study session: kind, topic, date, host, attendees, materials, minutes (audited)', body: studySessionInputSchema } },
    (request, res) => reply(request, res, () => recordStudySession(db, request.principal!, request.body, clock()), 201));

  app.get('/api/training/popularisation', { schema: { tags, summary: '谁执法谁普法: the year’s plan, responsibility list, activities and figures', querystring: yearQuerySchema } },
    (request, res) => reply(request, res, () => popularisationYear(db, request.principal!, request.query.year, clock())));
  app.post('/api/training/popularisation/plans', { schema: { tags, summary: 'Create the year’s plan with its responsibility list (audited)', body: planInputSchema } },
    (request, res) => reply(request, res, () => createPlan(db, request.principal!, request.body, clock()), 201));
  app.post('/api/training/popularisation/plans/:id/items', { schema: { tags, summary: 'Add an item to the responsibility list (audited)', params: examParamsSchema, body: itemInputSchema } },
    (request, res) => reply(request, res, () => addItem(db, request.principal!, request.params.id, request.body, clock()), 201));
  app.post('/api/training/popularisation/items/:id/done', { schema: { tags, summary: 'Record an item done (audited)', params: examParamsSchema, body: itemDoneSchema } },
    (request, res) => reply(request, res, () => completeItem(db, request.principal!, request.params.id, request.body.doneOn, clock())));
  app.post('/api/training/popularisation/activities', { schema: { tags, summary: 'Record a popularisation activity (六进) under an item (audited)', body: activityInputSchema } },
    (request, res) => reply(request, res, () => recordActivity(db, request.principal!, request.body, clock()), 201));

  app.get('/api/training/typical-cases', { schema: { tags, summary: '以案释法: typical cases (every state for case readers, published ones for other staff)' } },
    (request, res) => reply(request, res, () => typicalCaseList(db, request.principal!)));
  app.post('/api/training/typical-cases', { schema: { tags, summary: 'Draft a typical case from a closed case, the party’s identity removed (audited)', body: typicalCaseDraftSchema } },
    (request, res) => reply(request, res, () => draftTypicalCase(db, request.principal!, request.body.caseId, clock()), 201));
  app.get('/api/training/typical-cases/:id', { schema: { tags, summary: 'One typical case and the actions the user may take', params: examParamsSchema } },
    (request, res) => reply(request, res, () => typicalCaseDetail(db, request.principal!, request.params.id)));
  app.put('/api/training/typical-cases/:id', { schema: { tags, summary: 'Edit a draft; refused while it still identifies the party (audited)', params: examParamsSchema, body: typicalCaseEditSchema } },
    (request, res) => reply(request, res, () => editTypicalCase(db, request.principal!, request.params.id, request.body, clock())));
  app.post('/api/training/typical-cases/:id/submit', { schema: { tags, summary: 'Submit the draft for legal review (audited)', params: examParamsSchema } },
    (request, res) => reply(request, res, () => submitTypicalCase(db, request.principal!, request.params.id, clock())));
  app.post('/api/training/typical-cases/:id/review', { schema: { tags, summary: 'Legal review: approve (publish) or return with a reason (audited)', params: examParamsSchema, body: typicalCaseReviewSchema } },
    (request, res) => reply(request, res, () => reviewTypicalCase(db, request.principal!, request.params.id, request.body, clock())));

  app.get('/api/training/figures', { schema: { tags, summary: 'The training year’s figures: exams per unit, study, popularisation, typical cases, lapsed officers', querystring: yearQuerySchema } },
    (request, res) => reply(request, res, () => yearFigures(db, request.principal!, request.query.year, clock())));
  app.get('/api/training/figures/export', { schema: { tags, summary: 'The training year’s figures as .xlsx', querystring: yearQuerySchema } }, async (request, res) => {
    const denied = checkPermission(request, 'training.manage');
    if (denied) return sendRefusal(request, res, denied);
    const r = await yearFigures(db, request.principal!, request.query.year, clock());
    if (!r.ok) return sendRefusal(request, res, r);
    const year = request.query.year;
    return res.type(XLSX_TYPE).header('content-disposition', attachmentHeader(`training-${year}.xlsx`, `${year}年度学法普法统计.xlsx`)).send(await buildYearWorkbook(r.value));
  });

  // ——— Public (no login): 以案释法, the published typical cases (the party's identity already removed by review) ———
  const publicRoute = { config: { rateLimit: { max: 120, timeWindow: 60_000 } } };
  // Open CORS and ETag / If-None-Match as every public route (src/platform/http/public-api.ts).
  const publicCases = async () => (await listPublishedTypicalCases(db)).map((c) => ({ ...c, publishedAt: c.publishedAt.toISOString() }));
  app.get('/api/public/typical-cases', { ...publicRoute, schema: { tags: ['public'], security: [], summary: '以案释法: published typical cases, newest first, no login' } },
    async (request, reply) => sendWithEtag(request, reply, { items: (await publicCases()).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id) }));
  app.get('/api/public/typical-cases.csv', { ...publicRoute, schema: { tags: ['public'], security: [], summary: '以案释法 as CSV (UTF-8 with BOM)' } }, async (_request, res) =>
    res.type('text/csv; charset=utf-8').header('content-disposition', csvAttachment('typical-cases.csv', '以案释法典型案例.csv')).send(csvStream([
      { header: '标题', value: (c: Awaited<ReturnType<typeof publicCases>>[number]) => c.title },
      { header: '区县', value: (c) => c.districtName },
      { header: '基本案情', value: (c) => c.facts },
      { header: '法律分析', value: (c) => c.analysis },
      { header: '典型意义', value: (c) => c.lesson },
      { header: '发布时间', value: (c) => c.publishedAt },
    ], await publicCases())));
  app.get('/api/public/typical-cases/:id', { ...publicRoute, schema: { tags: ['public'], security: [], summary: 'One published typical case', params: examParamsSchema } }, async (request, res) => {
    const found = (await publicCases()).find((c) => c.id === request.params.id);
    return found ? sendWithEtag(request, res, found) : sendRefusal(request, res, refuse('NOT_FOUND'));
  });
};
