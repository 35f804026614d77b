import { z } from 'zod';
import { NO_PENALTY_GROUNDS } from './rules/no-penalty-ground.js';
import { isCivilDate } from '../law/civil-date.js';
import { CASE_STAGES } from './rules/procedure.js';
import { EXCLUDED_PERIOD_KINDS, REMEDY_KINDS, REMEDY_OUTCOMES } from './rules/case-records.js';
import { DECISION_KINDS, PENALTY_KINDS } from './rules/penalties.js';
import { MEMBER_STANCES } from './rules/member-opinion.js';
import type { CaseActionName } from './rules/available-actions.js';
import { CASE_DOCUMENT_KINDS, type CaseDocumentKind } from './documents/index.js';
import { CASE_LIST_MAX_OFFSET, decodeCaseCursor } from './list-cursor.js';

export const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.number().int().positive();
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('amount in fen (分)');

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const leadInputSchema = z.object({
  source: z.enum(['inspection', 'complaint', 'monitoring', 'transfer', 'report']),
  enterpriseId: id,
  summary: text(2000),
  sourceRef: z.string().trim().max(200).nullable().optional(),
  discoveredOn: civilDate,
});

export const majorFlagsSchema = z.object({
  majorPublicInterest: z.boolean().default(false),
  complexSeveralLegalRelations: z.boolean().default(false),
  requiredByOtherLaw: z.boolean().default(false),
});

export const filingSchema = z.object({
  cause: text(500),
  actOn: civilDate,
  partyKind: z.enum(['organisation', 'individual']).default('organisation'),
  officerIds: z.array(id).min(1).max(20),
  leadOfficerId: id,
  major: majorFlagsSchema.default({ majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false }),
  longLimitation: z.boolean().default(false),
  /** 行政处罚法 第三十六条第二款: a continuing or repeated violation; `actEndedOn` null while it continues. */
  continuing: z.boolean().default(false),
  actEndedOn: civilDate.nullable().optional(),
  lateReason: z.string().trim().max(1000).nullable().optional(),
});

export const filingExtensionSchema = z.object({ approvedOn: civilDate, days: z.number().int().min(1).max(15), reason: text(1000) });

export const dismissSchema = z.object({ reason: text(1000) });

const proposalSchema = z.object({
  penaltyKinds: z.array(z.enum(PENALTY_KINDS)).min(1),
  fineFen: fen,
  facts: text(10_000),
  violatedProvisions: text(2000),
  penaltyBasis: text(2000),
  discretionReason: z.string().trim().max(5000).nullable().default(null),
  /** 行政处罚法 第三十四条: the penalty provision applied, by its discretion benchmark code (required with a fine). */
  penaltyProvisionCode: z.string().trim().max(40).nullable().default(null),
  penaltyBaseFen: fen.nullable().default(null).describe('base amount (总投资额, 处置费用…) where the legal range is a share or multiple of one'),
});

const finding = z.object({ ok: z.boolean(), note: z.string().trim().max(2000) });

