// 重大行政决策 (major administrative decisions): the procedure gates. Pure: dates and the calendar are passed in.
//
// The State Council regulation binds county-level governments; 第四十二条 makes government departments (the
// bureau) apply it by reference (参照). Read in LawRefBook/Laws: 重大行政决策程序暂行条例 第三条, 第十五条,
// 第十六条, 第十八条, 第十九条, 第二十二条, 第二十五条–第三十条, 第三十二条, 第三十三条, 第三十六条.
// 山东省行政程序规定 was not found in the store: its provincial additions are NOT applied (unconfirmed).
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';
import { daysBetween } from '../law/civil-date.js';
import { countWorkingDaysBetween, type WorkingCalendar } from '../law/working-days.js';

const LAW = '重大行政决策程序暂行条例';
export const DECISION_3_3: Citation = { law: LAW, article: '第三条', paragraph: '第三款' };
export const DECISION_15: Citation = { law: LAW, article: '第十五条', paragraph: '第一款' };
export const DECISION_16: Citation = { law: LAW, article: '第十六条' };
export const DECISION_18: Citation = { law: LAW, article: '第十八条' };
export const DECISION_19: Citation = { law: LAW, article: '第十九条' };
export const DECISION_22: Citation = { law: LAW, article: '第二十二条' };
export const DECISION_25_2: Citation = { law: LAW, article: '第二十五条', paragraph: '第二款' };
export const DECISION_26_2: Citation = { law: LAW, article: '第二十六条', paragraph: '第二款' };
export const DECISION_30_1: Citation = { law: LAW, article: '第三十条', paragraph: '第一款' };
export const DECISION_30_2: Citation = { law: LAW, article: '第三十条', paragraph: '第二款' };
export const DECISION_32: Citation = { law: LAW, article: '第三十二条' };
export const DECISION_33: Citation = { law: LAW, article: '第三十三条' };
export const DECISION_36: Citation = { law: LAW, article: '第三十六条' };

/** 第十五条: public comment runs at least 30 days unless shortened with a stated reason. */
export const COMMENT_MIN_DAYS = 30;
/** 第二十六条第二款: the legality review is given at least 7 working days. */
export const REVIEW_MIN_WORKING_DAYS = 7;

export type CatalogueStatus = 'draft' | 'approved' | 'published';
/** The last step a decision reached, in procedure order. */
export const STEPS = [
  'listed', 'proposed', 'comment', 'hearing', 'experts', 'risk', 'review-submitted', 'reviewed', 'discussed', 'decided',
  'published', 'archived', 'evaluated',
] as const;
export type Step = (typeof STEPS)[number];
export const stepIndex = (s: Step) => STEPS.indexOf(s);
export const reached = (current: Step, s: Step) => stepIndex(current) >= stepIndex(s);

export interface DecisionFacts {
  step: Step;
  catalogueStatus: CatalogueStatus;
  planned: { hearing: boolean; experts: boolean; risk: boolean };
  comment: { startOn: string | null; endOn: string | null; unanswered: number };
  hearingOn: string | null; expertsOn: string | null; riskOn: string | null;
  review: { submittedOn: string | null; completedOn: string | null; passed: boolean | null };
  discussedOn: string | null; decidedOn: string | null; publishedOn: string | null;
}

/** Dates users enter: not before the step they follow, not in the future. */
export function checkStepDate(on: string, previousOn: string | null, todayOn: string, field: string): Outcome {
  if (on > todayOn) return refuse('DATE_IN_FUTURE', undefined, field);
  if (previousOn !== null && on < previousOn) return refuse('DECISION_DATE_BEFORE_PREVIOUS_STEP', undefined, field, { previousOn });
  return allowed;
}

/** 第三条第三款: decisions start from the catalogue the bureau fixed (approved) and published. */
export function checkProposal(f: DecisionFacts): Outcome {
  if (f.step !== 'listed') return refuse('DECISION_STEP_DONE');
  if (f.catalogueStatus === 'draft') return refuse('DECISION_CATALOGUE_NOT_APPROVED', DECISION_3_3);
  return allowed;
}

