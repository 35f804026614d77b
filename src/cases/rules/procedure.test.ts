import { describe, expect, it } from 'vitest';
import {
  checkClosure, checkDecision, checkHearingRequest, checkHearingSchedule, checkInvestigationRecord, checkLegalReview,
  checkCollectiveDiscussion, deriveStage, type CaseFacts,
} from './procedure.js';
import { DEFAULT_THRESHOLDS as T, majorCaseReasons, needsCollectiveDiscussion, needsLegalReview, qualifiesForHearing } from './major-case.js';
import { computeDueOn, deadlineState, type PeriodCalendar } from './deadlines.js';

const TODAY = '2021-08-10';
/** An ordinary case, notified, whose statement window has passed. */
const ordinary: CaseFacts = {
  partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 20_000_00,
  majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false, hearingHeld: false,
  investigatorIds: [1, 2], filedOn: '2021-07-01', decisionDueOn: '2021-09-29', evidenceRecords: 1,
  submittedAt: '2021-07-20T01:00:00.000Z', caseReviewPassedAt: '2021-07-21T01:00:00.000Z', reviews: [], committeeDecidedAt: null,
  notification: { servedOn: '2021-07-22', statementDueOn: '2021-07-29', hearingOffered: false, hearingRequestDueOn: null, proposedFineFen: 20_000_00, penaltyKinds: ['fine'], round: 1, amendedAt: null, hearingWaivedOn: null },
  statementWaived: false, hearing: null, caseReviewerId: 8, decision: null, servedOn: null, amountDueFen: 0, paidFen: 0,
  courtEnforcementAppliedOn: null, closedAt: null, archivedAt: null,
};
const major: CaseFacts = { ...ordinary, fineFen: 200_000_00, notification: null };
const passedReview = { reviewerId: 9, outcome: 'passed' as const, at: '2021-07-25T01:00:00.000Z' };
const penalty = { kind: 'penalty' as const, fineFen: 20_000_00 };

describe('行政处罚法 第五十八条: which cases need legal review', () => {
  it.each(['majorPublicInterest', 'complexSeveralLegalRelations', 'requiredByOtherLaw', 'hearingHeld'] as const)('%s makes a case major', (item) => {
    expect(needsLegalReview({ ...ordinary, [item]: true }, T)).toBe(true);
  });
  it('an ordinary fine below the threshold does not', () => {
    expect(needsLegalReview(ordinary, T)).toBe(false);
    expect(majorCaseReasons(ordinary, T)).toEqual([]);
  });
  it('行政处罚法 第六十三条: a large fine or a heavy penalty carries a hearing right, and makes the case major by bureau rule', () => {
    expect(qualifiesForHearing({ partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: T.hearing.organisationFen }, T)).toBe(true);
    expect(qualifiesForHearing({ partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: T.hearing.organisationFen - 1 }, T)).toBe(false);
    expect(qualifiesForHearing({ partyKind: 'individual', penaltyKinds: ['fine'], fineFen: T.hearing.individualFen }, T)).toBe(true);
    expect(qualifiesForHearing({ partyKind: 'organisation', penaltyKinds: ['suspension'], fineFen: 0 }, T)).toBe(true);
    expect(majorCaseReasons(major, T)).toEqual(['LARGE_FINE']);
  });
  it('行政处罚法 第五十七条: complex cases and (by bureau rule) every major case go to collective discussion', () => {
    expect(needsCollectiveDiscussion({ ...ordinary, complexSeveralLegalRelations: true }, T)).toBe(true);
    expect(needsCollectiveDiscussion(major, T)).toBe(true);
    // 第五十七条第二款: a large fine is a 重大违法行为 — discussed whatever the setting; a public-interest case only by the setting.
    expect(needsCollectiveDiscussion(major, { ...T, committeeForEveryMajorCase: false })).toBe(true);
    expect(needsCollectiveDiscussion({ ...ordinary, majorPublicInterest: true }, { ...T, committeeForEveryMajorCase: false })).toBe(false);
    expect(needsCollectiveDiscussion(ordinary, T)).toBe(false);
  });
});

