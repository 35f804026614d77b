// Words of the EIA approval (环评审批) capability.

/** 环境影响评价法 第十六条: 环境影响报告书 / 报告表 / 登记表. */
export type EiaCategory = 'report' | 'form' | 'registration';
/** New project; re-approval after a major change; 5-year re-check (环境影响评价法 第二十四条). */
export type ApplicationKind = 'new' | 'major-change' | 'recheck';
export type ApplicationStatus =
  | 'received' | 'correction-requested' | 'accepted' | 'filed' | 'approved' | 'refused' | 'verified' | 'revoked';
/** Periods not counted (行政许可法 第四十五条): expert review, technical assessment, hearing, publicity. */
export type PauseKind = 'expert-review' | 'technical-assessment' | 'hearing' | 'publicity';
export interface Pause { kind: PauseKind; startOn: string; endOn: string | null; noticeOn: string }
export interface ToleratedItem { code: string; commitment: string; supplyByOn: string; suppliedOn: string | null }
