// 依申请公开 (政府信息公开条例 2019, 第四章) and public data-error reports: pure rules.
// No I/O, no clock: `todayOn` and the working calendar are passed in.
import { allowed, refuse, success, type Citation, type Outcome, type Result } from '../law/outcome.js';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../law/working-days.js';
import { addDays } from '../law/civil-date.js';

const OGI = (article: string, item?: string, paragraph?: string): Citation =>
  ({ law: '政府信息公开条例', article, ...(paragraph ? { paragraph } : {}), ...(item ? { item } : {}) });
export const OGI_29 = OGI('第二十九条');
export const OGI_30 = OGI('第三十条');
export const OGI_31 = OGI('第三十一条');
export const OGI_32 = OGI('第三十二条');
export const OGI_33 = OGI('第三十三条', undefined, '第二款');
export const OGI_33_3 = OGI('第三十三条', undefined, '第三款');
export const OGI_36 = OGI('第三十六条');
export const OGI_42 = OGI('第四十二条');
export const OGI_49 = OGI('第四十九条');

/** 第三十三条第二款: 20 working days from receipt; one extension of at most 20 working days. */
export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 第三十条: one correction notice within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/**
 * 第三十条: the notice states 合理的补正期限 — the officer sets it on each notice; this is only the form's
 * suggestion (the article fixes no figure) and the longest accepted, so a typing error cannot hold a request open for a year.
 */
export const CORRECTION_PERIOD_SUGGESTED_WORKING_DAYS = 15;
export const CORRECTION_PERIOD_MAX_WORKING_DAYS = 60;
/** 第三十二条: the third party answers within 15 working days of receiving the letter (time not counted, 第三十三条第三款). */
export const CONSULTATION_WORKING_DAYS = 15;
/**
 * Public data-error reports: no statute sets the period. 政府信息公开条例 第四十一条 (correction of records about
 * oneself) gives none either; we use 15 working days as the bureau's own service commitment.
 */
export const ERROR_REPORT_WORKING_DAYS = 15;

export type ApplicantKind = 'citizen' | 'organisation';
export type Channel = 'in_person' | 'post' | 'online';
export type ProvisionForm = 'paper' | 'electronic' | 'inspection';
/** `abandoned`: 第三十条 视为放弃申请 — the correction period passed without a correction; the request is no longer handled. */
export type RequestStatus = 'awaiting_receipt' | 'received' | 'awaiting_correction' | 'replied' | 'abandoned';

export interface ReceiptFacts {
  channel: Channel;
  /** 当面提交: the day handed in. */
  submittedOn?: string | null;
  /** 邮寄: the day the bureau signed for it (null for an ordinary letter that needs no signature). */
  signedForOn?: string | null;
  /** 平常信函 / 互联网 / 传真: the day both sides confirmed it. */
  confirmedOn?: string | null;
}

/** 第三十一条: the day a request counts as received, by channel. */
export function receiptDate(f: ReceiptFacts, todayOn: string): Result<string> {
  let on: string | null | undefined; let field: string;
  if (f.channel === 'in_person') { on = f.submittedOn; field = 'submittedOn'; }                 // (一) 提交之日
  else if (f.channel === 'post') {
    // (二) 签收之日; an ordinary letter: the day of confirmation with the applicant.
    if (f.signedForOn) { on = f.signedForOn; field = 'signedForOn'; } else { on = f.confirmedOn; field = 'confirmedOn'; }
  } else { on = f.confirmedOn; field = 'confirmedOn'; }                                          // (三) 双方确认之日
  if (!on) return refuse('INFO_REQUEST_RECEIPT_DATE_REQUIRED', OGI_31, field);
  if (on > todayOn) return refuse('DATE_IN_FUTURE', OGI_31, field);
  return success(on);
}

/** A pause (third-party or other-agency consultation): from the day the letter is sent to the day the answer arrives. */
export interface Pause { startOn: string; endOn: string | null }

export interface ClockFacts {
  receivedOn: string;
  /** 第三十条: when a correction was asked for, the period runs from receipt of the corrected request. */
  correctionNoticeOn: string | null;
  correctedOn: string | null;
  extensionWorkingDays: number;
  pauses: Pause[];
}

