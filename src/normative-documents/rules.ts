// 行政规范性文件: the procedure from draft to clean-up as pure rules. `todayOn` is passed in; dates are
// civil dates ('2026-03-02', China Standard Time). The sources are national notices and a provincial
// order whose texts were not read in the project's statute store (LawRefBook/Laws holds neither): the
// periods marked "unconfirmed" follow shared/domain/legal-procedure.md and governance-licensing-disclosure.md C1.
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';
import { addDays, addYears } from '../law/civil-date.js';
import { addWorkingDays, countWorkingDaysBetween, type WorkingCalendar } from '../law/working-days.js';

/** 国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知 (国办发〔2018〕37号); text not in the store. */
export const NOTICE_37: Citation = { law: '国办发〔2018〕37号', article: '二' };
/** 37号 (三) 严格落实公开征求意见 (unconfirmed wording). */
export const NOTICE_37_COMMENT: Citation = { law: '国办发〔2018〕37号', article: '二', item: '（三）' };
/** 37号 (五) 坚持集体审议; (六) 统一登记、统一编号、统一印发 (unconfirmed wording). */
export const NOTICE_37_DELIBERATION: Citation = { law: '国办发〔2018〕37号', article: '二', item: '（五）' };
export const NOTICE_37_ISSUE: Citation = { law: '国办发〔2018〕37号', article: '二', item: '（六）' };
/** 37号 三 (一) 备案审查; 四 (一) 清理 (unconfirmed). */
export const NOTICE_37_FILING: Citation = { law: '国办发〔2018〕37号', article: '三' };
export const NOTICE_37_CLEANUP: Citation = { law: '国办发〔2018〕37号', article: '四' };
/** 国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见 (国办发〔2018〕115号); text not in the store. */
export const OPINION_115_SCOPE: Citation = { law: '国办发〔2018〕115号', article: '二', item: '（二）' };
export const OPINION_115_PERIOD: Citation = { law: '国办发〔2018〕115号', article: '二', item: '（四）' };
/** 政府信息公开条例 第二十条 (一): 行政规范性文件 are disclosed on the agency's initiative. */
export const OGI_20_1: Citation = { law: '政府信息公开条例', article: '第二十条', item: '（一）' };
/** 山东省规章和行政规范性文件备案规定 (省政府令第337号): the filing period is a setting (not read). */
export const SHANDONG_337: Citation = { law: '山东省规章和行政规范性文件备案规定', article: '备案期限' };

// 国办发〔2018〕115号 二(四): 合法性审核时间一般不少于5个工作日，最长不超过15个工作日 (unconfirmed: text not stored).
export const REVIEW_MIN_WORKING_DAYS = 5;
export const REVIEW_MAX_WORKING_DAYS = 15;

export type DocumentStatus =
  | 'drafting' | 'assessed' | 'commenting' | 'comment_closed' | 'under_review' | 'review_passed' | 'review_failed'
  | 'deliberated' | 'issued' | 'published' | 'repealed' | 'replaced';
export type MeetingKind = 'bureau_affairs' | 'director_office';
export const MEETING_KINDS: readonly MeetingKind[] = ['bureau_affairs', 'director_office'];
/** 起草层级: 市政府规范性文件 (drafted by the bureau, issued by the government) or 部门规范性文件. */
export const DRAFTING_LEVELS = ['government', 'bureau'] as const;
export type DraftingLevel = (typeof DRAFTING_LEVELS)[number];
export type CleanupOutcome = 'retain' | 'amend' | 'repeal';
export const CLEANUP_OUTCOMES: readonly CleanupOutcome[] = ['retain', 'amend', 'repeal'];

export type DocumentAction =
  | 'assess' | 'comment_start' | 'comment_close' | 'review_submit' | 'review_opinion' | 'deliberate' | 'issue' | 'publish' | 'file' | 'cleanup';

export interface NormativeSettings { numberPrefix: string; commentDays: number; filingDays: number; validityYears: number; expiryWarningDays: number }

