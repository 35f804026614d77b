// Simulated data loggers: realistic HJ 212-2017 traffic (valid, exceeding and faulty) to a gateway,
// over loopback. Used by `ecogov simulate-devices`, the demo, the tests and the benchmark.
import net from 'node:net';
import { encodeFrame, encodePacket, timeStampOf, type Hj212Packet, type PollutantValues } from './rules/hj212.js';

export interface SimDevice { mn: string; pw: string; kind: 'water' | 'air' | 'electricity'; /** CP codes of production / control channels (electricity). */ channels?: { production: string; control: string } }

export interface SimulatorOptions {
  host?: string;
  port: number;
  devices: SimDevice[];
  /** Packets per second over all devices; 0 = as fast as the in-flight window allows. */
  rate: number;
  /** Stop after this many packets (valid + faulty). */
  packets?: number;
  /** Stop after this many seconds. */
  durationS?: number;
  /** TCP connections; devices share them as behind a DTU concentrator. */
  connections?: number;
  /** Unanswered packets allowed per connection (rate 0). */
  maxInFlight?: number;
  /** Share of faulty frames (bad CRC, wrong PW, unknown MN, malformed CP, bad length). */
  faultRatio?: number;
  /** Share of devices that exceed their limits. */
  exceedRatio?: number;
  /** Simulated data time of the first packet; each device's clock advances by its interval per packet. */
  startAt?: Date;
  /** Simulated seconds between a device's packets (its RtdInterval). */
  intervalS?: number;
  seed?: number;
  /** Each acknowledged packet (MN and QN). */
  onAck?: (mn: string, qn: string) => void;
  /** Stops sending when aborted (answers still due are awaited as at the end of a run). */
  signal?: AbortSignal;
  /** The running counts, after each round of sending and as answers arrive (the same object each time). */
  onProgress?: (progress: Readonly<SimulatorResult>) => void;
  /**
   * Encode every frame before the clock starts (needs `packets`): a benchmark then measures the gateway,
   * not the simulator's own encoding.
   */
  preEncode?: boolean;
}

export interface SimulatorResult { sent: number; valid: number; faulty: number; acked: number; points: number; seconds: number }

function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

interface DeviceState { dev: SimDevice; at: number; n: number; exceeding: boolean; conn: number }

/** The CP values of one record for a device at a moment: normal, or over the limit when `exceeding`. */
export function simulatedValues(dev: SimDevice, cn: '2011' | '2051' | '2061', exceeding: boolean, r: () => number, hourOfDay: number): PollutantValues[] {
  const jitter = (base: number, spread: number) => base + (r() - 0.5) * 2 * spread;
  const flag = () => (r() < 0.002 ? 'D' : r() < 0.002 ? 'M' : 'N');
  const record = (code: string, v: number, d: number, ref?: number): PollutantValues => {
    const value = round(Math.max(0, v), d);
    const base: PollutantValues = cn === '2011' ? { code, rtd: value } : { code, min: round(value * 0.9, d), avg: value, max: round(value * 1.1, d) };
    if (ref !== undefined) { if (cn === '2011') base.zsRtd = round(value * ref, d); else base.zsAvg = round(value * ref, d); }
    base.flag = flag();
    return base;
  };
  if (dev.kind === 'water') {
    return [
      record('w00000', jitter(17.5, 3), 1),
      record('w01001', jitter(7.3, 0.3), 2),
      record('w01018', exceeding ? jitter(140, 20) : jitter(42, 10), 1),
      record('w21003', exceeding ? jitter(22, 3) : jitter(2.1, 0.8), 2),
      record('w21011', jitter(0.3, 0.1), 3),
    ];
  }
  if (dev.kind === 'air') {
    const o2 = jitter(8.5, 0.8);
    const ref = (21 - 9) / (21 - o2); // 折算到基准氧含量 9 % (GB 13271-2014 燃煤锅炉)
    return [
      record('a21026', exceeding ? jitter(260, 30) : jitter(35, 10), 1, ref),
      record('a21002', exceeding ? jitter(250, 30) : jitter(80, 15), 1, ref),
      record('a34013', exceeding ? jitter(45, 6) : jitter(6, 2), 1, ref),
      record('a19001', o2, 1),
      record('a01012', jitter(48, 3), 1),
      record('a00000', jitter(52, 6), 1),
    ];
  }
  const working = hourOfDay >= 7 && hourOfDay < 19;
  const ch = dev.channels ?? { production: 'P001', control: 'P002' };
  return [
    { code: ch.production, rtd: round(working ? jitter(150, 20) : jitter(3, 1), 1), flag: 'N' },
    { code: ch.control, rtd: round(working ? (exceeding ? jitter(1, 0.5) : jitter(38, 5)) : jitter(1, 0.5), 1), flag: 'N' },
  ];
}

