import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const INT4_MAX = 2_147_483_647;
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const commentParamsSchema = idParamsSchema.extend({ commentId: z.coerce.number().int().positive().max(INT4_MAX) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const catalogueInputSchema = z.object({ year: z.number().int().min(2000).max(2100) });
export const catalogueDateSchema = z.object({ on: civilDate });
export const itemInputSchema = z.object({
  title: text(200), department: text(100),
  plannedHearing: z.boolean(), plannedExperts: z.boolean(), plannedRisk: z.boolean(),
});

export const proposeSchema = z.object({ proposedOn: civilDate, draftText: text(20_000) });
export const commentPeriodSchema = z.object({ startOn: civilDate, endOn: civilDate, shortenedReason: optionalText(1000) });
export const hearingSchema = z.object({ heldOn: civilDate, summary: text(5000) });
export const expertsSchema = z.object({ heldOn: civilDate, opinion: text(5000) });
export const riskSchema = z.object({ assessedOn: civilDate, level: z.enum(['low', 'medium', 'high']), report: text(5000) });
export const reviewSubmitSchema = z.object({ submittedOn: civilDate });
export const reviewSchema = z.object({
  completedOn: civilDate, passed: z.boolean(),
  competence: text(2000), procedure: text(2000), content: text(2000),
  reviewerOpinion: text(5000), counselOpinion: text(5000),
});
export const discussSchema = z.object({
  discussedOn: civilDate, meetingKind: z.enum(['party_group', 'director_office']),
  attendees: z.array(text(50)).min(1).max(50),
  opinions: z.array(z.object({ name: text(50), isHead: z.boolean(), stance: z.enum(['agree', 'disagree', 'abstain']), text: z.string().trim().max(2000) })).min(1).max(50),
  conclusion: z.enum(['adopt', 'reject']), departureReason: optionalText(2000),
});
export const decideSchema = z.object({ decidedOn: civilDate, decisionText: text(20_000) });
export const publishSchema = z.object({ publishedOn: civilDate, channel: text(200) });
export const archiveSchema = z.object({ archivedOn: civilDate, reference: text(100) });
export const evaluateSchema = z.object({ evaluatedOn: civilDate, text: text(5000) });
export const publicCommentSchema = z.object({ authorName: optionalText(50), content: text(5000) });
export const answerSchema = z.object({ answer: text(5000) });
