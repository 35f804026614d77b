import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../platform/db/index.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { chinaDateOf } from '../law/civil-date.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { findCaseRow, runCaseAction } from '../cases/index.js';
import { addEvidence, addOwnedEvidence, cleanFileName, DEFAULT_EVIDENCE_LIMITS, resolveEvidenceType, type EvidenceLimits } from '../evidence/index.js';
import { checkCaseUnchanged, checkChunk, checkDeviceHash, checkFieldOfficers, checkFieldSignatures, evidenceKindOf } from './rules.js';
import {
  caseVersion, deleteRecord, findEnterpriseFacts, findOfficerCards, findRecord, findRecordByClientId, findStepOfRecord, findTasks, findUpload,
  findUploadByClientId, insertRecord, insertUpload, mayReadRecord, setRecordStep, updateUpload, uploadsOfRecord, type FieldRecordRow, type FieldUploadRow,
} from './queries.js';
import type { FieldRecordInput, FieldUploadInput } from './schema.js';

/** How far back draws still count as the officer's open work. */
const DRAW_WINDOW_DAYS = 90;

/** The officer's day: his tasks with each enterprise's key facts, and the officers' credential numbers. */
export async function officerDay(db: Db, principal: Principal, now: Date) {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  const sinceOn = chinaDateOf(new Date(now.getTime() - DRAW_WINDOW_DAYS * 86_400_000));
  const tasks = await findTasks(db, principal, sinceOn, todayOn);
  const enterprises = await findEnterpriseFacts(db, [...new Set(tasks.map((t) => t.enterpriseId))]);
  const officers = await findOfficerCards(db, [...new Set([principal.id, ...tasks.flatMap((t) => t.officerIds)])]);
  return success({ todayOn, me: principal.id, tasks, enterprises, officers, downloadedAt: now.toISOString() });
}

const presentRecord = (r: FieldRecordRow) => ({
  id: r.id, clientId: r.clientId, kind: r.kind, caseId: r.caseId, caseStepId: r.caseStepId, enterpriseId: r.enterpriseId, task: r.task,
  occurredOn: r.occurredOn, officerIds: r.officerIds, form: r.form, signatures: r.signatures, createdAt: r.createdAt.toISOString(),
});
export type FieldRecordView = ReturnType<typeof presentRecord>;

export type SyncResult<T> = Result<{ value: T; replay: boolean }> | (Refusal & { conflict?: unknown });

/**
 * Syncs one record. The device's UUID is reserved first (unique constraint): a retry, or a second
 * request racing the first, gets the first result and never a second record. With a case the record
 * also becomes the case's investigation step, unless the case moved on meanwhile (409 with both versions).
 */
