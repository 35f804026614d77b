import { describe, expect, it } from 'vitest';
import { checkCaseExtension, checkExcludedPeriod, checkNoExtensionField, computeDecisionExtraDays, countCoveredDays, FIRST_EXTENSION_MAX_DAYS, type ExtensionFacts } from './case-period.js';
import { NO_RECORDS, recordsFromSteps } from './case-records.js';

const open: ExtensionFacts = { filedOn: '2021-07-19', decisionDueOn: '2021-10-18', decided: false, archived: false, records: NO_RECORDS };
const extended: ExtensionFacts = { ...open, decisionDueOn: '2021-11-17', records: { ...NO_RECORDS, extensions: [{ approvedOn: '2021-10-10', days: 30, meetingId: null }] } };
const TODAY = '2021-10-15';

describe('行政处罚法 第六十条: the first extension is approved by the head before the period runs out', () => {
  it('allows up to the first extension length before expiry', () => {
    expect(checkCaseExtension(open, { approvedOn: '2021-10-15', days: FIRST_EXTENSION_MAX_DAYS, meeting: null }, TODAY)).toEqual({ ok: true });
  });
  it('refuses after expiry, too long, in the future or before filing', () => {
    expect(checkCaseExtension(open, { approvedOn: '2021-10-19', days: 30, meeting: null }, '2021-10-20'))
      .toMatchObject({ code: 'EXTENSION_AFTER_EXPIRY', field: 'approvedOn', citation: { article: '第六十条' } });
    expect(checkCaseExtension(open, { approvedOn: TODAY, days: 31, meeting: null }, TODAY)).toMatchObject({ code: 'EXTENSION_TOO_LONG', field: 'days', citation: { article: '第六十条' } });
    expect(checkCaseExtension(open, { approvedOn: '2021-10-16', days: 10, meeting: null }, TODAY)).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(checkCaseExtension(open, { approvedOn: '2021-07-18', days: 10, meeting: null }, TODAY)).toMatchObject({ code: 'DATE_BEFORE_FILING' });
  });
  it('refuses once decided or archived', () => {
    expect(checkCaseExtension({ ...open, decided: true }, { approvedOn: TODAY, days: 10, meeting: null }, TODAY)).toMatchObject({ code: 'ALREADY_DECIDED' });
    expect(checkCaseExtension({ ...open, archived: true }, { approvedOn: TODAY, days: 10, meeting: null }, TODAY)).toMatchObject({ code: 'CASE_ARCHIVED' });
  });
});

describe('行政处罚法 第六十条: a further extension only after collective discussion', () => {
  it('refuses a second extension without a meeting', () => {
    expect(checkCaseExtension(extended, { approvedOn: '2021-11-10', days: 30, meeting: null }, '2021-11-10'))
      .toMatchObject({ code: 'EXTENSION_NEEDS_COLLECTIVE_DISCUSSION', field: 'meetingId', citation: { law: '行政处罚法', article: '第六十条' } });
  });
  it('refuses a meeting held after the approval or before filing', () => {
    expect(checkCaseExtension(extended, { approvedOn: '2021-11-10', days: 30, meeting: { id: 1, heldOn: '2021-11-11' } }, '2021-11-12')).toMatchObject({ code: 'EXTENSION_MEETING_OUT_OF_ORDER' });
    expect(checkCaseExtension(extended, { approvedOn: '2021-11-10', days: 30, meeting: { id: 1, heldOn: '2021-07-01' } }, '2021-11-12')).toMatchObject({ code: 'EXTENSION_MEETING_OUT_OF_ORDER' });
  });
  it('allows it after the discussion, with the length the discussion set', () => {
    expect(checkCaseExtension(extended, { approvedOn: '2021-11-10', days: 60, meeting: { id: 1, heldOn: '2021-11-09' } }, '2021-11-10')).toEqual({ ok: true });
  });
});

describe('行政处罚法 第六十条: hearing, public notice, monitoring, testing and appraisal are not counted', () => {
  it('counts overlapping periods once, both ends included', () => {
    expect(countCoveredDays([{ fromOn: '2021-08-01', toOn: '2021-08-10' }, { fromOn: '2021-08-05', toOn: '2021-08-12' }, { fromOn: '2021-09-01', toOn: '2021-09-01' }])).toBe(13);
  });
  it('adds extensions, excluded periods and closed crime-transfer suspensions', () => {
    expect(computeDecisionExtraDays({
      ...NO_RECORDS,
      extensions: [{ approvedOn: '2021-10-10', days: 30, meetingId: null }],
      excludedPeriods: [{ kind: 'monitoring', fromOn: '2021-08-01', toOn: '2021-08-10' }],
      crimeTransfers: [{ measureId: 1, fromOn: '2021-08-05', toOn: '2021-08-20' }, { measureId: 2, fromOn: '2021-09-01', toOn: null }],
    })).toBe(30 + 20);
  });
  it('refuses a period before filing, ending before it starts, or not yet over', () => {
    expect(checkExcludedPeriod(open, { fromOn: '2021-07-01', toOn: '2021-07-30' }, TODAY)).toMatchObject({ code: 'DATE_BEFORE_FILING', field: 'fromOn' });
    expect(checkExcludedPeriod(open, { fromOn: '2021-08-10', toOn: '2021-08-01' }, TODAY)).toMatchObject({ code: 'PERIOD_ENDS_BEFORE_START', field: 'toOn', citation: { article: '第六十条' } });
    expect(checkExcludedPeriod(open, { fromOn: '2021-08-10', toOn: '2021-10-16' }, TODAY)).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect(checkExcludedPeriod(open, { fromOn: '2021-08-10', toOn: '2021-08-20' }, TODAY)).toEqual({ ok: true });
  });
});

describe('行政处罚法 第六十条: no extension through any other field', () => {
  it('refuses an investigation record that carries extensionDays', () => {
    expect(checkNoExtensionField({ extensionDays: 30 })).toMatchObject({ code: 'EXTENSION_ONLY_BY_APPROVAL', field: 'details.extensionDays', citation: { article: '第六十条' } });
    expect(checkNoExtensionField({ decisionDueOn: '2022-01-01' })).toMatchObject({ code: 'EXTENSION_ONLY_BY_APPROVAL', field: 'details.decisionDueOn' });
    expect(checkNoExtensionField({ samplePoint: '总排口' })).toEqual({ ok: true });
  });
  it('only extension steps count towards the period, whatever else a step carries', () => {
    const r = recordsFromSteps([
      { kind: 'inspection_record', occurredOn: '2021-07-20', data: { extensionDays: 90 } },
      { kind: 'extension', occurredOn: '2021-10-10', data: { extensionDays: 30, approvedOn: '2021-10-10' } },
    ], null);
    expect(computeDecisionExtraDays(r)).toBe(30);
  });
});
