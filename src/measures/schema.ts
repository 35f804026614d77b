import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import {
  ALL_MEASURE_STATUSES, DAILY_PENALTY_GROUNDS, DETENTION_SITUATIONS, MEASURE_KINDS, RELEASE_GROUNDS, RESTRICTION_GROUNDS, SEIZURE_GROUNDS,
  SUSPENSION_GROUNDS, type MeasureEvent,
} from './rules/kinds.js';
import { REINSPECTION_FINDINGS } from './rules/daily-penalty.js';
import { DETENTION_OUTCOMES } from './rules/detention-transfer.js';
import { CRIME_OUTCOMES } from './rules/crime-transfer.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const nullableText = (max: number) => z.string().trim().max(max).nullable().optional();
const id = z.number().int().positive();

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

const common = {
  /** The officer responsible for the measure (承办人). */
  responsibleOfficerId: id,
  note: optionalText(2000),
};

/** One body per kind, told apart by `kind`. */
export const measureCreateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('daily_penalty'), ...common,
    ground: z.enum(DAILY_PENALTY_GROUNDS).describe('按日连续处罚办法 第五条 (一)–(五)'),
    violation: text(2000).describe('the illegal discharge the order required to correct'),
    orderNumber: text(100).describe('责令改正违法行为决定书 number'),
    orderServedOn: civilDate.describe('the day the order was served on the discharger'),
  }),
  z.object({
    kind: z.literal('seizure'), ...common,
    mode: z.enum(['seal', 'detain']).describe('查封 (seal) or 扣押 (detain)'),
    ground: z.enum(SEIZURE_GROUNDS).describe('查封、扣押办法 第四条 (一)–(六)'),
    seriousPollutionCaused: z.boolean().default(false),
    decisionNumber: text(100), decidedOn: civilDate, implementedOn: civilDate,
    emergency: z.boolean().default(false).describe('seized on the spot, approval obtained within 24 hours (行政强制法 第十九条)'),
    items: z.array(z.object({
      name: text(200), specification: optionalText(200), quantity: optionalText(50), location: optionalText(200),
    })).min(1).max(200).describe('the facilities and equipment (查封、扣押清单)'),
  }),
  z.object({
    kind: z.literal('production_restriction'), ...common,
    mode: z.enum(['restriction', 'suspension']).describe('限制生产 or 停产整治'),
    ground: z.enum([...RESTRICTION_GROUNDS, ...SUSPENSION_GROUNDS]).describe('限制生产、停产整治办法 第五条 / 第六条'),
    decisionNumber: text(100).optional().describe('the case decision\'s number (taken from the case; refused if different)'),
    decidedOn: civilDate.optional().describe('the case decision\'s date (taken from the case)'), servedOn: civilDate,
    requirements: text(2000).describe('what the decision requires (reduced load, rectification)'),
  }),
  z.object({
    kind: z.literal('detention_transfer'), ...common,
    situation: z.enum(DETENTION_SITUATIONS).describe('环境保护法 第六十三条 (一)–(四)'),
    persons: z.array(z.object({ name: text(50), position: optionalText(100) })).min(1).max(50)
      .describe('直接负责的主管人员和其他直接责任人员'),
    facts: text(5000),
    decidedOn: civilDate.describe('the day the bureau decided to transfer'),
    priorOrder: z.object({ number: text(100), servedOn: civilDate, refusal: text(2000), refusalFoundOn: civilDate }).nullable().optional()
      .describe('环境保护法 第六十三条 (一)(二)(四): the earlier order and the refusal to obey it'),
  }),
  z.object({
    kind: z.literal('crime_transfer'), ...common,
    suspectedCrime: text(200).describe('e.g. 污染环境罪 (刑法 第三百三十八条)'),
    facts: text(5000),
    reportOn: civilDate.describe('the day the officers reported in writing for approval'),
  }),
]);
export type MeasureCreateBody = z.infer<typeof measureCreateSchema>;

/** One body per follow-up event: each is its own documented route. */
export const EVENT_SCHEMAS = {
  reinspection: z.object({
    inspectedOn: civilDate, officerIds: z.array(id).min(1).max(20),
    finding: z.enum(REINSPECTION_FINDINGS).describe('continuing / corrected / obstructed (拒绝、阻挠复查)'), note: optionalText(2000),
    newOrder: z.object({ number: text(100), servedOn: civilDate }).nullable().optional()
      .describe('continuing or obstructed: the new correction order (责令改正违法行为决定书) served'),
  }),
  decide: z.object({
    decidedOn: civilDate, decisionNumber: z.string().trim().max(100).nullable().default(null),
    penaltyCaseId: id.nullable().optional().describe('the case in which the daily penalty was decided through the penalty procedure (环境保护法 第五十九条)'),
  }),
  extension: z.object({
    approvedOn: civilDate, days: z.number().int().min(1).max(3650).nullable().optional().describe('seizure: days added'),
    months: z.number().int().min(1).max(120).nullable().optional().describe('production restriction: months added'), reason: text(2000),
  }),
  release: z.object({ releasedOn: civilDate, ground: z.enum(RELEASE_GROUNDS).describe('行政强制法 第二十八条 (一)–(五)'), note: optionalText(2000) }),
  plan: z.object({ filedOn: civilDate, summary: text(5000) }),
  lifting: z.object({ liftedOn: civilDate, note: optionalText(2000) }),
  approval: z.object({ decidedOn: civilDate, approved: z.boolean(), reason: nullableText(2000), lateReason: nullableText(1000) }),
  transfer: z.object({
    transferredOn: civilDate, receivingOrgan: text(200), materials: z.array(text(200)).max(50).default([]), lateReason: nullableText(1000),
  }),
  outcome: z.object({
    outcome: z.enum([...DETENTION_OUTCOMES, ...CRIME_OUTCOMES]), decidedOn: civilDate,
    detentionDays: z.number().int().min(0).max(365).nullable().optional(), note: optionalText(2000),
  }),
} satisfies Record<MeasureEvent, z.ZodType>;

const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const measureListQuerySchema = z.object({
  kind: z.enum(MEASURE_KINDS).optional(),
  status: z.enum(ALL_MEASURE_STATUSES as [string, ...string[]]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('measures begun in this year'),
  districtId: z.coerce.number().int().positive().optional(),
  caseId: z.coerce.number().int().positive().optional(),
  overdue: booleanString.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
