import { describe, expect, it } from 'vitest';
import { NO_RECORDS, type CaseRecords } from './case-records.js';
import { addMonths, checkCourtEnforcementWindow, checkPaymentArrangement, checkReminder, checkRemedyEnded, checkRemedyFiled, computeCourtEnforcementWindow, type ExecutionFacts } from './execution.js';
import { TEST_CALENDAR } from '../../measures/rules/test-calendar.js';

const records = (r: Partial<CaseRecords>): CaseRecords => ({ ...NO_RECORDS, originalPaymentDueOn: '2021-08-17', ...r });
const served: ExecutionFacts = {
  archived: false, decision: { kind: 'penalty', fineFen: 1_000_000, decidedOn: '2021-07-30' }, servedOn: '2021-08-02',
  amountDueFen: 1_000_000, paidFen: 0, paymentDueOn: '2021-08-17', courtEnforcementAppliedOn: null, records: records({}),
};

describe('addMonths (民法典 第二百零二条: the corresponding day, or the last day of the month)', () => {
  it.each([['2021-08-02', 6, '2022-02-02'], ['2021-08-31', 6, '2022-02-28'], ['2023-08-31', 6, '2024-02-29'], ['2021-11-30', 3, '2022-02-28']])('%s + %i months = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe('行政处罚法 第七十三条: reconsideration and litigation are recorded, one at a time', () => {
  it('records a proceeding after service, refuses a second while one is pending', () => {
    expect(checkRemedyFiled(served, { kind: 'reconsideration', filedOn: '2021-08-10' }, '2021-08-10')).toEqual({ ok: true });
    expect(checkRemedyFiled(served, { kind: 'reconsideration', filedOn: '2021-08-01' }, '2021-08-10')).toMatchObject({ code: 'DATE_BEFORE_SERVICE', field: 'filedOn', citation: { article: '第七十三条' } });
    const pending = { ...served, records: records({ remedies: [{ kind: 'reconsideration', filedOn: '2021-08-10', endedOn: null, outcome: null }] }) };
    expect(checkRemedyFiled(pending, { kind: 'litigation', filedOn: '2021-08-12' }, '2021-08-12')).toMatchObject({ code: 'REMEDY_ALREADY_PENDING', citation: { article: '第七十三条', paragraph: '第三款' } });
    expect(checkRemedyEnded(pending, { endedOn: '2021-08-09' }, '2021-10-01')).toMatchObject({ code: 'DATE_BEFORE_REMEDY' });
    expect(checkRemedyEnded(pending, { endedOn: '2021-09-30' }, '2021-10-01')).toEqual({ ok: true });
    expect(checkRemedyEnded(served, { endedOn: '2021-09-30' }, '2021-10-01')).toMatchObject({ code: 'NO_REMEDY_PENDING' });
  });
});

describe('行政处罚法 第六十六条第二款: deferral or instalments on application and approval', () => {
  const input = { appliedOn: '2021-08-10', approvedOn: '2021-08-12', instalments: [{ dueOn: '2021-09-30', amountFen: 400_000 }, { dueOn: '2021-10-30', amountFen: 600_000 }] };
  it('approves instalments that add up to the fine, each after the one before', () => {
    expect(checkPaymentArrangement(served, input, '2021-08-12')).toEqual({ ok: true });
  });
  it.each([
    [{ ...input, approvedOn: '2021-08-09' }, 'APPROVAL_BEFORE_APPLICATION', 'approvedOn'],
    [{ ...input, appliedOn: '2021-08-20', approvedOn: '2021-08-20' }, 'ARRANGEMENT_APPLIED_LATE', 'appliedOn'],
    [{ ...input, instalments: [{ dueOn: '2021-09-30', amountFen: 400_000 }] }, 'INSTALMENTS_DO_NOT_ADD_UP', 'instalments'],
    [{ ...input, instalments: [{ dueOn: '2021-10-30', amountFen: 400_000 }, { dueOn: '2021-09-30', amountFen: 600_000 }] }, 'INSTALMENT_DATES_OUT_OF_ORDER', 'instalments.1.dueOn'],
  ] as const)('refuses %#: %s', (body, code, field) => {
    expect(checkPaymentArrangement(served, body, '2021-08-25')).toMatchObject({ code, field, citation: { law: '行政处罚法', article: '第六十六条' } });
  });
  it('refuses a second arrangement', () => {
    const arranged = { ...served, records: records({ arrangement: { appliedOn: '2021-08-10', approvedOn: '2021-08-12', instalments: input.instalments } }) };
    expect(checkPaymentArrangement(arranged, input, '2021-08-12')).toMatchObject({ code: 'PAYMENT_ARRANGEMENT_EXISTS' });
  });
});

describe('行政强制法 第五十四条: a reminder once the fine is overdue', () => {
  it('refuses a reminder on or before the deadline in force, allows it after', () => {
    expect(checkReminder(served, { servedOn: '2021-08-17' }, '2021-08-17')).toMatchObject({ code: 'PAYMENT_PERIOD_NOT_OVER', citation: { law: '行政强制法', article: '第五十四条' } });
    expect(checkReminder(served, { servedOn: '2021-08-18' }, '2021-08-18')).toEqual({ ok: true });
    expect(checkReminder({ ...served, paidFen: 1_000_000 }, { servedOn: '2021-08-18' }, '2021-08-18')).toMatchObject({ code: 'ALREADY_PAID' });
  });
});

describe('行政强制法 第五十三条, 第五十四条: the window for applying to the court', () => {
  const reminded = { ...served, records: records({ reminderServedOn: '2021-08-20' }) };
  it('opens after the six months and the reminder’s ten working days, closes three months later', () => {
    expect(computeCourtEnforcementWindow(TEST_CALENDAR, reminded)).toEqual({
      periodEndsOn: '2022-02-02', reminderExpiresOn: '2021-09-03', earliestOn: '2022-02-03', latestOn: '2022-05-02',
    });
  });
  it('refuses without a reminder, inside the reminder’s ten days, before the six months, after the three months, or while a proceeding is pending', () => {
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, served, '2022-03-01', '2022-03-01')).toMatchObject({ code: 'REMINDER_NOT_SERVED', citation: { article: '第五十四条' } });
    const late = { ...served, records: records({ reminderServedOn: '2022-02-25' }) };
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, late, '2022-03-01', '2022-03-01')).toMatchObject({ code: 'REMINDER_PERIOD_NOT_OVER', field: 'appliedOn', citation: { article: '第五十四条' } });
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, reminded, '2022-02-02', '2022-02-02')).toMatchObject({ code: 'LITIGATION_PERIOD_NOT_OVER', citation: { law: '行政强制法', article: '第五十三条' } });
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, reminded, '2022-05-03', '2022-05-03')).toMatchObject({ code: 'COURT_ENFORCEMENT_WINDOW_PASSED', citation: { article: '第五十三条' } });
    const pending = { ...reminded, records: { ...reminded.records, remedies: [{ kind: 'litigation' as const, filedOn: '2021-09-01', endedOn: null, outcome: null }] } };
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, pending, '2022-03-01', '2022-03-01')).toMatchObject({ code: 'REMEDY_PENDING', citation: { article: '第五十三条' } });
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, reminded, '2022-03-01', '2022-03-01')).toEqual({ ok: true });
  });
  it('行政强制法 第五十三条: a reconsideration or action recorded in the litigation register blocks the court as the case’s own does; once closed the window runs from its end', () => {
    const registered = { ...reminded, externalChallenges: [{ fromOn: '2021-09-01', toOn: null }] };
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, registered, '2022-03-01', '2022-03-01')).toMatchObject({ code: 'REMEDY_PENDING', citation: { law: '行政强制法', article: '第五十三条' } });
    const closedLate = { ...reminded, externalChallenges: [{ fromOn: '2021-09-01', toOn: '2022-04-15' }] };
    expect(computeCourtEnforcementWindow(TEST_CALENDAR, closedLate)).toMatchObject({ periodEndsOn: '2022-04-15', earliestOn: '2022-04-16', latestOn: '2022-07-15' });
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, closedLate, '2022-03-01', '2022-03-01')).toMatchObject({ code: 'LITIGATION_PERIOD_NOT_OVER' });
    expect(checkCourtEnforcementWindow(TEST_CALENDAR, closedLate, '2022-04-18', '2022-04-18')).toEqual({ ok: true });
  });
  it('行政处罚法 第七十二条第二款: with instalments the window runs from the last one', () => {
    const arranged = { ...reminded, records: { ...reminded.records, arrangement: { appliedOn: '2021-08-10', approvedOn: '2021-08-12', instalments: [{ dueOn: '2022-06-30', amountFen: 1_000_000 }] } } };
    expect(computeCourtEnforcementWindow(TEST_CALENDAR, arranged)).toMatchObject({ periodEndsOn: '2022-06-30', earliestOn: '2022-07-01', latestOn: '2022-09-30' });
  });
});
