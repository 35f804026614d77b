import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { CAMPAIGN_KINDS } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const INT4_MAX = 2_147_483_647;
const id = z.number().int().positive().max(INT4_MAX);
const reason = z.string().trim().max(500).nullable().optional();

export const campaignParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const itemParamsSchema = campaignParamsSchema.extend({ itemId: z.coerce.number().int().positive().max(INT4_MAX) });

const target = z.discriminatedUnion('kind', [
  z.object({ id: id.optional(), kind: z.literal('enterprise'), enterpriseId: id }),
  // A section of the water-quality registry (断面), or a river the registry names.
  z.object({ id: id.optional(), kind: z.literal('water_site'), waterSiteId: id }),
  // surveyedKm: the length surveyed along the river (河长制排查), km.
  z.object({ id: id.optional(), kind: z.literal('river'), riverName: z.string().trim().min(1).max(200), surveyedKm: z.number().positive().max(5000).nullable().optional() }),
  z.object({
    id: id.optional(), kind: z.literal('site'), siteName: z.string().trim().min(1).max(200),
    // WGS-84 degrees.
    longitude: z.number().min(-180).max(180), latitude: z.number().min(-90).max(90),
  }),
]);

export const campaignInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** What the campaign is, for the year-end figures; omitted: unclassified (the name tells). */
  kind: z.enum(CAMPAIGN_KINDS).nullable().optional(),
  legalBasis: z.string().trim().min(1).max(2000),
  startsOn: civilDate,
  endsOn: civilDate,
  districtIds: z.array(id).min(1).max(50),
  checklist: z.array(z.object({ code: z.string().trim().min(1).max(20), text: z.string().trim().min(1).max(500) })).min(1).max(100),
  targets: z.array(target).min(1).max(2000),
  reason,
});

export const campaignUpdateSchema = campaignInputSchema.extend({ version: z.number().int().positive() });

export const inspectionInputSchema = z.object({
  targetId: id,
  inspectedOn: civilDate,
  officerIds: z.array(id).min(1).max(20),
  results: z.array(z.object({ code: z.string().trim().min(1).max(20), result: z.enum(['ok', 'problem']), note: z.string().trim().max(1000).nullable().optional() })).min(1).max(100),
  workingDays: z.number().int().min(1).max(250).optional(),
  ownerDistrictId: id.nullable().optional(),
});

export const completeSchema = z.object({ completionText: z.string().trim().min(1).max(2000), completedOn: civilDate });
export const reasonSchema = z.object({ reason }).optional();

const year = z.coerce.number().int().min(2000).max(2100);
export const yearQuerySchema = z.object({ year });
export const monthQuerySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM') });
export const annualTaskParamsSchema = campaignParamsSchema;

export const annualTaskInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(4000),
  leadDepartmentId: id,
  coDepartmentIds: z.array(id).max(30).default([]),
  dueOn: civilDate,
});

// Strict: the year cannot be edited (its reports are months of it); sending it is an error, not ignored.
export const annualTaskUpdateSchema = annualTaskInputSchema.omit({ year: true }).extend({ version: z.number().int().positive(), reason }).strict();

export const reportInputSchema = z.object({
  departmentId: id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
  progress: z.string().trim().min(1).max(4000),
  percent: z.number().int().min(0).max(100).nullable().default(null),
  status: z.enum(['on_track', 'delayed', 'completed']),
  /** Names of supporting documents. */
  attachments: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
