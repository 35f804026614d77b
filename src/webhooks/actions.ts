// Webhooks: registration, the outbox written with each disclosure event, the delivery worker, redelivery by hand.
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../platform/db/index.js';
import type { Principal } from '../platform/auth/roles.js';
import { actorOf, appendAudit } from '../platform/audit/log.js';
import { refuse, success, type Result } from '../law/outcome.js';
import type { DisclosureEvent } from '../disclosure/index.js';
import { checkWebhookUrl, computeNextRetryAt, isDelivered, type EventKind } from './rules.js';
import { DELIVERY_HEADER, EVENT_HEADER, newSecret, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';
import {
  claimDue, findDelivery, findIntegrator, insertAttempt, insertDeliveries, insertIntegrator, listDeliveries, listIntegrators, setIntegratorActive,
  subscribersOf, updateDelivery,
} from './queries.js';

export interface IntegratorInput { name: string; url: string; eventKinds: EventKind[] }

/** Registers an integrator; the secret is returned this once and never shown again. */
export async function registerIntegrator(db: Db, principal: Principal, input: IntegratorInput, now: Date, allowHttpLocalhost: boolean) {
  const gate = checkWebhookUrl(input.url, allowHttpLocalhost);
  if (!gate.ok) return gate;
  return db.transaction(async (tx) => {
    const row = await insertIntegrator(tx, {
      name: input.name, url: input.url, eventKinds: [...new Set(input.eventKinds)], secret: newSecret(), active: true, createdAt: now, createdById: principal.id,
    });
    const { secret, ...shown } = row;
    await appendAudit(tx, actorOf(principal), { action: 'webhook.register', entity: 'webhook_integrator', entityId: row.id, after: shown }, now);
    return success({ ...shown, secret });
  });
}

export async function setActive(db: Db, principal: Principal, id: number, active: boolean, now: Date) {
  return db.transaction(async (tx) => {
    const before = await findIntegrator(tx, id, true);
    if (!before) return refuse('NOT_FOUND');
    const after = await setIntegratorActive(tx, id, active);
    await appendAudit(tx, actorOf(principal), { action: active ? 'webhook.activate' : 'webhook.deactivate', entity: 'webhook_integrator', entityId: id, before: { active: before.active }, after: { active } }, now);
    return success(after);
  });
}

export const integrators = (db: Db) => listIntegrators(db);

export async function deliveryLog(db: Db, integratorId: number, limit = 100) {
  const integrator = await findIntegrator(db, integratorId);
  if (!integrator) return refuse('NOT_FOUND');
  return success({ integratorId, name: integrator.name, url: integrator.url, deliveries: await listDeliveries(db, integratorId, limit) });
}

/** Redelivery by hand: the delivery is due again now, on a fresh back-off schedule. */
export async function redeliver(db: Db, principal: Principal, id: number, now: Date): Promise<Result<{ id: number; status: string }>> {
  return db.transaction(async (tx) => {
    const before = await findDelivery(tx, id, true);
    if (!before) return refuse('NOT_FOUND');
    const integrator = await findIntegrator(tx, before.integratorId);
    if (!integrator?.active) return refuse('WEBHOOK_INTEGRATOR_INACTIVE');
    const after = await updateDelivery(tx, id, { status: 'pending', attempts: 0, nextAttemptAt: now, deliveredAt: null });
    await appendAudit(tx, actorOf(principal), { action: 'webhook.redeliver', entity: 'webhook_delivery', entityId: id, before: { status: before.status, attempts: before.attempts }, after: { status: after.status } }, now);
    return success({ id, status: after.status });
  });
}

/** The disclosure listener: one outbox row per subscribed integrator, in the event's own transaction. */
export async function enqueueEvent(tx: DbOrTx, event: DisclosureEvent, now: Date): Promise<void> {
  const subscribers = await subscribersOf(tx, event.kind);
  if (!subscribers.length) return;
  const eventId = randomUUID();
  const body = JSON.stringify({ id: eventId, kind: event.kind, occurredAt: now.toISOString(), entity: event.entity, entityId: event.entityId, data: event.data });
  await insertDeliveries(tx, subscribers.map((s) => ({
    integratorId: s.id, eventId, eventKind: event.kind, body, status: 'pending' as const, attempts: 0, nextAttemptAt: now, createdAt: now,
  })));
}

export interface DeliverOptions {
  /** Rows claimed per round. */
  batch?: number;
  /** How long a claimed row stays invisible to other workers while it is posted. */
  leaseMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** One round of the worker: claims the due rows, posts each signed, logs the attempt, schedules a retry or gives up. */
export async function deliverDue(db: Db, now: Date, opts: DeliverOptions = {}): Promise<{ attempted: number; delivered: number }> {
  const doFetch = opts.fetch ?? fetch;
  const claimed = await db.transaction((tx) => claimDue(tx, now, new Date(now.getTime() + (opts.leaseMs ?? 120_000)), opts.batch ?? 20));
  let delivered = 0;
  for (const { delivery, integrator } of claimed) {
    const timestamp = Math.floor(now.getTime() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      // Switched off after the row was queued: nothing is posted, and no retries.
      if (!integrator.active) throw new Error('integrator switched off');
      const res = await doFetch(integrator.url, {
        method: 'POST', body: delivery.body, redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        headers: {
          'content-type': 'application/json; charset=utf-8', 'user-agent': 'EcoGov-Webhooks/1',
          [EVENT_HEADER]: delivery.eventKind, [DELIVERY_HEADER]: String(delivery.id), [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signPayload(integrator.secret, timestamp, delivery.body),
        },
      });
      statusCode = res.status;
      await res.body?.cancel();
    } catch (err) {
      error = (err as Error).name === 'TimeoutError' ? 'timeout' : String((err as Error).message ?? err).slice(0, 500);
    }
    const durationMs = Math.round(performance.now() - started);
    const ok = isDelivered(statusCode);
    // An integrator deactivated meanwhile gets no retries.
    const nextRetryAt = ok || !integrator.active ? null : computeNextRetryAt(delivery.attempts, now);
    await db.transaction(async (tx) => {
      await insertAttempt(tx, { deliveryId: delivery.id, attempt: delivery.attempts, attemptedAt: now, statusCode, error, durationMs, nextRetryAt });
      await updateDelivery(tx, delivery.id, ok
        ? { status: 'delivered', deliveredAt: now, nextAttemptAt: null, lastStatusCode: statusCode }
        : { status: nextRetryAt ? 'pending' : 'failed', nextAttemptAt: nextRetryAt, lastStatusCode: statusCode });
    });
    if (ok) delivered++;
  }
  return { attempted: claimed.length, delivered };
}

export interface WebhookWorker { stop(): Promise<void> }

/** Delivers due rows every `intervalMs` until stopped; a round's failure is logged and the next round runs. */
export function startWebhookWorker(db: Db, opts: DeliverOptions & { intervalMs?: number; clock?: () => Date; onError?: (err: unknown) => void } = {}): WebhookWorker {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = deliverDue(db, (opts.clock ?? (() => new Date()))(), opts).catch((err) => opts.onError?.(err)).finally(() => {
      if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 10_000);
      timer?.unref?.();
    });
  };
  let timer: NodeJS.Timeout | undefined = setTimeout(tick, opts.intervalMs ?? 10_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
