// One measure's life as pure functions: its status, its current deadline, which follow-up events it
// accepts now, and the record after an event. Actions load the record, call these, and save.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { CITE } from './citations.js';
import {
  APPROVAL_EVENTS, EVENTS_BY_KIND, FINAL_STATUSES, MEASURE_EVENTS, RESTRICTION_GROUNDS, SUSPENSION_GROUNDS,
  type MeasureEvent, type MeasureStatus, type ReleaseGround,
} from './kinds.js';
import {
  checkDailyPenaltyDecision, checkReinspection, computeDailyPenalty, dailyPenaltyStatus, REINSPECTION_WITHIN_DAYS,
  type DailyPenaltyComputation, type ReinspectionFinding,
} from './daily-penalty.js';
import { checkSeizure, checkSeizureExtension, checkSeizureRelease, seizureEndsOn } from './seizure.js';
import {
  checkLifting, checkRectificationPlan, checkRestriction, checkRestrictionExtension, rectificationPlanDueOn, restrictionEndsOn,
  restrictionServiceDueOn, type RestrictionFacts,
} from './production-restriction.js';
import { checkDetentionHandover, checkDetentionOutcome, checkDetentionPriorOrder, checkDetentionTransfer, DETENTION_OUTCOMES, detentionTransferDueOn, type DetentionOutcome } from './detention-transfer.js';
import {
  checkCrimeApproval, checkCrimeHandover, checkCrimeOutcome, checkCrimeTransferReport, CRIME_OUTCOMES, crimeApprovalDueOn, crimeTransferDueOn,
  policeReviewDueOn, reconsiderationDueOn, type CrimeOutcome,
} from './crime-transfer.js';
import type { MeasureCalendar } from './periods.js';
import { checkDailyPenaltyCase, checkNewCorrectionOrder, checkRestrictionDecidedInCase, type CaseDecisionFacts, type NewCorrectionOrder } from './penalty-procedure.js';
import type { CrimeTransferRecord, DailyPenaltyRecord, DetentionRecord, MeasureRecord, RestrictionRecord, SeizureRecord } from './records.js';

export interface EventInputs {
  reinspection: { inspectedOn: string; officerIds: number[]; finding: ReinspectionFinding; note: string; newOrder?: NewCorrectionOrder | null };
  /** The daily penalty is decided in its own case (`penaltyCaseId`) through the penalty procedure. */
  decide: { decidedOn: string; decisionNumber: string | null; penaltyCaseId?: number | null };
  extension: { approvedOn: string; days?: number | null; months?: number | null; reason: string };
  release: { releasedOn: string; ground: ReleaseGround; note: string };
  plan: { filedOn: string; summary: string };
  lifting: { liftedOn: string; note: string };
  approval: { decidedOn: string; approved: boolean; reason?: string | null; lateReason?: string | null };
  transfer: { transferredOn: string; receivingOrgan: string; materials?: string[]; lateReason?: string | null };
  outcome: { outcome: DetentionOutcome | CrimeOutcome; decidedOn: string; detentionDays?: number | null; note: string };
}

/** What the measure rules know about the case and the day. */
export interface MeasureContext {
  todayOn: string;
  archived: boolean;
  /** The case's decision (行政处罚决定), if made. */
  caseDecision: null | { kind: string; fineFen: number; decidedOn: string; penaltyKinds?: readonly string[]; decisionNumber?: string | null };
  cal: MeasureCalendar;
  /** The case the measure belongs to. */
  caseRef?: { id: number; enterpriseId: number };
  /** For a daily-penalty decision: the decision of the case named by `penaltyCaseId`, loaded by the action. */
  linkedDecision?: CaseDecisionFacts | null;
}

/** The case decision as the penalty-procedure rules read it. */
const caseDecisionFacts = (ctx: MeasureContext): CaseDecisionFacts | null => (ctx.caseDecision && ctx.caseRef ? {
  caseId: ctx.caseRef.id, enterpriseId: ctx.caseRef.enterpriseId, kind: ctx.caseDecision.kind, penaltyKinds: ctx.caseDecision.penaltyKinds ?? [],
  fineFen: ctx.caseDecision.fineFen, decisionNumber: ctx.caseDecision.decisionNumber ?? null, decidedOn: ctx.caseDecision.decidedOn,
} : null);

