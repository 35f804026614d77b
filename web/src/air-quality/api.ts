import { api, download } from '../app/api';
import type {
  Assessment, BoundaryImportInput, BoundaryImportResult, BoundarySet, DailyRanking, Extent, ImportJob, MapDay, MonthlyRanking, PublicationResult, Sanction, Series, Station, TriggerRule, TriggerRuleInput,
} from './types';

export type RankingKind = 'district-daily' | 'township-monthly';

export const airApi = {
  extent: (signal?: AbortSignal) => api<Extent>('/air-quality/extent', { signal }),
  daily: (date: string, metric: string, signal?: AbortSignal) => api<DailyRanking>('/air-quality/rankings/district-daily', { query: { date, metric }, signal }),
  monthly: (month: string, metric: string, signal?: AbortSignal) => api<MonthlyRanking>('/air-quality/rankings/township-monthly', { query: { month, metric }, signal }),
  publish: (kind: RankingKind, period: string) => api<PublicationResult>(`/air-quality/rankings/${kind}/publish`, { method: 'POST', body: { period } }),
  export: (kind: RankingKind, period: string, format: 'xlsx' | 'docx') => download(`/air-quality/rankings/${kind}/export`, { period, format }, `ranking-${period}.${format}`),
  map: (date: string, signal?: AbortSignal) => api<MapDay>('/air-quality/map', { query: { date }, signal }),
  series: (unit: string, id: number | undefined, from: string, to: string, signal?: AbortSignal) => api<Series>('/air-quality/series', { query: { unit, id, from, to }, signal }),
  assessment: (year: number, signal?: AbortSignal) => api<Assessment>('/air-quality/assessment', { query: { year }, signal }),
  stations: (signal?: AbortSignal) => api<{ items: Station[] }>('/air-quality/stations', { signal }),
  importHourly(file: File, skipInvalid: boolean) {
    const fd = new FormData();
    fd.append('file', file, file.name);
    return api<ImportJob>('/air-quality/hourly/import', { method: 'POST', query: { skipInvalid, async: true }, body: fd });
  },
  job: (id: string) => api<ImportJob>(`/air-quality/import-jobs/${encodeURIComponent(id)}`),
  template: () => download('/air-quality/hourly/import-template', undefined, 'air-hourly-template.xlsx'),
  rules: (signal?: AbortSignal) => api<{ items: TriggerRule[] }>('/quality/trigger-rules', { signal }),
  createRule: (input: TriggerRuleInput) => api<{ id: number }>('/quality/trigger-rules', { method: 'POST', body: input }),
  updateRule: (id: number, input: TriggerRuleInput & { version: number }) => api<{ id: number }>(`/quality/trigger-rules/${id}`, { method: 'PUT', body: input }),
  sanctions: (signal?: AbortSignal) => api<{ items: Sanction[] }>('/quality/sanctions', { signal }),
  boundaries: (signal?: AbortSignal) => api<BoundarySet>('/air-quality/boundaries', { signal }),
  importBoundaries: (input: BoundaryImportInput) => api<BoundaryImportResult>('/air-quality/boundaries', { method: 'PUT', body: input }),
  deleteBoundaries: () => api<{ removed: number }>('/air-quality/boundaries', { method: 'DELETE' }),
  lift: (id: number, reason: string) => api<{ id: number }>(`/quality/sanctions/${id}/lift`, { method: 'POST', body: { reason } }),
};