describe('行政处罚法 第五十八条: the legal-review gate', () => {
  it('a major case waits at legal review; discussion and decision are refused citing 第五十八条', () => {
    expect(deriveStage(major, T, TODAY)).toBe('legal_review');
    expect(checkCollectiveDiscussion(major, T, TODAY)).toMatchObject({ ok: false, code: 'LEGAL_REVIEW_MISSING', citation: { article: '第五十八条' } });
    expect(checkDecision(major, T, TODAY, penalty)).toMatchObject({ ok: false, code: 'LEGAL_REVIEW_MISSING', citation: { article: '第五十八条' } });
  });
  it('a returned review is not a pass', () => {
    const returned = { ...major, reviews: [{ ...passedReview, outcome: 'returned' as const }] };
    expect(checkDecision(returned, T, TODAY, penalty)).toMatchObject({ code: 'LEGAL_REVIEW_NOT_PASSED' });
  });
  it('a review made before the hearing does not count after it (第五十八条 (二))', () => {
    const heard = { ...major, reviews: [passedReview], hearingHeld: true, hearing: { requestedOn: '2021-07-23', hostId: 5, noticeOn: '2021-07-23', scheduledOn: '2021-08-03', heldAt: '2021-08-03T02:00:00.000Z', underCurrentNotice: true } };
    expect(deriveStage(heard, T, TODAY)).toBe('legal_review');
  });
  it('a reviewer cannot review a case they investigate; a first-time reviewer needs the qualification (第五十八条 第二款)', () => {
    const atReview = { ...major };
    expect(checkLegalReview(atReview, T, TODAY, { id: 1, isLegalReviewer: true, holdsLegalQualification: true, firstTimeReviewer: false }))
      .toMatchObject({ code: 'REVIEWER_IS_INVESTIGATOR', field: 'reviewerId' });
    expect(checkLegalReview(atReview, T, TODAY, { id: 9, isLegalReviewer: true, holdsLegalQualification: false, firstTimeReviewer: true }))
      .toMatchObject({ code: 'LEGAL_REVIEWER_NOT_QUALIFIED', citation: { article: '第五十八条', paragraph: '第二款' } });
    expect(checkLegalReview(atReview, T, TODAY, { id: 9, isLegalReviewer: true, holdsLegalQualification: false, firstTimeReviewer: false })).toEqual({ ok: true });
  });
  it('with a passed review and the committee\'s decision, the major case proceeds to notification', () => {
    const reviewed = { ...major, reviews: [passedReview], committeeDecidedAt: '2021-07-26T01:00:00.000Z' };
    expect(deriveStage(reviewed, T, TODAY)).toBe('notification');
    expect(deriveStage({ ...reviewed, committeeDecidedAt: null }, T, TODAY)).toBe('collective_discussion');
  });
});

describe('行政处罚法 第四十四条, 第四十五条, 第六十条, 第六十二条: before the decision', () => {
  it('第六十二条: no penalty without notification', () => {
    expect(checkDecision({ ...ordinary, notification: null }, T, TODAY, penalty)).toMatchObject({ code: 'NOTIFICATION_MISSING', citation: { article: '第六十二条' } });
  });
  it('第四十四条: not while the statement window is open, unless waived', () => {
    expect(checkDecision(ordinary, T, '2021-07-29', penalty)).toMatchObject({ code: 'STATEMENT_WINDOW_OPEN', citation: { article: '第四十四条' } });
    expect(checkDecision(ordinary, T, '2021-07-30', penalty)).toEqual({ ok: true });
    expect(checkDecision({ ...ordinary, statementWaived: true }, T, '2021-07-23', penalty)).toEqual({ ok: true });
  });
  it('第四十五条: no heavier fine than notified', () => {
    expect(checkDecision(ordinary, T, TODAY, { kind: 'penalty', fineFen: 20_000_01 })).toMatchObject({ code: 'HEAVIER_AFTER_DEFENCE', field: 'fineFen', citation: { article: '第四十五条' } });
    expect(checkDecision(ordinary, T, TODAY, { kind: 'penalty', fineFen: 10_000_00 })).toEqual({ ok: true });
  });
  it('第六十条: not after the 90-day period without an approved extension', () => {
    expect(checkDecision(ordinary, T, '2021-09-30', penalty)).toMatchObject({ code: 'DECISION_DEADLINE_PASSED', citation: { article: '第六十条' } });
  });
  it('第二十七条: a transfer or withdrawal needs only a live case', () => {
    expect(checkDecision({ ...major }, T, TODAY, { kind: 'transfer', fineFen: 0 })).toEqual({ ok: true });
    expect(checkDecision({ ...ordinary, archivedAt: '2021-08-01T00:00:00.000Z' }, T, TODAY, { kind: 'transfer', fineFen: 0 })).toMatchObject({ code: 'CASE_ARCHIVED' });
  });
});

