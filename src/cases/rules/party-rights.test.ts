// The party's rights in the penalty procedure (issue 9, items 1–3, 7, 12, 13): each rule named after its article.
import { describe, expect, it } from 'vitest';
import {
  checkCaseReview, checkDecision, checkDecisionWithinNotice, checkHearingRequest, checkHearingSchedule, checkInvestigationRecord,
  checkLegalReview, checkRenotification, deriveStage, needsLegalQualification, type CaseFacts,
} from './procedure.js';
import { crossesHearingThreshold, DEFAULT_THRESHOLDS as T, needsCollectiveDiscussion, needsLegalReview, qualifiesForHearing } from './major-case.js';
import { checkFineCeiling, checkFineInLegalRange, checkPenaltyProvisionNamed } from './fine-range.js';
import { checkRecordDate, meetingPredecessors, noticePredecessors } from './record-dates.js';

const TODAY = '2021-08-10';
/** A notified case whose 60 000-yuan fine carries a hearing right (above 50 000) but is not major (below 100 000). */
const notified: CaseFacts = {
  partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 60_000_00,
  majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false, hearingHeld: false,
  investigatorIds: [1, 2], filedOn: '2021-07-01', decisionDueOn: '2021-09-29', evidenceRecords: 1,
  submittedAt: '2021-07-20T01:00:00.000Z', caseReviewPassedAt: '2021-07-21T01:00:00.000Z', caseReviewerId: 8, reviews: [], committeeDecidedAt: null,
  notification: {
    servedOn: '2021-08-02', statementDueOn: '2021-08-09', hearingOffered: true, hearingRequestDueOn: '2021-08-09', proposedFineFen: 60_000_00,
    penaltyKinds: ['fine'], round: 1, amendedAt: null, hearingWaivedOn: null,
  },
  statementWaived: false, hearing: null, decision: null, servedOn: null, amountDueFen: 0, paidFen: 0,
  courtEnforcementAppliedOn: null, closedAt: null, archivedAt: null,
};
const penalty = { kind: 'penalty' as const, fineFen: 60_000_00, penaltyKinds: ['fine' as const] };

describe('行政处罚法 第六十三条; 环境行政处罚听证程序规定 第五条: 较大数额罚款 is the bureau\'s hearing threshold', () => {
  it('defaults to 50 000 yuan for an organisation and 5 000 yuan for a citizen', () => {
    expect(qualifiesForHearing({ partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 50_000_00 }, T)).toBe(true);
    expect(qualifiesForHearing({ partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 49_999_99 }, T)).toBe(false);
    expect(qualifiesForHearing({ partyKind: 'individual', penaltyKinds: ['fine'], fineFen: 5_000_00 }, T)).toBe(true);
    expect(qualifiesForHearing({ partyKind: 'individual', penaltyKinds: ['fine'], fineFen: 4_999_99 }, T)).toBe(false);
  });
  it('is a setting apart from the major-case line: a hearing-carrying fine is not thereby major', () => {
    expect(needsLegalReview(notified, T)).toBe(false);
    const lower = { ...T, hearing: { organisationFen: 30_000_00, individualFen: 3_000_00 } };
    expect(qualifiesForHearing({ partyKind: 'organisation', penaltyKinds: ['fine'], fineFen: 40_000_00 }, lower)).toBe(true);
  });
  it('lists a proposal between an old and a new threshold, in either direction', () => {
    const p = { partyKind: 'organisation' as const, penaltyKinds: ['fine' as const], fineFen: 40_000_00 };
    expect(crossesHearingThreshold(p, T.hearing, { organisationFen: 30_000_00, individualFen: 3_000_00 })).toBe(true);
    expect(crossesHearingThreshold(p, { organisationFen: 30_000_00, individualFen: 3_000_00 }, T.hearing)).toBe(true);
    expect(crossesHearingThreshold(p, T.hearing, { organisationFen: 40_000_00, individualFen: 3_000_00 })).toBe(true);
    expect(crossesHearingThreshold(p, T.hearing, { organisationFen: 45_000_00, individualFen: 1 })).toBe(false);
    expect(crossesHearingThreshold({ ...p, penaltyKinds: ['warning'] }, T.hearing, { organisationFen: 1, individualFen: 1 })).toBe(false);
  });
});

