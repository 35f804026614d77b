import { api } from '../app/api';
import type { AppliedList, ApplyInput, CaseExemption, Catalogue, CatalogueDetail, CatalogueInput, EntryInForce, EntryInput, FactsInput, GroundInfo, StatutoryGroundCode } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const exemptionApi = {
  catalogues: (signal?: AbortSignal) => api<{ todayOn: string; items: Catalogue[] }>('/exemptions/catalogues', { signal }),
  catalogue: (catalogueId: number, signal?: AbortSignal) => api<CatalogueDetail>(`/exemptions/catalogues/${id(catalogueId)}`, { signal }),
  createCatalogue: (body: CatalogueInput) => api<{ id: number }>('/exemptions/catalogues', { method: 'POST', body }),
  addEntry: (catalogueId: number, body: EntryInput) => api<{ id: number }>(`/exemptions/catalogues/${id(catalogueId)}/entries`, { method: 'POST', body }),
  entriesInForce: (on?: string, signal?: AbortSignal) => api<{ on: string; items: EntryInForce[] }>('/exemptions/entries', { query: { on }, signal }),
  grounds: (signal?: AbortSignal) => api<{ items: GroundInfo[] }>('/exemptions/grounds', { signal }),
  ofCase: (caseId: number, signal?: AbortSignal) => api<CaseExemption>(`/exemptions/cases/${id(caseId)}`, { signal }),
  putFacts: (caseId: number, body: FactsInput) => api<CaseExemption>(`/exemptions/cases/${id(caseId)}/facts`, { method: 'PUT', body }),
  apply: (caseId: number, body: ApplyInput) => api<CaseExemption>(`/exemptions/cases/${id(caseId)}/apply`, { method: 'POST', body }),
  addGround: (caseId: number, ground: StatutoryGroundCode, note: string) => api<{ id: number }>(`/exemptions/cases/${id(caseId)}/grounds`, { method: 'POST', body: { ground, note } }),
  removeGround: (caseId: number, ground: StatutoryGroundCode, reason: string) => api<unknown>(`/exemptions/cases/${id(caseId)}/grounds/${id(ground)}`, { method: 'DELETE', body: { reason } }),
  applied: (year: number | undefined, signal?: AbortSignal) => api<AppliedList>('/exemptions/applied', { query: { year }, signal }),
};
