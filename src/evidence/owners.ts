// Records other than cases that evidence files may belong to. The owning capability registers its
// kind (who may read and upload, and how its row is found and locked); evidence keeps storage,
// limits, hashing, audit and download in one place.
import type { DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import type { EvidenceOwnerKind } from './tables.js';

export interface EvidenceOwnerKindConfig {
  kind: EvidenceOwnerKind;
  /** The audit entity of the owning record, e.g. 'training_study_session'. */
  entity: string;
  mayRead: (principal: Principal) => boolean;
  mayUpload: (principal: Principal) => boolean;
  /** The owning row exists and the user may see it; `lock`: under its row lock (inside a transaction). */
  find: (db: DbOrTx, id: number, principal: Principal, lock: boolean) => Promise<boolean>;
}

const owners = new Map<EvidenceOwnerKind, EvidenceOwnerKindConfig>();

/** Called by the owning capability when its routes are registered. */
export function registerEvidenceOwner(config: EvidenceOwnerKindConfig): void {
  owners.set(config.kind, config);
}

export const evidenceOwnerOf = (kind: string): EvidenceOwnerKindConfig | undefined => owners.get(kind as EvidenceOwnerKind);
