import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/index.js';
import { readConfig } from '../platform/config.js';
import { checkPermission } from '../platform/auth/session.js';
import { errorBody, statusForRefusal } from '../platform/http/outcome-to-http.js';
import { errorSchema } from '../platform/http/errors-schema.js';
import { refuse, type Refusal } from '../law/outcome.js';
import { findCaseRow } from '../cases/index.js';
import { checkEvidenceSize, cleanFileName, DEFAULT_EVIDENCE_LIMITS, resolveEvidenceType, type EvidenceLimits } from './rules.js';
import { discardReceived, openStored, receiveToTemp, statStored } from './store.js';
import { addEvidence, addOwnedEvidence, findCaseForEvidence, type ReceivedEvidence } from './actions.js';
import { evidenceOwnerOf } from './owners.js';
import { findEvidence, findEvidenceListRow, listCaseEvidence, listOwnedEvidence, type EvidenceListRow } from './queries.js';
import { evidenceFieldsSchema, evidenceListSchema, evidenceUploadedSchema, idParamsSchema, ownerParamsSchema, type EvidenceFields, type EvidenceItem } from './schema.js';

export interface EvidenceRoutesOptions {
  db: Db;
  clock: () => Date;
  /** Where files are stored; default from the configuration (ECOGOV_EVIDENCE_DIR, else `<dataDir>/evidence`). */
  dir?: string;
  limits?: Partial<EvidenceLimits>;
}

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema, 422: errorSchema };

/** A refusal as HTTP; a file over the limit is 413 Content Too Large, everything else as everywhere. */
function sendEvidenceRefusal(request: FastifyRequest, reply: FastifyReply, refusal: Refusal) {
  const status = refusal.code === 'EVIDENCE_FILE_TOO_LARGE' || refusal.code === 'EVIDENCE_CASE_QUOTA_EXCEEDED' ? 413 : statusForRefusal(refusal);
  return reply.code(status).send(errorBody(request, refusal, refusal.params));
}

const present = (r: EvidenceListRow): EvidenceItem => ({
  ...r,
  capturedAt: r.capturedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  contentUrl: `/api/evidence/${r.id}/content`,
});

/** RFC 6266: an ASCII fallback and the UTF-8 original (Chinese file names survive). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

interface EvidenceForm { fields: Record<string, string>; file: ReceivedEvidence | null; typeRefusal: Refusal | null }

/**
 * Reads the multipart form in order: fields are kept, the one file is streamed through SHA-256 into
 * a temporary file (never buffered), a file of a refused type is drained unread.
 */
async function readEvidenceForm(request: FastifyRequest, dir: string, limits: EvidenceLimits): Promise<EvidenceForm> {
  const form: EvidenceForm = { fields: {}, file: null, typeRefusal: null };
  try {
    // Per-request limits (the global 10 MiB stays for other routes). throwFileSizeLimit: false: the stream
    // stops at the limit and says `truncated`, and the rule refuses it (the plugin's types omit the option for parts()).
    const partOptions = { limits: { fileSize: limits.maxBytes, files: 1, fields: 20 }, throwFileSizeLimit: false };
    for await (const part of request.parts(partOptions)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in form.fields)) form.fields[part.fieldname] = part.value;
        continue;
      }
      const fileName = cleanFileName(part.filename);
      const type = resolveEvidenceType(part.mimetype, fileName, limits);
      if (!type.ok) {
        form.typeRefusal = type;
        part.file.resume();
        continue;
      }
      form.file = { received: await receiveToTemp(dir, part.file), fileName, mimeType: type.mimeType };
    }
  } catch (err) {
    await discardReceived(form.file?.received ?? null);
    throw err;
  }
  return form;
}

/** The client went away or sent a broken form: its fault, not a 500. Disk errors stay errors. */
const isClientStreamError = (err: unknown) => {
  const e = err as { statusCode?: number; syscall?: string };
  return e.statusCode === undefined && e.syscall === undefined;
};