describe('行政处罚法 第六十二条, 第六十四条 (一): waiving the statement is not waiving the hearing', () => {
  const waivedStatement = { ...notified, statementWaived: true };
  it('no penalty decision while the 5-working-day hearing-request window is open', () => {
    expect(deriveStage(waivedStatement, T, '2021-08-03')).toBe('awaiting_statement');
    expect(checkDecision(waivedStatement, T, '2021-08-03', penalty)).toMatchObject({
      ok: false, code: 'HEARING_REQUEST_WINDOW_OPEN', citation: { article: '第六十四条' }, params: { hearingRequestDueOn: '2021-08-09' },
    });
  });
  it('allowed once the window has passed, or once the hearing was waived in writing', () => {
    expect(checkDecision(waivedStatement, T, '2021-08-10', penalty)).toEqual({ ok: true });
    const hearingWaived = { ...waivedStatement, notification: { ...waivedStatement.notification!, hearingWaivedOn: '2021-08-03' } };
    expect(checkDecision(hearingWaived, T, '2021-08-03', penalty)).toEqual({ ok: true });
    expect(checkHearingRequest(hearingWaived, T, '2021-08-04', '2021-08-04')).toMatchObject({ code: 'HEARING_WAIVED' });
  });
  it('a case with no hearing right is not held by the window', () => {
    const noHearing = { ...waivedStatement, notification: { ...waivedStatement.notification!, hearingOffered: false, hearingRequestDueOn: null } };
    expect(checkDecision(noHearing, T, '2021-08-03', penalty)).toEqual({ ok: true });
  });
});

describe('行政处罚法 第四十四条, 第四十五条, 第六十二条: the decision stays within the last notice', () => {
  it('refuses a penalty kind the notice did not contain, and a heavier fine', () => {
    expect(checkDecisionWithinNotice(notified.notification!, { penaltyKinds: ['fine', 'suspension'], fineFen: 1 })).toMatchObject({
      ok: false, code: 'PENALTY_NOT_NOTIFIED', field: 'penaltyKinds', citation: { article: '第四十四条' },
    });
    expect(checkDecisionWithinNotice(notified.notification!, { penaltyKinds: ['fine'], fineFen: 60_000_01 })).toMatchObject({
      ok: false, code: 'HEAVIER_AFTER_DEFENCE', field: 'fineFen', citation: { article: '第四十五条' },
    });
    expect(checkDecisionWithinNotice(notified.notification!, { penaltyKinds: ['fine'], fineFen: 50_000_00 })).toEqual({ ok: true });
    expect(checkDecision(notified, T, TODAY, { ...penalty, penaltyKinds: ['fine', 'warning'] })).toMatchObject({ code: 'PENALTY_NOT_NOTIFIED' });
  });
  it('re-notification is possible once notified and undecided, not while a hearing is pending', () => {
    expect(checkRenotification(notified, T, TODAY)).toEqual({ ok: true });
    expect(checkRenotification({ ...notified, notification: null }, T, TODAY)).toMatchObject({ code: 'NOTIFICATION_MISSING', citation: { article: '第四十四条' } });
    const pending = { ...notified, hearing: { requestedOn: '2021-08-03', hostId: null, noticeOn: null, scheduledOn: null, heldAt: null, underCurrentNotice: true } };
    expect(checkRenotification(pending, T, TODAY)).toMatchObject({ code: 'HEARING_PENDING' });
  });
  it('第五十八条, 第五十七条: reviews and discussions before an amended notice no longer count', () => {
    const review = { reviewerId: 9, outcome: 'passed' as const, at: '2021-07-25T01:00:00.000Z' };
    const amended: CaseFacts = {
      ...notified, fineFen: 300_000_00, reviews: [review], committeeDecidedAt: '2021-07-26T01:00:00.000Z',
      notification: { ...notified.notification!, proposedFineFen: 300_000_00, round: 2, amendedAt: '2021-08-05T01:00:00.000Z', servedOn: '2021-08-05', statementDueOn: '2021-08-12', hearingRequestDueOn: '2021-08-12' },
    };
    expect(deriveStage(amended, T, '2021-08-13')).toBe('legal_review');
    expect(checkDecision(amended, T, '2021-08-13', { ...penalty, fineFen: 300_000_00 })).toMatchObject({ code: 'LEGAL_REVIEW_MISSING', citation: { article: '第五十八条' } });
    const reviewedAgain = { ...amended, reviews: [review, { ...review, at: '2021-08-06T01:00:00.000Z' }] };
    expect(checkDecision(reviewedAgain, T, '2021-08-13', { ...penalty, fineFen: 300_000_00 })).toMatchObject({ code: 'COLLECTIVE_DISCUSSION_MISSING', citation: { article: '第五十七条' } });
    expect(checkDecision({ ...reviewedAgain, committeeDecidedAt: '2021-08-07T01:00:00.000Z' }, T, '2021-08-13', { ...penalty, fineFen: 300_000_00 })).toEqual({ ok: true });
  });
  it('第五十八条: the review test runs on what is decided, not only on what was proposed', () => {
    const proposedSmall = { ...notified, notification: { ...notified.notification!, penaltyKinds: ['fine' as const, 'suspension' as const] } };
    expect(checkDecision(proposedSmall, T, TODAY, { ...penalty, penaltyKinds: ['fine', 'suspension'] })).toMatchObject({ code: 'LEGAL_REVIEW_MISSING' });
  });
});

