import { z } from 'zod';
import { EVIDENCE_KINDS } from './rules.js';
import { EVIDENCE_OWNER_KINDS } from './tables.js';

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const ownerParamsSchema = z.object({ ownerKind: z.enum(EVIDENCE_OWNER_KINDS), ownerId: z.coerce.number().int().positive() });

/** Multipart fields arrive as strings; an empty one means "not given". */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const optionalNumber = z.preprocess(blank, z.coerce.number().finite().optional());

/** The fields sent with an evidence file (multipart form fields beside `file`). */
export const evidenceFieldsSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  stepId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  device: optionalText(200),
  capturedAt: z.preprocess(blank, z.iso.datetime({ offset: true }).optional()).describe('ISO 8601 instant, e.g. 2024-05-01T09:30:00+08:00'),
  location: optionalText(500),
  longitude: optionalNumber.describe('WGS-84 degrees'),
  latitude: optionalNumber.describe('WGS-84 degrees'),
  note: optionalText(2000),
}).strict();
export type EvidenceFields = z.output<typeof evidenceFieldsSchema>;

export const evidenceItemSchema = z.object({
  id: z.number(),
  caseId: z.number().nullable(),
  ownerKind: z.enum(EVIDENCE_OWNER_KINDS).nullable(),
  ownerId: z.number().nullable(),
  stepId: z.number().nullable(),
  stepKind: z.string().nullable(),
  kind: z.enum(EVIDENCE_KINDS),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedById: z.number(),
  uploadedByName: z.string(),
  device: z.string().nullable(),
  capturedAt: z.string().nullable(),
  location: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  contentUrl: z.string(),
});
export type EvidenceItem = z.output<typeof evidenceItemSchema>;

export const evidenceListSchema = z.object({
  items: z.array(evidenceItemSchema),
  /** What the server accepts, so the upload form can say so before sending. */
  limits: z.object({ maxBytes: z.number(), maxCaseBytes: z.number(), mimeTypes: z.array(z.string()) }),
});

export const evidenceUploadedSchema = evidenceItemSchema.extend({
  /** `existing`: the same content was already stored; this upload got its own record all the same. */
  stored: z.enum(['new', 'existing']),
});
