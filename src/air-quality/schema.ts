import { z } from 'zod';
import { STATION_LEVELS } from './rules/stations.js';
import { DAILY_METRICS, PERIOD_METRICS } from './rules/areas.js';
import { POLLUTANTS } from './rules/pollutants.js';
import { RANKING_KINDS, SANCTION_KINDS, TRIGGER_KINDS } from './rules/triggers.js';

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');
const nullableNumber = z.number().nullable();

export const idParamsSchema = z.object({ id });

export const stationInputSchema = z.object({
  code: text(32), name: text(100), level: z.enum(STATION_LEVELS),
  districtId: z.number().int().positive(), townshipId: z.number().int().positive().nullable(),
  longitude: z.number().finite(), latitude: z.number().finite(), active: z.boolean().default(true),
});
export const stationUpdateSchema = stationInputSchema.extend({ version: z.number().int().positive() });
export const stationFilterSchema = z.object({
  districtId: id.optional(), townshipId: id.optional(), level: z.enum(STATION_LEVELS).optional(), q: z.string().trim().max(100).optional(),
});
export const stationSchema = z.object({
  id: z.number(), code: z.string(), name: z.string(), level: z.enum(STATION_LEVELS), districtId: z.number(), districtName: z.string(),
  townshipId: z.number().nullable(), townshipName: z.string().nullable(), longitude: z.number(), latitude: z.number(), active: z.boolean(), version: z.number(),
});
export const stationListSchema = z.object({ items: z.array(stationSchema) });

const concentration = z.union([z.number(), z.string(), z.null()]).optional();
export const hourlyRowSchema = z.object({
  stationCode: z.string().max(40), date: z.string().max(20), hour: z.union([z.number(), z.string().max(4)]),
  ...Object.fromEntries(POLLUTANTS.map((p) => [p, concentration])) as Record<(typeof POLLUTANTS)[number], typeof concentration>,
  flags: z.object(Object.fromEntries(POLLUTANTS.map((p) => [p, z.string().max(2).nullable().optional()]))).partial().optional(),
});
export const hourlyBatchSchema = z.object({ rows: z.array(hourlyRowSchema).min(1).max(10_000), skipInvalid: z.boolean().default(false) });
export const importQuerySchema = z.object({ skipInvalid: booleanString.default(false), async: booleanString.default(false) });

const importErrorSchema = z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() });
export const hourlyImportSummarySchema = z.object({
  rows: z.number(), stationDays: z.number(), skipped: z.number(), from: z.string().nullable(), to: z.string().nullable(), errors: z.array(importErrorSchema),
});
export const importJobSchema = z.object({
  id: z.string(), status: z.enum(['running', 'done', 'failed']), step: z.string(), done: z.number(), total: z.number(),
  result: z.unknown().nullable().describe('The import summary, or an error body { error } when refused'),
});
export const jobParamsSchema = z.object({ id: z.string().uuid() });

export const stationHoursQuerySchema = z.object({ date: civilDate });
export const stationHoursSchema = z.object({
  station: stationSchema, date: z.string(),
  hours: z.array(z.object({ hour: z.number(), so2: nullableNumber, no2: nullableNumber, co: nullableNumber, o3: nullableNumber, pm10: nullableNumber, pm25: nullableNumber, invalidMask: z.number() })),
});

export const extentSchema = z.object({ first: z.string().nullable(), last: z.string().nullable() });

export const mapQuerySchema = z.object({ date: civilDate });
export const mapSchema = z.object({
  date: z.string(),
  stations: z.array(z.object({
    id: z.number(), code: z.string(), name: z.string(), level: z.string(), districtId: z.number(), townshipId: z.number().nullable(),
    longitude: z.number(), latitude: z.number(), aqi: nullableNumber, pm25: nullableNumber, pm10: nullableNumber, o3_8h: nullableNumber,
    primaryPollutants: z.array(z.string()), colour: z.string().nullable(), category: z.string().nullable(),
  })),
});

