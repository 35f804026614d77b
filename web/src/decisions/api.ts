import { api, download } from '../app/api';
import type { ActionName, Catalogue, DecisionDetail, ItemSummary, PublicDraft, PublicDraftDetail } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const decisionsApi = {
  catalogues: (signal?: AbortSignal) => api<{ items: Catalogue[]; todayOn: string }>('/decisions/catalogues', { signal }),
  createCatalogue: (year: number) => api<{ id: number }>('/decisions/catalogues', { method: 'POST', body: { year } }),
  addItem: (catalogueId: number, body: { title: string; department: string; plannedHearing: boolean; plannedExperts: boolean; plannedRisk: boolean }) =>
    api<ItemSummary>(`/decisions/catalogues/${id(catalogueId)}/items`, { method: 'POST', body }),
  approveCatalogue: (catalogueId: number, on: string) => api<unknown>(`/decisions/catalogues/${id(catalogueId)}/approve`, { method: 'POST', body: { on } }),
  publishCatalogue: (catalogueId: number, on: string) => api<unknown>(`/decisions/catalogues/${id(catalogueId)}/publish`, { method: 'POST', body: { on } }),
  detail: (itemId: number | string, signal?: AbortSignal) => api<DecisionDetail>(`/decisions/${id(itemId)}`, { signal }),
  step: (itemId: number, action: ActionName, body: Record<string, unknown>) => api<unknown>(`/decisions/${id(itemId)}/${action}`, { method: 'POST', body }),
  answer: (itemId: number, commentId: number, answer: string) => api<unknown>(`/decisions/${id(itemId)}/comments/${id(commentId)}/answer`, { method: 'POST', body: { answer } }),
  reviewOpinion: (itemId: number) => download(`/decisions/${id(itemId)}/review-opinion`, undefined, 'review-opinion.docx'),
  publicList: (signal?: AbortSignal) => api<{ items: PublicDraft[] }>('/public/major-decisions', { signal, skipAuthRedirect: true }),
  publicDetail: (itemId: number | string, signal?: AbortSignal) => api<PublicDraftDetail>(`/public/major-decisions/${id(itemId)}`, { signal, skipAuthRedirect: true }),
  publicComment: (itemId: number, body: { authorName?: string | null; content: string }) => api<{ id: number }>(`/public/major-decisions/${id(itemId)}/comments`, { method: 'POST', body, skipAuthRedirect: true }),
};