export interface ReplyClock {
  /** null while the clock does not run: awaiting the correction, or a consultation still open. */
  dueOn: string | null;
  provisional: boolean;
  provisionalYears: number[];
  state: 'running' | 'awaiting_correction' | 'paused';
}

/**
 * 第三十三条第二款: the reply is due on the 20th working day after receipt (plus any extension); 第三十三条第三款: the
 * working days inside a consultation (after the letter's day, up to the answer's day) are not counted;
 * 第三十条: after a correction notice the period starts again from receipt of the corrected request.
 */
export function replyClock(cal: WorkingCalendar, f: ClockFacts): ReplyClock {
  const years = new Set<number>();
  if (f.correctionNoticeOn && !f.correctedOn) return { dueOn: null, provisional: false, provisionalYears: [], state: 'awaiting_correction' };
  if (f.pauses.some((p) => p.endOn === null)) return { dueOn: null, provisional: false, provisionalYears: [], state: 'paused' };
  const startOn = f.correctionNoticeOn && f.correctedOn ? f.correctedOn : f.receivedOn;
  const paused = (on: string) => f.pauses.some((p) => on > p.startOn && on <= p.endOn!);
  let n = REPLY_WORKING_DAYS + f.extensionWorkingDays;
  let on = startOn;
  while (n > 0) {
    on = addDays(on, 1);
    const w = isWorkingDay(cal, on);
    for (const y of w.provisionalYears ?? []) years.add(y);
    if (w.value && !paused(on)) n -= 1;
  }
  const provisionalYears = [...years].sort();
  return { dueOn: on, provisional: provisionalYears.length > 0, provisionalYears, state: 'running' };
}

