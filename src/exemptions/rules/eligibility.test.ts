import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateExemption, judgeCorrectedInTime, judgeFirstViolation, judgeMinorConsequence, judgeNoIntent, monthsBefore, type ExemptionFacts } from './eligibility.js';
import type { EntryConditions } from './catalogue.js';

const entry: EntryConditions = { lookBackMonths: 12, correctionDays: 5, correctionWorkingDays: true, noIntentRequired: true, extra: [{ key: 'within10pct', text: '超标倍数在0.1倍以内' }] };
/** Every condition met. */
const good: ExemptionFacts = {
  actOn: '2020-06-10', todayOn: '2020-06-30',
  history: { knownFromOn: '2019-01-01', priors: [] }, attestedNoPriorElsewhere: null,
  consequence: 'minor', correction: { orderedOn: '2020-06-12', dueOn: '2020-06-19', correctedOn: '2020-06-15' },
  intentional: false, extra: { within10pct: true },
};
const prior = (actOn: string) => ({ caseId: 7, number: '烟环立〔2019〕7号', kind: 'penalty' as const, actOn, decidedOn: actOn });

describe('行政处罚法 第三十三条第一款: 初次违法 within the look-back period', () => {
  it('met: no violation in the system within 12 months, and the records cover the period', () => {
    expect(judgeFirstViolation(entry, good)).toMatchObject({ result: 'met', citation: { article: '第三十三条', paragraph: '第一款' }, used: { lookBackFromOn: '2019-06-10' } });
  });
  it('not met: a penalty decided for an act inside the period, named in the evidence', () => {
    const r = judgeFirstViolation(entry, { ...good, history: { ...good.history, priors: [prior('2019-06-10')] } });
    expect(r.result).toBe('not_met');
    expect(r.evidence).toContain('烟环立〔2019〕7号');
    expect(r.used.priors).toEqual(['烟环立〔2019〕7号']);
  });
  it('an earlier exemption counts as a violation too', () => {
    const exempted = { ...prior('2020-01-05'), kind: 'exemption' as const };
    expect(judgeFirstViolation(entry, { ...good, history: { ...good.history, priors: [exempted] } }).result).toBe('not_met');
  });
  it('a violation before the period, or after the act, does not count', () => {
    expect(judgeFirstViolation(entry, { ...good, history: { ...good.history, priors: [prior('2019-06-09'), prior('2020-06-10')] } }).result).toBe('met');
  });
  it('unknown: the system records start after the period begins and nobody checked elsewhere', () => {
    const r = judgeFirstViolation(entry, { ...good, history: { knownFromOn: '2020-01-01', priors: [] } });
    expect(r.result).toBe('unknown');
    expect(judgeFirstViolation(entry, { ...good, history: { knownFromOn: '2020-01-01', priors: [] }, attestedNoPriorElsewhere: true }).result).toBe('met');
  });
  it('not met: the officer found a violation outside the system', () => {
    expect(judgeFirstViolation(entry, { ...good, attestedNoPriorElsewhere: false }).result).toBe('not_met');
  });
});

describe('行政处罚法 第三十三条第一款: 危害后果轻微', () => {
  it.each([['none', 'met'], ['minor', 'met'], ['serious', 'not_met'], [null, 'unknown']] as const)('%s → %s', (consequence, result) => {
    expect(judgeMinorConsequence({ ...good, consequence })).toMatchObject({ result, citation: { article: '第三十三条' } });
  });
});

describe('行政处罚法 第三十三条第一款: 及时改正', () => {
  const at = (correction: Partial<ExemptionFacts['correction']>, todayOn = good.todayOn) => judgeCorrectedInTime({ ...good, todayOn, correction: { ...good.correction, ...correction } }).result;
  it('met: corrected on or before the due date', () => {
    expect(at({ correctedOn: '2020-06-19' })).toBe('met');
  });
  it('not met: corrected after the due date, or the period passed uncorrected', () => {
    expect(at({ correctedOn: '2020-06-20' })).toBe('not_met');
    expect(at({ correctedOn: null }, '2020-06-20')).toBe('not_met');
  });
  it('unknown: no order recorded, or the period still runs', () => {
    expect(at({ orderedOn: null, dueOn: null })).toBe('unknown');
    expect(at({ correctedOn: null }, '2020-06-19')).toBe('unknown');
  });
});

describe('行政处罚法 第三十三条第二款: 非主观故意 where the entry asks for it', () => {
  it.each([[false, 'met'], [true, 'not_met'], [null, 'unknown']] as const)('intentional %s → %s', (intentional, result) => {
    expect(judgeNoIntent({ ...good, intentional })).toMatchObject({ result, citation: { article: '第三十三条', paragraph: '第二款' } });
  });
  it('is not asked when the entry does not require it', () => {
    const r = evaluateExemption({ ...entry, noIntentRequired: false }, { ...good, intentional: null });
    expect(r.conditions.map((c) => c.key)).not.toContain('noIntent');
    expect(r.status).toBe('eligible');
  });
});

describe('行政处罚法 第三十三条第一款: the entry\'s own conditions and the overall answer', () => {
  it('eligible when every condition is met', () => {
    const r = evaluateExemption(entry, good);
    expect(r.status).toBe('eligible');
    expect(r.conditions.map((c) => [c.key, c.result])).toEqual([
      ['firstViolation', 'met'], ['minorConsequence', 'met'], ['correctedInTime', 'met'], ['noIntent', 'met'], ['extra.within10pct', 'met'],
    ]);
  });
  it.each([[true, 'eligible'], [false, 'not_eligible'], [null, 'needs_facts'], [undefined, 'needs_facts']] as const)('extra answer %s → %s', (answer, status) => {
    expect(evaluateExemption(entry, { ...good, extra: { within10pct: answer } }).status).toBe(status);
  });
  it('not eligible wins over needs facts', () => {
    expect(evaluateExemption(entry, { ...good, consequence: 'serious', intentional: null }).status).toBe('not_eligible');
  });
  it('property: the status follows the worst condition', () => {
    const answer = fc.constantFrom(true, false, null);
    fc.assert(fc.property(fc.constantFrom('none', 'minor', 'serious', null), answer, answer, (consequence, intentional, extra) => {
      const r = evaluateExemption(entry, { ...good, consequence, intentional, extra: { within10pct: extra } });
      const results = r.conditions.map((c) => c.result);
      const expected = results.includes('not_met') ? 'not_eligible' : results.includes('unknown') ? 'needs_facts' : 'eligible';
      expect(r.status).toBe(expected);
    }));
  });
});

describe('look-back arithmetic', () => {
  it.each([['2020-06-10', 12, '2019-06-10'], ['2020-03-31', 1, '2020-02-29'], ['2021-03-31', 1, '2021-02-28'], ['2020-01-15', 24, '2018-01-15']] as const)('%s − %d months = %s', (on, n, want) => {
    expect(monthsBefore(on, n)).toBe(want);
  });
});
