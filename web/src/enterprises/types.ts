import type { CreditRating, KeyUnitCategory, OutfallKind } from '../app/labels';

export interface EnterpriseSummary {
  id: number;
  creditCode: string;
  name: string;
  legalRepresentative: string;
  districtId: number;
  districtName: string;
  townshipId: number | null;
  townshipName: string | null;
  industryCode: string;
  keyUnitCategories: KeyUnitCategory[];
  creditRating: CreditRating | null;
  outfallCount: number;
}

export interface Outfall {
  id: number;
  code: string;
  name: string;
  kind: OutfallKind;
}

export interface Enterprise extends EnterpriseSummary {
  address: string;
  longitude: number | null;
  latitude: number | null;
  outfalls: Outfall[];
  version: number;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

export interface EnterpriseInput {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  districtId: number;
  townshipId: number | null;
  industryCode: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  keyUnitCategories: KeyUnitCategory[];
  creditRating: CreditRating | null;
  outfalls: { code: string; name: string; kind: OutfallKind }[];
}

export interface EnterpriseUpdate extends EnterpriseInput {
  version: number;
  reason?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EnterpriseFilters {
  q?: string;
  districtId?: number;
  townshipId?: number;
  keyUnit?: boolean;
  creditRating?: CreditRating;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
  errors: ImportRowError[];
}
