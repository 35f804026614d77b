// Runs the simulator in a worker thread, so that load generation does not share the gateway's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { runSimulator, type SimulatorOptions } from './simulator.js';

const options = workerData as Omit<SimulatorOptions, 'onAck' | 'startAt'> & { startAt?: string };
runSimulator({ ...options, startAt: options.startAt ? new Date(options.startAt) : undefined })
  .then((result) => parentPort!.postMessage({ ok: true, result }))
  .catch((e: unknown) => parentPort!.postMessage({ ok: false, error: String(e) }));
