import { z } from 'zod';
import { TASK_KEYS } from './rules.js';

const link = z.string().describe('web route and query string of the list this opens');

export const workbenchSchema = z.object({
  todayOn: z.string(),
  role: z.string(),
  tasks: z.array(z.object({ key: z.enum(TASK_KEYS), count: z.number().int(), link })),
  deadlines: z.object({
    withinDays: z.number().int(),
    scope: z.enum(['mine', 'all']),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    link,
    items: z.array(z.object({
      kind: z.string(), caseId: z.number().nullable(), leadId: z.number().nullable(), number: z.string().nullable(),
      dueOn: z.string(), state: z.enum(['overdue', 'due_soon']), provisional: z.boolean(),
    })),
  }).nullable(),
  meetings: z.object({ count: z.number().int(), link, items: z.array(z.object({ id: z.number(), heldOn: z.string(), location: z.string() })) }).nullable(),
  exceedances: z.object({
    count: z.number().int(), link,
    items: z.array(z.object({ id: z.number(), kind: z.string(), enterpriseName: z.string(), pollutant: z.string().nullable(), startAt: z.string() })),
  }).nullable(),
  air: z.object({
    on: z.string().nullable().describe('the day shown: today, or the latest day with data'),
    isToday: z.boolean(),
    link,
    city: z.object({ aqi: z.number().nullable(), category: z.string().nullable(), colour: z.string().nullable() }).nullable(),
    district: z.object({
      unitName: z.string(), aqi: z.number().nullable(), category: z.string().nullable(), colour: z.string().nullable(), rank: z.number().nullable(), tied: z.boolean(),
    }).nullable(),
    ranked: z.number().int(),
  }).nullable(),
  calendar: z.object({
    banner: z.object({ kind: z.enum(['current_year_missing', 'next_year_missing']), year: z.number().int() }).nullable(),
    link: z.string().nullable(),
  }),
});

export const badgesSchema = z.object({ badges: z.record(z.string(), z.number().int()) });

const fineThresholds = z.object({ organisationFen: z.number().int(), individualFen: z.number().int() });
export const thresholdReviewSchema = z.object({
  current: fineThresholds.describe('the hearing thresholds in force'),
  previous: fineThresholds.describe('those before the latest change (or before they were a setting)'),
  source: z.enum(['settings-change', 'upgrade']),
  changedAt: z.string().nullable(),
  total: z.number().int(),
  items: z.array(z.object({
    id: z.number().int(), number: z.string(), stage: z.string(), enterpriseName: z.string(), partyKind: z.enum(['organisation', 'individual']),
    proposedFineFen: z.number().int(), notified: z.boolean(), hearingOffered: z.boolean().nullable(), hearingUnderCurrent: z.boolean(),
  })),
});
