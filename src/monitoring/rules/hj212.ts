// HJ 212-2017 污染物在线监控（监测）系统数据传输标准: framing (§6.3), data segment (§6.3.2, 表 3),
// CP fields (表 4), Flag bits, and the platform's data answer (CN 9014, §6.1). Lenient input (the 2005
// dialect without QN or Flag, lower-case CRC, short MN, segments up to 9999), strict output.
// Pure: no I/O, no clock. Every failure is a returned reason, never a throw.
import { computeCrc16, crcAndAscii, formatCrc } from './crc.js';
import { normalisePollutantCode } from './pollutants.js';

/** Why a frame was rejected; each code has zh-CN/en messages (platform/i18n). */
export type RejectReason =
  | 'HJ212_FRAME_HEADER' | 'HJ212_FRAME_LENGTH' | 'HJ212_FRAME_TRAILER' | 'HJ212_FRAME_TOO_LONG' | 'HJ212_CRC'
  | 'HJ212_FIELD_MISSING' | 'HJ212_FIELD_FORMAT' | 'HJ212_CP_MALFORMED' | 'HJ212_CP_VALUE' | 'HJ212_DATA_TIME'
  | 'HJ212_PACKET_NUMBERING' | 'HJ212_UNKNOWN_MN' | 'HJ212_WRONG_PW' | 'HJ212_PACKET_INCOMPLETE' | 'HJ212_ENCODING';

export interface Rejection { ok: false; reason: RejectReason; field?: string }
export type Parsed<T> = { ok: true; value: T } | Rejection;
const reject = (reason: RejectReason, field?: string): Rejection => (field ? { ok: false, reason, field } : { ok: false, reason });

/** One pollutant's values in one record (表 4). Numbers are as sent; absent fields are undefined. */
export interface PollutantValues {
  /** HJ 212-2017 code (2005 codes mapped). */
  code: string;
  /** The code as received, when it differs (a 2005 code). */
  sourceCode?: string;
  rtd?: number; min?: number; avg?: number; max?: number; cou?: number;
  zsRtd?: number; zsMin?: number; zsAvg?: number; zsMax?: number;
  /** 数据标记 (表 C.1): N normal, F stopped, M maintenance, S set value, D fault, C calibration, T over range, B comm failure. */
  flag?: string;
  eflag?: string;
  sampleTime?: string;
}

export interface CpData {
  /** DataTime as sent (YYYYMMDDhhmmss[zzz]), China Standard Time. */
  dataTime: string | null;
  values: PollutantValues[];
  /** Every other key (RtdInterval, QnRtn, SB1-RS …), as sent. */
  params: Record<string, string>;
}

export interface Hj212Packet {
  qn: string | null;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  /** null: absent (2005 dialect). */
  flag: number | null;
  pnum: number | null;
  pno: number | null;
  cp: CpData;
}

/** Flag = V5..V0 D A (§6.3.2): A answer required, D split packet, V protocol version (0 = 2005, 1 = 2017). */
export const needsAnswer = (p: Pick<Hj212Packet, 'flag'>) => p.flag !== null && (p.flag & 1) === 1;
export const isSplit = (p: Pick<Hj212Packet, 'flag'>) => p.flag !== null && (p.flag & 2) === 2;
export const protocolVersion = (p: Pick<Hj212Packet, 'flag'>): '2005' | '2017' | 'other' =>
  p.flag === null || p.flag >> 2 === 0 ? '2005' : p.flag >> 2 === 1 ? '2017' : 'other';

/** Upload commands whose CP must carry DataTime (表 9). */
export const UPLOAD_CNS: ReadonlySet<string> = new Set(['2011', '2021', '2031', '2041', '2051', '2061']);
/** Data commands stored as data points: real-time, minute, hourly, daily. */
export const DATA_CNS = ['2011', '2051', '2061', '2031'] as const;
export type DataCn = (typeof DATA_CNS)[number];
export const isDataCn = (cn: string): cn is DataCn => cn === '2011' || cn === '2051' || cn === '2061' || cn === '2031';

const MAX_SEGMENT = 9999;
const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;

function isDigits(s: string, from = 0, to = s.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) { const c = s.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}

/**
 * A decimal number as loggers write it: optional sign, digits with an optional fraction (`.5`, `5.`), an
 * optional exponent (some send 1.2E-3). Rejects what Number() would also take: '', spaces, hex/binary,
 * Infinity.
 */
