import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { MANAGEMENT_CLASSES } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const INT4_MAX = 2_147_483_647;
const id = z.number().int().positive().max(INT4_MAX);
const reportKind = z.enum(['annual', 'quarterly', 'monthly']);

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const boardQuerySchema = z.object({ enterpriseId: z.coerce.number().int().positive().max(INT4_MAX).optional() });

const limit = z.object({
  /** HJ 212-2017 附录 B pollutant code. */
  pollutant: z.string().trim().regex(/^[a-z]\d{5}$/, 'an HJ 212 code such as w01018'),
  concentration: z.number().positive().max(1e9).nullable(),
  concentrationUnit: z.string().trim().min(1).max(20).nullable(),
  period: z.enum(['hour', 'day']).default('hour'),
  /** 许可排放量 per year, a whole number in the unit stated. */
  annualTotal: z.number().int().min(0).max(INT4_MAX).nullable(),
  annualTotalUnit: z.enum(['kg', 't']).nullable(),
});
const outfall = z.object({ outfallId: id, location: z.string().trim().min(1).max(200), limits: z.array(limit).max(50) });

export const permitInputSchema = z.object({
  enterpriseId: id,
  managementClass: z.enum(MANAGEMENT_CLASSES),
  number: z.string().trim().min(1).max(40),
  issuedOn: civilDate,
  validFrom: civilDate,
  outfalls: z.array(outfall).max(100),
  reportKinds: z.array(reportKind).max(3).optional(),
  reason: z.string().trim().max(500).nullable().optional(),
});

export const applicationInputSchema = z.object({
  enterpriseId: id,
  kind: z.enum(['new', 'renewal', 'change']),
  managementClass: z.enum(MANAGEMENT_CLASSES),
  permitId: id.nullable().optional(),
  receivedOn: civilDate.optional(),
  onSiteCheck: z.boolean().optional(),
  changeSummary: z.string().trim().min(1).max(1000).nullable().optional(),
  changedOn: civilDate.nullable().optional(),
  proposedNumber: z.string().trim().min(1).max(40).nullable().optional(),
  outfalls: z.array(outfall).max(100).optional(),
});

export const noticeSchema = z.object({ noticedOn: civilDate, missingMaterials: z.string().trim().min(1).max(2000) });
export const acceptSchema = z.object({ acceptedOn: civilDate, onSiteCheck: z.boolean().optional() });
export const decisionSchema = z.object({
  outcome: z.enum(['approve', 'refuse']), decidedOn: civilDate, reasons: z.string().trim().max(2000).nullable().optional(),
  number: z.string().trim().min(1).max(40).nullable().optional(), reportKinds: z.array(reportKind).max(3).optional(),
});
export const reportSchema = z.object({ kind: reportKind, period: z.string().trim().min(4).max(10), submittedOn: civilDate, summary: z.string().trim().min(1).max(4000) });

/** 撤销 / 注销: the ground (rules.ts END_GROUNDS), the day and the reason (for 吊销, the penalty decision's number). */
export const permitEndSchema = z.object({
  ground: z.string().trim().min(1).max(40),
  endedOn: z.string().refine(isCivilDate, 'a date as YYYY-MM-DD'),
  reason: z.string().trim().min(1).max(1000),
});
