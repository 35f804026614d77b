// What other capabilities and the command line may use of evidence files.
export { verifyEvidence, type EvidenceProblem, type EvidenceVerification } from './actions.js';
export { EVIDENCE_KINDS, type EvidenceKind, type EvidenceLimits } from './rules.js';
export { evidencePath } from './store.js';
export { evidenceFiles } from './tables.js';
export { registerEvidenceOwner, type EvidenceOwnerKindConfig } from './owners.js';
export { EVIDENCE_OWNER_KINDS, type EvidenceOwnerKind } from './tables.js';
// On-site records synced from the phone (src/field) become evidence through the same checks and storage.
export { addEvidence, addOwnedEvidence, type EvidenceOwner } from './actions.js';
export { cleanFileName, resolveEvidenceType, DEFAULT_EVIDENCE_LIMITS } from './rules.js';
export type { ReceivedFile } from './store.js';
