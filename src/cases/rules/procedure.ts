// The administrative penalty procedure as pure rules: where a case stands, and whether each step may
// be taken now. Actions load the facts, call these, and write only when the outcome allows.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { CITE } from './citations.js';
import { needsCollectiveDiscussion, needsLegalReview, type MajorCaseFacts, type MajorCaseThresholds } from './major-case.js';
import type { DecisionKind } from './penalties.js';

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
  notification: null | {
    servedOn: string;
    statementDueOn: string;
    hearingOffered: boolean;
    hearingRequestDueOn: string | null;
    proposedFineFen: number;
  };
  statementWaived: boolean;
  hearing: null | { requestedOn: string; hostId: number | null; noticeOn: string | null; scheduledOn: string | null; heldAt: string | null };
  decision: null | { kind: DecisionKind; fineFen: number; decidedOn: string };
  servedOn: string | null;
  /** Fine plus any late-payment surcharge due now, and what was paid. */
  amountDueFen: number;
  paidFen: number;
  courtEnforcementAppliedOn: string | null;
  closedAt: string | null;
  archivedAt: string | null;
}

/** The passed legal review that still counts: after the current submission and after any hearing. */
export function validPassedReview(f: CaseFacts): LegalReviewFact | null {
  const latest = f.reviews.at(-1);
  if (!latest || latest.outcome !== 'passed') return null;
  if (f.caseReviewPassedAt && latest.at < f.caseReviewPassedAt) return null;
  // 行政处罚法 第五十八条 (二): a case that went through a hearing is reviewed after the hearing.
  if (f.hearing?.heldAt && latest.at < f.hearing.heldAt) return null;
  return latest;
}

function committeeDone(f: CaseFacts): boolean {
  const review = validPassedReview(f);
  return f.committeeDecidedAt !== null && (review === null || f.committeeDecidedAt >= review.at);
}

/** Where the case stands, derived from its facts; `todayOn` decides whether the statement window is open. */
export function deriveStage(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): CaseStage {
  if (f.archivedAt) return 'archived';
  if (f.closedAt) return 'closed';
  if (f.decision) return f.servedOn ? 'executing' : 'decided';
  if (!f.submittedAt) return 'investigating';
  if (!f.caseReviewPassedAt) return 'case_review';
  if (needsLegalReview(f, t) && !validPassedReview(f)) return 'legal_review';
  if (needsCollectiveDiscussion(f, t) && !committeeDone(f)) return 'collective_discussion';
  if (!f.notification) return 'notification';
  if (f.hearing && !f.hearing.heldAt) return 'hearing';
  if (!f.statementWaived && todayOn <= f.notification.statementDueOn) return 'awaiting_statement';
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
  );
}

export interface ReviewerFacts { id: number; isLegalReviewer: boolean; holdsLegalQualification: boolean; firstTimeReviewer: boolean }

/** 行政处罚法 第五十八条: legal review by reviewers who are not the case's investigators; first-timers need the qualification. */
export function checkLegalReview(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, reviewer: ReviewerFacts): Outcome {
  return first(
    () => checkNotArchived(f),
    () => (reviewer.isLegalReviewer ? allowed : refuse('FORBIDDEN')),
    () => stageIs(f, t, todayOn, 'legal_review'),
    () => (f.investigatorIds.includes(reviewer.id) ? refuse('REVIEWER_IS_INVESTIGATOR', CITE.legalReview, 'reviewerId') : allowed),
    () => (reviewer.firstTimeReviewer && !reviewer.holdsLegalQualification ? refuse('LEGAL_REVIEWER_NOT_QUALIFIED', CITE.reviewerQualification) : allowed),
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

export function checkStatement(f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return first(() => checkNotArchived(f), () => stageIs(f, t, todayOn, 'awaiting_statement', 'hearing', 'deciding'));
}

/** 行政处罚法 第六十三条, 第六十四条 (一): a hearing is requested within 5 working days of notification, where offered. */
export function checkHearingRequest(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, requestedOn: string): Outcome {
  return first(
    () => checkNotArchived(f),
    () => stageIs(f, t, todayOn, 'awaiting_statement', 'deciding'),
    () => (f.notification?.hearingOffered ? allowed : refuse('HEARING_NOT_AVAILABLE', CITE.hearingRight)),
    () => (f.hearing ? refuse('HEARING_ALREADY_REQUESTED') : allowed),
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
export function checkDecision(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, input: { kind: DecisionKind; fineFen: number }): Outcome {
  const live = first(() => checkNotArchived(f), () => (f.decision ? refuse('ALREADY_DECIDED') : allowed));
  if (!live.ok) return live;
  // 行政处罚法 第二十七条: a suspected crime is transferred whatever stage the case is in.
  if (input.kind === 'withdrawal' || input.kind === 'transfer') return allowed;
  return first(
    () => (f.submittedAt && f.caseReviewPassedAt ? allowed : refuse('CASE_REVIEW_MISSING')),
    () => checkLegalReviewPassed(f, t),
    () => (needsCollectiveDiscussion(f, t) && !committeeDone(f) ? refuse('COLLECTIVE_DISCUSSION_MISSING', CITE.collectiveDiscussion) : allowed),
    () => {
      if (input.kind !== 'penalty') return allowed;
      // 第六十二条: a penalty decided without notification or without hearing the party is void.
      if (!f.notification) return refuse('NOTIFICATION_MISSING', CITE.noDecisionWithoutHearingParty);
      if (f.hearing && !f.hearing.heldAt) return refuse('HEARING_PENDING', CITE.hearingRecord);
      if (!f.statementWaived && todayOn <= f.notification.statementDueOn) {
        return refuse('STATEMENT_WINDOW_OPEN', CITE.notification, undefined, { statementDueOn: f.notification.statementDueOn });
      }
      // 第四十五条: no heavier penalty because the party stated or defended.
      if (input.fineFen > f.notification.proposedFineFen) return refuse('HEAVIER_AFTER_DEFENCE', CITE.noHeavierForDefence, 'fineFen');
      return allowed;
    },
    () => (todayOn > f.decisionDueOn ? refuse('DECISION_DEADLINE_PASSED', CITE.decisionWithin90Days, undefined, { decisionDueOn: f.decisionDueOn }) : allowed),
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
