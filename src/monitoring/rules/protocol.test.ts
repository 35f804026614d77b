// Issue 11 items 1–5 at the level of the pure rules: framing resync, split parts, 2005 codes, decisions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeDataAnswer, encodeFrame, encodePacket, encodeTimeSet, mnFormatOf, parseFrame, parseSegment, replyFlagOf, type Hj212Packet,
} from './hj212.js';
import { FrameScanner, MAX_FRAME_BYTES, type ScanItem } from './stream.js';
import { Reassembler } from './reassembly.js';
import { isKnownPollutantCode, normalisePollutantCode, POLLUTANTS } from './pollutants.js';
import { HJ212_CODE_TABLE } from './pollutant-codes.js';
import { rowsOfPacket } from './ingest.js';
import { simulatedMn } from '../demo.js';
import { mn2005 } from '../session.js';

const packet = (over: Partial<Hj212Packet> = {}): Hj212Packet => ({
  qn: '20240315103000123', st: '32', cn: '2061', pw: '123456', mn: '010000A8900016F000169DC0', flag: 5, pnum: null, pno: null,
  cp: { dataTime: '20240315100000', values: [{ code: 'w01018', avg: 40.1, flag: 'N' }], params: {} }, ...over,
});
const frames = (items: ScanItem[]) => items.flatMap((i) => ('frame' in i ? [i.frame.toString()] : []));
const discards = (items: ScanItem[]) => items.flatMap((i) => ('discard' in i ? [i.discard] : []));

describe('HJ 212-2017 §6.3 / environment-data.md §5.7: framing resynchronises on the next ## (issue 11 item 2)', () => {
  const a = encodePacket(packet());
  const b = encodePacket(packet({ qn: '20240315103000124' }));

  it('one stray # before a frame: one byte discarded with its reason, the frame kept', () => {
    const s = new FrameScanner();
    const items = s.push(Buffer.from(`#${a}#${b}`));
    expect(frames(items)).toEqual([a, b]);
    expect(discards(items).map((d) => [d.reason, d.bytes])).toEqual([['HJ212_FRAME_HEADER', 1], ['HJ212_FRAME_HEADER', 1]]);
  });

  it('a long burst of noise, then a frame split across reads: the frame is not lost; the burst is one range', () => {
    const noise = 'x'.repeat(MAX_FRAME_BYTES + 3000);
    const all = Buffer.from(noise + a + b);
    const s = new FrameScanner();
    const items: ScanItem[] = [];
    for (let i = 0; i < all.length; i += 997) items.push(...s.push(all.subarray(i, i + 997)));
    expect(frames(items)).toEqual([a, b]);
    expect(discards(items).map((d) => [d.reason, d.bytes])).toEqual([['HJ212_FRAME_HEADER', noise.length]]);
    expect(s.pending).toBe(0);
  });

  it('a frame ending in LF only is judged (HJ212_FRAME_TRAILER) when the connection closes, or when the next frame starts', () => {
    const lf = `${a.slice(0, -2)}\n`;
    const s = new FrameScanner();
    expect(s.push(Buffer.from(lf))).toEqual([]);
    const end = s.end();
    expect(frames(end)).toEqual([lf]);
    expect(parseFrame(lf)).toMatchObject({ ok: false, reason: 'HJ212_FRAME_TRAILER' });
    const t = new FrameScanner();
    expect(frames(t.push(Buffer.from(lf + b)))).toEqual([lf, b]);
  });

  it('noise left at close is counted, not dropped', () => {
    const s = new FrameScanner();
    s.push(Buffer.from('abc'));
    expect(discards(s.end()).map((d) => d.bytes)).toEqual([3]);
  });

  it('property: valid frames among noise (no #) in any split are all recovered, and every byte is accounted for', () => {
    const valid = [a, b, encodePacket(packet({ qn: '20240315103000125', cn: '2011' }))];
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.constantFrom(...valid), fc.string({ maxLength: 40 }).map((x) => x.replace(/#/g, '')), fc.constant('#'), fc.constant('\r\n')), { maxLength: 30 }),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
      (parts, cuts) => {
        // Noise glued to the end of a frame would change that frame; keep frames line-separated as on a real link.
        const text = parts.map((p) => (valid.includes(p) ? `\r\n${p}` : p)).join('');
        const bytes = Buffer.from(text);
        const s = new FrameScanner();
        const items: ScanItem[] = [];
        let at = 0, k = 0;
        while (at < bytes.length) { const n = cuts[k++ % cuts.length]!; items.push(...s.push(bytes.subarray(at, at + n))); at += n; }
        items.push(...s.end());
        const got = frames(items).filter((f) => parseFrame(f).ok);
        expect(got).toEqual(parts.filter((p) => valid.includes(p)));
        const total = items.reduce((n, i) => n + ('frame' in i ? i.frame.length : i.discard.bytes), 0);
        expect(total).toBe(bytes.length);
      },
    ), { numRuns: 500 });
  });
});

