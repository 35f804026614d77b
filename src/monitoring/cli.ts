// The monitoring commands of `ecogov`: the gateway (alone or inside `serve`) and simulated devices.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/index.js';
import { startGateway, type Gateway } from './gateway.js';
import { ensureSimulatedDevices } from './demo.js';
import { runSimulator, type SimDevice } from './simulator.js';
import { afterMonitoringEvents } from './hooks.js';
// Supervision recomputes its key list when the gateway finds events: it registers on import, through
// src/platform/wiring.ts, which src/cli.ts loads.

export const gatewayPortFromEnv = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.ECOGOV_GATEWAY_PORT ?? 9212);
  return Number.isInteger(n) && n >= 0 && n < 65536 ? n : 9212;
};

export function startMonitoringGateway(database: Database, port: number, host = '0.0.0.0'): Promise<Gateway> {
  const quiet = process.env.LOG_LEVEL === 'silent';
  return startGateway({
    database, port, host,
    logger: { info: (m) => { if (!quiet) console.error(m); }, warn: (m) => console.error(m) },
    onNewEvents: (ids) => afterMonitoringEvents(database.db, ids, new Date()),
  });
}

/** For `serve`: a gateway port already taken must not stop the web server; it is reported instead. */
export async function startMonitoringGatewayOrWarn(database: Database, port: number): Promise<Gateway | null> {
  try {
    return await startMonitoringGateway(database, port);
  } catch (e) {
    console.error(`HJ 212 gateway NOT started on port ${port}: ${(e as Error).message} (set ECOGOV_GATEWAY_PORT, or ECOGOV_GATEWAY=off)`);
    return null;
  }
}

const devicesFile = (c: Config) => join(dirname(c.dataDir), 'simulated-devices.json');

export async function simulateDevicesCommand(
  o: Record<string, string | boolean | undefined>, c: Config,
  withDatabase: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
): Promise<void> {
  const n = Number(o.devices ?? 10);
  const rate = Number(o.rate ?? 10);
  if (!Number.isInteger(n) || n < 1) throw new Error('--devices: a positive whole number');
  if (!Number.isFinite(rate) || rate < 0) throw new Error('--rate: packets per second, 0 or more');
  let devices: SimDevice[];
  if (o.register) {
    devices = await withDatabase((d) => ensureSimulatedDevices(d.db, n, new Date()));
    mkdirSync(dirname(devicesFile(c)), { recursive: true });
    writeFileSync(devicesFile(c), JSON.stringify(devices, null, 1));
    console.error(`registered ${devices.length} simulated loggers (${devicesFile(c)})`);
  } else {
    if (!existsSync(devicesFile(c))) throw new Error(`no simulated loggers registered yet: run once with --register (${devicesFile(c)})`);
    devices = JSON.parse(readFileSync(devicesFile(c), 'utf8')) as SimDevice[];
    if (devices.length < n) console.error(`only ${devices.length} simulated loggers are registered; run with --register --devices ${n} for more`);
    devices = devices.slice(0, n);
  }
  const port = o.port !== undefined ? Number(o.port) : gatewayPortFromEnv();
  const result = await runSimulator({
    host: String(o.host ?? '127.0.0.1'), port, devices, rate,
    durationS: o.duration !== undefined ? Number(o.duration) : o.packets === undefined ? 60 : undefined,
    packets: o.packets !== undefined ? Number(o.packets) : undefined,
    faultRatio: Number(o.faultRatio ?? 0.02), exceedRatio: Number(o.exceedRatio ?? 0.1),
    startAt: new Date(Date.now() - 6 * 3600_000),
  });
  console.log(`sent ${result.sent} packets (${result.valid} valid, ${result.faulty} faulty, ${result.points} data points) in ${result.seconds.toFixed(1)} s; ${result.acked} acknowledged`);
}
