// A recorded multi-logger session for replay tests: HJ 212-2017 and HJ/T 212-2005 loggers on their own
// connections, hourly data (some exceeding, some without -Flag), a split upload, a time-calibration request,
// a corrected re-send, an empty value, an unknown code, a DataTime far in the future, and the faults of real
// links — noise between frames, a stray `#`, a long noise burst, a frame ending in LF only, and reads split
// at arbitrary bytes. Deterministic from its seed: the same seed gives the same bytes.
import { encodeFrame, encodePacket, encodeSegment, timeStampOf, type Hj212Packet, type PollutantValues } from './rules/hj212.js';
import { POLLUTANTS } from './rules/pollutants.js';
import { MAX_FRAME_BYTES } from './rules/stream.js';
import type { SimDevice } from './simulator.js';

export interface SessionDevice extends SimDevice { dialect: '2005' | '2017'; exceeding: boolean }

export type SessionItemKind =
  | 'data' | 'part' | 'time-request' | 'future' | 'corrected' | 'empty-value' | 'no-answer'
  | 'noise' | 'stray-hash' | 'lf-only';

export interface SessionItem { conn: number; kind: SessionItemKind; text: string; packet?: Hj212Packet }
export interface Session { items: SessionItem[]; chunks: { conn: number; bytes: Buffer }[]; connections: number }

function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const CODE_2005 = new Map(POLLUTANTS.filter((p) => p.code2005).map((p) => [p.code, p.code2005!]));
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** A 14-character HJ/T 212-2005 监测点编号 for a simulated 2005 logger. */
export const mn2005 = (i: number) => `37060200${String(i).padStart(6, '0')}`;

/**
 * Builds the session. `startAt` is the first hour (UTC instant); each logger sends `hours` hourly records (2061).
 * `now` is the platform clock the gateway will run with (for the far-future record).
 */
