import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { REVIEW_CATEGORIES } from './rules/standard.js';
import { PRECHECK_CODES } from './rules/prechecks.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const code = z.string().trim().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and -');

export const caseParamsSchema = z.object({ caseId: z.coerce.number().int().positive() });

export const sheetLineSchema = z.object({ itemCode: code, deductionCode: code, note: z.string().trim().max(1000).default(''), source: z.enum(['precheck', 'reviewer']).default('reviewer') });
export const reviewInputSchema = z.object({ lines: z.array(sheetLineSchema).max(100), comment: z.string().trim().max(5000).default(''), submit: z.boolean().default(false) });

export const standardInputSchema = z.object({
  code, title: text(200), effectiveOn: civilDate,
  bands: z.object({ excellentMin: z.number().int(), qualifiedMin: z.number().int() }),
  items: z.array(z.object({
    code, category: z.enum(REVIEW_CATEGORIES), title: text(100), points: z.number().int(),
    deductions: z.array(z.object({ code, text: text(300), points: z.number().int(), veto: z.boolean().optional(), precheck: z.enum(PRECHECK_CODES as [string, ...string[]]).optional() })).max(20),
  })).min(1).max(40),
  reason: z.string().trim().max(500).nullable().optional(),
});

export const casesQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  reviewed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const resultsQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
