// Delimits HJ 212 frames in a TCP byte stream (§6.3): merged and fragmented packets, resync at the
// next `##` after garbage or a broken frame. Each candidate is handed to parseFrame, which judges it.
const HASH = 0x23, CR = 0x0d, LF = 0x0a;
/** `##` + 4 + 9999 + 4 + CRLF. */
export const MAX_FRAME_BYTES = 2 + 4 + 9999 + 4 + 2;

export class FrameScanner {
  private buf: Buffer = Buffer.alloc(0);

  /** Bytes held back waiting for the rest of a frame. */
  get pending(): number { return this.buf.length; }

  /** Feeds bytes; returns every complete candidate frame (ending in CRLF, or cut off at the next `##`). */
  push(chunk: Buffer): Buffer[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Buffer[] = [];
    let pos = 0;
    const buf = this.buf;
    const n = buf.length;
    while (pos < n) {
      const lineEnd = indexOfCrlf(buf, pos);
      if (lineEnd < 0) {
        if (n - pos > MAX_FRAME_BYTES) { out.push(buf.subarray(pos, n)); pos = n; }
        break;
      }
      let start = pos;
      // Leading noise before `##` on the same line is dropped (line noise, keep-alive bytes).
      if (!(buf[start] === HASH && buf[start + 1] === HASH)) {
        const h = buf.indexOf('##', start);
        if (h < 0 || h > lineEnd) { out.push(buf.subarray(pos, lineEnd + 2)); pos = lineEnd + 2; continue; }
        start = h;
      }
      const declared = lengthAt(buf, start);
      if (declared >= 0) {
        const end = start + 6 + declared + 4; // where CRLF belongs
        if (end > lineEnd && end + 2 <= n && buf[end] === CR && buf[end + 1] === LF) {
          // The segment itself holds CRLF bytes: trust the declared length.
          out.push(buf.subarray(start, end + 2)); pos = end + 2; continue;
        }
      }
      // A second `##` before the line ends: the first frame lost its trailer; cut it there and resync.
      const next = buf.indexOf('##', start + 2);
      if (next >= 0 && next < lineEnd && !isLengthMatch(buf, start, lineEnd)) {
        out.push(buf.subarray(start, next)); pos = next; continue;
      }
      out.push(buf.subarray(start, lineEnd + 2));
      pos = lineEnd + 2;
    }
    this.buf = pos >= n ? Buffer.alloc(0) : Buffer.from(buf.subarray(pos));
    return out;
  }
}

function indexOfCrlf(buf: Buffer, from: number): number {
  let i = buf.indexOf(CR, from);
  while (i >= 0 && i + 1 < buf.length) {
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

/** Whether the frame from `start` to the CRLF at `lineEnd` has exactly its declared length. */
function isLengthMatch(buf: Buffer, start: number, lineEnd: number): boolean {
  const declared = lengthAt(buf, start);
  return declared >= 0 && start + 6 + declared + 4 === lineEnd;
}
