// The kinds of published record a data-error report may name, and who answers for each. Other capabilities add
// theirs through index.ts (registerRecordKind); the two below are where the feature starts.
import type { Permission, Principal } from '../platform/auth/roles.js';
import type { DbOrTx } from '../platform/db/index.js';
import type { Outcome } from '../law/outcome.js';

export interface RecordKind { kind: string; permission: Permission; label: string }

const kinds = new Map<string, RecordKind>();

export function registerRecordKind(k: RecordKind): void {
  kinds.set(k.kind, k);
}

export const recordKind = (kind: string): RecordKind | undefined => kinds.get(kind);

/** A correction asked of the owning capability: one field of the published record and its corrected value. */
export interface RecordCorrection { field: string; value: string }
export interface CorrectionContext { ticket: string; note: string; principal: Principal; now: Date }
/**
 * Changes the published record inside the answering transaction (and audits it); a refusal rolls nothing back
 * because nothing was written. Returns what changed (shown with the report's status).
 */
export type RecordCorrector = (tx: DbOrTx, recordId: string, correction: RecordCorrection, ctx: CorrectionContext) =>
  Promise<Outcome | { ok: true; change: { field: string; from: string; to: string } }>;

const correctors = new Map<string, RecordCorrector>();
/** The owning capability registers how a correction of its record kind changes the record (src/disclosure does). */
export function registerRecordCorrector(kind: string, corrector: RecordCorrector): void {
  correctors.set(kind, corrector);
}
export const recordCorrector = (kind: string): RecordCorrector | undefined => correctors.get(kind);
export const recordKinds = (): RecordKind[] => [...kinds.values()];

// 行政处罚决定 published by src/disclosure (a string kind: that capability may not exist yet).
registerRecordKind({ kind: 'penalty-decision', permission: 'disclosure.manage', label: '行政处罚决定' });
// 空气质量排名 (src/air-quality).
registerRecordKind({ kind: 'air-ranking', permission: 'quality.manage', label: '空气质量排名' });
