// What other capabilities may use of evidence.
export { EvidencePanel } from './EvidencePanel';
export { evidenceApi } from './api';
export type { EvidenceItem } from './types';