export function buildSession(devices: SessionDevice[], o: { seed: number; startAt: Date; hours: number; now: Date }): Session {
  const r = rng(o.seed);
  const items: SessionItem[] = [];
  const noise = (len: number) => Array.from({ length: len }, () => String.fromCharCode(33 + Math.floor(r() * 90))).join('').replace(/#/g, '*');
  let qnSeq = 0;
  const qnAt = (at: Date) => timeStampOf(new Date(at.getTime() + (qnSeq++ % 1000)), true);
  devices.forEach((dev, conn) => {
    const is2005 = dev.dialect === '2005';
    const push = (kind: SessionItemKind, text: string, packet?: Hj212Packet) => items.push({ conn, kind, text, ...(packet ? { packet } : {}) });
    const values = (hour: number): PollutantValues[] => {
      const flagOf = () => (is2005 ? undefined : 'N'); // the 2005 loggers here send no -Flag at all
      const v = (code: string, x: number, d: number): PollutantValues => {
        const out: PollutantValues = { code: is2005 ? CODE_2005.get(code) ?? code : code, min: round(x * 0.9, d), avg: round(x, d), max: round(x * 1.1, d) };
        const f = flagOf();
        if (f) out.flag = f;
        return out;
      };
      if (dev.kind === 'water') {
        const cod = dev.exceeding && hour >= 2 && hour < 5 ? 130 + hour * 5 : 40 + (r() * 10);
        return [v('w00000', 17 + r() * 2, 1), v('w01001', 7 + r() * 0.4, 2), v('w01018', cod, 1), v('w21003', 2 + r(), 2)];
      }
      const so2 = dev.exceeding && hour >= 2 && hour < 5 ? 250 + hour : 40 + r() * 10;
      const so2v = v('a21026', so2, 1);
      so2v.zsAvg = round(so2 * 1.1, 1); // 折算 to the reference O2, compared with the limit (useReference)
      return [so2v, v('a19001', 8 + r(), 1), v('a01012', 46 + r() * 4, 1)];
    };
    const packetOf = (cn: string, dataTime: Date, cp: PollutantValues[], over: Partial<Hj212Packet> = {}): Hj212Packet => ({
      qn: qnAt(dataTime), st: dev.kind === 'air' ? '31' : '32', cn, pw: dev.pw, mn: dev.mn,
      // 2005: A bit only (version 0); 2017: version 1 + A.
      flag: is2005 ? 1 : 5, pnum: null, pno: null, cp: { dataTime: timeStampOf(dataTime), values: cp, params: {} }, ...over,
    });
    for (let h = 0; h < o.hours; h++) {
      const at = new Date(o.startAt.getTime() + h * 3600_000);
      // Noise between frames now and then; a stray `#` right before a frame.
      const fault = r();
      if (fault < 0.15) push('noise', `${noise(1 + Math.floor(r() * 30))}\r\n`);
      else if (fault < 0.25) push('stray-hash', '#');
      else if (fault < 0.3) push('noise', noise(5 + Math.floor(r() * 20))); // noise without a line end, glued to the next frame
      const p = packetOf('2061', at, values(h));
      if (h === 3 && !is2005) {
        // Split upload (Flag D = 1): three sub-packets, each with its own QN and PNO, each answered.
        const n = p.cp.values.length;
        const thirds = [p.cp.values.slice(0, 1), p.cp.values.slice(1, Math.max(2, n - 1)), p.cp.values.slice(Math.max(2, n - 1))];
        thirds.forEach((vs, i) => {
          const part: Hj212Packet = { ...p, qn: qnAt(at), flag: 7, pnum: 3, pno: i + 1, cp: { dataTime: i === 0 ? p.cp.dataTime : null, values: vs, params: {} } };
          push('part', encodePacket(part), part);
        });
        continue;
      }
      if (h === 4 && dev.dialect === '2005') {
        // A 2005 logger: codes S07, S04 (air) or 023 (water), 28, and a code no table has.
        const extra: PollutantValues[] = dev.kind === 'air'
          ? [{ code: 'S07', avg: 12.5 }, { code: 'S04', avg: 0.31 }, { code: '28', avg: 0.8 }, { code: 'Z99', avg: 1 }]
          : [{ code: '023', avg: 0.05 }, { code: 'Z98', avg: 3 }];
        const q = { ...p, cp: { ...p.cp, values: [...p.cp.values, ...extra] } };
        push('data', encodePacket(q), q);
        continue;
      }
      push('data', encodePacket(p), p);
      if (h === 1) {
        // The same record re-sent with a corrected value (new QN): stored beside the first, marked, audited.
        const corrected = { ...p, qn: qnAt(at), cp: { ...p.cp, values: p.cp.values.map((v, i) => (i === 1 ? { ...v, avg: (v.avg ?? 0) + 0.5 } : v)) } };
        push('corrected', encodePacket(corrected), corrected);
      }
    }
    const end = new Date(o.startAt.getTime() + o.hours * 3600_000);
    if (!is2005) {
      // 表 9 CN 1013: the logger asks for time calibration.
      const req: Hj212Packet = { qn: qnAt(end), st: '32', cn: '1013', pw: dev.pw, mn: dev.mn, flag: 4, pnum: null, pno: null, cp: { dataTime: null, values: [], params: { PolId: dev.kind === 'air' ? 'a21026' : 'w01018' } } };
      push('time-request', encodePacket(req), req);
    }
    // One record with an empty value: the field is refused, the rest stored and answered.
    const emptyAt = new Date(end.getTime() + 600_000);
    const base = packetOf('2051', emptyAt, values(0));
    const seg = encodeSegment(base).replace(/,([A-Za-z0-9]+-Max=)[0-9.]+/, ',$1');
    push('empty-value', encodeFrame(seg), base);
    // A logger that asks for no answer (2005 without Flag, 2017 with Flag=4): stored, not answered.
    const quiet = packetOf('2011', new Date(end.getTime() + 60_000), values(0), { flag: is2005 ? null : 4, qn: is2005 ? null : qnAt(end) });
    push('no-answer', encodePacket(quiet), quiet);
    // DataTime two days ahead of the platform clock: rejected, and the logger's clock is set (CN 1012).
    const future = packetOf('2061', new Date(o.now.getTime() + 2 * 24 * 3600_000), values(0));
    push('future', encodePacket(future), future);
    if (conn === 0) push('noise', noise(MAX_FRAME_BYTES + 500)); // a long burst, then a frame split across reads
    if (conn === 0) {
      const p = packetOf('2061', new Date(o.startAt.getTime() + (o.hours + 1) * 3600_000), values(0));
      push('data', encodePacket(p), p);
    }
    // The last frame ends in LF only; the connection then closes.
    const last = packetOf('2061', new Date(o.startAt.getTime() + (o.hours + 2) * 3600_000), values(0));
    push('lf-only', encodePacket(last).slice(0, -2) + '\n', last);
  });
  // Each connection's bytes, cut at random points (1–300 bytes, now and then one byte), interleaved.
  const streams = devices.map((_, conn) => Buffer.from(items.filter((i) => i.conn === conn).map((i) => i.text).join(''), 'utf8'));
  const cuts = streams.map((b) => {
    const out: Buffer[] = [];
    let at = 0;
    while (at < b.length) { const len = r() < 0.1 ? 1 : 1 + Math.floor(r() * 300); out.push(b.subarray(at, at + len)); at += len; }
    return out;
  });
  const chunks: Session['chunks'] = [];
  const next = cuts.map(() => 0);
  while (next.some((n, i) => n < cuts[i]!.length)) {
    const open = next.map((n, i) => (n < cuts[i]!.length ? i : -1)).filter((i) => i >= 0);
    const conn = open[Math.floor(r() * open.length)]!;
    chunks.push({ conn, bytes: cuts[conn]![next[conn]!++]! });
  }
  return { items, chunks, connections: devices.length };
}