describe('HJ 212-2017 §6.3.2 PNUM/PNO, 附录 C: split parts (issue 11 item 1)', () => {
  it('a re-sent part (same QN and PNO) is a duplicate, not a new message', () => {
    const r = new Reassembler(60_000);
    const p1 = packet({ flag: 7, pnum: 2, pno: 1, qn: '20240315103000001' });
    const p2 = packet({ flag: 7, pnum: 2, pno: 2, qn: '20240315103000002', cp: { dataTime: null, values: [{ code: 'w21003', avg: 1 }], params: {} } });
    expect(r.add(p1, 0)).toEqual({ status: 'pending' });
    expect(r.add(p1, 1)).toEqual({ status: 'duplicate' });
    expect(r.add(p2, 2)).toMatchObject({ status: 'complete' });
  });

  it('the same PNO under a new QN starts a new message and gives up the old one', () => {
    const r = new Reassembler(60_000);
    r.add(packet({ flag: 7, pnum: 2, pno: 1, qn: '20240315103000001' }), 0);
    expect(r.add(packet({ flag: 7, pnum: 2, pno: 1, qn: '20240315103000009' }), 1)).toMatchObject({ status: 'pending', abandoned: [expect.anything()] });
  });
});

describe('HJ 212-2017 附录 B 表 B.1/B.2: 2005 codes mapped as data (issue 11 item 4)', () => {
  it.each([['S07', 'a01016'], ['S04', 'a01017'], ['023', 'w20116'], ['28', 'a30001'], ['B01', 'w00000'], ['011', 'w01018'], ['02', 'a21026'], ['01', 'a34013']])(
    '%s → %s', (old, code) => { expect(normalisePollutantCode(old)).toBe(code); });

  it('every 2005 code of the table maps to exactly one 2017 code, and the curated §5.8 codes agree with the table', () => {
    const olds = HJ212_CODE_TABLE.filter((r) => r[2] !== null).map((r) => r[2]!);
    expect(new Set(olds).size).toBe(olds.length);
    expect(olds.length).toBe(93);
    for (const [code, , old] of HJ212_CODE_TABLE) if (old) expect(normalisePollutantCode(old)).toBe(code);
    for (const p of POLLUTANTS) if (p.code2005) expect(HJ212_CODE_TABLE.find((r) => r[0] === p.code)?.[2]).toBe(p.code2005);
  });

  it('unknown codes are not known; templated process and site-information codes are', () => {
    expect(isKnownPollutantCode('Z99')).toBe(false);
    expect(isKnownPollutantCode('w99999')).toBe(false);
    expect(isKnownPollutantCode('e10101')).toBe(true);
    expect(isKnownPollutantCode('i12001')).toBe(true);
  });

  it('keeps the raw code beside the mapped one, keeps an absent flag absent, and lists unknown codes instead of storing them', () => {
    const seg = 'ST=31;CN=2061;PW=123456;MN=37060200000001;Flag=1;CP=&&DataTime=20240315100000;S07-Avg=12.5;02-Avg=30,02-Flag=N;Z99-Avg=1&&';
    const p = parseFrame(encodeFrame(seg));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const rows = rowsOfPacket(p.value, { id: 1, mn: p.value.mn, password: '123456', kind: 'emission', enterpriseId: 1, outfallId: 2 }, () => undefined)!;
    expect(rows.points.map((x) => [x.pollutant, x.sourceCode, x.flag])).toEqual([['a01016', 'S07', null], ['a21026', '02', 'N']]);
    expect(rows.unknownCodes).toEqual(['Z99']);
  });
});

