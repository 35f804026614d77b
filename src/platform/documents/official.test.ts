import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Paragraph } from 'docx';
import JSZip from 'jszip';
import {
  A4_TWIP, FONT_TABLE_XML, MARGINS_TWIP, TYPE_AREA_WIDTH_TWIP, formatArabicDate, formatArabicDateTime,
  formatChineseDate, formatDocumentNumber, labelValueTable, officialDocument, officialHeading,
  packOfficialDocument, signatureBlock, textWidthInChars,
} from './official.js';

const CN = '〇一二三四五六七八九';
/** Reads a Chinese date back, to check formatChineseDate round-trips. */
function parseChineseDate(s: string): string {
  const m = /^([〇一二三四五六七八九]{4})年(.+)月(.+)日$/.exec(s);
  if (!m) throw new Error(s);
  const small = (t: string): number => {
    if (t === '十') return 10;
    if (t.startsWith('十')) return 10 + CN.indexOf(t[1]);
    if (t.endsWith('十')) return 10 * CN.indexOf(t[0]);
    if (t.length === 3) return 10 * CN.indexOf(t[0]) + CN.indexOf(t[2]);
    return CN.indexOf(t);
  };
  const year = [...m[1]].map((c) => CN.indexOf(c)).join('');
  return `${year}-${String(small(m[2])).padStart(2, '0')}-${String(small(m[3])).padStart(2, '0')}`;
}

describe('formatChineseDate (落款 in Chinese numerals)', () => {
  it.each([
    ['2020-07-15', '二〇二〇年七月十五日'],
    ['2021-10-01', '二〇二一年十月一日'],
    ['2020-12-31', '二〇二〇年十二月三十一日'],
    ['2000-01-20', '二〇〇〇年一月二十日'],
    ['2019-11-11', '二〇一九年十一月十一日'],
    ['2024-02-29', '二〇二四年二月二十九日'],
  ])('%s → %s', (iso, zh) => {
    expect(formatChineseDate(iso)).toBe(zh);
  });

  it.each(['2020-7-15', '2020-02-30', '2021-02-29', '2020-13-01', '', '2020-07-15T00:00'])('throws on %j', (bad) => {
    expect(() => formatChineseDate(bad)).toThrow(RangeError);
  });

  it('property: every date reads back to itself', () => {
    const day = 86_400_000;
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1950, 0, 1) / day, max: Date.UTC(2099, 11, 31) / day }), (n) => {
      const iso = new Date(n * day).toISOString().slice(0, 10);
      return parseChineseDate(formatChineseDate(iso)) === iso;
    }));
  });
});

describe('GB/T 9704-2012 7.3.5.3 Arabic dates and times', () => {
  it('drops leading zeros', () => {
    expect(formatArabicDate('2020-07-05')).toBe('2020年7月5日');
    expect(formatArabicDateTime('2020-07-15T09:05')).toBe('2020年7月15日9时05分');
    expect(() => formatArabicDateTime('2020-07-15T24:00')).toThrow(RangeError);
  });
});

describe('GB/T 9704-2012 7.2.4 发文字号', () => {
  it('writes the year in 六角括号 and the sequence without padding or 第', () => {
    expect(formatDocumentNumber({ prefix: '烟环罚', year: 2020, seq: 12 })).toBe('烟环罚〔2020〕12号');
    expect(formatDocumentNumber({ prefix: '烟环听告', year: 2021, seq: 1 })).toBe('烟环听告〔2021〕1号');
  });

  it.each([
    { prefix: '', year: 2020, seq: 1 }, { prefix: '烟环罚', year: 20, seq: 1 },
    { prefix: '烟环罚', year: 2020, seq: 0 }, { prefix: '烟环罚', year: 2020, seq: 1.5 },
  ])('throws on %j', (bad) => {
    expect(() => formatDocumentNumber(bad)).toThrow(RangeError);
  });

  it('property: prefix, year and sequence read back', () => {
    fc.assert(fc.property(fc.constantFrom('烟环罚', '烟环告', '烟环立'), fc.integer({ min: 2000, max: 2099 }),
      fc.integer({ min: 1, max: 1_000_000 }), (prefix, year, seq) => {
        const m = /^(.+)〔(\d{4})〕([1-9]\d*)号$/.exec(formatDocumentNumber({ prefix, year, seq }));
        return m !== null && m[1] === prefix && Number(m[2]) === year && Number(m[3]) === seq;
      }));
  });
});

describe('GB/T 9704-2012 page and fonts', () => {
  it('A4 with the type area 156 mm wide', () => {
    expect(A4_TWIP).toEqual({ width: 11906, height: 16838 });
    expect(MARGINS_TWIP).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(TYPE_AREA_WIDTH_TWIP).toBe(8845); // 156 mm
  });

  it('counts full-width and half-width characters', () => {
    expect(textWidthInChars('烟台市生态环境局')).toBe(8);
    expect(textWidthInChars('2020年7月15日')).toBe(6.5);
  });

  it('writes the page, the fonts with fallbacks and the "— n —" footers into the file', async () => {
    expect.assertions(12);
    const doc = officialDocument({
      title: '测试', authority: '烟台市生态环境局',
      children: [
        ...officialHeading({ authority: '烟台市生态环境局', title: '测试文书', number: '烟环罚〔2020〕12号' }),
        new Paragraph('正文'),
        labelValueTable([['案由', '测试'], ['当事人', '某公司', '法定代表人', '某人']]),
        ...signatureBlock({ authority: '烟台市生态环境局', on: '2020-07-15' }),
      ],
    });
    const zip = await JSZip.loadAsync(await packOfficialDocument(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map((n) => zip.file(n)!.async('string')));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>'); // 二号 22 pt
    expect(xml).toContain('烟环罚〔2020〕12号');
    expect(xml).toContain('二〇二〇年七月十五日');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('<w:sz w:val="32"/>'); // 三号 16 pt
    expect(fonts).toBe(FONT_TABLE_XML);
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>.*<w:font w:name="仿宋"><w:altName w:val="FangSong"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>.*<w:font w:name="宋体"><w:altName w:val="SimSun"\/>/);
    expect(footers.filter((f) => f.includes('— ') && f.includes('PAGE') && f.includes(' —'))).toHaveLength(2);
  });
});
