import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { REPLY_KIND_NAMES } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const INT4_MAX = 2_147_483_647;
const text = (max: number) => z.string().trim().min(1).max(max);

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const numberParamsSchema = z.object({ number: z.string().trim().min(1).max(40) });
export const ticketParamsSchema = z.object({ ticket: z.string().trim().min(1).max(40) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2019).max(2100) });

/** 第二十九条: name, identity, contact; the information sought; the form of provision. */
export const publicRequestSchema = z.object({
  applicantKind: z.enum(['citizen', 'organisation']),
  applicantName: text(200),
  idNumber: text(40),
  phone: text(40),
  address: z.string().trim().max(300).nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  description: text(4000),
  provisionForm: z.enum(['paper', 'electronic', 'inspection']),
});

/** Staff register a request handed in or posted (第三十一条 (一)(二)). */
export const staffRequestSchema = publicRequestSchema.extend({
  channel: z.enum(['in_person', 'post']),
  submittedOn: civilDate.nullable().optional(),
  signedForOn: civilDate.nullable().optional(),
  confirmedOn: civilDate.nullable().optional(),
});

export const receiveSchema = z.object({ confirmedOn: civilDate });
/** 第三十条: the matters to correct and the 合理的补正期限 in working days (the form suggests 15). */
export const correctionSchema = z.object({ noticeOn: civilDate, matters: text(2000), periodWorkingDays: z.number().int().min(1).max(60).default(15) });
/** A correction after the stated period: the 正当理由 is required (第三十条). */
export const correctedSchema = z.object({ correctedOn: civilDate, lateReason: z.string().trim().max(1000).nullable().optional() });
export const extensionSchema = z.object({ workingDays: z.number().int().min(1).max(60), reason: text(1000), decidedOn: civilDate });
export const consultationStartSchema = z.object({ startOn: civilDate, party: text(200) });
export const consultationEndSchema = z.object({ endOn: civilDate });
export const replySchema = z.object({
  kind: z.enum(REPLY_KIND_NAMES as [string, ...string[]]),
  content: z.object({
    accessRoute: z.string().trim().max(2000).optional(), provision: z.string().trim().max(4000).optional(), reason: z.string().trim().max(4000).optional(),
    legalBasis: z.string().trim().max(1000).optional(), previousReply: z.string().trim().max(200).optional(), otherAgency: z.string().trim().max(500).optional(),
  }),
  repliedOn: civilDate,
  feeFen: z.number().int().min(0).max(INT4_MAX).default(0),
  excessive: z.boolean().default(false),
});

export const errorReportSchema = z.object({
  recordKind: text(60),
  recordId: text(100),
  description: text(4000),
  contact: z.string().trim().max(200).nullable().optional(),
});
export const errorAnswerSchema = z.object({
  outcome: z.enum(['corrected', 'rejected']), note: text(4000),
  /** The field of the published record and its corrected value (for a kind whose owner registered a corrector). */
  correction: z.object({ field: text(60), value: text(4000) }).optional(),
});
/** 第三十条: closing as abandoned takes no input (the day is today; the rule checks the period has passed). */
export const abandonSchema = z.object({}).strict().optional();
