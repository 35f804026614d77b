import { api, download } from '../app/api';

const enc = (v: number | string) => encodeURIComponent(String(v));

export type RequestStatus = 'awaiting_receipt' | 'received' | 'awaiting_correction' | 'replied' | 'abandoned';
export const REPLY_KINDS = [
  { kind: 'already_public', required: ['accessRoute'] },
  { kind: 'disclosed', required: ['provision'] },
  { kind: 'withheld', required: ['reason', 'legalBasis'] },
  { kind: 'not_exist', required: [] },
  { kind: 'not_responsible', required: ['reason'] },
  { kind: 'repeated', required: ['previousReply'] },
  { kind: 'special_law', required: ['legalBasis'] },
] as const;

export interface Clock { dueOn: string | null; provisional: boolean; provisionalYears: number[]; state: 'running' | 'awaiting_correction' | 'paused' }
export interface InfoRequest {
  id: number; number: string; channel: string; applicantKind: 'citizen' | 'organisation'; applicantName: string; phone: string; address: string | null; email: string | null;
  description: string; provisionForm: string; status: RequestStatus; receivedOn: string | null; correctionNoticeOn: string | null; correctionMatters: string | null;
  correctionDueOn?: string | null; abandonedOn?: string | null; deemedAbandoned?: boolean;
  correctedOn: string | null; extensionWorkingDays: number; extensionReason: string | null; pauses: { startOn: string; endOn: string | null; party: string }[];
  dueOn: string | null; dueProvisional: boolean; replyKind: string | null; replyContent: Record<string, string> | null; repliedOn: string | null;
  replyNumber: string | null; feeFen: number; clock: Clock | null; correctionNoticeDue: { dueOn: string } | null; consultationAnswerDue: { dueOn: string } | null;
  actions: string[]; overdue?: boolean;
}
export interface PublicStatus {
  number: string; status: RequestStatus; submittedOn: string; receivedOn: string | null; correctionNoticeOn: string | null; correctedOn: string | null;
  extended: boolean; dueOn: string | null; dueProvisional: boolean; repliedOn: string | null;
  correctionDueOn?: string | null; deemedAbandoned?: boolean; abandonedOn?: string | null;
}
export interface ErrorReport {
  id: number; ticket: string; recordKind: string; recordId: string; description: string; contact: string | null; receivedOn: string; dueOn: string;
  dueProvisional: boolean; status: 'open' | 'corrected' | 'rejected'; answer: string | null; answeredOn: string | null; overdue?: boolean;
  correction?: RecordChange | null;
}
/** What a correction changed in the published record. */
export interface RecordChange { field: string; from: string; to: string }
export interface PublicErrorStatus { ticket: string; recordKind: string; recordId: string; status: ErrorReport['status']; receivedOn: string; dueOn: string; dueProvisional: boolean; answeredOn: string | null; answer: string | null; correction?: RecordChange | null }
export interface AnnualTable {
  year: number; dueOn: string; carriedOver: number; received: { citizen: number; organisation: number; total: number };
  replied: Record<string, number>; carriedForward: number; feeFen: number;
}
export interface ApplicantInput {
  applicantKind: 'citizen' | 'organisation'; applicantName: string; idNumber: string; phone: string; address?: string | null; email?: string | null;
  description: string; provisionForm: 'paper' | 'electronic' | 'inspection';
}

export const publicApi = {
  submit: (body: ApplicantInput) => api<{ number: string; status: RequestStatus; submittedOn: string }>('/public/info-requests', { method: 'POST', body, skipAuthRedirect: true }),
  status: (number: string, signal?: AbortSignal) => api<PublicStatus>(`/public/info-requests/${enc(number)}`, { signal, skipAuthRedirect: true }),
  kinds: (signal?: AbortSignal) => api<{ items: { kind: string; label: string }[] }>('/public/error-reports/kinds', { signal, skipAuthRedirect: true }),
  report: (body: { recordKind: string; recordId: string; description: string; contact?: string | null }) =>
    api<{ ticket: string }>('/public/error-reports', { method: 'POST', body, skipAuthRedirect: true }),
  reportStatus: (ticket: string, signal?: AbortSignal) => api<PublicErrorStatus>(`/public/error-reports/${enc(ticket)}`, { signal, skipAuthRedirect: true }),
};

export const infoRequestApi = {
  list: (signal?: AbortSignal) => api<{ items: InfoRequest[] }>('/info-requests', { signal }),
  detail: (id: number | string, signal?: AbortSignal) => api<InfoRequest>(`/info-requests/${enc(id)}`, { signal }),
  register: (body: object) => api<InfoRequest>('/info-requests', { method: 'POST', body }),
  step: (id: number | string, path: string, body: object) => api<InfoRequest>(`/info-requests/${enc(id)}/${path}`, { method: 'POST', body }),
  document: (id: number | string) => download(`/info-requests/${enc(id)}/reply-document`, undefined, 'reply.docx'),
  annual: (year: number, signal?: AbortSignal) => api<AnnualTable>('/info-requests/annual-report', { query: { year }, signal }),
  exportAnnual: (year: number) => download('/info-requests/annual-report/export', { year }, `info-requests-${year}.xlsx`),
  errorReports: (signal?: AbortSignal) => api<{ items: ErrorReport[] }>('/info-requests/error-reports', { signal }),
  answer: (id: number, body: { outcome: 'corrected' | 'rejected'; note: string; correction?: { field: string; value: string } }) => api<ErrorReport>(`/info-requests/error-reports/${enc(id)}/answer`, { method: 'POST', body }),
};
