// Why an action cannot be taken now, as the missing precondition and its article. Pure.
//
// A gate that answers only "not at this stage" (STAGE_DOES_NOT_ALLOW) or gives no article is turned into
// the specific step the action still needs (or the step that already closed it), with the article that
// orders the steps. Read (LawRefBook/Laws, 行政处罚法 2021): 第五十四条 investigation; 第五十七条 the head's
// review of the investigation's result, collective discussion (第二款); 第五十八条 legal review before the
// decision; 第四十四条, 第四十五条, 第六十二条 notice and statement before any penalty; 第六十三条 the right to a
// hearing, 第六十四条 (一) requested within five days of the notice, (二) notified seven days before,
// 第六十五条 decided on the hearing record; 第六十一条 service of the decision; 第六十七条 payment;
// 第四十七条 the whole procedure recorded and archived. 行政强制法 第五十三条, 第五十四条 (execution.ts).
import type { Citation, Outcome, Refusal } from '../../law/outcome.js';
import { CITE } from './citations.js';
import type { MajorCaseThresholds } from './major-case.js';
import { AEL_53, AEL_54, APL_66_2, APL_73_3 } from './execution.js';
import { CASE_STAGES, deriveStage, hearingPending, type CaseFacts, type CaseStage } from './procedure.js';
import type { CaseActionName } from './available-actions.js';

/** The article each action applies: cited on any refusal of it that names none of its own. */
export const ACTION_CITATION: Record<CaseActionName, Citation> = {
  record_investigation: CITE.investigation, submit: CITE.caseReview, case_review: CITE.caseReview, legal_review: CITE.legalReview,
  collective_discussion: CITE.collectiveDiscussionByHeads, notify: CITE.notification, renotify: CITE.notification, statement: CITE.statement,
  request_hearing: CITE.hearingRequest, schedule_hearing: CITE.hearingProcedure, hold_hearing: CITE.hearingProcedure, extend: CITE.decisionWithin90Days,
  decide: CITE.caseReview, serve: CITE.service, pay: CITE.payment, court_enforcement: AEL_53, close: CITE.payment, archive: CITE.fullRecord,
  exclude_period: CITE.decisionWithin90Days, remedy_filed: APL_73_3, remedy_ended: APL_73_3, payment_arrangement: APL_66_2, remind: AEL_54,
  service_consent: CITE.serviceByConsent, hearing_absent: CITE.hearingProcedure,
};

/** Steps taken before the decision; once decided, each is refused as ALREADY_DECIDED. */
const BEFORE_DECISION = new Set<CaseActionName>([
  'record_investigation', 'submit', 'case_review', 'legal_review', 'collective_discussion', 'notify', 'renotify', 'statement',
  'request_hearing', 'schedule_hearing', 'hold_hearing', 'hearing_absent', 'extend', 'exclude_period', 'decide',
]);
/** Steps on a served decision: without a decision, DECISION_REQUIRED; unserved, SERVICE_REQUIRED. */
const AFTER_SERVICE = new Set<CaseActionName>(['pay', 'court_enforcement', 'close', 'remedy_filed', 'remedy_ended', 'payment_arrangement', 'remind']);

/** Codes that are not about the case's procedure: passed on as they are. */
const NOT_PROCEDURAL = new Set(['FORBIDDEN', 'OUT_OF_SCOPE', 'NOT_FOUND', 'UNAUTHENTICATED', 'CASE_SUSPENDED_FOR_CRIME_TRANSFER']);

const no = (code: string, citation: Citation, params?: Refusal['params']): Refusal => ({ ok: false, code, citation, ...(params ? { params } : {}) });

/** The pre-decision chain: the step each stage waits for (what an action further along still needs). */
const PENDING_AT: Partial<Record<CaseStage, () => Refusal>> = {
  investigating: () => no('SUBMISSION_REQUIRED', CITE.caseReview),
  case_review: () => no('CASE_REVIEW_MISSING', CITE.caseReview),
  legal_review: () => no('LEGAL_REVIEW_MISSING', CITE.legalReview),
  collective_discussion: () => no('COLLECTIVE_DISCUSSION_MISSING', CITE.collectiveDiscussion),
  // 第六十五条: after a hearing the case is decided on its record; the reviews re-run after it (第五十八条 (二)).
  hearing: () => no('HEARING_PENDING', CITE.hearingRecord),
};

