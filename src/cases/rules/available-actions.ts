// The actions a case offers now, each with the outcome of its gate: the UI shows exactly these.
import type { Outcome } from '../../law/outcome.js';
import type { MajorCaseThresholds } from './major-case.js';
import {
  checkArchive, checkCaseReview, checkClosure, checkCollectiveDiscussion, checkDecision, checkExtension, checkHearingHeld,
  checkNotArchived, checkNotification, checkPayment, checkStatement, checkSubmitForCaseReview, deriveStage, type CaseFacts,
} from './procedure.js';
import type { Permission } from '../../platform/auth/roles.js';

export const CASE_ACTIONS = [
  'record_investigation', 'submit', 'case_review', 'legal_review', 'collective_discussion', 'notify', 'statement',
  'request_hearing', 'schedule_hearing', 'hold_hearing', 'extend', 'decide', 'serve', 'pay', 'court_enforcement', 'close', 'archive',
] as const;
export type CaseActionName = (typeof CASE_ACTIONS)[number];

/** Who may take each action (the permission), before the procedure's own gate. */
export const ACTION_PERMISSION: Record<CaseActionName, Permission> = {
  record_investigation: 'case.write', submit: 'case.write', case_review: 'case.examine', legal_review: 'case.legal_review',
  collective_discussion: 'committee.manage', notify: 'case.write', statement: 'case.write', request_hearing: 'case.write',
  schedule_hearing: 'case.write', hold_hearing: 'case.write', extend: 'case.decide', decide: 'case.decide', serve: 'case.write',
  pay: 'case.write', court_enforcement: 'case.decide', close: 'case.decide', archive: 'case.write',
};

type Gate = (f: CaseFacts, t: MajorCaseThresholds, todayOn: string) => Outcome;
const atStage = (...stages: string[]): Gate => (f, t, todayOn) => {
  const archived = checkNotArchived(f);
  if (!archived.ok) return archived;
  const stage = deriveStage(f, t, todayOn);
  return stages.includes(stage) ? { ok: true } : { ok: false, code: 'STAGE_DOES_NOT_ALLOW', params: { stage } };
};

/** The state gates alone (input-dependent rules are checked when the action is taken). */
const GATES: Record<CaseActionName, Gate> = {
  record_investigation: atStage('investigating'),
  submit: checkSubmitForCaseReview,
  case_review: (f, t, d) => checkCaseReview(f, t, d, -1),
  legal_review: atStage('legal_review'),
  collective_discussion: checkCollectiveDiscussion,
  notify: checkNotification,
  statement: checkStatement,
  request_hearing: (f, t, d) => (f.notification?.hearingOffered && !f.hearing ? atStage('awaiting_statement', 'deciding')(f, t, d) : { ok: false, code: 'HEARING_NOT_AVAILABLE' }),
  schedule_hearing: atStage('hearing'),
  hold_hearing: checkHearingHeld,
  extend: checkExtension,
  decide: (f, t, d) => checkDecision(f, t, d, { kind: 'penalty', fineFen: f.notification?.proposedFineFen ?? f.fineFen }),
  serve: atStage('decided'),
  pay: checkPayment,
  court_enforcement: atStage('executing'),
  close: checkClosure,
  archive: checkArchive,
};

export function availableActions(f: CaseFacts, t: MajorCaseThresholds, todayOn: string, can: (p: Permission) => boolean) {
  return CASE_ACTIONS.filter((a) => can(ACTION_PERMISSION[a])).map((action) => {
    const outcome = GATES[action](f, t, todayOn);
    return outcome.ok ? { action, allowed: true as const } : { action, allowed: false as const, code: outcome.code, citation: outcome.citation };
  });
}
