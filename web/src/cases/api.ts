import { api } from '../app/api';
import type {
  ActionBody, CaseActionName, CaseDetail, CaseDocument, CaseStage, CaseSummary, DeadlineBoard, FilingInput, Lead, LeadInput, LeadStatus, Meeting,
  MeetingInput, PageOf, ReviewerRatio, StaffMember,
} from './types';

export interface CaseFilters {
  stage?: CaseStage;
  districtId?: number;
  officerId?: number;
  overdue?: boolean;
  q?: string;
}

const id = (v: number | string) => encodeURIComponent(String(v));

export const caseApi = {
  list(f: CaseFilters, page: number, pageSize: number, signal?: AbortSignal) {
    // totalCapped: more than `total` (1000) match; page numbers reach that far (the API's nextCursor goes on).
    return api<PageOf<CaseSummary> & { totalCapped: boolean; nextCursor: string | null }>('/cases', {
      query: { stage: f.stage, districtId: f.districtId, officerId: f.officerId, overdue: f.overdue ? 'true' : undefined, q: f.q?.trim() || undefined, page, pageSize },
      signal,
    });
  },
  get(caseId: number | string, signal?: AbortSignal) {
    return api<CaseDetail>(`/cases/${id(caseId)}`, { signal });
  },
  /** POST /api/cases/:id/<action-with-dashes>: every step answers with the case as it now stands. */
  act<A extends CaseActionName>(caseId: number, action: A, body: ActionBody<A>) {
    return api<CaseDetail>(`/cases/${id(caseId)}/${action.replaceAll('_', '-')}`, { method: 'POST', body });
  },
  documents(caseId: number, signal?: AbortSignal) {
    return api<{ items: CaseDocument[] }>(`/cases/${id(caseId)}/documents`, { signal });
  },
  leads(status: LeadStatus | undefined, page: number, pageSize: number, signal?: AbortSignal) {
    return api<PageOf<Lead>>('/leads', { query: { status, page, pageSize }, signal });
  },
  registerLead(input: LeadInput) {
    return api<Lead>('/leads', { method: 'POST', body: input });
  },
  fileLead(leadId: number, input: FilingInput) {
    return api<CaseDetail>(`/leads/${id(leadId)}/file`, { method: 'POST', body: input });
  },
  /** The head's approved extension of the filing window (生态环境行政处罚办法). */
  extendFiling(leadId: number, body: { approvedOn: string; days: number; reason: string }) {
    return api<Lead>(`/leads/${id(leadId)}/filing-extension`, { method: 'POST', body });
  },
  dismissLead(leadId: number, reason: string) {
    return api<{ id: number }>(`/leads/${id(leadId)}/dismiss`, { method: 'POST', body: { reason } });
  },
  deadlines(signal?: AbortSignal) {
    return api<DeadlineBoard>('/cases/deadlines', { signal });
  },
  reviewerRatio(signal?: AbortSignal) {
    return api<ReviewerRatio>('/cases/reviewer-ratio', { signal });
  },
  meetings(signal?: AbortSignal) {
    return api<{ items: Meeting[] }>('/committee/meetings', { signal });
  },
  /** The bureau's standing committee chair and usual rooms (settings), what new meetings and hearings start from. */
  procedureDefaults(signal?: AbortSignal) {
    return api<ProcedureDefaults>('/cases/procedure-defaults', { signal });
  },
  createMeeting(input: MeetingInput) {
    return api<Meeting>('/committee/meetings', { method: 'POST', body: input });
  },
};

let directoryPromise: Promise<StaffMember[]> | null = null;

/** Active staff (all roles), for pickers and for names; fetched once per page load, dropped on failure. */
export function loadDirectory(fresh = false): Promise<StaffMember[]> {
  if (!directoryPromise || fresh) {
    directoryPromise = api<{ items: StaffMember[] }>('/users/directory')
      .then((r) => r.items)
      .catch((e: unknown) => {
        directoryPromise = null;
        throw e;
      });
  }
  return directoryPromise;
}

export interface ProcedureDefaults { committeeChairId: number | null; meetingRoom: string | null; hearingRoom: string | null }
