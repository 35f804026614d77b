import { z } from 'zod';

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(1949).max(2100) });

export const calendarDayInputSchema = z.object({
  on: civilDate,
  kind: z.enum(['rest', 'work']),
  name: z.string().trim().min(1).max(50),
  /** Defaults to the year's source. */
  source: z.string().trim().max(100).nullable().optional(),
});

export const holidayYearInputSchema = z.object({
  source: z.string().trim().min(1).max(200).describe('Document number of the notice, e.g. 国办发明电〔2025〕7号'),
  note: z.string().trim().max(1000).nullable().default(null),
  reason: z.string().trim().max(500).nullable().optional(),
  days: z.array(calendarDayInputSchema).min(1).max(200),
});

export const calendarDaySchema = z.object({ on: z.string(), kind: z.enum(['rest', 'work']), name: z.string(), source: z.string() });

export const holidayYearSchema = z.object({
  year: z.number(), source: z.string(), note: z.string().nullable(), updatedAt: z.string(),
  days: z.array(calendarDaySchema),
  /** After a PUT: the open 暂定 deadlines recomputed on the recorded arrangement, and how many changed date. */
  recomputedDeadlines: z.object({ recomputed: z.number(), changed: z.number() }).optional(),
});

/** A year's provisional calendar (no arrangement on record): statutory holidays and possibly worked weekend days. */
export const provisionalYearSchema = z.object({
  year: z.number(),
  /** Whether the official arrangement is on record (then it governs and this is for reference only). */
  official: z.boolean(),
  source: z.string(),
  restDays: z.array(z.object({ on: z.string(), name: z.string() })),
  possiblyWorkedDays: z.array(z.string()),
  /** Weekdays that may be made rest days; rest for a party's window (the latest bound). */
  possiblyRestedDays: z.array(z.string()),
});

export const holidayYearListSchema = z.object({
  items: z.array(z.object({
    year: z.number(), source: z.string(), note: z.string().nullable(), updatedAt: z.string(),
    restDays: z.number(), workDays: z.number(),
  })),
  /** Years up to next year without a recorded arrangement: deadlines in them are computed provisionally (暂定). */
  provisional: z.array(z.object({ year: z.number(), source: z.string(), restDays: z.number(), possiblyWorkedDays: z.number() })),
});
