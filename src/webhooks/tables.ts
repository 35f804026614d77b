import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../users/tables.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A registered integrator: where disclosure events are POSTed, which kinds, and the HMAC key (shown once). */
export const webhookIntegrators = pgTable('webhook_integrators', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  eventKinds: jsonb('event_kinds').$type<string[]>().notNull(),
  /** The HMAC-SHA256 key; the server needs it to sign, so it is stored, and shown to the admin only at creation. */
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
  createdById: integer('created_by_id').references(() => users.id),
});

/**
 * The outbox: one event for one integrator, written in the transaction of the event itself. A worker claims
 * due rows (FOR UPDATE SKIP LOCKED) and leases them by moving next_attempt_at forward before it posts.
 */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: serial('id').primaryKey(),
  integratorId: integer('integrator_id').notNull().references(() => webhookIntegrators.id),
  eventId: text('event_id').notNull(),
  eventKind: text('event_kind').notNull(),
  /** The exact body posted and signed. */
  body: text('body').notNull(),
  status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at'),
  lastStatusCode: integer('last_status_code'),
  createdAt: ts('created_at').notNull(),
  deliveredAt: ts('delivered_at'),
}, (t) => [
  index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  index('webhook_deliveries_integrator_idx').on(t.integratorId, t.id),
]);

/** The delivery log: every attempt, its HTTP status (null: no answer), how long it took, the next retry. */
export const webhookAttempts = pgTable('webhook_attempts', {
  id: serial('id').primaryKey(),
  deliveryId: integer('delivery_id').notNull().references(() => webhookDeliveries.id),
  attempt: integer('attempt').notNull(),
  attemptedAt: ts('attempted_at').notNull(),
  statusCode: integer('status_code'),
  error: text('error'),
  durationMs: integer('duration_ms').notNull(),
  nextRetryAt: ts('next_retry_at'),
}, (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)]);
