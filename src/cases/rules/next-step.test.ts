import { describe, expect, it } from 'vitest';
import { NO_RECORDS } from './case-records.js';
import { FILED_FACTS } from './test-facts.js';
import { DEFAULT_THRESHOLDS as T } from './major-case.js';
import { deriveStage, type CaseFacts } from './procedure.js';
import { nextStep, stagePathOf, type NextStepInput } from './next-step.js';
import { computeCourtEnforcementWindow, executionFactsOf } from './execution.js';
import { TEST_CALENDAR } from '../../measures/rules/test-calendar.js';

const NOW = new Date('2021-08-10T10:00:00+08:00');
const base: CaseFacts = FILED_FACTS;
const reviewed = { ...base, evidenceRecords: 2, submittedAt: '2021-07-20T01:00:00.000Z', caseReviewPassedAt: '2021-07-21T01:00:00.000Z', caseReviewerId: 8 };
const decision = { kind: 'penalty' as const, fineFen: 20_000_00, decidedOn: '2021-08-05' };
const DEADLINES = [
  { kind: 'decision', dueOn: '2021-09-29', provisional: false },
  { kind: 'statement', dueOn: '2021-08-16', provisional: false },
  { kind: 'hearingRequest', dueOn: '2021-08-16', provisional: false },
  { kind: 'service', dueOn: '2021-08-16', provisional: true },
  { kind: 'payment', dueOn: '2021-08-25', provisional: false },
];
const input = (facts: CaseFacts, deadlines = DEADLINES, now = NOW): NextStepInput => ({
  facts, stage: deriveStage(facts, T, new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)), thresholds: T, deadlines,
  courtWindow: computeCourtEnforcementWindow(TEST_CALENDAR, executionFactsOf(facts)),
});