/** 第十五条第一款: a comment period of at least 30 days, or a shorter one with its reason stated when it opens. */
export function checkCommentPeriod(startOn: string, endOn: string, shortenedReason: string | null): Outcome {
  if (endOn < startOn) return refuse('DECISION_COMMENT_PERIOD_INVALID', undefined, 'endOn');
  // Both the first and the last day are open for comment: the period is the days from start to end inclusive.
  const days = daysBetween(startOn, endOn) + 1;
  if (days < COMMENT_MIN_DAYS && !shortenedReason?.trim()) return refuse('DECISION_COMMENT_PERIOD_SHORT', DECISION_15, 'shortenedReason', { days, min: COMMENT_MIN_DAYS });
  return allowed;
}

export function checkOpenComment(f: DecisionFacts): Outcome {
  if (f.step !== 'proposed') return refuse(reached(f.step, 'comment') ? 'DECISION_STEP_DONE' : 'DECISION_NOT_PROPOSED');
  return allowed;
}

/** 第十五条第一款: the public comments only within the published period. */
export function checkCommentSubmission(f: DecisionFacts, todayOn: string): Outcome {
  const { startOn, endOn } = f.comment;
  if (startOn === null || endOn === null || todayOn < startOn || todayOn > endOn) return refuse('DECISION_COMMENT_CLOSED', DECISION_15);
  return allowed;
}

/** Hearing (第十六条), expert argumentation (第十九条), risk assessment (第二十二条): after the comment period, where planned. */
export function checkParticipationStep(f: DecisionFacts, kind: 'hearing' | 'experts' | 'risk'): Outcome {
  if (!reached(f.step, 'comment')) return refuse('DECISION_COMMENT_NOT_OPENED', DECISION_15);
  if (reached(f.step, 'review-submitted')) return refuse('DECISION_STEP_DONE');
  if (!f.planned[kind]) return refuse('DECISION_STEP_NOT_PLANNED', undefined, kind);
  if ((kind === 'hearing' ? f.hearingOn : kind === 'experts' ? f.expertsOn : f.riskOn) !== null) return refuse('DECISION_STEP_DONE');
  return allowed;
}

/**
 * Sending the draft for legality review: the comment period has run, every comment is answered, and every planned
 * hearing, expert argumentation and risk assessment is done.
 */
export function checkReviewSubmission(f: DecisionFacts, submittedOn: string): Outcome {
  if (!reached(f.step, 'comment')) return refuse('DECISION_COMMENT_NOT_OPENED', DECISION_15);
  if (reached(f.step, 'review-submitted')) return refuse('DECISION_STEP_DONE');
  // 第十五条第一款: the public is heard for the whole period announced.
  if (f.comment.endOn !== null && submittedOn <= f.comment.endOn) return refuse('DECISION_COMMENT_PERIOD_RUNNING', DECISION_15, undefined, { endOn: f.comment.endOn });
  // 第十八条: the opinions are sorted and studied (our reading: each answered) before the draft is finalised;
  // 第二十六条第一款 asks for the account of the procedure with the draft sent for review, 第二十九条(二) for the
  // adoption of public opinions. The regulation names no explicit "every comment answered" step — bureau practice.
  if (f.comment.unanswered > 0) return refuse('DECISION_COMMENTS_UNANSWERED', DECISION_18, undefined, { count: f.comment.unanswered });
  // 第十六条: a hearing the catalogue plans is held.
  if (f.planned.hearing && f.hearingOn === null) return refuse('DECISION_HEARING_MISSING', DECISION_16);
  // 第十九条: expert argumentation of a technical matter.
  if (f.planned.experts && f.expertsOn === null) return refuse('DECISION_EXPERTS_MISSING', DECISION_19);
  // 第二十二条: the risk assessment of a decision that may harm social stability or public safety.
  if (f.planned.risk && f.riskOn === null) return refuse('DECISION_RISK_MISSING', DECISION_22);
  return allowed;
}

