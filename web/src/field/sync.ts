// The outbox's sync: records first (idempotent by their device id), then their files in chunks, each
// resumed at the offset the server holds. A 409 keeps both versions for the officer to decide.
import { api, ApiError, setCsrfToken } from '../app/api';
import type { SessionResponse } from '../app/types';
import { fieldDb, type OutboxFile } from './db';

export const CHUNK_BYTES = 256 * 1024;

export interface SyncProgress { doneBytes: number; totalBytes: number; records: number; files: number }

interface UploadView { uploadId: string; offset: number; sizeBytes: number; complete: boolean; evidenceId: number | null }

let csrf: string | null = null;

async function putChunk(uploadId: string, offset: number, chunk: Blob): Promise<UploadView> {
  const res = await fetch(`/api/field/uploads/${uploadId}?offset=${offset}`, {
    method: 'PUT', body: chunk, credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  });
  const body = (await res.json().catch(() => ({}))) as UploadView & { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, body.error ?? { code: `HTTP_${res.status}`, message: String(res.status) });
  return body;
}

async function uploadFile(f: OutboxFile, onBytes: (n: number) => void): Promise<void> {
  let uploadId = f.uploadId;
  if (!uploadId) {
    const started = await api<UploadView>('/field/uploads', {
      method: 'POST',
      body: { clientId: f.clientId, recordClientId: f.recordClientId, role: f.role, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes,
        sha256: f.sha256, capturedAt: f.capturedAt, longitude: f.longitude, latitude: f.latitude },
    });
    uploadId = started.uploadId;
    await fieldDb.files.update(f.clientId, { uploadId });
  }
  // After an interruption the server says where to go on.
  let view = await api<UploadView>(`/field/uploads/${uploadId}`);
  onBytes(view.offset);
  while (!view.complete) {
    const offset = view.offset;
    try {
      view = await putChunk(uploadId, offset, f.blob.slice(offset, offset + CHUNK_BYTES));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'FIELD_UPLOAD_OFFSET_MISMATCH') {
        view = await api<UploadView>(`/field/uploads/${uploadId}`);
        continue;
      }
      throw e;
    }
    await fieldDb.files.update(f.clientId, { offset: view.offset });
    onBytes(view.offset - offset);
  }
  await fieldDb.files.update(f.clientId, { status: 'synced', offset: view.sizeBytes });
}

/** Sends everything waiting. Network failures stop the run (the outbox keeps the rest for the next one). */
export async function syncOutbox(onProgress: (p: SyncProgress) => void): Promise<SyncProgress> {
  const session = await api<SessionResponse>('/auth/me', { skipAuthRedirect: true });
  csrf = session.csrfToken;
  setCsrfToken(session.csrfToken);
  const progress: SyncProgress = { doneBytes: 0, totalBytes: 0, records: 0, files: 0 };
  for (const r of await fieldDb.outbox.where('status').equals('pending').toArray()) {
    try {
      await api('/field/records', { method: 'POST', body: r.payload });
      await fieldDb.outbox.update(r.clientId, { status: 'synced', error: undefined });
      progress.records += 1;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) throw e;
      if (e.status === 409 && e.code === 'FIELD_RECORD_CONFLICT') {
        await fieldDb.outbox.update(r.clientId, { status: 'conflict', error: e.message, conflict: e.details as { device: unknown; server: unknown } });
      } else {
        await fieldDb.outbox.update(r.clientId, { status: 'refused', error: e.message });
      }
    }
    onProgress({ ...progress });
  }
  const synced = new Set((await fieldDb.outbox.where('status').equals('synced').toArray()).map((r) => r.clientId));
  const files = (await fieldDb.files.where('status').equals('pending').toArray()).filter((f) => synced.has(f.recordClientId));
  progress.totalBytes = files.reduce((s, f) => s + f.sizeBytes, 0);
  onProgress({ ...progress });
  for (const f of files) {
    try {
      await uploadFile(f, (n) => { progress.doneBytes += n; onProgress({ ...progress }); });
      progress.files += 1;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) throw e;
      await fieldDb.files.update(f.clientId, { status: 'refused', error: e.message });
    }
    onProgress({ ...progress });
  }
  return progress;
}

/** After a conflict the officer keeps the record outside the case: sent again without it. */
export async function keepStandalone(clientId: string): Promise<void> {
  const r = await fieldDb.outbox.get(clientId);
  if (!r) return;
  await fieldDb.outbox.update(clientId, { status: 'pending', conflict: undefined, error: undefined, payload: { ...r.payload, caseId: null, caseStage: null } });
}
