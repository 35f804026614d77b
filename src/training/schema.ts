import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { ROLES } from '../platform/auth/roles.js';
import { AUDIENCE_KINDS, STUDY_KINDS } from './rules.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const count = z.number().int().min(0).max(100);

const INT4_MAX = 2_147_483_647;
export const examParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });

export const examInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  opensOn: civilDate,
  closesOn: civilDate,
  timeLimitMinutes: z.number().int().min(5).max(480),
  passPercent: z.number().int().min(1).max(100),
  counts: z.object({ single: count, multiple: count, true_false: count }),
  /** Candidates by role; with neither roles nor ids, every enforcement officer. */
  enrolRoles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  enrolUserIds: z.array(z.number().int().positive().max(INT4_MAX)).max(2000).optional(),
  reason: z.string().trim().max(500).nullable().optional(),
});

/** Answers by question id: the indices of the options chosen. */
export const submitSchema = z.object({
  answers: z.record(z.string().regex(/^\d{1,9}$/, 'a question id'), z.array(z.number().int().min(0).max(20)).max(20)),
});

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive().max(INT4_MAX);
const titles = z.array(z.string().trim().min(1).max(200)).max(50);

export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** 学法: a study session that took place. */
export const studySessionInputSchema = z.object({
  kind: z.enum(STUDY_KINDS),
  topic: text(200),
  heldOn: civilDate,
  hostId: id,
  attendeeIds: z.array(id).min(1).max(2000),
  materials: titles,
  minutes: z.string().trim().max(20_000),
});

export const planInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  items: z.array(z.object({ departmentId: id, content: text(1000), responsiblePerson: text(100), dueOn: civilDate })).max(500),
});

export const itemInputSchema = z.object({ departmentId: id, content: text(1000), responsiblePerson: text(100), dueOn: civilDate });
export const itemDoneSchema = z.object({ doneOn: civilDate });

export const activityInputSchema = z.object({
  itemId: id,
  title: text(200),
  heldOn: civilDate,
  place: text(200),
  audience: z.enum(AUDIENCE_KINDS),
  materialsGiven: z.number().int().min(0).max(10_000_000),
  attendance: z.number().int().min(0).max(10_000_000),
  photos: titles,
});

export const typicalCaseDraftSchema = z.object({ caseId: id });
export const typicalCaseEditSchema = z.object({ title: text(200), facts: text(20_000), analysis: text(20_000), lesson: text(20_000) });
export const typicalCaseReviewSchema = z.object({ outcome: z.enum(['approve', 'return']), reason: z.string().trim().max(1000).nullable().optional() });