describe('行政处罚法 第三十四条, 第三十二条: a fine stays inside the legal range of the provision applied', () => {
  const provision = { law: '水污染防治法', article: '第八十三条', item: '（二）' };
  const range = { minFen: 100_000_00, maxFen: 1_000_000_00 };
  it('never above the maximum (citing the provision), below the minimum only on a recorded 减轻 ground (第三十二条)', () => {
    expect(checkFineInLegalRange({ fineFen: 1_000_000_01, range, provision, mitigationRecorded: true }, 'fineFen')).toMatchObject({
      ok: false, code: 'FINE_ABOVE_LEGAL_RANGE', field: 'fineFen', citation: provision,
    });
    expect(checkFineInLegalRange({ fineFen: 99_999_99, range, provision, mitigationRecorded: false }, 'proposal.fineFen')).toMatchObject({
      ok: false, code: 'FINE_BELOW_LEGAL_RANGE', field: 'proposal.fineFen', citation: { article: '第三十二条' },
    });
    expect(checkFineInLegalRange({ fineFen: 50_000_00, range, provision, mitigationRecorded: true }, 'fineFen')).toEqual({ ok: true });
    expect(checkFineInLegalRange({ fineFen: 100_000_00, range, provision, mitigationRecorded: false }, 'fineFen')).toEqual({ ok: true });
  });
  it('第五十九条 (三): a proposal with a fine names its penalty provision', () => {
    expect(checkPenaltyProvisionNamed(['fine'], null, 'proposal.penaltyProvisionCode')).toMatchObject({ code: 'PENALTY_PROVISION_REQUIRED', field: 'proposal.penaltyProvisionCode', citation: { article: '第五十九条' } });
    expect(checkPenaltyProvisionNamed(['fine'], '  ', 'x')).toMatchObject({ code: 'PENALTY_PROVISION_REQUIRED' });
    expect(checkPenaltyProvisionNamed(['warning'], null, 'x')).toEqual({ ok: true });
  });
  it('a fine above the bureau\'s sanity ceiling is refused naming the field', () => {
    expect(checkFineCeiling(T.fineCeilingFen + 1, T.fineCeilingFen, 'fineFen')).toMatchObject({ ok: false, code: 'FINE_ABOVE_CEILING', field: 'fineFen' });
    expect(checkFineCeiling(T.fineCeilingFen, T.fineCeilingFen, 'fineFen')).toEqual({ ok: true });
  });
});

