// 依申请公开 and data-error reports: load facts → apply the rule → write and audit in one transaction.
import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../platform/db/index.js';
import { refuse, success, type Outcome, type Result } from '../law/outcome.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import type { WorkingCalendar } from '../law/working-days.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { formatDocumentNumber } from '../platform/documents/official.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import type { BoardSourceItem } from '../cases/index.js';
import { loadBureauSettings } from '../settings/index.js';
import {
  annualTable, checkConsultationEnd, checkConsultationStart, checkCorrected, checkCorrectionNotice, checkErrorAnswer, checkExtension, checkReceipt,
  checkReply, consultationAnswerDue, correctionNoticeDue, errorReportDue, checkAbandonment, correctionPeriodDue, isDeemedAbandoned, OGI_31, receiptDate, REPLY_KINDS, CORRECTION_PERIOD_SUGGESTED_WORKING_DAYS, replyClock, requestActions,
  type AnnualTable, type ApplicantKind, type Channel, type ProvisionForm, type ReplyContent, type ReplyKind, type RequestFacts,
} from './rules.js';
import {
  allocateReplySeq, annualRows, correctionPeriodsEndingBy, findErrorReport, findErrorReportByTicket, findRequest, findRequestByNumber, insertErrorReport, insertRequest,
  listErrorReports, listRequests, openErrorReportsDueBy, openRequestsDueBy, updateErrorReport, updateRequest, type ErrorReportRow, type RequestRow,
} from './queries.js';
import { recordCorrector, recordKind, recordKinds, type RecordCorrection } from './record-kinds.js';
import { renderReplyDocument } from './document.js';

/** Who files from the public portal (no login). */
const PUBLIC_ACTOR: Actor = { id: null, name: 'public', role: 'public' };
const HANDLE = 'info_request.handle' as const;

// Unambiguous letters and digits (no 0/O, 1/I/L): read out over the phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const token = (n: number) => [...randomBytes(n)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

export interface ApplicantInput {
  applicantKind: ApplicantKind; applicantName: string; idNumber: string; phone: string; address?: string | null; email?: string | null;
  description: string; provisionForm: ProvisionForm;
}

const factsOf = (r: RequestRow): RequestFacts => ({
  status: r.status, receivedOn: r.receivedOn, correctionNoticeOn: r.correctionNoticeOn, correctionDueOn: r.correctionDueOn, correctedOn: r.correctedOn,
  extensionWorkingDays: r.extensionWorkingDays, pauses: r.pauses,
});

const clockOf = (cal: WorkingCalendar, r: RequestRow) => (r.receivedOn ? replyClock(cal, { ...factsOf(r), receivedOn: r.receivedOn }) : null);

/** The stored due date follows every change (the board and the list read it). */
const dueValues = (cal: WorkingCalendar, r: RequestRow) => {
  const c = clockOf(cal, r);
  return { dueOn: c?.dueOn ?? null, dueProvisional: c?.provisional ?? false };
};

/** Audit rows carry no identity number: the request row holds it, the log need not repeat it. */
const auditView = (r: RequestRow) => { const { idNumber: _id, ...rest } = r; return rest; };

function requestView(cal: WorkingCalendar, r: RequestRow, todayOn: string) {
  const clock = clockOf(cal, r);
  const openPause = r.pauses.find((p) => p.endOn === null);
  return {
    ...r, clock,
    correctionNoticeDue: r.receivedOn && !r.correctionNoticeOn && r.status === 'received' ? correctionNoticeDue(cal, r.receivedOn) : null,
    consultationAnswerDue: openPause ? consultationAnswerDue(cal, openPause.startOn) : null,
    // 第三十条: the stated period has passed with no correction — 视为放弃申请 (staff close it with `abandon`).
    deemedAbandoned: isDeemedAbandoned(factsOf(r), todayOn),
    actions: requestActions(factsOf(r), todayOn),
  };
}

// ── Public ──

/** 第二十九条 / 第三十一条(三): an online request; it counts as received on the day the bureau confirms it. */
export async function submitPublicRequest(db: Db, input: ApplicantInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await insertRequest(tx, {
      ...input, address: input.address ?? null, email: input.email ?? null, channel: 'online', status: 'awaiting_receipt',
      number: `YSQ${chinaDateOf(now).slice(0, 4)}-${token(8)}`, submittedAt: now,
    });
    await appendAudit(tx, PUBLIC_ACTOR, { action: 'info_request.submit', entity: 'info_request', entityId: row.id, after: auditView(row) }, now);
    return { number: row.number, status: row.status, submittedOn: chinaDateOf(now) };
  });
}

