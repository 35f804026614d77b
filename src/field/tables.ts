import { bigint, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cases, caseSteps } from '../cases/tables.js';
import { enterprises } from '../enterprises/tables.js';
import { users } from '../users/tables.js';
import type { FieldForm, FieldRecordKind, FieldSignatures, FieldTaskRef, FieldFileRole } from './rules.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A record taken on site on the phone (现场检查笔录 / 调查询问笔录), synced once per device UUID:
 * `client_id` is unique, so a retried sync finds the first row instead of adding another.
 * With a case it also became the case's investigation step (`case_step_id`).
 */
export const fieldRecords = pgTable('field_records', {
  id: serial('id').primaryKey(),
  clientId: text('client_id').notNull(),
  kind: text('kind').$type<FieldRecordKind>().notNull(),
  caseId: integer('case_id').references(() => cases.id),
  caseStepId: integer('case_step_id').references(() => caseSteps.id),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  task: jsonb('task').$type<FieldTaskRef>().notNull(),
  occurredOn: text('occurred_on').notNull(),
  officerIds: integer('officer_ids').array().notNull(),
  form: jsonb('form').$type<FieldForm>().notNull(),
  signatures: jsonb('signatures').$type<FieldSignatures>().notNull(),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('field_records_client_id').on(t.clientId), index('field_records_case_idx').on(t.caseId)]);

/**
 * A resumable upload of one file of a field record (photo, video, signature): the device announces
 * size and SHA-256, sends chunks at offsets; the partial file lives under the evidence directory until
 * the last chunk, when the server re-hashes it and, if it matches, stores it as evidence.
 */
export const fieldUploads = pgTable('field_uploads', {
  id: text('id').primaryKey(),
  clientId: text('client_id').notNull(),
  recordId: integer('record_id').notNull().references(() => fieldRecords.id),
  role: text('role').$type<FieldFileRole>().notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  deviceSha256: text('device_sha256').notNull(),
  capturedAt: ts('captured_at'),
  longitude: doublePrecision('longitude'),
  latitude: doublePrecision('latitude'),
  receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
  /** The evidence row once complete and verified. */
  evidenceId: integer('evidence_id'),
  createdById: integer('created_by_id').notNull().references(() => users.id),
  createdAt: ts('created_at').notNull(),
}, (t) => [unique('field_uploads_client_id').on(t.clientId), index('field_uploads_record_idx').on(t.recordId)]);
