import { api, download } from '../app/api';
import type { CaseFile, ClosedCase, Results, SheetLine, StandardRow } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const fileReviewApi = {
  standards: (signal?: AbortSignal) => api<{ inForce: StandardRow | null; versions: StandardRow[] }>('/file-review/standards', { signal }),
  cases: (q: { year?: number; reviewed?: boolean }, signal?: AbortSignal) => api<{ items: ClosedCase[] }>('/file-review/cases', { query: { year: q.year, reviewed: q.reviewed === undefined ? undefined : String(q.reviewed) }, signal }),
  caseFile: (caseId: number, signal?: AbortSignal) => api<CaseFile>(`/file-review/cases/${id(caseId)}`, { signal }),
  save: (caseId: number, body: { lines: SheetLine[]; comment: string; submit: boolean }) => api<CaseFile>(`/file-review/cases/${id(caseId)}/review`, { method: 'PUT', body }),
  results: (year: number, signal?: AbortSignal) => api<Results>('/file-review/results', { query: { year }, signal }),
  exportResults: (year: number) => download('/file-review/results/export', { year }, `file-review-${year}.xlsx`),
};
