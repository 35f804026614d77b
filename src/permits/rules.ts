// 排污许可 (discharge permits): pure rules. No I/O; `todayOn` and the working calendar are passed in.
//
// Sources (排污许可管理条例, 国务院令第736号, in force 2021-03-01, read in LawRefBook/Laws):
// - 第二条第二款 / 第二十四条: 重点管理 and 简化管理 are permits; 登记管理 is a registration form (排污登记表),
//   "不需要申请取得排污许可证" — filed, not approved.
// - 第九条(四): incomplete application → one notice (告知单) on the spot or within 3 days listing everything
//   missing; no notice in time → deemed accepted from the day the materials were received.
// - 第十二条: decision within 20 days of acceptance (简化), 30 days (重点), 45 days where an on-site check is needed.
// - 第十四条: valid 5 years; renewal applied for 60 days before expiry, reviewed within 20 days of acceptance;
//   a change of name, domicile, legal representative or principal person → change application within 30 days
//   of the change (第十四条第三款; the brief named 第十五条, which is the re-application for new/changed
//   discharges).
// - 第二十二条: execution reports (执行报告) with the content, frequency and timing the permit sets.
// - 第三十三条: discharging without a permit, after expiry without renewal, or after revocation → penalty.
//
// Day counting: 行政许可法 第八十二条 makes the periods "本法规定的" for implementing a licence working days
// without statutory holidays. Applying it to the 条例's 3/20/30/45 days (the 条例 implements licensing under
// that law and says nothing of its own) is our reading — unconfirmed; the applicant's periods (60 days before
// expiry, 30 days after a change) are obligations of the party, counted in natural days.
import { allowed, refuse, type Citation, type Outcome } from '../law/outcome.js';
import { addDays, addYears, daysBetween } from '../law/civil-date.js';
import { addWorkingDays, type WorkingCalendar } from '../law/working-days.js';

export const PDRA_2: Citation = { law: '排污许可管理条例', article: '第二条' };
export const PDRA_9_4: Citation = { law: '排污许可管理条例', article: '第九条', item: '（四）' };
export const PDRA_12_1: Citation = { law: '排污许可管理条例', article: '第十二条', paragraph: '第一款' };
export const PDRA_12_2: Citation = { law: '排污许可管理条例', article: '第十二条', paragraph: '第二款' };
export const PDRA_14_1: Citation = { law: '排污许可管理条例', article: '第十四条', paragraph: '第一款' };
export const PDRA_14_2: Citation = { law: '排污许可管理条例', article: '第十四条', paragraph: '第二款' };
export const PDRA_14_3: Citation = { law: '排污许可管理条例', article: '第十四条', paragraph: '第三款' };
export const PDRA_22: Citation = { law: '排污许可管理条例', article: '第二十二条' };
export const PDRA_24: Citation = { law: '排污许可管理条例', article: '第二十四条' };
export const PDRA_33: Citation = { law: '排污许可管理条例', article: '第三十三条' };

/** 重点管理 / 简化管理 (permits) / 登记管理 (a registration). */
export type ManagementClass = 'key' | 'simplified' | 'registration';
export const MANAGEMENT_CLASSES = ['key', 'simplified', 'registration'] as const;
export type PermitStatus = 'active' | 'superseded' | 'revoked' | 'cancelled';
export type ApplicationKind = 'new' | 'renewal' | 'change';
export type ApplicationStatus = 'received' | 'incomplete' | 'accepted' | 'approved' | 'refused';
export type ReportKind = 'annual' | 'quarterly' | 'monthly';

/** 第二十四条: a registration (登记管理) is filed, not a permit; only 重点 and 简化 are permits. */
export const isPermitClass = (c: ManagementClass): boolean => c !== 'registration';

/** 第十四条第一款: a permit is valid 5 years from its first day (the day before the fifth anniversary is the last). */
export const PERMIT_VALIDITY_YEARS = 5;
export function computeValidTo(validFromOn: string): string {
  return addDays(addYears(validFromOn, PERMIT_VALIDITY_YEARS), -1);
}

