import type { Db, DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { findCaseRow, type CaseRow } from '../cases/index.js';
import { checkEvidenceCaseTotal, checkEvidenceDescription, checkEvidenceMayBeAdded, DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from './rules.js';
import { commitReceived, hashStored, type ReceivedFile } from './store.js';
import { caseEvidenceBytes, countEvidence, evidencePageBySha, findStepOfCase, insertEvidence, ownedEvidenceBytes, type EvidenceRow } from './queries.js';
import type { EvidenceFields } from './schema.js';
import type { EvidenceOwnerKind } from './tables.js';

export interface EvidenceStorage { dir: string; limits: EvidenceLimits }

/** The case evidence may be added to now: in the user's scope and not archived. Checked before the upload is read. */
export async function findCaseForEvidence(db: Db, principal: Principal, caseId: number): Promise<Result<CaseRow>> {
  const row = await findCaseRow(db, caseId, principal);
  if (!row) return refuse('NOT_FOUND');
  const open = checkEvidenceMayBeAdded(row);
  return open.ok ? success(row) : open;
}

export interface ReceivedEvidence { received: ReceivedFile; fileName: string; mimeType: string }

/**
 * Records one upload: the rules, then, in one transaction, the case re-checked under lock, the row,
 * its audit entry, and last the file moved to its content address (a refusal leaves nothing behind).
 */
export async function addEvidence(
  db: Db, principal: Principal, caseId: number, fields: EvidenceFields, file: ReceivedEvidence, dir: string, now: Date,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<Result<EvidenceRow & { stored: 'new' | 'existing' }>> {
  const capturedAt = fields.capturedAt ? new Date(fields.capturedAt) : null;
  const described = checkEvidenceDescription({
    kind: fields.kind, mimeType: file.mimeType, capturedAt, longitude: fields.longitude ?? null, latitude: fields.latitude ?? null,
  }, now);
  if (!described.ok) return described;
  return db.transaction(async (tx) => {
    const row = await findCaseRow(tx, caseId, principal, true);
    if (!row) return refuse('NOT_FOUND');
    const open = checkEvidenceMayBeAdded(row);
    if (!open.ok) return open;
    // Under the case's row lock: parallel uploads to one case cannot pass the total together.
    const total = checkEvidenceCaseTotal(await caseEvidenceBytes(tx, caseId), file.received.sizeBytes, limits);
    if (!total.ok) return total;
    if (fields.stepId !== undefined && !(await findStepOfCase(tx, caseId, fields.stepId))) {
      return refuse('EVIDENCE_STEP_UNKNOWN', undefined, 'stepId');
    }
    const saved = await insertEvidence(tx, {
      caseId, stepId: fields.stepId ?? null, kind: fields.kind, fileName: file.fileName, mimeType: file.mimeType,
      sizeBytes: file.received.sizeBytes, sha256: file.received.sha256, uploadedById: principal.id,
      device: fields.device || null, capturedAt, location: fields.location || null,
      longitude: fields.longitude ?? null, latitude: fields.latitude ?? null, note: fields.note || null, createdAt: now,
    });
    await appendAudit(tx, actorOf(principal), {
      action: 'evidence.upload', entity: 'case', entityId: caseId,
      after: {
        evidenceId: saved.id, stepId: saved.stepId, kind: saved.kind, fileName: saved.fileName, mimeType: saved.mimeType,
        sizeBytes: saved.sizeBytes, sha256: saved.sha256, device: saved.device, capturedAt: saved.capturedAt,
      },
    }, now);
    // Last: a failure here rolls the row back; a failed commit after it leaves only an unreferenced file.
    const stored = await commitReceived(dir, file.received);
    return success({ ...saved, stored });
  });
}

export interface EvidenceOwner {
  kind: EvidenceOwnerKind;
  id: number;
  /** The audit entity of the owner, e.g. 'study_session'. */
  entity: string;
  /**
   * Re-checks the owner inside the transaction, under its row lock (exists, in the user's scope):
   * parallel uploads to one owner cannot pass the total together.
   */
  lockOwner: (tx: DbOrTx) => Promise<boolean>;
}

/**
 * Records one file of a record other than a case (study-session materials, activity photos): the same
 * checks, storage and audit as case evidence; the step does not apply.
 */
export async function addOwnedEvidence(
  db: Db, principal: Principal, owner: EvidenceOwner, fields: EvidenceFields, file: ReceivedEvidence, dir: string, now: Date,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<Result<EvidenceRow & { stored: 'new' | 'existing' }>> {
  if (fields.stepId !== undefined) return refuse('EVIDENCE_STEP_UNKNOWN', undefined, 'stepId');
  const capturedAt = fields.capturedAt ? new Date(fields.capturedAt) : null;
  const described = checkEvidenceDescription({
    kind: fields.kind, mimeType: file.mimeType, capturedAt, longitude: fields.longitude ?? null, latitude: fields.latitude ?? null,
  }, now);
  if (!described.ok) return described;
  return db.transaction(async (tx) => {
    if (!(await owner.lockOwner(tx))) return refuse('NOT_FOUND');
    const total = checkEvidenceCaseTotal(await ownedEvidenceBytes(tx, owner.kind, owner.id), file.received.sizeBytes, limits);
    if (!total.ok) return total;
    const saved = await insertEvidence(tx, {
      caseId: null, ownerKind: owner.kind, ownerId: owner.id, stepId: null, kind: fields.kind, fileName: file.fileName, mimeType: file.mimeType,
      sizeBytes: file.received.sizeBytes, sha256: file.received.sha256, uploadedById: principal.id,
      device: fields.device || null, capturedAt, location: fields.location || null,
      longitude: fields.longitude ?? null, latitude: fields.latitude ?? null, note: fields.note || null, createdAt: now,
    });
    await appendAudit(tx, actorOf(principal), {
      action: 'evidence.upload', entity: owner.entity, entityId: owner.id,
      after: {
        evidenceId: saved.id, kind: saved.kind, fileName: saved.fileName, mimeType: saved.mimeType,
        sizeBytes: saved.sizeBytes, sha256: saved.sha256, device: saved.device, capturedAt: saved.capturedAt,
      },
    }, now);
    const stored = await commitReceived(dir, file.received);
    return success({ ...saved, stored });
  });
}

export interface EvidenceProblem {
  evidenceId: number;
  /** The owning case, or null when the file belongs to another record (ownerKind + ownerId). */
  caseId: number | null;
  caseNumber: string | null;
  ownerKind: EvidenceOwnerKind | null;
  ownerId: number | null;
  sha256: string;
  problem: 'missing' | 'hash_mismatch';
  /** The hash the stored file has now (hash_mismatch). */
  actualSha256?: string;
}

export interface EvidenceVerification { ok: boolean; records: number; files: number; problems: EvidenceProblem[] }

/** Re-hashes every stored file and names each record whose file is missing or no longer matches its hash. */
export async function verifyEvidence(db: Db, dir: string, onProgress?: (done: number, total: number) => void): Promise<EvidenceVerification> {
  const PAGE = 1000;
  const total = await countEvidence(db);
  const problems: EvidenceProblem[] = [];
  let records = 0;
  let files = 0;
  // Rows come ordered by hash: one read per stored file however many uploads share it.
  let last = null as { sha256: string; outcome: Awaited<ReturnType<typeof hashStored>> } | null;
  let after = null as { sha256: string; id: number } | null;
  for (;;) {
    const rows = await evidencePageBySha(db, after, PAGE);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (last?.sha256 !== r.sha256) {
        last = { sha256: r.sha256, outcome: await hashStored(dir, r.sha256) };
        files += 1;
      }
      const base = { evidenceId: r.id, caseId: r.caseId, caseNumber: r.caseNumber, ownerKind: r.ownerKind, ownerId: r.ownerId, sha256: r.sha256 };
      if (!last.outcome) problems.push({ ...base, problem: 'missing' });
      else if (last.outcome.actual !== r.sha256) problems.push({ ...base, problem: 'hash_mismatch', actualSha256: last.outcome.actual });
      records += 1;
      onProgress?.(records, total);
    }
    const tail = rows[rows.length - 1]!;
    after = { sha256: tail.sha256, id: tail.id };
  }
  problems.sort((a, b) => a.evidenceId - b.evidenceId);
  return { ok: problems.length === 0, records, files, problems };
}
