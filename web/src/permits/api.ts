import { api } from '../app/api';
import type { Application, ApplicationInput, Board, EndAction, PermitDetail, ReportKind } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const permitApi = {
  board: (enterpriseId?: number, signal?: AbortSignal) => api<Board>('/permits', { query: enterpriseId ? { enterpriseId } : undefined, signal }),
  detail: (permitId: number | string, signal?: AbortSignal) => api<PermitDetail>(`/permits/${id(permitId)}`, { signal }),
  apply: (body: ApplicationInput) => api<Application>('/permit-applications', { method: 'POST', body }),
  notice: (appId: number, body: { noticedOn: string; missingMaterials: string }) => api<Application>(`/permit-applications/${id(appId)}/notice`, { method: 'POST', body }),
  accept: (appId: number, body: { acceptedOn: string; onSiteCheck?: boolean }) => api<Application>(`/permit-applications/${id(appId)}/accept`, { method: 'POST', body }),
  decide: (appId: number, body: { outcome: 'approve' | 'refuse'; decidedOn: string; reasons?: string | null; number?: string | null }) =>
    api<unknown>(`/permit-applications/${id(appId)}/decide`, { method: 'POST', body }),
  end: (permitId: number, action: EndAction, body: { ground: string; endedOn: string; reason: string }) => api<unknown>(`/permits/${id(permitId)}/${action}`, { method: 'POST', body }),
  report: (permitId: number, body: { kind: ReportKind; period: string; submittedOn: string; summary: string }) =>
    api<unknown>(`/permits/${id(permitId)}/reports`, { method: 'POST', body }),
};