/**
 * Permit number (HJ 608-2017 排污单位编码规则, 附录 A example 91130200699229617X001P): the 18-character unified
 * social credit code, a 3-digit sequence of the unit's places (001…), and one capital letter. 'P' is the letter
 * of the standard's example; which letter marks a registration or a simplified permit (W? V?) is unconfirmed,
 * so any capital letter is accepted. The code must be the enterprise's own.
 */
export const PERMIT_NUMBER = /^[0-9A-HJ-NP-RT-UW-Y]{18}\d{3}[A-Z]$/;
export function checkPermitNumber(number: string, enterpriseCreditCode: string): Outcome {
  if (!PERMIT_NUMBER.test(number) || number.slice(18, 21) === '000') return refuse('PERMIT_NUMBER_FORMAT', undefined, 'number');
  if (number.slice(0, 18) !== enterpriseCreditCode) return refuse('PERMIT_NUMBER_NOT_OF_ENTERPRISE', undefined, 'number');
  return allowed;
}

export interface PermitFacts { managementClass: ManagementClass; status: PermitStatus; validFromOn: string; validToOn: string | null }

/** Whether a permit or registration authorises discharge on a day: active and inside its validity (第三十三条). */
export function isValidOn(p: PermitFacts, on: string): boolean {
  return p.status === 'active' && p.validFromOn <= on && (p.validToOn === null || on <= p.validToOn);
}

/** 第三十三条: discharge on `on` needs a valid permit or registration; the item names the case. */
export function checkDischargeAuthorised(held: PermitFacts[], on: string): Outcome {
  if (held.some((p) => isValidOn(p, on))) return allowed;
  const expired = held.some((p) => p.status !== 'revoked' && p.validToOn !== null && p.validToOn < on);
  // 第三十三条（三）: after the permit was revoked (撤销), cancelled (注销) or withdrawn by penalty (吊销).
  const revoked = held.some((p) => p.status === 'revoked' || p.status === 'cancelled');
  if (revoked) return refuse('DISCHARGE_PERMIT_REVOKED', { ...PDRA_33, item: '（三）' });
  if (expired) return refuse('DISCHARGE_PERMIT_EXPIRED', { ...PDRA_33, item: '（二）' });
  return refuse('DISCHARGE_WITHOUT_PERMIT', { ...PDRA_33, item: '（一）' });
}

/** 第十四条第二款: the last day to apply for renewal, 60 days before expiry. */
export const RENEWAL_LEAD_DAYS = 60;
export const computeRenewalDueOn = (validToOn: string): string => addDays(validToOn, -RENEWAL_LEAD_DAYS);
/** Reminder window before the renewal due date (design): 30 days. */
export const RENEWAL_REMINDER_DAYS = 30;

export type RenewalState = 'none' | 'upcoming' | 'due' | 'late' | 'expired';
/** Where a permit stands on renewal: reminded 30 days before the 60-day date, late after it, expired after expiry. */
export function renewalState(p: PermitFacts, todayOn: string, renewalApplied: boolean): RenewalState {
  if (p.validToOn === null || p.status !== 'active' || renewalApplied) return 'none';
  if (todayOn > p.validToOn) return 'expired';
  const dueOn = computeRenewalDueOn(p.validToOn);
  if (todayOn > dueOn) return 'late';
  if (daysBetween(todayOn, dueOn) <= RENEWAL_REMINDER_DAYS) return 'due';
  return 'upcoming';
}

/** A renewal is for an active permit (not a registration), applied for before it expires (第十四条第二款). */
export function checkRenewal(p: PermitFacts, receivedOn: string): Outcome {
  if (!isPermitClass(p.managementClass)) return refuse('PERMIT_REGISTRATION_NOT_RENEWED', PDRA_24);
  if (p.status !== 'active') return refuse('PERMIT_NOT_ACTIVE');
  if (p.validToOn !== null && receivedOn > p.validToOn) return refuse('PERMIT_RENEWAL_AFTER_EXPIRY', PDRA_14_2, 'receivedOn');
  return allowed;
}
/** Applied for after the 60-day date: still received, but marked late (第十四条第二款). */
export const isRenewalLate = (validToOn: string, receivedOn: string): boolean => receivedOn > computeRenewalDueOn(validToOn);

