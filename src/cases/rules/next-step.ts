// What is next on a case: the step, who takes it, and the deadline that governs it. Pure, `now` passed in.
//
// Who: the case's own investigators by name for the steps they take (行政处罚法 第四十二条, 第五十五条); the
// roles holding the step's permission otherwise (case review and decision by the heads, 第五十七条; legal
// review, 第五十八条; collective discussion, 第五十七条第二款); the party where the party's window runs
// (statement and hearing request, 第四十四条, 第四十五条, 第六十四条 (一); payment, 第六十七条); the police
// while they hold a transferred case (国务院令第310号). By when: the stored deadline of that step (with its
// 暂定 mark) — the 90-day decision period (第六十条) for every step before the decision.
import type { Citation } from '../../law/outcome.js';
import { chinaDateOf } from '../../law/civil-date.js';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../platform/auth/roles.js';
import { CITE } from './citations.js';
import { ACTION_PERMISSION, type CaseActionName } from './available-actions.js';
import { AEL_53, AEL_54, type CourtWindow } from './execution.js';
import { needsCollectiveDiscussion, needsLegalReview, type MajorCaseThresholds } from './major-case.js';
import { ACTION_CITATION } from './preconditions.js';
import { hearingPending, hearingRequestWindowOpen, type CaseFacts, type CaseStage } from './procedure.js';
import { CRIME_TRANSFER_SUSPENDS, checkNotSuspended } from './service.js';
import type { PeriodName } from './deadlines.js';

/** A step of a case: an action someone takes, or a window the party (or the police) has. */
export type NextStepKind = CaseActionName | 'await_party' | 'await_payment' | 'await_police';

export interface NextStep {
  what: NextStepKind;
  /** Named users (the case's investigators, the hearing host) and/or the roles that may take the step. */
  who: { userIds: number[]; roles: Role[]; party: boolean; police: boolean };
  /** The governing deadline; `kind` names the stored deadline it is (null for a date from the record, e.g. the hearing day). */
  by: null | { on: string; kind: PeriodName | 'hearing' | 'courtEnforcement'; provisional: boolean };
  citation: Citation;
}

export interface NextStepInput {
  facts: CaseFacts;
  stage: CaseStage;
  thresholds: MajorCaseThresholds;
  /** The case's current deadlines (deadline-records.ts). */
  deadlines: readonly { kind: string; dueOn: string; provisional: boolean }[];
  /** 行政强制法 第五十三条, 第五十四条 (execution.ts), null without a served fine. */
  courtWindow: CourtWindow | null;
}

const nobody = { userIds: [], roles: [], party: false, police: false };
/** Roles (not the administrator) holding the permission the action needs. */
export const rolesFor = (action: CaseActionName): Role[] =>
  ROLES.filter((r) => r !== 'administrator' && ROLE_PERMISSIONS[r].includes(ACTION_PERMISSION[action]));

