// The HJ 212 gateway: a TCP server that speaks to data loggers as the standard says. One bad frame is
// rejected (counted, logged with its reason) and the connection goes on; data is acknowledged (CN 9014)
// only after its batch has committed; a full write queue pauses the sockets (back-pressure).
import net from 'node:net';
import type { Database } from '../platform/db/index.js';
import { encodeDataAnswer, isDataCn, isSplit, needsAnswer, parseFrame, UPLOAD_CNS, type Hj212Packet, type RejectReason } from './rules/hj212.js';
import { FrameScanner, MAX_FRAME_BYTES } from './rules/stream.js';
import { Reassembler } from './rules/reassembly.js';
import { rowsOfPacket, type IngestRows, type KnownDevice } from './rules/ingest.js';
import { BatchWriter, batchInserterOf, insertRejections, rawClientOf, touchDevices, type BatchWriterOptions, type RejectionRow } from './store.js';
import { loadChannelIndex, loadKnownDevices } from './queries.js';
import { evaluateElectricity, evaluateOutfall, sweepOffline } from './actions.js';
import { registerGateway } from './hooks.js';

export interface GatewayLogger { info(msg: string): void; warn(msg: string): void }

export interface GatewayOptions {
  database: Database;
  port?: number;
  host?: string;
  writer?: BatchWriterOptions;
  logger?: GatewayLogger;
  clock?: () => Date;
  /** Judge exceedances, data quality and electricity after commits (default true). */
  detect?: boolean;
  /** Called with the enterprises that got new events (supervision recomputes its lists). */
  onNewEvents?: (enterpriseIds: number[]) => Promise<void> | void;
  reassemblyTimeoutMs?: number;
  /** How often the device registry is reloaded (ms). */
  deviceRefreshMs?: number;
}

export interface GatewayStats {
  connections: number; frames: number; accepted: number; acknowledged: number; storedPackets: number; storedRows: number;
  rejected: number; rejectedByReason: Partial<Record<RejectReason, number>>; ignored: number; queueRows: number; pausedSockets: number;
  batches: number; failedBatches: number; pendingSplitMessages: number;
}

export interface Gateway { port: number; stats(): GatewayStats; reloadDevices(): Promise<void>; drain(): Promise<void>; close(): Promise<void> }

