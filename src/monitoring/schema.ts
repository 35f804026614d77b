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

/** Changes to a registered logger (its MN is its identity and does not change). */
export const deviceUpdateSchema = z.object({
  password: z.string().min(1).max(32).optional(),
  outfallId: z.number().int().positive().nullable().optional(),
  intervalS: z.number().int().min(30).max(3600).optional(),
  active: z.boolean().optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['active'] });

export const deviceSchema = z.object({
  id: z.number(), mn: z.string(), mnFormat: z.enum(['HJ212-2017', 'HJ212-2005', 'nonstandard']), kind: z.enum(DEVICE_KINDS), enterpriseId: z.number(), enterpriseName: z.string(), districtId: z.number(),
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
/** Ending a limit (a new one takes over) or correcting its citation; the bound itself is replaced by a new limit. */
export const limitUpdateSchema = z.object({ effectiveTo: day.nullable().optional(), citation: text(300).optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['effectiveTo'] });

export const unknownCodeSchema = z.object({
  deviceId: z.number(), mn: z.string(), enterpriseId: z.number(), enterpriseName: z.string(), code: z.string(), cn: z.number(), count: z.number(),
  firstSeenAt: instant, lastSeenAt: instant,
});
export const pollutantCodeSchema = z.object({ code: z.string(), code2005: z.string().nullable(), name: z.string(), unit: z.string(), medium: z.string() });

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
export const channelUpdateSchema = z.object({
  name: text(100).optional(), ratedKw: z.number().positive().finite().optional(), onThresholdKw: z.number().nonnegative().finite().optional(),
  underLoadRatio: z.number().min(0).max(1).optional(),
}).refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['name'] });
export const channelQuerySchema = z.object({ enterpriseId: id });

export const readingsInputSchema = z.object({
  readings: z.array(z.object({ channelId: z.number().int().positive(), at: z.iso.datetime({ offset: true }), kw: z.number().finite().min(0) })).max(50_000).optional(),
  /** CSV `channelId,at,kw` (header optional), for meter exports. */
  csv: z.string().max(5_000_000).optional(),
}).refine((b) => b.readings || b.csv, { message: 'readings or csv', path: ['readings'] });

export const leadResultSchema = z.object({ eventId: z.number(), leadId: z.number() });

// The simulation of data loggers against the running gateway (web reads these types).
const simulationIds = z.array(z.number().int().positive()).max(500);

export const simulationDevicesInputSchema = z.object({
  enterpriseIds: simulationIds.min(1),
  outfallIds: simulationIds.min(1).optional(),
  electricity: z.boolean().default(false),
});

export const simulationStartInputSchema = z.object({
  enterpriseIds: simulationIds.min(1).optional(),
  rate: z.number().min(0.1).max(200).default(10),
  durationS: z.number().int().min(1).max(24 * 3600).optional(),
  packets: z.number().int().min(1).max(1_000_000).optional(),
  faultRatio: z.number().min(0).max(0.5).default(0.02),
  exceedRatio: z.number().min(0).max(1).default(0.1),
});

const progressSchema = z.object({ sent: z.number(), valid: z.number(), faulty: z.number(), acked: z.number(), points: z.number(), seconds: z.number() });
export const simulationRunSchema = z.object({
  id: z.number(), state: z.enum(['running', 'stopping', 'finished', 'stopped', 'failed']), startedAt: z.string(), endedAt: z.string().nullable(),
  startedBy: z.string(), stoppedBy: z.string().nullable(), gatewayPort: z.number(), devices: z.number(), enterpriseIds: z.array(z.number()).nullable(),
  rate: z.number(), durationS: z.number().nullable(), packets: z.number().nullable(), progress: progressSchema, error: z.string().nullable(),
});
export const simulationStatusSchema = z.object({
  gatewayPort: z.number().nullable(),
  simulatedDevices: z.object({ water: z.number(), air: z.number(), electricity: z.number() }),
  run: simulationRunSchema.nullable(),
});

