import { describe, expect, it } from 'vitest';
import { checkSeizure, checkSeizureExtension, checkSeizureRelease, isSeizureMandatory, seizureEndsOn } from './seizure.js';
import { legalBasisOf } from './kinds.js';

const facts = { implementedOn: '2021-05-10', extensionDays: null, released: false };

describe('环境保护法 第二十五条, 行政强制法 第二十五条: seizure lasts at most 30 days, extendable once by at most 30', () => {
  it('ends 30 days after it was carried out, on that day even when it is a rest day', () => {
    expect(seizureEndsOn(facts)).toBe('2021-06-09');
    // 2021-09-01 + 30 = 2021-10-01, 国庆节: a coercive measure is not carried past its last day.
    expect(seizureEndsOn({ implementedOn: '2021-09-01', extensionDays: null })).toBe('2021-10-01');
  });
  it('an approved extension adds its days', () => {
    expect(seizureEndsOn({ ...facts, extensionDays: 30 })).toBe('2021-07-09');
  });
  it('allows one extension of up to 30 days approved within the period', () => {
    expect(checkSeizureExtension(facts, { approvedOn: '2021-06-09', days: 30 }, '2021-06-09')).toEqual({ ok: true });
  });
  it('refuses a longer extension, naming the field and the article', () => {
    expect(checkSeizureExtension(facts, { approvedOn: '2021-06-01', days: 31 }, '2021-06-09'))
      .toMatchObject({ ok: false, code: 'SEIZURE_EXTENSION_TOO_LONG', field: 'days', citation: { law: '行政强制法', article: '第二十五条' } });
  });
  it('refuses a second extension', () => {
    expect(checkSeizureExtension({ ...facts, extensionDays: 10 }, { approvedOn: '2021-06-01', days: 10 }, '2021-06-09'))
      .toMatchObject({ code: 'SEIZURE_ALREADY_EXTENDED', citation: { article: '第二十五条' } });
  });
  it('refuses an extension approved after the period ended', () => {
    expect(checkSeizureExtension(facts, { approvedOn: '2021-06-10', days: 10 }, '2021-06-12'))
      .toMatchObject({ code: 'SEIZURE_PERIOD_ENDED', field: 'approvedOn' });
  });
  it('records the legal basis with the item of 查封、扣押办法 第四条', () => {
    expect(legalBasisOf('seizure', 'evading_supervision')).toEqual([
      { law: '环境保护法', article: '第二十五条' },
      { law: '环境保护主管部门实施查封、扣押办法', article: '第四条', item: '（四）' },
      { law: '行政强制法', article: '第二十五条' },
    ]);
  });
  it('查封、扣押办法 第四条第二款: serious pollution and items (四), (五) make it mandatory', () => {
    expect(isSeizureMandatory('evading_supervision', false)).toBe(true);
    expect(isSeizureMandatory('emergency_discharge', false)).toBe(true);
    expect(isSeizureMandatory('industrial_sludge', false)).toBe(false);
    expect(isSeizureMandatory('industrial_sludge', true)).toBe(true);
  });
});

describe('行政强制法 第十九条: approval before the seizure, or within 24 hours in an emergency', () => {
  it('refuses a seizure carried out before its decision', () => {
    expect(checkSeizure({ decidedOn: '2021-05-11', implementedOn: '2021-05-10', emergency: false }, '2021-05-12'))
      .toMatchObject({ code: 'SEIZURE_BEFORE_DECISION', field: 'implementedOn', citation: { article: '第十九条' } });
  });
  it('accepts an emergency seizure approved the next day, refuses one approved later', () => {
    expect(checkSeizure({ decidedOn: '2021-05-11', implementedOn: '2021-05-10', emergency: true }, '2021-05-12')).toEqual({ ok: true });
    expect(checkSeizure({ decidedOn: '2021-05-12', implementedOn: '2021-05-10', emergency: true }, '2021-05-12'))
      .toMatchObject({ code: 'SEIZURE_EMERGENCY_APPROVAL_LATE', field: 'decidedOn' });
  });
});

describe('行政强制法 第二十八条: release', () => {
  it('releases on a ground of the article, not before the seizure', () => {
    expect(checkSeizureRelease(facts, { releasedOn: '2021-05-20', ground: 'handled' }, '2021-05-20')).toEqual({ ok: true });
    expect(checkSeizureRelease(facts, { releasedOn: '2021-05-09', ground: 'handled' }, '2021-05-20')).toMatchObject({ code: 'DATE_BEFORE_MEASURE', field: 'releasedOn' });
  });
  it('第二十八条第一款 (四): "the period has ended" only after it has', () => {
    expect(checkSeizureRelease(facts, { releasedOn: '2021-06-09', ground: 'period_expired' }, '2021-06-10'))
      .toMatchObject({ code: 'SEIZURE_PERIOD_NOT_ENDED', field: 'ground', citation: { article: '第二十八条' } });
    expect(checkSeizureRelease(facts, { releasedOn: '2021-06-10', ground: 'period_expired' }, '2021-06-10')).toEqual({ ok: true });
  });
  it('a released seizure is closed', () => {
    expect(checkSeizureRelease({ ...facts, released: true }, { releasedOn: '2021-05-20', ground: 'handled' }, '2021-05-20')).toMatchObject({ code: 'MEASURE_CLOSED' });
  });
});
