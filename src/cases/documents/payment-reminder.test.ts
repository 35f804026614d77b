// 催告书: 行政强制法 第三十五条 (the four items), 第五十四条 (before applying to the court).
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { FIXTURES } from './fixtures.js';
import { renderCaseDocument } from './index.js';

async function text(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('行政强制法 第三十五条: the 催告书 states the time limit, manner, amount and the right to state and defend', () => {
  const d = FIXTURES['payment-reminder'];

  it('(一)(二)(三): performs by the date, pays the exact outstanding amount into the account', async () => {
    const t = await text(await renderCaseDocument('payment-reminder', d));
    expect(t).toContain('现催告你单位于2021年1月15日前履行上述义务');
    expect(t).toContain('尚应缴纳罚款及加处罚款合计人民币叁拾伍万元整（¥350,000.00）');
    expect(t).toContain('开户银行：中国工商银行烟台分行营业部；账号：1606020009022100000');
    expect(t).toContain('截至2021年1月4日');
  });

  it('(四): the right to state and defend, heard and reviewed (第三十六条)', async () => {
    const t = await text(await renderCaseDocument('payment-reminder', d));
    expect(t).toContain('依法享有陈述权和申辩权');
    expect(t).toContain('进行记录、复核');
  });

  it('without payments: no paid clause; a citizen is addressed as 你', async () => {
    const t = await text(await renderCaseDocument('payment-reminder', {
      ...d, paidFen: 0, party: { kind: 'individual', name: '张三', idNumber: '370602198001010011', address: '烟台市芝罘区南大街1号' },
    }));
    expect(t).not.toContain('已缴纳');
    expect(t).toContain('合计人民币肆拾万元整（¥400,000.00）');
    expect(t).toContain('现催告你于2021年1月15日前');
  });

  it('refuses to print a reminder when nothing is outstanding', async () => {
    await expect(renderCaseDocument('payment-reminder', { ...d, paidFen: 40_000_000 })).rejects.toThrow(RangeError);
  });
});
