import { z } from 'zod';
import { isCivilDate } from '../law/civil-date.js';

const civilDate = z.string().refine(isCivilDate, 'a date as YYYY-MM-DD');
const INT4_MAX = 2_147_483_647;
const id = z.number().int().positive().max(INT4_MAX);
const code = z.string().trim().min(1).max(40);
const tolerated = z.array(z.object({ code, commitment: z.string().trim().min(1).max(1000), supplyByOn: civilDate })).max(20);

export const applicationParamsSchema = z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) });
export const noticeParamsSchema = applicationParamsSchema.extend({ noticeId: z.coerce.number().int().positive().max(INT4_MAX) });

export const applicationInputSchema = z.object({
  kind: z.enum(['new', 'major-change', 'recheck']),
  /** Staff applying on an enterprise's behalf name it; an enterprise user applies for its own. */
  enterpriseId: id.nullable().optional(),
  projectName: z.string().trim().min(1).max(200),
  siteAddress: z.string().trim().min(1).max(300),
  /** GeoJSON Point, Polygon or MultiPolygon in WGS-84 / CGCS2000 lon/lat (checked by the zoning capability). */
  site: z.object({ type: z.enum(['Point', 'Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()).min(1).max(10_000) }),
  industryCode: z.string().trim().regex(/^[A-Ta-t]?\d{2,4}$/, 'a GB/T 4754 code such as C3360'),
  investmentFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('integer fen (分)'),
  catalogueItem: z.number().int().positive().max(1000),
  sensitiveArea: z.boolean(),
  processes: z.array(code).max(20).default([]),
  scale: z.number().min(0).max(1e9).nullable().default(null),
  category: z.enum(['report', 'form', 'registration']),
  priorApprovalNumber: z.string().trim().max(60).nullable().optional(),
  supplied: z.array(code).max(50),
  tolerated: tolerated.default([]),
  commitmentPath: z.boolean().default(false),
});

export const acceptSchema = z.object({ tolerated: tolerated.optional() }).optional();
export const resubmitSchema = z.object({ supplied: z.array(code).max(50), tolerated: tolerated.default([]) });
export const supplySchema = z.object({ code, suppliedOn: civilDate });
export const pauseSchema = z.object({
  kind: z.enum(['expert-review', 'technical-assessment', 'hearing', 'publicity']), startOn: civilDate,
  /** The written notice to the applicant (行政许可法 第四十五条). */
  noticeOn: civilDate, note: z.string().trim().max(1000).nullable().optional(),
});
export const pauseEndSchema = z.object({ endOn: civilDate });
export const decisionSchema = z.object({
  decision: z.enum(['approval', 'refusal']),
  /** 建设项目环境保护管理条例 第十一条 grounds for a refusal. */
  grounds: z.array(code).max(5).default([]),
  text: z.string().trim().max(5000).default(''),
});
export const verifySchema = z.object({ outcome: z.enum(['confirmed', 'false']), reason: z.string().trim().min(1).max(1000), verifiedOn: civilDate });
export const publicityStartSchema = z.object({ startOn: civilDate });
export const hearingNoticeSchema = z.object({ noticeOn: civilDate });
export const hearingRequestSchema = z.object({ requestedOn: civilDate });
