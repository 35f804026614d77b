// zod request shapes of the webhook routes (→ OpenAPI).
import { z } from 'zod';
import { EVENT_KINDS } from './rules.js';

const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParamsSchema = z.object({ id });
export const integratorInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: z.string().trim().min(1).max(2000),
  eventKinds: z.array(z.enum(EVENT_KINDS)).min(1),
});
export const activeSchema = z.object({ active: z.boolean() });
