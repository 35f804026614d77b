import { z } from 'zod';
import { SITE_KINDS, SITE_LEVELS } from './rules/evaluation.js';

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');
const nullableNumber = z.number().nullable();

export const idParamsSchema = z.object({ id });

export const siteInputSchema = z.object({
  code: text(32), name: text(100), kind: z.enum(SITE_KINDS), level: z.enum(SITE_LEVELS), body: z.enum(['river', 'lake']),
  waterName: z.string().trim().max(100).nullable(), districtId: z.number().int().positive(), townshipId: z.number().int().positive().nullable(),
  longitude: z.number().finite(), latitude: z.number().finite(), targetClass: z.number().int().nullable(), active: z.boolean().default(true),
});
export const siteUpdateSchema = siteInputSchema.extend({ version: z.number().int().positive() });
export const siteFilterSchema = z.object({ districtId: id.optional(), kind: z.enum(SITE_KINDS).optional(), level: z.enum(SITE_LEVELS).optional(), q: z.string().trim().max(100).optional() });
export const siteSchema = z.object({
  id: z.number(), code: z.string(), name: z.string(), kind: z.enum(SITE_KINDS), level: z.enum(SITE_LEVELS), body: z.enum(['river', 'lake']),
  waterName: z.string().nullable(), districtId: z.number(), districtName: z.string(), townshipId: z.number().nullable(), townshipName: z.string().nullable(),
  longitude: z.number(), latitude: z.number(), targetClass: z.number().nullable(), active: z.boolean(), version: z.number(),
});
export const siteListSchema = z.object({ items: z.array(siteSchema) });

export const sampleRowSchema = z.object({
  siteCode: z.string().max(40), month: z.string().max(7), sampledOn: z.string().max(10).nullable().optional(), dry: z.boolean().optional(),
  values: z.record(z.string().max(30), z.number()),
});
export const sampleBatchSchema = z.object({ rows: z.array(sampleRowSchema).min(1).max(5000), skipInvalid: z.boolean().default(false) });
export const importQuerySchema = z.object({ skipInvalid: booleanString.default(false) });
export const sampleImportSummarySchema = z.object({
  rows: z.number(), skipped: z.number(), errors: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
});
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY or YYYY-MM');
export const samplesQuerySchema = z.object({ from: z.string().regex(/^\d{4}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}$/) });
export const sampleListSchema = z.object({
  items: z.array(z.object({ siteId: z.number(), month: z.string(), sampledOn: z.string(), values: z.record(z.string(), z.number()), dry: z.boolean() })),
});

export const periodQuerySchema = z.object({ period });
export const exportQuerySchema = z.object({ period, format: z.enum(['xlsx', 'docx']).default('xlsx') });
export const publishBodySchema = z.object({ period });

const sharesSchema = z.object({
  assessed: z.number(), dry: z.number(), excellent: z.number(), excellentShare: nullableNumber, worstClass: z.number(), worstShare: nullableNumber,
  withTarget: z.number(), onTarget: z.number(), onTargetShare: nullableNumber,
});
export const evaluationSchema = z.object({
  siteId: z.number(), name: z.string(), code: z.string(), kind: z.enum(SITE_KINDS), level: z.enum(SITE_LEVELS), districtId: z.number(), districtName: z.string(),
  waterName: z.string().nullable(), longitude: z.number(), latitude: z.number(),
  dry: z.boolean(), sampleCount: z.number(), class: nullableNumber, classLabel: z.string().nullable(), colour: z.string().nullable(), targetClass: nullableNumber,
  drivers: z.array(z.string()), mainPollutants: z.array(z.object({
    key: z.string(), nameZh: z.string(), class: z.number(), exceedance: nullableNumber,
    exceedanceBasis: z.enum(['ratio', 'inverse', 'none']), toxic: z.boolean(),
  })),
  meetsTarget: z.boolean().nullable(), excellent: z.boolean().nullable(), cwqi: nullableNumber,
});
export const doubleIndexRowSchema = z.object({
  districtId: z.number(), districtName: z.string(), sections: z.number(), excellentIndex: nullableNumber, complianceIndex: nullableNumber,
  excellentRank: z.number().nullable(), complianceRank: z.number().nullable(),
});
export const summarySchema = z.object({
  period: z.string(), title: z.string(),
  config: z.object({ excellent: z.string(), compliance: z.string(), levels: z.array(z.string()), decimals: z.number() }),
  sections: sharesSchema, nationalSections: sharesSchema,
  seaAndDrinking: z.object({ seaPoints: z.number(), seaExcellent: z.number(), seaExcellentShare: nullableNumber, drinkingSources: z.number(), drinkingAttaining: z.number(), drinkingAttainmentRate: nullableNumber }),
  doubleIndex: z.array(doubleIndexRowSchema),
  evaluations: z.array(evaluationSchema),
  publications: z.array(z.object({ id: z.number(), period: z.string(), title: z.string(), publishedAt: z.string(), publishedByName: z.string() })),
});
