// The actions a case offers now, each with the outcome of its gate: the UI shows exactly these.
import type { Outcome } from '../../law/outcome.js';
import type { MajorCaseThresholds } from './major-case.js';
import {
  checkArchive, checkCaseReview, checkClosure, checkCollectiveDiscussion, checkDecision, checkExtension, checkHearingHeld,
  checkNotArchived, checkNotification, checkPayment, checkRenotification, checkHearingRequest, checkStatement, checkSubmitForCaseReview, deriveStage, hearingPending, type CaseFacts,
} from './procedure.js';
import type { Permission } from '../../platform/auth/roles.js';
import { NO_RECORDS, pendingRemedy } from './case-records.js';
import { AEL_53, AEL_54, APL_66_2, APL_73_3, challengePending, checkCourtEnforcementWindow, computeCourtEnforcementWindow, executionFactsOf } from './execution.js';
import type { PeriodCalendar } from './deadlines.js';
import { explainOutcome } from './preconditions.js';
import { APL_64_6, checkNotSuspended } from './service.js';

export const CASE_ACTIONS = [
  'record_investigation', 'submit', 'case_review', 'legal_review', 'collective_discussion', 'notify', 'renotify', 'statement',
  'request_hearing', 'schedule_hearing', 'hold_hearing', 'extend', 'decide', 'serve', 'pay', 'court_enforcement', 'close', 'archive',
  // Case period, remedies, payment schedule, reminder, service consent, hearing absence (case-records.ts).
  'exclude_period', 'remedy_filed', 'remedy_ended', 'payment_arrangement', 'remind', 'service_consent', 'hearing_absent',
] as const;
export type CaseActionName = (typeof CASE_ACTIONS)[number];

/** Who may take each action (the permission), before the procedure's own gate. */
export const ACTION_PERMISSION: Record<CaseActionName, Permission> = {
  record_investigation: 'case.write', submit: 'case.write', case_review: 'case.examine', legal_review: 'case.legal_review',
  collective_discussion: 'committee.manage', notify: 'case.write', renotify: 'case.write', statement: 'case.write', request_hearing: 'case.write',
  schedule_hearing: 'case.write', hold_hearing: 'case.write', extend: 'case.decide', decide: 'case.decide', serve: 'case.write',
  pay: 'case.write', court_enforcement: 'case.decide', close: 'case.decide', archive: 'case.write',
  exclude_period: 'case.write', remedy_filed: 'case.write', remedy_ended: 'case.write', payment_arrangement: 'case.decide', remind: 'case.write',
  service_consent: 'case.write', hearing_absent: 'case.write',
};

type Gate = (f: CaseFacts, t: MajorCaseThresholds, todayOn: string) => Outcome;
const atStage = (...stages: string[]): Gate => (f, t, todayOn) => {
  const archived = checkNotArchived(f);
  if (!archived.ok) return archived;
  const stage = deriveStage(f, t, todayOn);
  return stages.includes(stage) ? { ok: true } : { ok: false, code: 'STAGE_DOES_NOT_ALLOW', params: { stage } };
};

/** The state gates alone (input-dependent rules are checked when the action is taken). */
const GATES: Record<Exclude<CaseActionName, 'court_enforcement'>, Gate> = {
  record_investigation: atStage('investigating'),
  submit: checkSubmitForCaseReview,
  case_review: (f, t, d) => checkCaseReview(f, t, d, -1),
  legal_review: atStage('legal_review'),
  collective_discussion: checkCollectiveDiscussion,
  notify: checkNotification,
  renotify: checkRenotification,
  statement: checkStatement,
  // A request dated inside the window may be registered later: the gate asks only whether one may be made now.
  request_hearing: (f, t, d) => checkHearingRequest(f, t, d, f.notification?.servedOn ?? d),
  schedule_hearing: atStage('hearing'),
  hold_hearing: checkHearingHeld,
  extend: checkExtension,
  decide: (f, t, d) => checkDecision(f, t, d, { kind: 'penalty', fineFen: f.notification?.proposedFineFen ?? f.fineFen, penaltyKinds: f.notification?.penaltyKinds ?? f.penaltyKinds }),
  serve: atStage('decided'),
  pay: checkPayment,
  close: checkClosure,
  archive: checkArchive,
  exclude_period: checkExtension,
  remedy_filed: (f) => (pendingRemedy(recordsOf(f)) ? { ok: false, code: 'REMEDY_ALREADY_PENDING', citation: APL_73_3 } : executionGate(f)),
  remedy_ended: (f) => (pendingRemedy(recordsOf(f)) ? checkNotArchived(f) : { ok: false, code: 'NO_REMEDY_PENDING', citation: APL_73_3 }),
  payment_arrangement: (f) => (recordsOf(f).arrangement ? { ok: false, code: 'PAYMENT_ARRANGEMENT_EXISTS', citation: APL_66_2 } : unpaidFineGate(f)),
  remind: (f, _t, d) => {
    const due = paymentDueOf(f);
    return due && d > due ? unpaidFineGate(f) : { ok: false, code: 'PAYMENT_PERIOD_NOT_OVER', citation: AEL_54 };
  },
  service_consent: (f) => checkNotArchived(f),
  hearing_absent: (f) => (f.hearing?.scheduledOn && hearingPending(f) ? checkNotArchived(f) : { ok: false, code: 'HEARING_NOT_SCHEDULED', citation: APL_64_6 }),
};