function parseNumber(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 32) return null;
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46)) return null;
  const last = s.charCodeAt(n - 1);
  if (!((last >= 48 && last <= 57) || last === 46)) return null;
  if (n > 1 && c0 === 48) { const c1 = s.charCodeAt(1) | 0x20; if (c1 === 120 || c1 === 98 || c1 === 111) return null; }
  const v = +s;
  return v === v && v !== Infinity && v !== -Infinity ? v : null;
}

function isAlphanumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** YYYYMMDDhhmmss with optional milliseconds (zzz): a real calendar time. */
export function isValidTimeStamp(s: string): boolean {
  if ((s.length !== 14 && s.length !== 17) || !isDigits(s)) return false;
  const dd = (i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
  const y = dd(0) * 100 + dd(2), mo = dd(4), d = dd(6), h = dd(8), mi = dd(10), se = dd(12);
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31);
}

/** The instant of a China Standard Time stamp (UTC+8, no daylight saving). */
export function instantOfTimeStamp(s: string): Date {
  const ms = s.length === 17 ? +s.slice(14, 17) : 0;
  return new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14), ms) - 8 * 3600_000);
}

/** An instant as a China Standard Time stamp, YYYYMMDDhhmmss (withMs: + zzz). */
export function timeStampOf(at: Date, withMs = false): string {
  const t = new Date(at.getTime() + 8 * 3600_000).toISOString(); // 2024-03-15T10:30:00.123Z
  const base = t.slice(0, 4) + t.slice(5, 7) + t.slice(8, 10) + t.slice(11, 13) + t.slice(14, 16) + t.slice(17, 19);
  return withMs ? base + t.slice(20, 23) : base;
}

const NUMERIC_FIELDS: Record<string, keyof PollutantValues> = {
  Rtd: 'rtd', Min: 'min', Avg: 'avg', Max: 'max', Cou: 'cou', ZsRtd: 'zsRtd', ZsMin: 'zsMin', ZsAvg: 'zsAvg', ZsMax: 'zsMax',
};
const TEXT_FIELDS: Record<string, keyof PollutantValues> = { Flag: 'flag', EFlag: 'eflag', SampleTime: 'sampleTime' };

/** The CP body (between `CP=&&` and the closing `&&`): items by `;`, sub-fields by `,` (表 4). */
export function parseCp(body: string): Parsed<CpData> {
  const cp: CpData = { dataTime: null, values: [], params: {} };
  if (body.length === 0) return { ok: true, value: cp };
  const byCode = new Map<string, PollutantValues>();
  let start = 0;
  const n = body.length;
  while (start <= n) {
    let end = start;
    while (end < n) { const c = body.charCodeAt(end); if (c === 59 || c === 44) break; end++; }
    if (end > start) {
      const eq = body.indexOf('=', start);
      if (eq < 0 || eq >= end || eq === start) return reject('HJ212_CP_MALFORMED', body.slice(start, end).slice(0, 40));
      const key = body.slice(start, eq);
      const value = body.slice(eq + 1, end);
      const dash = key.indexOf('-');
      if (dash > 0 && dash < key.length - 1) {
        const sourceCode = key.slice(0, dash);
        const fieldName = key.slice(dash + 1);
        const numeric = NUMERIC_FIELDS[fieldName];
        const text = numeric ? undefined : TEXT_FIELDS[fieldName];
        if (numeric || text) {
          let pv = byCode.get(sourceCode);
          if (!pv) {
            const code = normalisePollutantCode(sourceCode);
            pv = code === sourceCode ? { code } : { code, sourceCode };
            byCode.set(sourceCode, pv);
            cp.values.push(pv);
          }
          if (numeric) {
            const v = parseNumber(value);
            if (v === null) return reject('HJ212_CP_VALUE', key);
            (pv as unknown as Record<string, number>)[numeric] = v;
          } else {
            (pv as unknown as Record<string, string>)[text!] = value;
          }
        } else cp.params[key] = value;
      } else if (key === 'DataTime') {
        cp.dataTime = value;
      } else cp.params[key] = value;
    } // an empty item between separators (`;;`, `,;`) is tolerated: loggers emit them
    start = end + 1;
  }
  return { ok: true, value: cp };
}

