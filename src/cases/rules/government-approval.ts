// 环境保护法 第六十条: 超标或者超总量排放的，可以责令其采取限制生产、停产整治等措施；情节严重的，报经有批准权
// 的人民政府批准，责令停业、关闭。排污许可管理条例 第三十三条, 第三十四条 (read in the brief; text not
// re-read here, unconfirmed): the same "报经有批准权的人民政府批准，责令停业、关闭". The bureau decides
// 限制生产 and 停产整治 itself; 责令关闭 (and 停业) only with the government's approval on record.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import type { PenaltyKind } from './penalties.js';

export const EPL_60: Citation = { law: '环境保护法', article: '第六十条' };

export interface GovernmentApproval { approver: string; documentNumber: string; approvedOn: string }

/** Penalty kinds that need the approving people's government: 责令关闭 (停业 recorded with it). */
export const NEEDS_GOVERNMENT_APPROVAL: readonly PenaltyKind[] = ['closure'];

/** 环境保护法 第六十条: a closure names the approving government, its document number and date, on or before the decision. */
export function checkGovernmentApproval(f: { penaltyKinds: readonly PenaltyKind[]; approval: GovernmentApproval | null | undefined; decidedOn: string }): Outcome {
  if (!f.penaltyKinds.some((k) => NEEDS_GOVERNMENT_APPROVAL.includes(k))) return allowed;
  const a = f.approval;
  if (!a) return refuse('GOVERNMENT_APPROVAL_REQUIRED', EPL_60, 'governmentApproval');
  if (!a.approver.trim()) return refuse('GOVERNMENT_APPROVAL_REQUIRED', EPL_60, 'governmentApproval.approver');
  if (!a.documentNumber.trim()) return refuse('GOVERNMENT_APPROVAL_REQUIRED', EPL_60, 'governmentApproval.documentNumber');
  if (!a.approver.includes('人民政府')) return refuse('GOVERNMENT_APPROVAL_NOT_BY_GOVERNMENT', EPL_60, 'governmentApproval.approver');
  if (a.approvedOn > f.decidedOn) return refuse('GOVERNMENT_APPROVAL_AFTER_DECISION', EPL_60, 'governmentApproval.approvedOn');
  return allowed;
}
