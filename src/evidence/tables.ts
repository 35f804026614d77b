import { bigint, doublePrecision, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, caseSteps } from '../cases/tables.js';
import { users } from '../users/tables.js';
import type { EvidenceKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 执法全过程记录: one uploaded evidence file (photo, body-camera video, audio, scan, PDF). The content
 * is stored once per SHA-256 under the evidence directory; every upload keeps its own row.
 */
export const evidenceFiles = pgTable('evidence_files', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id),
  stepId: integer('step_id').references(() => caseSteps.id),
  kind: text('kind').$type<EvidenceKind>().notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  uploadedById: integer('uploaded_by_id').notNull().references(() => users.id),
  /** The recording device, e.g. a body camera's serial number (执法记录仪编号). */
  device: text('device'),
  capturedAt: ts('captured_at'),
  /** Where it was recorded, as words, and optionally as WGS-84 degrees. */
  location: text('location'),
  longitude: doublePrecision('longitude'),
  latitude: doublePrecision('latitude'),
  note: text('note'),
  createdAt: ts('created_at').notNull(),
}, (t) => [index('evidence_files_case_idx').on(t.caseId, t.id), index('evidence_files_sha_idx').on(t.sha256, t.id)]);