/** 第三十条: the last day for the one correction notice. */
export function correctionNoticeDue(cal: WorkingCalendar, receivedOn: string): { dueOn: string; provisional: boolean } {
  const r = addWorkingDays(cal, receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
  return { dueOn: r.value, provisional: r.provisional === true };
}

/** 第三十二条: the third party's answer is due 15 working days after the letter. */
export function consultationAnswerDue(cal: WorkingCalendar, startOn: string): { dueOn: string; provisional: boolean } {
  const r = addWorkingDays(cal, startOn, CONSULTATION_WORKING_DAYS);
  return { dueOn: r.value, provisional: r.provisional === true };
}

export interface RequestFacts {
  status: RequestStatus;
  receivedOn: string | null;
  correctionNoticeOn: string | null;
  /** 第三十条: the last day of the correction period stated in the notice. */
  correctionDueOn?: string | null;
  correctedOn: string | null;
  extensionWorkingDays: number;
  pauses: Pause[];
}

const datedBetween = (on: string, afterOn: string, todayOn: string, field: string, citation: Citation): Outcome => {
  if (on > todayOn) return refuse('DATE_IN_FUTURE', citation, field);
  if (on < afterOn) return refuse('DATE_BEFORE_PREVIOUS_STEP', citation, field);
  return allowed;
};

/** 第三十一条: receipt is recorded once, on a request not yet received. */
export function checkReceipt(r: RequestFacts): Outcome {
  if (r.status !== 'awaiting_receipt') return refuse('INFO_REQUEST_ALREADY_RECEIVED', OGI_31);
  return allowed;
}

/** 第三十条: the last day of the correction period the notice states (working days from the notice). */
export function correctionPeriodDue(cal: WorkingCalendar, noticeOn: string, periodWorkingDays: number): { dueOn: string; provisional: boolean } {
  const r = addWorkingDays(cal, noticeOn, periodWorkingDays);
  return { dueOn: r.value, provisional: r.provisional === true };
}

/** 第三十条: one notice (一次性), within 7 working days of receipt, naming the matters and a reasonable period. */
export function checkCorrectionNotice(cal: WorkingCalendar, r: RequestFacts, noticeOn: string, matters: string, todayOn: string,
  periodWorkingDays = CORRECTION_PERIOD_SUGGESTED_WORKING_DAYS): Outcome {
  if (r.status !== 'received' || !r.receivedOn) return refuse('INFO_REQUEST_NOT_OPEN', OGI_30);
  if (r.correctionNoticeOn) return refuse('INFO_REQUEST_CORRECTION_ONCE', OGI_30);
  if (!matters.trim()) return refuse('INFO_REQUEST_CORRECTION_MATTERS_REQUIRED', OGI_30, 'matters');
  // 说明……合理的补正期限: a period of at least one working day, within the bound above.
  if (!Number.isInteger(periodWorkingDays) || periodWorkingDays < 1 || periodWorkingDays > CORRECTION_PERIOD_MAX_WORKING_DAYS) {
    return refuse('INFO_REQUEST_CORRECTION_PERIOD_INVALID', OGI_30, 'periodWorkingDays');
  }
  const d = datedBetween(noticeOn, r.receivedOn, todayOn, 'noticeOn', OGI_30);
  if (!d.ok) return d;
  if (noticeOn > correctionNoticeDue(cal, r.receivedOn).dueOn) return refuse('INFO_REQUEST_CORRECTION_LATE', OGI_30, 'noticeOn');
  return allowed;
}

/**
 * 第三十条: the corrected request arrives after the notice; the answer period restarts from that day. After the
 * period only with 正当理由 recorded (无正当理由逾期不补正的，视为放弃申请).
 */
export function checkCorrected(r: RequestFacts, correctedOn: string, todayOn: string, lateReason?: string | null): Outcome {
  if (r.status !== 'awaiting_correction' || !r.correctionNoticeOn) return refuse('INFO_REQUEST_NOT_AWAITING_CORRECTION', OGI_30);
  const d = datedBetween(correctedOn, r.correctionNoticeOn, todayOn, 'correctedOn', OGI_30);
  if (!d.ok) return d;
  if (r.correctionDueOn && correctedOn > r.correctionDueOn && !lateReason?.trim()) return refuse('INFO_REQUEST_CORRECTION_LATE_REASON_REQUIRED', OGI_30, 'lateReason');
  return allowed;
}

/** 第三十条: the correction period has passed with no corrected request — the request counts as abandoned. */
export function isDeemedAbandoned(r: RequestFacts, todayOn: string): boolean {
  return r.status === 'awaiting_correction' && !!r.correctionNoticeOn && !r.correctedOn && !!r.correctionDueOn && todayOn > r.correctionDueOn;
}

/** 第三十条: 视为放弃申请，行政机关不再处理 — closing the request is allowed only once the stated period has passed. */
export function checkAbandonment(r: RequestFacts, todayOn: string): Outcome {
  if (r.status !== 'awaiting_correction' || !r.correctionNoticeOn) return refuse('INFO_REQUEST_NOT_AWAITING_CORRECTION', OGI_30);
  if (!r.correctionDueOn) return refuse('INFO_REQUEST_CORRECTION_PERIOD_UNSET', OGI_30);
  if (!isDeemedAbandoned(r, todayOn)) return refuse('INFO_REQUEST_CORRECTION_PERIOD_RUNNING', OGI_30);
  return allowed;
}

/** 第三十三条第二款: one extension, at most 20 working days, with a reason, decided before the due date. */
export function checkExtension(cal: WorkingCalendar, r: RequestFacts, workingDays: number, reason: string, decidedOn: string, todayOn: string): Outcome {
  if (r.status !== 'received' || !r.receivedOn) return refuse('INFO_REQUEST_NOT_OPEN', OGI_33);
  if (r.extensionWorkingDays > 0) return refuse('INFO_REQUEST_EXTENSION_ONCE', OGI_33);
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
    return refuse('INFO_REQUEST_EXTENSION_TOO_LONG', OGI_33, 'workingDays');
  }
  if (!reason.trim()) return refuse('INFO_REQUEST_EXTENSION_REASON_REQUIRED', OGI_33, 'reason');
  const d = datedBetween(decidedOn, r.correctedOn ?? r.receivedOn, todayOn, 'decidedOn', OGI_33);
  if (!d.ok) return d;
  const clock = replyClock(cal, { ...r, receivedOn: r.receivedOn });
  if (clock.dueOn && decidedOn > clock.dueOn) return refuse('INFO_REQUEST_EXTENSION_AFTER_DUE', OGI_33, 'decidedOn');
  return allowed;
}

