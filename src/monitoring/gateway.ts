// The HJ 212 gateway: a TCP server that speaks to data loggers as the standard says. One bad frame is
// rejected (counted, logged with its reason) and the connection goes on; data is acknowledged (CN 9014)
// only after its batch has committed; a full write queue pauses the sockets (back-pressure).
import net from 'node:net';
import type { Database } from '../platform/db/index.js';
import {
  encodeDataAnswer, encodeSegment, encodeTimeSet, instantOfTimeStamp, isDataCn, isSplit, needsAnswer, parseFrame, parseSegment, UPLOAD_CNS,
  type Hj212Packet, type RejectReason,
} from './rules/hj212.js';
import { FrameScanner, MAX_FRAME_BYTES, type ScanItem } from './rules/stream.js';
import { Reassembler } from './rules/reassembly.js';
import { rowsOfPacket, type IngestRows, type KnownDevice, type PartKey } from './rules/ingest.js';
import {
  BatchWriter, batchInserterOf, insertRejections, loadOpenParts, rawClientOf, touchDevices, upsertUnknownCodes,
  type BatchWriterOptions, type RejectionRow, type UnknownCodeRow,
} from './store.js';
import { loadChannelIndex, loadKnownDevices } from './queries.js';
import { auditCorrections, evaluateElectricity, evaluateOutfall, sweepOffline } from './actions.js';
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
  /**
   * How far a DataTime may lie ahead of the platform's clock (ms, default 1 hour) before the record is rejected
   * as HJ212_DATA_TIME_FUTURE: a logger clock that far ahead needs calibration (CN 1012), its data cannot be
   * placed in time. A bureau setting, not a rule of the standard.
   */
  maxClockAheadMs?: number;
}

export interface GatewayStats {
  connections: number; frames: number; accepted: number; acknowledged: number; storedPackets: number; storedRows: number;
  rejected: number; rejectedByReason: Partial<Record<RejectReason, number>>; ignored: number; queueRows: number; pausedSockets: number;
  batches: number; failedBatches: number; pendingSplitMessages: number;
  /** Byte ranges dropped by the framing (noise, stray `#`, over-long runs) and their bytes. */
  discarded: number; discardedBytes: number;
  /** Bytes of candidate frames handed to the parser (with discardedBytes: every byte received). */
  frameBytes: number;
  /** Split-upload sub-packets stored and answered one by one. */
  storedParts: number;
  /** Time-set commands (CN 1012) sent in answer to a calibration request (CN 1013). */
  timeSets: number;
  /** Fields refused inside packets that were stored (an empty value). */
  fieldRejections: number;
}

export interface Gateway { port: number; stats(): GatewayStats; reloadDevices(): Promise<void>; drain(): Promise<void>; close(): Promise<void> }

