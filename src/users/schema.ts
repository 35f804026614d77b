import { z } from 'zod';
import { ROLES } from '../platform/auth/roles.js';

export const loginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export const meSchema = z.object({
  user: z.object({
    id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ROLES),
    districtId: z.number().nullable(), districtName: z.string().nullable(), enterpriseId: z.number().nullable(),
    permissions: z.array(z.string()),
  }),
  csrfToken: z.string(),
});

export const newUserSchema = z.object({
  username: z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  role: z.enum(ROLES),
  districtId: z.number().int().positive().nullable().default(null),
  departmentId: z.number().int().positive().nullable().default(null),
  enterpriseId: z.number().int().positive().nullable().default(null),
  credentialNo: z.string().trim().max(40).nullable().default(null),
  holdsLegalQualification: z.boolean().default(false),
  /** 行政处罚法 第五十八条第二款: when a legal reviewer began the work; those starting after 2021-07-15 need the qualification. */
  legalReviewStartedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable().default(null),
});

export const directoryQuerySchema = z.object({ role: z.enum(ROLES).optional() });

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const reasonBodySchema = z.object({ reason: z.string().trim().max(500).nullable().default(null) });
export const resetPasswordSchema = z.object({
  /** Omitted: a password is generated and returned once. */
  password: z.string().min(1).max(200).nullable().default(null),
  reason: z.string().trim().max(500).nullable().default(null),
});

/** 行政处罚法 第五十八条第二款: a legal reviewer's start date (null: unknown). */
export const legalReviewStartSchema = z.object({
  legalReviewStartedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').nullable(),
  reason: z.string().trim().max(500).nullable().default(null),
});