/** What the public sees by the receipt number: the status and the dates, nothing personal. */
export async function publicRequestStatus(db: Db, number: string, now: Date): Promise<Result<unknown>> {
  const r = await findRequestByNumber(db, number);
  if (!r) return refuse('NOT_FOUND');
  return success({
    number: r.number, status: r.status, submittedOn: chinaDateOf(r.submittedAt), receivedOn: r.receivedOn, correctionNoticeOn: r.correctionNoticeOn,
    // 第三十条: the applicant sees the correction period's last day, and that the request lapses after it.
    correctionDueOn: r.correctionDueOn, deemedAbandoned: isDeemedAbandoned(factsOf(r), chinaDateOf(now)), abandonedOn: r.abandonedOn,
    correctedOn: r.correctedOn, extended: r.extensionWorkingDays > 0, dueOn: r.dueOn, dueProvisional: r.dueProvisional, repliedOn: r.repliedOn,
  });
}

// ── Staff ──

export async function requestList(db: Db, principal: Principal, now: Date): Promise<Result<unknown[]>> {
  if (!can(principal, HANDLE)) return refuse('FORBIDDEN');
  const cal = await loadWorkingCalendar(db);
  const todayOn = chinaDateOf(now);
  return success((await listRequests(db)).map((r) => {
    const { idNumber: _id, ...rest } = requestView(cal, r, todayOn);
    return { ...rest, overdue: r.status !== 'replied' && r.dueOn !== null && todayOn > r.dueOn };
  }));
}

export async function requestDetail(db: Db, principal: Principal, id: number, now: Date): Promise<Result<unknown>> {
  if (!can(principal, HANDLE)) return refuse('FORBIDDEN');
  const r = await findRequest(db, id);
  if (!r) return refuse('NOT_FOUND');
  return success(requestView(await loadWorkingCalendar(db), r, chinaDateOf(now)));
}

/** Staff register a request handed in or posted; 第三十一条 gives the day it counts as received. */
export async function registerRequest(db: Db, principal: Principal, input: ApplicantInput & {
  channel: Exclude<Channel, 'online'>; submittedOn?: string | null; signedForOn?: string | null; confirmedOn?: string | null;
}, now: Date): Promise<Result<unknown>> {
  if (!can(principal, HANDLE)) return refuse('FORBIDDEN');
  const received = receiptDate(input, chinaDateOf(now));
  if (!received.ok) return received;
  const cal = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    const { channel, submittedOn: _s, signedForOn: _f, confirmedOn: _c, ...applicant } = input;
    const row = await insertRequest(tx, {
      ...applicant, address: input.address ?? null, email: input.email ?? null, channel, status: 'received', receivedOn: received.value,
      number: `YSQ${received.value.slice(0, 4)}-${token(8)}`, submittedAt: now, handledById: principal.id,
    });
    const done = await updateRequest(tx, row.id, dueValues(cal, row));
    await appendAudit(tx, actorOf(principal), { action: 'info_request.register', entity: 'info_request', entityId: row.id, after: auditView(done) }, now);
    return success(requestView(cal, done, chinaDateOf(now)));
  });
}

type Step = (cal: WorkingCalendar, r: RequestRow, todayOn: string) => { check: Outcome; values: Partial<RequestRow> };

/** One handling step: lock the row, apply the rule, store it with the recomputed due date, audit. */
async function step(db: Db, principal: Principal, id: number, action: string, now: Date, f: Step, reason?: string | null): Promise<Result<unknown>> {
  if (!can(principal, HANDLE)) return refuse('FORBIDDEN');
  const cal = await loadWorkingCalendar(db);
  const todayOn = chinaDateOf(now);
  return db.transaction(async (tx) => {
    const before = await findRequest(tx, id, 'update');
    if (!before) return refuse('NOT_FOUND');
    const { check, values } = f(cal, before, todayOn);
    if (!check.ok) return check;
    const merged = { ...before, ...values } as RequestRow;
    const after = await updateRequest(tx, id, { ...values, ...dueValues(cal, merged), handledById: principal.id });
    await appendAudit(tx, actorOf(principal), {
      action: `info_request.${action}`, entity: 'info_request', entityId: id, before: auditView(before), after: auditView(after), reason: reason ?? null,
    }, now);
    return success(requestView(cal, after, todayOn));
  });
}

