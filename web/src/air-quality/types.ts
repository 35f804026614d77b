// Shapes of the air-quality API, inferred from the server's zod schemas (type-only: nothing is bundled).
import type { z } from 'zod';
import type { MultiPolygon, Polygon } from 'geojson';
import type {
  assessmentSchema, boundaryImportResultSchema, boundarySetSchema, dailyRankingSchema, extentSchema, hourlyImportSummarySchema, importJobSchema, mapSchema, monthlyRankingSchema,
  publicationResultSchema, sanctionListSchema, seriesSchema, stationListSchema, triggerRuleInputSchema, triggerRuleListSchema,
} from '../../../src/air-quality/schema';

export type DailyRanking = z.output<typeof dailyRankingSchema>;
export type DailyRow = DailyRanking['rows'][number];
export type MonthlyRanking = z.output<typeof monthlyRankingSchema>;
export type MonthlyRow = MonthlyRanking['rows'][number];
export type Extent = z.output<typeof extentSchema>;
export type MapDay = z.output<typeof mapSchema>;
export type MapStation = MapDay['stations'][number];
export type Series = z.output<typeof seriesSchema>;
export type SeriesDay = Series['days'][number];
export type Assessment = z.output<typeof assessmentSchema>;
export type PublicationResult = z.output<typeof publicationResultSchema>;
export type Sanction = z.output<typeof sanctionListSchema>['items'][number];
export type TriggerRule = z.output<typeof triggerRuleListSchema>['items'][number];
export type TriggerRuleInput = z.input<typeof triggerRuleInputSchema>;
export type Station = z.output<typeof stationListSchema>['items'][number];
export type HourlyImportSummary = z.output<typeof hourlyImportSummarySchema>;
export type ImportJob = z.output<typeof importJobSchema>;
export type BoundaryGeometry = Polygon | MultiPolygon;
/** The bureau's imported district outlines; `geometry` is checked GeoJSON on the server (rules/boundaries.ts). */
export type BoundarySet = Omit<z.output<typeof boundarySetSchema>, 'features'> & {
  features: (Omit<z.output<typeof boundarySetSchema>['features'][number], 'geometry'> & { geometry: BoundaryGeometry })[];
};
export type BoundaryImportResult = z.output<typeof boundaryImportResultSchema>;
export interface BoundaryImportInput { source: string; licence: string; reviewNumber?: string; geojson: unknown }