describe('行政处罚法 第四十七条: record dates are neither in the future nor before the step they follow', () => {
  it('a notice before the case review, or before the legal review, is refused; a future date too', () => {
    expect(checkRecordDate(TODAY, 'servedOn', '2021-07-20', noticePredecessors(notified))).toMatchObject({ code: 'DATE_BEFORE_CASE_REVIEW', field: 'servedOn', citation: { article: '第四十七条' } });
    const reviewed = { ...notified, reviews: [{ reviewerId: 9, outcome: 'passed' as const, at: '2021-07-25T01:00:00.000Z' }] };
    expect(checkRecordDate(TODAY, 'servedOn', '2021-07-24', noticePredecessors(reviewed))).toMatchObject({ code: 'DATE_BEFORE_LEGAL_REVIEW' });
    expect(checkRecordDate(TODAY, 'servedOn', '2021-07-25', noticePredecessors(reviewed))).toEqual({ ok: true });
    expect(checkRecordDate(TODAY, 'servedOn', '2021-08-11', noticePredecessors(reviewed))).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'servedOn' });
  });
  it('a committee meeting before the legal review it relies on, and any record before filing, are refused', () => {
    expect(checkRecordDate(TODAY, 'meetingId', '2021-07-24', meetingPredecessors(notified, '2021-07-25T01:00:00.000Z'))).toMatchObject({ code: 'DATE_BEFORE_LEGAL_REVIEW', field: 'meetingId' });
    expect(checkRecordDate(TODAY, 'occurredOn', '2021-06-30', meetingPredecessors(notified, null))).toMatchObject({ code: 'DATE_BEFORE_FILING' });
  });
  it('a hearing notice before the hearing request is refused', () => {
    const requested = { ...notified, hearing: { requestedOn: '2021-08-04', hostId: null, noticeOn: null, scheduledOn: null, heldAt: null, underCurrentNotice: true } };
    expect(checkHearingSchedule(requested, T, TODAY, { hostId: 7, noticeOn: '2021-08-03', scheduledOn: '2021-08-20', earliestOn: '2021-08-12' })).toMatchObject({
      code: 'DATE_BEFORE_HEARING_REQUEST', field: 'noticeOn', citation: { article: '第四十七条' },
    });
  });
});

describe('行政处罚法 第四十二条, 第五十八条: who may record and review', () => {
  const investigating = { ...notified, submittedAt: null, caseReviewPassedAt: null, caseReviewerId: null, notification: null };
  it('第四十二条: an investigation record names only officers assigned to the case', () => {
    expect(checkInvestigationRecord(investigating, T, TODAY, [{ id: 1, credentialNo: 'A' }, { id: 3, credentialNo: 'C' }])).toMatchObject({
      code: 'OFFICER_NOT_ASSIGNED', field: 'officerIds', citation: { article: '第四十二条' },
    });
  });
  it('第五十八条: one person cannot do both the case review and the legal review of a case', () => {
    const atReview = { ...notified, fineFen: 200_000_00, notification: null };
    const reviewer = { isLegalReviewer: true, holdsLegalQualification: true, firstTimeReviewer: false };
    expect(checkLegalReview(atReview, T, TODAY, { ...reviewer, id: 8 })).toMatchObject({ code: 'CASE_AND_LEGAL_REVIEWER_SAME', field: 'reviewerId', citation: { article: '第五十八条' } });
    expect(checkLegalReview(atReview, T, TODAY, { ...reviewer, id: 9 })).toEqual({ ok: true });
    const awaitingCaseReview = { ...atReview, caseReviewPassedAt: null, caseReviewerId: null, reviews: [{ reviewerId: 9, outcome: 'rejected' as const, at: '2021-07-22T01:00:00.000Z' }] };
    expect(checkCaseReview(awaitingCaseReview, T, TODAY, 9)).toMatchObject({ code: 'CASE_AND_LEGAL_REVIEWER_SAME' });
  });
  it('第五十八条第二款: only reviewers who began after 2021-07-15 need the legal qualification', () => {
    const base = { id: 9, isLegalReviewer: true, holdsLegalQualification: false, firstTimeReviewer: true };
    expect(needsLegalQualification({ ...base, reviewStartedOn: '2019-03-01' })).toBe(false);
    expect(needsLegalQualification({ ...base, reviewStartedOn: '2021-07-15' })).toBe(true);
    expect(needsLegalQualification({ ...base, reviewStartedOn: null })).toBe(true);
    expect(needsLegalQualification({ ...base, firstTimeReviewer: false })).toBe(false);
  });
});

describe('行政处罚法 第五十七条第二款: collective discussion for complex cases and 重大违法行为, whatever the settings say', () => {
  const noCommitteeRule = { ...T, committeeForEveryMajorCase: false };
  it.each([['suspension'], ['closure'], ['licence_revocation']] as const)('a proposed %s is discussed', (kind) => {
    expect(needsCollectiveDiscussion({ ...notified, penaltyKinds: [kind], fineFen: 0 }, noCommitteeRule)).toBe(true);
  });
  it('a large fine and a complex case are discussed; an ordinary fine is not', () => {
    expect(needsCollectiveDiscussion({ ...notified, fineFen: 100_000_00 }, noCommitteeRule)).toBe(true);
    expect(needsCollectiveDiscussion({ ...notified, complexSeveralLegalRelations: true }, noCommitteeRule)).toBe(true);
    expect(needsCollectiveDiscussion(notified, noCommitteeRule)).toBe(false);
  });
});
