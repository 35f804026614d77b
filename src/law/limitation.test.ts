import { describe, expect, it } from 'vitest';
import { checkLimitation, computeLimitationPeriod, type LimitationFacts } from './limitation.js';

const oneOff: LimitationFacts = { committedOn: '2022-03-10', discoveredOn: '2023-01-01', lifeHealthOrFinancialSafetyWithHarm: false };

describe('行政处罚法 第三十六条: limitation of two years, five with harm to life, health or financial security', () => {
  it('第一款: two years from the act; the last day itself is still in time', () => {
    expect(checkLimitation({ ...oneOff, discoveredOn: '2024-03-10' })).toEqual({ ok: true });
    expect(checkLimitation({ ...oneOff, discoveredOn: '2024-03-11' })).toMatchObject({
      ok: false, code: 'LIMITATION_EXPIRED', field: 'discoveredOn',
      citation: { law: '行政处罚法', article: '第三十六条', paragraph: '第一款' }, params: { lastDayOn: '2024-03-10', years: 2 },
    });
  });

  it('第一款: five years where life/health or financial security is involved with harmful consequences', () => {
    const harm = { ...oneOff, lifeHealthOrFinancialSafetyWithHarm: true };
    expect(checkLimitation({ ...harm, discoveredOn: '2027-03-10' })).toEqual({ ok: true });
    expect(checkLimitation({ ...harm, discoveredOn: '2027-03-11' })).toMatchObject({ ok: false, code: 'LIMITATION_EXPIRED', params: { years: 5 } });
    expect(checkLimitation({ ...oneOff, discoveredOn: '2025-01-01' })).toMatchObject({ ok: false, code: 'LIMITATION_EXPIRED' });
  });

  it('第二款: a continuing violation counts from its end; while it continues time does not run', () => {
    const continuing = { ...oneOff, committedOn: '2019-01-01', endedOn: '2022-06-30' };
    expect(checkLimitation({ ...continuing, discoveredOn: '2024-06-30' })).toEqual({ ok: true });
    expect(checkLimitation({ ...continuing, discoveredOn: '2024-07-01' })).toMatchObject({ ok: false, code: 'LIMITATION_EXPIRED', params: { lastDayOn: '2024-06-30' } });
    expect(checkLimitation({ ...oneOff, committedOn: '2010-01-01', endedOn: null, discoveredOn: '2026-01-01' })).toEqual({ ok: true });
  });

  it('民法典 第二百零二条: from 29 February the period ends on 28 February', () => {
    expect(computeLimitationPeriod({ ...oneOff, committedOn: '2024-02-29' }).lastDayOn).toBe('2026-02-28');
  });

  it('第三十七条: an act before 2021-07-15 keeps the two years of the 2017 text', () => {
    const old = { committedOn: '2020-05-01', discoveredOn: '2022-05-02', lifeHealthOrFinancialSafetyWithHarm: true };
    expect(checkLimitation(old)).toMatchObject({ ok: false, code: 'LIMITATION_EXPIRED', citation: { article: '第二十九条' }, params: { years: 2 } });
    expect(checkLimitation({ ...old, committedOn: '2021-07-15', discoveredOn: '2026-07-15' })).toEqual({ ok: true });
  });

  it('法律另有规定的除外: another law\'s period applies', () => {
    const otherLaw = { years: 5, citation: { law: '税收征收管理法', article: '第八十六条' } };
    expect(checkLimitation({ ...oneOff, otherLaw, discoveredOn: '2027-03-10' })).toEqual({ ok: true });
    expect(checkLimitation({ ...oneOff, otherLaw, discoveredOn: '2027-03-11' })).toMatchObject({ ok: false, citation: { law: '税收征收管理法' } });
  });

  it('refuses dates out of order, naming the field', () => {
    expect(checkLimitation({ ...oneOff, discoveredOn: '2022-03-09' })).toMatchObject({ ok: false, code: 'DISCOVERED_BEFORE_VIOLATION', field: 'discoveredOn' });
    expect(checkLimitation({ ...oneOff, endedOn: '2022-03-01' })).toMatchObject({ ok: false, code: 'VIOLATION_ENDED_BEFORE_IT_BEGAN', field: 'endedOn' });
  });
});