/** One body schema per case action: each becomes its own documented route. */
export const ACTION_SCHEMAS = {
  record_investigation: z.object({
    kind: z.enum(['inspection_record', 'inquiry_record', 'sampling', 'evidence_registration', 'evidence_preservation']),
    occurredOn: civilDate, officerIds: z.array(id).min(1).max(20), summary: text(10_000), details: z.record(z.string(), z.unknown()).optional(),
  }),
  submit: z.object({ proposal: proposalSchema }),
  case_review: z.object({ outcome: z.enum(['passed', 'returned']), opinion: text(5000) }),
  legal_review: z.object({
    findings: z.object({ subject: finding, authority: finding, procedure: finding, facts: finding, evidence: finding, legalBasis: finding, discretion: finding }),
    outcome: z.enum(['passed', 'returned', 'rejected']), opinion: text(5000),
  }),
  collective_discussion: z.object({
    // Members who recorded their own opinion (PUT …/opinions) are taken as recorded; the rest as minuted here.
    meetingId: id, opinions: z.array(z.object({ memberId: id, opinion: text(2000) })).max(100).default([]),
    decision: z.enum(['approve', 'amend', 'no_penalty', 'transfer', 'investigate_further']), conclusion: text(5000),
  }),
  notify: z.object({ servedOn: civilDate, content: text(10_000) }),
  renotify: z.object({ servedOn: civilDate, content: text(10_000), reason: text(2000), proposal: proposalSchema }),
  statement: z.object({ receivedOn: civilDate, content: z.string().trim().max(10_000).default(''), adopted: z.boolean().default(false), waived: z.boolean().default(false),
    hearingWaived: z.boolean().default(false).describe('the party waives the hearing in writing (separate from waiving the statement)') }),
  request_hearing: z.object({ requestedOn: civilDate }),
  schedule_hearing: z.object({ hostId: id, noticeOn: civilDate, scheduledOn: civilDate, location: text(200) }),
  hold_hearing: z.object({ heldOn: civilDate, record: text(20_000) }),
  extend: z.object({
    approvedOn: civilDate.describe('the day the head approved (行政处罚法 第六十条)'), days: z.number().int().min(1).max(180), reason: text(2000),
    meetingId: id.nullable().optional().describe('the committee meeting that discussed a further extension'),
  }),
  decide: z.object({
    kind: z.enum(DECISION_KINDS), penaltyKinds: z.array(z.enum(PENALTY_KINDS)).default([]), fineFen: fen.default(0),
    reasons: text(10_000), basis: text(5000), transferTo: z.string().trim().max(200).nullable().optional(),
    noPenaltyGround: z.enum(NO_PENALTY_GROUNDS).nullable().optional()
      .describe('required for no_penalty/exemption: 行政处罚法 第五十七条第一款 (三), 第三十三条, 第三十条, 第三十一条'),
    education: z.object({ on: civilDate, form: text(100), content: text(2000) }).nullable().optional()
      .describe('批评教育 as it happened (第三十三条第三款); printed only when recorded'),
    governmentApproval: z.object({ approver: text(100), documentNumber: text(100), approvedOn: civilDate }).nullable().optional()
      .describe('责令关闭: the approving people\'s government, its document number and date (环境保护法 第六十条)'),
  }),
  serve: z.object({
    servedOn: civilDate.nullable().optional().describe('in person or by mail: the date signed on the receipt (民事诉讼法 第八十七条); electronically: the day it reached the party (第九十条)'),
    publishedOn: civilDate.nullable().optional().describe('by public notice: the day of publication; served 30 days later (民事诉讼法 第九十五条)'),
    method: z.enum(['in_person', 'mail', 'electronic', 'public_notice']), receiver: text(100),
    lateReason: z.string().trim().max(1000).nullable().optional().describe('why the service is later than 7 working days after the decision (行政处罚法 第六十一条)'),
  }),
  pay: z.object({ paidOn: civilDate, amountFen: fen.refine((v) => v > 0, 'more than zero'), receiptNo: z.string().trim().max(100).nullable().optional() }),
  court_enforcement: z.object({ appliedOn: civilDate, court: text(200) }),
  close: z.object({ summary: text(5000) }),
  archive: z.object({}).strict(),
  exclude_period: z.object({ kind: z.enum(EXCLUDED_PERIOD_KINDS), fromOn: civilDate, toOn: civilDate, note: text(2000) }),
  remedy_filed: z.object({ kind: z.enum(REMEDY_KINDS), filedOn: civilDate, body: text(200).describe('the reconsideration body or the court') }),
  remedy_ended: z.object({ endedOn: civilDate, outcome: z.enum(REMEDY_OUTCOMES), note: z.string().trim().max(2000).default('') }),
  payment_arrangement: z.object({
    appliedOn: civilDate, approvedOn: civilDate, reason: text(2000),
    instalments: z.array(z.object({ dueOn: civilDate, amountFen: fen.refine((v) => v > 0, 'more than zero') })).min(1).max(36),
  }),
  remind: z.object({ servedOn: civilDate.describe('the day the 催告书 was served (行政强制法 第五十四条)'), content: text(5000) }),
  service_consent: z.object({ signedOn: civilDate, channel: z.enum(['email', 'fax', 'sms', 'platform']), address: text(200) }),
  hearing_absent: z.object({ on: civilDate, reason: z.enum(['absent', 'left']), goodReason: z.boolean().default(false), note: z.string().trim().max(2000).default('') }),
} satisfies Record<CaseActionName, z.ZodType>;

export const caseListQuerySchema = z.object({
  stage: z.enum(CASE_STAGES).optional(),
  districtId: z.coerce.number().int().positive().optional(),
  officerId: z.coerce.number().int().positive().optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** The `nextCursor` of the previous page: the rows after it (keyset; `page` is then ignored). */
  cursor: z.string().max(200).transform((s, ctx) => {
    const c = decodeCaseCursor(s);
    if (!c) ctx.addIssue({ code: 'custom', message: 'a nextCursor this list returned' });
    return c;
  }).optional(),
}).superRefine((q, ctx) => {
  // Page numbers serve the first 1000 rows; deeper, a page is reached by its cursor (an offset would walk every row before it).
  if (!q.cursor && (q.page - 1) * q.pageSize >= CASE_LIST_MAX_OFFSET) {
    ctx.addIssue({ code: 'custom', path: ['page'], message: `page × pageSize within the first ${CASE_LIST_MAX_OFFSET} rows; follow nextCursor beyond` });
  }
});

/** The deadlines board: `withinDays` widens "due soon" (three natural days by default; the workbench asks for seven; at most a year). */
export const deadlineBoardQuerySchema = z.object({ withinDays: z.coerce.number().int().min(1).max(366).default(3) });

export const leadListQuerySchema = z.object({
  status: z.enum(['open', 'filed', 'dismissed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const meetingSchema = z.object({
  heldOn: civilDate, location: text(200), chairId: id, memberIds: z.array(id).min(1), attendeeIds: z.array(id), minutes: z.string().trim().max(50_000).default(''),
});

export const memberOpinionParamsSchema = z.object({ meetingId: z.coerce.number().int().positive(), caseId: z.coerce.number().int().positive() });
/** A member's own opinion: the signed-in user is the member, never a body field. Words are required to disagree. */
export const memberOpinionSchema = z.object({
  stance: z.enum(MEMBER_STANCES),
  words: z.string().trim().max(2000).default('').describe('the member\'s own words; required to disagree'),
  reason: z.string().trim().max(1000).nullable().optional().describe('why a recorded opinion is changed (required then)'),
}).strict().superRefine((v, ctx) => {
  if (v.stance === 'disagree' && !v.words) ctx.addIssue({ code: 'custom', path: ['words'], message: 'a dissent gives its reasons' });
});
export const withdrawOpinionSchema = z.object({ reason: text(1000).describe('why the recorded opinion is withdrawn') }).strict();

export const documentParamsSchema = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(CASE_DOCUMENT_KINDS as [CaseDocumentKind, ...CaseDocumentKind[]]) });
export const documentQuerySchema = z.object({ stepId: z.coerce.number().int().positive().optional() });

export const thresholdReviewQuerySchema = z.object({
  organisationFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('the other hearing threshold for organisations (fen); default: the figure before the latest change'),
  individualFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('the other hearing threshold for citizens (fen); default: the figure before the latest change'),
});
