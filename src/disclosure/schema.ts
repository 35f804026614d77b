// zod request shapes of the disclosure routes (→ OpenAPI).
import { z } from 'zod';

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const publicFilterSchema = z.object({
  districtId: id.optional(),
  enterpriseId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const publicListQuerySchema = publicFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const idParamsSchema = z.object({ id });
export const caseParamsSchema = z.object({ caseId: id });
export const withdrawSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
