export type ManagementClass = 'key' | 'simplified' | 'registration';
export type RenewalState = 'none' | 'upcoming' | 'due' | 'late' | 'expired';
export type ReportKind = 'annual' | 'quarterly' | 'monthly';
export type ReportState = 'submitted' | 'submitted_late' | 'pending' | 'overdue';

export interface Permit {
  id: number; enterpriseId: number; enterpriseName: string; managementClass: ManagementClass; number: string;
  issuedOn: string; validFrom: string; validTo: string | null; status: 'active' | 'superseded' | 'revoked' | 'cancelled';
  reportKinds: ReportKind[]; endedOn: string | null; endGround: string | null; endReason: string | null; isPermit: boolean; validNow: boolean; renewalDueOn: string | null; renewalState: RenewalState;
}

export interface Application {
  id: number; enterpriseId: number; enterpriseName?: string; kind: 'new' | 'renewal' | 'change'; managementClass: ManagementClass;
  permitId: number | null; onSiteCheck: boolean; receivedOn: string; noticeDueOn: string; noticedOn: string | null; missingMaterials: string | null;
  acceptedOn: string | null; deemedAccepted: boolean; decisionDueOn: string | null; provisional: boolean;
  status: 'received' | 'incomplete' | 'accepted' | 'approved' | 'refused'; late: boolean; decidedOn: string | null; reasons: string | null;
  proposedNumber: string | null; deemedAcceptedNow: boolean; overdue: boolean; noticeOverdue: boolean;
}

export interface ReportRow { kind: ReportKind; period: string; startsOn: string; endsOn: string; dueOn: string; permitId: number; submittedOn: string | null; state: ReportState; number?: string; enterpriseName?: string }

export interface Board { todayOn: string; permits: Permit[]; applications: Application[]; overdueReports: ReportRow[]; canManage: boolean; canDecide: boolean; canApply: boolean }

export interface PermitLimit { id: number; pollutant: string; concentration: number | null; concentrationUnit: string | null; period: 'hour' | 'day'; annualTotal: number | null; annualTotalUnit: 'kg' | 't' | null }
export interface PermitOutfall { id: number; outfallId: number; code: string; name: string; kind: 'water' | 'air'; location: string; limits: PermitLimit[] }

export interface PermitDetail {
  permit: Permit; outfalls: PermitOutfall[]; reports: ReportRow[]; applications: Application[];
  actions: { renew: boolean; change: boolean; report: boolean; revoke: boolean; cancel: boolean };
  endGrounds: Record<EndAction, EndGround[]>;
}

export interface ApplicationInput {
  enterpriseId: number; kind: 'new' | 'renewal' | 'change'; managementClass: ManagementClass; permitId?: number | null;
  onSiteCheck?: boolean; proposedNumber?: string | null; changeSummary?: string | null; changedOn?: string | null; outfalls?: ProposedOutfall[];
}

export interface ProposedOutfall {
  outfallId: number; location: string;
  limits: { pollutant: string; concentration: number | null; concentrationUnit: string | null; period: 'hour' | 'day'; annualTotal: number | null; annualTotalUnit: 'kg' | 't' | null }[];
}
export type EndAction = 'revoke' | 'cancel';
export interface EndGround { code: string; citation: { law: string; article: string; paragraph?: string; item?: string }; text: string }
