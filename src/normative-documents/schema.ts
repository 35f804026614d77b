import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { DRAFTING_LEVELS } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const INT4_MAX = 2_147_483_647;
const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(1_000_000);

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const roundParamsSchema = idParamsSchema.extend({ round: z.coerce.number().int().positive().max(1000) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const draftSchema = z.object({ title: text(200), draftingUnit: text(100), draftingLevel: z.enum(DRAFTING_LEVELS).default('bureau'), body: text(50_000), draftedOn: civilDate });
export const assessSchema = z.object({ assessedOn: civilDate, summary: text(4000) });
export const commentStartSchema = z.object({ startOn: civilDate, plannedEndOn: civilDate, shortReason: z.string().trim().max(1000).nullable().optional() });
export const commentCloseSchema = z.object({ endOn: civilDate, received: count, answered: count, answerSummary: z.string().trim().max(4000) });
export const reviewSubmitSchema = z.object({ submittedOn: civilDate });
export const reviewOpinionSchema = z.object({
  reviewedOn: civilDate, passed: z.boolean(),
  competence: z.string().trim().max(4000), procedure: z.string().trim().max(4000), content: z.string().trim().max(4000),
  conclusion: z.string().trim().max(4000).nullable().optional(),
});
export const deliberateSchema = z.object({ meetingOn: civilDate, meetingKind: z.enum(['bureau_affairs', 'director_office']), note: z.string().trim().max(4000) });
export const issueSchema = z.object({
  issuedOn: civilDate, effectiveOn: civilDate.nullable().optional(), validityYears: z.number().int().min(1).max(10).nullable().optional(),
  /** A government document's own number (e.g. 烟政办发〔2020〕12号); a bureau document takes the next of its series. */
  documentNumber: z.string().trim().max(100).nullable().optional(),
});
export const publishSchema = z.object({ publishedOn: civilDate, channel: text(200) });
export const fileSchema = z.object({ filedOn: civilDate, filedWith: text(200) });
export const cleanupSchema = z.object({ cleanedOn: civilDate, outcome: z.enum(['retain', 'amend', 'repeal']), note: text(4000) });
