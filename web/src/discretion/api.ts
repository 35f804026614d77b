import { api } from '../app/api';
import type { Calculation, CaseDiscretion, ConsistencyReport, Table, TableInput, Violation } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const discretionApi = {
  tables: (on?: string, signal?: AbortSignal) => api<{ on: string; items: Table[] }>('/discretion/tables', { query: { on }, signal }),
  versions: (code: string, signal?: AbortSignal) => api<{ code: string; versions: Table[] }>(`/discretion/tables/${id(code)}`, { signal }),
  publish: (body: TableInput) => api<Table>('/discretion/tables', { method: 'POST', body }),
  calculate: (tableId: number, levels: Record<string, string>, baseFen: number | null, signal?: AbortSignal) =>
    api<{ table: Table; calculation: Calculation }>('/discretion/calculate', { method: 'POST', body: { tableId, levels, baseFen }, signal }),
  ofCase: (caseId: number, signal?: AbortSignal) => api<CaseDiscretion>(`/discretion/cases/${id(caseId)}`, { signal }),
  store: (caseId: number, tableId: number, levels: Record<string, string>, baseFen: number | null) =>
    api<CaseDiscretion>(`/discretion/cases/${id(caseId)}`, { method: 'POST', body: { tableId, levels, baseFen } }),
  /** 违法行为目录 in force on a day (today by default). */
  violations: (on?: string, signal?: AbortSignal) => api<{ on: string; items: Violation[] }>('/violations', { query: { on }, signal }),
  consistency: (q: { from?: string; to?: string; tableCode?: string }, signal?: AbortSignal) => api<ConsistencyReport>('/discretion/consistency', { query: q, signal }),
};
