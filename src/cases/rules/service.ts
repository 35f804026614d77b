// Service of the decision, the party's absence from a hearing, and a case suspended for a crime transfer. Pure.
//
// Read (LawRefBook/Laws): 行政处罚法 第六十一条 — the decision is handed over on the spot, otherwise served
// within 7 (working, 第八十五条) days under the Civil Procedure Law; by fax, e-mail etc. only when the party
// agreed and signed a confirmation (第二款). 民事诉讼法 (2023) 第八十七条 — the date the addressee signed on
// the service receipt is the date of service; 第九十条 — electronic service with the addressee's consent, dated
// from the day the message reached the addressee's system; 第九十五条 — service by public notice is deemed
// made when thirty days have passed from its publication. 行政处罚法 第六十四条 (六) — a party who, without good
// reason, does not appear at the hearing or leaves without permission is deemed to have waived it, and the
// bureau ends the hearing. 国务院令第310号 (2020) 第十条, 第十一条, 第十三条 — a suspected crime is transferred and
// not replaced by a penalty; when the police do not file, or hand the case back, the bureau deals with it.
// Counting (decision): the thirty days start the day after publication (民事诉讼法 第八十五条第二款) and a last
// day on a rest day moves to the next working day (第八十五条第三款), like the case's other natural-day periods.
import { allowed, refuse, type Citation, type Outcome } from '../../law/outcome.js';
import type { CaseRecords } from './case-records.js';
import { suspendedForCrime } from './case-records.js';

export const APL_61: Citation = { law: '行政处罚法', article: '第六十一条', paragraph: '第一款' };
export const APL_61_2: Citation = { law: '行政处罚法', article: '第六十一条', paragraph: '第二款' };
export const CPL_87: Citation = { law: '民事诉讼法', article: '第八十七条' };
export const CPL_90: Citation = { law: '民事诉讼法', article: '第九十条' };
export const CPL_95: Citation = { law: '民事诉讼法', article: '第九十五条' };
export const APL_64_6: Citation = { law: '行政处罚法', article: '第六十四条', item: '（六）' };
export const CRIME_TRANSFER_SUSPENDS: Citation = { law: '行政执法机关移送涉嫌犯罪案件的规定', article: '第十一条' };

/** 民事诉讼法 第九十五条: thirty days from publication. */
export const PUBLIC_NOTICE_DAYS = 30;

export type ServiceMethod = 'in_person' | 'mail' | 'electronic' | 'public_notice';

export interface ServiceInput {
  method: ServiceMethod;
  /** In person or by mail: the date signed on the receipt; electronically: the day it reached the party's system. */
  servedOn: string | null;
  /** By public notice: the day it was published. */
  publishedOn: string | null;
  lateReason: string | null;
}

/** The day the service counts from, and the day the bureau acted (for the 7-day check). */
export function serviceDatesOf(input: ServiceInput, addDays: (fromOn: string, n: number) => string): { servedOn: string; actedOn: string } | null {
  if (input.method === 'public_notice') return input.publishedOn ? { servedOn: addDays(input.publishedOn, PUBLIC_NOTICE_DAYS), actedOn: input.publishedOn } : null;
  return input.servedOn ? { servedOn: input.servedOn, actedOn: input.servedOn } : null;
}

/** 行政处罚法 第六十一条 with 民事诉讼法 第八十七条, 第九十条, 第九十五条. */
export function checkServiceMethod(
  records: CaseRecords, decidedOn: string, serviceDueOn: string, input: ServiceInput, todayOn: string,
): Outcome {
  if (input.method === 'public_notice' && !input.publishedOn) return refuse('PUBLICATION_DATE_REQUIRED', CPL_95, 'publishedOn');
  if (input.method !== 'public_notice' && !input.servedOn) return refuse('SERVICE_DATE_REQUIRED', CPL_87, 'servedOn');
  const field = input.method === 'public_notice' ? 'publishedOn' : 'servedOn';
  const actedOn = (input.method === 'public_notice' ? input.publishedOn : input.servedOn)!;
  if (actedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, field);
  if (actedOn < decidedOn) return refuse('DATE_BEFORE_DECISION', undefined, field);
  if (input.method === 'electronic') {
    // 第六十一条第二款: only with the party's signed consent, recorded before the service.
    if (!records.serviceConsent || records.serviceConsent.signedOn > actedOn) return refuse('ELECTRONIC_SERVICE_WITHOUT_CONSENT', APL_61_2, 'method');
  }
  if (actedOn > serviceDueOn && !input.lateReason?.trim()) return refuse('SERVICE_LATE_REASON_REQUIRED', APL_61, 'lateReason', { serviceDueOn });
  return allowed;
}

/** 行政处罚法 第六十一条第二款: the party's signed consent to electronic service. */
export function checkServiceConsent(archived: boolean, filedOn: string, signedOn: string, todayOn: string): Outcome {
  if (archived) return refuse('CASE_ARCHIVED');
  if (signedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'signedOn');
  if (signedOn < filedOn) return refuse('DATE_BEFORE_FILING', undefined, 'signedOn');
  return allowed;
}

export interface HearingFacts { scheduledOn: string | null; heldAt: string | null }

/** 行政处罚法 第六十四条 (六): absence without good reason, or leaving without permission, ends the hearing as waived. */
export function checkHearingAbsence(hearing: HearingFacts | null, waived: boolean, input: { on: string; goodReason: boolean }, todayOn: string): Outcome {
  if (!hearing || hearing.heldAt || waived) return refuse('STAGE_DOES_NOT_ALLOW', undefined, undefined, { stage: 'hearing' });
  if (!hearing.scheduledOn) return refuse('HEARING_NOT_SCHEDULED', APL_64_6);
  if (input.on > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'on');
  if (input.on < hearing.scheduledOn) return refuse('DATE_BEFORE_SCHEDULE', undefined, 'on');
  // With a good reason the hearing is postponed, not ended: reschedule it instead.
  if (input.goodReason) return refuse('ABSENCE_WITH_GOOD_REASON', APL_64_6, 'goodReason');
  return allowed;
}

/** 国务院令第310号 第十条, 第十一条: while the police hold the case, the bureau takes no step in it. */
export function checkNotSuspended(records: CaseRecords | undefined): Outcome {
  const s = records ? suspendedForCrime(records) : null;
  return s ? refuse('CASE_SUSPENDED_FOR_CRIME_TRANSFER', CRIME_TRANSFER_SUSPENDS, undefined, { sinceOn: s.fromOn }) : allowed;
}