describe('HJ 212-2017 表 3 / 表 4 / 表 9: decisions (issue 11 item 5)', () => {
  it('表 3 QN: a calendar time YYYYMMDDhhmmsszzz (or without ms); anything else is rejected naming QN', () => {
    const seg = (qn: string) => `QN=${qn};ST=32;CN=2011;PW=1;MN=A;Flag=4;CP=&&DataTime=20240315103000&&`;
    expect(parseSegment(seg('20240315103000123')).ok).toBe(true);
    expect(parseSegment(seg('20240315103000')).ok).toBe(true);
    for (const bad of ['20241315103000123', '20240315256000123', '123456789012345678', '2024031510300012']) {
      expect(parseSegment(seg(bad))).toMatchObject({ ok: false, reason: 'HJ212_FIELD_FORMAT', field: 'QN' });
    }
  });

  it('表 4: one empty value drops that field only, named; a non-numeric value still rejects the packet', () => {
    const r = parseSegment('ST=32;CN=2061;PW=1;MN=A;Flag=5;CP=&&DataTime=20240315100000;w01018-Avg=40,w01018-Max=,w01018-Flag=N;w21003-Avg=1.2&&');
    expect(r).toMatchObject({ ok: true, value: { cp: { emptyFields: ['w01018-Max'], values: [{ code: 'w01018', avg: 40, flag: 'N' }, { code: 'w21003', avg: 1.2 }] } } });
    if (r.ok) expect(r.value.cp.values[0]!.max).toBeUndefined();
    expect(parseSegment('ST=32;CN=2061;PW=1;MN=A;Flag=5;CP=&&DataTime=20240315100000;w01018-Avg=4x&&')).toMatchObject({ ok: false, reason: 'HJ212_CP_VALUE' });
  });

  it('§6.3.2 Flag: the reply carries the logger\'s version bits (2017 → 4, 2005 → 0, version 2 → 8), A and D cleared', () => {
    expect([replyFlagOf(5), replyFlagOf(7), replyFlagOf(1), replyFlagOf(3), replyFlagOf(9), replyFlagOf(null), replyFlagOf(undefined)]).toEqual([4, 4, 0, 0, 8, 0, 4]);
    const answer = encodeDataAnswer({ qn: '20240315103000123', pw: '123456', mn: '37060200000001', flag: 1 });
    expect(answer).toContain(';Flag=0;CP=&&&&');
    expect(parseFrame(answer)).toMatchObject({ ok: true, value: { cn: '9014', st: '91', flag: 0 } });
  });

  it('表 9 CN 1013 → CN 1012 with SystemTime = the platform\'s China Standard Time, a new QN, A set', () => {
    const now = new Date('2024-03-02T01:02:03.456Z');
    const f = encodeTimeSet({ st: '32', pw: '123456', mn: '010000A8900016F000169DC0', flag: 4 }, now, 'w01018');
    expect(parseFrame(f)).toMatchObject({ ok: true, value: { qn: '20240302090203456', cn: '1012', st: '32', flag: 5, cp: { params: { PolId: 'w01018', SystemTime: '20240302090203' } } } });
    expect(encodeTimeSet({ st: '31', pw: '1', mn: '37060200000001', flag: 1 }, now)).toContain('Flag=1;CP=&&SystemTime=20240302090203&&');
  });

  it('表 3 MN: 24 characters 0–9/A–F (EPC-96) in 2017, 14 in 2005; the simulators follow it', () => {
    expect(mnFormatOf('010000A8900016F000169DC0')).toBe('HJ212-2017');
    expect(mnFormatOf('LD130133000015')).toBe('HJ212-2005');
    expect(mnFormatOf('ABC')).toBe('nonstandard');
    expect(mnFormatOf('010000a8900016f000169dc0')).toBe('nonstandard');
    expect(mnFormatOf(simulatedMn('P', 12345))).toBe('HJ212-2017');
    expect(mnFormatOf(simulatedMn('E', 7))).toBe('HJ212-2017');
    expect(mnFormatOf(mn2005(3))).toBe('HJ212-2005');
  });
});
