import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { COUNSEL_KINDS, SUBJECT_KINDS } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const INT4_MAX = 2_147_483_647;

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const counselSchema = z.object({
  name: text(100), kind: z.enum(COUNSEL_KINDS), firm: z.string().trim().max(200).nullable().optional(), licenceNo: text(60),
  termFromOn: civilDate, termToOn: civilDate.nullable().optional(),
});
export const taskSchema = z.object({
  counselId: z.number().int().positive().max(INT4_MAX), subjectKind: z.enum(SUBJECT_KINDS), subjectRef: text(100), subjectTitle: text(300),
  assignedOn: civilDate, dueOn: civilDate,
});
export const opinionSchema = z.object({ opinion: text(20000), answeredOn: civilDate });
export const taskListQuerySchema = z.object({ counselId: z.coerce.number().int().positive().max(INT4_MAX).optional() });