const recordsOf = (f: CaseFacts) => f.records ?? NO_RECORDS;
const executionGate = (f: CaseFacts): Outcome => {
  const archived = checkNotArchived(f);
  if (!archived.ok) return archived;
  return f.decision && f.servedOn ? { ok: true } : { ok: false, code: 'STAGE_DOES_NOT_ALLOW', params: { stage: f.decision ? 'decided' : 'investigating' } };
};
/** Executing, with a fine still (partly) unpaid and no court application yet. */
const unpaidFineGate = (f: CaseFacts): Outcome => {
  const e = executionGate(f);
  if (!e.ok) return e;
  if (!(f.decision?.kind === 'penalty' && f.decision.fineFen > 0)) return { ok: false, code: 'NO_FINE_TO_PAY' };
  if (f.paidFen >= f.amountDueFen || f.courtEnforcementAppliedOn) return { ok: false, code: 'ALREADY_PAID' };
  return { ok: true };
};
const paymentDueOf = (f: CaseFacts) => recordsOf(f).arrangement?.instalments.at(-1)?.dueOn ?? recordsOf(f).originalPaymentDueOn;
/**
 * 行政强制法 第五十三条, 第五十四条: offered only on a day the application would be accepted — the party's period for
 * reconsideration and litigation over without performance, the reminder served and its ten working days passed,
 * nothing pending, inside the three months (the same rules as execution.ts checks when applying).
 */
const courtGate = (cal: PeriodCalendar): Gate => (f, _t, todayOn) => {
  const unpaid = unpaidFineGate(f);
  if (!unpaid.ok) return unpaid.code === 'ALREADY_PAID' && f.courtEnforcementAppliedOn ? { ok: false, code: 'COURT_ENFORCEMENT_ALREADY_APPLIED', citation: AEL_53 } : unpaid;
  const ef = executionFactsOf(f);
  if (challengePending(ef)) return { ok: false, code: 'REMEDY_PENDING', citation: AEL_53 };
  const w = computeCourtEnforcementWindow(cal, ef);
  // On the day of service, and until the period to seek a remedy ends, the first missing condition is that period.
  if (w && todayOn <= w.periodEndsOn) return { ok: false, code: 'LITIGATION_PERIOD_NOT_OVER', citation: AEL_53, params: { earliestOn: w.earliestOn } };
  return checkCourtEnforcementWindow(cal, ef, todayOn, todayOn);
};

/**
 * Each action the principal's permissions allow, with whether the case allows it now; a refusal names the
 * missing precondition and its article (preconditions.ts). `cal` dates the court-enforcement window.
 */
export function availableActions(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, can: (p: Permission) => boolean, cal: PeriodCalendar) {
  const gates: Record<CaseActionName, Gate> = { ...GATES, court_enforcement: courtGate(cal) };
  return CASE_ACTIONS.filter((a) => can(ACTION_PERMISSION[a])).map((action) => {
    // 国务院令第310号: while the police hold a transferred case, no step is taken in it.
    const suspended = checkNotSuspended(f.records);
    const outcome = explainOutcome(action, suspended.ok ? gates[action](f, t, todayOn) : suspended, f, t, todayOn);
    return outcome.ok ? { action, allowed: true as const } : { action, allowed: false as const, code: outcome.code, citation: outcome.citation, ...(outcome.params ? { params: outcome.params } : {}) };
  });
}
