import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';

export const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('amount in fen (分)');
const key = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'letters, digits and _');
const percent = z.string().regex(/^\d+(?:\.\d{1,6})?$/, 'a decimal percentage such as "1" or "0.5"');

export const citationSchema = z.object({ law: text(100), article: text(40), paragraph: z.string().trim().max(20).optional(), item: z.string().trim().max(20).optional() });

export const rangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), minFen: fen, maxFen: fen }),
  z.object({ kind: z.literal('percent_of_base'), baseLabel: text(50), minPercent: percent, maxPercent: percent }),
  z.object({ kind: z.literal('multiple_of_base'), baseLabel: text(50), minMultiple: z.number().int().min(0).max(100), maxMultiple: z.number().int().min(0).max(100), baseFloorFen: fen }),
]);

export const factorSchema = z.object({
  key, label: text(50), weight: z.number().int(),
  levels: z.array(z.object({ key, label: text(100), score: z.number().int() })).max(10),
});

export const tableInputSchema = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,40}$/, 'letters, digits and -'),
  title: text(300), category: z.enum(['eia', 'air', 'water', 'solid_waste', 'permit', 'other']),
  violatedProvision: citationSchema, penaltyProvision: citationSchema, range: rangeSchema,
  factors: z.array(factorSchema).max(12), baselinePercent: z.number().int(), roundingFen: z.number().int(),
  effectiveOn: civilDate, source: text(500), note: z.string().trim().max(2000).default(''),
  reason: z.string().trim().max(500).nullable().optional(),
});

export const levelsSchema = z.record(z.string(), z.string().max(40));

export const calculateSchema = z.object({ tableId: z.number().int().positive(), levels: levelsSchema, baseFen: fen.nullable().optional() });

export const tablesQuerySchema = z.object({ on: civilDate.optional() });
export const codeParamsSchema = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{2,40}$/) });
export const caseParamsSchema = z.object({ caseId: z.coerce.number().int().positive() });

export const consistencyQuerySchema = z.object({
  from: civilDate.optional(), to: civilDate.optional(), tableCode: z.string().regex(/^[A-Za-z0-9-]{2,40}$/).optional(),
  districtId: z.coerce.number().int().positive().optional(),
});