/** The stage each step of the chain is taken in, and the refusal once the case has gone past it. */
const CHAIN: Partial<Record<CaseActionName, { at: CaseStage; passed: () => Refusal }>> = {
  record_investigation: { at: 'investigating', passed: () => no('INVESTIGATION_CONCLUDED', CITE.caseReview) },
  submit: { at: 'investigating', passed: () => no('INVESTIGATION_CONCLUDED', CITE.caseReview) },
  case_review: { at: 'case_review', passed: () => no('CASE_REVIEW_DONE', CITE.caseReview) },
  legal_review: { at: 'legal_review', passed: () => no('LEGAL_REVIEW_NOT_DUE', CITE.legalReview) },
  collective_discussion: { at: 'collective_discussion', passed: () => no('COLLECTIVE_DISCUSSION_NOT_DUE', CITE.collectiveDiscussionByHeads) },
  notify: { at: 'notification', passed: () => no('ALREADY_NOTIFIED', CITE.notification) },
};

const order = (s: CaseStage) => CASE_STAGES.indexOf(s);

/** The specific reason behind "not at this stage" for one action. */
function stageReason(action: CaseActionName, f: CaseFacts, stage: CaseStage): Refusal {
  const chain = CHAIN[action];
  if (chain) {
    if (order(stage) < order(chain.at)) return PENDING_AT[stage]!();
    if (stage === 'hearing' && (action === 'legal_review' || action === 'collective_discussion')) return PENDING_AT.hearing!();
    return chain.passed();
  }
  switch (action) {
    case 'statement':
      return no('NOTICE_REQUIRED', CITE.notification);
    case 'request_hearing':
      // 第六十三条: the right to a hearing is told in the notice; 第六十四条 (一): requested within five days of it.
      return no('NOTICE_REQUIRED', CITE.hearingRight);
    case 'schedule_hearing': case 'hold_hearing': case 'hearing_absent':
      if (f.hearing?.heldAt) return no('HEARING_ALREADY_HELD', CITE.hearingRecord);
      if (!f.hearing || !hearingPending(f)) return no('HEARING_NOT_REQUESTED', CITE.hearingRequest);
      return PENDING_AT[stage]?.() ?? no('HEARING_NOT_REQUESTED', CITE.hearingRequest);
    case 'decide':
      return PENDING_AT[stage]?.() ?? no('NOTICE_REQUIRED', CITE.noDecisionWithoutHearingParty);
    case 'serve':
      return f.servedOn ? no('ALREADY_SERVED', CITE.service) : no('DECISION_REQUIRED', CITE.caseReview);
    case 'archive':
      return no('CLOSURE_REQUIRED', CITE.fullRecord);
    default:
      return f.closedAt ? no('CASE_CLOSED', CITE.fullRecord) : no('DECISION_REQUIRED', CITE.caseReview);
  }
}

/**
 * The refusal of `action` as its missing precondition and article. Refusals that already name a specific
 * rule with its article are kept; "not at this stage" becomes the step missing (or passed) for this action
 * in this stage; any other refusal without an article gets the article of the action.
 */
export function explainRefusal(action: CaseActionName, refusal: Refusal, f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Refusal {
  if (NOT_PROCEDURAL.has(refusal.code)) return refusal;
  if (f.archivedAt) return no('CASE_ARCHIVED', CITE.fullRecord);
  if (BEFORE_DECISION.has(action) && f.decision) return no('ALREADY_DECIDED', ACTION_CITATION[action]);
  if (AFTER_SERVICE.has(action)) {
    if (!f.decision) return no('DECISION_REQUIRED', CITE.caseReview);
    if (!f.servedOn) return no('SERVICE_REQUIRED', CITE.service);
    if (f.closedAt) return no('CASE_CLOSED', CITE.fullRecord);
  }
  if (refusal.code === 'STAGE_DOES_NOT_ALLOW') return stageReason(action, f, deriveStage(f, t, todayOn));
  return refusal.citation ? refusal : { ...refusal, citation: ACTION_CITATION[action] };
}

/** An outcome with any refusal explained (explainRefusal); an allowed outcome as it is. */
export function explainOutcome(action: CaseActionName, o: Outcome, f: CaseFacts, t: MajorCaseThresholds, todayOn: string): Outcome {
  return o.ok ? o : explainRefusal(action, o, f, t, todayOn);
}
