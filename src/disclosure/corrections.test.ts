import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPublicRecord, checkCorrection, redactCorrection, type DecisionFacts } from './rules.js';

const ID_SHAPE = /\d{17}[\dXx]/;
const PHONE_SHAPE = /1[3-9]\d{9}/;
const facts: DecisionFacts = {
  partyKind: 'organisation', enterpriseName: '烟台市芝罘区华新化工有限公司', creditCode: '91370602MA3C4XYZ1K', legalRepresentative: '王建国',
  address: '烟台市芝罘区幸福路88号', districtName: '芝罘区', decisionNumber: '烟环罚〔2026〕12号', decidedOn: '2026-09-30',
  cause: '超标排放水污染物', violatedProvisions: '《中华人民共和国水污染防治法》第十条', facts: '废水总排口化学需氧量超标。',
  basis: '《中华人民共和国水污染防治法》第八十三条第（二）项', penaltyKinds: ['fine'], fineFen: 25_000_000, agency: '烟台市生态环境局',
};
const published = { status: 'published' as const, record: buildPublicRecord(facts) };

describe('政府信息公开条例 第十五条: a correction after a data-error report', () => {
  it('changes a text field of a published record, not the number, party or dates, nor a withdrawn record', () => {
    expect(checkCorrection(published, 'basis', '《中华人民共和国水污染防治法》第八十三条第（三）项')).toEqual({ ok: true });
    expect(checkCorrection(published, 'decisionNumber', 'x')).toMatchObject({ ok: false, code: 'DISCLOSURE_CORRECTION_FIELD_INVALID', field: 'correction.field' });
    expect(checkCorrection(published, 'basis', published.record.basis)).toMatchObject({ ok: false, code: 'DISCLOSURE_CORRECTION_UNCHANGED', field: 'correction.value' });
    expect(checkCorrection({ ...published, status: 'withdrawn' }, 'basis', 'y')).toMatchObject({ ok: false, code: 'DISCLOSURE_CORRECTION_WITHDRAWN' });
  });
  it('the corrected text is redacted like the record: the representative masked, the address dropped, the credit code kept', () => {
    const v = redactCorrection(facts, '法定代表人王建国在烟台市芝罘区幸福路88号承认；统一社会信用代码91370602MA3C4XYZ1K。');
    expect(v).toContain('王某');
    expect(v).toContain('91370602MA3C4XYZ1K');
    expect(v).not.toMatch(/王建国|幸福路88号/);
  });
  it('property: no ID-number-shaped or phone-shaped string survives in a corrected value', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
    fc.assert(fc.property(fc.string({ maxLength: 20 }), digits(17), fc.constantFrom('', 'X'), digits(9), fc.string({ maxLength: 20 }), (a, id, x, phone, b) => {
      const v = redactCorrection(facts, `${a}身份证${id}${x}，手机1${'3456789'[Number(phone[0]) % 7]}${phone}${b}`);
      expect(v).not.toMatch(ID_SHAPE);
      expect(v).not.toMatch(PHONE_SHAPE);
    }));
  });
});