/** 第三十二条: a consultation starts on an open request, one at a time. */
export function checkConsultationStart(r: RequestFacts, startOn: string, todayOn: string): Outcome {
  if (r.status !== 'received' || !r.receivedOn) return refuse('INFO_REQUEST_NOT_OPEN', OGI_32);
  if (r.pauses.some((p) => p.endOn === null)) return refuse('INFO_REQUEST_CONSULTATION_OPEN', OGI_32);
  const last = r.pauses.reduce((m, p) => (p.endOn! > m ? p.endOn! : m), r.correctedOn ?? r.receivedOn);
  return datedBetween(startOn, last, todayOn, 'startOn', OGI_32);
}

/** 第三十二条: the answer (or the 15 days without one) ends the consultation. */
export function checkConsultationEnd(r: RequestFacts, endOn: string, todayOn: string): Outcome {
  const open = r.pauses.find((p) => p.endOn === null);
  if (r.status !== 'received' || !open) return refuse('INFO_REQUEST_NO_OPEN_CONSULTATION', OGI_32);
  return datedBetween(endOn, open.startOn, todayOn, 'endOn', OGI_32);
}

/** 第三十六条: the seven kinds of reply, each with the content the reply must carry. */
export const REPLY_KINDS = [
  { kind: 'already_public', item: '（一）', required: ['accessRoute'] },          // 告知获取的方式、途径
  { kind: 'disclosed', item: '（二）', required: ['provision'] },                 // 提供信息，或告知方式、途径和时间
  { kind: 'withheld', item: '（三）', required: ['reason', 'legalBasis'] },       // 不予公开并说明理由
  { kind: 'not_exist', item: '（四）', required: [] },                            // 告知该政府信息不存在
  { kind: 'not_responsible', item: '（五）', required: ['reason'] },              // 说明理由；能确定的，告知负责机关
  { kind: 'repeated', item: '（六）', required: ['previousReply'] },              // 不予重复处理
  { kind: 'special_law', item: '（七）', required: ['legalBasis'] },              // 依照有关法律、行政法规办理
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number]['kind'];
export const REPLY_KIND_NAMES = REPLY_KINDS.map((k) => k.kind) as ReplyKind[];
export type ReplyField = 'accessRoute' | 'provision' | 'reason' | 'legalBasis' | 'previousReply' | 'otherAgency';
export type ReplyContent = Partial<Record<ReplyField, string>>;

export interface ReplyInput { kind: ReplyKind; content: ReplyContent; repliedOn: string; feeFen: number; excessive: boolean }

/** 第三十六条 the kind and its content; 第四十二条 a fee only where the requests clearly exceed a reasonable range. */
export function checkReply(r: RequestFacts, input: ReplyInput, todayOn: string): Outcome {
  if (r.status === 'replied') return refuse('INFO_REQUEST_ALREADY_REPLIED', OGI_36);
  if (r.status !== 'received' || !r.receivedOn) return refuse('INFO_REQUEST_NOT_OPEN', OGI_36);
  const spec = REPLY_KINDS.find((k) => k.kind === input.kind);
  if (!spec) return refuse('INFO_REQUEST_REPLY_KIND_UNKNOWN', OGI_36, 'kind');
  for (const f of spec.required) {
    if (!input.content[f]?.trim()) return refuse('INFO_REQUEST_REPLY_CONTENT_REQUIRED', { ...OGI_36, item: spec.item }, `content.${f}`);
  }
  if (!Number.isInteger(input.feeFen) || input.feeFen < 0) return refuse('INFO_REQUEST_FEE_INVALID', OGI_42, 'feeFen');
  if (input.feeFen > 0 && !input.excessive) return refuse('INFO_REQUEST_FEE_NOT_ALLOWED', OGI_42, 'feeFen');
  const latest = r.pauses.reduce((m, p) => (p.endOn && p.endOn > m ? p.endOn : m), r.correctedOn ?? r.receivedOn);
  return datedBetween(input.repliedOn, latest, todayOn, 'repliedOn', OGI_36);
}

