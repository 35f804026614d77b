// Publicity (受理公示, 拟批准公示) and the hearing right (听证告知) of an EIA application. Pure: dates are passed in.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import { addWorkingDays, type WorkingCalendar } from '../../law/working-days.js';
import type { ApplicationStatus, Pause } from './types.js';

/**
 * 环境影响评价公众参与办法 (生态环境部令第4号): after accepting a 报告书 the authority publishes it, and before the
 * decision publishes what it intends to decide, for no fewer than 5 working days. The article numbers and the text
 * were NOT found in the reference library: unconfirmed (from memory: 第二十四条 acceptance, 第二十五条 intended
 * decision). 建设项目环境影响评价政府信息公开指南（试行） (环办〔2013〕103号) extends both to 报告表: unconfirmed.
 * The periods are the bureau's settings (licensing.acceptance/approvalPublicityWorkingDays).
 */
export const PARTICIPATION_24: Citation = { law: '环境影响评价公众参与办法', article: '第二十四条' };
export const PARTICIPATION_25: Citation = { law: '环境影响评价公众参与办法', article: '第二十五条' };
/** 行政许可法 第四十七条 (text read): notice of the hearing right; a request within 5 days; hearing within 20 days. */
export const LICENSING_47: Citation = { law: '行政许可法', article: '第四十七条' };
export const LICENSING_47_1: Citation = { ...LICENSING_47, paragraph: '第一款' };
/** 行政许可法 第四十八条 (text read): the decision is made on the hearing record. */
export const LICENSING_48: Citation = { law: '行政许可法', article: '第四十八条', paragraph: '第二款' };

/** 行政许可法 第四十七条: 5 days to request a hearing — working days (第八十二条). */
export const HEARING_REQUEST_WORKING_DAYS = 5;

/** The last day of a publicity of `days` working days starting on `startOn` (the start day counts as published). */
export function publicityEndsOn(cal: WorkingCalendar, startOn: string, days: number): string | null {
  if (days <= 0) return null;
  return days === 1 ? startOn : addWorkingDays(cal, startOn, days - 1).value;
}

/** 行政许可法 第四十七条 + 第八十二条: the last day the applicant or an interested party may ask for a hearing. */
export function hearingRequestDueOn(cal: WorkingCalendar, noticeOn: string): string {
  return addWorkingDays(cal, noticeOn, HEARING_REQUEST_WORKING_DAYS).value;
}

export interface PublicityFacts { requiredDays: number; startOn: string | null; endsOn: string | null }
export interface HearingFacts {
  /** The application directly concerns major interests of others (a project in an environmentally sensitive area). */
  required: boolean;
  noticeOn: string | null; requestDueOn: string | null; requestedOn: string | null;
}

/** The intended-approval publicity starts during review, once, while the review is not paused. */
export function checkApprovalPublicityStart(
  f: { status: ApplicationStatus; pauses: readonly Pause[]; publicity: PublicityFacts }, startOn: string, acceptedOn: string | null,
): Outcome {
  if (f.status !== 'accepted' || !acceptedOn) return refuse('EIA_NOT_UNDER_REVIEW');
  if (f.publicity.requiredDays <= 0) return refuse('EIA_APPROVAL_PUBLICITY_NOT_SET', PARTICIPATION_25);
  if (f.publicity.startOn) return refuse('EIA_APPROVAL_PUBLICITY_STARTED', PARTICIPATION_25);
  if (f.pauses.some((p) => p.endOn === null)) return refuse('EIA_REVIEW_PAUSED');
  if (startOn < acceptedOn) return refuse('EIA_PUBLICITY_BEFORE_ACCEPTANCE', PARTICIPATION_25, 'startOn');
  return allowed;
}

/**
 * 环境影响评价公众参与办法 第二十五条 (unconfirmed): the approval waits until the intended-approval publicity has run
 * its full period (the bureau's setting); a period of 0 in the settings means the bureau publishes none.
 */
export function checkApprovalPublicityRun(p: PublicityFacts, todayOn: string): Outcome {
  if (p.requiredDays <= 0) return allowed;
  if (!p.startOn || !p.endsOn) return refuse('EIA_APPROVAL_PUBLICITY_REQUIRED', PARTICIPATION_25);
  if (todayOn <= p.endsOn) return refuse('EIA_APPROVAL_PUBLICITY_RUNNING', PARTICIPATION_25, undefined, { endsOn: p.endsOn });
  return allowed;
}

/** 行政许可法 第四十七条: the hearing-right notice, once, during review, dated on or after acceptance. */
export function checkHearingNotice(f: { status: ApplicationStatus; hearing: HearingFacts }, noticeOn: string, acceptedOn: string | null): Outcome {
  if (f.status !== 'accepted' || !acceptedOn) return refuse('EIA_NOT_UNDER_REVIEW');
  if (f.hearing.noticeOn) return refuse('EIA_HEARING_NOTICE_GIVEN', LICENSING_47_1);
  if (noticeOn < acceptedOn) return refuse('EIA_HEARING_NOTICE_BEFORE_ACCEPTANCE', LICENSING_47_1, 'noticeOn');
  return allowed;
}

/** 行政许可法 第四十七条: a hearing request within 5 (working) days of the notice. */
export function checkHearingRequest(f: { status: ApplicationStatus; hearing: HearingFacts }, requestedOn: string): Outcome {
  if (f.status !== 'accepted') return refuse('EIA_NOT_UNDER_REVIEW');
  if (!f.hearing.noticeOn || !f.hearing.requestDueOn) return refuse('EIA_NO_HEARING_NOTICE', LICENSING_47_1);
  if (f.hearing.requestedOn) return refuse('EIA_HEARING_ALREADY_REQUESTED', LICENSING_47_1);
  if (requestedOn < f.hearing.noticeOn) return refuse('EIA_HEARING_REQUEST_BEFORE_NOTICE', LICENSING_47_1, 'requestedOn');
  if (requestedOn > f.hearing.requestDueOn) return refuse('EIA_HEARING_REQUEST_LATE', LICENSING_47_1, 'requestedOn', { dueOn: f.hearing.requestDueOn });
  return allowed;
}

/**
 * Before any decision (批复 or 不予批准): 行政许可法 第四十七条 — where the application directly concerns major
 * interests of others the hearing right is notified and its 5-day window has run; a hearing requested in time is
 * held first (a 'hearing' pause that has ended), and the decision rests on its record (第四十八条第二款).
 */
export function checkHearingBeforeDecision(h: HearingFacts, pauses: readonly Pause[], todayOn: string): Outcome {
  if (h.required && !h.noticeOn) return refuse('EIA_HEARING_NOTICE_REQUIRED', LICENSING_47_1);
  if (h.noticeOn && !h.requestedOn && h.requestDueOn && todayOn <= h.requestDueOn) {
    return refuse('EIA_HEARING_WINDOW_OPEN', LICENSING_47_1, undefined, { dueOn: h.requestDueOn });
  }
  if (h.requestedOn && !pauses.some((p) => p.kind === 'hearing' && p.endOn !== null && p.startOn >= h.requestedOn!)) {
    return refuse('EIA_HEARING_NOT_HELD', LICENSING_48);
  }
  return allowed;
}
