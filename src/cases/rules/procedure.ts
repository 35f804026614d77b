// The administrative penalty procedure as pure rules: where a case stands, and whether each step may
// be taken now. Actions load the facts, call these, and write only when the outcome allows.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { CITE } from './citations.js';
import { needsCollectiveDiscussion, needsLegalReview, type MajorCaseFacts, type MajorCaseThresholds } from './major-case.js';
import type { DecisionKind, PenaltyKind } from './penalties.js';
import type { CaseRecords } from './case-records.js';

export const CASE_STAGES = [
  'investigating', 'case_review', 'legal_review', 'collective_discussion', 'notification', 'awaiting_statement',
  'hearing', 'deciding', 'decided', 'executing', 'closed', 'archived',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export interface LegalReviewFact { reviewerId: number; outcome: 'passed' | 'returned' | 'rejected'; at: string }

/** Everything the procedure rules need to know about one case. Instants are ISO strings, dates 'YYYY-MM-DD'. */
export interface CaseFacts extends MajorCaseFacts {
  investigatorIds: number[];
  filedOn: string;
  /** 90 days from filing plus approved extensions (行政处罚法 第六十条). */
  decisionDueOn: string;
  /** Inspection and inquiry records made so far. */
  evidenceRecords: number;
  submittedAt: string | null;
  caseReviewPassedAt: string | null;
  reviews: LegalReviewFact[];
  committeeDecidedAt: string | null;
  notification: null | NotificationFact;
  statementWaived: boolean;
  /** `underCurrentNotice`: requested after the last (re-)notification; an earlier hearing stays on record. */
  hearing: null | { requestedOn: string; hostId: number | null; noticeOn: string | null; scheduledOn: string | null; heldAt: string | null; underCurrentNotice: boolean };
  /** Who passed the current case review (审查), if anyone. */
  caseReviewerId: number | null;
  decision: null | { kind: DecisionKind; fineFen: number; decidedOn: string };
  servedOn: string | null;
  /** Fine plus any late-payment surcharge due now, and what was paid. */
  amountDueFen: number;
  paidFen: number;
  courtEnforcementAppliedOn: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  /** Extensions, excluded periods, remedies, payment schedule, reminder, consent, waiver, crime transfer (case-records.ts). */
  records?: CaseRecords;
  /** Reconsiderations and actions against the decision recorded outside the case (src/litigation): open while toOn is null. */
  externalChallenges?: { fromOn: string; toOn: string | null }[];
}

/** The last notice served on the party (行政处罚法 第四十四条): what it proposed and the rights it opened. */
export interface NotificationFact {
  servedOn: string;
  statementDueOn: string;
  hearingOffered: boolean;
  hearingRequestDueOn: string | null;
  proposedFineFen: number;
  /** The penalty kinds notified. */
  penaltyKinds: PenaltyKind[];
  /** 1 for the first notice, then one more for each re-notification. */
  round: number;
  /** Instant of the re-notification that amended the proposal: reviews and discussions before it no longer count. */
  amendedAt: string | null;
  /** The party's written waiver of the hearing, recorded apart from any statement waiver. */
  hearingWaivedOn: string | null;
}

/** The passed legal review that still counts: after the current submission, any hearing and any amended notice. */
export function validPassedReview(f: CaseFacts): LegalReviewFact | null {
  const latest = f.reviews.at(-1);
  if (!latest || latest.outcome !== 'passed') return null;
  if (f.caseReviewPassedAt && latest.at < f.caseReviewPassedAt) return null;
  // 行政处罚法 第五十八条 (二): a case that went through a hearing is reviewed after the hearing.
  if (f.hearing?.heldAt && latest.at < f.hearing.heldAt) return null;
  // 第四十四条, 第五十八条: a re-notification with an amended proposal is reviewed on what is now proposed.
  if (f.notification?.amendedAt && latest.at < f.notification.amendedAt) return null;
  return latest;
}

function committeeDone(f: CaseFacts): boolean {
  const review = validPassedReview(f);
  if (f.committeeDecidedAt === null) return false;
  if (f.notification?.amendedAt && f.committeeDecidedAt < f.notification.amendedAt) return false;
  return review === null || f.committeeDecidedAt >= review.at;
}

/**
 * 行政处罚法 第六十二条, 第六十四条 (一): while the 5-working-day window to request a hearing is open, and the
 * party has neither requested one under this notice nor waived it in writing, no penalty may be decided.
 * Waiving the statement does not waive the hearing.
 */
export function hearingRequestWindowOpen(f: CaseFacts, todayOn: string): boolean {
  const n = f.notification;
  if (!n?.hearingOffered || !n.hearingRequestDueOn || n.hearingWaivedOn) return false;
  if (f.hearing?.underCurrentNotice) return false;
  return todayOn <= n.hearingRequestDueOn;
}

/** A hearing was requested and is neither held nor ended as waived by the party's absence (行政处罚法 第六十四条 (六)). */
export function hearingPending(f: CaseFacts): boolean {
  if (!f.hearing || f.hearing.heldAt) return false;
  const waived = f.records?.hearingWaived;
  return !(waived && waived.on >= f.hearing.requestedOn);
}

/** Where the case stands, derived from its facts; `todayOn` decides whether the statement window is open. */
export function deriveStage(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): CaseStage {
  if (f.archivedAt) return 'archived';
  if (f.closedAt) return 'closed';
  if (f.decision) return f.servedOn ? 'executing' : 'decided';
  if (!f.submittedAt) return 'investigating';
  if (!f.caseReviewPassedAt) return 'case_review';
  // After a re-notification the party's hearing runs first; the reviews re-run after it (第五十八条 (二)).
  if (f.notification && hearingPending(f)) return 'hearing';
  if (needsLegalReview(f, t) && !validPassedReview(f)) return 'legal_review';
  if (needsCollectiveDiscussion(f, t) && !committeeDone(f)) return 'collective_discussion';
  if (!f.notification) return 'notification';
  if (hearingPending(f)) return 'hearing';
  if (!f.statementWaived && todayOn <= f.notification.statementDueOn) return 'awaiting_statement';
  if (hearingRequestWindowOpen(f, todayOn)) return 'awaiting_statement';
  return 'deciding';
}

const stageIs = (f: CaseFacts, t: MajorCaseThresholds, todayOn: string, ...stages: CaseStage[]): Outcome => {
  const stage = deriveStage(f, t, todayOn);
  return stages.includes(stage) ? allowed : refuse('STAGE_DOES_NOT_ALLOW', undefined, undefined, { stage });
};

const first = (...outcomes: (() => Outcome)[]): Outcome => {
  for (const o of outcomes) { const r = o(); if (!r.ok) return r; }
  return allowed;
};

/** Archived cases are frozen: nothing changes after 归档. */
export const checkNotArchived = (f: CaseFacts): Outcome => (f.archivedAt ? refuse('CASE_ARCHIVED') : allowed);

/** 行政处罚法 第四十二条, 第五十五条: investigation by at least two officers holding enforcement credentials. */
export function checkInvestigationRecord(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, officers: { id: number; credentialNo: string | null }[]): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'investigating'),
    () => (officers.filter((o) => o.credentialNo).length < 2 ? refuse('TWO_OFFICERS_REQUIRED', CITE.twoOfficers, 'officerIds') : allowed),
    // 第四十二条: the investigation is done by the officers the case assigned, no one else.
    () => (officers.some((o) => !f.investigatorIds.includes(o.id)) ? refuse('OFFICER_NOT_ASSIGNED', CITE.twoOfficers, 'officerIds') : allowed),
  );
}

