// Listeners told of public-disclosure events inside the transaction that makes them (webhooks write their
// outbox rows there, so an event is delivered if and only if it was committed).
import type { DbOrTx } from '../platform/db/index.js';

export type DisclosureEventKind = 'decision.published' | 'decision.withdrawn' | 'decision.corrected' | 'ranking.published';
export interface DisclosureEvent { kind: DisclosureEventKind; entity: string; entityId: number; data: unknown }
export type DisclosureListener = (tx: DbOrTx, event: DisclosureEvent, now: Date) => Promise<void>;

const listeners: DisclosureListener[] = [];

/** Registers a listener (once per function: importing a module twice adds nothing). */
export function registerDisclosureListener(listener: DisclosureListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Tells every listener, in the caller's transaction: a listener's failure rolls the event back. */
export async function notifyDisclosureListeners(tx: DbOrTx, event: DisclosureEvent, now: Date): Promise<void> {
  for (const l of listeners) await l(tx, event, now);
}
