import { describe, expect, it } from 'vitest';
import {
  checkCrimeApproval, checkCrimeHandover, checkCrimeOutcome, crimeApprovalDueOn, crimeTransferDueOn, crimeTransferReminders, type CrimeTransferFacts,
} from './crime-transfer.js';
import { TEST_CALENDAR } from './test-calendar.js';

const facts: CrimeTransferFacts = { status: 'awaiting_approval', reportOn: '2020-11-02', approvalDueOn: '2020-11-05', approvedOn: null, transferredOn: null };

describe('行政处罚法 第二十七条, 移送涉嫌犯罪案件的规定 第五条: approval within 3 days of the report, transfer within 24 hours', () => {
  it('computes the approval and transfer deadlines', () => {
    expect(crimeApprovalDueOn(TEST_CALENDAR, '2020-11-02')).toBe('2020-11-05');
    expect(crimeApprovalDueOn(TEST_CALENDAR, '2020-09-30')).toBe('2020-10-09'); // 3 Oct falls in the National Day holiday
    expect(crimeTransferDueOn('2020-11-04')).toBe('2020-11-05');
  });
  it('a refusal to approve carries its reasons (不予批准的理由记录在案)', () => {
    expect(checkCrimeApproval(facts, { decidedOn: '2020-11-04', approved: false }, '2020-11-04'))
      .toMatchObject({ code: 'NOT_APPROVED_REASON_REQUIRED', field: 'reason', citation: { law: '行政执法机关移送涉嫌犯罪案件的规定', article: '第五条' } });
    expect(checkCrimeApproval(facts, { decidedOn: '2020-11-04', approved: false, reason: '不构成犯罪' }, '2020-11-04')).toEqual({ ok: true });
  });
  it('a late approval, or a transfer later than the day after approval, needs the reason for the delay', () => {
    expect(checkCrimeApproval(facts, { decidedOn: '2020-11-06', approved: true }, '2020-11-06')).toMatchObject({ code: 'TRANSFER_LATE_REASON_REQUIRED', field: 'lateReason' });
    const approved = { ...facts, status: 'approved', approvedOn: '2020-11-04' };
    expect(checkCrimeHandover(approved, { transferredOn: '2020-11-05' }, '2020-11-06')).toEqual({ ok: true });
    expect(checkCrimeHandover(approved, { transferredOn: '2020-11-06' }, '2020-11-06')).toMatchObject({ code: 'TRANSFER_LATE_REASON_REQUIRED', field: 'lateReason' });
  });
  it('no transfer before approval', () => {
    expect(checkCrimeHandover(facts, { transferredOn: '2020-11-03' }, '2020-11-06')).toMatchObject({ code: 'CRIME_TRANSFER_NOT_APPROVED', citation: { article: '第五条' } });
  });
  it('the outcome comes after the transfer', () => {
    const transferred = { ...facts, status: 'transferred', approvedOn: '2020-11-04', transferredOn: '2020-11-05' };
    expect(checkCrimeOutcome(transferred, { outcome: 'filed', decidedOn: '2020-11-04' }, '2020-11-10')).toMatchObject({ code: 'DATE_BEFORE_TRANSFER', field: 'decidedOn' });
    expect(checkCrimeOutcome(transferred, { outcome: 'filed', decidedOn: '2020-11-08' }, '2020-11-10')).toEqual({ ok: true });
    expect(checkCrimeOutcome(facts, { outcome: 'filed', decidedOn: '2020-11-08' }, '2020-11-10')).toMatchObject({ code: 'MEASURE_STEP_NOT_ALLOWED' });
  });
});

describe('行政处罚法 第二十七条: an administrative penalty may still apply when no criminal liability is pursued', () => {
  it.each(['not_filed', 'returned'])('reminds of it when the police answer %s', (status) => {
    expect(crimeTransferReminders(status, '2020-11-12').some((l) => l.citation?.law === '行政处罚法' && l.citation.article === '第二十七条')).toBe(true);
  });
  it('reminds of reconsideration after a refusal to file, and of the fine offset after filing', () => {
    expect(crimeTransferReminders('not_filed', '2020-11-12').some((l) => l.zh.includes('2020-11-12') && l.citation?.article === '第九条')).toBe(true);
    expect(crimeTransferReminders('filed', null).some((l) => l.citation?.article === '第三十五条')).toBe(true);
  });
});

describe('国务院令第310号 第十三条: a filed case may still be dropped (撤案) or handed back', () => {
  const filed: CrimeTransferFacts = { status: 'filed', reportOn: '2020-11-02', approvalDueOn: '2020-11-05', approvedOn: '2020-11-03', transferredOn: '2020-11-05' };
  it('allows 撤案 and 退回 after filing, and 撤案 only after filing', () => {
    expect(checkCrimeOutcome(filed, { outcome: 'withdrawn', decidedOn: '2020-12-01' }, '2020-12-01')).toEqual({ ok: true });
    expect(checkCrimeOutcome(filed, { outcome: 'returned', decidedOn: '2020-12-01' }, '2020-12-01')).toEqual({ ok: true });
    expect(checkCrimeOutcome({ ...filed, status: 'transferred' }, { outcome: 'withdrawn', decidedOn: '2020-12-01' }, '2020-12-01'))
      .toMatchObject({ code: 'MEASURE_STEP_NOT_ALLOWED', citation: { article: '第十条' } });
    expect(checkCrimeOutcome(filed, { outcome: 'not_filed', decidedOn: '2020-12-01' }, '2020-12-01')).toMatchObject({ code: 'MEASURE_STEP_NOT_ALLOWED' });
  });
  it('reminds that the bureau still imposes the penalty on a dropped case (行政处罚法 第二十七条)', () => {
    expect(crimeTransferReminders('withdrawn', null).map((l) => l.citation?.article)).toContain('第二十七条');
  });
});
