import { api } from '../app/api';
import type { CaseMeasures, DirectoryEntry, EventInput, MeasureCreateInput, MeasureEvent, MeasureView } from './types';

export const measureApi = {
  listOfCase(caseId: number, signal?: AbortSignal) {
    return api<CaseMeasures>(`/cases/${caseId}/measures`, { signal });
  },
  create(caseId: number, input: MeasureCreateInput) {
    return api<MeasureView>(`/cases/${caseId}/measures`, { method: 'POST', body: input });
  },
  record<E extends MeasureEvent>(measureId: number, event: E, input: EventInput<E>) {
    return api<MeasureView>(`/measures/${measureId}/${event}`, { method: 'POST', body: input });
  },
  officers(signal?: AbortSignal) {
    return api<{ items: DirectoryEntry[] }>('/users/directory', { query: { role: 'enforcement_officer' }, signal });
  },
};
