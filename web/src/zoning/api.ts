import { api } from '../app/api';
import type { SiteCheck, SiteGeometry, UnitSet, VersionListItem } from './types';

export const zoningApi = {
  units: (signal?: AbortSignal, versionId?: number) => api<UnitSet>('/zoning/units', { query: versionId ? { versionId } : undefined, signal }),
  versions: (signal?: AbortSignal) => api<{ items: VersionListItem[]; canImport: boolean }>('/zoning/versions', { signal }),
  importUnits: (body: { label: string; source?: string; geojson: unknown }) => api<{ versionId: number; units: number }>('/zoning/import', { method: 'POST', body }),
  check: (site: SiteGeometry, industryCode: string | null) => api<SiteCheck>('/zoning/check', { method: 'POST', body: { site, industryCode } }),
};
