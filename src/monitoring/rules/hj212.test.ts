import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCrc16, computeCrc16Reference, formatCrc } from './crc.js';
import {
  encodeDataAnswer, encodeFrame, encodePacket, instantOfTimeStamp, parseFrame, parseSegment, timeStampOf, type Hj212Packet,
} from './hj212.js';
import { FrameScanner, type ScanItem } from './stream.js';
import { Reassembler } from './reassembly.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const crcOf = (s: string) => formatCrc(computeCrc16(bytes(s)));

// shared/domain/environment-data.md §5.3: vectors from the standard's Annex A and public test suites.
const VECTORS: [string, string, string][] = [
  ['QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&', '0101', '1C80'],
  ['ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&', '0139', '4980'],
  ['QN=20231008125115215;ST=22;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&', '0094', 'CC01'],
];

const EXAMPLES = [
  '##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n',
  '##0400QN=20160801090000001;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801080000;w00000-Cou=63.0,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N;w01018-Cou=2.53,w01018-Min=38.2,w01018-Avg=40.1,w01018-Max=42.6,w01018-Flag=N;w21003-Cou=0.08,w21003-Min=1.1,w21003-Avg=1.3,w21003-Max=1.6,w21003-Flag=N&&F501\r\n',
  '##0370QN=20240315103000123;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC1;Flag=5;CP=&&DataTime=20240315103000;a21026-Rtd=28.6,a21026-ZsRtd=31.5,a21026-Flag=N;a21002-Rtd=45.0,a21002-ZsRtd=49.6,a21002-Flag=N;a34013-Rtd=3.2,a34013-ZsRtd=3.5,a34013-Flag=N;a19001-Rtd=7.4,a19001-Flag=N;a01012-Rtd=48.5,a01012-Flag=N;a01014-Rtd=9.8,a01014-Flag=N;a00000-Rtd=52.7,a00000-Flag=N&&6C00\r\n',
];

describe('HJ 212-2017 附录 A: CRC16 of the data segment', () => {
  it.each(VECTORS)('%s → length %s, CRC %s', (segment, length, crc) => {
    expect(String(bytes(segment).length).padStart(4, '0')).toBe(length);
    expect(crcOf(segment)).toBe(crc);
    expect(encodeFrame(segment)).toBe(`##${length}${segment}${crc}\r\n`);
  });

  it('is not the Modbus CRC (the 0139 vector gives 264D under Modbus)', () => {
    let r = 0xffff;
    for (const b of bytes(VECTORS[1]![0])) { r ^= b; for (let k = 0; k < 8; k++) r = r & 1 ? (r >>> 1) ^ 0xa001 : r >>> 1; }
    expect(formatCrc(r)).toBe('264D');
  });

  it('the table form equals the bit-by-bit form of the annex, and a non-empty segment has one of only 256 values', () => {
    const seen = new Set<number>();
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (b) => {
      const c = computeCrc16(b);
      seen.add(c);
      expect(c).toBe(computeCrc16Reference(b));
    }), { numRuns: 2000 });
    expect(seen.size).toBeLessThanOrEqual(256);
  });
});

