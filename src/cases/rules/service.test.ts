import { describe, expect, it } from 'vitest';
import { NO_RECORDS, recordsFromSteps, suspendedForCrime } from './case-records.js';
import { checkHearingAbsence, checkNotSuspended, checkServiceMethod, serviceDatesOf, type ServiceInput } from './service.js';
import { TEST_CALENDAR } from '../../measures/rules/test-calendar.js';

const base: ServiceInput = { method: 'in_person', servedOn: '2021-08-02', publishedOn: null, lateReason: null };
const DECIDED = '2021-07-30';
const DUE = '2021-08-10';

describe('民事诉讼法 第九十五条: public notice counts as service thirty days after publication', () => {
  it('dates the service 30 days on, moved past a rest day', () => {
    expect(serviceDatesOf({ ...base, method: 'public_notice', servedOn: null, publishedOn: '2021-08-03' }, TEST_CALENDAR.addDays)).toEqual({ servedOn: '2021-09-02', actedOn: '2021-08-03' });
    // 2021-09-04 + 30 = 2021-10-04, inside 国庆节 → the next working day.
    expect(serviceDatesOf({ ...base, method: 'public_notice', servedOn: null, publishedOn: '2021-09-04' }, TEST_CALENDAR.addDays)!.servedOn).toBe('2021-10-08');
  });
  it('needs the publication date', () => {
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, { ...base, method: 'public_notice', servedOn: null }, '2021-08-03'))
      .toMatchObject({ code: 'PUBLICATION_DATE_REQUIRED', field: 'publishedOn', citation: { law: '民事诉讼法', article: '第九十五条' } });
  });
});

describe('民事诉讼法 第八十七条: personal service dates from the signature on the receipt', () => {
  it('needs the signed date and uses it', () => {
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, { ...base, servedOn: null }, '2021-08-03')).toMatchObject({ code: 'SERVICE_DATE_REQUIRED', citation: { article: '第八十七条' } });
    expect(serviceDatesOf(base, TEST_CALENDAR.addDays)).toEqual({ servedOn: '2021-08-02', actedOn: '2021-08-02' });
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, { ...base, servedOn: '2021-07-29' }, '2021-08-03')).toMatchObject({ code: 'DATE_BEFORE_DECISION' });
  });
});

describe('行政处罚法 第六十一条第二款, 民事诉讼法 第九十条: electronic service needs the party’s recorded consent', () => {
  const electronic = { ...base, method: 'electronic' as const };
  it('refuses without consent, or with consent signed after the service', () => {
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, electronic, '2021-08-03')).toMatchObject({ code: 'ELECTRONIC_SERVICE_WITHOUT_CONSENT', field: 'method', citation: { law: '行政处罚法', article: '第六十一条', paragraph: '第二款' } });
    const later = { ...NO_RECORDS, serviceConsent: { signedOn: '2021-08-03', channel: 'email', address: 'x@y.cn' } };
    expect(checkServiceMethod(later, DECIDED, DUE, electronic, '2021-08-03')).toMatchObject({ code: 'ELECTRONIC_SERVICE_WITHOUT_CONSENT' });
  });
  it('allows it with consent on record', () => {
    const consent = { ...NO_RECORDS, serviceConsent: { signedOn: '2021-07-20', channel: 'email', address: 'x@y.cn' } };
    expect(checkServiceMethod(consent, DECIDED, DUE, electronic, '2021-08-03')).toEqual({ ok: true });
  });
});

describe('行政处罚法 第六十一条: service later than 7 working days asks for the reason', () => {
  it('refuses a late service without a reason, allows it with one', () => {
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, { ...base, servedOn: '2021-08-11' }, '2021-08-11'))
      .toMatchObject({ code: 'SERVICE_LATE_REASON_REQUIRED', field: 'lateReason', citation: { article: '第六十一条' } });
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, { ...base, servedOn: '2021-08-11', lateReason: '当事人外出' }, '2021-08-11')).toEqual({ ok: true });
    expect(checkServiceMethod(NO_RECORDS, DECIDED, DUE, { ...base, servedOn: DUE }, DUE)).toEqual({ ok: true });
  });
});

