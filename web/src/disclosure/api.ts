import { api, buildQuery } from '../app/api';
import type { Preview, PublicDecision, PublicEnterprise, PublicList, Queue } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));
export interface PublicFilter { districtId?: number; enterpriseId?: number; year?: number }

export const publicApi = {
  list: (f: PublicFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
    api<PublicList>('/public/decisions', { query: { ...f }, signal, skipAuthRedirect: true }),
  decision: (decisionId: number | string, signal?: AbortSignal) => api<PublicDecision>(`/public/decisions/${id(decisionId)}`, { signal, skipAuthRedirect: true }),
  enterprise: (enterpriseId: number | string, signal?: AbortSignal) => api<PublicEnterprise>(`/public/enterprises/${id(enterpriseId)}`, { signal, skipAuthRedirect: true }),
  districts: (signal?: AbortSignal) => api<{ items: { id: number; name: string }[] }>('/public/districts', { signal, skipAuthRedirect: true }),
  /** Plain links (no script needed): the browser downloads the streamed file itself. */
  csvHref: (f: PublicFilter) => `/api/public/decisions.csv${buildQuery({ ...f })}`,
  xlsxHref: (f: PublicFilter) => `/api/public/decisions.xlsx${buildQuery({ ...f })}`,
  feedHref: (f: PublicFilter) => (f.enterpriseId ? `/api/public/feeds/enterprises/${f.enterpriseId}` : f.districtId ? `/api/public/feeds/districts/${f.districtId}` : '/api/public/feeds/decisions'),
  dictionaryHref: '/api/public/decisions/dictionary',
};

export const disclosureApi = {
  queue: (signal?: AbortSignal) => api<Queue>('/disclosure/queue', { signal }),
  preview: (caseId: number, signal?: AbortSignal) => api<Preview>(`/disclosure/cases/${id(caseId)}/preview`, { signal }),
  publish: (caseId: number) => api<PublicDecision>(`/disclosure/cases/${id(caseId)}/publish`, { method: 'POST' }),
  withdraw: (publicationId: number, reason: string) => api<PublicDecision>(`/disclosure/publications/${id(publicationId)}/withdraw`, { method: 'POST', body: { reason } }),
};