/** What the gates read of a document. */
export interface DocumentFacts {
  status: DocumentStatus;
  draftedOn: string;
  assessedOn: string | null;
  commentStartOn: string | null;
  commentPlannedEndOn: string | null;
  commentEndOn: string | null;
  /** The latest review round, if any. */
  review: null | { submittedOn: string; reviewedOn: string | null; passed: boolean | null };
  deliberatedOn: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  filedOn: string | null;
  lastCleanupOn: string | null;
}

/** A user-entered date: not in the future, not before the step it follows. */
export function checkStepDate(on: string, previousOn: string | null, todayOn: string, field: string): Outcome {
  if (on > todayOn) return refuse('DATE_IN_FUTURE', undefined, field);
  if (previousOn && on < previousOn) return refuse('NORMATIVE_DATE_BEFORE_PREVIOUS_STEP', undefined, field, { previousOn });
  return allowed;
}

const wrongStage = (citation?: Citation) => refuse('NORMATIVE_STEP_NOT_ALLOWED', citation);

/** 37号: 评估论证 follows the draft. */
export function checkAssessment(f: DocumentFacts, on: string, todayOn: string): Outcome {
  if (f.status !== 'drafting') return wrongStage(NOTICE_37);
  return checkStepDate(on, f.draftedOn, todayOn, 'assessedOn');
}

/** 37号 二(三): public comment, normally at least `commentDays` days; a shorter period needs its reason. */
export function checkCommentStart(f: DocumentFacts, input: { startOn: string; plannedEndOn: string; shortReason?: string | null }, s: NormativeSettings, todayOn: string): Outcome {
  if (f.status !== 'assessed') return wrongStage(NOTICE_37_COMMENT);
  const date = checkStepDate(input.startOn, f.assessedOn, todayOn, 'startOn');
  if (!date.ok) return date;
  if (input.plannedEndOn <= input.startOn) return refuse('NORMATIVE_DATE_BEFORE_PREVIOUS_STEP', undefined, 'plannedEndOn', { previousOn: input.startOn });
  // 国办发〔2018〕37号 二(三): 征求意见的期限一般不少于30日 (the days are a setting); shorter only with reasons.
  if (input.plannedEndOn < addDays(input.startOn, s.commentDays) && !input.shortReason?.trim()) {
    return refuse('NORMATIVE_COMMENT_PERIOD_SHORT', NOTICE_37_COMMENT, 'plannedEndOn', { days: s.commentDays });
  }
  return allowed;
}

/** 37号 二(三): the period ran, and every comment received was answered. */
export function checkCommentClose(f: DocumentFacts, input: { endOn: string; received: number; answered: number }, todayOn: string): Outcome {
  if (f.status !== 'commenting') return wrongStage(NOTICE_37_COMMENT);
  const date = checkStepDate(input.endOn, f.commentStartOn, todayOn, 'endOn');
  if (!date.ok) return date;
  if (f.commentPlannedEndOn && input.endOn < f.commentPlannedEndOn) {
    return refuse('NORMATIVE_COMMENT_PERIOD_NOT_OVER', NOTICE_37_COMMENT, 'endOn', { plannedEndOn: f.commentPlannedEndOn });
  }
  // 37号 二(三): 对意见建议的采纳情况 is explained — each comment answered.
  if (input.answered < input.received) return refuse('NORMATIVE_COMMENTS_NOT_ANSWERED', NOTICE_37_COMMENT, 'answered');
  if (input.answered > input.received) return refuse('NORMATIVE_COMMENTS_COUNT', undefined, 'answered');
  return allowed;
}

/** 115号 二(二): every normative document goes to legality review after the comment period (or again after a failed review). */
export function checkReviewSubmit(f: DocumentFacts, on: string, todayOn: string): Outcome {
  if (f.status !== 'comment_closed' && f.status !== 'review_failed') return wrongStage(OPINION_115_SCOPE);
  const previous = f.status === 'review_failed' ? f.review?.reviewedOn ?? f.commentEndOn : f.commentEndOn;
  return checkStepDate(on, previous, todayOn, 'submittedOn');
}

export interface ReviewOpinionInput { reviewedOn: string; passed: boolean; competence: string; procedure: string; content: string }