export const evidenceRoutes: FastifyPluginAsyncZod<EvidenceRoutesOptions> = async (app, options) => {
  const { db, clock } = options;
  const config = readConfig();
  const dir = options.dir ?? config.evidenceDir;
  const limits: EvidenceLimits = {
    maxBytes: options.limits?.maxBytes ?? config.evidenceMaxBytes,
    maxCaseBytes: options.limits?.maxCaseBytes ?? config.evidenceMaxCaseBytes,
    mimeTypes: options.limits?.mimeTypes ?? config.evidenceMimeTypes ?? DEFAULT_EVIDENCE_LIMITS.mimeTypes,
  };

  /** Reads the form, checks size and fields, records the upload through `add`; the temporary file is gone before the answer leaves. */
  async function receiveUpload(
    request: FastifyRequest, reply: FastifyReply,
    add: (fields: EvidenceFields, file: ReceivedEvidence) => Promise<{ ok: true; value: { id: number; stored: 'new' | 'existing' } } | Refusal>,
  ) {
    if (!request.isMultipart()) return sendEvidenceRefusal(request, reply, refuse('EVIDENCE_FILE_REQUIRED', undefined, 'file'));
    let form: EvidenceForm;
    try {
      form = await readEvidenceForm(request, dir, limits);
    } catch (err) {
      if (!isClientStreamError(err)) throw err;
      request.log.warn({ err }, 'evidence upload interrupted');
      return sendEvidenceRefusal(request, reply, refuse('EVIDENCE_UPLOAD_INCOMPLETE', undefined, 'file'));
    }
    const { file, typeRefusal } = form;
    // The temporary file is gone before the answer leaves: a refused upload leaves nothing behind.
    let respond: () => FastifyReply;
    try {
      respond = await (async (): Promise<() => FastifyReply> => {
        if (typeRefusal) return () => sendEvidenceRefusal(request, reply, typeRefusal);
        if (!file) return () => sendEvidenceRefusal(request, reply, refuse('EVIDENCE_FILE_REQUIRED', undefined, 'file'));
        const size = checkEvidenceSize(file.received, limits);
        if (!size.ok) return () => sendEvidenceRefusal(request, reply, size);
        const parsed = evidenceFieldsSchema.safeParse(form.fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = issue.path.length ? issue.path.join('.') : (issue.code === 'unrecognized_keys' ? issue.keys[0] ?? 'body' : 'body');
          const body = errorBody(request, refuse('INVALID_INPUT', undefined, field));
          body.error.message = `${field}: ${issue.message}`;
          return () => reply.code(400).send(body);
        }
        const result = await add(parsed.data, file);
        if (!result.ok) return () => sendEvidenceRefusal(request, reply, result);
        const item = await findEvidenceListRow(db, result.value.id);
        return () => reply.code(201).send({ ...present(item!), stored: result.value.stored });
      })();
    } finally {
      await discardReceived(file?.received ?? null);
    }
    return respond();
  }

  app.get('/api/cases/:id/evidence', {
    schema: { tags: ['evidence'], summary: 'Evidence files of a case (执法全过程记录)', params: idParamsSchema, response: { 200: evidenceListSchema, ...errors } },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.read');
    if (denied) return sendEvidenceRefusal(request, reply, denied);
    const row = await findCaseRow(db, request.params.id, request.principal!);
    if (!row) return sendEvidenceRefusal(request, reply, refuse('NOT_FOUND'));
    const items = await listCaseEvidence(db, row.id);
    return { items: items.map(present), limits: { maxBytes: limits.maxBytes, maxCaseBytes: limits.maxCaseBytes, mimeTypes: [...limits.mimeTypes] } };
  });

  app.post('/api/cases/:id/evidence', {
    schema: {
      tags: ['evidence'], params: idParamsSchema, consumes: ['multipart/form-data'],
      summary: 'Upload an evidence file: multipart with `file` and the fields kind, stepId, device, capturedAt, location, longitude, latitude, note (send the fields first)',
      response: { 201: evidenceUploadedSchema, ...errors },
    },
  }, async (request, reply) => {
    const denied = checkPermission(request, 'case.write');
    if (denied) return sendEvidenceRefusal(request, reply, denied);
    // Scope and archive are known before a byte of the file is read.
    const target = await findCaseForEvidence(db, request.principal!, request.params.id);
    if (!target.ok) return sendEvidenceRefusal(request, reply, target);

    return receiveUpload(request, reply, (fields, file) => addEvidence(db, request.principal!, target.value.id, fields, file, dir, clock(), limits));
  });

  /** A case's file: case.read and the case in scope; another record's file: as its owner kind says. */
  async function mayReadEvidence(request: FastifyRequest, evidence: { caseId: number | null; ownerKind: string | null; ownerId: number | null }) {
    const principal = request.principal!;
    if (evidence.caseId !== null) return (await findCaseRow(db, evidence.caseId, principal)) !== null;
    const owner = evidenceOwnerOf(evidence.ownerKind ?? '');
    return owner !== undefined && owner.mayRead(principal) && (await owner.find(db, evidence.ownerId!, principal, false));
  }

  app.get('/api/evidence/owned/:ownerKind/:ownerId', {
    schema: { tags: ['evidence'], summary: 'Files of a record other than a case (study-session materials, activity photos)', params: ownerParamsSchema, response: { 200: evidenceListSchema, ...errors } },
  }, async (request, reply) => {
    if (!request.principal) return sendEvidenceRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const owner = evidenceOwnerOf(request.params.ownerKind);
    if (!owner || !(await owner.find(db, request.params.ownerId, request.principal, false))) return sendEvidenceRefusal(request, reply, refuse('NOT_FOUND'));
    if (!owner.mayRead(request.principal)) return sendEvidenceRefusal(request, reply, refuse('FORBIDDEN'));
    const items = await listOwnedEvidence(db, owner.kind, request.params.ownerId);
    return { items: items.map(present), limits: { maxBytes: limits.maxBytes, maxCaseBytes: limits.maxCaseBytes, mimeTypes: [...limits.mimeTypes] } };
  });

  app.post('/api/evidence/owned/:ownerKind/:ownerId', {
    schema: {
      tags: ['evidence'], params: ownerParamsSchema, consumes: ['multipart/form-data'],
      summary: 'Upload a file of a record other than a case: multipart with `file` and the fields kind, device, capturedAt, location, longitude, latitude, note',
      response: { 201: evidenceUploadedSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = request.principal;
    if (!principal) return sendEvidenceRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const owner = evidenceOwnerOf(request.params.ownerKind);
    if (!owner || !(await owner.find(db, request.params.ownerId, principal, false))) return sendEvidenceRefusal(request, reply, refuse('NOT_FOUND'));
    if (!owner.mayUpload(principal)) return sendEvidenceRefusal(request, reply, refuse('FORBIDDEN'));
    const ownerId = request.params.ownerId;
    return receiveUpload(request, reply, (fields, file) => addOwnedEvidence(db, principal, {
      kind: owner.kind, id: ownerId, entity: owner.entity, lockOwner: (tx) => owner.find(tx, ownerId, principal, true),
    }, fields, file, dir, clock(), limits));
  });

  app.get('/api/evidence/:id/content', {
    schema: { tags: ['evidence'], summary: 'Download an evidence file (streamed, with its original name)', params: idParamsSchema },
  }, async (request, reply) => {
    if (!request.principal) return sendEvidenceRefusal(request, reply, refuse('UNAUTHENTICATED'));
    const evidence = await findEvidence(db, request.params.id);
    // A case's file (or none) answers as before: 403 without case.read; other records' files as their kind says.
    if (!evidence || evidence.caseId !== null) {
      const denied = checkPermission(request, 'case.read');
      if (denied) return sendEvidenceRefusal(request, reply, denied);
    }
    // Out of the user's district is indistinguishable from absent.
    if (!evidence || !(await mayReadEvidence(request, evidence))) {
      return sendEvidenceRefusal(request, reply, refuse('NOT_FOUND'));
    }
    const stored = await statStored(dir, evidence.sha256);
    if (!stored) {
      request.log.error({ evidenceId: evidence.id, sha256: evidence.sha256 }, 'evidence file missing');
      return sendEvidenceRefusal(request, reply, refuse('EVIDENCE_CONTENT_MISSING'));
    }
    return reply
      .header('content-type', evidence.mimeType)
      .header('content-length', stored.sizeBytes)
      .header('content-disposition', contentDisposition(evidence.fileName))
      .header('cache-control', 'private, max-age=3600')
      .send(openStored(stored.path));
  });
};
