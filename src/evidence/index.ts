// What other capabilities and the command line may use of evidence files.
export { verifyEvidence, type EvidenceProblem, type EvidenceVerification } from './actions.js';
export { EVIDENCE_KINDS, type EvidenceKind, type EvidenceLimits } from './rules.js';
export { evidencePath } from './store.js';