export function checkSubmitForCaseReview(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'investigating'),
    // 行政处罚法 第四十条: facts must be clear and evidenced before any penalty.
    () => (f.evidenceRecords === 0 ? refuse('EVIDENCE_MISSING', { law: '行政处罚法', article: '第四十条' }) : allowed),
  );
}

export function checkCaseReview(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, reviewerId: number): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'case_review'),
    () => (f.investigatorIds.includes(reviewerId) ? refuse('REVIEWER_IS_INVESTIGATOR', undefined, 'reviewerId') : allowed),
    // 第五十八条: the legal review is a second, separate check; its reviewer cannot also do the case review.
    () => (f.reviews.some((r) => r.reviewerId === reviewerId) ? refuse('CASE_AND_LEGAL_REVIEWER_SAME', CITE.legalReview, 'reviewerId') : allowed),
  );
}

export interface ReviewerFacts {
  id: number; isLegalReviewer: boolean; holdsLegalQualification: boolean;
  /** When the reviewer began legal review work, if recorded. */
  reviewStartedOn?: string | null;
  /** No review by this reviewer is on record (used where the start date is not). */
  firstTimeReviewer: boolean;
}

/** 行政处罚法 (in force 2021-07-15). */
export const APL_IN_FORCE_ON = '2021-07-15';

