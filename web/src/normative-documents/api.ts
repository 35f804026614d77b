import { api, download } from '../app/api';

const enc = (v: number | string) => encodeURIComponent(String(v));

export type DocumentStatus =
  | 'drafting' | 'assessed' | 'commenting' | 'comment_closed' | 'under_review' | 'review_passed' | 'review_failed'
  | 'deliberated' | 'issued' | 'published' | 'repealed' | 'replaced';
export type DocumentAction =
  | 'assess' | 'comment_start' | 'comment_close' | 'review_submit' | 'review_opinion' | 'deliberate' | 'issue' | 'publish' | 'file' | 'cleanup';

export type DraftingLevel = 'government' | 'bureau';
export const DRAFTING_LEVELS: readonly DraftingLevel[] = ['government', 'bureau'];

export interface Review {
  id: number; round: number; submittedOn: string; reviewedOn: string | null; passed: boolean | null;
  competence: string | null; procedure: string | null; content: string | null; conclusion: string | null; reviewerName: string | null;
}
export interface Cleanup { id: number; cleanedOn: string; outcome: 'retain' | 'amend' | 'repeal'; note: string; newDraftId: number | null }
export interface NormativeDocument {
  id: number; title: string; draftingUnit: string; draftingLevel: DraftingLevel; body?: string; status: DocumentStatus; draftedOn: string; amendsId: number | null;
  assessedOn: string | null; assessmentSummary: string | null; commentStartOn: string | null; commentPlannedEndOn: string | null; commentShortReason: string | null;
  commentEndOn: string | null; commentsReceived: number | null; commentsAnswered: number | null; commentAnswerSummary: string | null;
  deliberatedOn: string | null; meetingKind: string | null; meetingNote: string | null; documentNumber: string | null; issuedOn: string | null;
  signerName: string | null; effectiveOn: string | null; validUntilOn: string | null; publishedOn: string | null; publicationChannel: string | null;
  filedOn: string | null; filedWith: string | null; endedOn: string | null; replacedById: number | null;
  reviews: Review[]; cleanups: Cleanup[];
  reviewClock: { dueOn: string; earliestOn: string; provisional: boolean; overdue: boolean } | null;
  filingClock: { dueOn: string; filedOn: string | null; onTime: boolean | null; overdue: boolean; daysLeft: number | null } | null;
  inForce: boolean;
  expiryWarning: { validUntilOn: string; daysLeft: number; expired: boolean } | null;
  actions: DocumentAction[];
}
export interface PublicDocument { id: number; documentNumber: string; title: string; issuedOn: string; effectiveOn: string; validUntilOn: string; publishedOn: string; body?: string }
export interface YearFigures {
  year: number; drafted: number; reviewed: number; reviewPassed: number; issued: number; issuedByLevel: Record<DraftingLevel, number>; published: number; filedOnTime: number; filedLate: number;
  cleanedUp: { retain: number; amend: number; repeal: number }; repealed: number; inForceAtYearEnd: number;
}

export const STEP_PATHS: Record<DocumentAction, string> = {
  assess: 'assessment', comment_start: 'comment/start', comment_close: 'comment/close', review_submit: 'review/submit', review_opinion: 'review/opinion',
  deliberate: 'deliberation', issue: 'issue', publish: 'publication', file: 'filing', cleanup: 'cleanup',
};

export const normativeApi = {
  list: (signal?: AbortSignal) => api<{ items: NormativeDocument[] }>('/normative-documents', { signal }),
  detail: (id: number | string, signal?: AbortSignal) => api<NormativeDocument>(`/normative-documents/${enc(id)}`, { signal }),
  draft: (body: object) => api<NormativeDocument>('/normative-documents', { method: 'POST', body }),
  step: (id: number | string, action: DocumentAction, body: object) => api<NormativeDocument>(`/normative-documents/${enc(id)}/${STEP_PATHS[action]}`, { method: 'POST', body }),
  document: (id: number | string) => download(`/normative-documents/${enc(id)}/document`, undefined, 'document.docx'),
  opinion: (id: number | string, round: number) => download(`/normative-documents/${enc(id)}/reviews/${round}/opinion`, undefined, 'opinion.docx'),
  yearFigures: (year: number, signal?: AbortSignal) => api<YearFigures>('/normative-documents/year-figures', { query: { year }, signal }),
};

export const publicNormativeApi = {
  list: (signal?: AbortSignal) => api<{ items: PublicDocument[]; asOfOn: string }>('/public/normative-documents', { signal, skipAuthRedirect: true }),
  detail: (id: number | string, signal?: AbortSignal) => api<PublicDocument>(`/public/normative-documents/${enc(id)}`, { signal, skipAuthRedirect: true }),
};
