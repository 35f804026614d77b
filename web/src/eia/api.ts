import { api, download } from '../app/api';
import type { ApplicationDetail, ApplicationInput, ApplicationListItem, Board, CatalogueData, PauseKind } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));
const app = (v: number | string) => `/eia/applications/${id(v)}`;

export const eiaApi = {
  catalogue: (signal?: AbortSignal) => api<CatalogueData>('/eia/catalogue', { signal }),
  list: (signal?: AbortSignal) => api<{ items: ApplicationListItem[] }>('/eia/applications', { signal }),
  board: (signal?: AbortSignal) => api<Board>('/eia/board', { signal }),
  detail: (appId: number | string, signal?: AbortSignal) => api<ApplicationDetail>(app(appId), { signal }),
  submit: (body: ApplicationInput) => api<{ id: number; status: string; receipt: { reference: string } | null }>('/eia/applications', { method: 'POST', body }),
  accept: (appId: number) => api<unknown>(`${app(appId)}/accept`, { method: 'POST', body: {} }),
  notice: (appId: number) => api<{ number: string }>(`${app(appId)}/correction-notice`, { method: 'POST' }),
  resubmit: (appId: number, supplied: string[]) => api<unknown>(`${app(appId)}/resubmit`, { method: 'POST', body: { supplied, tolerated: [] } }),
  supply: (appId: number, body: { code: string; suppliedOn: string }) => api<unknown>(`${app(appId)}/supply`, { method: 'POST', body }),
  pause: (appId: number, body: { kind: PauseKind; startOn: string; noticeOn: string; note?: string | null }) => api<unknown>(`${app(appId)}/pauses`, { method: 'POST', body }),
  resume: (appId: number, endOn: string) => api<unknown>(`${app(appId)}/pauses/end`, { method: 'POST', body: { endOn } }),
  decide: (appId: number, body: { decision: 'approval' | 'refusal'; grounds: string[]; text: string }) => api<{ documentNumber: string }>(`${app(appId)}/decision`, { method: 'POST', body }),
  verify: (appId: number, body: { outcome: 'confirmed' | 'false'; reason: string; verifiedOn: string }) => api<unknown>(`${app(appId)}/verification`, { method: 'POST', body }),
  publicity: (appId: number, startOn: string) => api<unknown>(`${app(appId)}/publicity`, { method: 'POST', body: { startOn } }),
  hearingNotice: (appId: number, noticeOn: string) => api<unknown>(`${app(appId)}/hearing-notice`, { method: 'POST', body: { noticeOn } }),
  hearingRequest: (appId: number, requestedOn: string) => api<unknown>(`${app(appId)}/hearing-request`, { method: 'POST', body: { requestedOn } }),
  document: (appId: number) => download(`${app(appId)}/document`, undefined, 'eia.docx'),
  noticeDocument: (appId: number, noticeId: number) => download(`${app(appId)}/notices/${id(noticeId)}/document`, undefined, 'notice.docx'),
};
