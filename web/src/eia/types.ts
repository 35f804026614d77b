import type { SiteCheck, SiteGeometry } from '../zoning';

export type EiaCategory = 'report' | 'form' | 'registration';
export type ApplicationKind = 'new' | 'major-change' | 'recheck';
export type ApplicationStatus = 'received' | 'correction-requested' | 'accepted' | 'filed' | 'approved' | 'refused' | 'verified' | 'revoked';
export type PauseKind = 'expert-review' | 'technical-assessment' | 'hearing' | 'publicity';
export type ClockState = 'running' | 'paused' | 'due-soon' | 'overdue' | 'decided';

export interface Citation { law: string; article: string; paragraph?: string; item?: string }
export interface DecisionClock {
  statutoryDays: number; statutoryDueOn: string; statutoryCitation: Citation; promisedWorkingDays: number | null; promisedDueOn: string | null;
  workingDaysUsed: number; workingDaysLeftToPromise: number | null; calendarDaysLeftToStatutory: number; pausedDays: number; state: ClockState;
  /** 暂定: read on the provisional calendar of a year not yet published. */
  provisional: boolean; provisionalYears: number[];
}
export interface Clock { intake: { noticeDueOn: string; deemedAccepted: boolean } | null; decision: DecisionClock | null }

export interface ApplicationListItem {
  id: number; kind: ApplicationKind; projectName: string; category: EiaCategory; status: ApplicationStatus; receivedOn: string; acceptedOn: string | null;
  decidedOn: string | null; decision: string | null; documentNumber: string | null; siteVerdict: SiteCheck['verdict'] | null; commitmentPath: boolean;
  enterpriseName: string; clock: Clock;
}

export interface ToleratedItem { code: string; commitment: string; supplyByOn: string; suppliedOn: string | null }
export interface Pause { id: number; kind: PauseKind; startOn: string; endOn: string | null; noticeOn: string; note: string | null }
export interface Notice { id: number; number: string; issuedOn: string; missing: { code: string; name: string }[] }
export interface ActionState { name: string; allowed: boolean; refusal?: { code: string; citation?: Citation } }

export interface ApplicationDetail {
  id: number; kind: ApplicationKind; projectName: string; siteAddress: string; site: SiteGeometry; industryCode: string; investmentFen: number;
  catalogueItem: number; category: EiaCategory; status: ApplicationStatus; receivedOn: string; acceptedOn: string | null; deemedAccepted: boolean;
  acceptancePublicityEndsOn: string | null; approvalPublicityStartOn: string | null; approvalPublicityEndsOn: string | null;
  hearingNoticeOn: string | null; hearingRequestDueOn: string | null; hearingRequestedOn: string | null; sensitiveArea: boolean; siteCheck: SiteCheck | null; decision: string | null; decidedOn: string | null; documentNumber: string | null;
  decisionGrounds: string[] | null; verificationDueOn: string | null; commitmentPath: boolean; tolerated: ToleratedItem[]; enterpriseName: string;
  catalogueEntry: { item: number; division: string; description: string } | null;
  materials: { code: string; name: string; tolerable: boolean; supplied: boolean; tolerated: ToleratedItem | null }[];
  pauses: Pause[]; notices: Notice[]; clock: Clock; actions: ActionState[]; todayOn: string;
}

export interface CatalogueEntry {
  item: number; division: string; description: string; industryCodes: string[];
  tiers: { category: EiaCategory; condition: { when: string; process?: string; value?: number; unit?: string }; text: string }[];
}
export interface CatalogueData {
  catalogue: { version: string; title: string; entries: CatalogueEntry[] };
  materials: Record<EiaCategory, { code: string; name: string; tolerable: boolean }[]>;
  refusalGrounds: { code: string; item: string; text: string }[];
  commitmentCategories: EiaCategory[];
}

export interface ApplicationInput {
  kind: ApplicationKind; enterpriseId?: number | null; projectName: string; siteAddress: string; site: SiteGeometry; industryCode: string;
  investmentFen: number; catalogueItem: number; sensitiveArea: boolean; processes: string[]; scale: number | null; category: EiaCategory;
  priorApprovalNumber?: string | null; supplied: string[]; tolerated: { code: string; commitment: string; supplyByOn: string }[]; commitmentPath: boolean;
}

export interface Board {
  items: ApplicationListItem[]; dueSoon: number[]; overdue: number[];
  awaitingIntake: { id: number; noticeDueOn: string; deemedAccepted: boolean }[];
  averages: { category: 'report' | 'form'; decided: number; averageWorkingDays: number | null; averageCalendarDays: number | null; statutoryDays: number; promisedWorkingDays: number }[];
}
