// Every refusal the case page lists names its missing precondition and an article: every action in every
// stage (and the execution and hearing variants), for a principal allowed everything.
import { describe, expect, it } from 'vitest';
import { availableActions, CASE_ACTIONS, type CaseActionName } from './available-actions.js';
import { NO_RECORDS } from './case-records.js';
import { FILED_FACTS } from './test-facts.js';
import { DEFAULT_THRESHOLDS as T } from './major-case.js';
import { CASE_STAGES, deriveStage, type CaseFacts, type CaseStage } from './procedure.js';
import { explainRefusal } from './preconditions.js';
import { TEST_CALENDAR } from '../../measures/rules/test-calendar.js';
import { MESSAGES } from '../../platform/i18n/messages.js';

const TODAY = '2021-08-10';
const base: CaseFacts = FILED_FACTS;
const submitted = { ...base, evidenceRecords: 2, submittedAt: '2021-07-20T01:00:00.000Z' };
const reviewed = { ...submitted, caseReviewPassedAt: '2021-07-21T01:00:00.000Z', caseReviewerId: 8 };
const major = { ...reviewed, fineFen: 200_000_00, penaltyKinds: ['fine' as const] };
const legallyReviewed = { ...major, reviews: [{ reviewerId: 9, outcome: 'passed' as const, at: '2021-07-25T01:00:00.000Z' }] };
const notice = (hearingOffered: boolean, servedOn = '2021-08-09') => ({
  servedOn, statementDueOn: '2021-08-16', hearingOffered, hearingRequestDueOn: hearingOffered ? '2021-08-16' : null, proposedFineFen: 20_000_00,
  penaltyKinds: ['fine' as const], round: 1, amendedAt: null, hearingWaivedOn: null,
});
const notified = { ...reviewed, notification: notice(true) };
const hearing = { requestedOn: '2021-08-10', hostId: null, noticeOn: null, scheduledOn: null, heldAt: null, underCurrentNotice: true };
const deciding = { ...reviewed, notification: notice(false, '2021-07-22'), statementWaived: true };
const decided = { ...deciding, decision: { kind: 'penalty' as const, fineFen: 20_000_00, decidedOn: '2021-08-05' } };
const executing = { ...decided, servedOn: TODAY, amountDueFen: 20_000_00, records: { ...NO_RECORDS, originalPaymentDueOn: '2021-08-25' } };

/** One case in each stage, and the variants whose gates differ. */
const CASES: [string, CaseFacts, CaseStage][] = [
  ['investigating without evidence', base, 'investigating'],
  ['investigating with evidence', { ...base, evidenceRecords: 1 }, 'investigating'],
  ['case review', submitted, 'case_review'],
  ['legal review', major, 'legal_review'],
  ['collective discussion', legallyReviewed, 'collective_discussion'],
  ['notification', reviewed, 'notification'],
  ['statement window (hearing offered)', notified, 'awaiting_statement'],
  ['hearing requested', { ...notified, hearing }, 'hearing'],
  ['hearing scheduled', { ...notified, hearing: { ...hearing, hostId: 7, noticeOn: '2021-08-10', scheduledOn: '2021-08-20' } }, 'hearing'],
  ['deciding', deciding, 'deciding'],
  ['decided', decided, 'decided'],
  ['executing, served today', executing, 'executing'],
  ['executing, overdue with a reminder', { ...executing, servedOn: '2021-01-04', records: { ...NO_RECORDS, originalPaymentDueOn: '2021-01-19', reminderServedOn: '2021-02-01' } }, 'executing'],
  ['executing, paid', { ...executing, paidFen: 20_000_00 }, 'executing'],
  ['closed', { ...executing, paidFen: 20_000_00, closedAt: '2021-08-10T02:00:00.000Z' }, 'closed'],
  ['archived', { ...executing, paidFen: 20_000_00, closedAt: '2021-08-10T02:00:00.000Z', archivedAt: '2021-08-10T03:00:00.000Z' }, 'archived'],
];

const all = () => true;
const listOf = (f: CaseFacts, today = TODAY) => availableActions(f, T, today, all, TEST_CALENDAR);

describe('every action × every stage: a refusal names its precondition and an article', () => {
  it('the fixtures cover every stage', () => {
    expect(new Set(CASES.map(([, f]) => deriveStage(f, T, TODAY)))).toEqual(new Set(CASE_STAGES));
    for (const [name, f, stage] of CASES) expect(deriveStage(f, T, TODAY), name).toBe(stage);
  });

  it.each(CASES)('%s: no refusal without a citation, none only "not at this stage"', (_name, f) => {
    const list = listOf(f);
    expect(list.map((a) => a.action)).toEqual([...CASE_ACTIONS]);
    for (const a of list) {
      if (a.allowed) continue;
      expect(a.code, a.action).not.toBe('STAGE_DOES_NOT_ALLOW');
      expect(a.citation?.law, `${a.action} ${a.code}`).toBeTruthy();
      expect(a.citation?.article, `${a.action} ${a.code}`).toMatch(/^第.+条$/);
      expect(MESSAGES[a.code]?.['zh-CN'], a.code).toBeTruthy();
    }
  });

  it('"not at this stage" from any action in any stage becomes a specific, cited precondition', () => {
    for (const [, f] of CASES) {
      for (const action of CASE_ACTIONS) {
        const r = explainRefusal(action, { ok: false, code: 'STAGE_DOES_NOT_ALLOW' }, f, T, TODAY);
        expect(r.code, `${action}`).not.toBe('STAGE_DOES_NOT_ALLOW');
        expect(r.citation?.article, `${action} ${r.code}`).toMatch(/^第.+条$/);
        expect(MESSAGES[r.code]?.en, r.code).toBeTruthy();
      }
    }
  });
});