/**
 * 行政处罚法 第五十八条第二款: 初次从事行政处罚决定法制审核的人员 need the legal qualification — those who began the
 * work after the law took effect. Without a recorded start date, a reviewer with no review on record is a first-timer.
 */
export function needsLegalQualification(r: ReviewerFacts): boolean {
  if (r.reviewStartedOn) return r.reviewStartedOn >= APL_IN_FORCE_ON;
  return r.firstTimeReviewer;
}

/** 行政处罚法 第五十八条: legal review by reviewers who are not the case's investigators; first-timers need the qualification. */
export function checkLegalReview(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, reviewer: ReviewerFacts): Outcome {
  return first(
    () => checkNotArchived(f),
    () => (reviewer.isLegalReviewer ? allowed : refuse('FORBIDDEN')),
    () => stageIs(f, t, todayOn, 'legal_review'),
    () => (f.investigatorIds.includes(reviewer.id) ? refuse('REVIEWER_IS_INVESTIGATOR', CITE.legalReview, 'reviewerId') : allowed),
    // 第五十八条: the case review (审查) and the legal review (法制审核) are done by different people.
    () => (f.caseReviewerId === reviewer.id ? refuse('CASE_AND_LEGAL_REVIEWER_SAME', CITE.legalReview, 'reviewerId') : allowed),
    () => (needsLegalQualification(reviewer) && !reviewer.holdsLegalQualification ? refuse('LEGAL_REVIEWER_NOT_QUALIFIED', CITE.reviewerQualification) : allowed),
  );
}

/** 行政处罚法 第五十八条: a major case that has not passed legal review can never reach collective discussion or a decision. */
export function checkLegalReviewPassed(f: CaseFacts, t: MajorCaseThresholds): Outcome {
  if (!needsLegalReview(f, t)) return allowed;
  if (validPassedReview(f)) return allowed;
  const latest = f.reviews.at(-1);
  return refuse(latest && latest.outcome !== 'passed' ? 'LEGAL_REVIEW_NOT_PASSED' : 'LEGAL_REVIEW_MISSING', CITE.legalReview);
}

/** 行政处罚法 第五十七条: collective discussion, only after a passed legal review. */
export function checkCollectiveDiscussion(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => (f.submittedAt && f.caseReviewPassedAt ? checkLegalReviewPassed(f, t) : allowed),
    () => stageIs(f, t, todayOn, 'collective_discussion'),
  );
}

/** 行政处罚法 第四十四条: prior notification of facts, reasons, basis and rights. */
export function checkNotification(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(() => checkNotArchived(f), () => checkLegalReviewPassed(f, t), () => stageIs(f, t, todayOn, 'notification'));
}

/** 行政处罚法 第四十五条: the party's statement is heard any time after the notice and before the decision. */
export function checkStatement(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(() => checkNotArchived(f), () => (f.notification && !f.decision ? allowed : stageIs(f, t, todayOn, 'awaiting_statement', 'hearing', 'deciding')));
}

