import { describe, expect, it } from 'vitest';
import { checkEntryFitsViolation, parseProvisionRefs, provisionsMatch } from './provision-match.js';
import { exemptionGroundOf, exemptionReasonsText } from './no-penalty-reasons.js';
import type { Eligibility } from './eligibility.js';

describe('行政处罚法 第三十三条第一款: an exemption entry covers only the violation it describes', () => {
  it('parses the provisions officers write', () => {
    expect(parseProvisionRefs('《中华人民共和国水污染防治法》第十条、第八十三条第（二）项；《排污许可管理条例》第二十四条')).toEqual([
      { law: '水污染防治法', article: '十', paragraph: null, item: null },
      { law: '水污染防治法', article: '八十三', paragraph: null, item: '二' },
      { law: '排污许可管理条例', article: '二十四', paragraph: null, item: null },
    ]);
  });
  it('the 暗管 discharge (水污染防治法 第三十九条) does not fit the entry for exceeding standards (第十条)', () => {
    expect(provisionsMatch('《中华人民共和国水污染防治法》第十条', '《中华人民共和国水污染防治法》第三十九条')).toBe(false);
    expect(checkEntryFitsViolation({ violatedProvision: '《中华人民共和国水污染防治法》第十条' }, '《中华人民共和国水污染防治法》第三十九条'))
      .toMatchObject({ ok: false, code: 'EXEMPTION_ENTRY_VIOLATION_MISMATCH', field: 'entryId', citation: { article: '第三十三条', paragraph: '第一款' } });
  });
  it('the same law and article fits, with or without 中华人民共和国; a paragraph the entry names must match', () => {
    expect(provisionsMatch('《中华人民共和国水污染防治法》第十条', '《水污染防治法》第十条')).toBe(true);
    expect(provisionsMatch('《中华人民共和国环境影响评价法》第二十二条第四款', '《中华人民共和国环境影响评价法》第二十二条第四款')).toBe(true);
    expect(provisionsMatch('《中华人民共和国环境影响评价法》第二十二条第四款', '《中华人民共和国环境影响评价法》第二十二条第一款')).toBe(false);
    expect(provisionsMatch('《中华人民共和国大气污染防治法》第十八条', '《中华人民共和国水污染防治法》第十八条')).toBe(false);
  });
  it('a case naming no provision cannot be matched', () => {
    expect(checkEntryFitsViolation({ violatedProvision: '《排污许可管理条例》第二十四条' }, null)).toMatchObject({ code: 'EXEMPTION_CASE_PROVISION_MISSING' });
  });
});

describe('行政处罚法 第三十三条第一款: minor, corrected, harmless is mandatory; first violation is discretionary', () => {
  const eligible = (corrected: boolean): Eligibility => ({ status: 'eligible', conditions: [
    { key: 'firstViolation', result: 'met', evidence: '', citation: { law: '行政处罚法', article: '第三十三条' }, used: {} },
    { key: 'correctedInTime', result: corrected ? 'met' : 'unknown', evidence: '', citation: { law: '行政处罚法', article: '第三十三条' }, used: {} },
  ] });
  it('no harm and corrected in time → the first sentence; minor harm → the second', () => {
    expect(exemptionGroundOf(eligible(true), 'none')).toBe('minorCorrected');
    expect(exemptionGroundOf(eligible(true), 'minor')).toBe('firstViolation');
  });
  it('the reasons read as official text: Chinese dates, no system wording, no final stop', () => {
    const text = exemptionReasonsText('firstViolation', { party: '你单位', lookBackMonths: 12, consequence: 'minor', correctedOn: '2021-07-19', correctionDueOn: '2021-07-26', entryTitle: '未按照规定设置危险废物识别标志' });
    expect(text).toContain('2021年7月19日');
    expect(text).toContain('系初次违法');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|系统|回溯期|。$/);
    expect(exemptionReasonsText('minorCorrected', { party: '你单位', lookBackMonths: 12, consequence: 'none', correctedOn: '2021-07-19', correctionDueOn: '2021-07-26', entryTitle: 'x' })).not.toContain('初次违法');
  });
});