const restrictionFacts = (r: RestrictionRecord): RestrictionFacts => ({
  mode: r.mode, decidedOn: r.decidedOn, servedOn: r.servedOn, extensionMonths: r.extension?.months ?? null,
  planFiledOn: r.plan?.filedOn ?? null, lifted: r.lifting !== null,
});

export function statusOf(r: MeasureRecord): MeasureStatus {
  switch (r.kind) {
    case 'daily_penalty': return dailyPenaltyStatus({ decided: r.decision !== null, reinspections: r.reinspections });
    case 'seizure': return r.release ? 'released' : r.extension ? 'extended' : 'in_force';
    case 'production_restriction': return r.lifting ? 'lifted' : r.extension ? 'extended' : 'in_force';
    case 'detention_transfer': return r.outcome ? r.outcome.outcome : r.transfer ? 'transferred' : 'transfer_decided';
    case 'crime_transfer':
      if (r.outcome) return r.outcome.outcome;
      if (r.transfer) return 'transferred';
      if (r.approval) return r.approval.approved ? 'approved' : 'not_approved';
      return 'awaiting_approval';
  }
}

export const isFinal = (r: MeasureRecord): boolean => FINAL_STATUSES[r.kind].includes(statusOf(r));

/** The day the measure began, for statistics by year. */
export function startedOnOf(r: MeasureRecord): string {
  switch (r.kind) {
    case 'daily_penalty': return r.orderServedOn;
    case 'seizure': return r.implementedOn;
    case 'production_restriction': return r.servedOn;
    case 'detention_transfer': return r.decidedOn;
    case 'crime_transfer': return r.reportOn;
  }
}

export function endedOnOf(r: MeasureRecord): string | null {
  switch (r.kind) {
    case 'daily_penalty': return r.decision?.decidedOn ?? null;
    case 'seizure': return r.release?.releasedOn ?? null;
    case 'production_restriction': return r.lifting?.liftedOn ?? null;
    case 'detention_transfer': return r.outcome && r.outcome.outcome !== 'accepted' ? r.outcome.decidedOn : null;
    case 'crime_transfer': return r.outcome?.decidedOn ?? (r.approval && !r.approval.approved ? r.approval.decidedOn : null);
  }
}

/** The deadline that matters now, or null when nothing is waiting on the bureau or the measure's end. */
export function dueOnOf(r: MeasureRecord): string | null {
  if (isFinal(r)) return null;
  switch (r.kind) {
    // 按日连续处罚办法 第十二条 (unconfirmed): re-inspect within 30 days of service.
    case 'daily_penalty': return r.reinspections.length === 0 ? r.reinspectionDueOn : null;
    case 'seizure': return seizureEndsOn({ implementedOn: r.implementedOn, extensionDays: r.extension?.days ?? null });
    case 'production_restriction': return r.plan === null ? r.planDueOn : restrictionEndsOn(restrictionFacts(r));
    case 'detention_transfer': return r.transfer ? null : r.transferDueOn;
    case 'crime_transfer':
      if (!r.approval) return r.approvalDueOn;
      if (!r.transfer) return crimeTransferDueOn(r.approval.decidedOn);
      return r.transfer.policeReviewDueOn;
  }
}

/** The 按日连续处罚 computation: fixed at the decision, live before it. */
export function dailyPenaltyComputationOf(r: DailyPenaltyRecord, caseFineFen: number | null): DailyPenaltyComputation {
  if (r.decision) {
    const d = r.decision;
    return { startOn: d.startOn, endOn: d.endOn, days: d.days, dailyFen: d.originalFineFen, totalFen: d.totalFen, cycleEnded: r.reinspections.some((x) => x.finding === 'corrected'), lines: d.lines };
  }
  return computeDailyPenalty({
    originalFineFen: caseFineFen, orderNumber: r.orderNumber, orderServedOn: r.orderServedOn, reinspectionDueOn: r.reinspectionDueOn, reinspections: r.reinspections,
  });
}

const originalFine = (ctx: MeasureContext) =>
  (ctx.caseDecision && ctx.caseDecision.kind === 'penalty' && ctx.caseDecision.fineFen > 0 ? ctx.caseDecision : null);

