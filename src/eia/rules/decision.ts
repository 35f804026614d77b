// The gates of an EIA application: acceptance, pauses, the leader's decision, 告知承诺 verification.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { LICENSING_45 } from './clock.js';
import type { ApplicationStatus, EiaCategory, Pause, ToleratedItem } from './types.js';
import { checkApprovalPublicityRun, checkHearingBeforeDecision, type HearingFacts, type PublicityFacts } from './publicity.js';

export const REGULATION_11: Citation = { law: '建设项目环境保护管理条例', article: '第十一条' };
export const REGULATION_11_1: Citation = { ...REGULATION_11, item: '（一）' };
export const REGULATION_9: Citation = { law: '建设项目环境保护管理条例', article: '第九条' };
export const LICENSING_32: Citation = { law: '行政许可法', article: '第三十二条' };
export const LICENSING_42: Citation = { law: '行政许可法', article: '第四十二条' };
export const LICENSING_47: Citation = { law: '行政许可法', article: '第四十七条' };
export const BUSINESS_ENV_40: Citation = { law: '优化营商环境条例', article: '第四十条' };

/** 建设项目环境保护管理条例 第十一条: the five grounds on which the EIA document is not approved (不予批准). */
export const REFUSAL_GROUNDS = [
  { code: 'non-conforming', item: '（一）', text: '建设项目类型及其选址、布局、规模等不符合环境保护法律法规和相关法定规划' },
  { code: 'quality-not-met', item: '（二）', text: '所在区域环境质量未达到国家或者地方环境质量标准，且建设项目拟采取的措施不能满足区域环境质量改善目标管理要求' },
  { code: 'emissions-not-met', item: '（三）', text: '建设项目采取的污染防治措施无法确保污染物排放达到国家和地方排放标准，或者未采取必要措施预防和控制生态破坏' },
  { code: 'existing-pollution', item: '（四）', text: '改建、扩建和技术改造项目，未针对项目原有环境污染和生态破坏提出有效防治措施' },
  { code: 'defective-document', item: '（五）', text: '建设项目的环境影响报告书、环境影响报告表的基础资料数据明显不实，内容存在重大缺陷、遗漏，或者环境影响评价结论不明确、不合理' },
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number]['code'];

export interface ReviewFacts {
  status: ApplicationStatus; category: EiaCategory; pauses: readonly Pause[];
  tolerated: readonly ToleratedItem[];
  siteVerdict: 'allowed' | 'restricted' | 'prohibited' | 'outside-all-units' | null;
  commitmentPath: boolean;
  /** The intended-approval publicity (拟批准公示) and the hearing right (行政许可法 第四十七条). */
  publicity: PublicityFacts; hearing: HearingFacts; todayOn: string;
}

/** Intake (受理 or the correction notice) only while the application is received and not yet accepted. */
export function checkIntake(f: Pick<ReviewFacts, 'status' | 'category'>): Outcome {
  if (f.category === 'registration') return refuse('EIA_REGISTRATION_NOT_APPROVED', REGULATION_9);
  if (f.status !== 'received') return refuse('EIA_NOT_AWAITING_INTAKE', LICENSING_32);
  return allowed;
}

/** 行政许可法 第四十五条: a pause starts during review, one at a time, with the written notice to the applicant. */
export function checkPauseStart(f: Pick<ReviewFacts, 'status' | 'pauses'>, p: { startOn: string; noticeOn: string }, acceptedOn: string | null): Outcome {
  if (f.status !== 'accepted' || !acceptedOn) return refuse('EIA_NOT_UNDER_REVIEW');
  if (f.pauses.some((x) => x.endOn === null)) return refuse('EIA_PAUSE_OPEN', LICENSING_45);
  if (p.startOn < acceptedOn) return refuse('EIA_PAUSE_BEFORE_ACCEPTANCE', LICENSING_45, 'startOn');
  const lastEnd = f.pauses.reduce<string | null>((a, x) => (x.endOn && (!a || x.endOn > a) ? x.endOn : a), null);
  if (lastEnd && p.startOn <= lastEnd) return refuse('EIA_PAUSE_OVERLAP', LICENSING_45, 'startOn');
  if (p.noticeOn < p.startOn) return refuse('EIA_PAUSE_NOTICE_BEFORE_START', LICENSING_45, 'noticeOn');
  return allowed;
}

