export interface PublicRecord {
  partyName: string; partyKind: 'organisation' | 'individual'; creditCode: string | null; decisionNumber: string;
  violation: string; facts: string; basis: string; penaltyKinds: string[]; penaltyContent: string; fineFen: number;
  decidedOn: string; agency: string; districtName: string;
}
export interface PublicDecision {
  id: number; status: 'published' | 'withdrawn'; decisionNumber: string; partyName: string; districtId: number; districtName: string;
  enterpriseId: number | null; decidedOn: string; year: number; publishedOn: string; withdrawnOn: string | null; withdrawalReason: string | null;
  record: PublicRecord | null;
  /** 已更正: corrections after data-error reports. */
  corrections: PublicCorrection[];
}
export interface PublicCorrection { field: string; from: string; to: string; correctedOn: string; ticket: string; note: string }
export interface PublicList { total: number; page: number; pageSize: number; items: PublicDecision[] }
export interface PublicEnterprise { id: number; name: string; creditCode: string; districtId: number; districtName: string; decisions: PublicDecision[] }
export interface Citation { law: string; article: string; paragraph?: string }
export interface DueItem {
  caseId: number; number: string; decisionNumber: string | null; decidedOn: string; districtName: string; enterpriseName: string; fineFen: number | null;
  dueOn: string; provisional: boolean; overdue: boolean; citation: Citation;
}
export interface WithdrawalItem {
  publicationId: number; caseId: number; decisionNumber: string; partyName: string; districtName: string; changedOn: string; dueOn: string;
  provisional: boolean; overdue: boolean; citation: Citation;
}
export interface Queue {
  todayOn: string; publicationWorkingDays: number; due: DueItem[]; withdrawals: WithdrawalItem[];
  published: (PublicDecision & { actions: string[] })[];
}
export interface Preview { record: PublicRecord; dueOn: string; provisional: boolean }
