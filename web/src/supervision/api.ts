import { api } from '../app/api';

export interface Contribution { factor: string; value: number | string | boolean | null; points: number; weight: string }
export interface RiskItem {
  enterpriseId: number; name: string; districtId: number; districtName: string; onKeyList: boolean; onPositiveList: boolean;
  /** `sum` adds the contributions; `clamped` says when the score is that sum floored at 0 or capped at 100. */
  risk: { score: number; sum: number; clamped: 'floor' | 'ceiling' | null; weightsVersion: number; contributions: Contribution[] };
}
export interface RiskWeights {
  perCount: Record<string, { points: number; cap: number }>;
  credit: Record<'green' | 'blue' | 'yellow' | 'red' | 'black' | 'none', number>;
  keyUnit: number;
  industry: Record<'high' | 'medium' | 'low', number>;
}
export interface RiskWeightVersion {
  version: number; effectiveFrom: string | null; note: string; weights: RiskWeights; builtIn: boolean; createdAt: string | null; createdByName: string | null;
  activatedAt: string | null; inForce: boolean;
}
export interface Admission { eligible: boolean; criteria: { criterion: string; met: boolean; evidence: string }[] }
export interface PositiveEntry { id: number; enterpriseId: number; enterpriseName: string; status: string; admission: Admission; proposedAt: string; approvedAt: string | null; publishedAt: string | null; removedAt: string | null; removalReason: string | null }
export interface KeyEntry { id: number; enterpriseId: number; enterpriseName: string; reasons: { code: string; detail: string }[]; enteredAt: string; exitedAt: string | null; exitReason: string | null }
export interface Draw { id: number; title: string; seed: string; drawnAt: string; weightsVersion: number; poolSize: number; districtId: number | null; items: { enterpriseId: number; enterpriseName: string; officerIds: number[]; officerNames: string[]; riskScore: number; weight: number; cause: string | null }[]; excluded: { enterpriseId: number; reason: string }[] }
export interface Complaint { id: number; enterpriseId: number; enterpriseName: string; source: string; receivedOn: string; content: string; handling: string; outcome: string; closedOn: string | null; leadId: number | null; version: number }

export const supervisionApi = {
  risk: (signal?: AbortSignal) => api<{ total: number; weightsVersion: number; items: RiskItem[] }>('/supervision/risk', { query: { limit: 500 }, signal }),
  positive: (signal?: AbortSignal) => api<{ items: PositiveEntry[] }>('/supervision/positive-list', { signal }),
  admission: (enterpriseId: number) => api<{ enterpriseId: number; check: Admission }>(`/supervision/positive-list/admission/${enterpriseId}`),
  propose: (enterpriseId: number) => api<{ id: number }>('/supervision/positive-list', { method: 'POST', body: { enterpriseId } }),
  step: (id: number, step: 'approve' | 'reject' | 'publish' | 'remove', reason: string | null) => api<{ id: number; status: string }>(`/supervision/positive-list/${id}/${step}`, { method: 'POST', body: { reason } }),
  keyList: (history: boolean, signal?: AbortSignal) => api<{ items: KeyEntry[] }>('/supervision/key-list', { query: { history: String(history) }, signal }),
  recompute: () => api<{ entered: number; exited: number; updated: number }>('/supervision/key-list/recompute', { method: 'POST' }),
  draws: (signal?: AbortSignal) => api<{ items: { id: number; title: string; seed: string; drawnAt: string; drawn: number; districtId: number | null }[] }>('/supervision/draws', { signal }),
  riskWeights: (signal?: AbortSignal) => api<{ current: { version: number; weights: RiskWeights }; versions: RiskWeightVersion[] }>('/supervision/risk-weights', { signal }),
  createRiskWeights: (body: { effectiveFrom: string; weights: RiskWeights; note: string; activate: boolean }) => api<{ version: number; activated: boolean }>('/supervision/risk-weights', { method: 'POST', body }),
  activateRiskWeights: (version: number, reason: string | null) => api<{ version: number; inForce: boolean }>(`/supervision/risk-weights/${version}/activate`, { method: 'POST', body: { reason } }),
  draw: (id: number, signal?: AbortSignal) => api<Draw>(`/supervision/draws/${id}`, { signal }),
  createDraw: (body: { title: string; count: number; teamSize: number; districtId: number | null; seed: string | null }) => api<Draw>('/supervision/draws', { method: 'POST', body }),
  verify: (id: number) => api<{ id: number; reproducible: boolean }>(`/supervision/draws/${id}/verify`),
  complaints: (signal?: AbortSignal) => api<{ items: Complaint[] }>('/supervision/complaints', { signal }),
  createComplaint: (body: { enterpriseId: number; source: string; receivedOn: string; content: string }) => api<{ id: number }>('/supervision/complaints', { method: 'POST', body }),
  complaintLead: (id: number) => api<{ leadId: number }>(`/supervision/complaints/${id}/lead`, { method: 'POST' }),
  searchEnterprises: (q: string) => api<{ items: { id: number; name: string }[] }>('/enterprises', { query: { q, pageSize: 20 } }),
};