/** 第十四条第三款: a change of name, domicile, legal representative is applied for within 30 days. */
export const CHANGE_PERIOD_DAYS = 30;
export function checkChange(p: PermitFacts, changedOn: string, receivedOn: string): Outcome {
  if (!isPermitClass(p.managementClass)) return refuse('PERMIT_REGISTRATION_NOT_RENEWED', PDRA_24);
  if (p.status !== 'active') return refuse('PERMIT_NOT_ACTIVE');
  if (changedOn > receivedOn) return refuse('DATE_IN_FUTURE', undefined, 'changedOn');
  return allowed;
}
export const isChangeLate = (changedOn: string, receivedOn: string): boolean => daysBetween(changedOn, receivedOn) > CHANGE_PERIOD_DAYS;

/** 第九条(四): the notice of missing materials is due 3 (working) days after receipt. */
export const INCOMPLETE_NOTICE_DAYS = 3;
export function computeNoticeDueOn(cal: WorkingCalendar, receivedOn: string): { dueOn: string; provisional: boolean } {
  const r = addWorkingDays(cal, receivedOn, INCOMPLETE_NOTICE_DAYS);
  return { dueOn: r.value, provisional: r.provisional === true };
}

/** 第十二条, 第十四条第二款: working days from acceptance to the decision. */
export function decisionPeriodDays(kind: ApplicationKind, managementClass: ManagementClass, onSiteCheck: boolean): { days: number; citation: Citation } {
  // 第十四条第二款: renewal reviewed within 20 days. A change: the 条例 sets no period; the shortest, 20, is our choice (unconfirmed).
  if (kind === 'renewal' || kind === 'change') return { days: 20, citation: PDRA_14_2 };
  if (managementClass === 'key') return { days: onSiteCheck ? 45 : 30, citation: PDRA_12_2 };
  return { days: 20, citation: PDRA_12_1 };
}
export function computeDecisionDueOn(cal: WorkingCalendar, acceptedOn: string, kind: ApplicationKind, managementClass: ManagementClass, onSiteCheck: boolean) {
  const { days, citation } = decisionPeriodDays(kind, managementClass, onSiteCheck);
  const r = addWorkingDays(cal, acceptedOn, days);
  return { dueOn: r.value, provisional: r.provisional === true, days, citation };
}

export interface ApplicationFacts {
  status: ApplicationStatus; receivedOn: string; noticeDueOn: string; noticedOn: string | null;
  supplementedOn: string | null; acceptedOn: string | null; decisionDueOn: string | null;
}

/**
 * 第九条(四): the notice of missing materials can be given once, on or before its due day. After that day
 * without a notice the application counts as accepted from the day of receipt.
 */
export function checkIncompleteNotice(a: ApplicationFacts, noticedOn: string, todayOn: string): Outcome {
  if (noticedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'noticedOn');
  if (noticedOn < a.receivedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'noticedOn');
  if (a.status !== 'received') return refuse('PERMIT_APPLICATION_NOT_RECEIVED');
  if (noticedOn > a.noticeDueOn) return refuse('PERMIT_NOTICE_TOO_LATE', PDRA_9_4, 'noticedOn');
  return allowed;
}

/** Deemed accepted (第九条(四)): received, no notice, and the notice day has passed. */
export const isDeemedAccepted = (a: ApplicationFacts, todayOn: string): boolean =>
  a.status === 'received' && a.noticedOn === null && todayOn > a.noticeDueOn;

/** The day acceptance counts from: a deemed acceptance runs from receipt (第九条(四)); otherwise the day given. */
export function checkAcceptance(a: ApplicationFacts, acceptedOn: string, todayOn: string): Outcome {
  if (acceptedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'acceptedOn');
  if (a.status === 'received') {
    if (acceptedOn < a.receivedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'acceptedOn');
    return allowed;
  }
  if (a.status === 'incomplete') {
    if (a.noticedOn !== null && acceptedOn < a.noticedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'acceptedOn');
    return allowed;
  }
  return refuse('PERMIT_APPLICATION_ALREADY_ACCEPTED');
}