/** 第三十一条(三): the day the online request is confirmed with the applicant is the day of receipt. */
export const receiveRequest = (db: Db, p: Principal, id: number, confirmedOn: string, now: Date) =>
  step(db, p, id, 'receive', now, (_cal, r, todayOn) => {
    const state = checkReceipt(factsOf(r));
    if (!state.ok) return { check: state, values: {} };
    const check = confirmedOn < chinaDateOf(r.submittedAt) ? refuse('DATE_BEFORE_PREVIOUS_STEP', OGI_31, 'confirmedOn')
      : receiptDate({ channel: r.channel, confirmedOn }, todayOn);
    return { check, values: { status: 'received', receivedOn: confirmedOn } };
  });

/** 第三十条: one correction notice with the matters and the period; the clock stops until the corrected request arrives. */
export const noticeCorrection = (db: Db, p: Principal, id: number, input: { noticeOn: string; matters: string; periodWorkingDays?: number }, now: Date) =>
  step(db, p, id, 'correction_notice', now, (cal, r, todayOn) => {
    const check = checkCorrectionNotice(cal, factsOf(r), input.noticeOn, input.matters, todayOn, input.periodWorkingDays);
    const due = check.ok ? correctionPeriodDue(cal, input.noticeOn, input.periodWorkingDays ?? CORRECTION_PERIOD_SUGGESTED_WORKING_DAYS).dueOn : null;
    return { check, values: { status: 'awaiting_correction', correctionNoticeOn: input.noticeOn, correctionMatters: input.matters, correctionDueOn: due } };
  });

/** 第三十条: the corrected request; the 20 working days run from this day (after the period only with 正当理由). */
export const recordCorrected = (db: Db, p: Principal, id: number, correctedOn: string, now: Date, lateReason?: string | null) =>
  step(db, p, id, 'corrected', now, (_cal, r, todayOn) => ({
    check: checkCorrected(factsOf(r), correctedOn, todayOn, lateReason),
    values: { status: 'received', correctedOn, lateCorrectionReason: lateReason?.trim() || null },
  }), lateReason);

/** 第三十条: 视为放弃申请 — once the stated period has passed with no correction, the request is closed (audited). */
export const closeAbandoned = (db: Db, p: Principal, id: number, now: Date) =>
  step(db, p, id, 'abandon', now, (_cal, r, todayOn) => ({
    check: checkAbandonment(factsOf(r), todayOn), values: { status: 'abandoned', abandonedOn: todayOn },
  }));

/** 第三十三条第二款: one extension of at most 20 working days, with the reason, told to the applicant. */
export const extendRequest = (db: Db, p: Principal, id: number, input: { workingDays: number; reason: string; decidedOn: string }, now: Date) =>
  step(db, p, id, 'extend', now, (cal, r, todayOn) => ({
    check: checkExtension(cal, factsOf(r), input.workingDays, input.reason, input.decidedOn, todayOn),
    values: { extensionWorkingDays: input.workingDays, extensionReason: input.reason, extendedOn: input.decidedOn },
  }), input.reason);

/** 第三十二条: a written consultation of the third party; the time is not counted (第三十三条第三款). */
export const startConsultation = (db: Db, p: Principal, id: number, input: { startOn: string; party: string }, now: Date) =>
  step(db, p, id, 'consultation_start', now, (_cal, r, todayOn) => ({
    check: checkConsultationStart(factsOf(r), input.startOn, todayOn),
    values: { pauses: [...r.pauses, { startOn: input.startOn, endOn: null, party: input.party }] },
  }));

export const endConsultation = (db: Db, p: Principal, id: number, endOn: string, now: Date) =>
  step(db, p, id, 'consultation_end', now, (_cal, r, todayOn) => ({
    check: checkConsultationEnd(factsOf(r), endOn, todayOn),
    values: { pauses: r.pauses.map((x) => (x.endOn === null ? { ...x, endOn } : x)) },
  }));

