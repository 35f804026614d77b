import { api, download } from '../app/api';
import type {
  ActivityInput, ExamDetail, ExamInput, ExamListItem, ExamResults, ItemInput, LapsedOfficer, Plan, PopularisationYear, Sitting, StudyFigures, StudySession,
  StudySessionInput, TypicalCase, YearFigures,
} from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const trainingApi = {
  exams: (signal?: AbortSignal) => api<{ items: ExamListItem[]; canManage: boolean }>('/training/exams', { signal }),
  create: (body: ExamInput) => api<ExamListItem>('/training/exams', { method: 'POST', body }),
  exam: (examId: number | string, signal?: AbortSignal) => api<ExamDetail>(`/training/exams/${id(examId)}`, { signal }),
  start: (examId: number | string) => api<Sitting>(`/training/exams/${id(examId)}/sitting`, { method: 'POST' }),
  submit: (examId: number | string, answers: Record<string, number[]>) => api<Sitting>(`/training/exams/${id(examId)}/sitting/submit`, { method: 'POST', body: { answers } }),
  lapsed: (signal?: AbortSignal) => api<{ items: LapsedOfficer[] }>('/training/lapsed', { signal }),
  results: (examId: number | string, signal?: AbortSignal) => api<ExamResults>(`/training/exams/${id(examId)}/results`, { signal }),
  staff: (signal?: AbortSignal) => api<{ items: { id: number; displayName: string; role: string }[] }>('/users/directory', { signal }),
  departments: (signal?: AbortSignal) => api<{ items: { id: number; name: string }[] }>('/organisation/departments', { signal }),
  closedCases: async (signal?: AbortSignal) => {
    const pages = await Promise.all((['closed', 'archived'] as const).map((stage) => api<{ items: { id: number; number: string; cause: string }[] }>('/cases', { query: { stage, pageSize: 200 }, signal })));
    return pages.flatMap((p) => p.items);
  },
  studySessions: (year: number, signal?: AbortSignal) => api<{ items: StudySession[]; figures: StudyFigures; canManage: boolean }>('/training/study-sessions', { query: { year }, signal }),
  recordStudySession: (body: StudySessionInput) => api<StudySession>('/training/study-sessions', { method: 'POST', body }),
  popularisation: (year: number, signal?: AbortSignal) => api<PopularisationYear>('/training/popularisation', { query: { year }, signal }),
  createPlan: (body: { year: number; title: string; items: ItemInput[] }) => api<Plan>('/training/popularisation/plans', { method: 'POST', body }),
  addItem: (planId: number, body: ItemInput) => api<unknown>(`/training/popularisation/plans/${id(planId)}/items`, { method: 'POST', body }),
  itemDone: (itemId: number, doneOn: string) => api<unknown>(`/training/popularisation/items/${id(itemId)}/done`, { method: 'POST', body: { doneOn } }),
  recordActivity: (body: ActivityInput) => api<unknown>('/training/popularisation/activities', { method: 'POST', body }),
  typicalCases: (signal?: AbortSignal) => api<{ items: TypicalCase[]; canDraft: boolean }>('/training/typical-cases', { signal }),
  typicalCase: (tid: number | string, signal?: AbortSignal) => api<TypicalCase>(`/training/typical-cases/${id(tid)}`, { signal }),
  draftTypicalCase: (caseId: number) => api<TypicalCase>('/training/typical-cases', { method: 'POST', body: { caseId } }),
  editTypicalCase: (tid: number, body: { title: string; facts: string; analysis: string; lesson: string }) => api<TypicalCase>(`/training/typical-cases/${id(tid)}`, { method: 'PUT', body }),
  submitTypicalCase: (tid: number) => api<TypicalCase>(`/training/typical-cases/${id(tid)}/submit`, { method: 'POST' }),
  reviewTypicalCase: (tid: number, body: { outcome: 'approve' | 'return'; reason?: string | null }) => api<TypicalCase>(`/training/typical-cases/${id(tid)}/review`, { method: 'POST', body }),
  figures: (year: number, signal?: AbortSignal) => api<YearFigures>('/training/figures', { query: { year }, signal }),
  exportFigures: (year: number) => download('/training/figures/export', { year }, `training-${year}.xlsx`),
};
