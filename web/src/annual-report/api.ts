import { api, download } from '../app/api';

export interface Refusal { ok: false; code: string; field?: string }
export type Outcome = { ok: true } | Refusal;
export interface Figure {
  no: string; section: string; labelZh: string; labelEn: string; unit: string; rule: string;
  value: number | null; text: string; drill: string | null; note: string | null; yearOnYear?: number | null;
}
export interface Paragraph {
  key: string; level: 0 | 1 | 2; headingZh: string; headingEn: string; template: string; textZh: string; textEn: string;
  version: number; editedBy: string | null; editedAt: string | null;
}
export interface AnnualReport {
  year: number; status: 'draft' | 'finalised'; bureau: string; title: string; finalisedAt: string | null;
  figures: Figure[]; paragraphs: Paragraph[];
  versions: { key: string; version: number; editedBy: string; editedAt: string; text: string }[];
  actions: { edit: Outcome; finalise: Outcome };
}

export interface CaseRecord { id: number; number: string; cause: string; filedOn: string; decidedOn: string | null; fineFen: number | null; link: string }

export const annualReportApi = {
  /** A drill-down served as an API list (`/api/annual-report/…/records/21`). */
  records: (drill: string, signal?: AbortSignal) => api<{ items: CaseRecord[] }>(drill.replace(/^\/api/, ''), { signal }),
  get: (year: number, signal?: AbortSignal) => api<AnnualReport>(`/annual-report/${year}`, { signal }),
  edit: (year: number, key: string, text: string) => api<{ key: string; version: number }>(`/annual-report/${year}/paragraphs/${encodeURIComponent(key)}`, { method: 'PUT', body: { text } }),
  finalise: (year: number) => api<{ status: string }>(`/annual-report/${year}/finalise`, { method: 'POST' }),
  document: (year: number) => download(`/annual-report/${year}/document`, undefined, `annual-report-${year}.docx`),
};