/** One device's next packet as a frame; faulty frames are corrupted in one of five ways. */
function nextFrame(s: DeviceState, r: () => number, intervalS: number, faultRatio: number): { frame: string; qn: string | null; valid: boolean; points: number } {
  const dataTime = new Date(s.at);
  s.at += intervalS * 1000;
  s.n++;
  const perHour = Math.max(1, Math.round(3600 / intervalS));
  const perMinuteRecord = Math.max(1, Math.round(600 / intervalS));
  // Every tenth minute a minute record, every hour an hourly record (of the hour that just ended), else real-time.
  const hourly = s.n % perHour === 0;
  const minute = !hourly && s.n % perMinuteRecord === 0;
  const cn = hourly ? '2061' : minute ? '2051' : '2011';
  const recordAt = hourly ? new Date(Math.floor(dataTime.getTime() / 3600_000) * 3600_000 - 3600_000) : minute ? new Date(Math.floor(dataTime.getTime() / 600_000) * 600_000 - 600_000) : dataTime;
  const hourOfDay = (recordAt.getUTCHours() + 8) % 24;
  const values = simulatedValues(s.dev, cn, s.exceeding, r, hourOfDay);
  const qn = timeStampOf(dataTime, true).slice(0, 14) + String(s.n % 1000).padStart(3, '0');
  const packet: Hj212Packet = {
    qn, st: s.dev.kind === 'air' ? '31' : s.dev.kind === 'water' ? '32' : '52', cn, pw: s.dev.pw, mn: s.dev.mn, flag: 5, pnum: null, pno: null,
    cp: { dataTime: timeStampOf(recordAt), values, params: {} },
  };
  if (r() >= faultRatio) return { frame: encodePacket(packet), qn, valid: true, points: values.length };
  const kind = Math.floor(r() * 5);
  let frame: string;
  if (kind === 0) { const f = encodePacket(packet); frame = `${f.slice(0, -6)}${f.slice(-6, -2) === '0000' ? '0001' : '0000'}\r\n`; }
  else if (kind === 1) frame = encodePacket({ ...packet, pw: 'wrong!' });
  else if (kind === 2) { const mn = `FFFF${packet.mn.slice(4)}`; frame = encodePacket({ ...packet, mn: mn === packet.mn ? `EEEE${packet.mn.slice(4)}` : mn }); }
  else if (kind === 3) frame = encodeFrame(`QN=${qn};ST=32;CN=${cn};PW=${packet.pw};MN=${packet.mn};Flag=5;CP=&&DataTime=${packet.cp.dataTime};w01018-Rtd=abc&&`);
  else { const f = encodePacket(packet); frame = `##${String(Number(f.slice(2, 6)) + 1).padStart(4, '0')}${f.slice(6)}`; }
  return { frame, qn: null, valid: false, points: 0 };
}

