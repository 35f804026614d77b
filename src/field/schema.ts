import { z } from 'zod';
import { FIELD_FILE_ROLES, FIELD_RECORD_KINDS, FIELD_TASK_SOURCES } from './rules.js';

const uuid = z.string().trim().regex(/^[0-9a-fA-F-]{36}$/, 'a UUID').transform((s) => s.toLowerCase());
const line = (max: number) => z.string().trim().min(1).max(max).refine((s) => !s.includes('\u0000'), 'no NUL');

export const fieldRecordSchema = z.object({
  clientId: uuid.describe('generated on the device; a retry with the same id returns the first result'),
  kind: z.enum(FIELD_RECORD_KINDS),
  task: z.object({ source: z.enum(FIELD_TASK_SOURCES), id: z.number().int().positive() }),
  enterpriseId: z.number().int().positive(),
  caseId: z.number().int().positive().nullable().default(null),
  /** The case's stage when the day's work was downloaded: a different stage now is a conflict. */
  caseStage: z.string().max(40).nullable().default(null),
  occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  officerIds: z.array(z.number().int().positive()).min(1).max(10),
  form: z.object({
    summary: line(10_000), place: line(200), startedAt: line(20), endedAt: line(20), onSite: line(100),
    exchanges: z.array(z.object({ question: line(2000), answer: z.string().trim().max(5000) })).max(100).optional(),
  }),
  signatures: z.object({
    roles: z.array(z.enum(FIELD_FILE_ROLES)).max(6),
    partyRefused: z.boolean().default(false),
    witness: z.string().trim().max(100).nullable().default(null),
    refusalNote: z.string().trim().max(500).nullable().default(null),
  }),
});
export type FieldRecordInput = z.output<typeof fieldRecordSchema>;

export const fieldUploadSchema = z.object({
  clientId: uuid,
  recordClientId: uuid,
  role: z.enum(FIELD_FILE_ROLES),
  fileName: line(200),
  mimeType: line(100),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256'),
  capturedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
});
export type FieldUploadInput = z.output<typeof fieldUploadSchema>;

export const uploadParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/) });
export const chunkQuerySchema = z.object({ offset: z.coerce.number().int().min(0) });