const MAX_REJECTION_BUFFER = 10_000;
const sampleOf = (b: Uint8Array) => Buffer.from(b.subarray(0, 160)).toString('latin1').replace(/[^\x20-\x7e]/g, '?');

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { database } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.logger ?? { info: () => {}, warn: () => {} };
  const client = rawClientOf(database);
  const writer = new BatchWriter(batchInserterOf(database), { ...options.writer, clock });
  const reassembler = new Reassembler(options.reassemblyTimeoutMs ?? 60_000);
  let devices = new Map<string, KnownDevice>();
  let channels = new Map<string, number>();
  let lastReload = 0;
  let reloading: Promise<void> | null = null;
  const reloadDevices = async () => {
    const [list, ch] = await Promise.all([loadKnownDevices(database.db), loadChannelIndex(database.db)]);
    devices = new Map(list.map((d) => [d.mn, d]));
    channels = ch;
    lastReload = Date.now();
  };
  await reloadDevices();

  const stats = { connections: 0, frames: 0, accepted: 0, acknowledged: 0, rejected: 0, ignored: 0 };
  const rejectedByReason: Partial<Record<RejectReason, number>> = {};
  let rejectionBuffer: RejectionRow[] = [];
  const seen = new Map<number, number>();
  const paused = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();

  const reject = (reason: RejectReason, field: string | undefined, frame: Uint8Array, mn: string | null, remote: string | null) => {
    stats.rejected++;
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
    if (rejectionBuffer.length < MAX_REJECTION_BUFFER) rejectionBuffer.push({ at: clock().getTime(), reason, field: field ?? null, mn, remote, sample: sampleOf(frame) });
    if (reason === 'HJ212_UNKNOWN_MN' && Date.now() - lastReload > 1000 && !reloading) {
      // A device registered since the last load: the next retry finds it.
      reloading = reloadDevices().catch((e) => log.warn(`device reload failed: ${String(e)}`)).finally(() => { reloading = null; });
    }
  };

  // Detection runs off the acknowledgement path: dirty outfalls and enterprises, judged at most once a second.
  const dirtyOutfalls = new Map<number, number>();
  const dirtyEnterprises = new Map<number, number>();
  const detect = options.detect ?? true;
  writer.on('committed', (batch: IngestRows[]) => {
    for (const rows of batch) {
      const outfallId = rows.points[0]?.outfallId;
      if (outfallId !== undefined && outfallId !== null && rows.packet.cn !== 2011) {
        dirtyOutfalls.set(outfallId, Math.min(dirtyOutfalls.get(outfallId) ?? Infinity, rows.packet.dataTime));
      }
      seen.set(rows.packet.deviceId, Math.max(seen.get(rows.packet.deviceId) ?? 0, clock().getTime()));
    }
  });
  const enterpriseOfReadings = (rows: IngestRows) => [...devices.values()].find((d) => d.id === rows.packet.deviceId)?.enterpriseId;
  writer.on('committed', (batch: IngestRows[]) => {
    for (const rows of batch) if (rows.readings.length) {
      const e = enterpriseOfReadings(rows);
      if (e !== undefined) dirtyEnterprises.set(e, Math.min(dirtyEnterprises.get(e) ?? Infinity, rows.packet.dataTime));
    }
  });
  writer.on('drain', () => { for (const s of paused) s.resume(); paused.clear(); });
  writer.on('error-batch', (e: Error) => log.warn(`monitoring batch not stored (devices will retry): ${e.message}`));

  let housekeeping: Promise<void> = Promise.resolve();
  let closing = false;
  let lastSweep = 0;
  const tick = async () => {
    const now = clock();
    const rows = rejectionBuffer; rejectionBuffer = [];
    await insertRejections(client, rows).catch((e) => log.warn(`rejections not logged: ${String(e)}`));
    const touched = new Map(seen); seen.clear();
    await touchDevices(client, touched).catch((e) => log.warn(`last-seen not updated: ${String(e)}`));
    for (const parts of reassembler.expire(now.getTime())) for (const p of parts) reject('HJ212_PACKET_INCOMPLETE', 'PNO', Buffer.alloc(0), p.mn, null);
    if (Date.now() - lastReload > (options.deviceRefreshMs ?? 10_000)) await reloadDevices().catch(() => {});
    if (!detect) return;
    const withEvents = new Set<number>();
    const outs = [...dirtyOutfalls]; dirtyOutfalls.clear();
    for (const [outfallId, from] of outs) {
      try { if (await evaluateOutfall(database.db, outfallId, from, now)) withEvents.add(outfallId); } catch (e) { log.warn(`evaluation of outfall ${outfallId} failed: ${String(e)}`); }
    }
    const ents = [...dirtyEnterprises]; dirtyEnterprises.clear();
    const enterprisesWithEvents = new Set<number>();
    for (const [enterpriseId, from] of ents) {
      try { if (await evaluateElectricity(database.db, enterpriseId, from, now)) enterprisesWithEvents.add(enterpriseId); } catch (e) { log.warn(`electricity evaluation failed: ${String(e)}`); }
    }
    if (Date.now() - lastSweep > 60_000) { lastSweep = Date.now(); await sweepOffline(database.db, now).catch((e) => log.warn(`offline sweep failed: ${String(e)}`)); }
    if (withEvents.size) for (const d of devices.values()) if (d.outfallId !== null && withEvents.has(d.outfallId)) enterprisesWithEvents.add(d.enterpriseId);
    if (enterprisesWithEvents.size && options.onNewEvents) await Promise.resolve(options.onNewEvents([...enterprisesWithEvents])).catch((e) => log.warn(`event hook failed: ${String(e)}`));
  };
  const timer = setInterval(() => {
    housekeeping = housekeeping.then(() => (closing ? undefined : tick())).catch((e) => log.warn(`housekeeping: ${String(e)}`));
  }, 1000);
  timer.unref();

  const store = (socket: net.Socket, message: Hj212Packet, parts: Hj212Packet[], device: KnownDevice) => {
    const rows = rowsOfPacket(message, device, (deviceId, code) => channels.get(`${deviceId}|${code}`));
    const answer = () => {
      stats.accepted += parts.length;
      for (const part of parts) {
        if (needsAnswer(part) && !socket.destroyed) { socket.write(encodeDataAnswer(part)); stats.acknowledged++; }
      }
    };
    if (!rows) { stats.ignored += parts.length; answer(); return; }
    const more = writer.submit(rows, (error) => { if (!error) answer(); });
    if (!more && !paused.has(socket)) { socket.pause(); paused.add(socket); }
  };

  const server = net.createServer((socket) => {
    stats.connections++;
    sockets.add(socket);
    const remote = `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`;
    const scanner = new FrameScanner();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      let frames: Buffer[];
      try { frames = scanner.push(chunk); } catch { frames = []; }
      for (const frame of frames) {
        stats.frames++;
        try {
          if (frame.length > MAX_FRAME_BYTES) { reject('HJ212_FRAME_TOO_LONG', undefined, frame, null, remote); continue; }
          const parsed = parseFrame(frame);
          if (!parsed.ok) { reject(parsed.reason, parsed.field, frame, null, remote); continue; }
          const p = parsed.value;
          const device = devices.get(p.mn);
          if (!device) { reject('HJ212_UNKNOWN_MN', 'MN', frame, p.mn, remote); continue; }
          if (device.password !== p.pw) { reject('HJ212_WRONG_PW', 'PW', frame, p.mn, remote); continue; }
          if (isSplit(p) && p.pnum! > 1) {
            const r = reassembler.add(p, clock().getTime());
            if ('abandoned' in r) for (const a of r.abandoned) reject('HJ212_PACKET_INCOMPLETE', 'PNO', Buffer.alloc(0), a.mn, remote);
            if (r.status === 'complete') store(socket, r.packet, r.parts, device);
            continue;
          }
          if (isDataCn(p.cn) || UPLOAD_CNS.has(p.cn)) store(socket, p, [p], device);
          else { stats.ignored++; if (needsAnswer(p) && !socket.destroyed) { socket.write(encodeDataAnswer(p)); stats.acknowledged++; } }
        } catch (e) {
          // A bug, not a device's fault: log it and keep the connection.
          log.warn(`gateway: unexpected error on a frame from ${remote}: ${String(e)}`);
          reject('HJ212_FIELD_FORMAT', undefined, frame, null, remote);
        }
      }
    });
    socket.on('error', () => { /* resets are normal on field links */ });
    socket.on('close', () => { sockets.delete(socket); paused.delete(socket); });
  });
  server.on('error', (e) => log.warn(`gateway server error: ${String(e)}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9212, options.host ?? '0.0.0.0', () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as net.AddressInfo).port;
  log.info(`HJ 212 gateway listening on port ${port} (${devices.size} devices registered)`);

  const gateway: Gateway = {
    port,
    stats: () => ({
      ...stats, rejectedByReason: { ...rejectedByReason }, storedPackets: writer.committedPackets, storedRows: writer.committedRows,
      queueRows: writer.depth, pausedSockets: paused.size, batches: writer.batches, failedBatches: writer.failedBatches,
      pendingSplitMessages: reassembler.pendingMessages,
    }),
    reloadDevices,
    /** Waits until everything received so far is stored and judged. */
    async drain() {
      await writer.flush();
      await housekeeping;
      await tick();
    },
    async close() {
      unregister();
      await new Promise<void>((resolve) => { server.close(() => resolve()); for (const s of sockets) s.destroy(); });
      clearInterval(timer);
      await writer.close();
      closing = true;
      await housekeeping;
      closing = false;
      await tick().catch(() => {});
    },
  };
  const unregister = registerGateway(gateway);
  return gateway;
}