describe('HJ 212-2017 §6.3: framing and fields', () => {
  it.each(EXAMPLES)('parses the worked example %#', (frame) => {
    expect(parseFrame(frame).ok).toBe(true);
  });

  it('reads the hourly water example: DataTime, Cou/Min/Avg/Max, flags', () => {
    const r = parseFrame(EXAMPLES[1]!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ qn: '20160801090000001', st: '32', cn: '2061', pw: '123456', mn: '010000A8900016F000169DC0', flag: 5 });
    expect(r.value.cp.dataTime).toBe('20160801080000');
    expect(r.value.cp.values.find((v) => v.code === 'w01018')).toEqual({ code: 'w01018', cou: 2.53, min: 38.2, avg: 40.1, max: 42.6, flag: 'N' });
  });

  it('maps HJ/T 212-2005 codes (B01, 011, 060) to 2017 codes and accepts no QN or Flag', () => {
    const r = parseFrame(encodeFrame(VECTORS[1]![0]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.qn).toBeNull();
    expect(r.value.flag).toBeNull();
    expect(r.value.cp.values.map((v) => [v.code, v.sourceCode])).toEqual([['w00000', 'B01'], ['w01018', '011'], ['w21003', '060']]);
  });

  it('accepts a lower-case CRC and Flag=8', () => {
    const seg = 'QN=20210301111100112;ST=21;CN=2011;PW=123456;MN=AB12;Flag=8;CP=&&DataTime=20210301111100;w01018-Rtd=1,w01018-Flag=N&&';
    expect(parseFrame(`##${String(seg.length).padStart(4, '0')}${seg}${crcOf(seg).toLowerCase()}\r\n`).ok).toBe(true);
  });

  it('accepts a length counted in characters when the segment holds UTF-8 Chinese', () => {
    const seg = 'QN=20240315103000123;ST=32;CN=3020;PW=123456;MN=AB12;Flag=4;CP=&&SiteName=烟台化工&&';
    const frame = `##${String(seg.length).padStart(4, '0')}${seg}${crcOf(seg)}\r\n`;
    expect(bytes(seg).length).not.toBe(seg.length);
    expect(parseFrame(frame)).toMatchObject({ ok: true, value: { cp: { params: { SiteName: '烟台化工' } } } });
  });

  it.each([
    ['HJ212_FRAME_HEADER', '#0087' + EXAMPLES[0]!.slice(6)],
    ['HJ212_FRAME_TRAILER', EXAMPLES[0]!.slice(0, -2)],
    ['HJ212_FRAME_LENGTH', EXAMPLES[0]!.replace('##0087', '##0088')],
    ['HJ212_FRAME_LENGTH', EXAMPLES[0]!.replace('##0087', '##00x7')],
    ['HJ212_CRC', EXAMPLES[0]!.replace('3240\r\n', '3241\r\n')],
    ['HJ212_CRC', EXAMPLES[0]!.replace('3240\r\n', '32G0\r\n')],
  ])('rejects with %s', (reason, frame) => {
    expect(parseFrame(frame)).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['HJ212_FIELD_MISSING', 'ST', 'QN=20240315103000123;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20240315103000&&'],
    ['HJ212_FIELD_MISSING', 'MN', 'QN=20240315103000123;ST=32;CN=2011;PW=1;Flag=4;CP=&&DataTime=20240315103000&&'],
    ['HJ212_FIELD_FORMAT', 'QN', 'QN=2024x;ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20240315103000&&'],
    ['HJ212_FIELD_FORMAT', 'Flag', 'ST=32;CN=2011;PW=1;MN=A;Flag=999;CP=&&DataTime=20240315103000&&'],
    ['HJ212_CP_MALFORMED', 'CP', 'ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20240315103000'],
    ['HJ212_CP_VALUE', 'w01018-Rtd', 'ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20240315103000;w01018-Rtd=abc&&'],
    ['HJ212_DATA_TIME', 'DataTime', 'ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&w01018-Rtd=1&&'],
    ['HJ212_DATA_TIME', 'DataTime', 'ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20240231103000&&'],
    ['HJ212_PACKET_NUMBERING', 'PNO', 'ST=32;CN=2011;PW=1;MN=A;Flag=7;PNUM=2;PNO=3;CP=&&DataTime=20240315103000&&'],
  ])('rejects %s naming %s', (reason, field, segment) => {
    expect(parseSegment(segment)).toMatchObject({ ok: false, reason, field });
    expect(parseFrame(encodeFrame(segment))).toMatchObject({ ok: false, reason, field });
  });

  it('answers an upload with CN 9014, the same QN, ST 91, Flag 4, empty CP (表 C.14 pattern)', () => {
    expect(encodeDataAnswer({ qn: '20160801085857223', pw: '123456', mn: '010000A8900016F000169DC0' })).toBe(EXAMPLES[0]);
  });

  it('China Standard Time stamps round-trip', () => {
    expect(instantOfTimeStamp('20240315103000').toISOString()).toBe('2024-03-15T02:30:00.000Z');
    expect(timeStampOf(new Date('2024-03-15T02:30:00.123Z'), true)).toBe('20240315103000123');
  });
});

