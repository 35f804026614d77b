import { z } from 'zod';
import { PARAGRAPH_KEYS } from './paragraphs.js';

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const paragraphParamsSchema = yearParamsSchema.extend({ key: z.enum(PARAGRAPH_KEYS) });
export const paragraphBodySchema = z.object({ text: z.string().trim().min(1).max(20_000) });
export const recordsParamsSchema = yearParamsSchema.extend({ no: z.enum(['21', '22']) });