/** 115号 二(四): at least 5 working days of review; the opinion covers competence, procedure and content. */
export function checkReviewOpinion(cal: WorkingCalendar, f: DocumentFacts, input: ReviewOpinionInput, todayOn: string): Outcome {
  if (f.status !== 'under_review' || !f.review) return wrongStage(OPINION_115_PERIOD);
  const date = checkStepDate(input.reviewedOn, f.review.submittedOn, todayOn, 'reviewedOn');
  if (!date.ok) return date;
  for (const field of ['competence', 'procedure', 'content'] as const) {
    // 115号 二(三): 审核内容 — 制定主体、程序、内容 (unconfirmed item number).
    if (!input[field].trim()) return refuse('NORMATIVE_REVIEW_OPINION_INCOMPLETE', OPINION_115_SCOPE, field);
  }
  // 115号 二(四): 合法性审核时间一般不少于5个工作日.
  if (countWorkingDaysBetween(cal, f.review.submittedOn, input.reviewedOn).value < REVIEW_MIN_WORKING_DAYS) {
    return refuse('NORMATIVE_REVIEW_TOO_SHORT', OPINION_115_PERIOD, 'reviewedOn', { days: REVIEW_MIN_WORKING_DAYS });
  }
  return allowed;
}

/** 115号 二(四): the review is due within 15 working days of its submission. */
export function reviewDue(cal: WorkingCalendar, submittedOn: string): { dueOn: string; earliestOn: string; provisional: boolean } {
  const due = addWorkingDays(cal, submittedOn, REVIEW_MAX_WORKING_DAYS);
  const earliest = addWorkingDays(cal, submittedOn, REVIEW_MIN_WORKING_DAYS);
  return { dueOn: due.value, earliestOn: earliest.value, provisional: !!due.provisional };
}

/** 37号 二(五), 115号: 未经合法性审核或者经审核不合法的，不得提交集体审议. */
export function checkDeliberation(f: DocumentFacts, on: string, todayOn: string): Outcome {
  if (f.status === 'drafting' || f.status === 'assessed' || f.status === 'commenting' || f.status === 'comment_closed') {
    return refuse('NORMATIVE_REVIEW_MISSING', OPINION_115_SCOPE);
  }
  if (f.status === 'under_review') return refuse('NORMATIVE_REVIEW_MISSING', OPINION_115_SCOPE);
  if (f.status === 'review_failed') return refuse('NORMATIVE_REVIEW_NOT_PASSED', OPINION_115_SCOPE);
  if (f.status !== 'review_passed') return wrongStage(NOTICE_37_DELIBERATION);
  return checkStepDate(on, f.review?.reviewedOn ?? null, todayOn, 'meetingOn');
}

/** 37号 二(六): 统一登记、统一编号、统一印发 only after collective deliberation. */
/** A government document carries the number the government gave it; the bureau's own is numbered from its series. */
export function checkIssue(f: DocumentFacts, input: { issuedOn: string; effectiveOn: string; level?: DraftingLevel; documentNumber?: string | null }, todayOn: string): Outcome {
  if (f.issuedOn) return refuse('NORMATIVE_ALREADY_ISSUED', NOTICE_37_ISSUE);
  // 国办发〔2018〕37号 二(五): 未经集体审议 the document is not issued.
  if (f.status !== 'deliberated') return refuse('NORMATIVE_DELIBERATION_MISSING', NOTICE_37_DELIBERATION);
  const date = checkStepDate(input.issuedOn, f.deliberatedOn, todayOn, 'issuedOn');
  if (!date.ok) return date;
  if (input.effectiveOn < input.issuedOn) return refuse('NORMATIVE_DATE_BEFORE_PREVIOUS_STEP', undefined, 'effectiveOn', { previousOn: input.issuedOn });
  // 37号 二(六) 统一编号: the issuing body numbers it — the government its own document, the bureau from its series.
  if ((input.level === 'government') !== Boolean(input.documentNumber?.trim())) return refuse('NORMATIVE_DOCUMENT_NUMBER_LEVEL', NOTICE_37_ISSUE, 'documentNumber');
  return allowed;
}

