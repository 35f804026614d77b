// Split uploads (Flag D = 1, §6.3.2): each sub-packet has its own QN and PNUM/PNO; the message is
// whole when packets 1..PNUM of one device and command have arrived. Pure: time is passed in.
import { emptyValues, type CpData, type Hj212Packet, type PollutantValues } from './hj212.js';

interface Group { pnum: number; parts: (Hj212Packet | undefined)[]; received: number; firstAt: number }

export type Reassembly =
  | { status: 'complete'; packet: Hj212Packet; parts: Hj212Packet[] }
  | { status: 'pending' }
  /** The same part (same QN and PNO) again: already stored and answered; nothing changes. */
  | { status: 'duplicate' }
  /** A new message began before the previous one finished: the unfinished parts are dropped. */
  | { status: 'pending'; abandoned: Hj212Packet[] };

/** Merges the CP of the parts in PNO order: DataTime from the first that has it, values of one code merged. */
export function mergeParts(parts: Hj212Packet[]): Hj212Packet {
  const cp: CpData = { dataTime: null, values: [], params: {} };
  const byCode = new Map<string, PollutantValues>();
  for (const p of parts) {
    cp.dataTime ??= p.cp.dataTime;
    Object.assign(cp.params, p.cp.params);
    for (const v of p.cp.values) {
      const seen = byCode.get(v.code);
      // A later part's fields add to the earlier part's; an absent (undefined) field never erases one.
      const into = seen ?? emptyValues(v.code, v.sourceCode);
      for (const [k, x] of Object.entries(v)) if (x !== undefined) (into as unknown as Record<string, unknown>)[k] = x;
      if (!seen) { byCode.set(v.code, into); cp.values.push(into); }
    }
  }
  const first = parts[0]!;
  return { ...first, pnum: null, pno: null, flag: first.flag === null ? null : first.flag & ~2, cp };
}

export class Reassembler {
  private groups = new Map<string, Group>();

  constructor(private readonly timeoutMs = 60_000) {}

  get pendingMessages(): number { return this.groups.size; }

  /** Adds one sub-packet (`pnum`/`pno` set) received at `nowMs`. */
  add(p: Hj212Packet, nowMs: number): Reassembly {
    const pnum = p.pnum!, pno = p.pno!;
    const key = `${p.mn}|${p.cn}|${pnum}`;
    let g = this.groups.get(key);
    let abandoned: Hj212Packet[] | undefined;
    if (g && g.parts[pno - 1] !== undefined && g.parts[pno - 1]!.qn === p.qn) return { status: 'duplicate' };
    if (g && g.parts[pno - 1] !== undefined) {
      // The same PNO under a new QN: a new message began, the unfinished one is given up.
      abandoned = g.parts.filter((x): x is Hj212Packet => x !== undefined);
      g = undefined;
    }
    if (!g) { g = { pnum, parts: new Array(pnum), received: 0, firstAt: nowMs }; this.groups.set(key, g); }
    g.parts[pno - 1] = p;
    g.received++;
    if (g.received === pnum) {
      this.groups.delete(key);
      const parts = g.parts as Hj212Packet[];
      return { status: 'complete', packet: mergeParts(parts), parts };
    }
    return abandoned ? { status: 'pending', abandoned } : { status: 'pending' };
  }

  /** Messages still incomplete after the timeout: their parts, to be rejected (never acknowledged). */
  expire(nowMs: number): Hj212Packet[][] {
    const out: Hj212Packet[][] = [];
    for (const [key, g] of this.groups) {
      if (nowMs - g.firstAt >= this.timeoutMs) {
        out.push(g.parts.filter((x): x is Hj212Packet => x !== undefined));
        this.groups.delete(key);
      }
    }
    return out;
  }
}