/** A decision (颁发 / 不予许可) on an accepted application, once; a refusal states its reasons in writing (第十二条). */
export function checkDecision(a: ApplicationFacts, outcome: 'approve' | 'refuse', reasons: string | null, todayOn: string, decidedOn: string): Outcome {
  if (a.status === 'approved' || a.status === 'refused') return refuse('PERMIT_APPLICATION_DECIDED');
  if (a.status !== 'accepted') return refuse('PERMIT_APPLICATION_NOT_ACCEPTED');
  if (decidedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'decidedOn');
  if (a.acceptedOn !== null && decidedOn < a.acceptedOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'decidedOn');
  if (outcome === 'refuse' && !reasons?.trim()) return refuse('PERMIT_REFUSAL_REASONS_REQUIRED', PDRA_12_1, 'reasons');
  return allowed;
}

/** Overdue: the decision day has passed (the due day itself still counts) without a decision. */
export const isDecisionOverdue = (a: ApplicationFacts, todayOn: string): boolean =>
  a.status === 'accepted' && a.decisionDueOn !== null && todayOn > a.decisionDueOn;

// ── Execution reports (第二十二条) ─────────────────────────────────────────────────────────────────────
// Which reports a permit requires is what the permit says (第十三条(八)); the defaults per class and the due
// days follow HJ 944-2018 (排污单位环境管理台账及排污许可证执行报告技术规范 总则) and 排污许可管理办法 as
// we recall them — unconfirmed: annual by 31 January of the next year; quarterly by the 15th of the month
// after the quarter; monthly by the 15th of the next month. 登记管理 files no execution report.

/** Default report kinds a permit requires (unconfirmed, see above): 重点 annual + quarterly, 简化 annual. */
export function defaultReportKinds(c: ManagementClass): ReportKind[] {
  if (c === 'key') return ['annual', 'quarterly'];
  if (c === 'simplified') return ['annual'];
  return [];
}

export interface ReportPeriod { kind: ReportKind; period: string; startsOn: string; endsOn: string; dueOn: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (y: number, m: number) => addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1);

/** The report periods of a permit that have ended by `todayOn` (within its validity), each with its due day. */
export function computeReportPeriods(kinds: ReportKind[], validFromOn: string, validToOn: string | null, todayOn: string): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  const endOn = validToOn !== null && validToOn < todayOn ? validToOn : todayOn;
  const y0 = Number(validFromOn.slice(0, 4));
  const y1 = Number(endOn.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    for (const kind of kinds) {
      const slots = kind === 'annual' ? [[1, 12]] : kind === 'quarterly' ? [[1, 3], [4, 6], [7, 9], [10, 12]] : Array.from({ length: 12 }, (_, i) => [i + 1, i + 1]);
      for (const [m0, m1] of slots as [number, number][]) {
        const startsOn = `${y}-${pad(m0)}-01`;
        const periodEndOn = lastDayOf(y, m1);
        // A period counts once it has ended and overlaps the validity.
        if (periodEndOn >= todayOn || periodEndOn < validFromOn || (validToOn !== null && startsOn > validToOn)) continue;
        const next = m1 === 12 ? { y: y + 1, m: 1 } : { y, m: m1 + 1 };
        const dueOn = kind === 'annual' ? `${y + 1}-01-31` : `${next.y}-${pad(next.m)}-15`;
        const period = kind === 'annual' ? `${y}` : kind === 'quarterly' ? `${y}Q${(m1 / 3)}` : `${y}-${pad(m0)}`;
        out.push({ kind, period, startsOn, endsOn: periodEndOn, dueOn });
      }
    }
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.period < b.period ? -1 : 1));
}

export type ReportState = 'submitted' | 'submitted_late' | 'pending' | 'overdue';
/** 第二十二条 (and 第三十七条(三) for its breach): a report not in by its due day is overdue. */
export function reportState(dueOn: string, submittedOn: string | null, todayOn: string): ReportState {
  if (submittedOn !== null) return submittedOn > dueOn ? 'submitted_late' : 'submitted';
  return todayOn > dueOn ? 'overdue' : 'pending';
}

