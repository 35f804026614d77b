import { api } from '../app/api';

const enc = (v: number | string) => encodeURIComponent(String(v));

export const CHALLENGE_KINDS = ['reconsideration', 'litigation'] as const;
export const SUBJECT_KINDS = ['case', 'licence', 'disclosure_reply', 'info_request_reply'] as const;
export const OUTCOMES = ['upheld', 'revoked', 'changed', 'confirmed_unlawful', 'dismissed', 'withdrawn'] as const;

export interface Hearing { heldOn: string; headAppeared: boolean; appearedBy: string; note: string | null }
export interface Challenge {
  id: number; kind: (typeof CHALLENGE_KINDS)[number]; subjectKind: (typeof SUBJECT_KINDS)[number]; subjectId: string; subjectTitle: string;
  applicant: string; body: string; filedOn: string; hearings: Hearing[]; outcome: (typeof OUTCOMES)[number] | null; changes: string | null;
  closedOn: string | null; link: string | null; pending: boolean; reversed: boolean; actions: ('hearing' | 'close')[];
}
export interface LitigationYearFigures {
  year: number; challenged: { total: number; reconsideration: number; litigation: number }; closed: number;
  byOutcome: Record<(typeof OUTCOMES)[number], number>; reversed: number; reversalRate: number | null;
  courtHearings: number; headAppeared: number; headAppearanceRate: number | null;
}

export const litigationApi = {
  list: (signal?: AbortSignal) => api<{ items: Challenge[] }>('/litigation', { signal }),
  detail: (id: number | string, signal?: AbortSignal) => api<Challenge>(`/litigation/${enc(id)}`, { signal }),
  record: (body: object) => api<Challenge>('/litigation', { method: 'POST', body }),
  hearing: (id: number, body: object) => api<Challenge>(`/litigation/${enc(id)}/hearings`, { method: 'POST', body }),
  close: (id: number, body: object) => api<Challenge>(`/litigation/${enc(id)}/close`, { method: 'POST', body }),
  yearFigures: (year: number, signal?: AbortSignal) => api<LitigationYearFigures>('/litigation/year-figures', { query: { year }, signal }),
};
