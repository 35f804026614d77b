import { z } from 'zod';

export const auditQuerySchema = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z.object({
  seq: z.number(), at: z.string(), actorId: z.number().nullable(), actorName: z.string(), actorRole: z.string(),
  action: z.string(), entity: z.string(), entityId: z.string(), before: z.unknown(), after: z.unknown(),
  reason: z.string().nullable(), prevHash: z.string(), hash: z.string(),
});

export const auditListSchema = z.object({
  items: z.array(auditEntrySchema), total: z.number(), page: z.number(), pageSize: z.number(),
});

export const chainCheckSchema = z.object({
  ok: z.boolean(), checked: z.number(), firstBrokenSeq: z.number().optional(),
  reason: z.enum(['SEQ_GAP', 'PREV_HASH_MISMATCH', 'HASH_MISMATCH']).optional(),
});
