// COPY text format written straight into a reusable Buffer (issue 18): no string per row, no Date and ISO
// string per point, no concatenation garbage. The bytes are exactly what the string builder produced:
// backslash, tab and line breaks escaped, null as \N, numbers as String(v) (shortest round trip).
import type { IngestRows, PointRow } from './rules/ingest.js';

const TAB = 9, NL = 10, BACKSLASH = 92;

export class CopyBuffer {
  buf: Buffer;
  pos = 0;
  private lastMs = NaN;
  private lastIso = '';

  constructor(size = 1 << 20) { this.buf = Buffer.allocUnsafe(size); }

  get length(): number { return this.pos; }
  /** The bytes written so far (a view: valid until the buffer is reset or grows). */
  bytes(): Buffer { return this.buf.subarray(0, this.pos); }
  reset(): void { this.pos = 0; }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  tab(): void { this.ensure(1); this.buf[this.pos++] = TAB; }
  nl(): void { this.ensure(1); this.buf[this.pos++] = NL; }
  nul(): void { this.ensure(2); this.buf[this.pos++] = BACKSLASH; this.buf[this.pos++] = 78; }

  /** A non-negative or negative safe integer, digit by digit (no string). */
  int(v: number): void {
    if (!Number.isSafeInteger(v)) { this.ascii(String(v)); return; }
    this.ensure(17);
    if (v < 0) { this.buf[this.pos++] = 45; v = -v; }
    if (v < 10) { this.buf[this.pos++] = 48 + v; return; }
    let digits = 0;
    for (let x = v; x > 0; x = Math.floor(x / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    while (v > 0) { this.buf[--p] = 48 + (v % 10); v = Math.floor(v / 10); }
  }

  /** A float8 as String(v) (exact round trip); integers without a string. */
  num(v: number | null): void {
    if (v === null) { this.nul(); return; }
    if (Number.isSafeInteger(v) && !Object.is(v, -0)) this.int(v);
    else this.ascii(String(v));
  }

  private ascii(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  /** Text, escaped for COPY; null is \N. */
  text(s: string | null): void {
    if (s === null) { this.nul(); return; }
    let plain = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127 || c === BACKSLASH || c === TAB || c === NL || c === 13) { plain = false; break; }
    }
    if (plain) { this.ascii(s); return; }
    const escaped = s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
    this.ensure(Buffer.byteLength(escaped));
    this.pos += this.buf.write(escaped, this.pos, 'utf8');
  }

  /** A timestamptz from epoch ms, as an ISO string; the last one is kept (a packet's points share it). */
  time(ms: number): void {
    if (ms !== this.lastMs) { this.lastMs = ms; this.lastIso = new Date(ms).toISOString(); }
    this.ascii(this.lastIso);
  }

  /** An already-formatted ISO time (the batch's received_at). */
  iso(s: string): void { this.ascii(s); }
}

/** One monitoring_data_points row (POINT_COLUMNS order). */
export function writePoint(b: CopyBuffer, d: PointRow): void {
  b.int(d.deviceId); b.tab(); b.int(d.cn); b.tab(); b.text(d.pollutant); b.tab(); b.time(d.dataTime); b.tab();
  b.num(d.outfallId); b.tab(); b.num(d.rtd); b.tab(); b.num(d.min); b.tab(); b.num(d.avg); b.tab(); b.num(d.max); b.tab();
  b.num(d.cou); b.tab(); b.num(d.zsRtd); b.tab(); b.num(d.zsAvg); b.tab(); b.text(d.flag); b.tab(); b.text(d.sourceCode ?? null); b.nl();
}

/** The COPY bodies of a batch: one buffer per table (views valid until the buffers are reused). */
export interface CopyBodies { packets: Buffer; points: Buffer; readings: Buffer; parts: Buffer; assembled: Buffer }

/** Reusable buffers for one writer lane at a time (taken and given back around a batch). */
export class CopyBuffers {
  readonly packets = new CopyBuffer(1 << 16);
  readonly points = new CopyBuffer(1 << 20);
  readonly readings = new CopyBuffer(1 << 12);
  readonly parts = new CopyBuffer(1 << 12);
  readonly assembled = new CopyBuffer(1 << 10);

  /** Writes the batch: `points` are the batch's points without in-batch repeats (splitBatchPoints). */
  encode(items: IngestRows[], points: PointRow[], receivedAt: string): CopyBodies {
    for (const b of [this.packets, this.points, this.readings, this.parts, this.assembled]) b.reset();
    const pt = this.points;
    for (const d of points) writePoint(pt, d);
    const pk = this.packets, rd = this.readings, pa = this.parts, as = this.assembled;
    for (const it of items) {
      const p = it.packet;
      if (p) { pk.int(p.deviceId); pk.tab(); pk.int(p.cn); pk.tab(); pk.time(p.dataTime); pk.tab(); pk.text(p.qn); pk.tab(); pk.int(p.points); pk.tab(); pk.iso(receivedAt); pk.nl(); }
      for (const r of it.readings) { rd.int(r.channelId); rd.tab(); rd.time(r.at); rd.tab(); rd.num(r.kw); rd.nl(); }
      for (const x of it.parts ?? []) {
        pa.int(x.deviceId); pa.tab(); pa.text(x.qn); pa.tab(); pa.int(x.pno); pa.tab(); pa.int(x.pnum); pa.tab(); pa.int(x.cn); pa.tab(); pa.text(x.segment); pa.tab(); pa.iso(receivedAt); pa.nl();
      }
      for (const a of it.assembled ?? []) { as.int(a.deviceId); as.tab(); as.text(a.qn); as.tab(); as.int(a.pno); as.nl(); }
    }
    return { packets: pk.bytes(), points: pt.bytes(), readings: rd.bytes(), parts: pa.bytes(), assembled: as.bytes() };
  }
}

const pool: CopyBuffers[] = [];
/** Buffers for one batch; give them back with releaseCopyBuffers once its COPYs finished. */
export function takeCopyBuffers(): CopyBuffers { return pool.pop() ?? new CopyBuffers(); }
export function releaseCopyBuffers(b: CopyBuffers): void {
  // Keep at most a few sets, and none that grew beyond 16 MB (a rare huge batch should not pin its memory).
  if (pool.length < 4 && b.points.buf.length <= 16 << 20) pool.push(b);
}