/** 第三十六条: the reply, of one of the seven kinds, numbered under the 'info-request-reply' series; 第四十二条 the fee. */
export async function replyToRequest(db: Db, principal: Principal, id: number, input: {
  kind: string; content: ReplyContent; repliedOn: string; feeFen: number; excessive: boolean;
}, now: Date): Promise<Result<unknown>> {
  if (!REPLY_KINDS.some((k) => k.kind === input.kind)) return refuse('INFO_REQUEST_REPLY_KIND_UNKNOWN', undefined, 'kind');
  return step(db, principal, id, 'reply', now, (_cal, r, todayOn) => {
    const check = checkReply(factsOf(r), { ...input, kind: input.kind as ReplyKind }, todayOn);
    return { check, values: { status: 'replied', replyKind: input.kind as ReplyKind, replyContent: input.content, repliedOn: input.repliedOn, feeFen: input.feeFen, excessive: input.excessive } };
  });
}

/** The reply document (Word), once replied; the number is allocated on first download and kept. */
export async function replyDocument(db: Db, principal: Principal, id: number, now: Date): Promise<Result<{ fileName: string; body: Buffer }>> {
  if (!can(principal, HANDLE)) return refuse('FORBIDDEN');
  const settings = await loadBureauSettings(db);
  const r = await db.transaction(async (tx) => {
    const row = await findRequest(tx, id, 'update');
    if (!row) return refuse('NOT_FOUND');
    if (row.status !== 'replied' || !row.replyKind || !row.repliedOn || !row.receivedOn) return refuse('INFO_REQUEST_NOT_REPLIED');
    if (row.replyNumber) return success(row);
    const year = Number(row.repliedOn.slice(0, 4));
    const number = formatDocumentNumber({ prefix: settings.documentPrefixes['info-request-reply'], year, seq: await allocateReplySeq(tx, year) });
    const after = await updateRequest(tx, id, { replyNumber: number });
    await appendAudit(tx, actorOf(principal), { action: 'info_request.reply_number', entity: 'info_request', entityId: id, after: { replyNumber: number } }, now);
    return success(after);
  });
  if (!r.ok) return r;
  const row = r.value;
  const body = await renderReplyDocument({
    authority: settings.bureau.name, number: row.replyNumber!, repliedOn: row.repliedOn!, applicantName: row.applicantName, receivedOn: row.correctedOn ?? row.receivedOn!,
    description: row.description, kind: row.replyKind!, content: row.replyContent ?? {}, feeFen: row.feeFen,
    reconsiderationBody: settings.remedies.reconsiderationBody, court: settings.remedies.court,
  });
  return success({ fileName: `政府信息公开申请答复书-${row.number}.docx`, body });
}

// ── Annual report (第四十九条, 第五十条(二)) ──

export async function annualReport(db: Db, principal: Principal, year: number): Promise<Result<AnnualTable>> {
  if (!can(principal, HANDLE)) return refuse('FORBIDDEN');
  return success(annualTable(await annualRows(db, year), year));
}

// ── Deadlines board ──

export async function infoRequestBoardItems(db: Db, principal: Principal, todayOn: string, soonDays: number): Promise<BoardSourceItem[]> {
  const items: BoardSourceItem[] = [];
  const horizonOn = addDays(todayOn, soonDays);
  const state = (dueOn: string) => (todayOn > dueOn ? 'overdue' as const : 'due_soon' as const);
  if (can(principal, HANDLE)) {
    for (const r of await openRequestsDueBy(db, horizonOn)) {
      items.push({ source: 'info-requests', kind: 'info_request_reply', title: `${r.number}：${r.description}`.slice(0, 200), dueOn: r.dueOn!, state: state(r.dueOn!), districtName: null, link: `/info-requests/${r.id}` });
    }
    // 第三十条: a correction period ending (after it, with no correction, the request is closed as abandoned).
    for (const r of await correctionPeriodsEndingBy(db, horizonOn)) {
      items.push({ source: 'info-requests', kind: 'info_request_correction_period', title: `${r.number}：${r.description}`.slice(0, 200), dueOn: r.correctionDueOn!, state: state(r.correctionDueOn!), districtName: null, link: `/info-requests/${r.id}` });
    }
  }
  const kinds = recordKinds().filter((k) => can(principal, k.permission)).map((k) => k.kind);
  for (const e of await openErrorReportsDueBy(db, kinds, horizonOn)) {
    items.push({ source: 'info-requests', kind: 'data_error_report', title: `${e.ticket}：${e.description}`.slice(0, 200), dueOn: e.dueOn, state: state(e.dueOn), districtName: null, link: '/info-requests/error-reports' });
  }
  return items;
}