export async function syncRecord(db: Db, principal: Principal, input: FieldRecordInput, now: Date): Promise<SyncResult<FieldRecordView>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  const existing = await findRecordByClientId(db, input.clientId);
  if (existing) return existing.createdById === principal.id ? success({ value: presentRecord(existing), replay: true }) : refuse('FIELD_CLIENT_ID_TAKEN', undefined, 'clientId');
  const officers = checkFieldOfficers(input.officerIds);
  if (!officers.ok) return officers;
  const signed = checkFieldSignatures(input.signatures);
  if (!signed.ok) return signed;
  if (input.occurredOn > chinaDateOf(now)) return refuse('DATE_IN_FUTURE', undefined, 'occurredOn');
  if (input.caseId !== null) {
    const row = await findCaseRow(db, input.caseId, principal);
    if (!row) return refuse('NOT_FOUND');
    const server = await caseVersion(db, input.caseId);
    const same = checkCaseUnchanged({ stage: input.caseStage ?? row.stage }, row);
    if (!same.ok) return { ...same, conflict: { device: input, server } };
  }
  const saved = await db.transaction(async (tx) => {
    const inserted = await insertRecord(tx, {
      clientId: input.clientId, kind: input.kind, caseId: input.caseId, caseStepId: null, enterpriseId: input.enterpriseId, task: input.task,
      occurredOn: input.occurredOn, officerIds: [...new Set(input.officerIds)], form: input.form, signatures: input.signatures, createdById: principal.id, createdAt: now,
    });
    if (inserted) {
      await appendAudit(tx, actorOf(principal), { action: 'field.record_synced', entity: 'field_record', entityId: inserted.id,
        after: { clientId: inserted.clientId, kind: inserted.kind, caseId: inserted.caseId, task: inserted.task, occurredOn: inserted.occurredOn } }, now);
    }
    return inserted;
  });
  // Lost the race to a parallel retry: that one's result stands.
  if (!saved) return success({ value: presentRecord((await findRecordByClientId(db, input.clientId))!), replay: true });
  if (input.caseId === null) return success({ value: presentRecord(saved), replay: false });
  const ran = await runCaseAction(db, principal, input.caseId, 'record_investigation', {
    kind: input.kind, occurredOn: input.occurredOn, officerIds: saved.officerIds, summary: input.form.summary,
    details: { place: input.form.place, startedAt: input.form.startedAt, endedAt: input.form.endedAt, onSite: input.form.onSite,
      ...(input.form.exchanges ? { exchanges: input.form.exchanges } : {}), signatures: input.signatures, fieldClientId: input.clientId },
  }, now);
  if (!ran.ok) {
    // The case refused the record: the reservation goes, so the officer may re-send it (e.g. without the case).
    await deleteRecord(db, saved.id).catch(() => undefined);
    if (ran.field) return ran;
    return { ...refuse('FIELD_RECORD_CONFLICT'), conflict: { device: input, server: await caseVersion(db, input.caseId), reason: ran.code } };
  }
  const stepId = await findStepOfRecord(db, input.caseId, input.clientId);
  return success({ value: presentRecord(await setRecordStep(db, saved.id, stepId)), replay: false });
}

export interface UploadView { uploadId: string; clientId: string; offset: number; sizeBytes: number; complete: boolean; evidenceId: number | null; sha256: string }
const presentUpload = (u: FieldUploadRow): UploadView => ({
  uploadId: u.id, clientId: u.clientId, offset: u.receivedBytes, sizeBytes: u.sizeBytes, complete: u.evidenceId !== null, evidenceId: u.evidenceId, sha256: u.deviceSha256,
});

export interface FieldStorage { dir: string; limits: EvidenceLimits }
const partialPath = (dir: string, id: string) => join(dir, 'field-partial', `${id}.bin`);

/** Announces a file of a synced record: returns its upload id and how much the server has (0, or more on a retry). */
export async function startUpload(db: Db, principal: Principal, input: FieldUploadInput, storage: FieldStorage, now: Date): Promise<SyncResult<UploadView>> {
  if (!can(principal, 'case.write')) return refuse('FORBIDDEN');
  const existing = await findUploadByClientId(db, input.clientId);
  if (existing) return existing.createdById === principal.id ? success({ value: presentUpload(existing), replay: true }) : refuse('FIELD_CLIENT_ID_TAKEN', undefined, 'clientId');
  const record = await findRecordByClientId(db, input.recordClientId);
  if (!record || !mayReadRecord(principal, record)) return refuse('FIELD_RECORD_NOT_SYNCED', undefined, 'recordClientId');
  const fileName = cleanFileName(input.fileName);
  const type = resolveEvidenceType(input.mimeType, fileName, storage.limits);
  if (!type.ok) return type;
  if (input.sizeBytes > storage.limits.maxBytes) return refuse('EVIDENCE_FILE_TOO_LARGE', undefined, 'sizeBytes', { maxBytes: storage.limits.maxBytes });
  const inserted = await insertUpload(db, {
    id: randomUUID(), clientId: input.clientId, recordId: record.id, role: input.role, fileName, mimeType: type.mimeType, sizeBytes: input.sizeBytes,
    deviceSha256: input.sha256, capturedAt: input.capturedAt ? new Date(input.capturedAt) : null, longitude: input.longitude, latitude: input.latitude,
    receivedBytes: 0, evidenceId: null, createdById: principal.id, createdAt: now,
  });
  const row = inserted ?? (await findUploadByClientId(db, input.clientId))!;
  return success({ value: presentUpload(row), replay: !inserted });
}

