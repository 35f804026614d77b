// Listeners told when a ranking is published (air and water alike: both publish through recordPublication),
// inside the publishing transaction: webhooks write their outbox rows there, so an integrator hears of a
// ranking if and only if its publication was committed.
import type { DbOrTx } from '../platform/db/index.js';
import type { RankingKind } from './rules/triggers.js';

export interface RankingPublishedEvent {
  kind: 'ranking.published'; entity: 'quality_publication'; entityId: number;
  /** What the public pages show of it (GET /api/public/rankings/:id has the rows). */
  data: { id: number; ranking: RankingKind; period: string; title: string; publishedAt: string };
}
export type RankingListener = (tx: DbOrTx, event: RankingPublishedEvent, now: Date) => Promise<void>;

const listeners: RankingListener[] = [];

/** Registers a listener (once per function: importing a module twice adds nothing). */
export function registerRankingListener(listener: RankingListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** Tells every listener in the caller's transaction: a listener's failure rolls the publication back. */
export async function notifyRankingListeners(tx: DbOrTx, event: RankingPublishedEvent, now: Date): Promise<void> {
  for (const l of listeners) await l(tx, event, now);
}