/** A report is filed once per period, for a period that has ended, dated between its end and today. */
export function checkReport(p: ReportPeriod | undefined, alreadyFiled: boolean, submittedOn: string, todayOn: string): Outcome {
  if (!p) return refuse('PERMIT_REPORT_PERIOD_UNKNOWN', PDRA_22, 'period');
  if (alreadyFiled) return refuse('PERMIT_REPORT_ALREADY_FILED');
  if (submittedOn > todayOn) return refuse('DATE_IN_FUTURE', undefined, 'submittedOn');
  if (submittedOn <= p.endsOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', undefined, 'submittedOn');
  return allowed;
}

// ---------- revocation (撤销) and cancellation (注销) ----------

/** 行政许可法 第六十九条 (撤销), 第七十条 (注销) — text read; 排污许可管理条例 第四十条 (撤销 for fraud) — text read. */
export const LICENSING_69_1: Citation = { law: '行政许可法', article: '第六十九条', paragraph: '第一款' };
export const LICENSING_69_2: Citation = { law: '行政许可法', article: '第六十九条', paragraph: '第二款' };
export const LICENSING_70: Citation = { law: '行政许可法', article: '第七十条' };
export const PDRA_40: Citation = { law: '排污许可管理条例', article: '第四十条' };

export type EndAction = 'revoke' | 'cancel';
/**
 * The statutory grounds for each action. 吊销 (第三十四条, 第四十一条) is an administrative penalty decided in a case;
 * here it is recorded as the cancellation that follows it (第七十条（四）), the reason naming the decision.
 */
export const END_GROUNDS: Record<EndAction, readonly { code: string; citation: Citation; text: string }[]> = {
  revoke: [
    { code: 'fraud', citation: PDRA_40, text: '以欺骗、贿赂等不正当手段取得排污许可证（排污许可管理条例第四十条；行政许可法第六十九条第二款）' },
    { code: 'unlawful-grant', citation: LICENSING_69_1, text: '违反法定程序、超越职权或者对不符合法定条件的申请人准予许可（行政许可法第六十九条第一款）' },
  ],
  cancel: [
    { code: 'expired', citation: { ...LICENSING_70, item: '（一）' }, text: '有效期届满未延续' },
    { code: 'terminated', citation: { ...LICENSING_70, item: '（三）' }, text: '排污单位依法终止' },
    { code: 'revoked-or-withdrawn', citation: { ...LICENSING_70, item: '（四）' }, text: '依法被撤销、撤回，或者排污许可证依法被吊销' },
    { code: 'force-majeure', citation: { ...LICENSING_70, item: '（五）' }, text: '因不可抗力导致许可事项无法实施' },
  ],
};

/**
 * 撤销 / 注销 of an active permit or registration: a ground of that action, dated on or after issue; 注销 as expired
 * only once the validity has ended with no renewal pending (第七十条（一）; 第十四条第二款 renewal).
 */
export function checkPermitEnd(
  p: PermitFacts & { issuedOn: string }, action: EndAction, ground: string, endedOn: string, renewalPending: boolean,
): Outcome {
  if (p.status !== 'active') return refuse('PERMIT_ALREADY_ENDED', action === 'revoke' ? LICENSING_69_1 : LICENSING_70);
  const g = END_GROUNDS[action].find((x) => x.code === ground);
  if (!g) return refuse('PERMIT_END_GROUND_UNKNOWN', action === 'revoke' ? LICENSING_69_1 : LICENSING_70, 'ground');
  if (endedOn < p.issuedOn) return refuse('PERMIT_END_BEFORE_ISSUE', undefined, 'endedOn');
  if (action === 'cancel' && ground === 'expired') {
    if (p.validToOn === null || endedOn <= p.validToOn) return refuse('PERMIT_NOT_EXPIRED', g.citation, 'ground');
    if (renewalPending) return refuse('PERMIT_RENEWAL_PENDING', PDRA_14_2);
  }
  return allowed;
}