/** Parses a data segment (the text between the length and the CRC). */
export function parseSegment(segment: string): Parsed<Hj212Packet> {
  const cpAt = segment.indexOf('CP=&&');
  if (cpAt < 0) return reject('HJ212_CP_MALFORMED', 'CP');
  if (segment.length < cpAt + 7 || !segment.endsWith('&&')) return reject('HJ212_CP_MALFORMED', 'CP');
  if (cpAt > 0 && segment.charCodeAt(cpAt - 1) !== 59) return reject('HJ212_FIELD_FORMAT', 'CP');
  let qn: string | null = null, st: string | null = null, cn: string | null = null, pw: string | null = null, mn: string | null = null;
  let flagText: string | null = null, pnumText: string | null = null, pnoText: string | null = null;
  let start = 0;
  while (start < cpAt) {
    let end = segment.indexOf(';', start);
    if (end < 0 || end > cpAt) end = cpAt;
    if (end > start) {
      const eq = segment.indexOf('=', start);
      if (eq < 0 || eq >= end) return reject('HJ212_FIELD_FORMAT', segment.slice(start, end).slice(0, 20));
      const key = segment.slice(start, eq);
      const value = segment.slice(eq + 1, end);
      switch (key) {
        case 'QN': qn = value; break;
        case 'ST': st = value; break;
        case 'CN': cn = value; break;
        case 'PW': pw = value; break;
        case 'MN': mn = value; break;
        case 'Flag': flagText = value; break;
        case 'PNUM': pnumText = value; break;
        case 'PNO': pnoText = value; break;
        default: break; // unknown header fields are ignored (lenient input)
      }
    }
    start = end + 1;
  }
  if (st === null) return reject('HJ212_FIELD_MISSING', 'ST');
  if (cn === null) return reject('HJ212_FIELD_MISSING', 'CN');
  if (mn === null) return reject('HJ212_FIELD_MISSING', 'MN');
  if (pw === null) return reject('HJ212_FIELD_MISSING', 'PW');
  if (qn !== null && (qn.length < 14 || qn.length > 20 || !isDigits(qn))) return reject('HJ212_FIELD_FORMAT', 'QN');
  if (st.length !== 2 || !isDigits(st)) return reject('HJ212_FIELD_FORMAT', 'ST');
  if (cn.length !== 4 || !isDigits(cn)) return reject('HJ212_FIELD_FORMAT', 'CN');
  if (mn.length === 0 || mn.length > 24 || !isAlphanumeric(mn)) return reject('HJ212_FIELD_FORMAT', 'MN');
  if (pw.length > 32) return reject('HJ212_FIELD_FORMAT', 'PW');
  let flag: number | null = null;
  if (flagText !== null) {
    if (flagText.length === 0 || flagText.length > 3 || !isDigits(flagText) || +flagText > 255) return reject('HJ212_FIELD_FORMAT', 'Flag');
    flag = +flagText;
  }
  let pnum: number | null = null, pno: number | null = null;
  if (flag !== null && (flag & 2) === 2) {
    if (pnumText === null || pnoText === null) return reject('HJ212_PACKET_NUMBERING', pnumText === null ? 'PNUM' : 'PNO');
    if (!isDigits(pnumText) || !isDigits(pnoText) || pnumText.length > 4 || pnoText.length > 4) return reject('HJ212_PACKET_NUMBERING', 'PNO');
    pnum = +pnumText; pno = +pnoText;
    if (pnum < 1 || pno < 1 || pno > pnum) return reject('HJ212_PACKET_NUMBERING', 'PNO');
  }
  const cp = parseCp(segment.slice(cpAt + 5, segment.length - 2));
  if (!cp.ok) return cp;
  const dataTime = cp.value.dataTime;
  // DataTime is required on uploads, except on the continuation packets of a split message.
  if (UPLOAD_CNS.has(cn) && (pno === null || pno === 1)) {
    if (dataTime === null) return reject('HJ212_DATA_TIME', 'DataTime');
  }
  if (dataTime !== null && !isValidTimeStamp(dataTime)) return reject('HJ212_DATA_TIME', 'DataTime');
  return { ok: true, value: { qn, st, cn, pw, mn, flag, pnum, pno, cp: cp.value } };
}

/** UTF-8 characters (code points) of bytes [from, to): a sender may count characters instead of bytes. */
function countCodePoints(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((bytes[i]! & 0xc0) !== 0x80) n++;
  return n;
}

const hexValue = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array, from: number, to: number): string | null {
  try {
    return decoder.decode(bytes.subarray(from, to));
  } catch {
    return null;
  }
}

