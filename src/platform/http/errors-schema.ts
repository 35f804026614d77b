import { z } from 'zod';

/** Every error response body. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(), message: z.string(), field: z.string().optional(),
    citation: z.object({ law: z.string(), article: z.string(), paragraph: z.string().optional(), item: z.string().optional() }).optional(),
    details: z.unknown().optional(),
  }),
});
