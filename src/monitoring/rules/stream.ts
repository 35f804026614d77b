// Delimits HJ 212 frames in a TCP byte stream (HJ 212-2017 §6.3, environment-data.md §5.7: "scan for `##`,
// read the 4-digit length, check trailer and CRC, on failure resync at the next `##`; handle merged and
// fragmented packets"). Each candidate frame is handed to parseFrame, which judges it; every byte that is not
// part of a candidate is reported as a discarded range with its reason, so nothing disappears uncounted.
import type { RejectReason } from './hj212.js';

const HASH = 0x23, CR = 0x0d, LF = 0x0a;
/** `##` + 4 + 9999 + 4 + CRLF. */
export const MAX_FRAME_BYTES = 2 + 4 + 9999 + 4 + 2;
/** How many bytes of a discarded range are kept as its sample. */
const SAMPLE_BYTES = 160;

/** Bytes dropped between frames: noise (no `##`), a stray `#`, or an over-long run without a trailer. */
export interface Discard { reason: RejectReason; bytes: number; sample: Buffer }
export type ScanItem = { frame: Buffer } | { discard: Discard };

export class FrameScanner {
  private buf: Buffer = Buffer.alloc(0);
  /** An open discarded range (noise may span reads: it is reported once, when it ends). */
  private open: Discard | null = null;

  /** Bytes held back waiting for the rest of a frame. */
  get pending(): number { return this.buf.length; }

  private drop(out: ScanItem[], reason: RejectReason, bytes: Buffer, endsRange: boolean): void {
    if (bytes.length) {
      if (this.open && this.open.reason !== reason) this.close(out);
      if (!this.open) this.open = { reason, bytes: 0, sample: Buffer.alloc(0) };
      if (this.open.sample.length < SAMPLE_BYTES) this.open.sample = Buffer.concat([this.open.sample, bytes.subarray(0, SAMPLE_BYTES - this.open.sample.length)]);
      this.open.bytes += bytes.length;
    }
    if (endsRange) this.close(out);
  }

  private close(out: ScanItem[]): void {
    if (this.open && this.open.bytes > 0) out.push({ discard: this.open });
    this.open = null;
  }

  /** Feeds bytes; returns the complete candidate frames and the discarded ranges that ended, in stream order. */
  push(chunk: Buffer): ScanItem[] {
    const buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: ScanItem[] = [];
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      // 1. Resynchronise: everything before the next `##` is noise. A range of noise ends at a line end
      //    (CRLF) or where a frame begins, so a garbled line counts once however the reads split it.
      const h = buf.indexOf('##', pos);
      if (h !== pos) {
        const stop = h < 0 ? n : h;
        let from = pos;
        for (;;) {
          const crlf = indexOfCrlf(buf, from, stop);
          if (crlf < 0) break;
          this.drop(out, 'HJ212_FRAME_HEADER', buf.subarray(from, crlf + 2), true);
          from = crlf + 2;
        }
        // Keep a trailing `#` (or CR): it may be the first half of the next `##` (or CRLF).
        const keep = h < 0 && stop > from && (buf[stop - 1] === HASH || buf[stop - 1] === CR) ? 1 : 0;
        this.drop(out, 'HJ212_FRAME_HEADER', buf.subarray(from, stop - keep), h >= 0);
        pos = stop - keep;
        if (h < 0) break;
      }
      // 2. A stray `#` right before the header (`###0123…`): one byte of noise, the frame starts one later.
      if (pos + 2 < n && buf[pos + 2] === HASH) { this.drop(out, 'HJ212_FRAME_HEADER', buf.subarray(pos, pos + 1), true); pos++; continue; }
      if (pos + 2 >= n) break; // `##` alone: wait for more
      // 3. Where does this frame end? By its declared length when CRLF is there; else at the first CRLF
      //    before the next `##` (the parser judges the length, e.g. one counted in characters); else it lost
      //    its trailer and ends where the next frame begins.
      const declared = lengthAt(buf, pos);
      const lengthEnd = declared >= 0 ? pos + 6 + declared + 4 : -1;
      if (lengthEnd >= 0 && lengthEnd + 2 <= n && buf[lengthEnd] === CR && buf[lengthEnd + 1] === LF) {
        out.push({ frame: buf.subarray(pos, lengthEnd + 2) }); pos = lengthEnd + 2; continue;
      }
      const next = buf.indexOf('##', pos + 2);
      const lineEnd = indexOfCrlf(buf, pos + 2, next < 0 ? n : next);
      if (lineEnd >= 0) { out.push({ frame: buf.subarray(pos, lineEnd + 2) }); pos = lineEnd + 2; continue; }
      if (next >= 0) {
        // Never wait past a `##` here: a logger that sends one frame and waits for its answer must get it.
        out.push({ frame: buf.subarray(pos, next) }); pos = next; continue;
      }
      if (n - pos > MAX_FRAME_BYTES) {
        // No trailer within the longest possible frame: drop it (and whatever follows until a `##`).
        this.drop(out, 'HJ212_FRAME_TOO_LONG', buf.subarray(pos, n - 1), false);
        pos = n - 1;
        if (buf[pos] !== HASH) { this.drop(out, 'HJ212_FRAME_TOO_LONG', buf.subarray(pos, n), false); pos = n; }
      }
      break;
    }
    this.buf = pos >= n ? Buffer.alloc(0) : Buffer.from(buf.subarray(pos));
    return out;
  }

  /**
   * The connection closed: what is left is a frame that never got its trailer (e.g. one ending in LF only,
   * judged by the parser as HJ212_FRAME_TRAILER) or noise; either way it is reported, never silently lost.
   */
  end(): ScanItem[] {
    const out: ScanItem[] = [];
    const rest = this.buf;
    this.buf = Buffer.alloc(0);
    if (rest.length >= 2 && rest[0] === HASH && rest[1] === HASH) { this.close(out); out.push({ frame: rest }); }
    else { this.drop(out, this.open?.reason ?? 'HJ212_FRAME_HEADER', rest, true); this.close(out); }
    return out;
  }
}

function indexOfCrlf(buf: Buffer, from: number, to: number): number {
  let i = buf.indexOf(CR, from);
  while (i >= 0 && i + 1 < to) {
    if (buf[i + 1] === LF) return i;
    i = buf.indexOf(CR, i + 1);
  }
  return -1;
}

function lengthAt(buf: Buffer, start: number): number {
  if (start + 6 > buf.length) return -1;
  let v = 0;
  for (let i = start + 2; i < start + 6; i++) {
    const c = buf[i]!;
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}
