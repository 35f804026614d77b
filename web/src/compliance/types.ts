export type CellStatus = 'none' | 'compliant' | 'violation' | 'formal_action' | 'serious';
export interface GridCell {
  quarter: string; startOn: string; endOn: string; status: CellStatus;
  inspections: number; violations: number; casesFiled: number; penalties: number; penaltyFen: number; exceedanceEvents: number; rectificationOverdue: number;
}
export interface Grid { todayOn: string; legend: { status: CellStatus }[]; thresholds: { seriousFineFen: number; seriousExceedanceEvents: number }; quarters: GridCell[] }
export interface EnterpriseCompliance extends Grid {
  enterprise: { id: number; name: string; creditCode: string; industryCode: string; districtId: number; districtName: string };
  permits: { number: string; managementClass: string; status: string; validFrom: string; validTo: string | null; endedOn: string | null }[];
  positiveList: { listed: boolean; since: string | null };
}
export interface DistrictCompliance extends Grid { district: { id: number; name: string }; enterpriseCount: number }
export interface WatchViolation {
  kind: 'exceedance_days' | 'lead_source' | 'daily_penalty'; startOn: string; onOn: string; dueOn: string; daysSince: number; state: 'pending' | 'listed';
  days?: number; source?: string; reason?: string | null;
}
export interface WatchItem { enterpriseId: number; name: string; creditCode: string; districtName: string; listed: boolean; violations: WatchViolation[] }
export interface WatchList { todayOn: string; publicView: boolean; rules: { formalActionDays: number; exceedanceDays: number; exceedanceWindowDays: number; leadSources: string[] }; items: WatchItem[] }
export interface PublicWatchItem {
  enterpriseId: number; name: string; creditCode: string; districtName: string;
  violations: { kind: WatchViolation['kind']; onOn: string; dueOn: string; daysSince: number; days: number | null; source: string | null }[];
}
export type PublicWatchList = { published: false; todayOn: string; items: [] } | { published: true; todayOn: string; formalActionDays: number; items: PublicWatchItem[] };
