// The public (no login) lists beside the decisions: published rankings, water sections, typical cases, positive list.
import { api } from '../app/api';

export type RankingKind = 'air_district_daily' | 'air_township_monthly' | 'water_district_period';
export interface PublishedRanking { id: number; ranking: RankingKind; period: string; title: string; publishedAt: string }
export interface RankingRow { unitName: string; rank: number | null; value: number | null; lastYearValue: number | null }
export interface WaterSection { code: string; name: string; kind: string; districtName: string; waterName: string | null; dry: boolean; classLabel: string | null; targetLabel: string | null; meetsTarget: boolean | null }
export interface PublicTypicalCase { id: number; title: string; facts: string; analysis: string; lesson: string; districtName: string; publishedAt: string }
export interface PositiveListItem { enterpriseName: string; districtName: string; publishedAt: string | null }

const id = (v: number | string) => encodeURIComponent(String(v));
const open = { skipAuthRedirect: true } as const;

export const publicListsApi = {
  rankings: (ranking: RankingKind, signal?: AbortSignal) => api<{ items: PublishedRanking[] }>('/public/rankings', { query: { ranking }, signal, ...open }),
  ranking: (rankingId: number | string, signal?: AbortSignal) => api<PublishedRanking & { rows: RankingRow[] }>(`/public/rankings/${id(rankingId)}`, { signal, ...open }),
  rankingCsvHref: (rankingId: number | string) => `/api/public/rankings/${id(rankingId)}/csv`,
  waterSections: (period: string, signal?: AbortSignal) => api<{ period: string; title: string; items: WaterSection[] }>('/public/water/sections', { query: { period }, signal, ...open }),
  typicalCases: (signal?: AbortSignal) => api<{ items: PublicTypicalCase[] }>('/public/typical-cases', { signal, ...open }),
  typicalCasesCsvHref: '/api/public/typical-cases.csv',
  positiveList: (signal?: AbortSignal) => api<{ items: PositiveListItem[] }>('/public/positive-list', { signal, ...open }),
  positiveListCsvHref: '/api/public/positive-list.csv',
};
