// What runs when the gateway finds new events. Supervision registers its list recomputation here, so
// monitoring does not depend on supervision.
import type { Db } from '../platform/db/index.js';
import type { LimitRule } from './rules/events.js';

type Listener = (db: Db, enterpriseIds: number[], now: Date) => Promise<void>;
const listeners: Listener[] = [];

export function onMonitoringEvents(listener: Listener): void { if (!listeners.includes(listener)) listeners.push(listener); }

export async function afterMonitoringEvents(db: Db, enterpriseIds: number[], now: Date): Promise<void> {
  for (const l of listeners) await l(db, enterpriseIds, now);
}

/** Gateways running in this process: the API reads their counters and tells them of new devices. */
export interface RunningGateway { port: number; stats(): unknown; reloadDevices(): Promise<void> }
const gateways = new Set<RunningGateway>();
export const registerGateway = (g: RunningGateway) => { gateways.add(g); return () => { gateways.delete(g); }; };
export const runningGateways = (): RunningGateway[] => [...gateways];

/**
 * Limits from elsewhere (the discharge permit's 许可排放浓度, registered by src/permits): judged with the
 * emission-standard limits of `monitoring_limits`, the stricter bound applying (rules/events.ts).
 */
export type LimitProvider = (db: Db, outfallId: number) => Promise<LimitRule[]>;
const limitProviders: LimitProvider[] = [];
export function registerLimitProvider(p: LimitProvider): void { if (!limitProviders.includes(p)) limitProviders.push(p); }
export async function providedLimits(db: Db, outfallId: number): Promise<LimitRule[]> {
  const out: LimitRule[] = [];
  for (const p of limitProviders) out.push(...(await p(db, outfallId)));
  return out;
}

/** Told of data judged at an outfall (src/permits checks that the enterprise may discharge at all). */
export type DischargeCheck = (db: Db, data: { enterpriseId: number; outfallId: number; lastDataAt: number }, now: Date) => Promise<void>;
const dischargeChecks: DischargeCheck[] = [];
export function registerDischargeCheck(c: DischargeCheck): void { if (!dischargeChecks.includes(c)) dischargeChecks.push(c); }
export async function afterOutfallData(db: Db, data: { enterpriseId: number; outfallId: number; lastDataAt: number }, now: Date): Promise<void> {
  for (const c of dischargeChecks) await c(db, data, now);
}
