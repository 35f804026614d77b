export interface ChecklistItem { code: string; text: string }
export type TargetInput = { id?: number; kind: 'enterprise'; enterpriseId: number } | { id?: number; kind: 'water_site'; waterSiteId: number }
  | { id?: number; kind: 'river'; riverName: string; surveyedKm?: number | null } | { id?: number; kind: 'site'; siteName: string; longitude: number; latitude: number };

/** What a campaign is, as the year-end report counts it (src/campaigns/rules.ts CAMPAIGN_KINDS). */
export const CAMPAIGN_KINDS = ['vocs', 'dust', 'boiler', 'river', 'soil_survey', 'soil_key_unit', 'soil_pilot_construction', 'soil_pilot_farmland', 'soil_plot', 'joint', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** What the water-quality registry offers as targets: its sections and the rivers they lie on. */
export interface RegistryTargets { waterSites: { id: number; code: string; name: string; waterName: string | null; districtId: number }[]; rivers: string[] }

export interface CampaignInput {
  name: string; kind?: CampaignKind | null; legalBasis: string; startsOn: string; endsOn: string; districtIds: number[];
  checklist: ChecklistItem[]; targets: TargetInput[]; reason?: string | null;
}

export interface Campaign {
  id: number; name: string; kind: CampaignKind | null; legalBasis: string; startsOn: string; endsOn: string; districtIds: number[];
  checklist: ChecklistItem[]; version: number; createdAt: string; updatedAt: string;
}

export interface CampaignListItem extends Campaign { targetCount: number; problemCount: number; openCount: number }

export interface Target {
  id: number; kind: 'enterprise' | 'water_site' | 'river' | 'site'; enterpriseId: number | null; enterpriseName: string | null;
  waterSiteId: number | null; waterSiteName: string | null; riverName: string | null; surveyedKm: number | null;
  siteName: string | null; longitude: number | null; latitude: number | null; name: string; inspected: boolean;
}

export interface Inspection {
  id: number; targetId: number; targetName: string; inspectedOn: string; officerIds: number[]; officerNames: string[];
  results: { code: string; text: string; result: 'ok' | 'problem'; note: string | null }[];
  /** 联合执法: officers of two or more units; 跨区联合: of two or more districts. `null` unit: the city bureau. */
  joint: boolean; crossDistrict: boolean; participantUnits: (string | null)[];
}

export type ItemStatus = 'open' | 'completed' | 'verified';
export interface RectificationItem {
  id: number; targetId: number; targetName: string; checklistCode: string; problem: string; ownerKind: 'district' | 'enterprise'; ownerName: string;
  districtName: string; workingDays: number; deadlineOn: string; deadlineProvisional: boolean; status: ItemStatus; overdue: boolean;
  completionText: string | null; completedOn: string | null; leadId: number | null;
  order: { number: string; issuedOn: string } | null;
  actions: { complete: boolean; verify: boolean; escalate: boolean; lead: boolean };
}

export interface Figures { targets: number; inspected: number; problems: number; orders: number; fixed: number; verified: number; jointOperations: number }

export interface CampaignDetail {
  campaign: Campaign & { districts: { id: number; name: string }[] };
  targets: Target[]; inspections: Inspection[]; items: RectificationItem[]; figures: Figures;
  canManage: boolean; canInspect: boolean; todayOn: string;
}

export interface InspectionInput {
  targetId: number; inspectedOn: string; officerIds: number[];
  results: { code: string; result: 'ok' | 'problem'; note?: string | null }[];
  workingDays?: number; ownerDistrictId?: number | null;
}

export type ReportStatus = 'on_track' | 'delayed' | 'completed';
export type ReportState = 'reported' | 'reported_late' | 'late' | 'pending';

export interface AnnualTask {
  id: number; year: number; title: string; content: string; leadDepartmentId: number; coDepartmentIds: number[]; dueOn: string; firstMonth: string;
  /** Optimistic locking: sent back with an edit. */
  version: number;
  leadDepartmentName: string; coDepartmentNames: string[];
}
export interface AnnualTaskListItem extends AnnualTask { completed: boolean; completedOn: string | null; onTime: boolean; lateReports: number; reportCount: number }
export interface AnnualTaskInput { year: number; title: string; content: string; leadDepartmentId: number; coDepartmentIds: number[]; dueOn: string }

export interface AnnualReport {
  id: number; departmentId: number; departmentName: string; month: string; progress: string; percent: number | null; status: ReportStatus;
  attachments: string[]; reportedOn: string; dueOn: string; state: ReportState;
}
export interface AnnualTaskDetail {
  task: AnnualTask; outcome: { completed: boolean; completedOn: string | null; onTime: boolean };
  reports: AnnualReport[];
  departments: { id: number; name: string; lead: boolean; months: { month: string; dueOn: string; state: ReportState }[] }[];
  reportableDepartmentIds: number[]; todayOn: string; currentMonth: string;
}
export interface ReportInput { departmentId: number; month: string; progress: string; percent: number | null; status: ReportStatus; attachments: string[] }

export interface DispatchRow {
  taskId: number; title: string; departmentId: number; departmentName: string; lead: boolean; state: ReportState | 'not_required';
  report: { id: number; progress: string; percent: number | null; status: ReportStatus; reportedOn: string } | null;
}
export interface Dispatch { month: string; dueOn: string; todayOn: string; rows: DispatchRow[]; totals: { reported: number; late: number; missing: number; pending: number } }

export interface YearFigures {
  year: number; asOfOn: string;
  campaigns: ({ id: number; name: string; startsOn: string; endsOn: string } & Figures)[];
  totals: Figures;
  annualTasks: { count: number; completed: number; onTime: number; reportsFiled: number; lateReports: number };
  jointOperations: { joint: number; crossDistrict: number };
}
