import { api } from '../app/api';

const enc = (v: number | string) => encodeURIComponent(String(v));

export const COUNSEL_KINDS = ['external', 'public_lawyer'] as const;
export const SUBJECT_KINDS = ['major_decision', 'normative_document', 'contract', 'major_case', 'hearing', 'other'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface Counsel {
  id: number; name: string; kind: (typeof COUNSEL_KINDS)[number]; firm: string | null; licenceNo: string; termFromOn: string; termToOn: string | null;
  tasks?: number; answered?: number;
}
export interface CounselTask {
  id: number; counselId: number; subjectKind: SubjectKind; subjectRef: string; subjectTitle: string; assignedOn: string; dueOn: string;
  opinion: string | null; answeredOn: string | null; link: string | null; answered: boolean;
}
export interface CounselYearFigures {
  year: number; answered: number; reportPhrase: string; byKind: Record<SubjectKind, number>;
  byCounsel: { counselId: number; name: string; answered: number }[];
}

export const counselApi = {
  list: (signal?: AbortSignal) => api<{ items: Counsel[] }>('/counsel', { signal }),
  detail: (id: number | string, signal?: AbortSignal) => api<Counsel & { tasks: CounselTask[] }>(`/counsel/${enc(id)}`, { signal }),
  register: (body: object) => api<Counsel>('/counsel', { method: 'POST', body }),
  tasks: (signal?: AbortSignal) => api<{ items: CounselTask[] }>('/counsel/tasks', { signal }),
  task: (id: number | string, signal?: AbortSignal) => api<CounselTask & { counsel: Counsel | null }>(`/counsel/tasks/${enc(id)}`, { signal }),
  assign: (body: object) => api<CounselTask>('/counsel/tasks', { method: 'POST', body }),
  answer: (id: number, body: { opinion: string; answeredOn: string }) => api<CounselTask>(`/counsel/tasks/${enc(id)}/opinion`, { method: 'POST', body }),
  yearFigures: (year: number, signal?: AbortSignal) => api<CounselYearFigures>('/counsel/year-figures', { query: { year }, signal }),
};
