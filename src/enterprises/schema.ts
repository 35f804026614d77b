import { z } from 'zod';
import { CREDIT_RATINGS, KEY_UNIT_CATEGORIES, OUTFALL_KINDS } from './rules/enterprise.js';

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

export const outfallInputSchema = z.object({
  code: text(10), name: text(100), kind: z.enum(OUTFALL_KINDS),
});

export const enterpriseInputSchema = z.object({
  creditCode: z.string().trim().min(1).max(40),
  name: text(200),
  legalRepresentative: text(50),
  districtId: z.number().int().positive(),
  townshipId: z.number().int().positive().nullable(),
  industryCode: text(10),
  address: text(300),
  longitude: z.number().finite().nullable(),
  latitude: z.number().finite().nullable(),
  keyUnitCategories: z.array(z.enum(KEY_UNIT_CATEGORIES)).max(5),
  creditRating: z.enum(CREDIT_RATINGS).nullable(),
  outfalls: z.array(outfallInputSchema).max(200),
});

export const enterpriseUpdateSchema = enterpriseInputSchema.extend({
  version: z.number().int().positive(),
  reason: z.string().trim().max(500).nullable().optional(),
});

const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const enterpriseFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  districtId: id.optional(),
  townshipId: id.optional(),
  industryCode: z.string().trim().max(10).optional(),
  keyUnit: booleanString.optional(),
  creditRating: z.enum(CREDIT_RATINGS).optional(),
});

export const enterpriseListQuerySchema = enterpriseFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const importQuerySchema = z.object({ skipInvalid: booleanString.default(false) });
export const idParamsSchema = z.object({ id });

export const enterpriseSummarySchema = z.object({
  id: z.number(), creditCode: z.string(), name: z.string(), legalRepresentative: z.string(),
  districtId: z.number(), districtName: z.string(), townshipId: z.number().nullable(), townshipName: z.string().nullable(),
  industryCode: z.string(), keyUnitCategories: z.array(z.enum(KEY_UNIT_CATEGORIES)), creditRating: z.enum(CREDIT_RATINGS).nullable(),
  address: z.string(), longitude: z.number().nullable(), latitude: z.number().nullable(), outfallCount: z.number(),
});

export const enterpriseListSchema = z.object({
  items: z.array(enterpriseSummarySchema), total: z.number(), page: z.number(), pageSize: z.number(),
});

export const enterpriseDetailSchema = enterpriseSummarySchema.extend({
  outfalls: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), kind: z.enum(OUTFALL_KINDS) })),
  version: z.number(), createdAt: z.string(), updatedAt: z.string(),
  actions: z.array(z.enum(['edit'])).describe('What the current user may do with this enterprise'),
});

export const importSummarySchema = z.object({
  created: z.number(), updated: z.number(), skipped: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
});