export const seriesQuerySchema = z.object({
  unit: z.enum(['city', 'district', 'township', 'station']).default('city'), id: id.optional(), from: civilDate, to: civilDate,
});
export const seriesSchema = z.object({
  unitName: z.string(),
  days: z.array(z.object({
    on: z.string(), so2: nullableNumber, no2: nullableNumber, co: nullableNumber, pm10: nullableNumber, pm25: nullableNumber,
    o3_1h: nullableNumber, o3_8h: nullableNumber, aqi: nullableNumber, level: nullableNumber, category: z.string().nullable(),
    colour: z.string().nullable(), primaryPollutants: z.array(z.string()), compositeIndex: nullableNumber,
  })),
});

const publicationSummarySchema = z.object({ id: z.number(), ranking: z.enum(RANKING_KINDS), period: z.string(), title: z.string(), publishedAt: z.string(), publishedByName: z.string() });
const sanctionSchema = z.object({
  id: z.number(), kind: z.enum(SANCTION_KINDS), ranking: z.enum(RANKING_KINDS), period: z.string(), districtId: z.number(), districtName: z.string(),
  townshipId: z.number().nullable(), townshipName: z.string().nullable(), ruleId: z.number(), ruleName: z.string(), publicationId: z.number().nullable(),
  reason: z.string(), status: z.enum(['raised', 'lifted']), raisedAt: z.string(),
});

const compositeFields = {
  compositeIndex: nullableNumber, subIndices: z.record(z.string(), z.number()), largest: z.array(z.string()),
  lastYearComposite: nullableNumber, changePercent: nullableNumber.describe('Year-on-year change of the composite index, %; negative = improved'),
  value: nullableNumber, rank: z.number().nullable(), tied: z.boolean(),
};
export const dailyRowSchema = z.object({
  unitId: z.number(), unitName: z.string(), districtId: z.number(), stations: z.number(),
  values: z.object({ so2: nullableNumber, no2: nullableNumber, co: nullableNumber, pm10: nullableNumber, pm25: nullableNumber, o3_1h: nullableNumber, o3_8h: nullableNumber }),
  aqi: nullableNumber, level: nullableNumber, category: z.string().nullable(), colour: z.string().nullable(), primaryPollutants: z.array(z.string()),
  ...compositeFields,
});
export const periodRowSchema = z.object({
  unitId: z.number(), unitName: z.string(), districtId: z.number(), districtName: z.string().optional(), stations: z.number(),
  means: z.object({ so2: nullableNumber, no2: nullableNumber, pm10: nullableNumber, pm25: nullableNumber }),
  co95: nullableNumber, o3_90: nullableNumber, goodDayRatio: nullableNumber, goodDays: z.number(), validAqiDays: z.number(), complete: z.boolean(),
  ...compositeFields,
});

export const dailyRankingQuerySchema = z.object({ date: civilDate, metric: z.enum(DAILY_METRICS).default('composite') });
export const monthlyRankingQuerySchema = z.object({ month, metric: z.enum(PERIOD_METRICS).default('composite') });
export const rankingKindParamsSchema = z.object({ kind: z.enum(['district-daily', 'township-monthly']) });
export const exportQuerySchema = z.object({ period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), format: z.enum(['xlsx', 'docx']).default('xlsx') });
export const publishBodySchema = z.object({ period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/) });

const rankingMeta = {
  period: z.string(), title: z.string(), standard: z.string(), publications: z.array(publicationSummarySchema), sanctions: z.array(sanctionSchema),
};
export const dailyRankingSchema = z.object({ ranking: z.literal('air_district_daily'), metric: z.enum(DAILY_METRICS), rows: z.array(dailyRowSchema), city: dailyRowSchema.nullable(), ...rankingMeta });
export const monthlyRankingSchema = z.object({ ranking: z.literal('air_township_monthly'), metric: z.enum(PERIOD_METRICS), rows: z.array(periodRowSchema), ...rankingMeta });