export function checkPauseEnd(f: Pick<ReviewFacts, 'pauses'>, endOn: string): Outcome {
  const open = f.pauses.find((x) => x.endOn === null);
  if (!open) return refuse('EIA_NO_OPEN_PAUSE', LICENSING_45);
  if (endOn < open.startOn) return refuse('EIA_PAUSE_END_BEFORE_START', LICENSING_45, 'endOn');
  return allowed;
}

/** The leader's decision: only on an accepted application whose review is not paused. */
export function checkDecision(f: ReviewFacts): Outcome {
  if (f.status !== 'accepted') return refuse('EIA_NOT_UNDER_REVIEW');
  if (f.pauses.some((p) => p.endOn === null)) return refuse('EIA_REVIEW_PAUSED', LICENSING_45);
  // 行政许可法 第四十七条: the hearing right notified, its window run, a requested hearing held.
  return checkHearingBeforeDecision(f.hearing, f.pauses, f.todayOn);
}

/**
 * 批复: refused while a tolerated (容缺) item is outstanding — acceptance under 容缺 was on the written promise
 * to supply it before approval (山东省优化营商环境条例 第三十条; mechanics local practice) — and refused for a
 * site in a unit whose access list prohibits the industry: 建设项目环境保护管理条例 第十一条（一） (选址不符合
 * 法定规划: the 三线一单 access list).
 */
export function checkApproval(f: ReviewFacts): Outcome {
  const d = checkDecision(f);
  if (!d.ok) return d;
  if (f.tolerated.some((t) => t.suppliedOn === null)) return refuse('EIA_TOLERATED_ITEM_OUTSTANDING', LICENSING_32);
  // 建设项目环境保护管理条例 第十一条（一）: a prohibited site is not approved.
  if (f.siteVerdict === 'prohibited') return refuse('EIA_SITE_PROHIBITED', REGULATION_11_1);
  // 环境影响评价公众参与办法 第二十五条 (unconfirmed): not before the intended-approval publicity has run.
  return checkApprovalPublicityRun(f.publicity, f.todayOn);
}

/** 不予批准: only on the grounds of 第十一条, at least one. */
export function checkRefusal(f: ReviewFacts, grounds: readonly string[]): Outcome {
  const d = checkDecision(f);
  if (!d.ok) return d;
  const known = new Set<string>(REFUSAL_GROUNDS.map((g) => g.code));
  if (!grounds.length) return refuse('EIA_REFUSAL_GROUNDS_REQUIRED', REGULATION_11, 'grounds');
  const bad = grounds.findIndex((g) => !known.has(g));
  if (bad >= 0) return refuse('EIA_REFUSAL_GROUND_UNKNOWN', REGULATION_11, `grounds.${bad}`);
  return allowed;
}

/** 告知承诺 (优化营商环境条例 第四十条): only for a category the bureau lists, and never for a prohibited site. */
export function checkCommitmentPath(category: EiaCategory, allowedCategories: readonly EiaCategory[]): Outcome {
  if (!allowedCategories.includes(category)) return refuse('EIA_COMMITMENT_NOT_OFFERED', BUSINESS_ENV_40, 'commitmentPath');
  return allowed;
}

/** The verification after approval on commitment: once, on an approved commitment application. */
export function checkVerification(f: Pick<ReviewFacts, 'status' | 'commitmentPath'>): Outcome {
  if (!f.commitmentPath) return refuse('EIA_NOT_COMMITMENT_PATH', BUSINESS_ENV_40);
  if (f.status !== 'approved') return refuse('EIA_NOT_AWAITING_VERIFICATION', BUSINESS_ENV_40);
  return allowed;
}
