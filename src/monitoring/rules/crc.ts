// HJ 212-2017 附录 A: the CRC of the data segment. Not the Modbus CRC: the state entering each byte is
// `(r >> 8) ^ b`, one byte, so a 256-entry table gives the whole algorithm (and only 256 values exist).

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i;
    for (let k = 0; k < 8; k++) r = r & 1 ? (r >>> 1) ^ 0xa001 : r >>> 1;
    t[i] = r;
  }
  return t;
})();

/** CRC of bytes [from, to) as the standard computes it: r = 0xFFFF; r = (r >> 8) ^ b; 8 × (shift, xor 0xA001 on carry). */
export function computeCrc16(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let r = 0xffff;
  for (let i = from; i < to; i++) r = TABLE[(r >>> 8) ^ bytes[i]!]!;
  return r;
}

/** The CRC of bytes [from, to) and whether they are all ASCII, in one pass (the gateway's hot path). */
export function crcAndAscii(bytes: Uint8Array, from: number, to: number): { crc: number; ascii: boolean } {
  let r = 0xffff, any = 0;
  for (let i = from; i < to; i++) { const b = bytes[i]!; any |= b; r = TABLE[(r >>> 8) ^ b]!; }
  return { crc: r, ascii: any < 0x80 };
}

/** The bit-by-bit form of 附录 A, kept to check the table against. */
export function computeCrc16Reference(bytes: Uint8Array): number {
  let r = 0xffff;
  for (const b of bytes) {
    r = (r >> 8) ^ b;
    for (let k = 0; k < 8; k++) {
      const lsb = r & 1;
      r >>= 1;
      if (lsb) r ^= 0xa001;
    }
  }
  return r;
}

/** Four upper-case hex digits, as sent on the wire. */
export const formatCrc = (crc: number) => crc.toString(16).toUpperCase().padStart(4, '0');
