// Shapes of the evidence API, inferred from the server's zod schemas (type-only: nothing is bundled).
import type { z } from 'zod';
import type { evidenceItemSchema, evidenceListSchema, evidenceUploadedSchema } from '../../../src/evidence/schema';

export type EvidenceItem = z.output<typeof evidenceItemSchema>;
export type EvidenceList = z.output<typeof evidenceListSchema>;
export type EvidenceUploaded = z.output<typeof evidenceUploadedSchema>;
export type EvidenceKind = EvidenceItem['kind'];
export type EvidenceOwnerKind = NonNullable<EvidenceItem['ownerKind']>;
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['photo', 'video', 'audio', 'scan', 'pdf', 'other'];

/** The form fields sent before the file (all optional but kind). */
export interface EvidenceFormValues {
  kind: EvidenceKind;
  stepId?: number;
  device?: string;
  capturedAt?: string;
  location?: string;
  longitude?: number;
  latitude?: number;
  note?: string;
}