export async function uploadStatus(db: Db, principal: Principal, id: string): Promise<Result<UploadView>> {
  const u = await findUpload(db, id);
  if (!u || u.createdById !== principal.id) return refuse('NOT_FOUND');
  return success(presentUpload(u));
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes one chunk at its offset, under the upload's row lock (a repeated or parallel chunk cannot be
 * written twice). The last chunk completes the file: the server hashes it and refuses it when the hash
 * differs from the device's (the partial file is dropped, the upload starts again at 0); otherwise the
 * file becomes evidence of the record's case (at its investigation step) or of the record itself.
 */
export async function writeChunk(db: Db, principal: Principal, id: string, offset: number, chunk: Buffer, storage: FieldStorage, now: Date): Promise<Result<UploadView>> {
  const path = partialPath(storage.dir, id);
  await mkdir(join(storage.dir, 'field-partial'), { recursive: true });
  return db.transaction(async (tx) => {
    const u = await findUpload(tx, id, true);
    if (!u || u.createdById !== principal.id) return refuse('NOT_FOUND');
    if (u.evidenceId !== null) return success(presentUpload(u));
    const fits = checkChunk(u, offset, chunk.length);
    if (!fits.ok) return fits;
    const handle = await open(path, offset === 0 ? 'w' : 'r+', 0o600).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      return null;
    });
    if (!handle) {
      // The partial file is gone (removed by hand, or a completion rolled back after storing it): start again.
      await updateUpload(tx, id, { receivedBytes: 0 });
      return refuse('FIELD_UPLOAD_OFFSET_MISMATCH', undefined, 'offset', { offset: 0 });
    }
    try {
      // A chunk cut off mid-write left bytes past the recorded offset: they are overwritten.
      await handle.truncate(offset);
      await handle.write(chunk, 0, chunk.length, offset);
    } finally {
      await handle.close();
    }
    const receivedBytes = offset + chunk.length;
    if (receivedBytes < u.sizeBytes) return success(presentUpload(await updateUpload(tx, id, { receivedBytes })));
    const serverSha256 = await sha256Of(path);
    const same = checkDeviceHash(u.deviceSha256, serverSha256);
    if (!same.ok) {
      await rm(path, { force: true });
      await updateUpload(tx, id, { receivedBytes: 0 });
      await appendAudit(tx, actorOf(principal), { action: 'field.upload_refused', entity: 'field_upload', entityId: u.recordId,
        after: { uploadId: id, deviceSha256: u.deviceSha256, serverSha256 } }, now);
      return same;
    }
    const record = (await findRecord(tx, u.recordId))!;
    const fields = {
      kind: evidenceKindOf(u.role, u.mimeType), device: 'field-app', capturedAt: u.capturedAt?.toISOString(), location: record.form.place,
      longitude: u.longitude ?? undefined, latitude: u.latitude ?? undefined, note: `${u.role} · ${record.kind} · ${record.clientId}`,
      ...(record.caseId !== null && record.caseStepId !== null ? { stepId: record.caseStepId } : {}),
    };
    const file = { received: { tempPath: path, sha256: serverSha256, sizeBytes: u.sizeBytes, truncated: false }, fileName: u.fileName, mimeType: u.mimeType };
    // Inside this transaction (a savepoint): the evidence row and the upload's completion commit together.
    const inner = tx as unknown as Db;
    const added = record.caseId !== null
      ? await addEvidence(inner, principal, record.caseId, fields, file, storage.dir, now, storage.limits)
      : await addOwnedEvidence(inner, principal, { kind: 'field_record', id: record.id, entity: 'field_record', lockOwner: async (t) => Boolean(await findRecord(t, record.id, true)) },
        fields, file, storage.dir, now, storage.limits);
    if (!added.ok) return added;
    return success(presentUpload(await updateUpload(tx, id, { receivedBytes, evidenceId: added.value.id })));
  });
}

export async function recordWithUploads(db: Db, principal: Principal, clientId: string) {
  const r = await findRecordByClientId(db, clientId);
  if (!r || !mayReadRecord(principal, r)) return refuse('NOT_FOUND');
  return success({ ...presentRecord(r), uploads: (await uploadsOfRecord(db, r.id)).map(presentUpload) });
}

export { DEFAULT_EVIDENCE_LIMITS };