/** Parses one whole frame `##` + length + segment + CRC + CRLF (the trailer may be absent in `bytes`). */
export function parseFrame(input: Uint8Array | string): Parsed<Hj212Packet> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let n = bytes.length;
  if (n < 2 || bytes[0] !== HASH || bytes[1] !== HASH) return reject('HJ212_FRAME_HEADER');
  if (n >= 2 && bytes[n - 2] === CR && bytes[n - 1] === LF) n -= 2;
  else return reject('HJ212_FRAME_TRAILER');
  if (n < 10) return reject('HJ212_FRAME_LENGTH');
  let declared = 0;
  for (let i = 2; i < 6; i++) {
    const c = bytes[i]!;
    if (c < 48 || c > 57) return reject('HJ212_FRAME_LENGTH');
    declared = declared * 10 + (c - 48);
  }
  const segFrom = 6, segTo = n - 4;
  if (segTo < segFrom) return reject('HJ212_FRAME_LENGTH');
  const segBytes = segTo - segFrom;
  if (segBytes > MAX_SEGMENT) return reject('HJ212_FRAME_TOO_LONG');
  if (declared !== segBytes && declared !== countCodePoints(bytes, segFrom, segTo)) return reject('HJ212_FRAME_LENGTH');
  let sent = 0;
  for (let i = segTo; i < n; i++) {
    const h = hexValue(bytes[i]!);
    if (h < 0) return reject('HJ212_CRC');
    sent = (sent << 4) | h;
  }
  // 附录 A: on a CRC error, processing stops. (One pass: the CRC, and whether the segment is all ASCII.)
  const { crc, ascii } = crcAndAscii(bytes, segFrom, segTo);
  if (crc !== sent) return reject('HJ212_CRC');
  const segment = ascii ? Buffer.from(bytes.buffer, bytes.byteOffset + segFrom, segBytes).toString('latin1') : decodeUtf8(bytes, segFrom, segTo);
  if (segment === null) return reject('HJ212_ENCODING');
  return parseSegment(segment);
}

// ---------------------------------------------------------------------------------------------
// Output: strict 2017 form.

const ORDER: [keyof PollutantValues, string][] = [
  ['cou', 'Cou'], ['rtd', 'Rtd'], ['min', 'Min'], ['avg', 'Avg'], ['max', 'Max'],
  ['zsRtd', 'ZsRtd'], ['zsMin', 'ZsMin'], ['zsAvg', 'ZsAvg'], ['zsMax', 'ZsMax'],
  ['flag', 'Flag'], ['eflag', 'EFlag'], ['sampleTime', 'SampleTime'],
];

/** The CP body for `cp` (without `&&`): DataTime, then other parameters, then one item per pollutant. */
export function encodeCp(cp: CpData): string {
  const items: string[] = [];
  if (cp.dataTime !== null) items.push(`DataTime=${cp.dataTime}`);
  for (const [k, v] of Object.entries(cp.params)) items.push(`${k}=${v}`);
  for (const pv of cp.values) {
    const code = pv.sourceCode ?? pv.code;
    const parts: string[] = [];
    for (const [field, name] of ORDER) {
      const v = pv[field];
      if (v !== undefined) parts.push(`${code}-${name}=${v}`);
    }
    if (parts.length) items.push(parts.join(','));
  }
  return items.join(';');
}

/** The data segment for a packet, fields in the standard's order. */
export function encodeSegment(p: Hj212Packet): string {
  let s = '';
  if (p.qn !== null) s += `QN=${p.qn};`;
  s += `ST=${p.st};CN=${p.cn};PW=${p.pw};MN=${p.mn};`;
  if (p.flag !== null) s += `Flag=${p.flag};`;
  if (p.pnum !== null && p.pno !== null) s += `PNUM=${p.pnum};PNO=${p.pno};`;
  return `${s}CP=&&${encodeCp(p.cp)}&&`;
}

/** `##` + 4-digit length (UTF-8 bytes; equal to characters for ASCII) + segment + CRC + CRLF. */
export function encodeFrame(segment: string): string {
  const bytes = new TextEncoder().encode(segment);
  if (bytes.length > MAX_SEGMENT) throw new RangeError('HJ 212 data segment longer than 9999 bytes');
  return `##${String(bytes.length).padStart(4, '0')}${segment}${formatCrc(computeCrc16(bytes))}\r\n`;
}

export const encodePacket = (p: Hj212Packet) => encodeFrame(encodeSegment(p));

/** §6.1 / 表 C.14: the platform's data answer to an upload with A set — CN 9014, the same QN, ST 91, Flag 4, empty CP. */
export function encodeDataAnswer(p: Pick<Hj212Packet, 'qn' | 'pw' | 'mn'>): string {
  return encodeFrame(`${p.qn !== null ? `QN=${p.qn};` : ''}ST=91;CN=9014;PW=${p.pw};MN=${p.mn};Flag=4;CP=&&&&`);
}