/** What staff may do next on a request (the same gates the actions apply). */
export function requestActions(r: RequestFacts, todayOn?: string): string[] {
  if (r.status === 'awaiting_receipt') return ['receive'];
  if (r.status === 'awaiting_correction') return ['corrected', ...(todayOn && checkAbandonment(r, todayOn).ok ? ['abandon'] : [])];
  if (r.status === 'abandoned') return [];
  if (r.status !== 'received') return ['document'];
  const open = r.pauses.some((p) => p.endOn === null);
  return [
    ...(r.correctionNoticeOn ? [] : ['correction']), ...(r.extensionWorkingDays > 0 ? [] : ['extend']),
    open ? 'consultation_end' : 'consultation_start', 'reply',
  ];
}

// ── Annual report (第四十九条 due 31 January; 第五十条(二) requests received and handled) ──

export interface AnnualRow {
  applicantKind: ApplicantKind; receivedOn: string | null; repliedOn: string | null; replyKind: ReplyKind | null; feeFen: number;
  /** 第三十条 视为放弃: the day the request was closed (the national form's 其他处理: 逾期不补正、不再处理). */
  abandonedOn?: string | null;
}

export interface AnnualTable {
  year: number; dueOn: string;
  carriedOver: number; received: Record<ApplicantKind, number> & { total: number };
  replied: Record<ReplyKind, number> & { total: number };
  /** 第三十条: 申请人无正当理由逾期不补正、行政机关不再处理 (handled in the year, not carried forward). */
  abandoned: number;
  carriedForward: number; feeFen: number;
}

/** 第五十条(二): requests received in the year by applicant kind, carried over, handled by reply kind, carried forward. */
export function annualTable(rows: AnnualRow[], year: number): AnnualTable {
  const start = `${year}-01-01`; const end = `${year}-12-31`;
  const received = { citizen: 0, organisation: 0, total: 0 };
  const replied = Object.fromEntries([...REPLY_KIND_NAMES.map((k) => [k, 0]), ['total', 0]]) as AnnualTable['replied'];
  let carriedOver = 0; let carriedForward = 0; let feeFen = 0; let abandoned = 0;
  for (const r of rows) {
    if (!r.receivedOn || r.receivedOn > end) continue;
    const closedOn = r.repliedOn ?? r.abandonedOn ?? null;
    if (r.receivedOn >= start) { received[r.applicantKind] += 1; received.total += 1; }
    else if (!closedOn || closedOn >= start) carriedOver += 1;
    else continue;
    if (r.repliedOn && r.repliedOn <= end && r.replyKind) { replied[r.replyKind] += 1; replied.total += 1; feeFen += r.feeFen; }
    else if (r.abandonedOn && r.abandonedOn <= end) abandoned += 1;
    else carriedForward += 1;
  }
  return { year, dueOn: `${year + 1}-01-31`, carriedOver, received, replied, abandoned, carriedForward, feeFen };
}

// ── Public data-error reports ──

export type ErrorReportStatus = 'open' | 'corrected' | 'rejected';

export function errorReportDue(cal: WorkingCalendar, receivedOn: string): { dueOn: string; provisional: boolean } {
  const r = addWorkingDays(cal, receivedOn, ERROR_REPORT_WORKING_DAYS);
  return { dueOn: r.value, provisional: r.provisional === true };
}

/** A report is answered once: a correction note, or a rejection with its reasons. */
export function checkErrorAnswer(status: ErrorReportStatus, outcome: 'corrected' | 'rejected', note: string): Outcome {
  if (status !== 'open') return refuse('ERROR_REPORT_ALREADY_ANSWERED');
  if (!note.trim()) return refuse(outcome === 'rejected' ? 'ERROR_REPORT_REASON_REQUIRED' : 'ERROR_REPORT_NOTE_REQUIRED', undefined, 'note');
  return allowed;
}
