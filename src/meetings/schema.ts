import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { AGENDA_KINDS, MEETING_KINDS } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const INT4_MAX = 2_147_483_647;

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const listQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const meetingSchema = z.object({
  kind: z.enum(MEETING_KINDS),
  title: text(300),
  heldOn: civilDate,
  attendeeUserIds: z.array(z.number().int().positive().max(INT4_MAX)).max(200).default([]),
  attendeeNames: z.array(text(100)).max(200).default([]),
  agenda: z.array(z.object({ kind: z.enum(AGENDA_KINDS), ref: z.string().trim().max(100).nullable().optional(), title: text(300) })).max(100).default([]),
  lawStudy: z.object({ topic: text(300), materials: text(2000), speaker: text(100) }).nullable().optional(),
  minutes: z.string().trim().max(20000).nullable().optional(),
});
