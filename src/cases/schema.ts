import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';
import { CASE_STAGES } from './rules/procedure.js';
import { DECISION_KINDS, PENALTY_KINDS } from './rules/penalties.js';
import type { CaseActionName } from './rules/available-actions.js';
import { CASE_DOCUMENT_KINDS, type CaseDocumentKind } from './documents/index.js';

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
  lateReason: z.string().trim().max(1000).nullable().optional(),
});

export const dismissSchema = z.object({ reason: text(1000) });

const proposalSchema = z.object({
  penaltyKinds: z.array(z.enum(PENALTY_KINDS)).min(1),
  fineFen: fen,
  facts: text(10_000),
  violatedProvisions: text(2000),
  penaltyBasis: text(2000),
  discretionReason: z.string().trim().max(5000).nullable().default(null),
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
    meetingId: id, opinions: z.array(z.object({ memberId: id, opinion: text(2000) })).min(1),
    decision: z.enum(['approve', 'amend', 'no_penalty', 'transfer', 'investigate_further']), conclusion: text(5000),
  }),
  notify: z.object({ servedOn: civilDate, content: text(10_000) }),
  statement: z.object({ receivedOn: civilDate, content: z.string().trim().max(10_000).default(''), adopted: z.boolean().default(false), waived: z.boolean().default(false) }),
  request_hearing: z.object({ requestedOn: civilDate }),
  schedule_hearing: z.object({ hostId: id, noticeOn: civilDate, scheduledOn: civilDate, location: text(200) }),
  hold_hearing: z.object({ heldOn: civilDate, record: text(20_000) }),
  extend: z.object({ days: z.number().int().min(1).max(90), reason: text(2000) }),
  decide: z.object({
    kind: z.enum(DECISION_KINDS), penaltyKinds: z.array(z.enum(PENALTY_KINDS)).default([]), fineFen: fen.default(0),
    reasons: text(10_000), basis: text(5000), transferTo: z.string().trim().max(200).nullable().optional(),
  }),
  serve: z.object({ servedOn: civilDate, method: z.enum(['in_person', 'mail', 'electronic', 'public_notice']), receiver: text(100) }),
  pay: z.object({ paidOn: civilDate, amountFen: fen.refine((v) => v > 0, 'more than zero'), receiptNo: z.string().trim().max(100).nullable().optional() }),
  court_enforcement: z.object({ appliedOn: civilDate, court: text(200) }),
  close: z.object({ summary: text(5000) }),
  archive: z.object({}).strict(),
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
});

export const leadListQuerySchema = z.object({
  status: z.enum(['open', 'filed', 'dismissed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const meetingSchema = z.object({
  heldOn: civilDate, location: text(200), chairId: id, memberIds: z.array(id).min(1), attendeeIds: z.array(id), minutes: z.string().trim().max(50_000).default(''),
});

export const documentParamsSchema = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(CASE_DOCUMENT_KINDS as [CaseDocumentKind, ...CaseDocumentKind[]]) });
export const documentQuerySchema = z.object({ stepId: z.coerce.number().int().positive().optional() });
