import { api } from '../app/api';
import type { DistrictCompliance, EnterpriseCompliance, PublicWatchList, WatchList } from './types';

const id = (v: number | string) => encodeURIComponent(String(v));

export const complianceApi = {
  enterprise: (enterpriseId: number | string, signal?: AbortSignal) =>
    api<EnterpriseCompliance>(`/public/enterprises/${id(enterpriseId)}/compliance`, { signal, skipAuthRedirect: true }),
  district: (districtId: number | string, signal?: AbortSignal) =>
    api<DistrictCompliance>(`/public/districts/${id(districtId)}/compliance`, { signal, skipAuthRedirect: true }),
  publicWatchList: (signal?: AbortSignal) => api<PublicWatchList>('/public/watch-list', { signal, skipAuthRedirect: true }),
  watchList: (signal?: AbortSignal) => api<WatchList>('/compliance/watch-list', { signal }),
};
