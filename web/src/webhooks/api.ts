import { api } from '../app/api';

export interface Integrator { id: number; name: string; url: string; eventKinds: string[]; active: boolean; createdAt: string }
export interface Attempt { id: number; attempt: number; attemptedAt: string; statusCode: number | null; error: string | null; durationMs: number; nextRetryAt: string | null }
export interface Delivery {
  id: number; eventId: string; eventKind: string; status: 'pending' | 'delivered' | 'failed'; attempts: number; nextAttemptAt: string | null;
  lastStatusCode: number | null; createdAt: string; deliveredAt: string | null; log: Attempt[];
}

const id = (v: number) => encodeURIComponent(String(v));

export const webhooksApi = {
  list: (signal?: AbortSignal) => api<{ items: Integrator[]; eventKinds: string[]; backoffMinutes: number[]; maxAttempts: number }>('/webhooks/integrators', { signal }),
  register: (body: { name: string; url: string; eventKinds: string[] }) => api<Integrator & { secret: string }>('/webhooks/integrators', { method: 'POST', body }),
  setActive: (integratorId: number, active: boolean) => api<Integrator>(`/webhooks/integrators/${id(integratorId)}/active`, { method: 'POST', body: { active } }),
  deliveries: (integratorId: number, signal?: AbortSignal) => api<{ integratorId: number; name: string; url: string; deliveries: Delivery[] }>(`/webhooks/integrators/${id(integratorId)}/deliveries`, { signal }),
  redeliver: (deliveryId: number) => api<{ id: number; status: string }>(`/webhooks/deliveries/${id(deliveryId)}/redeliver`, { method: 'POST' }),
};