/** 政府信息公开条例 第二十条(一); 37号: 未经公开发布的不得作为行政管理依据 — publish once issued. */
export function checkPublication(f: DocumentFacts, on: string, todayOn: string): Outcome {
  if (f.status !== 'issued') return refuse('NORMATIVE_NOT_ISSUED', NOTICE_37_ISSUE);
  return checkStepDate(on, f.issuedOn, todayOn, 'publishedOn');
}

/** 37号 三, 山东省令第337号: filed with the government after publication, once. */
export function checkFiling(f: DocumentFacts, on: string, todayOn: string): Outcome {
  if (!f.publishedOn || f.status === 'issued') return refuse('NORMATIVE_NOT_PUBLISHED', NOTICE_37_FILING);
  if (f.filedOn) return refuse('NORMATIVE_ALREADY_FILED', NOTICE_37_FILING);
  return checkStepDate(on, f.publishedOn, todayOn, 'filedOn');
}

/** 37号 四: periodic clean-up of documents in force. */
export function checkCleanup(f: DocumentFacts, on: string, todayOn: string): Outcome {
  if (f.status !== 'published') return refuse('NORMATIVE_NOT_IN_FORCE', NOTICE_37_CLEANUP);
  return checkStepDate(on, f.lastCleanupOn ?? f.publishedOn, todayOn, 'cleanedOn');
}

/** The steps the document's state allows now (the UI enables these buttons). */
export function documentActions(f: DocumentFacts): DocumentAction[] {
  switch (f.status) {
    case 'drafting': return ['assess'];
    case 'assessed': return ['comment_start'];
    case 'commenting': return ['comment_close'];
    case 'comment_closed': return ['review_submit'];
    case 'under_review': return ['review_opinion'];
    case 'review_failed': return ['review_submit'];
    case 'review_passed': return ['deliberate'];
    case 'deliberated': return ['issue'];
    case 'issued': return ['publish'];
    case 'published': return f.filedOn ? ['cleanup'] : ['file', 'cleanup'];
    default: return [];
  }
}

/** 山东省令第337号 (period a setting, default 30 days): the filing is due `filingDays` days after publication. */
export function filingClock(publishedOn: string | null, filedOn: string | null, s: NormativeSettings, todayOn: string):
  null | { dueOn: string; filedOn: string | null; onTime: boolean | null; overdue: boolean; daysLeft: number | null } {
  if (!publishedOn) return null;
  const dueOn = addDays(publishedOn, s.filingDays);
  if (filedOn) return { dueOn, filedOn, onTime: filedOn <= dueOn, overdue: false, daysLeft: null };
  const left = Math.round((Date.parse(dueOn) - Date.parse(todayOn)) / 86_400_000);
  return { dueOn, filedOn: null, onTime: null, overdue: todayOn > dueOn, daysLeft: left };
}

/** 有效期 (default 5 years, a setting): the last day the document is valid. */
export function validUntil(effectiveOn: string, years: number): string {
  return addDays(addYears(effectiveOn, years), -1);
}

/** Whether a document stands in the public list on `on`: published, not ended, within its validity. */
export function isInForce(d: { publishedOn: string | null; effectiveOn: string | null; validUntilOn: string | null; endedOn: string | null }, on: string): boolean {
  if (!d.publishedOn || d.publishedOn > on) return false;
  if (d.endedOn && d.endedOn <= on) return false;
  return !d.validUntilOn || d.validUntilOn >= on;
}

/** Expiry warning: in force and within `expiryWarningDays` of the end of its validity. */
export function expiryWarning(validUntilOn: string | null, s: NormativeSettings, todayOn: string): null | { validUntilOn: string; daysLeft: number; expired: boolean } {
  if (!validUntilOn) return null;
  const daysLeft = Math.round((Date.parse(validUntilOn) - Date.parse(todayOn)) / 86_400_000);
  if (daysLeft > s.expiryWarningDays) return null;
  return { validUntilOn, daysLeft, expired: daysLeft < 0 };
}