const MAX_REJECTION_BUFFER = 10_000;
const sampleOf = (b: Uint8Array) => Buffer.from(b.subarray(0, 160)).toString('latin1').replace(/[^\x20-\x7e]/g, '?');

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { database } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.logger ?? { info: () => {}, warn: () => {} };
  const client = rawClientOf(database);
  // PostgreSQL writes two batches at once (one connection each, devices split between them): while one
  // batch commits, the next is copied. PGlite has one connection: one lane.
  const writer = new BatchWriter(batchInserterOf(database), { lanes: database.engine === 'postgres' ? 2 : 1, ...options.writer, clock });
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

  const stats = { connections: 0, frames: 0, accepted: 0, acknowledged: 0, rejected: 0, ignored: 0, discarded: 0, discardedBytes: 0, frameBytes: 0, storedParts: 0, timeSets: 0, fieldRejections: 0 };
  const maxClockAheadMs = options.maxClockAheadMs ?? 3600_000;
  const rejectedByReason: Partial<Record<RejectReason, number>> = {};
  let rejectionBuffer: RejectionRow[] = [];
  const seen = new Map<number, number>();
  const paused = new Set<net.Socket>();
  const sockets = new Set<net.Socket>();

  const reject = (reason: RejectReason, field: string | undefined, frame: Uint8Array, mn: string | null, remote: string | null, bytes: number | null = null) => {
    stats.rejected++;
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
    if (rejectionBuffer.length < MAX_REJECTION_BUFFER) rejectionBuffer.push({ at: clock().getTime(), reason, field: field ?? null, mn, remote, sample: sampleOf(frame), bytes });
    if (reason === 'HJ212_UNKNOWN_MN' && Date.now() - lastReload > 1000 && !reloading) {
      // A device registered since the last load: the next retry finds it.
      reloading = reloadDevices().catch((e) => log.warn(`device reload failed: ${String(e)}`)).finally(() => { reloading = null; });
    }
  };

  /** One field of an accepted packet refused: recorded with its reason, the packet itself is not counted as rejected. */
  const rejectField = (reason: RejectReason, field: string, frame: Uint8Array, mn: string, remote: string) => {
    stats.fieldRejections++;
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
    if (rejectionBuffer.length < MAX_REJECTION_BUFFER) rejectionBuffer.push({ at: clock().getTime(), reason, field, mn, remote, sample: sampleOf(frame), bytes: null });
  };

  // Detection runs off the acknowledgement path: dirty outfalls and enterprises, judged at most once a second.
  const dirtyOutfalls = new Map<number, number>();
  const dirtyEnterprises = new Map<number, number>();
  const detect = options.detect ?? true;
  writer.on('committed', (batch: IngestRows[]) => {
    for (const rows of batch) {
      if (!rows.packet) continue;
      const outfallId = rows.points[0]?.outfallId;
      if (outfallId !== undefined && outfallId !== null && rows.packet.cn !== 2011) {
        dirtyOutfalls.set(outfallId, Math.min(dirtyOutfalls.get(outfallId) ?? Infinity, rows.packet.dataTime));
      }
      seen.set(rows.packet.deviceId, Math.max(seen.get(rows.packet.deviceId) ?? 0, clock().getTime()));
    }
  });
  const enterpriseOfReadings = (rows: IngestRows) => [...devices.values()].find((d) => d.id === rows.packet?.deviceId)?.enterpriseId;
  writer.on('committed', (batch: IngestRows[]) => {
    for (const rows of batch) if (rows.readings.length && rows.packet) {
      const e = enterpriseOfReadings(rows);
      if (e !== undefined) dirtyEnterprises.set(e, Math.min(dirtyEnterprises.get(e) ?? Infinity, rows.packet.dataTime));
    }
  });
  writer.on('drain', () => { for (const s of paused) s.resume(); paused.clear(); });
  writer.on('error-batch', (e: Error) => log.warn(`monitoring batch not stored (devices will retry): ${e.message}`));

  let housekeeping: Promise<void> = Promise.resolve();
  let closing = false;
  let lastSweep = 0;
  /** `judgeNow`: drain and close judge whatever is dirty, whatever the share of time judging took. */
  const tick = async (judgeNow = false) => {
    const now = clock();
    const rows = rejectionBuffer; rejectionBuffer = [];
    await insertRejections(client, rows).catch((e) => log.warn(`rejections not logged: ${String(e)}`));
    const touched = new Map(seen); seen.clear();
    await touchDevices(client, touched).catch((e) => log.warn(`last-seen not updated: ${String(e)}`));
    const codes = [...unknownCodes.values()]; unknownCodes.clear();
    await upsertUnknownCodes(client, codes).catch((e) => log.warn(`unknown codes not listed: ${String(e)}`));
    await auditCorrections(database.db, now).catch((e) => log.warn(`corrections not audited: ${String(e)}`));
    for (const parts of reassembler.expire(now.getTime())) for (const p of parts) reject('HJ212_PACKET_INCOMPLETE', 'PNO', Buffer.alloc(0), p.mn, null);
    if (Date.now() - lastReload > (options.deviceRefreshMs ?? 10_000)) await reloadDevices().catch(() => {});
    if (!detect || (!judgeNow && performance.now() < nextDetection)) return;
    const started = performance.now();
    try { await judgeDirty(now); } finally {
      // At most a quarter of the time: a backlog replayed at full speed (补发 after an outage) re-reads each dirty
      // outfall's open window every second; on PGlite, which runs in this thread, that judging slowed the
      // acknowledgements 4× (bench/monitoring.ts). The dirty marks wait and merge; judging only comes later.
      const ended = performance.now();
      nextDetection = ended + 3 * (ended - started);
    }
  };
  let nextDetection = 0;
  const judgeDirty = async (now: Date) => {
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

  // A committed batch answers many packets of a connection at once: corked until the end of the tick, they
  // leave in one write (one syscall) instead of one each.
  const corked = new Set<net.Socket>();
  const uncorkAll = () => { for (const s of corked) s.uncork(); corked.clear(); };
  const answer = (socket: net.Socket | null, part: Hj212Packet) => {
    if (socket && needsAnswer(part) && !socket.destroyed) {
      if (!corked.has(socket)) { if (!corked.size) process.nextTick(uncorkAll); corked.add(socket); socket.cork(); }
      socket.write(encodeDataAnswer(part));
      stats.acknowledged++;
    }
  };
  const unknownCodes = new Map<string, UnknownCodeRow>();
  const noteUnknown = (deviceId: number, cn: string, codes: string[]) => {
    const at = clock().getTime();
    for (const code of codes) {
      const key = `${deviceId}|${code}`;
      const u = unknownCodes.get(key);
      if (u) { u.count++; u.lastAt = at; } else unknownCodes.set(key, { deviceId, code, cn: +cn, firstAt: at, lastAt: at, count: 1 });
    }
  };

  /** A whole message: stored, then (and only then) each of `answerParts` gets its 9014. */
  const store = (socket: net.Socket | null, message: Hj212Packet, answerParts: Hj212Packet[], device: KnownDevice, assembled?: PartKey[]) => {
    const rows = rowsOfPacket(message, device, (deviceId, code) => channels.get(`${deviceId}|${code}`));
    const done = () => { stats.accepted += answerParts.length; for (const part of answerParts) answer(socket, part); };
    if (rows?.unknownCodes.length) noteUnknown(device.id, message.cn, rows.unknownCodes);
    if (!rows && !assembled) { stats.ignored += answerParts.length; done(); return; }
    const item: IngestRows = rows ? { packet: rows.packet, points: rows.points, readings: rows.readings, assembled } : { packet: null, points: [], readings: [], assembled };
    const more = writer.submit(item, (error) => { if (!error) done(); });
    if (socket && !more && !paused.has(socket)) { socket.pause(); paused.add(socket); }
  };

  // Split uploads (HJ 212-2017 §6.3.2 PNUM/PNO, 附录 C; environment-data.md §5.7): each sub-packet is stored
  // (monitoring_packet_parts, keyed by device + QN + PNO, so a re-sent part changes nothing) and answered with
  // its own 9014 as soon as it is durable; the message is assembled from the stored parts once all are in.
  const recentParts = new Set<string>();
  const partKey = (deviceId: number, p: Hj212Packet) => `${deviceId}|${p.qn ?? ''}|${p.pno}`;
  const rememberPart = (k: string) => { recentParts.add(k); if (recentParts.size > 20_000) recentParts.delete(recentParts.values().next().value!); };
  const assemble = (socket: net.Socket | null, p: Hj212Packet, device: KnownDevice) => {
    const r = reassembler.add(p, clock().getTime());
    if (r.status === 'duplicate') return;
    if ('abandoned' in r) for (const a of r.abandoned) reject('HJ212_PACKET_INCOMPLETE', 'PNO', Buffer.alloc(0), a.mn, null);
    if (r.status === 'complete') {
      for (const part of r.parts) rememberPart(partKey(device.id, part));
      const keys = r.parts.map((part) => ({ deviceId: device.id, qn: part.qn ?? '', pno: part.pno! }));
      store(socket, r.packet, [], device, keys);
    }
  };
  const storePart = (socket: net.Socket, p: Hj212Packet, device: KnownDevice) => {
    if (recentParts.has(partKey(device.id, p))) { stats.accepted++; answer(socket, p); return; } // already assembled
    const item: IngestRows = { packet: null, points: [], readings: [], parts: [{ deviceId: device.id, qn: p.qn ?? '', pno: p.pno!, pnum: p.pnum!, cn: +p.cn, segment: encodeSegment(p) }] };
    const more = writer.submit(item, (error) => {
      if (error) return; // not stored: no answer, the logger re-sends
      stats.storedParts++; stats.accepted++;
      answer(socket, p);
      assemble(socket, p, device);
    });
    if (!more && !paused.has(socket)) { socket.pause(); paused.add(socket); }
  };

  // Parts answered before a restart: their messages resume from the database.
  for (const open of await loadOpenParts(client, new Date(clock().getTime() - (options.reassemblyTimeoutMs ?? 60_000)))) {
    const parsed = parseSegment(open.segment);
    const device = [...devices.values()].find((d) => d.id === open.deviceId);
    if (parsed.ok && device) assemble(null, parsed.value, device);
  }

  const handleFrame = (socket: net.Socket, frame: Buffer, remote: string) => {
    stats.frames++;
    stats.frameBytes += frame.length;
    if (frame.length > MAX_FRAME_BYTES) { reject('HJ212_FRAME_TOO_LONG', undefined, frame, null, remote); return; }
    const parsed = parseFrame(frame);
    if (!parsed.ok) { reject(parsed.reason, parsed.field, frame, null, remote); return; }
    const p = parsed.value;
    const device = devices.get(p.mn);
    if (!device) { reject('HJ212_UNKNOWN_MN', 'MN', frame, p.mn, remote); return; }
    if (device.password !== p.pw) { reject('HJ212_WRONG_PW', 'PW', frame, p.mn, remote); return; }
    // A DataTime far ahead of the platform's clock cannot be placed in time: rejected with its reason (no
    // answer, so the logger keeps it), and the logger's clock is set (CN 1012), as for a 1013 request.
    if (p.cp.dataTime !== null && instantOfTimeStamp(p.cp.dataTime).getTime() - clock().getTime() > maxClockAheadMs) {
      reject('HJ212_DATA_TIME_FUTURE', 'DataTime', frame, p.mn, remote);
      if (!socket.destroyed) { socket.write(encodeTimeSet(p, clock())); stats.timeSets++; }
      return;
    }
    // One item with an empty value: that field is recorded as rejected, the rest is stored and answered
    // (the 9014 data answer has no result code; README §Decisions).
    for (const f of p.cp.emptyFields ?? []) rejectField('HJ212_CP_EMPTY_VALUE', f, frame, p.mn, remote);
    if (p.cn === '1013') {
      // 表 9 CN 1013 现场机时间校准请求 → CN 1012 设置现场机时间 with the platform's time.
      stats.accepted++;
      if (!socket.destroyed) { socket.write(encodeTimeSet(p, clock(), p.cp.params.PolId)); stats.timeSets++; }
      return;
    }
    if (isSplit(p) && p.pnum! > 1) { storePart(socket, p, device); return; }
    if (isDataCn(p.cn) || UPLOAD_CNS.has(p.cn)) store(socket, p, [p], device);
    else { stats.ignored++; answer(socket, p); }
  };

  const handleDiscard = (d: { reason: RejectReason; bytes: number; sample: Buffer }, remote: string) => {
    stats.frames++;
    stats.discarded++;
    stats.discardedBytes += d.bytes;
    reject(d.reason, undefined, d.sample, null, remote, d.bytes);
  };

  const server = net.createServer((socket) => {
    stats.connections++;
    sockets.add(socket);
    const remote = `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`;
    const scanner = new FrameScanner();
    socket.setNoDelay(true);
    const handle = (items: ScanItem[]) => {
      for (const item of items) {
        try {
          if ('discard' in item) handleDiscard(item.discard, remote);
          else handleFrame(socket, item.frame, remote);
        } catch (e) {
          // A bug, not a device's fault: log it and keep the connection.
          log.warn(`gateway: unexpected error on a frame from ${remote}: ${String(e)}`);
          reject('HJ212_FIELD_FORMAT', undefined, 'frame' in item ? item.frame : Buffer.alloc(0), null, remote);
        }
      }
    };
    socket.on('data', (chunk: Buffer) => {
      let items: ScanItem[];
      try { items = scanner.push(chunk); } catch { items = []; }
      handle(items);
    });
    // Whatever is left when the connection ends (a frame ending in LF only, noise) is judged and counted.
    socket.on('end', () => { handle(scanner.end()); });
    socket.on('error', () => { /* resets are normal on field links */ });
    socket.on('close', () => { handle(scanner.end()); sockets.delete(socket); paused.delete(socket); });
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
      await tick(true);
    },
    async close() {
      unregister();
      await new Promise<void>((resolve) => { server.close(() => resolve()); for (const s of sockets) s.destroy(); });
      clearInterval(timer);
      await writer.close();
      closing = true;
      await housekeeping;
      closing = false;
      await tick(true).catch(() => {});
    },
  };
  const unregister = registerGateway(gateway);
  return gateway;
}