// ── Data-error reports ──

export async function submitErrorReport(db: Db, input: { recordKind: string; recordId: string; description: string; contact?: string | null }, now: Date): Promise<Result<unknown>> {
  if (!recordKind(input.recordKind)) return refuse('ERROR_REPORT_RECORD_KIND_UNKNOWN', undefined, 'recordKind');
  const cal = await loadWorkingCalendar(db);
  const receivedOn = chinaDateOf(now);
  const due = errorReportDue(cal, receivedOn);
  return db.transaction(async (tx) => {
    const row = await insertErrorReport(tx, {
      ticket: `SJCW${receivedOn.slice(0, 4)}-${token(8)}`, recordKind: input.recordKind, recordId: input.recordId, description: input.description,
      contact: input.contact ?? null, receivedOn, dueOn: due.dueOn, dueProvisional: due.provisional, status: 'open', createdAt: now,
    });
    await appendAudit(tx, PUBLIC_ACTOR, { action: 'data_error_report.submit', entity: 'data_error_report', entityId: row.id, after: masked(row) }, now);
    return success({ ticket: row.ticket, status: row.status, receivedOn, dueOn: row.dueOn, dueProvisional: row.dueProvisional });
  });
}

/** The reporter's contact stays in the row; the audit log notes only that there was one. */
const masked = (e: ErrorReportRow) => ({ ...e, contact: e.contact ? '***' : null });

const publicErrorView = (e: ErrorReportRow) => ({
  ticket: e.ticket, recordKind: e.recordKind, recordId: e.recordId, status: e.status, receivedOn: e.receivedOn, dueOn: e.dueOn,
  dueProvisional: e.dueProvisional, answeredOn: e.answeredOn, answer: e.answer, correction: e.correction,
});

export async function publicErrorReportStatus(db: Db, ticket: string): Promise<Result<unknown>> {
  const e = await findErrorReportByTicket(db, ticket);
  return e ? success(publicErrorView(e)) : refuse('NOT_FOUND');
}

const answerableKinds = (p: Principal) => recordKinds().filter((k) => can(p, k.permission)).map((k) => k.kind);

export async function errorReportList(db: DbOrTx, principal: Principal, now: Date): Promise<Result<unknown[]>> {
  const kinds = answerableKinds(principal);
  if (!kinds.length) return refuse('FORBIDDEN');
  const todayOn = chinaDateOf(now);
  return success((await listErrorReports(db, kinds)).map((e) => ({ ...e, overdue: e.status === 'open' && todayOn > e.dueOn })));
}

/** The responsible unit answers once: a correction note or a reasoned rejection (audited). */
export async function answerErrorReport(db: Db, principal: Principal, id: number, input: { outcome: 'corrected' | 'rejected'; note: string; correction?: RecordCorrection }, now: Date): Promise<Result<unknown>> {
  return db.transaction(async (tx) => {
    const before = await findErrorReport(tx, id, 'update');
    if (!before) return refuse('NOT_FOUND');
    const kind = recordKind(before.recordKind);
    if (!kind || !can(principal, kind.permission)) return refuse('FORBIDDEN');
    const check = checkErrorAnswer(before.status, input.outcome, input.note);
    if (!check.ok) return check;
    // A correction changes the published record through its owner (same transaction); a rejection changes nothing.
    let correction: { field: string; from: string; to: string } | null = null;
    const corrector = recordCorrector(before.recordKind);
    if (input.outcome === 'corrected' && corrector) {
      if (!input.correction) return refuse('ERROR_REPORT_CORRECTION_REQUIRED', undefined, 'correction');
      const done = await corrector(tx, before.recordId, input.correction, { ticket: before.ticket, note: input.note, principal, now });
      if (!done.ok) return done;
      correction = 'change' in done ? done.change : null;
    } else if (input.correction) {
      return refuse('ERROR_REPORT_CORRECTION_UNSUPPORTED', undefined, 'correction');
    }
    const after = await updateErrorReport(tx, id, { status: input.outcome, answer: input.note, answeredOn: chinaDateOf(now), answeredById: principal.id, correction });
    await appendAudit(tx, actorOf(principal), { action: `data_error_report.${input.outcome === 'corrected' ? 'correct' : 'reject'}`, entity: 'data_error_report', entityId: id, before: masked(before), after: masked(after), reason: input.note }, now);
    return success(after);
  });
}