/** Whether the event can be taken now, judged on the record's state alone (the UI's buttons). */
export function checkEventState(r: MeasureRecord, event: MeasureEvent, ctx: MeasureContext): Outcome {
  if (ctx.archived) return refuse('CASE_ARCHIVED');
  if (!EVENTS_BY_KIND[r.kind].includes(event)) return refuse('MEASURE_EVENT_NOT_APPLICABLE');
  if (isFinal(r)) return refuse('MEASURE_CLOSED');
  const status = statusOf(r);
  switch (r.kind) {
    case 'daily_penalty':
      if (event === 'reinspection' && status === 'corrected') return refuse('DAILY_PENALTY_CYCLE_ENDED', CITE.dailyCycleRestarts);
      if (event === 'decide') {
        if (!originalFine(ctx)) return refuse('ORIGINAL_FINE_DECISION_MISSING', CITE.dailyAfterPenaltyDecision);
        if (dailyPenaltyComputationOf(r, null).days === 0) return refuse('DAILY_PENALTY_NO_CONTINUING_VIOLATION', CITE.dailyCounting);
      }
      return allowed;
    case 'seizure':
      if (event === 'extension') {
        if (r.extension) return refuse('SEIZURE_ALREADY_EXTENDED', CITE.seizurePeriod);
        if (ctx.todayOn > seizureEndsOn({ implementedOn: r.implementedOn, extensionDays: null })) return refuse('SEIZURE_PERIOD_ENDED', CITE.seizurePeriod);
      }
      return allowed;
    case 'production_restriction':
      if (event === 'extension') {
        if (r.mode === 'suspension') return refuse('SUSPENSION_NOT_EXTENDABLE', CITE.restrictionPeriod);
        if (r.extension) return refuse('RESTRICTION_ALREADY_EXTENDED', CITE.restrictionPeriod);
        if (ctx.todayOn > restrictionEndsOn(restrictionFacts(r))!) return refuse('RESTRICTION_PERIOD_ENDED', CITE.restrictionPeriod);
      }
      if (event === 'plan' && r.plan) return refuse('RECTIFICATION_PLAN_ALREADY_FILED', CITE.rectificationPlan);
      if (event === 'lifting' && !r.plan) return refuse('RECTIFICATION_PLAN_MISSING', CITE.rectificationPlan);
      return allowed;
    case 'detention_transfer':
      if (event === 'transfer' && status !== 'transfer_decided') return refuse('MEASURE_STEP_NOT_ALLOWED');
      if (event === 'outcome' && status !== 'transferred' && status !== 'accepted') return refuse('MEASURE_STEP_NOT_ALLOWED');
      return allowed;
    case 'crime_transfer':
      if (event === 'approval' && status !== 'awaiting_approval') return refuse('MEASURE_STEP_NOT_ALLOWED');
      if (event === 'transfer' && status === 'awaiting_approval') return refuse('CRIME_TRANSFER_NOT_APPROVED', CITE.crimeTransferApproval);
      // 国务院令第310号 第十三条: after filing, the police may still drop the case (撤案) or hand it back.
      if (event === 'outcome' && status !== 'transferred' && status !== 'filed') return refuse('MEASURE_STEP_NOT_ALLOWED');
      return allowed;
  }
}

