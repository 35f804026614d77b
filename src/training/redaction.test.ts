import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findIdentityLeft, organisationNameForms, organisationPseudonym, pseudonymOf, redactIdentity, type PartyIdentity } from './redaction.js';

const party: PartyIdentity = {
  organisationNames: organisationNameForms('烟台市芝罘区华新化工有限公司'),
  personNames: ['王建国'],
  districtName: '芝罘区',
  creditCodes: ['91370602MA3C4XYZ1K'],
  idNumbers: [], phones: [], addresses: ['烟台市芝罘区幸福路88号'], bankAccounts: [],
};

// The shapes that must never reach a published typical case.
const ID_SHAPE = /\d{17}[\dXx]/;
const PHONE_SHAPE = /1[3-9]\d{9}/;
const CREDIT_SHAPE = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/;

describe('政府信息公开条例 第十五条 / 个人信息保护法 第二十八条: the party’s identity is removed from a typical case', () => {
  it('organisation → district kept + 某公司; individuals → X某; address and numbers dropped', () => {
    const text = '烟台市芝罘区华新化工有限公司（统一社会信用代码91370602MA3C4XYZ1K，住所烟台市芝罘区幸福路88号，法定代表人王建国，身份证号370602197001011234，电话13812345678，开户行账号6222021234567890123）超标排放。华新化工此前曾被约谈，联系电话0535-6661234。';
    const out = redactIdentity(text, party);
    expect(out).toContain('芝罘区某公司');
    expect(out).toContain('王某');
    expect(out).toContain('（地址略）');
    expect(out).not.toMatch(/华新|王建国|幸福路|91370602|370602197001011234|13812345678|6222021234567890123|6661234/);
    expect(out).toContain('超标排放');
    expect(findIdentityLeft(out, party)).toBeNull();
  });

  it('keeps what the lesson needs: dates, amounts, standards, article numbers', () => {
    const text = '2021年7月19日监测，化学需氧量86mg/L，超过GB 8978-1996标准，依据第八十三条处罚款20万元，案号烟环罚〔2021〕12号。';
    expect(redactIdentity(text, party)).toBe(text);
  });

  it('compound surnames and short names', () => {
    expect(pseudonymOf('欧阳春花')).toBe('欧阳某');
    expect(pseudonymOf('李四')).toBe('李某');
    expect(pseudonymOf('李')).toBe('某某');
    expect(organisationPseudonym('山东某某印染厂', '福山区')).toBe('福山区某企业');
    expect(organisationNameForms('烟台市芝罘区华新化工有限公司')).toEqual(['烟台市芝罘区华新化工有限公司', '华新化工']);
  });

  it('full-width and separated numbers are numbers too', () => {
    const out = redactIdentity('电话１３８１２３４５６７８或138-1234-5678，138 1234 5678', party);
    expect(out.normalize('NFKC')).not.toMatch(/\d{4}/);
  });

  it('names what an edit put back', () => {
    expect(findIdentityLeft('华新化工整改到位', party)).toBe('organisation');
    expect(findIdentityLeft('王建国表示', party)).toBe('person');
    expect(findIdentityLeft('位于烟台市芝罘区幸福路88号', party)).toBe('address');
    expect(findIdentityLeft('联系13900001111', party)).toBe('number');
    expect(findIdentityLeft('芝罘区某公司整改到位', party)).toBeNull();
  });

  // Property: whatever surrounds them, no ID-, phone- or credit-code-shaped string and no name of the party survives.
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const idNumber = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X')).map(([a, b]) => a + b);
  const phone = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([a, b]) => `1${a}${b}`);
  const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const creditCode = fc.tuple(fc.array(fc.constantFrom(...creditChars), { minLength: 2, maxLength: 2 }), digits(6), fc.array(fc.constantFrom(...creditChars), { minLength: 10, maxLength: 10 }))
    .map(([a, b, c]) => a.join('') + b + c.join(''));
  const bankAccount = fc.integer({ min: 12, max: 19 }).chain((n) => digits(n));
  const given = fc.array(fc.constantFrom(...'明华国强丽芳军洋勇艳杰娟涛超秀霞平刚'), { minLength: 1, maxLength: 2 }).map((a) => a.join(''));
  const personName = fc.tuple(fc.constantFrom('张', '王', '李', '赵', '欧阳', '刘'), given).map(([s, g]) => s + g);
  const orgName = fc.tuple(fc.constantFrom('烟台', '福山', '莱山', ''), fc.array(fc.constantFrom(...'鑫泰恒源盛达宏兴'), { minLength: 2, maxLength: 4 }), fc.constantFrom('化工有限公司', '印染厂', '建材股份有限公司'))
    .map(([p, core, form]) => p + core.join('') + form);
  // Filler: Chinese prose, ASCII, digits, full-width digits and separators, so identifiers sit next to anything.
  const filler = fc.array(fc.oneof(
    fc.constantFrom('，', '。', '电话', '身份证号', '账号', '代码', ' ', '-', '：', '该公司', '超标排放', 'mg/L', '２０２１', '１３８'),
    fc.string({ maxLength: 6 }),
    digits(3),
  ), { maxLength: 6 }).map((a) => a.join(''));

  it('property: no identifier-shaped string or party name survives redaction', () => {
    fc.assert(fc.property(
      fc.record({ org: orgName, person: personName, id: idNumber, phone, credit: creditCode, account: bankAccount }),
      fc.array(fc.tuple(filler, fc.constantFrom('org', 'person', 'id', 'phone', 'credit', 'account')), { minLength: 1, maxLength: 10 }),
      filler,
      (ids, pieces, tail) => {
        const p: PartyIdentity = {
          organisationNames: organisationNameForms(ids.org), personNames: [ids.person], districtName: '芝罘区',
          creditCodes: [ids.credit], idNumbers: [ids.id], phones: [ids.phone], addresses: [], bankAccounts: [ids.account],
        };
        const text = pieces.map(([f, k]) => f + ids[k as keyof typeof ids]).join('') + tail;
        const out = redactIdentity(text, p).normalize('NFKC');
        expect(out).not.toMatch(ID_SHAPE);
        expect(out).not.toMatch(PHONE_SHAPE);
        expect(out).not.toMatch(CREDIT_SHAPE);
        expect(out).not.toContain(ids.org);
        expect(out).not.toContain(ids.person);
        expect(findIdentityLeft(out, p)).toBeNull();
      },
    ), { numRuns: 500 });
  });
});
