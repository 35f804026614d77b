import { api } from '../app/api';
import type { Board, EventGroup, EventList, Rejections, Series } from './types';

export const monitoringApi = {
  board: (signal?: AbortSignal) => api<Board>('/monitoring/board', { signal }),
  series: (deviceId: number, cn: string, from: string, to: string, signal?: AbortSignal) => api<Series>('/monitoring/series', { query: { deviceId, cn, from, to }, signal }),
  events: (q: { group?: EventGroup; ongoing?: boolean; enterpriseId?: number; page: number; pageSize: number }, signal?: AbortSignal) =>
    api<EventList>('/monitoring/events', { query: { ...q, ongoing: q.ongoing === undefined ? undefined : String(q.ongoing) }, signal }),
  lead: (id: number) => api<{ eventId: number; leadId: number }>(`/monitoring/events/${id}/lead`, { method: 'POST' }),
  rejections: (signal?: AbortSignal) => api<Rejections>('/monitoring/rejections', { signal }),
};