/** 行政处罚法 第六十三条, 第六十四条 (一): a hearing is requested within 5 working days of notification, where offered. */
export function checkHearingRequest(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, requestedOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => (f.notification && !f.decision ? allowed : stageIs(f, t, todayOn, 'awaiting_statement', 'deciding')),
    () => (f.notification?.hearingOffered ? allowed : refuse('HEARING_NOT_AVAILABLE', CITE.hearingRight)),
    () => (f.notification!.hearingWaivedOn ? refuse('HEARING_WAIVED', CITE.hearingProcedure) : allowed),
    () => (f.hearing?.underCurrentNotice ? refuse('HEARING_ALREADY_REQUESTED', CITE.hearingProcedure) : allowed),
    () => (hearingPending(f) ? refuse('HEARING_PENDING', CITE.hearingRecord) : allowed),
    () => (requestedOn > (f.notification!.hearingRequestDueOn ?? '') ? refuse('HEARING_REQUEST_LATE', CITE.hearingProcedure, 'requestedOn') : allowed),
    () => (requestedOn < f.notification!.servedOn ? refuse('DATE_BEFORE_NOTIFICATION', undefined, 'requestedOn') : allowed),
  );
}

/** 行政处罚法 第六十四条 (二)(四): notice 7 working days before; the host is not an investigator of the case. */
export function checkHearingSchedule(f: CaseFacts, t: MajorCaseThresholds, todayOn: string,
  input: { hostId: number; noticeOn: string; scheduledOn: string; earliestOn: string }): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'hearing'),
    () => (f.investigatorIds.includes(input.hostId) ? refuse('HEARING_HOST_IS_INVESTIGATOR', CITE.hearingProcedure, 'hostId') : allowed),
    // 第四十七条: the hearing notice follows the request it answers.
    () => (input.noticeOn < f.hearing!.requestedOn ? refuse('DATE_BEFORE_HEARING_REQUEST', CITE.fullRecord, 'noticeOn') : allowed),
    () => (input.scheduledOn < input.earliestOn ? refuse('HEARING_NOTICE_TOO_SHORT', CITE.hearingProcedure, 'scheduledOn', { earliestOn: input.earliestOn }) : allowed),
  );
}

export function checkHearingHeld(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'hearing'),
    () => (f.hearing?.scheduledOn ? allowed : refuse('HEARING_NOT_SCHEDULED', CITE.hearingProcedure)),
  );
}

/** The gates before any decision; withdrawal (撤销立案) and transfer (移送) only need a live case. */
export function checkDecision(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, input: { kind: DecisionKind; fineFen: number; penaltyKinds?: PenaltyKind[] }): Outcome {
  const live = first(() => checkNotArchived(f), () => (f.decision ? refuse('ALREADY_DECIDED') : allowed));
  if (!live.ok) return live;
  // 行政处罚法 第二十七条: a suspected crime is transferred whatever stage the case is in.
  if (input.kind === 'withdrawal' || input.kind === 'transfer') return allowed;
  // 第五十七条, 第五十八条: the review and discussion tests run on the proposal and on what is actually decided.
  const decided: CaseFacts = input.kind === 'penalty' && input.penaltyKinds
    ? { ...f, penaltyKinds: [...new Set([...f.penaltyKinds, ...input.penaltyKinds])], fineFen: Math.max(f.fineFen, input.fineFen) }
    : f;
  return first(
    () => (f.submittedAt && f.caseReviewPassedAt ? allowed : refuse('CASE_REVIEW_MISSING')),
    () => checkLegalReviewPassed(decided, t),
    () => (needsCollectiveDiscussion(decided, t) && !committeeDone(f) ? refuse('COLLECTIVE_DISCUSSION_MISSING', CITE.collectiveDiscussion) : allowed),
    () => {
      if (input.kind !== 'penalty') return allowed;
      // 第六十二条: a penalty decided without notification or without hearing the party is void.
      if (!f.notification) return refuse('NOTIFICATION_MISSING', CITE.noDecisionWithoutHearingParty);
      if (hearingPending(f)) return refuse('HEARING_PENDING', CITE.hearingRecord);
      if (!f.statementWaived && todayOn <= f.notification.statementDueOn) {
        return refuse('STATEMENT_WINDOW_OPEN', CITE.notification, undefined, { statementDueOn: f.notification.statementDueOn });
      }
      // 第六十二条, 第六十四条 (一): waiving the statement is not waiving the hearing.
      if (hearingRequestWindowOpen(f, todayOn)) {
        return refuse('HEARING_REQUEST_WINDOW_OPEN', CITE.hearingProcedure, undefined, { hearingRequestDueOn: f.notification.hearingRequestDueOn! });
      }
      return checkDecisionWithinNotice(f.notification, { penaltyKinds: input.penaltyKinds ?? f.notification.penaltyKinds, fineFen: input.fineFen });
    },
    () => (todayOn > f.decisionDueOn ? refuse('DECISION_DEADLINE_PASSED', CITE.decisionWithin90Days, undefined, { decisionDueOn: f.decisionDueOn }) : allowed),
  );
}

