import { z } from 'zod';
import { DOCUMENT_SERIES, type DocumentSeries } from './rules.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('integer fen (分)');
// 机关代字: Chinese characters or letters, no digits or brackets (the number adds 〔年份〕N号).
const prefix = z.string().trim().min(1).max(12).regex(/^[\p{Script=Han}A-Za-z]+$/u, 'Chinese characters or letters only');

export const settingsValueSchema = z.object({
  bureau: z.object({
    name: text(100),
    // Optional on a change (a client that does not know it keeps the stored one).
    areaName: text(50).optional().describe('the administrative area the bureau serves, e.g. 烟台市'),
    address: text(200), postcode: z.string().trim().regex(/^\d{6}$/, 'six digits'),
    phone: z.string().trim().regex(/^[\d\-+() ]{3,30}$/, 'digits, spaces, - + ( )'), contactDepartment: text(100),
  }),
  payment: z.object({ bank: text(100), accountName: text(100), accountNumber: text(60), note: z.string().trim().max(200) }),
  sealText: text(100),
  documentPrefixes: z.object(Object.fromEntries(DOCUMENT_SERIES.map((s) => [s, prefix])) as Record<DocumentSeries, typeof prefix>),
  remedies: z.object({ reconsiderationBody: text(100), formerUpperDepartment: text(100), court: text(100) }),
  police: text(100),
  hearingThresholds: z.object({ organisationFen: fen.min(1), individualFen: fen.min(1) }).describe('环境行政处罚听证程序规定 第五条'),
  majorCase: z.object({ largeFineOrganisationFen: fen.min(1), largeFineIndividualFen: fen.min(1), committeeForEveryMajorCase: z.boolean() }),
  fineCeilingFen: fen.min(1),
  reviewerRatioTargetPercent: z.number().min(0).max(100),
  penaltyPublicationWorkingDays: z.number().int().min(1).max(60),
  // Optional on a change (a client that does not know it keeps the stored one).
  committee: z.object({
    chairUserId: z.number().int().positive().nullable().describe('a bureau leader or committee member (行政处罚法 第五十七条第二款)'),
    meetingRoom: z.string().trim().max(100), hearingRoom: z.string().trim().max(100),
  }).optional(),
  // EIA approval (src/eia); optional on a change like committee.
  licensing: z.object({
    eiaPromisedWorkingDays: z.object({ report: z.number().int().min(1).max(60), form: z.number().int().min(1).max(30) }).describe('working days, within 环境影响评价法 第二十二条'),
    acceptancePublicityWorkingDays: z.number().int().min(0).max(30), approvalPublicityWorkingDays: z.number().int().min(0).max(30),
    commitmentCategories: z.array(z.enum(['report', 'form'])).max(2), commitmentVerificationWorkingDays: z.number().int().min(1).max(250),
  }).optional(),
  // 严重违法关注名单 (src/compliance); optional on a change like committee.
  watchList: z.object({
    publicView: z.boolean(), formalActionDays: z.number().int().min(1).max(730),
    exceedanceDays: z.number().int().min(1).max(366), exceedanceWindowDays: z.number().int().min(1).max(366),
    leadSources: z.array(z.enum(['inspection', 'complaint', 'monitoring', 'transfer', 'report'])).max(5),
    dailyPenalty: z.boolean().default(true),
  }).optional(),
  // Normative documents (src/normative-documents); optional on a change like committee.
  normativeDocuments: z.object({
    numberPrefix: prefix, commentDays: z.number().int().min(1).max(90), filingDays: z.number().int().min(1).max(90),
    validityYears: z.number().int().min(1).max(10), expiryWarningDays: z.number().int().min(0).max(365),
  }).optional(),
  demoValues: z.array(z.string()).max(50).default([]),
});

export const settingsSchema = z.object({
  value: settingsValueSchema,
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedById: z.number().int().nullable(),
});

export const settingsPutSchema = z.object({
  value: settingsValueSchema.omit({ demoValues: true }),
  /** The version read: a change made meanwhile by someone else is refused (409). */
  version: z.number().int().min(0),
  /** Why the settings change (audited). */
  reason: text(1000),
});
export type SettingsPut = z.infer<typeof settingsPutSchema>;

export const settingsHistorySchema = z.object({
  items: z.array(z.object({
    at: z.string(), actorName: z.string(), reason: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  })),
});
