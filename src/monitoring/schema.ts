import { z } from 'zod';
import { CHANNEL_ROLES, DEVICE_KINDS, EVENT_KINDS, LIMIT_BASES, LIMIT_PERIODS } from './rules/vocabulary.js';

const id = z.coerce.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.string();

export const idParamsSchema = z.object({ id });

export const deviceInputSchema = z.object({
  mn: z.string().trim().regex(/^[0-9A-Za-z]{1,24}$/),
  password: z.string().min(1).max(32),
  kind: z.enum(DEVICE_KINDS).default('emission'),
  enterpriseId: z.number().int().positive(),
  outfallId: z.number().int().positive().nullable(),
  intervalS: z.number().int().min(30).max(3600).default(60),
});

export const deviceSchema = z.object({
  id: z.number(), mn: z.string(), kind: z.enum(DEVICE_KINDS), enterpriseId: z.number(), enterpriseName: z.string(), districtId: z.number(),
  outfallId: z.number().nullable(), outfallCode: z.string().nullable(), outfallName: z.string().nullable(), intervalS: z.number(), active: z.boolean(),
  lastSeenAt: instant.nullable(), online: z.boolean(),
});

export const limitInputSchema = z.object({
  outfallId: z.number().int().positive(),
  pollutant: z.string().trim().regex(/^[A-Za-z0-9]{1,10}$/),
  period: z.enum(LIMIT_PERIODS),
  lower: z.number().finite().nullable(),
  upper: z.number().finite().nullable(),
  useReference: z.boolean().default(false),
  basis: z.enum(LIMIT_BASES),
  citation: text(300),
  effectiveFrom: day,
  effectiveTo: day.nullable(),
});
export const limitSchema = limitInputSchema.extend({ id: z.number(), createdAt: instant });
export const limitQuerySchema = z.object({ outfallId: id });

export const eventQuerySchema = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  group: z.enum(['exceedance', 'data_quality', 'electricity']).optional(),
  enterpriseId: id.optional(),
  ongoing: z.enum(['true', 'false']).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const eventSchema = z.object({
  id: z.number(), kind: z.enum(EVENT_KINDS), group: z.string(), enterpriseId: z.number(), enterpriseName: z.string(), outfallId: z.number().nullable(),
  outfallCode: z.string().nullable(), deviceId: z.number().nullable(), pollutant: z.string().nullable(), pollutantName: z.string().nullable(), unit: z.string().nullable(),
  startAt: instant, endAt: instant, ongoing: z.boolean(), units: z.number(), peakValue: z.number().nullable(), peakAt: instant.nullable(),
  limitValue: z.number().nullable(), limitCitation: z.string().nullable(), detail: z.record(z.string(), z.unknown()), leadId: z.number().nullable(),
  actions: z.array(z.literal('lead')),
});
export const eventListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(eventSchema) });

export const seriesQuerySchema = z.object({
  deviceId: id,
  cn: z.enum(['2011', '2051', '2061', '2031']).default('2061'),
  pollutant: z.string().optional(),
  from: instant,
  to: instant,
});
export const seriesSchema = z.object({
  deviceId: z.number(), cn: z.string(), limits: z.array(z.object({ pollutant: z.string(), lower: z.number().nullable(), upper: z.number().nullable(), citation: z.string() })),
  series: z.array(z.object({
    pollutant: z.string(), name: z.string(), unit: z.string(),
    points: z.array(z.object({ at: instant, value: z.number().nullable(), zs: z.number().nullable(), flag: z.string().nullable() })),
  })),
});

export const boardSchema = z.object({
  asOf: instant,
  items: z.array(z.object({
    deviceId: z.number(), mn: z.string(), kind: z.enum(DEVICE_KINDS), enterpriseId: z.number(), enterpriseName: z.string(), outfallId: z.number().nullable(),
    outfallCode: z.string().nullable(), outfallName: z.string().nullable(), online: z.boolean(), lastSeenAt: instant.nullable(),
    ongoingEvents: z.record(z.string(), z.number()),
    latest: z.array(z.object({ pollutant: z.string(), name: z.string(), unit: z.string(), cn: z.number(), at: instant, value: z.number().nullable(), flag: z.string().nullable() })),
  })),
});

export const rejectionSummarySchema = z.object({
  gateway: z.record(z.string(), z.unknown()).nullable(),
  byReason: z.array(z.object({ reason: z.string(), message: z.string(), count: z.number() })),
  latest: z.array(z.object({ at: instant, reason: z.string(), field: z.string().nullable(), mn: z.string().nullable(), remote: z.string().nullable(), sample: z.string() })),
});

export const channelInputSchema = z.object({
  enterpriseId: z.number().int().positive(), name: text(100), role: z.enum(CHANNEL_ROLES),
  deviceId: z.number().int().positive().nullable().default(null), factorCode: z.string().trim().regex(/^[A-Za-z0-9]{1,10}$/).nullable().default(null),
  ratedKw: z.number().positive().finite(), onThresholdKw: z.number().nonnegative().finite(), underLoadRatio: z.number().min(0).max(1).default(0.3),
});
export const channelSchema = channelInputSchema.extend({ id: z.number(), createdAt: instant });
export const channelQuerySchema = z.object({ enterpriseId: id });

export const readingsInputSchema = z.object({
  readings: z.array(z.object({ channelId: z.number().int().positive(), at: z.iso.datetime({ offset: true }), kw: z.number().finite().min(0) })).max(50_000).optional(),
  /** CSV `channelId,at,kw` (header optional), for meter exports. */
  csv: z.string().max(5_000_000).optional(),
}).refine((b) => b.readings || b.csv, { message: 'readings or csv', path: ['readings'] });

export const leadResultSchema = z.object({ eventId: z.number(), leadId: z.number() });