/** The next step of the case, or null when nothing remains (archived). */
export function nextStep(input: NextStepInput, now: Date): NextStep | null {
  const { facts: f, stage, deadlines } = input;
  const todayOn = chinaDateOf(now);
  const deadline = (kind: PeriodName) => {
    const d = deadlines.find((x) => x.kind === kind);
    return d ? { on: d.dueOn, kind, provisional: d.provisional } : null;
  };
  const decisionDue = () => deadline('decision') ?? { on: f.decisionDueOn, kind: 'decision' as const, provisional: false };
  /** A step the investigators take (case.write), by name. */
  const officers = (what: CaseActionName, by: NextStep['by']): NextStep =>
    ({ what, who: { ...nobody, userIds: [...f.investigatorIds], roles: rolesFor(what) }, by, citation: ACTION_CITATION[what] });
  const byRole = (what: CaseActionName, by: NextStep['by']): NextStep =>
    ({ what, who: { ...nobody, roles: rolesFor(what) }, by, citation: ACTION_CITATION[what] });

  if (!checkNotSuspended(f.records).ok) return { what: 'await_police', who: { ...nobody, police: true }, by: null, citation: CRIME_TRANSFER_SUSPENDS };

  switch (stage) {
    case 'archived':
      return null;
    case 'investigating': {
      // 行政处罚法 第五十六条: evidence registered for preservation is dealt with within seven working days.
      const preserved = deadline('evidencePreservation');
      const by = preserved && preserved.on >= todayOn && preserved.on < decisionDue().on ? preserved : decisionDue();
      return officers(f.evidenceRecords > 0 ? 'submit' : 'record_investigation', by);
    }
    case 'case_review':
      return byRole('case_review', decisionDue());
    case 'legal_review':
      return byRole('legal_review', decisionDue());
    case 'collective_discussion':
      return byRole('collective_discussion', decisionDue());
    case 'notification':
      return officers('notify', decisionDue());
    case 'awaiting_statement': {
      // The party's windows: the later of the statement period (unless waived) and the open hearing-request period.
      const windows = [
        ...(!f.statementWaived && f.notification && todayOn <= f.notification.statementDueOn ? [deadline('statement') ?? { on: f.notification.statementDueOn, kind: 'statement' as const, provisional: false }] : []),
        ...(hearingRequestWindowOpen(f, todayOn) ? [deadline('hearingRequest') ?? { on: f.notification!.hearingRequestDueOn!, kind: 'hearingRequest' as const, provisional: false }] : []),
      ].sort((a, b) => a.on.localeCompare(b.on));
      const last = windows.at(-1) ?? null;
      return { what: 'await_party', who: { ...nobody, party: true }, by: last, citation: last?.kind === 'hearingRequest' ? CITE.hearingRequest : CITE.statement };
    }
    case 'hearing': {
      const h = f.hearing;
      if (h && hearingPending(f) && h.scheduledOn) {
        // 第六十四条 (四): held by the host the bureau appointed, on the day notified.
        return { what: 'hold_hearing', who: { ...nobody, userIds: h.hostId !== null ? [h.hostId] : [], roles: rolesFor('hold_hearing') }, by: { on: h.scheduledOn, kind: 'hearing', provisional: false }, citation: CITE.hearingProcedure };
      }
      return officers('schedule_hearing', decisionDue());
    }
    case 'deciding':
      return byRole('decide', decisionDue());
    case 'decided':
      return officers('serve', deadline('service'));
    case 'executing': {
      const finePayable = f.decision?.kind === 'penalty' && f.decision.fineFen > 0;
      const unpaid = finePayable && f.paidFen < f.amountDueFen && !f.courtEnforcementAppliedOn;
      if (!unpaid) return byRole('close', null);
      const payment = deadline('payment');
      if (payment && todayOn <= payment.on) return { what: 'await_payment', who: { ...nobody, party: true }, by: payment, citation: CITE.payment };
      if (!f.records?.reminderServedOn) return { ...officers('remind', null), citation: AEL_54 };
      const w = input.courtWindow;
      return { ...byRole('court_enforcement', w ? { on: w.latestOn, kind: 'courtEnforcement', provisional: false } : null), citation: AEL_53 };
    }
    case 'closed':
      return officers('archive', null);
  }
}

/**
 * The stages this case goes through, for the stage bar: legal review and collective discussion where the
 * case needs them or had them (第五十八条, 第五十七条第二款), the hearing where the notice offered one or the
 * party requested it (第六十三条).
 */
export function stagePathOf(f: CaseFacts, t: MajorCaseThresholds): CaseStage[] {
  const legal = needsLegalReview(f, t) || f.reviews.length > 0;
  const discussion = needsCollectiveDiscussion(f, t) || f.committeeDecidedAt !== null;
  const hearing = Boolean(f.notification?.hearingOffered) || f.hearing !== null;
  return [
    'investigating', 'case_review', ...(legal ? ['legal_review' as const] : []), ...(discussion ? ['collective_discussion' as const] : []),
    'notification', 'awaiting_statement', ...(hearing ? ['hearing' as const] : []), 'deciding', 'decided', 'executing', 'closed', 'archived',
  ];
}
