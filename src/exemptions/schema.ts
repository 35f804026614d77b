import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { STATUTORY_GROUND_CODES } from './rules/grounds.js';

export const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const key = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'letters, digits and _');

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const caseParamsSchema = z.object({ caseId: z.coerce.number().int().positive() });
export const groundParamsSchema = caseParamsSchema.extend({ ground: z.enum(STATUTORY_GROUND_CODES) });

export const catalogueInputSchema = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,40}$/, 'letters, digits and -'),
  title: text(200), documentNumber: z.string().trim().max(100).nullable().default(null), issuer: text(100),
  effectiveOn: civilDate, expiresOn: civilDate.nullable().default(null), note: z.string().trim().max(2000).default(''),
});
export const catalogueUpdateSchema = catalogueInputSchema.omit({ code: true }).extend({ reason: z.string().trim().max(500).nullable().optional() });

export const conditionsSchema = z.object({
  lookBackMonths: z.number().int(), correctionDays: z.number().int(), correctionWorkingDays: z.boolean(), noIntentRequired: z.boolean(),
  extra: z.array(z.object({ key, text: text(500) })).max(10),
});
export const entryInputSchema = z.object({
  title: text(300), violatedProvision: text(300), penaltyProvision: text(300), circumstances: text(2000), conditions: conditionsSchema,
});
export const entryUpdateSchema = entryInputSchema.extend({ reason: z.string().trim().max(500).nullable().optional() });

export const factsInputSchema = z.object({
  entryId: z.number().int().positive(),
  consequence: z.enum(['none', 'minor', 'serious']).nullable(),
  correctionOrderedOn: civilDate.nullable(),
  correctedOn: civilDate.nullable(),
  intentional: z.boolean().nullable(),
  attestedNoPriorElsewhere: z.boolean().nullable(),
  extra: z.record(z.string(), z.boolean().nullable()).default({}),
  note: z.string().trim().max(2000).default(''),
});

export const applyInputSchema = z.object({
  correctionOrder: text(2000),
  education: z.object({ on: civilDate, form: text(50), content: text(2000) }),
  reasons: z.string().trim().max(5000).nullable().optional(),
});

export const groundInputSchema = z.object({ ground: z.enum(STATUTORY_GROUND_CODES), note: text(2000) });
export const groundRemoveSchema = z.object({ reason: text(500) });

export const inForceQuerySchema = z.object({ on: civilDate.optional() });
export const appliedQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
