import { describe, expect, it } from 'vitest';
import { checkDailyPenaltyCase, checkNewCorrectionOrder, checkRestrictionDecidedInCase, type CaseDecisionFacts } from './penalty-procedure.js';

const decision = (over: Partial<CaseDecisionFacts> = {}): CaseDecisionFacts => ({
  caseId: 2, enterpriseId: 7, kind: 'penalty', penaltyKinds: ['suspension'], fineFen: 0, decisionNumber: '烟环罚〔2021〕3号', decidedOn: '2021-03-03', ...over,
});

describe('行政处罚法 第九条 (四), 第四十四条, 第六十三条 (四); 环境保护法 第六十条: restriction and suspension are decided in the case', () => {
  it('refuses a measure without the case decision, citing 第四十四条', () => {
    expect(checkRestrictionDecidedInCase('suspension', null, {})).toMatchObject({ ok: false, code: 'MEASURE_DECISION_NOT_IN_CASE', citation: { article: '第四十四条' } });
    expect(checkRestrictionDecidedInCase('suspension', decision({ kind: 'no_penalty' }), {})).toMatchObject({ code: 'MEASURE_DECISION_NOT_IN_CASE' });
  });
  it('the decided kind must be the mode: 责令停产停业 for a suspension, 限制生产 for a restriction (第九条 (四))', () => {
    expect(checkRestrictionDecidedInCase('restriction', decision(), {})).toMatchObject({ code: 'MEASURE_KIND_NOT_DECIDED', field: 'mode', citation: { article: '第九条', item: '（四）' } });
    expect(checkRestrictionDecidedInCase('restriction', decision({ penaltyKinds: ['production_restriction'] }), {})).toEqual({ ok: true });
    expect(checkRestrictionDecidedInCase('suspension', decision(), {})).toEqual({ ok: true });
  });
  it('a number or date other than the case decision is refused', () => {
    expect(checkRestrictionDecidedInCase('suspension', decision(), { decisionNumber: '烟环停〔2021〕1号' })).toMatchObject({ code: 'MEASURE_DECISION_MISMATCH', field: 'decisionNumber' });
    expect(checkRestrictionDecidedInCase('suspension', decision(), { decidedOn: '2021-03-04' })).toMatchObject({ code: 'MEASURE_DECISION_MISMATCH', field: 'decidedOn' });
    expect(checkRestrictionDecidedInCase('suspension', decision(), { decisionNumber: '烟环罚〔2021〕3号', decidedOn: '2021-03-03' })).toEqual({ ok: true });
  });
});

describe('环境保护法 第五十九条: the daily penalty is its own penalty decision, made in a case of the same party', () => {
  const f = { originalCaseId: 1, enterpriseId: 7, totalFen: 240_000_000, endOn: '2021-03-25' };
  const linked = decision({ penaltyKinds: ['fine'], fineFen: 240_000_000, decidedOn: '2021-03-26' });
  it.each([
    ['no case', null, 'DAILY_PENALTY_CASE_REQUIRED'],
    ['the original case', { ...linked, caseId: 1 }, 'DAILY_PENALTY_CASE_IS_ORIGINAL'],
    ['another party', { ...linked, enterpriseId: 8 }, 'DAILY_PENALTY_CASE_OTHER_PARTY'],
    ['no fine decided', { ...linked, penaltyKinds: ['warning'] }, 'DAILY_PENALTY_CASE_NOT_DECIDED'],
    ['another amount', { ...linked, fineFen: 230_000_000 }, 'DAILY_PENALTY_AMOUNT_MISMATCH'],
    ['decided before the last day counted', { ...linked, decidedOn: '2021-03-24' }, 'DATE_BEFORE_REINSPECTION'],
  ] as const)('refuses %s', (_, l, code) => {
    expect(checkDailyPenaltyCase(f, l)).toMatchObject({ ok: false, code, field: 'penaltyCaseId' });
  });
  it('accepts the case that decided the computed total', () => {
    expect(checkDailyPenaltyCase(f, linked)).toEqual({ ok: true });
  });
});

describe('按日连续处罚办法 (re-inspection, article unconfirmed): a continuing violation is ordered corrected again', () => {
  it('requires the new order when the violation continues or the re-inspection is obstructed', () => {
    for (const finding of ['continuing', 'obstructed'] as const) {
      expect(checkNewCorrectionOrder({ inspectedOn: '2021-03-09', finding }, '2021-03-10')).toMatchObject({ code: 'CORRECTION_ORDER_REQUIRED', field: 'newOrder' });
    }
    expect(checkNewCorrectionOrder({ inspectedOn: '2021-03-09', finding: 'continuing', newOrder: { number: '责改2号', servedOn: '2021-03-09' } }, '2021-03-10')).toEqual({ ok: true });
  });
  it('the order follows the re-inspection and is not in the future; none after a correction', () => {
    expect(checkNewCorrectionOrder({ inspectedOn: '2021-03-09', finding: 'continuing', newOrder: { number: 'x', servedOn: '2021-03-08' } }, '2021-03-10')).toMatchObject({ code: 'DATE_BEFORE_REINSPECTION', field: 'newOrder.servedOn' });
    expect(checkNewCorrectionOrder({ inspectedOn: '2021-03-09', finding: 'continuing', newOrder: { number: 'x', servedOn: '2021-03-11' } }, '2021-03-10')).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(checkNewCorrectionOrder({ inspectedOn: '2021-03-09', finding: 'corrected' }, '2021-03-10')).toEqual({ ok: true });
    expect(checkNewCorrectionOrder({ inspectedOn: '2021-03-09', finding: 'corrected', newOrder: { number: 'x', servedOn: '2021-03-09' } }, '2021-03-10')).toMatchObject({ code: 'CORRECTION_ORDER_NOT_NEEDED' });
  });
});
