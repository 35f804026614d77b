// Simulated data loggers while the server runs (issue 12): an administrator registers simulated loggers for
// chosen enterprises/outfalls and starts or stops a simulation that sends real HJ 212-2017 frames over TCP to
// the gateway of this process, so the whole path runs (parse → 9014 answer → store → events). One simulation
// at a time per process; every start, stop and end is audited.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { appendAudit, actorOf, SYSTEM_ACTOR, type Actor } from '../platform/audit/log.js';
import type { Principal } from '../platform/auth/roles.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { findEnterprise, outfalls } from '../enterprises/index.js';
import { electricityChannels, monitoringDevices } from './tables.js';
import { ensureSimulatedDevicesFor, isSimulatedDevice } from './demo.js';
import { runSimulator, type SimDevice, type SimulatorResult } from './simulator.js';
import { runningGateways } from './hooks.js';

export interface SimulationDevicesInput { enterpriseIds: number[]; outfallIds?: number[] | undefined; electricity: boolean }

export interface SimulationStartInput {
  /** Only the simulated loggers of these enterprises; all simulated loggers when absent. */
  enterpriseIds?: number[] | undefined;
  /** Packets per second over all loggers. */
  rate: number;
  durationS?: number | undefined;
  packets?: number | undefined;
  faultRatio: number;
  exceedRatio: number;
}

export type SimulationState = 'running' | 'stopping' | 'finished' | 'stopped' | 'failed';

export interface SimulationRun {
  id: number;
  state: SimulationState;
  startedAt: Date;
  endedAt: Date | null;
  startedBy: string;
  stoppedBy: string | null;
  gatewayPort: number;
  devices: number;
  enterpriseIds: number[] | null;
  rate: number;
  durationS: number | null;
  packets: number | null;
  progress: SimulatorResult;
  error: string | null;
}

const INTERVAL_S = 60;
let current: { run: SimulationRun; abort: AbortController; done: Promise<void> } | null = null;
let lastId = 0;

const isAdministrator = (p: Principal) => p.role === 'administrator';

/** The current or last simulation of this process (a copy), or null. */
export function simulationStatus(): SimulationRun | null {
  return current ? { ...current.run, progress: { ...current.run.progress } } : null;
}

/** Resolves when the current simulation has ended (for shutdown and tests). */
export const simulationEnded = (): Promise<void> => current?.done ?? Promise.resolve();

/** The simulated loggers (MN form and access code of the simulator), optionally of some enterprises, for the simulator. */
export async function listSimulatedDevices(db: Db, enterpriseIds?: number[]): Promise<(SimDevice & { enterpriseId: number })[]> {
  const rows = await db.select({ id: monitoringDevices.id, mn: monitoringDevices.mn, password: monitoringDevices.password, kind: monitoringDevices.kind, enterpriseId: monitoringDevices.enterpriseId, outfallKind: outfalls.kind })
    .from(monitoringDevices).leftJoin(outfalls, eq(outfalls.id, monitoringDevices.outfallId))
    .where(and(eq(monitoringDevices.active, true), enterpriseIds?.length ? inArray(monitoringDevices.enterpriseId, enterpriseIds) : undefined))
    .orderBy(asc(monitoringDevices.id));
  const simulated = rows.filter(isSimulatedDevice);
  const channels = simulated.some((d) => d.kind === 'electricity')
    ? await db.select({ deviceId: electricityChannels.deviceId, role: electricityChannels.role, code: electricityChannels.factorCode }).from(electricityChannels)
      .where(inArray(electricityChannels.deviceId, simulated.filter((d) => d.kind === 'electricity').map((d) => d.id)))
    : [];
  const out: (SimDevice & { enterpriseId: number })[] = [];
  for (const d of simulated) {
    if (d.kind === 'electricity') {
      const production = channels.find((c) => c.deviceId === d.id && c.role === 'production')?.code;
      const control = channels.find((c) => c.deviceId === d.id && c.role === 'control')?.code;
      if (production && control) out.push({ mn: d.mn, pw: d.password, kind: 'electricity', channels: { production, control }, enterpriseId: d.enterpriseId });
    } else if (d.outfallKind) {
      out.push({ mn: d.mn, pw: d.password, kind: d.outfallKind, enterpriseId: d.enterpriseId });
    }
  }
  return out;
}

/**
 * Registers simulated loggers for the outfalls of the chosen enterprises (or the chosen outfalls of them), with the
 * emission-standard limits, and an electricity logger per enterprise if asked. An outfall that already has a real
 * logger is refused: simulated frames must never be stored as a real enterprise's data.
 */