/** Sends simulated traffic until `packets` or `durationS` is reached and every valid packet is answered (or the gateway goes away). */
export async function runSimulator(o: SimulatorOptions): Promise<SimulatorResult> {
  const r = rng(o.seed ?? 20201231);
  const intervalS = o.intervalS ?? 60;
  const start = (o.startAt ?? new Date(Date.now() - 24 * 3600_000)).getTime();
  const nConn = Math.max(1, Math.min(o.connections ?? Math.min(o.devices.length, 20), o.devices.length));
  const states: DeviceState[] = o.devices.map((dev, i) => ({ dev, at: start, n: 0, exceeding: r() < (o.exceedRatio ?? 0.1), conn: i % nConn }));
  const result: SimulatorResult = { sent: 0, valid: 0, faulty: 0, acked: 0, points: 0, seconds: 0 };
  let device = 0;
  const make = () => {
    const s = states[device]!;
    device = (device + 1) % states.length;
    const f = nextFrame(s, r, intervalS, o.faultRatio ?? 0.02);
    return { conn: s.conn, frame: f.frame, valid: f.valid, points: f.points };
  };
  const prepared = o.preEncode && o.packets !== undefined ? Array.from({ length: o.packets }, make) : null;
  const t0 = Date.now();
  const deadline = o.durationS ? t0 + o.durationS * 1000 : Infinity;
  const limit = o.packets ?? Infinity;
  const maxInFlight = o.maxInFlight ?? 500;
  const conns = await Promise.all(Array.from({ length: nConn }, () => new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect({ host: o.host ?? '127.0.0.1', port: o.port }, () => resolve(s));
    s.once('error', reject);
  })));
  const inFlight = new Array<number>(nConn).fill(0);
  let closed = false;
  let wake: (() => void) | null = null;
  const poke = () => { const w = wake; wake = null; w?.(); };
  conns.forEach((s, i) => {
    s.setNoDelay(true);
    let buf = '';
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      let at: number;
      while ((at = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, at); buf = buf.slice(at + 2);
        if (line.includes('CN=9014')) {
          result.acked++; inFlight[i]!--;
          if (o.onAck) {
            const qn = /QN=(\d+)/.exec(line)?.[1];
            const mn = /MN=([0-9A-Za-z]+)/.exec(line)?.[1];
            if (qn && mn) o.onAck(mn, qn);
          }
        }
      }
      o.onProgress?.(result);
      poke();
    });
    s.on('error', () => { closed = true; poke(); });
    s.on('close', () => { closed = true; poke(); });
  });
  const sendOne = () => {
    const f = prepared ? prepared[result.sent]! : make();
    result.sent++;
    if (f.valid) { result.valid++; result.points += f.points; inFlight[f.conn]!++; } else result.faulty++;
    return f;
  };
  const nextConn = () => (prepared ? prepared[result.sent]!.conn : states[device]!.conn);
  const pending: string[][] = conns.map(() => []);
  const flushWrites = () => { conns.forEach((s, i) => { if (pending[i]!.length && !s.destroyed) { s.write(pending[i]!.join('')); pending[i] = []; } }); };
  while (!closed && !o.signal?.aborted && result.sent < limit && Date.now() < deadline) {
    if (o.rate > 0) {
      const due = Math.min(limit, Math.floor(((Date.now() - t0) / 1000) * o.rate) + 1);
      while (result.sent < due) { const x = sendOne(); pending[x.conn]!.push(x.frame); }
      flushWrites();
      o.onProgress?.(result);
      await new Promise((res) => setTimeout(res, 10));
    } else {
      let progressed = false;
      for (let k = 0; k < 200 && result.sent < limit; k++) {
        if (inFlight[nextConn()]! >= maxInFlight) break;
        const x = sendOne(); pending[x.conn]!.push(x.frame); progressed = true;
      }
      flushWrites();
      if (!progressed) await new Promise<void>((res) => { wake = res; setTimeout(res, 50); });
      else await new Promise((res) => setImmediate(res));
    }
  }
  // Wait for the answers still due (at most 10 s without progress).
  let last = result.acked, idleSince = Date.now();
  while (!closed && result.acked < result.valid && Date.now() - idleSince < 10_000) {
    await new Promise<void>((res) => { wake = res; setTimeout(res, 100); });
    if (result.acked !== last) { last = result.acked; idleSince = Date.now(); }
  }
  for (const s of conns) s.destroy();
  result.seconds = (Date.now() - t0) / 1000;
  o.onProgress?.(result);
  return result;
}