const code = fc.constantFrom('w01018', 'w21003', 'w00000', 'a21026', 'a21002', 'a34013', 'a19001');
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1000) / 1000 + 0);
const stamp = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => timeStampOf(d));
const packetArb: fc.Arbitrary<Hj212Packet> = fc.record({
  qn: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map((d) => timeStampOf(d, true)), { nil: null }),
  st: fc.constantFrom('31', '32', '91'),
  cn: fc.constantFrom('2011', '2051', '2061', '2031'),
  pw: fc.stringMatching(/^[0-9A-Za-z]{6}$/),
  mn: fc.stringMatching(/^[0-9A-F]{1,24}$/),
  flag: fc.constantFrom(4, 5, null),
  pnum: fc.constant(null), pno: fc.constant(null),
  cp: fc.record({
    dataTime: stamp,
    params: fc.constant({}),
    values: fc.uniqueArray(fc.record({
      code, rtd: fc.option(num, { nil: undefined }), avg: fc.option(num, { nil: undefined }), zsAvg: fc.option(num, { nil: undefined }),
      flag: fc.constantFrom('N', 'M', 'D', 'C', 'T', 'F', 'B', 'S'),
    }), { selector: (v) => v.code, maxLength: 7 }),
  }),
}).map((p) => ({ ...p, cp: { ...p.cp, values: p.cp.values.map((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as typeof v) } }));

describe('round trip and fuzz', () => {
  it('encode → parse gives the packet back', () => {
    fc.assert(fc.property(packetArb, (p) => {
      const r = parseFrame(encodePacket(p));
      expect(r).toEqual({ ok: true, value: p });
    }), { numRuns: 1000 });
  });

  it('10 000 fuzzed frames: every one parsed or rejected with a reason, never a throw', () => {
    const mutated = fc.tuple(packetArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'drop', 'insert')), { maxLength: 4 }))
      .map(([p, edits]) => {
        const b = Array.from(bytes(encodePacket(p)));
        for (const [at, v, op] of edits) {
          const i = at % b.length;
          if (op === 'set') b[i] = v; else if (op === 'drop') b.splice(i, 1); else b.splice(i, 0, v);
        }
        return new Uint8Array(b);
      });
    const anyBytes = fc.uint8Array({ maxLength: 400 });
    let parsed = 0, rejected = 0;
    fc.assert(fc.property(fc.oneof(mutated, anyBytes, fc.string().map(bytes)), (frame) => {
      const r = parseFrame(frame);
      if (r.ok) parsed++;
      else { rejected++; expect(r.reason).toMatch(/^HJ212_/); }
    }), { numRuns: 10_000 });
    expect(parsed + rejected).toBe(10_000);
    expect(parsed).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});

const framesOf = (items: ScanItem[]) => items.flatMap((i) => ('frame' in i ? [i.frame] : []));

describe('§6.3 TCP stream: merged, fragmented and broken frames', () => {
  it('delimits merged frames and reassembles fragments byte by byte', () => {
    const all = Buffer.from(EXAMPLES.join(''));
    const s = new FrameScanner();
    const got: string[] = [];
    for (let i = 0; i < all.length; i += 7) got.push(...framesOf(s.push(all.subarray(i, i + 7))).map((b) => b.toString()));
    expect(got).toEqual(EXAMPLES);
    expect(s.pending).toBe(0);
  });

  it('resyncs at the next ## after garbage and after a frame that lost its trailer', () => {
    const s = new FrameScanner();
    const items = s.push(Buffer.from(`garbage\r\nxx${EXAMPLES[0]!.slice(0, -2)}${EXAMPLES[2]}`));
    expect(items.map((i) => ('discard' in i ? i.discard.reason : parseFrame(i.frame).ok))).toEqual(['HJ212_FRAME_HEADER', 'HJ212_FRAME_HEADER', false, true]);
    expect(items.filter((i) => 'discard' in i).map((i) => 'discard' in i && i.discard.bytes)).toEqual([9, 2]);
    expect(parseFrame(framesOf(items)[0]!)).toMatchObject({ reason: 'HJ212_FRAME_TRAILER' });
  });
});

describe('split uploads (Flag D): reassembly', () => {
  const part = (pno: number, qn: string, values: Hj212Packet['cp']['values'], dataTime: string | null): Hj212Packet =>
    ({ qn, st: '32', cn: '2061', pw: '123456', mn: 'M1', flag: 7, pnum: 2, pno, cp: { dataTime, values, params: {} } });

  it('merges PNO 1..PNUM into one message and keeps every part for its own answer', () => {
    const r = new Reassembler(60_000);
    expect(r.add(part(2, '20240101000000002', [{ code: 'w21003', avg: 1 }], null), 0)).toEqual({ status: 'pending' });
    const done = r.add(part(1, '20240101000000001', [{ code: 'w01018', avg: 40 }], '20240101000000'), 10);
    expect(done.status).toBe('complete');
    if (done.status !== 'complete') return;
    expect(done.packet.cp).toEqual({ dataTime: '20240101000000', params: {}, values: [{ code: 'w01018', avg: 40 }, { code: 'w21003', avg: 1 }] });
    expect(done.packet.flag).toBe(5);
    expect(done.parts.map((p) => p.qn)).toEqual(['20240101000000001', '20240101000000002']);
  });

  it('expires an incomplete message after the timeout', () => {
    const r = new Reassembler(1000);
    r.add(part(1, '20240101000000001', [], '20240101000000'), 0);
    expect(r.expire(999)).toEqual([]);
    expect(r.expire(1000)).toHaveLength(1);
    expect(r.pendingMessages).toBe(0);
  });
});
