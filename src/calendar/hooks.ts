// What runs when a holiday year is recorded or replaced, inside its transaction. Cases registers the
// recomputation of deadlines computed on the provisional calendar here, so calendar does not depend
// on cases (test/architecture.test.ts).
import type { Tx } from '../platform/db/index.js';
import type { Actor } from '../platform/audit/log.js';

export interface Recomputation { recomputed: number; changed: number }
type Listener = (tx: Tx, actor: Actor, year: number, source: string, now: Date) => Promise<Recomputation>;
const listeners: Listener[] = [];

export function onHolidayYearRecorded(listener: Listener): void { if (!listeners.includes(listener)) listeners.push(listener); }

export async function afterHolidayYearRecorded(tx: Tx, actor: Actor, year: number, source: string, now: Date): Promise<Recomputation> {
  const total: Recomputation = { recomputed: 0, changed: 0 };
  for (const l of listeners) {
    const r = await l(tx, actor, year, source, now);
    total.recomputed += r.recomputed;
    total.changed += r.changed;
  }
  return total;
}
