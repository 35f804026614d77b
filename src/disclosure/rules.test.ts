import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildWorkingCalendar } from '../law/working-days.js';
import { buildPublicRecord, checkPublishable, checkWithdrawable, penaltyContentOf, publicationDueOn, requiresWithdrawal, withdrawalDueOn, type DecisionFacts } from './rules.js';

// The shapes that must never reach a public payload (the organisation's own credit code aside: 法人 data).
const ID_SHAPE = /\d{17}[\dXx]/;
const PHONE_SHAPE = /1[3-9]\d{9}/;

const facts = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  partyKind: 'organisation', enterpriseName: '烟台市芝罘区华新化工有限公司', creditCode: '91370602MA3C4XYZ1K', legalRepresentative: '王建国',
  address: '烟台市芝罘区幸福路88号', districtName: '芝罘区', decisionNumber: '烟环罚〔2026〕12号', decidedOn: '2026-09-30',
  cause: '超标排放水污染物', violatedProvisions: '《中华人民共和国水污染防治法》第十条',
  facts: '烟台市芝罘区华新化工有限公司（统一社会信用代码91370602MA3C4XYZ1K，住所烟台市芝罘区幸福路88号，法定代表人王建国，身份证号370602197001011234，电话13812345678，账号6222021234567890123）废水总排口化学需氧量超标。',
  basis: '《中华人民共和国水污染防治法》第八十三条第（二）项', penaltyKinds: ['fine'], fineFen: 25_000_000, agency: '烟台市生态环境局',
  ...over,
});

describe('行政处罚公示: the published record (政府信息公开条例 第十五条, 个人信息保护法 第二十八条)', () => {
  it('an organisation keeps its name and credit code (双公示); its representative is masked, address, ID number, phone and account dropped', () => {
    const r = buildPublicRecord(facts());
    expect(r.partyName).toBe('烟台市芝罘区华新化工有限公司');
    expect(r.creditCode).toBe('91370602MA3C4XYZ1K');
    expect(r.facts).toContain('烟台市芝罘区华新化工有限公司');
    expect(r.facts).toContain('王某');
    for (const gone of ['王建国', '幸福路88号', '370602197001011234', '13812345678', '6222021234567890123']) expect(r.facts).not.toContain(gone);
    expect(r.penaltyContent).toBe('罚款人民币250,000元');
    expect(r.fineFen).toBe(25_000_000);
  });

  it('an individual party (个体) is named "X某" and its code and business name are dropped', () => {
    const r = buildPublicRecord(facts({ partyKind: 'individual', enterpriseName: '芝罘区张记洗车店', legalRepresentative: '张三丰', creditCode: '92370602MA3C4XYZ1K', facts: '芝罘区张记洗车店（经营者张三丰）洗车废水直排。' }));
    expect(r.partyName).toBe('张某');
    expect(r.creditCode).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/张三丰|张记洗车店|92370602MA3C4XYZ1K/);
  });

  it('penalty content names every kind', () => {
    expect(penaltyContentOf(['warning', 'fine'], 1_234_56)).toBe('警告；罚款人民币1,234.56元');
  });

  it('property: no ID-number-shaped or phone-shaped string in any public record', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const idNo = fc.tuple(digits(17), fc.constantFrom('0', '5', 'X', 'x')).map(([a, b]) => a + b);
    const phone = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([a, b]) => `1${a}${b}`);
    const text = fc.array(fc.oneof(fc.constantFrom('超标排放', '，', '电话', '身份证', '：', ' '), idNo, phone, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(text, text, text, fc.constantFrom<'organisation' | 'individual'>('organisation', 'individual'), (f, v, b, partyKind) => {
      const r = buildPublicRecord(facts({ partyKind, facts: f, cause: v, basis: b }));
      const { creditCode: _kept, ...rest } = r;
      const json = JSON.stringify(rest);
      expect(json).not.toMatch(ID_SHAPE);
      expect(json).not.toMatch(PHONE_SHAPE);
    }), { numRuns: 300 });
  });
});

describe('the clocks (行政处罚法 第四十八条, 第八十五条: "三日" are working days)', () => {
  const cal = buildWorkingCalendar({ years: [2026], restDays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], workDays: ['2026-10-10'] });
  it('publication: 7 working days after the decision, over the National Day holiday and its 调休 Saturday', () => {
    expect(publicationDueOn(cal, '2026-09-30', 7)).toEqual({ dueOn: '2026-10-15', provisional: false });
  });
  it('行政处罚法 第四十八条第二款: withdrawal within 3 working days; 暂定 when it runs into a year without a recorded arrangement', () => {
    expect(withdrawalDueOn(cal, '2026-10-09')).toEqual({ dueOn: '2026-10-13', provisional: false });
    expect(withdrawalDueOn(cal, '2026-12-30').provisional).toBe(true);
    expect(requiresWithdrawal('revoked')).toBe(true);
    expect(requiresWithdrawal('changed')).toBe(true);
    expect(requiresWithdrawal('upheld')).toBe(false);
  });
  it('行政处罚法 第四十八条: only a made penalty decision is published, once; a withdrawal states its reason', () => {
    expect(checkPublishable({ decisionKind: 'no_penalty', decidedOn: '2026-09-30', published: false })).toMatchObject({ code: 'DISCLOSURE_NOT_A_PENALTY_DECISION' });
    expect(checkPublishable({ decisionKind: 'penalty', decidedOn: null, published: false })).toMatchObject({ code: 'DISCLOSURE_NOT_A_PENALTY_DECISION' });
    expect(checkPublishable({ decisionKind: 'penalty', decidedOn: '2026-09-30', published: true })).toMatchObject({ code: 'DISCLOSURE_ALREADY_PUBLISHED' });
    expect(checkPublishable({ decisionKind: 'penalty', decidedOn: '2026-09-30', published: false }).ok).toBe(true);
    expect(checkWithdrawable({ status: 'published' }, '  ')).toMatchObject({ code: 'DISCLOSURE_WITHDRAWAL_REASON_REQUIRED', field: 'reason' });
    expect(checkWithdrawable({ status: 'withdrawn' }, '复议决定撤销')).toMatchObject({ code: 'DISCLOSURE_ALREADY_WITHDRAWN' });
    expect(checkWithdrawable({ status: 'published' }, '复议决定撤销').ok).toBe(true);
  });
});
