// 移送公安机关行政拘留: 环境保护法 第六十三条 with 《行政主管部门移送适用行政拘留环境违法案件暂行办法》
// (公治〔2014〕853号).
//
// Read: 第六十三条 lists four situations (一)–(四); the directly responsible managers and other directly
// responsible persons are detained for 10–15 days, or 5–10 days where the circumstances are minor.
// 暂行办法 第二条: it applies to cases that do not constitute a crime and that still need detention
// after the administrative penalty decision has been made, so the transfer follows the decision.
// The transferring department sends the transfer letter and the case materials to the police of the
// same level within 3 days of deciding to transfer (暂行办法; the article number was not read, so the
// citation names the rule). "3日" is counted as natural days, a last day on a rest day moving to the next
// working day, like the case procedure's natural-day periods; a late transfer is recorded with its reason.
import { allowed, refuse, type Outcome } from '../../law/outcome.js';
import { CITE } from './citations.js';
import type { MeasureCalendar } from './periods.js';
import type { DetentionSituation } from './kinds.js';

export const DETENTION_TRANSFER_DAYS = 3;
/** 环境保护法 第六十三条: 五日以上十日以下 (minor) … 十日以上十五日以下. */
export const DETENTION_MIN_DAYS = 5;
export const DETENTION_MAX_DAYS = 15;

export const DETENTION_OUTCOMES = ['accepted', 'not_accepted', 'detained', 'not_detained'] as const;
export type DetentionOutcome = (typeof DETENTION_OUTCOMES)[number];

export function detentionTransferDueOn(cal: MeasureCalendar, decidedOn: string): string {
  return cal.addDays(decidedOn, DETENTION_TRANSFER_DAYS);
}

/** The decision to transfer: only after the case's penalty decision (暂行办法 第二条). */
export function checkDetentionTransfer(
  caseDecision: null | { kind: string; decidedOn: string }, input: { decidedOn: string }, todayOn: string,
): Outcome {
  if (!caseDecision || caseDecision.kind !== 'penalty') return refuse('DETENTION_TRANSFER_NEEDS_PENALTY_DECISION', CITE.detentionAfterPenalty);
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (input.decidedOn < caseDecision.decidedOn) return refuse('DETENTION_TRANSFER_BEFORE_PENALTY_DECISION', CITE.detentionAfterPenalty, 'decidedOn');
  return allowed;
}

/**
 * 环境保护法 第六十三条 (一) 未批先建 被责令停止建设，拒不执行; (二) 无证排污 被责令停止排污，拒不执行; (四) 生产、使用国家明令
 * 禁止的农药 被责令改正，拒不改正: the detention rests on an earlier order and the party's refusal, both on record.
 * (三) (evading supervision) needs no earlier order.
 */
export const PRIOR_ORDER_SITUATIONS: readonly DetentionSituation[] = ['no_eia_refusing_stop', 'no_permit_refusing_stop', 'banned_pesticide_refusing_correction'];

export interface PriorOrder {
  /** The order's document number (责令停止建设/停止排污/改正决定书). */
  number: string;
  servedOn: string;
  /** How the party refused, and when that was found. */
  refusal: string;
  refusalFoundOn: string;
}

export function checkDetentionPriorOrder(input: { situation: DetentionSituation; priorOrder?: PriorOrder | null; decidedOn: string }, todayOn: string): Outcome {
  if (!PRIOR_ORDER_SITUATIONS.includes(input.situation)) return allowed;
  const o = input.priorOrder;
  if (!o || !o.number.trim() || !o.refusal.trim()) return refuse('PRIOR_ORDER_REQUIRED', CITE.detention, 'priorOrder');
  if (o.servedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'priorOrder.servedOn');
  if (o.refusalFoundOn < o.servedOn) return refuse('DATE_BEFORE_MEASURE', CITE.detention, 'priorOrder.refusalFoundOn');
  if (o.refusalFoundOn > input.decidedOn) return refuse('DATE_IN_FUTURE', CITE.detention, 'priorOrder.refusalFoundOn');
  return allowed;
}

export interface DetentionFacts { status: string; decidedOn: string; transferDueOn: string; transferredOn: string | null }

/** Handing the case to the police, within 3 days of the decision or with the reason for the delay. */
export function checkDetentionHandover(f: DetentionFacts, input: { transferredOn: string; lateReason?: string | null }, todayOn: string): Outcome {
  if (f.status !== 'transfer_decided') return refuse('MEASURE_STEP_NOT_ALLOWED');
  if (input.transferredOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'transferredOn');
  if (input.transferredOn < f.decidedOn) return refuse('DATE_BEFORE_MEASURE', undefined, 'transferredOn');
  if (input.transferredOn > f.transferDueOn && !input.lateReason?.trim()) return refuse('TRANSFER_LATE_REASON_REQUIRED', CITE.detentionTransferPeriod, 'lateReason');
  return allowed;
}

/** What the police decided: accepted first or directly decided; detention within 5–15 days (第六十三条). */
export function checkDetentionOutcome(
  f: DetentionFacts, input: { outcome: DetentionOutcome; decidedOn: string; detentionDays?: number | null }, todayOn: string,
): Outcome {
  const from: Record<DetentionOutcome, string[]> = {
    accepted: ['transferred'], not_accepted: ['transferred'], detained: ['transferred', 'accepted'], not_detained: ['transferred', 'accepted'],
  };
  if (!from[input.outcome].includes(f.status)) return refuse('MEASURE_STEP_NOT_ALLOWED');
  if (input.decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (f.transferredOn && input.decidedOn < f.transferredOn) return refuse('DATE_BEFORE_TRANSFER', undefined, 'decidedOn');
  if (input.outcome === 'detained') {
    const days = input.detentionDays;
    if (days === null || days === undefined || days < DETENTION_MIN_DAYS || days > DETENTION_MAX_DAYS) {
      return refuse('DETENTION_DAYS_OUT_OF_RANGE', CITE.detention, 'detentionDays');
    }
  } else if (input.detentionDays !== null && input.detentionDays !== undefined) {
    return refuse('DETENTION_DAYS_WITHOUT_DETENTION', undefined, 'detentionDays');
  }
  return allowed;
}
