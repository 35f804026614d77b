import { api, download } from '../app/api';
import type { District } from '../app/types';
import type {
  Enterprise,
  EnterpriseFilters,
  EnterpriseInput,
  EnterpriseSummary,
  EnterpriseUpdate,
  ImportResult,
  Page,
} from './types';

function filterQuery(f: EnterpriseFilters) {
  return {
    q: f.q?.trim() || undefined,
    districtId: f.districtId,
    townshipId: f.townshipId,
    keyUnit: f.keyUnit,
    creditRating: f.creditRating,
  };
}

export const enterpriseApi = {
  list(f: EnterpriseFilters, page: number, pageSize: number, signal?: AbortSignal) {
    return api<Page<EnterpriseSummary>>('/enterprises', { query: { ...filterQuery(f), page, pageSize }, signal });
  },
  get(id: number | string, signal?: AbortSignal) {
    return api<Enterprise>(`/enterprises/${encodeURIComponent(String(id))}`, { signal });
  },
  create(input: EnterpriseInput) {
    return api<Enterprise>('/enterprises', { method: 'POST', body: input });
  },
  update(id: number | string, input: EnterpriseUpdate) {
    return api<Enterprise>(`/enterprises/${encodeURIComponent(String(id))}`, { method: 'PUT', body: input });
  },
  import(file: File, skipInvalid: boolean) {
    const fd = new FormData();
    fd.append('file', file, file.name);
    return api<ImportResult>('/enterprises/import', { method: 'POST', query: { skipInvalid }, body: fd });
  },
  export(f: EnterpriseFilters) {
    return download('/enterprises/export', filterQuery(f), 'enterprises.xlsx');
  },
  template() {
    return download('/enterprises/import-template', undefined, 'enterprise-import-template.xlsx');
  },
};

let districtsPromise: Promise<District[]> | null = null;

/** Districts rarely change; fetched once per page load. */
export function loadDistricts(): Promise<District[]> {
  if (!districtsPromise) {
    districtsPromise = api<{ items: District[] }>('/organisation/districts')
      .then((r) => r.items)
      .catch((e: unknown) => {
        districtsPromise = null;
        throw e;
      });
  }
  return districtsPromise;
}