/** The full check of an event with its input: the state gate, then the kind's rule for the values. */
export function checkEvent<E extends MeasureEvent>(r: MeasureRecord, event: E, input: EventInputs[E], ctx: MeasureContext): Outcome {
  const state = checkEventState(r, event, ctx);
  if (!state.ok) return state;
  const i = input as EventInputs[MeasureEvent];
  const t = ctx.todayOn;
  switch (r.kind) {
    case 'daily_penalty': {
      const facts = { archived: ctx.archived, decided: r.decision !== null, orderServedOn: r.orderServedOn, reinspections: r.reinspections };
      if (event === 'reinspection') {
        const x = i as EventInputs['reinspection'];
        const checked = checkReinspection(facts, x, t);
        // A continuing violation found on re-inspection is ordered corrected again (新的责令改正决定书).
        return checked.ok ? checkNewCorrectionOrder(x, t) : checked;
      }
      const fine = originalFine(ctx);
      const computation = dailyPenaltyComputationOf(r, fine?.fineFen ?? null);
      const decided = checkDailyPenaltyDecision({ decided: facts.decided, computation, originalDecision: fine }, i as EventInputs['decide'], t);
      if (!decided.ok) return decided;
      // 环境保护法 第五十九条 with 行政处罚法 第四十四条: the daily penalty itself goes through a case's penalty procedure.
      return checkDailyPenaltyCase({ originalCaseId: ctx.caseRef?.id ?? 0, enterpriseId: ctx.caseRef?.enterpriseId ?? 0, totalFen: computation.totalFen, endOn: computation.endOn }, ctx.linkedDecision ?? null);
    }
    case 'seizure': {
      const facts = { implementedOn: r.implementedOn, extensionDays: r.extension?.days ?? null, released: r.release !== null };
      if (event === 'extension') {
        const e = i as EventInputs['extension'];
        if (e.days === null || e.days === undefined) return refuse('EXTENSION_LENGTH_REQUIRED', CITE.seizurePeriod, 'days');
        return checkSeizureExtension(facts, { approvedOn: e.approvedOn, days: e.days }, t);
      }
      return checkSeizureRelease(facts, i as EventInputs['release'], t);
    }
    case 'production_restriction': {
      const facts = restrictionFacts(r);
      if (event === 'extension') {
        const e = i as EventInputs['extension'];
        if (e.months === null || e.months === undefined) return refuse('EXTENSION_LENGTH_REQUIRED', CITE.restrictionPeriod, 'months');
        return checkRestrictionExtension(facts, { approvedOn: e.approvedOn, months: e.months }, t);
      }
      if (event === 'plan') return checkRectificationPlan(facts, i as EventInputs['plan'], t);
      return checkLifting(facts, i as EventInputs['lifting'], t);
    }
    case 'detention_transfer': {
      const facts = { status: statusOf(r), decidedOn: r.decidedOn, transferDueOn: r.transferDueOn, transferredOn: r.transfer?.transferredOn ?? null };
      if (event === 'transfer') return checkDetentionHandover(facts, i as EventInputs['transfer'], t);
      const o = i as EventInputs['outcome'];
      if (!(DETENTION_OUTCOMES as readonly string[]).includes(o.outcome)) return refuse('OUTCOME_NOT_FOR_KIND', undefined, 'outcome');
      return checkDetentionOutcome(facts, { ...o, outcome: o.outcome as DetentionOutcome }, t);
    }
    case 'crime_transfer': {
      const facts = { status: statusOf(r), reportOn: r.reportOn, approvalDueOn: r.approvalDueOn, approvedOn: r.approval?.decidedOn ?? null, transferredOn: r.transfer?.transferredOn ?? null };
      if (event === 'approval') return checkCrimeApproval(facts, i as EventInputs['approval'], t);
      if (event === 'transfer') return checkCrimeHandover(facts, i as EventInputs['transfer'], t);
      const o = i as EventInputs['outcome'];
      if (!(CRIME_OUTCOMES as readonly string[]).includes(o.outcome)) return refuse('OUTCOME_NOT_FOR_KIND', undefined, 'outcome');
      return checkCrimeOutcome(facts, { outcome: o.outcome as CrimeOutcome, decidedOn: o.decidedOn }, t);
    }
  }
}

