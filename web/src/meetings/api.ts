import { api } from '../app/api';

const enc = (v: number | string) => encodeURIComponent(String(v));

export const MEETING_KINDS = ['party_group', 'director', 'leadership_study', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const AGENDA_KINDS = ['major_decision', 'normative_document', 'case', 'other'] as const;

export interface LawStudy { topic: string; materials: string; speaker: string }
export interface Meeting {
  id: number; kind: MeetingKind; title: string; heldOn: string; attendeeUserIds: number[]; attendeeNames: string[];
  agenda: { kind: (typeof AGENDA_KINDS)[number]; ref: string | null; title: string; link: string | null }[];
  lawStudy: LawStudy | null; minutes: string | null; attendeeUsers?: { id: number; displayName: string }[];
}
export interface MeetingYearFigures {
  year: number; byKind: Record<MeetingKind, { held: number; withLawStudy: number }>;
  studyQuarters: { quarter: number; sessions: number; missing: boolean }[];
}

export const meetingApi = {
  list: (year: number | undefined, signal?: AbortSignal) => api<{ items: Meeting[] }>('/meetings', { query: year ? { year } : undefined, signal }),
  detail: (id: number | string, signal?: AbortSignal) => api<Meeting>(`/meetings/${enc(id)}`, { signal }),
  record: (body: object) => api<Meeting>('/meetings', { method: 'POST', body }),
  yearFigures: (year: number, signal?: AbortSignal) => api<MeetingYearFigures>('/meetings/year-figures', { query: { year }, signal }),
  staff: (signal?: AbortSignal) => api<{ items: { id: number; displayName: string }[] }>('/users/directory', { signal }),
};