/** 第二十六条第二款: the review is given at least 7 working days from the day the draft was sent. */
export function checkReviewCompletion(cal: WorkingCalendar, f: DecisionFacts, completedOn: string): Outcome {
  if (f.step !== 'review-submitted' || f.review.submittedOn === null) return refuse(reached(f.step, 'reviewed') ? 'DECISION_STEP_DONE' : 'DECISION_REVIEW_NOT_SUBMITTED', DECISION_25_2);
  const days = countWorkingDaysBetween(cal, f.review.submittedOn, completedOn).value;
  if (days < REVIEW_MIN_WORKING_DAYS) return refuse('DECISION_REVIEW_TOO_SHORT', DECISION_26_2, 'completedOn', { days, min: REVIEW_MIN_WORKING_DAYS });
  return allowed;
}

/** 第二十五条第二款: an unreviewed draft, or one found unlawful, is not put to the meeting. */
export function checkDiscussion(f: DecisionFacts): Outcome {
  if (reached(f.step, 'discussed')) return refuse('DECISION_STEP_DONE');
  if (f.review.completedOn === null) return refuse('DECISION_REVIEW_MISSING', DECISION_25_2);
  if (f.review.passed !== true) return refuse('DECISION_REVIEW_NOT_PASSED', DECISION_25_2);
  return allowed;
}

export type Stance = 'agree' | 'disagree' | 'abstain';
export interface MeetingOpinion { name: string; isHead: boolean; stance: Stance; text: string }

/**
 * 第三十条第二款: members speak fully, the head speaks last; where the head's conclusion departs from the majority
 * of the members, the reasons are stated at the meeting (and recorded, 第三十条第三款).
 */
export function checkMeetingRecord(opinions: readonly MeetingOpinion[], conclusion: 'adopt' | 'reject', departureReason: string | null): Outcome {
  const heads = opinions.filter((o) => o.isHead);
  if (heads.length !== 1) return refuse('DECISION_HEAD_OPINION_REQUIRED', DECISION_30_2, 'opinions');
  if (!opinions[opinions.length - 1]!.isHead) return refuse('DECISION_HEAD_NOT_LAST', DECISION_30_2, 'opinions');
  const members = opinions.filter((o) => !o.isHead);
  const agree = members.filter((o) => o.stance === 'agree').length;
  const disagree = members.filter((o) => o.stance === 'disagree').length;
  const departs = (conclusion === 'adopt' && disagree * 2 > members.length) || (conclusion === 'reject' && agree * 2 > members.length);
  if (departs && !departureReason?.trim()) return refuse('DECISION_DEPARTURE_REASON_REQUIRED', DECISION_30_2, 'departureReason');
  return allowed;
}

/** 第三十条第一款: the head decides on the basis of the collective discussion. */
export function checkDecision(f: DecisionFacts): Outcome {
  if (reached(f.step, 'decided')) return refuse('DECISION_STEP_DONE');
  if (f.discussedOn === null) return refuse('DECISION_DISCUSSION_MISSING', DECISION_30_1);
  return allowed;
}

/** 第三十二条: what is published is the decision made. */
export function checkPublication(f: DecisionFacts): Outcome {
  if (reached(f.step, 'published')) return refuse('DECISION_STEP_DONE');
  if (f.decidedOn === null) return refuse('DECISION_NOT_DECIDED', DECISION_32);
  return allowed;
}

/** 第三十三条: the records and materials of the procedure are archived once it has run. */
export function checkArchive(f: DecisionFacts): Outcome {
  if (reached(f.step, 'archived')) return refuse('DECISION_STEP_DONE');
  if (f.publishedOn === null) return refuse('DECISION_NOT_PUBLISHED', DECISION_33);
  return allowed;
}

/** 第三十六条: post-evaluation of a decision in force (after its file is archived, the bureau's order). */
export function checkEvaluation(f: DecisionFacts): Outcome {
  if (reached(f.step, 'evaluated')) return refuse('DECISION_STEP_DONE');
  if (f.publishedOn === null) return refuse('DECISION_NOT_PUBLISHED', DECISION_36);
  if (f.step !== 'archived') return refuse('DECISION_NOT_ARCHIVED');
  return allowed;
}
