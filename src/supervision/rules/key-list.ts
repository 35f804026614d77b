// 重点执法监管名单: the seed lists the reasons an enterprise is put under key enforcement supervision —
// complaints (信访投诉), online-monitoring exceedances (在线监测超标), unfinished rectification (整改不到位)
// and bad credit records (信用不良). Electricity-control violations are added as exceedance-like evidence.
import type { CreditRating } from '../../enterprises/index.js';

export type KeyListReasonCode = 'complaint' | 'exceedance' | 'electricity' | 'rectification_overdue' | 'bad_credit';
export interface KeyListReason { code: KeyListReasonCode; detail: string }

export interface KeyListFacts {
  /** Only substantiated (属实) complaints count: a pending or unsubstantiated one is no finding against the enterprise. */
  substantiatedComplaints12m: number;
  exceedanceEvents12m: number;
  electricityEvents12m: number;
  overdueRectifications: number;
  creditRating: CreditRating | null;
}

/**
 * The reasons that put an enterprise on the list now (empty: it is not, or no longer, on it).
 * 信访投诉 counts only when substantiated (属实), as the positive-list admission rule does
 * (noSubstantiatedComplaint12m): a complaint closed as unsubstantiated neither lists the enterprise nor,
 * through the list, removes it from the positive list.
 */
export function computeKeyListReasons(f: KeyListFacts): KeyListReason[] {
  const reasons: KeyListReason[] = [];
  if (f.substantiatedComplaints12m > 0) reasons.push({ code: 'complaint', detail: `${f.substantiatedComplaints12m}` });
  if (f.exceedanceEvents12m > 0) reasons.push({ code: 'exceedance', detail: `${f.exceedanceEvents12m}` });
  if (f.electricityEvents12m > 0) reasons.push({ code: 'electricity', detail: `${f.electricityEvents12m}` });
  if (f.overdueRectifications > 0) reasons.push({ code: 'rectification_overdue', detail: `${f.overdueRectifications}` });
  if (f.creditRating === 'red' || f.creditRating === 'black') reasons.push({ code: 'bad_credit', detail: f.creditRating });
  return reasons;
}

export const sameReasons = (a: KeyListReason[], b: KeyListReason[]) =>
  a.length === b.length && a.every((r, i) => r.code === b[i]!.code && r.detail === b[i]!.detail);
