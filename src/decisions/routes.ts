import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse, type Result } from '../law/outcome.js';
import { chinaDateOf } from '../law/civil-date.js';
import {
  answerSchema, archiveSchema, catalogueDateSchema, catalogueInputSchema, commentParamsSchema, commentPeriodSchema, decideSchema, discussSchema,
  evaluateSchema, expertsSchema, hearingSchema, idParamsSchema, itemInputSchema, proposeSchema, publicCommentSchema, publishSchema,
  reviewSchema, reviewSubmitSchema, riskSchema, yearQuerySchema,
} from './schema.js';
import {
  addItem, answerComment, approveCatalogue, archive, catalogueList, createCatalogue, decide, decisionDetail, decisionList, evaluate,
  openComment, propose, publicDecisionDetail, publicDecisionList, publish, publishCatalogue, recordDiscussion, recordExperts, recordHearing,
  recordReview, recordRisk, reviewOpinionDocument, submitForReview, submitPublicComment, yearFigures,
} from './actions.js';

const TAGS = ['decisions'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LAW = '重大行政决策程序暂行条例';

export const decisionRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  // Permissions are checked in the actions; anonymous → 401.
  const principal = (request: FastifyRequest, reply: FastifyReply): Principal | null => {
    if (!request.principal) { void sendRefusal(request, reply, refuse('UNAUTHENTICATED')); return null; }
    return request.principal;
  };

  app.get('/api/decisions/catalogues', { schema: { tags: TAGS, summary: `重大行政决策事项目录 by year, with items (${LAW} 第三条)` } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    const r = await catalogueList(db, p);
    return r.ok ? { items: r.value, todayOn: chinaDateOf(clock()) } : sendRefusal(request, reply, r);
  });
  app.post('/api/decisions/catalogues', { schema: { tags: TAGS, summary: 'Draft the year\'s catalogue (audited)', body: catalogueInputSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await createCatalogue(db, p, request.body, clock()), 201);
  });
  app.post('/api/decisions/catalogues/:id/items', { schema: { tags: TAGS, summary: 'Add an item with its planned steps to a draft catalogue (audited)', params: idParamsSchema, body: itemInputSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await addItem(db, p, request.params.id, request.body, clock()), 201);
  });
  app.post('/api/decisions/catalogues/:id/approve', { schema: { tags: TAGS, summary: 'The leader approves the catalogue (audited)', params: idParamsSchema, body: catalogueDateSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await approveCatalogue(db, p, request.params.id, request.body.on, clock()));
  });
  app.post('/api/decisions/catalogues/:id/publish', { schema: { tags: TAGS, summary: `The approved catalogue is published (${LAW} 第三条第三款) (audited)`, params: idParamsSchema, body: catalogueDateSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await publishCatalogue(db, p, request.params.id, request.body.on, clock()));
  });
  app.get('/api/decisions/year-figures', { schema: { tags: TAGS, summary: 'The year\'s figures: catalogue items, decisions by step reached, comments, hearings, reviews, discussions', querystring: yearQuerySchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await yearFigures(db, p, request.query.year));
  });
  app.get('/api/decisions', { schema: { tags: TAGS, summary: 'All decisions (catalogue items) with the step reached' } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    const r = await decisionList(db, p);
    return r.ok ? { items: r.value } : sendRefusal(request, reply, r);
  });
  app.get('/api/decisions/:id', { schema: { tags: TAGS, summary: 'One decision: timeline, comments, the actions the user may take', params: idParamsSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await decisionDetail(db, p, request.params.id, clock()));
  });
  const step = <B>(path: string, summary: string, body: import('zod').ZodType<B>,
    run: (p: Principal, id: number, input: B, now: Date) => Promise<Result<unknown>>) => {
    app.post(`/api/decisions/:id/${path}`, { schema: { tags: TAGS, summary: `${summary} (audited)`, params: idParamsSchema, body } }, async (request, reply) => {
      const p = principal(request, reply); if (!p) return reply;
      return send(request, reply, await run(p, (request.params as { id: number }).id, request.body as B, clock()));
    });
  };
  step('propose', 'Proposal: the draft (第十条–第十二条)', proposeSchema, (p, id, i, now) => propose(db, p, id, i, now));
  step('comment', 'Public comment opens, ≥ 30 days or a shortened period with its reason (第十五条)', commentPeriodSchema, (p, id, i, now) => openComment(db, p, id, i, now));
  step('hearing', 'Hearing held (第十六条, 第十七条)', hearingSchema, (p, id, i, now) => recordHearing(db, p, id, i, now));
  step('experts', 'Expert argumentation (第十九条)', expertsSchema, (p, id, i, now) => recordExperts(db, p, id, i, now));
  step('risk', 'Risk assessment (第二十二条)', riskSchema, (p, id, i, now) => recordRisk(db, p, id, i, now));
  step('review-submit', 'Sent for legality review: comments answered, planned steps done (第二十五条, 第二十六条)', reviewSubmitSchema, (p, id, i, now) => submitForReview(db, p, id, i, now));
  step('review', 'Legality review opinion, ≥ 7 working days (第二十六条–第二十八条)', reviewSchema, (p, id, i, now) => recordReview(db, p, id, i, now));
  step('discuss', 'Collective discussion at a recorded meeting, head last (第二十五条第二款, 第三十条)', discussSchema, (p, id, i, now) => recordDiscussion(db, p, id, i, now));
  step('decide', 'The head decides after the discussion (第三十条第一款)', decideSchema, (p, id, i, now) => decide(db, p, id, i, now));
  step('publish', 'Publication (第三十二条)', publishSchema, (p, id, i, now) => publish(db, p, id, i, now));
  step('archive', 'Archive (第三十三条)', archiveSchema, (p, id, i, now) => archive(db, p, id, i, now));
  step('evaluate', 'Post-evaluation (第三十六条)', evaluateSchema, (p, id, i, now) => evaluate(db, p, id, i, now));
  app.post('/api/decisions/:id/comments/:commentId/answer', { schema: { tags: TAGS, summary: 'Answer a public comment; published with it (第十八条) (audited)', params: commentParamsSchema, body: answerSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    return send(request, reply, await answerComment(db, p, request.params.id, request.params.commentId, request.body, clock()));
  });
  app.get('/api/decisions/:id/review-opinion', { schema: { tags: TAGS, summary: '合法性审查意见书 as Word (.docx)', params: idParamsSchema } }, async (request, reply) => {
    const p = principal(request, reply); if (!p) return reply;
    const r = await reviewOpinionDocument(db, p, request.params.id);
    if (!r.ok) return sendRefusal(request, reply, r);
    return reply.type(DOCX).header('content-disposition', `attachment; filename="review-opinion.docx"; filename*=UTF-8''${encodeURIComponent(r.value.fileName)}`).send(r.value.body);
  });

  // Public (no login): drafts under or past public comment, the answers, and a form to comment (第十五条, 第十八条).
  app.get('/api/public/major-decisions', { schema: { tags: TAGS, summary: 'Public: drafts put to public comment (no login)' } }, async () => ({ items: await publicDecisionList(db, clock()) }));
  app.get('/api/public/major-decisions/:id', { schema: { tags: TAGS, summary: 'Public: one draft, its period and the answered comments (no login)', params: idParamsSchema } }, async (request, reply) =>
    send(request, reply, await publicDecisionDetail(db, request.params.id, clock())));
  app.post('/api/public/major-decisions/:id/comments', { schema: { tags: TAGS, summary: 'Public: comment on a draft within its period (no login) (audited)', params: idParamsSchema, body: publicCommentSchema } }, async (request, reply) =>
    send(request, reply, await submitPublicComment(db, request.params.id, request.body, clock()), 201));
};
