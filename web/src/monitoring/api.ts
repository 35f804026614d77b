import type { z } from 'zod';
import { api } from '../app/api';
import type { simulationDevicesInputSchema, simulationStartInputSchema, simulationStatusSchema } from '../../../src/monitoring/schema';
import type {
  Board, Channel, ChannelInput, Device, DeviceInput, DeviceUpdate, EventGroup, EventList, Limit, LimitInput, PollutantCode, Rejections, Series, UnknownCode,
} from './types';

export const monitoringApi = {
  board: (signal?: AbortSignal) => api<Board>('/monitoring/board', { signal }),
  series: (deviceId: number, cn: string, from: string, to: string, signal?: AbortSignal) => api<Series>('/monitoring/series', { query: { deviceId, cn, from, to }, signal }),
  events: (q: { group?: EventGroup; ongoing?: boolean; enterpriseId?: number; page: number; pageSize: number }, signal?: AbortSignal) =>
    api<EventList>('/monitoring/events', { query: { ...q, ongoing: q.ongoing === undefined ? undefined : String(q.ongoing) }, signal }),
  lead: (id: number) => api<{ eventId: number; leadId: number }>(`/monitoring/events/${id}/lead`, { method: 'POST' }),
  rejections: (signal?: AbortSignal) => api<Rejections>('/monitoring/rejections', { signal }),
  devices: (signal?: AbortSignal) => api<{ items: Device[] }>('/monitoring/devices', { signal }),
  registerDevice: (body: DeviceInput) => api<{ id: number }>('/monitoring/devices', { method: 'POST', body }),
  updateDevice: (id: number, body: DeviceUpdate) => api<{ id: number }>(`/monitoring/devices/${id}`, { method: 'PATCH', body }),
  limits: (outfallId: number, signal?: AbortSignal) => api<{ items: Limit[] }>('/monitoring/limits', { query: { outfallId }, signal }),
  addLimit: (body: LimitInput) => api<{ id: number }>('/monitoring/limits', { method: 'POST', body }),
  updateLimit: (id: number, body: { effectiveTo?: string | null; citation?: string }) => api<{ id: number }>(`/monitoring/limits/${id}`, { method: 'PATCH', body }),
  channels: (enterpriseId: number, signal?: AbortSignal) => api<{ items: Channel[] }>('/monitoring/electricity/channels', { query: { enterpriseId }, signal }),
  addChannel: (body: ChannelInput) => api<{ id: number }>('/monitoring/electricity/channels', { method: 'POST', body }),
  updateChannel: (id: number, body: Partial<Pick<Channel, 'name' | 'ratedKw' | 'onThresholdKw' | 'underLoadRatio'>>) => api<{ id: number }>(`/monitoring/electricity/channels/${id}`, { method: 'PATCH', body }),
  unknownCodes: (signal?: AbortSignal) => api<{ items: UnknownCode[] }>('/monitoring/unknown-codes', { signal }),
  pollutantCodes: (signal?: AbortSignal) => api<{ source: string; items: PollutantCode[] }>('/monitoring/pollutant-codes', { signal }),
};

// Simulated loggers while the server runs (administrator; src/monitoring/simulation-routes.ts).
export type SimulationStatus = z.output<typeof simulationStatusSchema>;
export type SimulationRun = NonNullable<SimulationStatus['run']>;
export type SimulationDevicesInput = z.input<typeof simulationDevicesInputSchema>;
export type SimulationStartInput = z.input<typeof simulationStartInputSchema>;
export const simulationApi = {
  status: (signal?: AbortSignal) => api<SimulationStatus>('/monitoring/simulation', { signal }),
  registerDevices: (body: SimulationDevicesInput) => api<{ devices: number; created: number }>('/monitoring/simulation/devices', { method: 'POST', body }),
  start: (body: SimulationStartInput) => api<SimulationRun>('/monitoring/simulation/start', { method: 'POST', body }),
  stop: () => api<SimulationRun>('/monitoring/simulation/stop', { method: 'POST' }),
};