/** The record after a checked event. */
export function applyEvent<E extends MeasureEvent>(r: MeasureRecord, event: E, input: EventInputs[E], ctx: MeasureContext): MeasureRecord {
  const i = input as EventInputs[MeasureEvent];
  switch (r.kind) {
    case 'daily_penalty': {
      if (event === 'reinspection') {
        const x = i as EventInputs['reinspection'];
        return { ...r, reinspections: [...r.reinspections, {
          inspectedOn: x.inspectedOn, officerIds: [...new Set(x.officerIds)], finding: x.finding, note: x.note, ...(x.newOrder ? { newOrder: x.newOrder } : {}),
        }] };
      }
      const x = i as EventInputs['decide'];
      const fine = originalFine(ctx)!;
      const c = dailyPenaltyComputationOf(r, fine.fineFen);
      const linked = ctx.linkedDecision ?? null;
      return { ...r, decision: {
        decidedOn: linked?.decidedOn ?? x.decidedOn, decisionNumber: linked?.decisionNumber ?? x.decisionNumber, penaltyCaseId: linked?.caseId ?? null,
        originalFineFen: fine.fineFen, days: c.days, totalFen: c.totalFen!, startOn: c.startOn, endOn: c.endOn!, lines: c.lines,
      } };
    }
    case 'seizure': {
      if (event === 'extension') {
        const x = i as EventInputs['extension'];
        return { ...r, extension: { approvedOn: x.approvedOn, days: x.days!, reason: x.reason } } satisfies SeizureRecord;
      }
      const x = i as EventInputs['release'];
      return { ...r, release: { releasedOn: x.releasedOn, ground: x.ground, note: x.note } };
    }
    case 'production_restriction': {
      if (event === 'extension') {
        const x = i as EventInputs['extension'];
        return { ...r, extension: { approvedOn: x.approvedOn, months: x.months!, reason: x.reason } } satisfies RestrictionRecord;
      }
      if (event === 'plan') {
        const x = i as EventInputs['plan'];
        return { ...r, plan: { filedOn: x.filedOn, summary: x.summary } };
      }
      const x = i as EventInputs['lifting'];
      return { ...r, lifting: { liftedOn: x.liftedOn, note: x.note } };
    }
    case 'detention_transfer': {
      if (event === 'transfer') {
        const x = i as EventInputs['transfer'];
        return { ...r, transfer: { transferredOn: x.transferredOn, receivingOrgan: x.receivingOrgan, lateReason: x.lateReason?.trim() || null } } satisfies DetentionRecord;
      }
      const x = i as EventInputs['outcome'];
      return { ...r, outcome: { outcome: x.outcome as DetentionOutcome, decidedOn: x.decidedOn, detentionDays: x.detentionDays ?? null, note: x.note } };
    }
    case 'crime_transfer': {
      if (event === 'approval') {
        const x = i as EventInputs['approval'];
        return { ...r, approval: { decidedOn: x.decidedOn, approved: x.approved, reason: x.reason?.trim() || null, lateReason: x.lateReason?.trim() || null } } satisfies CrimeTransferRecord;
      }
      if (event === 'transfer') {
        const x = i as EventInputs['transfer'];
        return {
          ...r, transfer: {
            transferredOn: x.transferredOn, receivingOrgan: x.receivingOrgan, materials: x.materials ?? [], lateReason: x.lateReason?.trim() || null,
            policeReviewDueOn: policeReviewDueOn(ctx.cal, x.transferredOn),
          },
        };
      }
      const x = i as EventInputs['outcome'];
      const outcome = x.outcome as CrimeOutcome;
      return { ...r, outcome: { outcome, decidedOn: x.decidedOn, note: x.note, reconsiderationDueOn: outcome === 'not_filed' ? reconsiderationDueOn(ctx.cal, x.decidedOn) : null } };
    }
  }
}

export interface EventAvailability { event: MeasureEvent; allowed: boolean; code?: string; citation?: Refusal['citation'] }
type Refusal = Extract<Outcome, { ok: false }>;

/** The follow-up events this measure offers the user now, each with its gate: the UI shows exactly these. */
export function availableEvents(r: MeasureRecord, ctx: MeasureContext, can: { write: boolean; approve: boolean }): EventAvailability[] {
  return MEASURE_EVENTS.filter((e) => EVENTS_BY_KIND[r.kind].includes(e))
    .filter((e) => (APPROVAL_EVENTS.includes(e) ? can.approve : can.write))
    .map((event) => {
      const o = checkEventState(r, event, ctx);
      return o.ok ? { event, allowed: true } : { event, allowed: false, code: o.code, citation: o.citation };
    });
}

// ---------- creation ----------

export type CreateInput =
  | { kind: 'daily_penalty'; ground: DailyPenaltyRecord['ground']; violation: string; orderNumber: string; orderServedOn: string }
  | Omit<SeizureRecord, 'extension' | 'release'>
  | (Omit<RestrictionRecord, 'serviceDueOn' | 'planDueOn' | 'plan' | 'extension' | 'lifting' | 'decisionNumber' | 'decidedOn'> & { decisionNumber?: string | null; decidedOn?: string | null })
  | Omit<DetentionRecord, 'transferDueOn' | 'transfer' | 'outcome'>
  | Omit<CrimeTransferRecord, 'approvalDueOn' | 'approval' | 'transfer' | 'outcome'>;

