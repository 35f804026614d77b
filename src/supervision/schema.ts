import { z } from 'zod';
import { COMPLAINT_OUTCOMES, COMPLAINT_SOURCES, POSITIVE_LIST_STATUSES } from './rules/vocabulary.js';
import { COUNT_FACTORS } from './rules/risk.js';

const id = z.coerce.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string();

export const idParamsSchema = z.object({ id });
export const enterpriseQuerySchema = z.object({ enterpriseId: id.optional() });

export const complaintInputSchema = z.object({
  enterpriseId: z.number().int().positive(), source: z.enum(COMPLAINT_SOURCES), receivedOn: day, content: text(4000),
  handling: z.string().max(4000).default(''), outcome: z.enum(COMPLAINT_OUTCOMES).default('pending'), closedOn: day.nullable().default(null),
});
export const complaintUpdateSchema = z.object({
  handling: z.string().max(4000), outcome: z.enum(COMPLAINT_OUTCOMES), closedOn: day.nullable(), version: z.number().int().positive(),
});
export const complaintSchema = z.object({
  id: z.number(), enterpriseId: z.number(), enterpriseName: z.string(), source: z.enum(COMPLAINT_SOURCES), receivedOn: z.string(), content: z.string(),
  handling: z.string(), outcome: z.enum(COMPLAINT_OUTCOMES), closedOn: z.string().nullable(), leadId: z.number().nullable(), version: z.number(),
});

export const rectificationInputSchema = z.object({
  enterpriseId: z.number().int().positive(), source: text(200), requirement: text(2000), orderedOn: day, dueOn: day,
});
export const rectificationSchema = rectificationInputSchema.extend({
  id: z.number(), enterpriseName: z.string(), completedOn: z.string().nullable(), overdue: z.boolean(),
});
export const completeSchema = z.object({ completedOn: day });

const contribution = z.object({ factor: z.string(), value: z.union([z.number(), z.string(), z.boolean(), z.null()]), points: z.number(), weight: z.string() });
export const riskItemSchema = z.object({
  enterpriseId: z.number(), name: z.string(), districtId: z.number(), districtName: z.string(), onKeyList: z.boolean(), onPositiveList: z.boolean(),
  risk: z.object({
    score: z.number(), sum: z.number(), clamped: z.enum(['floor', 'ceiling']).nullable(), weightsVersion: z.number(), contributions: z.array(contribution),
  }),
});
export const riskQuerySchema = z.object({ districtId: id.optional(), limit: z.coerce.number().int().min(1).max(5000).default(200) });
export const riskListSchema = z.object({ total: z.number(), weightsVersion: z.number(), items: z.array(riskItemSchema) });

const perCount = z.object({ points: z.number().min(0).max(100), cap: z.number().min(0).max(100) });
export const riskWeightsSchema = z.object({
  perCount: z.object(Object.fromEntries(COUNT_FACTORS.map((f) => [f, perCount])) as Record<(typeof COUNT_FACTORS)[number], typeof perCount>),
  credit: z.object({ green: z.number(), blue: z.number(), yellow: z.number(), red: z.number(), black: z.number(), none: z.number() }),
  keyUnit: z.number(),
  industry: z.object({ high: z.number(), medium: z.number(), low: z.number() }),
});
export const riskWeightsInputSchema = z.object({ effectiveFrom: day, weights: riskWeightsSchema, note: text(500), activate: z.boolean().default(false) });
export const riskWeightSetsSchema = z.object({
  current: z.object({ version: z.number(), weights: riskWeightsSchema }),
  /** Every stored version (newest first), then version 1, the built-in weights. */
  versions: z.array(z.object({
    version: z.number(), effectiveFrom: z.string().nullable(), note: z.string(), weights: riskWeightsSchema, builtIn: z.boolean(),
    createdAt: instant.nullable(), createdByName: z.string().nullable(), activatedAt: instant.nullable(), inForce: z.boolean(),
  })),
});
export const versionParamsSchema = z.object({ version: z.coerce.number().int().min(2) });
export const riskWeightsCreatedSchema = z.object({ version: z.number(), activated: z.boolean() });
export const riskWeightsActivatedSchema = z.object({ version: z.number(), inForce: z.boolean() });

const admission = z.object({ eligible: z.boolean(), criteria: z.array(z.object({ criterion: z.string(), met: z.boolean(), evidence: z.string() })) });
export const admissionSchema = z.object({ enterpriseId: z.number(), check: admission });
export const positiveEntrySchema = z.object({
  id: z.number(), enterpriseId: z.number(), enterpriseName: z.string(), status: z.enum(POSITIVE_LIST_STATUSES), admission,
  proposedAt: instant, approvedAt: instant.nullable(), publishedAt: instant.nullable(), removedAt: instant.nullable(), removalReason: z.string().nullable(),
});
export const proposeSchema = z.object({ enterpriseId: z.number().int().positive() });
export const stepParamsSchema = z.object({ id, step: z.enum(['approve', 'reject', 'publish', 'remove']) });
export const reasonSchema = z.object({ reason: z.string().max(1000).nullable().default(null) });

export const keyEntrySchema = z.object({
  id: z.number(), enterpriseId: z.number(), enterpriseName: z.string(), reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
  enteredAt: instant, exitedAt: instant.nullable(), exitReason: z.string().nullable(),
});
export const keyListQuerySchema = z.object({ history: z.enum(['true', 'false']).default('false') });
export const recomputeResultSchema = z.object({ entered: z.number(), exited: z.number(), updated: z.number() });

export const drawInputSchema = z.object({
  title: text(200), count: z.number().int().min(1).max(1000), teamSize: z.number().int().min(1).max(10).default(2),
  districtId: z.number().int().positive().nullable().default(null), seed: z.string().max(100).nullable().default(null),
});
export const drawSchema = z.object({
  id: z.number(), title: z.string(), seed: z.string(), drawnAt: instant, weightsVersion: z.number(), poolSize: z.number(), districtId: z.number().nullable(),
  items: z.array(z.object({ enterpriseId: z.number(), enterpriseName: z.string(), officerIds: z.array(z.number()), officerNames: z.array(z.string()), riskScore: z.number(), weight: z.number(), cause: z.string().nullable() })),
  excluded: z.array(z.object({ enterpriseId: z.number(), reason: z.string() })),
});
export const drawSummarySchema = z.object({ items: z.array(z.object({ id: z.number(), title: z.string(), seed: z.string(), drawnAt: instant, drawn: z.number(), districtId: z.number().nullable() })) });
export const verifySchema = z.object({ id: z.number(), reproducible: z.boolean() });
