import { describe, expect, it } from 'vitest';
import {
  checkFinalise, checkReportEditable, computeShare, computeYearOnYear, formatFigure, formatPercent, formatRoughCount, formatWanYuan, formatYearOnYear,
} from './rules.js';

describe('report phrases as the seed writes them', () => {
  it.each([[23, '20余次'], [20, '20余次'], [9, '9次'], [0, '0次'], [10_412, '10410余次']])('N余次: %i → %s', (n, s) => {
    expect(formatRoughCount(n)).toBe(s);
  });
  it.each([[1_633_270_000, '1633余万元'], [1_633_000_000, '1633万元'], [1_633_999_999, '1633余万元'], [999_999, '9999元']])('N余万元 from fen: %i → %s', (fen, s) => {
    expect(formatWanYuan(fen)).toBe(s);
  });
  it.each([[100, '100%'], [17.19, '17.19%'], [14.3, '14.3%'], [5.555, '5.56%'], [null, '无记录']] as const)('percent %s → %s', (v, s) => {
    expect(formatPercent(v)).toBe(s);
  });
  it('shares and year-on-year changes', () => {
    expect(computeShare(3, 50)).toBe(6);
    expect(computeShare(1, 0)).toBeNull();
    expect(computeYearOnYear(200, 237)).toBe(18.5);
    expect(computeYearOnYear(null, 237)).toBeNull();
    expect(computeYearOnYear(0, 5)).toBeNull();
    expect(formatYearOnYear(18.5)).toBe('同比增长18.5%');
    expect(formatYearOnYear(-3.8)).toBe('同比下降3.8%');
    expect(formatYearOnYear(0)).toBe('与上年持平');
    expect(formatYearOnYear(null)).toBe('无上年记录');
  });
  it('无记录 is not 0', () => {
    expect(formatFigure(null, '件')).toBe('无记录');
    expect(formatFigure(0, '件')).toBe('0件');
  });
});

describe('finalising: a finalised report never changes', () => {
  it('refuses edits and a second finalisation', () => {
    expect(checkReportEditable('draft')).toEqual({ ok: true });
    expect(checkReportEditable('finalised')).toMatchObject({ ok: false, code: 'ANNUAL_REPORT_FINALISED' });
    expect(checkFinalise('finalised', 2020, '2021-01-06')).toMatchObject({ ok: false, code: 'ANNUAL_REPORT_FINALISED' });
  });
  it('refuses a year not yet ended', () => {
    expect(checkFinalise('draft', 2020, '2020-12-31')).toMatchObject({ ok: false, code: 'ANNUAL_REPORT_YEAR_NOT_ENDED', field: 'year' });
    expect(checkFinalise('draft', 2020, '2021-01-01')).toEqual({ ok: true });
  });
});