/**
 * 行政处罚法 第四十四条, 第四十五条, 第六十二条: the decision may contain no penalty kind the last notice did not,
 * and no heavier fine; either needs a new notice (re-notification), which re-opens the party's rights.
 */
export function checkDecisionWithinNotice(notice: Pick<NotificationFact, 'penaltyKinds' | 'proposedFineFen'>, decided: { penaltyKinds: PenaltyKind[]; fineFen: number }): Outcome {
  const extra = decided.penaltyKinds.filter((k) => !notice.penaltyKinds.includes(k));
  if (extra.length) return refuse('PENALTY_NOT_NOTIFIED', CITE.notification, 'penaltyKinds', { kinds: extra.join(',') });
  // 第四十五条: no heavier penalty because the party stated or defended.
  if (decided.fineFen > notice.proposedFineFen) return refuse('HEAVIER_AFTER_DEFENCE', CITE.noHeavierForDefence, 'fineFen', { proposedFineFen: notice.proposedFineFen });
  return allowed;
}

/**
 * 行政处罚法 第四十四条, 第六十二条: a new notice (re-notification) for an amended proposal, once the case was
 * notified and not yet decided, and not while a hearing on the old notice is pending.
 */
export function checkRenotification(f: CaseFacts, _t: MajorCaseThresholds, _todayOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => (f.decision ? refuse('ALREADY_DECIDED') : allowed),
    () => (f.notification ? allowed : refuse('NOTIFICATION_MISSING', CITE.notification)),
    () => (hearingPending(f) ? refuse('HEARING_PENDING', CITE.hearingRecord) : allowed),
  );
}

export function checkExtension(f: CaseFacts, _t: MajorCaseThresholds, _todayOn: string): Outcome {
  return first(() => checkNotArchived(f), () => (f.decision ? refuse('ALREADY_DECIDED') : allowed));
}

/** 行政处罚法 第六十一条: the decision is served (送达) on the party. */
export function checkService(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, servedOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'decided'),
    () => (servedOn < f.decision!.decidedOn ? refuse('DATE_BEFORE_DECISION', undefined, 'servedOn') : allowed),
  );
}

export function checkPayment(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'executing'),
    () => (f.decision?.kind === 'penalty' && f.decision.fineFen > 0 ? allowed : refuse('NO_FINE_TO_PAY')),
  );
}

/** 行政处罚法 第七十二条: court enforcement once the payment period has passed unpaid. */
export function checkCourtEnforcement(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, paymentDueOn: string | null): Outcome {
  return first(
    () => checkPayment(f, t, todayOn),
    () => (paymentDueOn && todayOn > paymentDueOn ? allowed : refuse('PAYMENT_PERIOD_NOT_OVER', CITE.latePayment)),
    () => (f.paidFen >= f.amountDueFen ? refuse('ALREADY_PAID') : allowed),
  );
}

/** 结案: the decision is executed (paid in full with any surcharge, or court enforcement applied) or needs none. */
export function checkClosure(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'executing'),
    () => {
      const finePayable = f.decision!.kind === 'penalty' && f.decision!.fineFen > 0;
      if (!finePayable || f.paidFen >= f.amountDueFen || f.courtEnforcementAppliedOn) return allowed;
      return refuse('EXECUTION_INCOMPLETE', CITE.payment);
    },
  );
}

export function checkArchive(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(() => checkNotArchived(f), () => stageIs(f, t, todayOn, 'closed'));
}
