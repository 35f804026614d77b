import { describe, expect, it } from 'vitest';
import { checkFilingExtension, checkFilingInTime, checkFilingLimitation, computeExtendedFilingDueOn, type LeadFacts } from './filing.js';
import { TEST_CALENDAR } from '../../measures/rules/test-calendar.js';

const lead: LeadFacts = { status: 'open', discoveredOn: '2021-08-02', filingDueOn: '2021-08-17', filingExtension: null };

describe('行政处罚法 第三十六条: filing applies the limitation rule, continuing violations from their end', () => {
  it('a one-off act more than two years before discovery cannot be filed', () => {
    expect(checkFilingLimitation({ actOn: '2021-08-01', continuing: false, discoveredOn: '2023-08-02', longLimitation: false }))
      .toMatchObject({ code: 'LIMITATION_EXPIRED', field: 'actOn', citation: { article: '第三十六条' } });
    expect(checkFilingLimitation({ actOn: '2021-08-01', continuing: false, discoveredOn: '2023-08-01', longLimitation: false })).toEqual({ ok: true });
  });
  it('a continuing violation counts from its end, and not at all while it continues', () => {
    expect(checkFilingLimitation({ actOn: '2019-01-01', continuing: true, actEndedOn: '2022-06-30', discoveredOn: '2023-08-01', longLimitation: false })).toEqual({ ok: true });
    expect(checkFilingLimitation({ actOn: '2015-01-01', continuing: true, actEndedOn: null, discoveredOn: '2023-08-01', longLimitation: false })).toEqual({ ok: true });
    expect(checkFilingLimitation({ actOn: '2021-08-01', continuing: true, actEndedOn: '2021-07-01', discoveredOn: '2023-08-01', longLimitation: false }))
      .toMatchObject({ code: 'VIOLATION_ENDED_BEFORE_IT_BEGAN', field: 'actEndedOn' });
  });
  it('行政处罚法 第三十七条: an act before 2021-07-15 keeps the two years even where harm to life or health would give five', () => {
    expect(checkFilingLimitation({ actOn: '2021-07-01', continuing: false, discoveredOn: '2024-07-01', longLimitation: true }))
      .toMatchObject({ code: 'LIMITATION_EXPIRED', citation: { article: '第二十九条' } });
    expect(checkFilingLimitation({ actOn: '2021-08-01', continuing: false, discoveredOn: '2024-07-01', longLimitation: true })).toEqual({ ok: true });
  });
});

describe('生态环境行政处罚办法: a late filing needs the head’s approved extension, not free text', () => {
  it('refuses a filing after the window without an extension, allows it within', () => {
    expect(checkFilingInTime(lead, '2021-08-17')).toEqual({ ok: true });
    expect(checkFilingInTime(lead, '2021-08-18')).toMatchObject({ code: 'FILING_EXTENSION_REQUIRED', citation: { law: '生态环境行政处罚办法' } });
    expect(checkFilingInTime({ ...lead, filingDueOn: '2021-09-01', filingExtension: { approvedOn: '2021-08-10', days: 15 } }, '2021-09-02')).toMatchObject({ code: 'FILING_EXTENSION_EXPIRED' });
  });
  it('extends once, by at most 15 days, from discovery or from a late approval', () => {
    expect(checkFilingExtension(lead, { approvedOn: '2021-08-10', days: 15 }, '2021-08-10')).toEqual({ ok: true });
    expect(checkFilingExtension(lead, { approvedOn: '2021-08-10', days: 16 }, '2021-08-10')).toMatchObject({ code: 'EXTENSION_TOO_LONG', field: 'days' });
    expect(checkFilingExtension({ ...lead, filingExtension: { approvedOn: '2021-08-10', days: 5 } }, { approvedOn: '2021-08-12', days: 5 }, '2021-08-12')).toMatchObject({ code: 'FILING_ALREADY_EXTENDED' });
    expect(computeExtendedFilingDueOn(TEST_CALENDAR, lead, { approvedOn: '2021-08-10', days: 15 })).toBe('2021-09-01');
    expect(computeExtendedFilingDueOn(TEST_CALENDAR, lead, { approvedOn: '2021-08-25', days: 10 })).toBe('2021-09-06');
  });
});
