import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained log of every state change. UPDATE and DELETE are refused by a
 * trigger (see the custom migration); `hash` covers the row and `prevHash`, so an edit made
 * behind the application's back breaks the chain at that row.
 */
export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  reason: text('reason'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)]);

/**
 * Keyed checkpoints of the chain's head (HMAC-SHA256 with a key kept outside the database, see
 * anchor.ts). A copy goes to an append-only file beside the data; `audit verify` checks the chain
 * against the latest checkpoint whose MAC holds.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  rowCount: bigint('row_count', { mode: 'number' }).notNull(),
  headSeq: bigint('head_seq', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  /** Which key signed it (first 16 hex of the key's SHA-256), so a rotated key is recognised. */
  keyId: text('key_id').notNull(),
  mac: text('mac').notNull(),
});
