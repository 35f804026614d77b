import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuanString, formatChineseAmount, formatYuan, parseYuanToFen, percentOfFen } from './fen.js';

describe('money in integer fen', () => {
  it.each([
    ['16330000.00', 1_633_000_000],
    ['1,234.5', 123_450],
    ['1,234,567.89', 123_456_789],
    ['0.05', 5],
    ['200', 20_000],
    ['¥ 3,000', 300_000],
    ['￥50.1', 5_010],
    [' 300元 ', 30_000],
    ['0', 0],
  ])('parses %j to %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, value: fen });
  });

  it.each(['', '.5', '1.234', '1,23,4', '12,34', '-5', '1e3', 'NaN', '1 000', '5.', '壹佰元', '0x10'])('refuses %j, naming the field', (text) => {
    expect(parseYuanToFen(text, 'fineYuan')).toMatchObject({ ok: false, code: 'AMOUNT_FORMAT', field: 'fineYuan' });
  });

  it('refuses amounts beyond exact integer range', () => {
    expect(parseYuanToFen('90071992547409.92')).toMatchObject({ ok: false, code: 'AMOUNT_TOO_LARGE' });
    expect(parseYuanToFen('90071992547409.91')).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(123_450)).toBe('¥1,234.50');
    expect(formatYuan(1_633_000_000)).toBe('¥16,330,000.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-100)).toBe('-¥1.00');
    expect(fenToYuanString(123_450)).toBe('1234.50');
  });

  it('round-trips every amount through text', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
      const a = parseYuanToFen(fenToYuanString(fen));
      const b = parseYuanToFen(formatYuan(fen));
      return a.ok && a.value === fen && b.ok && b.value === fen;
    }));
  });

  // Examples from 中国人民银行《正确填写票据和结算凭证的基本规定》 and common decision wording.
  it.each([
    [1_234_500, '壹万贰仟叁佰肆拾伍元整'],
    [140_950, '壹仟肆佰零玖元伍角整'],
    [600_714, '陆仟零柒元壹角肆分'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [1_000, '壹拾元整'],
    [10_070_000, '壹拾万零柒佰元整'],
    [1_633_000_000, '壹仟陆佰叁拾叁万元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [10_010_000_000, '壹亿零壹拾万元整'],
    [50, '伍角整'],
    [5, '伍分'],
    [0, '零元整'],
  ])('%i fen in capitals is %s', (fen, text) => {
    expect(formatChineseAmount(fen)).toBe(text);
  });

  it('takes a percentage with explicit rounding to the fen', () => {
    expect(percentOfFen(1_000_000, '3', 'half-up')).toBe(30_000);
    expect(percentOfFen(50, '3', 'half-up')).toBe(2); // 1.5 fen → 2
    expect(percentOfFen(49, '3', 'half-up')).toBe(1); // 1.47 fen → 1
    expect(percentOfFen(50, '3', 'down')).toBe(1);
    expect(percentOfFen(34, '3', 'up')).toBe(2); // 1.02 → 2
    expect(percentOfFen(100_000_000_00, '0.5', 'half-up')).toBe(50_000_000); // 环评法 第三十一条 style 0.5 %
    expect(() => percentOfFen(100, '3%', 'half-up')).toThrow(RangeError);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 500 }), (fen, p) => {
      const [down, half, up] = (['down', 'half-up', 'up'] as const).map((r) => percentOfFen(fen, String(p), r));
      return down! <= half! && half! <= up! && up! - down! <= 1;
    }));
  });
});
