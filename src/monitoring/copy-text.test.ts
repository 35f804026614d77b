import { describe, expect, it } from 'vitest';
import { CopyBuffers } from './copy-text.js';
import type { IngestRows, PointRow } from './rules/ingest.js';

// The string builder the buffers replaced (issue 18): the bytes must be the same.
const copyText = (v: string | null) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')));
const copyNum = (v: number | null) => (v === null ? '\\N' : String(v));
const iso = (ms: number) => new Date(ms).toISOString();
const pointLine = (d: PointRow) => `${d.deviceId}\t${d.cn}\t${copyText(d.pollutant)}\t${iso(d.dataTime)}\t${copyNum(d.outfallId)}\t${copyNum(d.rtd)}\t${copyNum(d.min)}\t${copyNum(d.avg)}\t${copyNum(d.max)}\t${copyNum(d.cou)}\t${copyNum(d.zsRtd)}\t${copyNum(d.zsAvg)}\t${copyText(d.flag)}\t${copyText(d.sourceCode ?? null)}\n`;

describe('COPY text in buffers', () => {
  it('writes the same bytes as the string builder (numbers, nulls, escapes, non-ASCII)', () => {
    const values = [0, -0, 7, -7, 12.5, -0.001, 1e21, 1.7976931348623157e308, 5e-324, 123456789012345, 0.1 + 0.2, null];
    const texts = ['N', 'D', 'a\\b', 'tab\there', 'nl\nx', 'cr\rx', '中文', null];
    const points: PointRow[] = values.map((v, i) => ({
      deviceId: 1 + i * 1000, cn: 2011, pollutant: i % 3 ? 'w01018' : 'a\t34004', dataTime: Date.UTC(2024, 2, 15, 10, i), outfallId: i % 2 ? null : i,
      rtd: v, min: values[(i + 1) % values.length]!, avg: v === null ? 3 : -v, max: null, cou: 1e-7, zsRtd: i, zsAvg: null,
      flag: texts[i % texts.length]!, sourceCode: texts[(i + 3) % texts.length],
    }));
    const items: IngestRows[] = [{ packet: { deviceId: 1, cn: 2011, dataTime: Date.UTC(2024, 2, 15), qn: 'q\\1', points: points.length }, points, readings: [{ channelId: 3, at: 0, kw: 1.25 }], parts: [{ deviceId: 2, qn: 'Q', pno: 1, pnum: 2, cn: 2011, segment: 'QN=1;CP=&&a=1\n中&&' }], assembled: [{ deviceId: 2, qn: 'Q', pno: 1 }] }];
    const rec = '2024-03-15T02:00:00.000Z';
    const b = new CopyBuffers();
    b.points.buf = Buffer.alloc(8); // grows
    const out = b.encode(items, points, rec);
    expect(out.points.toString('utf8')).toBe(points.map(pointLine).join(''));
    expect(out.packets.toString('utf8')).toBe(`1\t2011\t${iso(Date.UTC(2024, 2, 15))}\tq\\\\1\t${points.length}\t${rec}\n`);
    expect(out.readings.toString('utf8')).toBe(`3\t${iso(0)}\t1.25\n`);
    expect(out.parts.toString('utf8')).toBe(`2\tQ\t1\t2\t2011\tQN=1;CP=&&a=1\\n中&&\t${rec}\n`);
    expect(out.assembled.toString('utf8')).toBe('2\tQ\t1\n');
    // Reused: a second batch starts empty.
    expect(b.encode([], [], rec).points.length).toBe(0);
  });
});
