import { api, download } from '../app/api';
import type {
  AnnualTask, AnnualTaskDetail, AnnualTaskInput, AnnualTaskListItem, CampaignDetail, CampaignInput, CampaignListItem, Campaign, Dispatch, Figures, InspectionInput,
  RegistryTargets, ReportInput, YearFigures,
} from './types';

const id = (v: number | string) => encodeURIComponent(String(v));
const item = (campaignId: number | string, itemId: number) => `/campaigns/${id(campaignId)}/items/${id(itemId)}`;

export const campaignApi = {
  list: (signal?: AbortSignal) => api<{ items: CampaignListItem[] }>('/campaigns', { signal }),
  registryTargets: (signal?: AbortSignal) => api<RegistryTargets>('/campaigns/registry-targets', { signal }),
  create: (body: CampaignInput) => api<Campaign>('/campaigns', { method: 'POST', body }),
  update: (campaignId: number | string, body: CampaignInput & { version: number }) => api<Campaign>(`/campaigns/${id(campaignId)}`, { method: 'PUT', body }),
  detail: (campaignId: number | string, signal?: AbortSignal) => api<CampaignDetail>(`/campaigns/${id(campaignId)}`, { signal }),
  figures: (campaignId: number | string, signal?: AbortSignal) => api<Figures>(`/campaigns/${id(campaignId)}/figures`, { signal }),
  inspect: (campaignId: number | string, body: InspectionInput) => api<unknown>(`/campaigns/${id(campaignId)}/inspections`, { method: 'POST', body }),
  complete: (campaignId: number | string, itemId: number, body: { completionText: string; completedOn: string }) => api<unknown>(`${item(campaignId, itemId)}/complete`, { method: 'POST', body }),
  verify: (campaignId: number | string, itemId: number) => api<unknown>(`${item(campaignId, itemId)}/verify`, { method: 'POST', body: {} }),
  escalate: (campaignId: number | string, itemId: number) => api<{ number: string }>(`${item(campaignId, itemId)}/escalate`, { method: 'POST', body: {} }),
  lead: (campaignId: number | string, itemId: number) => api<{ leadId: number }>(`${item(campaignId, itemId)}/lead`, { method: 'POST' }),
  order: (campaignId: number | string, itemId: number) => download(`${item(campaignId, itemId)}/order`, undefined, 'order.docx'),
  yearFigures: (year: number, signal?: AbortSignal) => api<YearFigures>('/campaigns/figures', { query: { year }, signal }),
  exportYearFigures: (year: number) => download('/campaigns/figures/export', { year }, `campaigns-${year}.xlsx`),
};

export const annualTaskApi = {
  list: (year: number, signal?: AbortSignal) => api<{ items: AnnualTaskListItem[] }>('/annual-tasks', { query: { year }, signal }),
  create: (body: AnnualTaskInput) => api<AnnualTask>('/annual-tasks', { method: 'POST', body }),
  update: (taskId: number | string, body: Omit<AnnualTaskInput, 'year'> & { version: number }) => api<AnnualTask>(`/annual-tasks/${id(taskId)}`, { method: 'PUT', body }),
  detail: (taskId: number | string, signal?: AbortSignal) => api<AnnualTaskDetail>(`/annual-tasks/${id(taskId)}`, { signal }),
  report: (taskId: number | string, body: ReportInput) => api<unknown>(`/annual-tasks/${id(taskId)}/reports`, { method: 'POST', body }),
  dispatch: (month: string, signal?: AbortSignal) => api<Dispatch>('/annual-tasks/dispatch', { query: { month }, signal }),
  departments: (signal?: AbortSignal) => api<{ items: { id: number; code: string; name: string; districtId: number | null }[] }>('/organisation/departments', { signal }),
};