/** A new measure's own dates and values; the case must not be archived. */
export function checkCreate(input: CreateInput, ctx: MeasureContext): Outcome {
  if (ctx.archived) return refuse('CASE_ARCHIVED');
  const t = ctx.todayOn;
  switch (input.kind) {
    case 'daily_penalty':
      return input.orderServedOn > t ? refuse('DATE_IN_FUTURE', undefined, 'orderServedOn') : allowed;
    case 'seizure':
      return checkSeizure(input, t);
    case 'production_restriction': {
      // 限制生产、停产整治办法 第五条 (restriction) and 第六条 (suspension) each list their own grounds.
      const grounds: readonly string[] = input.mode === 'restriction' ? RESTRICTION_GROUNDS : SUSPENSION_GROUNDS;
      if (!grounds.includes(input.ground)) return refuse('GROUND_NOT_FOR_MODE', input.mode === 'restriction' ? CITE.restrictionGrounds : CITE.suspensionGrounds, 'ground');
      // 行政处罚法 第九条 (四), 第四十四条, 第六十三条 (四): decided in the case through the penalty procedure.
      const inCase = checkRestrictionDecidedInCase(input.mode, caseDecisionFacts(ctx), input);
      if (!inCase.ok) return inCase;
      return checkRestriction({ decidedOn: ctx.caseDecision!.decidedOn, servedOn: input.servedOn }, t);
    }
    case 'detention_transfer':
    {
      const transfer = checkDetentionTransfer(ctx.caseDecision, input, t);
      return transfer.ok ? checkDetentionPriorOrder(input, t) : transfer;
    }
    case 'crime_transfer':
      return checkCrimeTransferReport(input, t);
  }
}

/** The record of a new measure, its deadlines computed on the official calendar. */
export function newRecord(input: CreateInput, ctx: MeasureContext): MeasureRecord {
  switch (input.kind) {
    case 'daily_penalty':
      return { ...input, reinspectionDueOn: ctx.cal.addDays(input.orderServedOn, REINSPECTION_WITHIN_DAYS), reinspections: [], decision: null };
    case 'seizure':
      return { ...input, extension: null, release: null };
    case 'production_restriction': {
      // The decision's number and date are the case decision's (checked in checkCreate).
      const decidedOn = ctx.caseDecision?.decidedOn ?? input.decidedOn!;
      const decisionNumber = ctx.caseDecision?.decisionNumber ?? input.decisionNumber!;
      return {
        ...input, decidedOn, decisionNumber, serviceDueOn: restrictionServiceDueOn(ctx.cal, decidedOn), planDueOn: rectificationPlanDueOn(ctx.cal, input.servedOn),
        plan: null, extension: null, lifting: null,
      };
    }
    case 'detention_transfer':
      return { ...input, transferDueOn: detentionTransferDueOn(ctx.cal, input.decidedOn), transfer: null, outcome: null };
    case 'crime_transfer':
      return { ...input, approvalDueOn: crimeApprovalDueOn(ctx.cal, input.reportOn), approval: null, transfer: null, outcome: null };
  }
}

/** The ground or situation that picks the item of the legal basis. */
export function groundOf(r: MeasureRecord): string | null {
  switch (r.kind) {
    case 'daily_penalty': case 'seizure': case 'production_restriction': return r.ground;
    case 'detention_transfer': return r.situation;
    case 'crime_transfer': return null;
  }
}

/** The outcome in a line for lists and statistics: the final status and the figure that goes with it. */
export function outcomeOf(r: MeasureRecord): null | { status: MeasureStatus; totalFen?: number; days?: number; detentionDays?: number; ground?: string } {
  if (!isFinal(r)) return null;
  const status = statusOf(r);
  switch (r.kind) {
    case 'daily_penalty': return { status, totalFen: r.decision!.totalFen, days: r.decision!.days };
    case 'seizure': return { status, ground: r.release!.ground };
    case 'production_restriction': return { status };
    case 'detention_transfer': return r.outcome!.detentionDays === null ? { status } : { status, detentionDays: r.outcome!.detentionDays };
    case 'crime_transfer': return { status };
  }
}
