import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { CHALLENGE_KINDS, CHALLENGE_OUTCOMES, CHALLENGE_SUBJECT_KINDS } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const INT4_MAX = 2_147_483_647;

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const challengeSchema = z.object({
  kind: z.enum(CHALLENGE_KINDS), subjectKind: z.enum(CHALLENGE_SUBJECT_KINDS), subjectId: text(100), subjectTitle: text(300),
  applicant: text(200), body: text(200).describe('复议机关 or the court'), filedOn: civilDate,
});
export const hearingSchema = z.object({
  heldOn: civilDate, headAppeared: z.boolean(), appearedBy: z.string().trim().max(100).describe('the head, or the staff member entrusted'),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const closeSchema = z.object({
  outcome: z.enum(CHALLENGE_OUTCOMES), closedOn: civilDate, changes: z.string().trim().max(4000).nullable().optional(),
});
