// The only file of the webhooks capability that talks to the database.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { webhookAttempts, webhookDeliveries, webhookIntegrators } from './tables.js';

export type IntegratorRow = typeof webhookIntegrators.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const integratorColumns = {
  id: webhookIntegrators.id, name: webhookIntegrators.name, url: webhookIntegrators.url, eventKinds: webhookIntegrators.eventKinds,
  active: webhookIntegrators.active, createdAt: webhookIntegrators.createdAt,
};

export const listIntegrators = (db: DbOrTx) => db.select(integratorColumns).from(webhookIntegrators).orderBy(asc(webhookIntegrators.id));

export async function findIntegrator(db: DbOrTx, id: number, lock = false) {
  const q = db.select().from(webhookIntegrators).where(eq(webhookIntegrators.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertIntegrator(db: DbOrTx, values: typeof webhookIntegrators.$inferInsert) {
  const [row] = await db.insert(webhookIntegrators).values(values).returning();
  return row!;
}

export async function setIntegratorActive(db: DbOrTx, id: number, active: boolean) {
  const [row] = await db.update(webhookIntegrators).set({ active }).where(eq(webhookIntegrators.id, id)).returning(integratorColumns);
  return row!;
}

/** Active integrators subscribed to an event kind. */
export async function subscribersOf(db: DbOrTx, kind: string) {
  return db.select({ id: webhookIntegrators.id }).from(webhookIntegrators)
    .where(and(eq(webhookIntegrators.active, true), sql`${webhookIntegrators.eventKinds} @> ${JSON.stringify([kind])}::jsonb`));
}

export async function insertDeliveries(db: DbOrTx, rows: (typeof webhookDeliveries.$inferInsert)[]) {
  if (rows.length) await db.insert(webhookDeliveries).values(rows);
}

/**
 * Claims up to `limit` due deliveries: locked with SKIP LOCKED (a second worker passes over them) and leased
 * by moving next_attempt_at to `leaseUntil` before the lock is released, so no other worker sees them due.
 */
export async function claimDue(db: DbOrTx, now: Date, leaseUntil: Date, limit: number) {
  const due = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id)).limit(limit)
    .for('update', { skipLocked: true });
  if (!due.length) return [];
  const leased = await db.update(webhookDeliveries).set({ nextAttemptAt: leaseUntil, attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(inArray(webhookDeliveries.id, due.map((d) => d.id))).returning();
  if (!leased.length) return [];
  const integrators = await db.select().from(webhookIntegrators).where(inArray(webhookIntegrators.id, [...new Set(leased.map((d) => d.integratorId))]));
  const byId = new Map(integrators.map((i) => [i.id, i]));
  return leased.sort((a, b) => a.id - b.id).map((d) => ({ delivery: d, integrator: byId.get(d.integratorId)! }));
}

export async function findDelivery(db: DbOrTx, id: number, lock = false) {
  const q = db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateDelivery(db: DbOrTx, id: number, values: Partial<typeof webhookDeliveries.$inferInsert>) {
  const [row] = await db.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, id)).returning();
  return row!;
}

export async function insertAttempt(db: DbOrTx, values: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(values);
}

/** The newest deliveries of an integrator, each with its attempts. */
export async function listDeliveries(db: DbOrTx, integratorId: number, limit: number) {
  const deliveries = await db.select({
    id: webhookDeliveries.id, eventId: webhookDeliveries.eventId, eventKind: webhookDeliveries.eventKind, status: webhookDeliveries.status,
    attempts: webhookDeliveries.attempts, nextAttemptAt: webhookDeliveries.nextAttemptAt, lastStatusCode: webhookDeliveries.lastStatusCode,
    createdAt: webhookDeliveries.createdAt, deliveredAt: webhookDeliveries.deliveredAt,
  }).from(webhookDeliveries).where(eq(webhookDeliveries.integratorId, integratorId)).orderBy(desc(webhookDeliveries.id)).limit(limit);
  const attempts = deliveries.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id))).orderBy(asc(webhookAttempts.id))
    : [];
  return deliveries.map((d) => ({ ...d, log: attempts.filter((a) => a.deliveryId === d.id) }));
}