export async function registerSimulatedDevices(db: Db, principal: Principal, input: SimulationDevicesInput, now: Date): Promise<Result<{ devices: number; created: number }>> {
  if (!isAdministrator(principal)) return refuse('FORBIDDEN');
  const enterpriseIds = [...new Set(input.enterpriseIds)];
  const outs: { id: number; enterpriseId: number; kind: 'water' | 'air' }[] = [];
  for (const id of enterpriseIds) {
    const e = await findEnterprise(db, id, principal);
    if (!e) return refuse('ENTERPRISE_UNKNOWN', undefined, 'enterpriseIds');
    for (const o of e.outfalls) if (!input.outfallIds || input.outfallIds.includes(o.id)) outs.push({ id: o.id, enterpriseId: id, kind: o.kind });
  }
  if (input.outfallIds && input.outfallIds.some((id) => !outs.some((o) => o.id === id))) return refuse('OUTFALL_NOT_OF_ENTERPRISE', undefined, 'outfallIds');
  if (!outs.length && !input.electricity) return refuse('SIMULATION_NOTHING_TO_SIMULATE', undefined, 'outfallIds');
  if (outs.length) {
    const existing = await db.select({ mn: monitoringDevices.mn, password: monitoringDevices.password }).from(monitoringDevices).where(inArray(monitoringDevices.outfallId, outs.map((o) => o.id)));
    if (existing.some((d) => !isSimulatedDevice(d))) return refuse('SIMULATION_REAL_DEVICE', undefined, 'outfallIds');
  }
  if (input.electricity) {
    const real = await db.select({ mn: monitoringDevices.mn, password: monitoringDevices.password }).from(monitoringDevices)
      .where(and(inArray(monitoringDevices.enterpriseId, enterpriseIds), eq(monitoringDevices.kind, 'electricity')));
    if (real.some((d) => !isSimulatedDevice(d))) return refuse('SIMULATION_REAL_DEVICE', undefined, 'electricity');
  }
  const { devices, created } = await ensureSimulatedDevicesFor(db, outs, input.electricity ? enterpriseIds : [], now, actorOf(principal));
  for (const g of runningGateways()) await g.reloadDevices();
  return success({ devices: devices.length, created });
}

/** When the first packet's data time lies so that the last one is about `now` (at most one day back). */
export function simulationStartAt(now: Date, devices: number, rate: number, durationS: number | null, packets: number | null): Date {
  const total = Math.min(packets ?? Infinity, durationS !== null ? rate * durationS : Infinity);
  const perDevice = Number.isFinite(total) ? Math.ceil(total / Math.max(1, devices)) : 24 * 60;
  return new Date(now.getTime() - Math.min(perDevice * INTERVAL_S * 1000, 24 * 3600_000));
}

async function auditSafely(db: Db, actor: Actor, action: string, run: SimulationRun, now: Date): Promise<void> {
  try {
    await appendAudit(db, actor, { action, entity: 'monitoring_simulation', entityId: run.id, after: { state: run.state, devices: run.devices, progress: run.progress, error: run.error } }, now);
  } catch (e) {
    // The database may already be closed (shutdown): the end is then only logged.
    console.error(`monitoring simulation ${run.id}: ${action} not audited: ${(e as Error).message}`);
  }
}

/** Starts a simulation against this process's gateway; refused while one runs or when no gateway runs. */
export async function startSimulation(db: Db, principal: Principal, input: SimulationStartInput, now: Date): Promise<Result<SimulationRun>> {
  if (!isAdministrator(principal)) return refuse('FORBIDDEN');
  if (current && (current.run.state === 'running' || current.run.state === 'stopping')) return refuse('SIMULATION_RUNNING');
  const gateway = runningGateways()[0];
  if (!gateway) return refuse('MONITORING_GATEWAY_NOT_RUNNING');
  const devices = await listSimulatedDevices(db, input.enterpriseIds);
  if (!devices.length) return refuse('SIMULATION_NO_DEVICES', undefined, input.enterpriseIds?.length ? 'enterpriseIds' : undefined);
  const durationS = input.durationS ?? (input.packets === undefined ? 60 : null);
  const packets = input.packets ?? null;
  const run: SimulationRun = {
    id: (lastId = Math.max(now.getTime(), lastId + 1)), state: 'running', startedAt: now, endedAt: null, startedBy: principal.username, stoppedBy: null, gatewayPort: gateway.port,
    devices: devices.length, enterpriseIds: input.enterpriseIds ?? null, rate: input.rate, durationS, packets,
    progress: { sent: 0, valid: 0, faulty: 0, acked: 0, points: 0, seconds: 0 }, error: null,
  };
  await appendAudit(db, actorOf(principal), { action: 'monitoring.simulation.start', entity: 'monitoring_simulation', entityId: run.id, after: { ...run, progress: undefined } }, now);
  const abort = new AbortController();
  const t0 = Date.now();
  const done = runSimulator({
    host: '127.0.0.1', port: gateway.port, devices: devices.map(({ enterpriseId: _, ...d }) => d), rate: input.rate,
    durationS: durationS ?? undefined, packets: packets ?? undefined, faultRatio: input.faultRatio, exceedRatio: input.exceedRatio,
    startAt: simulationStartAt(now, devices.length, input.rate, durationS, packets), intervalS: INTERVAL_S, seed: run.id % 2 ** 31,
    connections: Math.min(devices.length, 4), signal: abort.signal,
    onProgress: (p) => { run.progress = { ...p, seconds: (Date.now() - t0) / 1000 }; },
  }).then(
    (result) => { run.progress = result; run.state = abort.signal.aborted ? 'stopped' : 'finished'; },
    (e: unknown) => { run.state = 'failed'; run.error = (e as Error).message ?? String(e); },
  ).then(async () => {
    run.endedAt = new Date(now.getTime() + (Date.now() - t0));
    await auditSafely(db, SYSTEM_ACTOR, 'monitoring.simulation.end', run, run.endedAt);
  });
  current = { run, abort, done };
  return success(simulationStatus()!);
}

/** Asks the running simulation to stop: it sends no more frames and ends once the answers due are in. */
export async function stopSimulation(db: Db, principal: Principal, now: Date): Promise<Result<SimulationRun>> {
  if (!isAdministrator(principal)) return refuse('FORBIDDEN');
  if (!current || current.run.state !== 'running') return refuse('SIMULATION_NOT_RUNNING');
  current.run.state = 'stopping';
  current.run.stoppedBy = principal.username;
  current.abort.abort();
  await appendAudit(db, actorOf(principal), { action: 'monitoring.simulation.stop', entity: 'monitoring_simulation', entityId: current.run.id, after: { progress: current.run.progress } }, now);
  return success(simulationStatus()!);
}
