// What runs when the gateway finds new events. Supervision registers its list recomputation here, so
// monitoring does not depend on supervision.
import type { Db } from '../platform/db/index.js';

type Listener = (db: Db, enterpriseIds: number[], now: Date) => Promise<void>;
const listeners: Listener[] = [];

export function onMonitoringEvents(listener: Listener): void { if (!listeners.includes(listener)) listeners.push(listener); }

export async function afterMonitoringEvents(db: Db, enterpriseIds: number[], now: Date): Promise<void> {
  for (const l of listeners) await l(db, enterpriseIds, now);
}

/** Gateways running in this process: the API reads their counters and tells them of new devices. */
export interface RunningGateway { stats(): unknown; reloadDevices(): Promise<void> }
const gateways = new Set<RunningGateway>();
export const registerGateway = (g: RunningGateway) => { gateways.add(g); return () => { gateways.delete(g); }; };
export const runningGateways = (): RunningGateway[] => [...gateways];
