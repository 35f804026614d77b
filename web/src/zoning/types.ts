import type { MultiPolygon, Point, Polygon } from 'geojson';

export type UnitKind = 'priority-protection' | 'key-control' | 'general-control';
export type ZoningVerdict = 'allowed' | 'restricted' | 'prohibited' | 'outside-all-units';
export type SiteGeometry = Point | Polygon | MultiPolygon;

export interface UnitProperties {
  code: string; name: string; kind: UnitKind; district: string | null; demo: boolean;
  prohibited: string[]; restricted: string[]; restrictionConditions: string | null; dischargeConditions: string | null;
}
export interface UnitFeature { type: 'Feature'; id: number; bbox: [number, number, number, number]; geometry: Polygon | MultiPolygon; properties: UnitProperties }
export interface VersionSummary { id: number; label: string; source: string | null; isCurrent: boolean; demo: boolean; importedAt: string; unitCount: number }
export interface UnitSet { version: VersionSummary | null; type: 'FeatureCollection'; features: UnitFeature[] }

export interface VersionListItem { id: number; label: string; source: string | null; unitCount: number; isCurrent: boolean; demo: boolean; importedAt: string; importedBy: string | null }

export interface SiteCheck {
  verdict: ZoningVerdict;
  units: { id: number; code: string; name: string; kind: UnitKind; demo: boolean }[];
  reasons: { unitCode: string; code: string; text: string }[];
  versionId: number | null;
}