describe('行政处罚法 第六十四条 (六): absence without good reason ends the hearing as waived', () => {
  const scheduled = { scheduledOn: '2021-08-20', heldAt: null };
  it('records the absence on or after the hearing day', () => {
    expect(checkHearingAbsence(scheduled, false, { on: '2021-08-20', goodReason: false }, '2021-08-20')).toEqual({ ok: true });
    expect(checkHearingAbsence(scheduled, false, { on: '2021-08-19', goodReason: false }, '2021-08-20')).toMatchObject({ code: 'DATE_BEFORE_SCHEDULE' });
  });
  it('a good reason postpones instead; an unscheduled, held or already waived hearing cannot end this way', () => {
    expect(checkHearingAbsence(scheduled, false, { on: '2021-08-20', goodReason: true }, '2021-08-20')).toMatchObject({ code: 'ABSENCE_WITH_GOOD_REASON', citation: { article: '第六十四条', item: '（六）' } });
    expect(checkHearingAbsence({ scheduledOn: null, heldAt: null }, false, { on: '2021-08-20', goodReason: false }, '2021-08-20')).toMatchObject({ code: 'HEARING_NOT_SCHEDULED' });
    expect(checkHearingAbsence({ ...scheduled, heldAt: '2021-08-20T02:00:00Z' }, false, { on: '2021-08-20', goodReason: false }, '2021-08-20')).toMatchObject({ code: 'STAGE_DOES_NOT_ALLOW' });
    expect(checkHearingAbsence(scheduled, true, { on: '2021-08-20', goodReason: false }, '2021-08-20')).toMatchObject({ code: 'STAGE_DOES_NOT_ALLOW' });
  });
});

describe('国务院令第310号 第十条–第十三条: a crime transfer suspends the case; the police’s answer resumes it', () => {
  const step = (status: string, occurredOn: string, measureId = 7) => ({ kind: 'measure', occurredOn, data: { measureId, measureKind: 'crime_transfer', status } });
  it('suspends from the handover to the police', () => {
    const r = recordsFromSteps([step('awaiting_approval', '2021-08-01'), step('approved', '2021-08-02'), step('transferred', '2021-08-03')], null);
    expect(suspendedForCrime(r)).toEqual({ measureId: 7, fromOn: '2021-08-03', toOn: null });
    expect(checkNotSuspended(r)).toMatchObject({ code: 'CASE_SUSPENDED_FOR_CRIME_TRANSFER', citation: { law: '行政执法机关移送涉嫌犯罪案件的规定', article: '第十一条' } });
  });
  it.each(['not_filed', 'returned', 'withdrawn'])('resumes in the same case on %s', (status) => {
    const r = recordsFromSteps([step('transferred', '2021-08-03'), ...(status === 'withdrawn' ? [step('filed', '2021-08-05')] : []), step(status, '2021-08-20')], null);
    expect(checkNotSuspended(r)).toEqual({ ok: true });
    expect(r.crimeTransfers).toEqual([{ measureId: 7, fromOn: '2021-08-03', toOn: '2021-08-20' }]);
  });
  it('stays suspended while the police pursue a filed case; other measures do not suspend', () => {
    expect(checkNotSuspended(recordsFromSteps([step('transferred', '2021-08-03'), step('filed', '2021-08-05')], null))).toMatchObject({ code: 'CASE_SUSPENDED_FOR_CRIME_TRANSFER' });
    expect(checkNotSuspended(recordsFromSteps([{ kind: 'measure', occurredOn: '2021-08-03', data: { measureId: 1, measureKind: 'detention_transfer', status: 'transferred' } }], null))).toEqual({ ok: true });
  });
});