describe('行政处罚法 第四十二条, 第六十四条: investigation and hearing', () => {
  const investigating = { ...ordinary, submittedAt: null, caseReviewPassedAt: null, notification: null };
  it('第四十二条: two credentialed officers', () => {
    expect(checkInvestigationRecord(investigating, T, TODAY, [{ id: 1, credentialNo: 'A' }, { id: 2, credentialNo: null }])).toMatchObject({ code: 'TWO_OFFICERS_REQUIRED', field: 'officerIds' });
    expect(checkInvestigationRecord(investigating, T, TODAY, [{ id: 1, credentialNo: 'A' }, { id: 2, credentialNo: 'B' }])).toEqual({ ok: true });
  });
  const offered = { ...major, reviews: [passedReview], committeeDecidedAt: '2021-07-26T01:00:00.000Z', notification: { servedOn: '2021-08-02', statementDueOn: '2021-08-09', hearingOffered: true, hearingRequestDueOn: '2021-08-09', proposedFineFen: 200_000_00, penaltyKinds: ['fine' as const], round: 1, amendedAt: null, hearingWaivedOn: null } };
  it('第六十四条 (一): a hearing request within 5 working days of notification', () => {
    expect(checkHearingRequest(offered, T, '2021-08-09', '2021-08-09')).toEqual({ ok: true });
    expect(checkHearingRequest(offered, T, '2021-08-10', '2021-08-10')).toMatchObject({ code: 'HEARING_REQUEST_LATE', field: 'requestedOn', citation: { article: '第六十四条' } });
    expect(checkHearingRequest({ ...offered, notification: { ...offered.notification, hearingOffered: false } }, T, '2021-08-05', '2021-08-05')).toMatchObject({ code: 'HEARING_NOT_AVAILABLE', citation: { article: '第六十三条' } });
  });
  it('第六十四条 (二)(四): 7 working days notice; the host is not an investigator', () => {
    const requested = { ...offered, hearing: { requestedOn: '2021-08-03', hostId: null, noticeOn: null, scheduledOn: null, heldAt: null, underCurrentNotice: true } };
    expect(checkHearingSchedule(requested, T, '2021-08-04', { hostId: 2, noticeOn: '2021-08-04', scheduledOn: '2021-08-20', earliestOn: '2021-08-13' })).toMatchObject({ code: 'HEARING_HOST_IS_INVESTIGATOR' });
    expect(checkHearingSchedule(requested, T, '2021-08-04', { hostId: 7, noticeOn: '2021-08-04', scheduledOn: '2021-08-12', earliestOn: '2021-08-13' })).toMatchObject({ code: 'HEARING_NOTICE_TOO_SHORT', field: 'scheduledOn' });
    expect(checkHearingSchedule(requested, T, '2021-08-04', { hostId: 7, noticeOn: '2021-08-04', scheduledOn: '2021-08-13', earliestOn: '2021-08-13' })).toEqual({ ok: true });
  });
});

describe('行政处罚法 第六十七条, 第七十二条: execution before closure', () => {
  const executing = { ...ordinary, decision: { kind: 'penalty' as const, fineFen: 20_000_00, decidedOn: '2021-08-02' }, servedOn: '2021-08-03', amountDueFen: 20_600_00 };
  it('a fine with its surcharge must be paid, or court enforcement applied for', () => {
    expect(checkClosure({ ...executing, paidFen: 20_000_00 }, T, TODAY)).toMatchObject({ code: 'EXECUTION_INCOMPLETE', citation: { article: '第六十七条' } });
    expect(checkClosure({ ...executing, paidFen: 20_600_00 }, T, TODAY)).toEqual({ ok: true });
    expect(checkClosure({ ...executing, courtEnforcementAppliedOn: '2021-09-01' }, T, TODAY)).toEqual({ ok: true });
  });
});

describe('statutory periods are computed from the calendar', () => {
  const cal: PeriodCalendar = { addWorkingDays: (on, n) => `${on}+${n}w`, addDays: (on, n) => `${on}+${n}d` };
  it('行政处罚法 第八十五条: the "five days" and "seven days" periods count working days; 第六十条 and 第六十七条 natural days', () => {
    expect(computeDueOn(cal, 'hearingRequest', '2021-08-02')).toBe('2021-08-02+5w');
    expect(computeDueOn(cal, 'service', '2021-08-02')).toBe('2021-08-02+7w');
    expect(computeDueOn(cal, 'decision', '2021-08-02', 30)).toBe('2021-08-02+120d');
    expect(computeDueOn(cal, 'payment', '2021-08-02')).toBe('2021-08-02+15d');
  });
  it('due soon within three days, overdue after the day', () => {
    expect(deadlineState('2021-08-10', '2021-08-10')).toBe('due_soon');
    expect(deadlineState('2021-08-10', '2021-08-11')).toBe('overdue');
    expect(deadlineState('2021-08-20', '2021-08-10')).toBe('ok');
  });
});
