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
  | 'HJ212_PACKET_NUMBERING' | 'HJ212_UNKNOWN_MN' | 'HJ212_WRONG_PW' | 'HJ212_PACKET_INCOMPLETE' | 'HJ212_ENCODING'
  /** DataTime later than the platform's clock allows (a logger clock far ahead: it needs time calibration). */
  | 'HJ212_DATA_TIME_FUTURE'
  /** One item with an empty value: that field is dropped, the rest of the packet is stored and answered. */
  | 'HJ212_CP_EMPTY_VALUE';

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
  /** Items sent with an empty value (`w01018-Rtd=`): not stored; present only when there were any. */
  emptyFields?: string[];
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

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * parseNumber of `s.slice(from, to)` without the slice for the common form: optional sign, digits, at most one
 * point, at most 15 digits. Exact: the digits form an integer below 2^53 and 10^k is exact, so one division
 * gives the correctly rounded value, as Number() does. Any other form goes through parseNumber.
 */
function parseNumberAt(s: string, from: number, to: number): number | null {
  let i = from, neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45) { neg = true; i++; } else if (c0 === 43) i++;
  let mantissa = 0, digits = 0, fraction = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) { mantissa = mantissa * 10 + (c - 48); digits++; if (fraction >= 0) fraction++; }
    else if (c === 46 && fraction < 0) fraction = 0;
    else return parseNumber(s.slice(from, to));
  }
  if (digits === 0 || digits > 15) return parseNumber(s.slice(from, to));
  // '0x…', '0b…', '0o…' never get here (a letter); leading zeros read as Number() reads them.
  const v = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  return neg ? -v : v;
}

function isAlphanumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/** YYYYMMDDhhmmss with optional milliseconds (zzz): a real calendar time. */
export function isValidTimeStamp(s: string): boolean {
  if ((s.length !== 14 && s.length !== 17) || !isDigits(s)) return false;
  // (no closure here: this runs for every frame, twice)
  const y = twoDigits(s, 0) * 100 + twoDigits(s, 2), mo = twoDigits(s, 4), d = twoDigits(s, 6), h = twoDigits(s, 8), mi = twoDigits(s, 10), se = twoDigits(s, 12);
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

/** The field of `key` = body[from, to) after the dash: which value it sets, without slicing the key. */
function fieldAt(body: string, from: number, to: number): keyof PollutantValues | undefined {
  const n = to - from;
  const c = body.charCodeAt(from);
  if (n === 3) {
    if (c === 82) return body.startsWith('Rtd', from) ? 'rtd' : undefined;
    if (c === 65) return body.startsWith('Avg', from) ? 'avg' : undefined;
    if (c === 77) return body.startsWith('Min', from) ? 'min' : body.startsWith('Max', from) ? 'max' : undefined;
    if (c === 67) return body.startsWith('Cou', from) ? 'cou' : undefined;
    return undefined;
  }
  if (n === 4) return body.startsWith('Flag', from) ? 'flag' : undefined;
  if (n === 5) {
    if (c === 90) {
      return body.startsWith('ZsRtd', from) ? 'zsRtd' : body.startsWith('ZsAvg', from) ? 'zsAvg' : body.startsWith('ZsMin', from) ? 'zsMin'
        : body.startsWith('ZsMax', from) ? 'zsMax' : undefined;
    }
    return body.startsWith('EFlag', from) ? 'eflag' : undefined;
  }
  if (n === 10) return body.startsWith('SampleTime', from) ? 'sampleTime' : undefined;
  return undefined;
}
/**
 * Every field present from the start (absent = undefined): one object shape whatever fields a logger sends, so
 * the code reading them stays monomorphic. Grown field by field, the mixes of devices in real traffic made every
 * read megamorphic and parse + rows ≈ 3× slower after a gateway had seen them (bench/monitoring.ts).
 */
export function emptyValues(code: string, sourceCode: string | undefined): PollutantValues {
  return {
    code, sourceCode, rtd: undefined, min: undefined, avg: undefined, max: undefined, cou: undefined,
    zsRtd: undefined, zsMin: undefined, zsAvg: undefined, zsMax: undefined, flag: undefined, eflag: undefined, sampleTime: undefined,
  };
}
const TEXT_FIELD_KEYS: ReadonlySet<keyof PollutantValues> = new Set(['flag', 'eflag', 'sampleTime']);

/** The CP body (between `CP=&&` and the closing `&&`): items by `;`, sub-fields by `,` (表 4). */
export function parseCp(body: string): Parsed<CpData> {
  const cp: CpData = { dataTime: null, values: [], params: {} };
  if (body.length === 0) return { ok: true, value: cp };
  let byCode: Map<string, PollutantValues> | null = null;
  // The pollutant of the previous item: a record's fields come together (`w01018-Rtd=…,w01018-Flag=N`).
  let lastSource = '';
  let lastPv: PollutantValues | null = null;
  let start = 0;
  const n = body.length;
  while (start <= n) {
    let end = start;
    let eq = -1, dash = -1;
    while (end < n) {
      const c = body.charCodeAt(end);
      if (c === 59 || c === 44) break;
      if (c === 61 && eq < 0) eq = end;
      else if (c === 45 && dash < 0 && eq < 0) dash = end;
      end++;
    }
    if (end > start) {
      if (eq < 0 || eq === start) return reject('HJ212_CP_MALFORMED', body.slice(start, end).slice(0, 40));
      // The key is body[start, eq): `code-Field` when a dash splits it into two non-empty parts.
      const field = dash > start && dash < eq - 1 ? fieldAt(body, dash + 1, eq) : undefined;
      if (field !== undefined) {
        let pv: PollutantValues;
        if (lastPv !== null && dash - start === lastSource.length && body.startsWith(lastSource, start)) pv = lastPv;
        else {
          const sourceCode = body.slice(start, dash);
          byCode ??= new Map();
          let found = byCode.get(sourceCode);
          if (!found) {
            const code = normalisePollutantCode(sourceCode);
            found = emptyValues(code, code === sourceCode ? undefined : sourceCode);
            byCode.set(sourceCode, found);
            cp.values.push(found);
          }
          pv = found; lastPv = found; lastSource = sourceCode;
        }
        if (TEXT_FIELD_KEYS.has(field)) {
          (pv as unknown as Record<string, string>)[field] = body.slice(eq + 1, end);
        } else if (end === eq + 1) {
          // Decision (README §Decisions): an empty value is "no value", not a corrupt packet — the field is
          // dropped and named, the rest is kept; a non-numeric value still rejects the packet (its CRC held,
          // so the logger itself wrote garbage).
          (cp.emptyFields ??= []).push(body.slice(start, eq));
        } else {
          const v = end - eq - 1 > 32 ? null : parseNumberAt(body, eq + 1, end);
          if (v === null) return reject('HJ212_CP_VALUE', body.slice(start, eq));
          (pv as unknown as Record<string, number>)[field] = v;
        }
      } else {
        const key = body.slice(start, eq);
        const value = body.slice(eq + 1, end);
        if (key === 'DataTime') cp.dataTime = value;
        else cp.params[key] = value;
      }
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
  // 表 3: QN = YYYYMMDDhhmmsszzz, the time of the request. 14 digits (no ms) are accepted; anything that is
  // not a calendar time is rejected, naming QN.
  if (qn !== null && !((qn.length === 17 || qn.length === 14) && isValidTimeStamp(qn))) return reject('HJ212_FIELD_FORMAT', 'QN');
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

/**
 * The Flag of a platform reply (§6.3.2 Flag = V5..V0 D A): the version bits of the logger's own packet, A and
 * D cleared. A 2017 logger (V = 1) gets Flag=4 as in 表 C.14; a 2005 logger (V = 0, HJ/T 212-2005 had no version
 * bits) gets Flag=0, so it reads the answer in its own dialect; Flag=8 (V = 2, seen in the field) gets 8.
 * No Flag at all (2005 without one): answered as 2005, Flag=0 — but such a packet never asks for an answer.
 */
export const replyFlagOf = (flag: number | null | undefined): number => (flag === undefined ? 4 : flag === null ? 0 : flag & ~3);

/** §6.1 / 表 C.14: the platform's data answer to an upload with A set — CN 9014, the same QN, ST 91, the logger's version, empty CP. */
export function encodeDataAnswer(p: Pick<Hj212Packet, 'qn' | 'pw' | 'mn'> & { flag?: number | null }): string {
  return encodeFrame(`${p.qn !== null ? `QN=${p.qn};` : ''}ST=91;CN=9014;PW=${p.pw};MN=${p.mn};Flag=${replyFlagOf(p.flag)};CP=&&&&`);
}

/**
 * 表 9 CN 1013 (现场机时间校准请求) → the platform sets the logger's clock with CN 1012 (设置现场机时间),
 * `SystemTime` = the platform's China Standard Time, for the instrument named by the request's PolId (附录 C
 * time-calibration flow — the logger then answers 9011 QnRtn and 9012 ExeRtn; the table number is unconfirmed). The 1012 is a request of its own: a new QN (the platform's time), the logger's ST,
 * Flag with A set (an answer is expected) and the logger's version bits.
 */
export function encodeTimeSet(p: Pick<Hj212Packet, 'st' | 'pw' | 'mn' | 'flag'>, now: Date, polId?: string): string {
  const cp = `${polId ? `PolId=${polId};` : ''}SystemTime=${timeStampOf(now)}`;
  return encodeFrame(`QN=${timeStampOf(now, true)};ST=${p.st};CN=1012;PW=${p.pw};MN=${p.mn};Flag=${replyFlagOf(p.flag) | 1};CP=&&${cp}&&`);
}

/**
 * MN (表 3): 24 characters 0–9/A–F, the EPC-96 code of the device (HJ 212-2017); HJ/T 212-2005 loggers use a
 * 14-character 监测点编号. The gateway stays lenient (shorter IDs are common in the field, environment-data.md
 * D4) and reports which form an MN has.
 */
export function mnFormatOf(mn: string): 'HJ212-2017' | 'HJ212-2005' | 'nonstandard' {
  if (/^[0-9A-F]{24}$/.test(mn)) return 'HJ212-2017';
  if (/^[0-9A-Za-z]{14}$/.test(mn)) return 'HJ212-2005';
  return 'nonstandard';
}
