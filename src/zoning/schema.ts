import { z } from 'zod';

/** A GeoJSON import can be large: 5 000 detailed units run to tens of megabytes. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export const importSchema = z.object({
  label: z.string().trim().min(1).max(200),
  source: z.string().trim().max(500).nullable().optional(),
  // Validated feature by feature by checkUnitImport, so each problem names its feature index.
  geojson: z.unknown(),
});

const lonLat = z.tuple([z.number(), z.number()]).or(z.tuple([z.number(), z.number(), z.number()]));
export const checkSchema = z.object({
  // Point, Polygon or MultiPolygon in lon/lat; checked by checkSiteGeometry.
  site: z.object({ type: z.enum(['Point', 'Polygon', 'MultiPolygon']), coordinates: z.union([lonLat, z.array(z.unknown()).min(1)]) }),
  industryCode: z.string().trim().max(10).nullable().optional(),
});

export const versionParamsSchema = z.object({ versionId: z.coerce.number().int().positive().max(2_147_483_647).optional() });