const refusalOf = (f: CaseFacts, action: CaseActionName, today = TODAY) => listOf(f, today).find((a) => a.action === action)!;

describe('the missing step per action and stage', () => {
  it('行政处罚法 第六十二条: a decision before the notice says the notice is missing', () => {
    expect(refusalOf(reviewed, 'decide')).toMatchObject({ allowed: false, code: 'NOTIFICATION_MISSING', citation: { article: '第六十二条' } });
  });
  it('行政处罚法 第五十七条: a step after the case review, while the case is under investigation, needs the submission', () => {
    expect(refusalOf(base, 'notify')).toMatchObject({ code: 'SUBMISSION_REQUIRED', citation: { law: '行政处罚法', article: '第五十七条' } });
    expect(refusalOf(submitted, 'notify')).toMatchObject({ code: 'CASE_REVIEW_MISSING', citation: { article: '第五十七条' } });
  });
  it('行政处罚法 第四十四条: the notice is given once; an amended proposal is re-notified', () => {
    expect(refusalOf(notified, 'notify')).toMatchObject({ code: 'ALREADY_NOTIFIED', citation: { article: '第四十四条' } });
  });
  it('行政处罚法 第六十三条, 第六十四条 (一): a hearing request needs the notice, and is made once', () => {
    expect(refusalOf(reviewed, 'request_hearing')).toMatchObject({ code: 'NOTICE_REQUIRED', citation: { article: '第六十三条' } });
    expect(refusalOf({ ...notified, hearing }, 'request_hearing')).toMatchObject({ code: 'HEARING_ALREADY_REQUESTED', citation: { article: '第六十四条' } });
    expect(refusalOf(deciding, 'request_hearing')).toMatchObject({ code: 'HEARING_NOT_AVAILABLE', citation: { article: '第六十三条' } });
    expect(refusalOf(notified, 'schedule_hearing')).toMatchObject({ code: 'HEARING_NOT_REQUESTED', citation: { article: '第六十四条', item: '（一）' } });
  });
  it('行政处罚法 第六十一条, 第六十七条: serving needs a decision, paying needs the service', () => {
    expect(refusalOf(deciding, 'serve')).toMatchObject({ code: 'DECISION_REQUIRED', citation: { article: '第五十七条' } });
    expect(refusalOf(decided, 'pay')).toMatchObject({ code: 'SERVICE_REQUIRED', citation: { article: '第六十一条' } });
    expect(refusalOf(executing, 'serve')).toMatchObject({ code: 'ALREADY_SERVED', citation: { article: '第六十一条' } });
  });
  it('行政处罚法 第四十七条: archiving needs the closure; nothing changes once archived', () => {
    expect(refusalOf(executing, 'archive')).toMatchObject({ code: 'CLOSURE_REQUIRED', citation: { article: '第四十七条' } });
    const archived = CASES.find(([n]) => n === 'archived')![1];
    expect(listOf(archived).every((a) => !a.allowed && a.code === 'CASE_ARCHIVED' && a.citation?.article === '第四十七条')).toBe(true);
  });
});

describe('行政强制法 第五十三条: court enforcement is offered only when the application would be accepted', () => {
  it('not on the day of service: the period for reconsideration and litigation has not passed', () => {
    expect(refusalOf(executing, 'court_enforcement')).toMatchObject({ allowed: false, code: 'LITIGATION_PERIOD_NOT_OVER', citation: { law: '行政强制法', article: '第五十三条' } });
  });
  it('nor after the period without a reminder (行政强制法 第五十四条)', () => {
    const overdue = { ...executing, servedOn: '2021-01-04', records: { ...NO_RECORDS, originalPaymentDueOn: '2021-01-19' } };
    expect(refusalOf(overdue, 'court_enforcement')).toMatchObject({ code: 'REMINDER_NOT_SERVED', citation: { article: '第五十四条' } });
  });
  it('offered after the six months with a reminder served, refused once the three months passed', () => {
    const ready = CASES.find(([n]) => n.startsWith('executing, overdue'))![1];
    expect(refusalOf(ready, 'court_enforcement')).toEqual({ action: 'court_enforcement', allowed: true });
    expect(refusalOf(ready, 'court_enforcement', '2021-10-05')).toMatchObject({ allowed: false, code: 'COURT_ENFORCEMENT_WINDOW_PASSED', citation: { article: '第五十三条' } });
    expect(refusalOf({ ...ready, courtEnforcementAppliedOn: '2021-08-01' }, 'court_enforcement')).toMatchObject({ code: 'COURT_ENFORCEMENT_ALREADY_APPLIED' });
  });
});
