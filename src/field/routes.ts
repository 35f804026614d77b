import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../platform/db/index.js';
import { readConfig } from '../platform/config.js';
import { checkPermission } from '../platform/auth/session.js';
import { errorBody, sendRefusal, statusForRefusal } from '../platform/http/outcome-to-http.js';
import { can } from '../platform/auth/roles.js';
import { refuse, type Refusal, type Result } from '../law/outcome.js';
import { registerEvidenceOwner, type EvidenceLimits } from '../evidence/index.js';
import { DEFAULT_EVIDENCE_LIMITS, officerDay, recordWithUploads, startUpload, syncRecord, uploadStatus, writeChunk, type SyncResult } from './actions.js';
import { findRecord, mayReadRecord } from './queries.js';
import { chunkQuerySchema, fieldRecordSchema, fieldUploadSchema, uploadParamsSchema } from './schema.js';

const TAGS = ['field'];
/** Chunks stay well under the JSON body limit; the phone sends 512 KiB. */
export const MAX_CHUNK_BYTES = 1024 * 1024;

export interface FieldRoutesOptions { db: Db; clock: () => Date; dir?: string; limits?: Partial<EvidenceLimits> }

export const fieldRoutes: FastifyPluginAsyncZod<FieldRoutesOptions> = async (app, options) => {
  const { db, clock } = options;
  const storage = { dir: options.dir ?? readConfig().evidenceDir, limits: { ...DEFAULT_EVIDENCE_LIMITS, ...options.limits } };

  registerEvidenceOwner({
    kind: 'field_record', entity: 'field_record',
    mayRead: (p) => can(p, 'case.read'), mayUpload: () => false,
    find: async (tx, id, principal, lock) => { const r = await findRecord(tx, id, lock); return Boolean(r && mayReadRecord(principal, r)); },
  });

  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CHUNK_BYTES }, (_req, body, done) => done(null, body));

  const refused = (request: FastifyRequest, reply: FastifyReply, r: Refusal & { conflict?: unknown }) =>
    reply.code(statusForRefusal(r)).send(errorBody(request, r, r.conflict ?? r.params));
  const synced = <T>(request: FastifyRequest, reply: FastifyReply, r: SyncResult<T>) =>
    (r.ok ? reply.code(r.value.replay ? 200 : 201).send(r.value.value) : refused(request, reply, r));
  const send = <T>(request: FastifyRequest, reply: FastifyReply, r: Result<T>) => (r.ok ? reply.send(r.value) : refused(request, reply, r));
  const guard = (request: FastifyRequest) => checkPermission(request, 'case.write');

  app.get('/api/field/today', { schema: { tags: TAGS, summary: "移动执法: the officer's day (draws, campaign targets, cases, leads, complaints) with each enterprise's key facts" } },
    async (request, reply) => {
      const denied = guard(request);
      if (denied) return sendRefusal(request, reply, denied);
      return send(request, reply, await officerDay(db, request.principal!, clock()));
    });

  app.post('/api/field/records', { schema: { tags: TAGS, summary: '现场检查笔录 / 调查询问笔录 taken on the phone; idempotent by clientId (201 new, 200 replay, 409 conflict with both versions)', body: fieldRecordSchema } },
    async (request, reply) => {
      const denied = guard(request);
      if (denied) return sendRefusal(request, reply, denied);
      return synced(request, reply, await syncRecord(db, request.principal!, request.body, clock()));
    });

  app.get('/api/field/records/:id', { schema: { tags: TAGS, summary: 'A synced record by its device id, with its uploads', params: uploadParamsSchema } },
    async (request, reply) => {
      const denied = guard(request);
      if (denied) return sendRefusal(request, reply, denied);
      return send(request, reply, await recordWithUploads(db, request.principal!, request.params.id));
    });

  app.post('/api/field/uploads', { schema: { tags: TAGS, summary: 'Announce a photo, video or signature of a synced record (size, device SHA-256); idempotent by clientId', body: fieldUploadSchema } },
    async (request, reply) => {
      const denied = guard(request);
      if (denied) return sendRefusal(request, reply, denied);
      return synced(request, reply, await startUpload(db, request.principal!, request.body, storage, clock()));
    });

  app.get('/api/field/uploads/:id', { schema: { tags: TAGS, summary: 'How many bytes the server holds (resume from there)', params: uploadParamsSchema } },
    async (request, reply) => {
      const denied = guard(request);
      if (denied) return sendRefusal(request, reply, denied);
      return send(request, reply, await uploadStatus(db, request.principal!, request.params.id));
    });

  app.put('/api/field/uploads/:id', {
    schema: { tags: TAGS, summary: 'One chunk at ?offset= (application/octet-stream); the last one is hashed and becomes evidence, a hash mismatch is refused', params: uploadParamsSchema, querystring: chunkQuerySchema, body: z.any() },
  }, async (request, reply) => {
    const denied = guard(request);
    if (denied) return sendRefusal(request, reply, denied);
    const body = request.body;
    if (!Buffer.isBuffer(body)) return sendRefusal(request, reply, refuse('INVALID_INPUT', undefined, 'body'));
    return send(request, reply, await writeChunk(db, request.principal!, request.params.id, request.query.offset, body, storage, clock()));
  });
};