export const publicationResultSchema = z.object({
  publication: publicationSummarySchema,
  sanctions: z.array(z.object({ id: z.number(), kind: z.string(), unitName: z.string(), reason: z.string() })),
});
export const publicationListSchema = z.object({ items: z.array(publicationSummarySchema) });
export const publicationFilterSchema = z.object({ ranking: z.enum(RANKING_KINDS).optional(), period: z.string().max(10).optional() });

export const assessmentQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const pollutantStatsSchema = z.object({ validDays: z.number(), mean: nullableNumber, percentile: nullableNumber, percentileRank: z.number(), complete: z.boolean() });
export const assessmentSchema = z.object({
  year: z.number(),
  units: z.array(z.object({
    unitId: z.number(), unitName: z.string(), kind: z.enum(['city', 'district']),
    pollutants: z.record(z.string(), pollutantStatsSchema),
    attains: z.boolean().nullable(), pollutantAttains: z.record(z.string(), z.boolean().nullable()),
    goodDays: z.number(), validAqiDays: z.number(), goodDayRatio: nullableNumber,
    compositeIndex: nullableNumber, lastYearComposite: nullableNumber, improvement: z.record(z.string(), nullableNumber),
    rank: z.number().nullable(),
  })),
  citation: z.object({ law: z.string(), article: z.string() }),
});

export const triggerRuleInputSchema = z.object({
  name: text(100), ranking: z.enum(RANKING_KINDS), kind: z.enum(TRIGGER_KINDS),
  consecutive: z.number().int().min(1).max(366).nullable(), thresholdPercent: z.number().min(0).max(1000).nullable(),
  action: z.enum(SANCTION_KINDS), active: z.boolean(),
});
export const triggerRuleUpdateSchema = triggerRuleInputSchema.extend({ version: z.number().int().positive() });
export const triggerRuleSchema = triggerRuleInputSchema.extend({ id: z.number(), version: z.number() });
export const triggerRuleListSchema = z.object({ items: z.array(triggerRuleSchema) });

export const sanctionFilterSchema = z.object({ districtId: id.optional(), townshipId: id.optional(), status: z.enum(['raised', 'lifted']).optional(), kind: z.enum(SANCTION_KINDS).optional() });
export const sanctionListSchema = z.object({ items: z.array(sanctionSchema) });
export const liftBodySchema = z.object({ reason: text(500) });
export const okIdSchema = z.object({ id: z.number() });

export const compositeQuerySchema = z.object({
  level: z.enum(['city', 'district', 'township']).default('district'),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
});
export const compositeRankingSchema = z.object({ level: z.enum(['city', 'district', 'township']), period: z.string(), rows: z.array(periodRowSchema) });

// District outlines: a bureau-supplied GeoJSON set (rules/boundaries.ts checks the geometry, not zod, so a bad
// feature is a 422 naming it rather than a 400).
export const BOUNDARY_BODY_LIMIT = 20 * 1024 * 1024;
const geojsonSchema = z.object({
  type: z.string(),
  features: z.array(z.unknown()).max(2000),
}).passthrough().describe('GeoJSON FeatureCollection of Polygon/MultiPolygon features (WGS-84), each with properties.code (administrative code) or properties.name');
export const boundaryImportSchema = z.object({
  source: z.string().trim().min(2).max(200).describe('数据来源, e.g. 天地图 or the surveying authority'),
  licence: z.string().trim().min(2).max(500).describe('许可: the licence or agreement under which the bureau uses the data'),
  reviewNumber: z.string().trim().max(100).optional().describe('审图号'),
  geojson: geojsonSchema,
});
export const boundaryImportResultSchema = z.object({ features: z.number() });
export const boundaryDeleteResultSchema = z.object({ removed: z.number() });
export const boundarySetSchema = z.object({
  source: z.string().nullable(), licence: z.string().nullable(), reviewNumber: z.string().nullable(),
  importedAt: z.string().nullable(), importedBy: z.string().nullable(),
  features: z.array(z.object({ districtId: z.number(), districtName: z.string(), code: z.string(), geometry: z.unknown() })),
});
