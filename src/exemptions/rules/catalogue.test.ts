import { describe, expect, it } from 'vitest';
import { cataloguesInForceOn, checkCatalogueDates, checkCatalogueEditable, checkEntryInForce, findConditionProblems, isCatalogueInForce, type CatalogueVersion } from './catalogue.js';
import { allowsMitigation, checkGroundForParty } from './grounds.js';

const first: CatalogueVersion = { id: 1, code: 'B1', title: '第一批', effectiveOn: '2020-03-01', expiresOn: '2022-08-01' };
const second: CatalogueVersion = { id: 2, code: 'B2', title: '第二批', effectiveOn: '2021-01-01', expiresOn: null };
const revised: CatalogueVersion = { id: 3, code: 'B3', title: '修订版', effectiveOn: '2022-08-01', expiresOn: null };

describe('行政处罚法 第三十三条第一款: the catalogue in force on the day of the decision', () => {
  it('a batch applies from its effective date up to, not including, its expiry', () => {
    expect(isCatalogueInForce(first, '2020-02-29')).toBe(false);
    expect(isCatalogueInForce(first, '2020-03-01')).toBe(true);
    expect(isCatalogueInForce(first, '2022-07-31')).toBe(true);
    expect(isCatalogueInForce(first, '2022-08-01')).toBe(false);
  });
  it.each([
    ['2020-02-01', []], ['2020-06-01', ['B1']], ['2021-06-01', ['B1', 'B2']], ['2022-08-01', ['B2', 'B3']],
  ] as const)('on %s: %j', (on, codes) => {
    expect(cataloguesInForceOn([first, second, revised], on).map((c) => c.code)).toEqual(codes);
  });
  it('a case decided before an entry took effect cannot use it, nor one after it expired', () => {
    expect(checkEntryInForce(second, '2020-12-31')).toMatchObject({ ok: false, code: 'EXEMPTION_ENTRY_NOT_YET_IN_FORCE', field: 'entryId', citation: { article: '第三十三条' } });
    expect(checkEntryInForce(first, '2022-08-01')).toMatchObject({ ok: false, code: 'EXEMPTION_ENTRY_EXPIRED' });
    expect(checkEntryInForce(first, '2020-03-01')).toEqual({ ok: true });
  });
});

describe('catalogue versioning: what stays frozen', () => {
  it('entries of a batch that has taken effect cannot change', () => {
    expect(checkCatalogueEditable(first, '2020-03-01')).toMatchObject({ ok: false, code: 'CATALOGUE_IN_FORCE_IMMUTABLE' });
    expect(checkCatalogueEditable(first, '2020-02-29')).toEqual({ ok: true });
  });
  it('dates: expiry after effect; a batch in force keeps its effective date and is not repealed in the past', () => {
    expect(checkCatalogueDates(null, { effectiveOn: '2021-01-01', expiresOn: '2021-01-01' }, '2020-12-01')).toMatchObject({ code: 'CATALOGUE_DATES_INVALID', field: 'expiresOn' });
    expect(checkCatalogueDates(first, { ...first, effectiveOn: '2020-04-01' }, '2021-01-01')).toMatchObject({ code: 'CATALOGUE_IN_FORCE_IMMUTABLE', field: 'effectiveOn' });
    expect(checkCatalogueDates(first, { ...first, expiresOn: '2020-12-31' }, '2021-01-01')).toMatchObject({ code: 'CATALOGUE_EXPIRY_IN_PAST', field: 'expiresOn' });
    expect(checkCatalogueDates(first, { ...first, expiresOn: '2021-06-01' }, '2021-01-01')).toEqual({ ok: true });
    expect(checkCatalogueDates(null, { effectiveOn: '2021-01-01', expiresOn: null }, '2020-12-01')).toEqual({ ok: true });
  });
  it('conditions: look-back, correction period and unique keys', () => {
    expect(findConditionProblems({ lookBackMonths: 0, correctionDays: -1, correctionWorkingDays: false, noIntentRequired: false, extra: [{ key: 'a', text: 'x' }, { key: 'a', text: 'y' }] }).map((p) => p.field))
      .toEqual(['conditions.lookBackMonths', 'conditions.correctionDays', 'conditions.extra.1.key']);
  });
});

describe('行政处罚法 第三十条 to 第三十二条: statutory grounds', () => {
  it('第三十条/第三十一条: age and capacity grounds are for natural persons only', () => {
    expect(checkGroundForParty('minor14To18', 'organisation')).toMatchObject({ ok: false, code: 'GROUND_NOT_FOR_PARTY', field: 'ground', citation: { article: '第三十条' } });
    expect(checkGroundForParty('noCapacity', 'organisation')).toMatchObject({ ok: false, citation: { article: '第三十一条' } });
    expect(checkGroundForParty('minor14To18', 'individual')).toEqual({ ok: true });
    expect(checkGroundForParty('eliminatedHarm', 'organisation')).toEqual({ ok: true });
  });
  it('第三十二条: a lighter-penalty ground allows mitigation below the legal minimum; 第三十三条 grounds do not', () => {
    expect(allowsMitigation(['eliminatedHarm'])).toBe(true);
    expect(allowsMitigation(['firstViolation', 'noFault'])).toBe(false);
  });
});
