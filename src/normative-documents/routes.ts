import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { Db } from '../platform/db/index.js';
import { sendRefusal } from '../platform/http/outcome-to-http.js';
import { refuse, type Result } from '../law/outcome.js';
import type { Principal } from '../platform/auth/roles.js';
import {
  assessSchema, cleanupSchema, commentCloseSchema, commentStartSchema, deliberateSchema, draftSchema, fileSchema, idParamsSchema, issueSchema,
  publishSchema, reviewOpinionSchema, reviewSubmitSchema, roundParamsSchema, yearQuerySchema,
} from './schema.js';
import {
  assessDocument, cleanupDocument, closeComment, createDraft, documentDetail, documentList, fileDocument, issueDocument, issuedDocumentFile,
  publicDocument, publicInForce, publishDocument, recordDeliberation, recordReviewOpinion, reviewOpinionFile, startComment, submitForReview, yearFigures,
} from './actions.js';

const TAGS = ['normative-documents'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PUBLIC_LIMIT = { rateLimit: { max: 120, timeWindow: 60_000 } };

export const normativeDocumentRoutes: FastifyPluginAsyncZod<{ db: Db; clock: () => Date }> = async (app, { db, clock }) => {
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>, status = 200) =>
    (r.ok ? reply.code(status).send(r.value) : sendRefusal(request, reply, r));
  const who = (request: FastifyRequest) => request.principal ?? null;
  const unauth = (request: FastifyRequest, reply: FastifyReply) => sendRefusal(request, reply, refuse('UNAUTHENTICATED'));

  // ── Public: no login ──
  app.get('/api/public/normative-documents', { config: PUBLIC_LIMIT, schema: { tags: TAGS, summary: '现行有效规范性文件: the documents in force today (政府信息公开条例 第二十条(一))' } },
    async () => publicInForce(db, clock()));
  app.get('/api/public/normative-documents/:id', { config: PUBLIC_LIMIT, schema: { tags: TAGS, summary: 'One document in force, with its text', params: idParamsSchema } },
    async (request, reply) => send(request, reply, await publicDocument(db, request.params.id, clock())));

  // ── Staff ──
  app.get('/api/normative-documents', { schema: { tags: TAGS, summary: 'The register (统一登记) with clocks, warnings and actions' } }, async (request, reply) => {
    const p = who(request);
    if (!p) return unauth(request, reply);
    const r = await documentList(db, p, clock());
    return r.ok ? { items: r.value } : sendRefusal(request, reply, r);
  });

  app.post('/api/normative-documents', { schema: { tags: TAGS, summary: '起草: a new draft (audited)', body: draftSchema } }, async (request, reply) => {
    const p = who(request);
    if (!p) return unauth(request, reply);
    return send(request, reply, await createDraft(db, p, request.body, clock()), 201);
  });

  app.get('/api/normative-documents/year-figures', { schema: { tags: TAGS, summary: 'The year’s figures: drafted, reviewed, issued, filed on time / late, published, cleaned up, in force', querystring: yearQuerySchema } },
    async (request, reply) => {
      const p = who(request);
      if (!p) return unauth(request, reply);
      return send(request, reply, await yearFigures(db, p, request.query.year));
    });

  app.get('/api/normative-documents/:id', { schema: { tags: TAGS, summary: 'One document with its reviews, clean-ups, clocks and actions', params: idParamsSchema } }, async (request, reply) => {
    const p = who(request);
    if (!p) return unauth(request, reply);
    return send(request, reply, await documentDetail(db, p, request.params.id, clock()));
  });

  const post = <B>(path: string, summary: string, body: ZodType<B>, run: (id: number, b: B, p: Principal) => Promise<Result<unknown>>) =>
    app.post(`/api/normative-documents/:id/${path}`, { schema: { tags: TAGS, summary, params: idParamsSchema, body } }, async (request, reply) => {
      const p = who(request);
      if (!p) return unauth(request, reply);
      return send(request, reply, await run((request.params as { id: number }).id, request.body as B, p));
    });

  post('assessment', '评估论证 (audited)', assessSchema, (id, b, p) => assessDocument(db, p, id, b, clock()));
  post('comment/start', '公开征求意见: period, normally ≥ 30 days (国办发〔2018〕37号) (audited)', commentStartSchema, (id, b, p) => startComment(db, p, id, b, clock()));
  post('comment/close', 'The comment period ends; every comment answered (audited)', commentCloseSchema, (id, b, p) => closeComment(db, p, id, b, clock()));
  post('review/submit', '合法性审核: submit (国办发〔2018〕115号) (audited)', reviewSubmitSchema, (id, b, p) => submitForReview(db, p, id, b, clock()));
  post('review/opinion', '合法性审核意见: competence, procedure, content; ≥ 5 working days (audited)', reviewOpinionSchema, (id, b, p) => recordReviewOpinion(db, p, id, b, clock()));
  post('deliberation', '集体审议: only after a passed review (audited)', deliberateSchema, (id, b, p) => recordDeliberation(db, p, id, b, clock()));
  post('issue', '统一登记、统一编号、统一印发: the next number of the bureau’s series, or the government’s number for a 市政府规范性文件 (audited)', issueSchema, (id, b, p) => issueDocument(db, p, id, b, clock()));
  post('publication', '公开发布 (audited)', publishSchema, (id, b, p) => publishDocument(db, p, id, b, clock()));
  post('filing', '备案 with the government; on time or late against the set period (audited)', fileSchema, (id, b, p) => fileDocument(db, p, id, b, clock()));
  post('cleanup', '清理: 保留 / 修改 / 废止 (audited)', cleanupSchema, (id, b, p) => cleanupDocument(db, p, id, b, clock()));

  const docx = (reply: FastifyReply, f: { fileName: string; body: Buffer }) =>
    reply.type(DOCX).header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.body);

  app.get('/api/normative-documents/:id/document', { schema: { tags: TAGS, summary: 'The issued document as Word (.docx, 公文 format)', params: idParamsSchema } }, async (request, reply) => {
    const p = who(request);
    if (!p) return unauth(request, reply);
    const r = await issuedDocumentFile(db, p, request.params.id);
    return r.ok ? docx(reply, r.value) : sendRefusal(request, reply, r);
  });

  app.get('/api/normative-documents/:id/reviews/:round/opinion', { schema: { tags: TAGS, summary: '合法性审核意见书 of one review round as Word (.docx)', params: roundParamsSchema } }, async (request, reply) => {
    const p = who(request);
    if (!p) return unauth(request, reply);
    const r = await reviewOpinionFile(db, p, request.params.id, request.params.round);
    return r.ok ? docx(reply, r.value) : sendRefusal(request, reply, r);
  });
};
