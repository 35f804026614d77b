import { api } from '../app/api';

export type TaskKey =
  | 'investigating' | 'notices_to_serve' | 'decisions_to_serve' | 'overdue_cases'
  | 'case_review' | 'legal_review' | 'collective_discussion' | 'deciding' | 'open_leads' | 'threshold_review';

export interface Workbench {
  todayOn: string;
  role: string;
  tasks: { key: TaskKey; count: number; link: string }[];
  deadlines: null | {
    withinDays: number; scope: 'mine' | 'all'; overdue: number; dueSoon: number; link: string;
    items: { kind: string; caseId: number | null; leadId: number | null; number: string | null; dueOn: string; state: 'overdue' | 'due_soon'; provisional: boolean }[];
  };
  meetings: null | { count: number; link: string; items: { id: number; heldOn: string; location: string }[] };
  exceedances: null | { count: number; link: string; items: { id: number; kind: string; enterpriseName: string; pollutant: string | null; startAt: string }[] };
  air: null | {
    on: string | null; isToday: boolean; link: string; ranked: number;
    city: { aqi: number | null; category: string | null; colour: string | null } | null;
    district: { unitName: string; aqi: number | null; category: string | null; colour: string | null; rank: number | null; tied: boolean } | null;
  };
  calendar: { banner: null | { kind: 'current_year_missing' | 'next_year_missing'; year: number }; link: string | null };
}

/** GET /api/workbench/threshold-review */
export interface ThresholdReview {
  current: { organisationFen: number; individualFen: number };
  previous: { organisationFen: number; individualFen: number };
  source: 'settings-change' | 'upgrade'; changedAt: string | null; total: number;
  items: { id: number; number: string; stage: string; enterpriseName: string; partyKind: 'organisation' | 'individual'; proposedFineFen: number; notified: boolean; hearingOffered: boolean | null; hearingUnderCurrent: boolean }[];
}

export const workbenchApi = {
  load: (signal?: AbortSignal) => api<Workbench>('/workbench', { signal }),
  badges: (signal?: AbortSignal) => api<{ badges: Record<string, number> }>('/workbench/badges', { signal }),
  thresholdReview: (signal?: AbortSignal) => api<ThresholdReview>('/workbench/threshold-review', { signal }),
};
