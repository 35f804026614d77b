import { sql } from 'drizzle-orm';
import { bigint, check, doublePrecision, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cases, caseSteps } from '../cases/tables.js';
import { users } from '../users/tables.js';
import type { EvidenceKind } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Records other than cases that files may belong to (study-session materials, activity photos). */
export const EVIDENCE_OWNER_KINDS = ['study_session', 'popularisation_activity', 'field_record'] as const;
export type EvidenceOwnerKind = (typeof EVIDENCE_OWNER_KINDS)[number];

/**
 * 执法全过程记录: one uploaded evidence file (photo, body-camera video, audio, scan, PDF). The content
 * is stored once per SHA-256 under the evidence directory; every upload keeps its own row.
 * A file belongs to exactly one owner: a case (case_id), or another record (owner_kind + owner_id).
 */
export const evidenceFiles = pgTable('evidence_files', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').references(() => cases.id),
  ownerKind: text('owner_kind').$type<EvidenceOwnerKind>(),
  ownerId: integer('owner_id'),
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
}, (t) => [
  index('evidence_files_case_idx').on(t.caseId, t.id), index('evidence_files_sha_idx').on(t.sha256, t.id),
  index('evidence_files_owner_idx').on(t.ownerKind, t.ownerId, t.id),
  check('evidence_files_one_owner', sql`(${t.caseId} IS NOT NULL AND ${t.ownerKind} IS NULL AND ${t.ownerId} IS NULL)
    OR (${t.caseId} IS NULL AND ${t.ownerKind} IS NOT NULL AND ${t.ownerId} IS NOT NULL)`),
]);