describe('下一步: what, who, by when', () => {
  it('行政处罚法 第五十四条, 第六十条: investigating — the investigators by name, within the decision period', () => {
    expect(nextStep(input(base), NOW)).toMatchObject({
      what: 'record_investigation', who: { userIds: [1, 2], party: false }, by: { on: '2021-09-29', kind: 'decision', provisional: false }, citation: { article: '第五十四条' },
    });
    expect(nextStep(input({ ...base, evidenceRecords: 1 }), NOW)?.what).toBe('submit');
  });

  it('行政处罚法 第五十六条: preserved evidence must be dealt with first, when its seven days end sooner', () => {
    const deadlines = [...DEADLINES, { kind: 'evidencePreservation', dueOn: '2021-08-12', provisional: true }];
    expect(nextStep(input(base, deadlines), NOW)?.by).toEqual({ on: '2021-08-12', kind: 'evidencePreservation', provisional: true });
  });

  it('行政处罚法 第五十七条, 第五十八条: the reviews go to the roles that hold them', () => {
    const review = nextStep(input({ ...reviewed, caseReviewPassedAt: null }), NOW)!;
    expect(review).toMatchObject({ what: 'case_review', who: { userIds: [] } });
    expect(review.who.roles).toContain('bureau_leader');
    expect(review.who.roles).not.toContain('enforcement_officer');
    expect(nextStep(input({ ...reviewed, fineFen: 200_000_00 }), NOW)).toMatchObject({ what: 'legal_review', who: { roles: ['legal_reviewer'] } });
  });

  it('行政处罚法 第四十四条, 第六十四条 (一): after the notice the party has until the later window ends', () => {
    const notified = { ...reviewed, notification: { servedOn: '2021-08-09', statementDueOn: '2021-08-16', hearingOffered: true, hearingRequestDueOn: '2021-08-16', proposedFineFen: 20_000_00, penaltyKinds: ['fine' as const], round: 1, amendedAt: null, hearingWaivedOn: null } };
    expect(nextStep(input(reviewed), NOW)).toMatchObject({ what: 'notify', who: { userIds: [1, 2] } });
    expect(nextStep(input(notified), NOW)).toMatchObject({ what: 'await_party', who: { party: true, userIds: [] }, by: { on: '2021-08-16', kind: 'hearingRequest' }, citation: { article: '第六十四条' } });
    const scheduled = { ...notified, hearing: { requestedOn: '2021-08-10', hostId: 7, noticeOn: '2021-08-10', scheduledOn: '2021-08-20', heldAt: null, underCurrentNotice: true } };
    expect(nextStep(input(scheduled), NOW)).toMatchObject({ what: 'hold_hearing', who: { userIds: [7] }, by: { on: '2021-08-20', kind: 'hearing' } });
    const waived = { ...notified, statementWaived: true, notification: { ...notified.notification, hearingWaivedOn: '2021-08-10' } };
    expect(nextStep(input(waived), NOW)).toMatchObject({ what: 'decide', who: { roles: ['bureau_leader'] }, by: { on: '2021-09-29', kind: 'decision' } });
  });

  it('行政处罚法 第六十一条: a decision is served by the investigators within the service period, 暂定 where provisional', () => {
    const decided = { ...reviewed, statementWaived: true, decision };
    expect(nextStep(input(decided), NOW)).toMatchObject({ what: 'serve', who: { userIds: [1, 2] }, by: { on: '2021-08-16', kind: 'service', provisional: true }, citation: { article: '第六十一条' } });
  });

  it('行政处罚法 第六十七条; 行政强制法 第五十四条, 第五十三条: payment, then the reminder, then the court', () => {
    const served = { ...reviewed, statementWaived: true, decision, servedOn: '2021-08-10', amountDueFen: 20_000_00, records: { ...NO_RECORDS, originalPaymentDueOn: '2021-08-25' } };
    expect(nextStep(input(served), NOW)).toMatchObject({ what: 'await_payment', who: { party: true }, by: { on: '2021-08-25', kind: 'payment' } });
    const later = new Date('2021-09-01T10:00:00+08:00');
    expect(nextStep(input(served, DEADLINES, later), later)).toMatchObject({ what: 'remind', who: { userIds: [1, 2] }, by: null, citation: { article: '第五十四条' } });
    const reminded = { ...served, records: { ...served.records, reminderServedOn: '2021-08-30' } };
    expect(nextStep(input(reminded, DEADLINES, later), later)).toMatchObject({ what: 'court_enforcement', who: { roles: ['bureau_leader'] }, by: { on: '2022-05-10', kind: 'courtEnforcement' }, citation: { article: '第五十三条' } });
    expect(nextStep(input({ ...served, paidFen: 20_000_00 }), NOW)).toMatchObject({ what: 'close', by: null });
  });

  it('archived: nothing is next; with the police: the police', () => {
    const closed = { ...reviewed, statementWaived: true, decision, servedOn: '2021-08-06', closedAt: '2021-08-09T01:00:00.000Z' };
    expect(nextStep(input(closed), NOW)).toMatchObject({ what: 'archive' });
    expect(nextStep(input({ ...closed, archivedAt: '2021-08-10T01:00:00.000Z' }), NOW)).toBeNull();
    const transferred: CaseFacts = { ...base, records: { ...NO_RECORDS, crimeTransfers: [{ measureId: 1, fromOn: '2021-08-01', toOn: null }] } };
    expect(nextStep(input(transferred), NOW)).toMatchObject({ what: 'await_police', who: { police: true } });
  });
});

describe('the stage bar: the stages this case goes through', () => {
  it('行政处罚法 第五十八条, 第五十七条, 第六十三条: legal review, discussion and hearing only where they apply', () => {
    expect(stagePathOf(base, T)).toEqual(['investigating', 'case_review', 'notification', 'awaiting_statement', 'deciding', 'decided', 'executing', 'closed', 'archived']);
    const major = { ...reviewed, fineFen: 200_000_00, notification: { servedOn: '2021-08-09', statementDueOn: '2021-08-16', hearingOffered: true, hearingRequestDueOn: '2021-08-16', proposedFineFen: 200_000_00, penaltyKinds: ['fine' as const], round: 1, amendedAt: null, hearingWaivedOn: null } };
    expect(stagePathOf(major, T)).toEqual(['investigating', 'case_review', 'legal_review', 'collective_discussion', 'notification', 'awaiting_statement', 'hearing', 'deciding', 'decided', 'executing', 'closed', 'archived']);
  });
});
