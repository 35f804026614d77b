import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';

type Headers = Record<string, string>;

describe(`依申请公开 and data-error reports through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-12-01T10:00:00+08:00');
  const at = (on: string) => { nowAt = new Date(`${on}T10:00:00+08:00`); };
  let leader: Headers; let reviewer: Headers;
  const call = async (headers: Headers | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload, headers: res.headers };
  };
  const applicant = (over: object = {}) => ({
    applicantKind: 'citizen', applicantName: '王小明', idNumber: '370602199001011234', phone: '13800000000', address: '烟台市芝罘区',
    description: '2026年芝罘区某企业环评批复文件', provisionForm: 'electronic', ...over,
  });
  const audits = async (entity: string, id: number) =>
    (await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq))).map((a) => a.action);

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    leader = await ctx.loginAs('bureau_leader');
    reviewer = await ctx.loginAs('legal_reviewer');
  }, 120_000);
  afterAll(async () => ctx.close());

  it('政府信息公开条例 第二十九条: the public files without login and sees only status and dates by the receipt number', async () => {
    const filed = await call(null, 'POST', '/api/public/info-requests', applicant());
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'awaiting_receipt', submittedOn: '2026-12-01' });
    expect(filed.body.number).toMatch(/^YSQ2026-[A-Z2-9]{8}$/);
    const seen = await call(null, 'GET', `/api/public/info-requests/${filed.body.number}`);
    expect(seen.status).toBe(200);
    const text = JSON.stringify(seen.body);
    for (const secret of ['王小明', '370602199001011234', '13800000000', '芝罘区']) expect(text).not.toContain(secret);
    expect((await call(null, 'GET', '/api/public/info-requests/YSQ2026-NOPE')).status).toBe(404);
    expect((await call(null, 'POST', '/api/public/info-requests', applicant({ idNumber: '' }))).status).toBe(400);
  });

  it.each([
    ['administrator', 200], ['bureau_leader', 200], ['legal_reviewer', 200], ['enforcement_officer', 403], ['district_staff', 403], ['public', 401],
  ] as const)('%s listing requests: %i', async (who, status) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    expect((await call(headers, 'GET', '/api/info-requests')).status).toBe(status);
  });

  it('第三十条–第三十六条: receipt, correction, consultation, extension, reply — each audited, the clock following', async () => {
    at('2026-12-01');
    const number = (await call(null, 'POST', '/api/public/info-requests', applicant())).body.number as string;
    const id = ((await call(leader, 'GET', '/api/info-requests')).body.items as { id: number; number: string }[]).find((r) => r.number === number)!.id;
    // 第三十一条(三): received the day it is confirmed, not before the submission.
    expect((await call(leader, 'POST', `/api/info-requests/${id}/receive`, { confirmedOn: '2026-11-30' })).body.error).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP' });
    expect((await call(leader, 'POST', `/api/info-requests/${id}/receive`, { confirmedOn: '2026-12-02' })).status).toBe(422);
    const received = await call(leader, 'POST', `/api/info-requests/${id}/receive`, { confirmedOn: '2026-12-01' });
    expect(received.status).toBe(200);
    expect(received.body.clock).toMatchObject({ state: 'running', dueOn: '2026-12-29' });
    expect(received.body.correctionNoticeDue.dueOn).toBe('2026-12-10');

    at('2026-12-02');
    const notice = await call(leader, 'POST', `/api/info-requests/${id}/correction`, { noticeOn: '2026-12-02', matters: '请写明文件名称或文号' });
    expect(notice.body).toMatchObject({ status: 'awaiting_correction', dueOn: null, clock: { state: 'awaiting_correction' } });
    expect((await call(leader, 'POST', `/api/info-requests/${id}/reply`, { kind: 'not_exist', content: {}, repliedOn: '2026-12-02' })).status).toBe(409);

    at('2026-12-03');
    const corrected = await call(leader, 'POST', `/api/info-requests/${id}/corrected`, { correctedOn: '2026-12-03' });
    // 第三十条: 20 working days from the corrected request: 12-04 … 12-31.
    expect(corrected.body).toMatchObject({ status: 'received', dueOn: '2026-12-31', dueProvisional: false });
    expect((await call(leader, 'POST', `/api/info-requests/${id}/correction`, { noticeOn: '2026-12-03', matters: '再补' })).body.error).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_ONCE' });

    const started = await call(leader, 'POST', `/api/info-requests/${id}/consultation/start`, { startOn: '2026-12-03', party: '烟台某化工有限公司' });
    expect(started.body).toMatchObject({ dueOn: null, clock: { state: 'paused' }, consultationAnswerDue: { dueOn: '2026-12-24' } });
    at('2026-12-07');
    // 第三十三条第三款: 12-04 and 12-07 are not counted; the due date moves into 2027 (暂定: no recorded arrangement).
    const ended = await call(leader, 'POST', `/api/info-requests/${id}/consultation/end`, { endOn: '2026-12-07' });
    expect(ended.body.dueOn > '2026-12-31').toBe(true);
    expect(ended.body.dueProvisional).toBe(true);

    expect((await call(leader, 'POST', `/api/info-requests/${id}/extension`, { workingDays: 25, reason: '需调档', decidedOn: '2026-12-07' })).status).toBe(422);
    const extended = await call(leader, 'POST', `/api/info-requests/${id}/extension`, { workingDays: 10, reason: '涉及档案调取', decidedOn: '2026-12-07' });
    expect(extended.body.dueOn > ended.body.dueOn).toBe(true);
    expect((await call(leader, 'POST', `/api/info-requests/${id}/extension`, { workingDays: 5, reason: '再延', decidedOn: '2026-12-07' })).body.error).toMatchObject({ code: 'INFO_REQUEST_EXTENSION_ONCE' });

    // 第四十二条: no fee unless excessive.
    const fee = await call(leader, 'POST', `/api/info-requests/${id}/reply`, { kind: 'disclosed', content: { provision: '电子邮件发送批复文件' }, repliedOn: '2026-12-07', feeFen: 2000 });
    expect(fee.status).toBe(422);
    expect(fee.body.error).toMatchObject({ code: 'INFO_REQUEST_FEE_NOT_ALLOWED', field: 'feeFen' });
    const missing = await call(leader, 'POST', `/api/info-requests/${id}/reply`, { kind: 'withheld', content: { reason: '商业秘密' }, repliedOn: '2026-12-07' });
    expect(missing.body.error).toMatchObject({ code: 'INFO_REQUEST_REPLY_CONTENT_REQUIRED', field: 'content.legalBasis' });
    const replied = await call(reviewer, 'POST', `/api/info-requests/${id}/reply`, { kind: 'disclosed', content: { provision: '电子邮件发送批复文件' }, repliedOn: '2026-12-07' });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ status: 'replied', replyKind: 'disclosed', actions: ['document'] });

    const doc = await call(leader, 'GET', `/api/info-requests/${id}/reply-document`);
    expect(doc.status).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('烟环信复〔2026〕1号');
    expect(xml).toContain('第三十六条');
    expect(await audits('info_request', id)).toEqual([
      'info_request.submit', 'info_request.receive', 'info_request.correction_notice', 'info_request.corrected', 'info_request.consultation_start',
      'info_request.consultation_end', 'info_request.extend', 'info_request.reply', 'info_request.reply_number',
    ]);
    const publicView = await call(null, 'GET', `/api/public/info-requests/${number}`);
    expect(publicView.body).toMatchObject({ status: 'replied', repliedOn: '2026-12-07', extended: true });
  });

  it('第三十一条: staff register a request handed in; a day in the future is refused', async () => {
    at('2026-12-07');
    expect((await call(leader, 'POST', '/api/info-requests', { ...applicant(), channel: 'in_person', submittedOn: '2026-12-08' })).body.error)
      .toMatchObject({ code: 'DATE_IN_FUTURE', field: 'submittedOn' });
    const posted = await call(leader, 'POST', '/api/info-requests', { ...applicant({ applicantKind: 'organisation', applicantName: '某律师事务所' }), channel: 'post', signedForOn: '2026-12-04' });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: 'received', receivedOn: '2026-12-04', channel: 'post' });
  });

  it('two replies at once: one succeeds, the other is refused (409)', async () => {
    at('2026-12-07');
    const r = await call(leader, 'POST', '/api/info-requests', { ...applicant(), channel: 'in_person', submittedOn: '2026-12-07' });
    const body = { kind: 'not_exist', content: {}, repliedOn: '2026-12-07' };
    const both = await Promise.all([1, 2].map(() => call(leader, 'POST', `/api/info-requests/${r.body.id}/reply`, body)));
    expect(both.map((x) => x.status).sort()).toEqual([200, 409]);
    expect((await audits('info_request', r.body.id)).filter((a) => a === 'info_request.reply')).toHaveLength(1);
  });

  it('第四十九条/第五十条: the annual table from the records, and its xlsx', async () => {
    const t = await call(leader, 'GET', '/api/info-requests/annual-report?year=2026');
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ year: 2026, dueOn: '2027-01-31', carriedOver: 0, received: { organisation: 1 } });
    expect(t.body.received.total).toBe(t.body.replied.total + t.body.carriedForward);
    expect(t.body.replied.not_exist).toBeGreaterThanOrEqual(1);
    const x = await call(leader, 'GET', '/api/info-requests/annual-report/export?year=2026');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('项目');
    expect((await call(await ctx.loginAs('enforcement_officer'), 'GET', '/api/info-requests/annual-report?year=2026')).status).toBe(403);
  });

  it('the deadlines board lists open requests due soon', async () => {
    at('2026-12-07');
    const board = await call(leader, 'GET', '/api/cases/deadlines?withinDays=60');
    expect((board.body.others as { source: string; kind: string }[]).some((i) => i.source === 'info-requests' && i.kind === 'info_request_reply')).toBe(true);
  });

  it('data-error reports: a public ticket, answered once by the responsible unit, the status seen by ticket', async () => {
    at('2026-12-07');
    expect((await call(null, 'POST', '/api/public/error-reports', { recordKind: 'nope', recordId: '1', description: 'x' })).status).toBe(422);
    const filed = await call(null, 'POST', '/api/public/error-reports', { recordKind: 'air-ranking', recordId: '2026-12-01', description: '排名数据有误', contact: '13900000000' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'open', receivedOn: '2026-12-07' });
    const ticket = filed.body.ticket as string;
    const list = await call(leader, 'GET', '/api/info-requests/error-reports');
    const report = (list.body.items as { id: number; ticket: string }[]).find((e) => e.ticket === ticket)!;
    // legal_reviewer holds neither disclosure.manage nor quality.manage. (A penalty decision's correction changes the
    // record through src/disclosure: src/compliance/routes.test.ts.)
    expect((await call(reviewer, 'GET', '/api/info-requests/error-reports')).status).toBe(403);
    expect((await call(reviewer, 'POST', `/api/info-requests/error-reports/${report.id}/answer`, { outcome: 'corrected', note: '已更正' })).status).toBe(403);
    expect((await call(null, 'POST', `/api/info-requests/error-reports/${report.id}/answer`, { outcome: 'corrected', note: '已更正' })).status).toBe(401);
    const answered = await call(leader, 'POST', `/api/info-requests/error-reports/${report.id}/answer`, { outcome: 'corrected', note: '排名已按复核数据更正' });
    expect(answered.status).toBe(200);
    expect((await call(leader, 'POST', `/api/info-requests/error-reports/${report.id}/answer`, { outcome: 'rejected', note: '不予更正' })).body.error).toMatchObject({ code: 'ERROR_REPORT_ALREADY_ANSWERED' });
    const seen = await call(null, 'GET', `/api/public/error-reports/${ticket}`);
    expect(seen.body).toMatchObject({ status: 'corrected', answer: '排名已按复核数据更正', answeredOn: '2026-12-07' });
    expect(JSON.stringify(seen.body)).not.toContain('13900000000');
    expect(await audits('data_error_report', report.id)).toEqual(['data_error_report.submit', 'data_error_report.correct']);
  });
  it('政府信息公开条例 第三十条: no correction within the stated period — 视为放弃申请, closed (audited), the public sees it', async () => {
    at('2026-12-01');
    const r = await call(leader, 'POST', '/api/info-requests', { ...applicant(), channel: 'in_person', submittedOn: '2026-12-01' });
    const id = r.body.id as number;
    const zero = await call(leader, 'POST', `/api/info-requests/${id}/correction`, { noticeOn: '2026-12-01', matters: '请写明文号', periodWorkingDays: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'periodWorkingDays' });
    // 5 working days from Tue 12-01: 12-02 … 12-08.
    const notice = await call(leader, 'POST', `/api/info-requests/${id}/correction`, { noticeOn: '2026-12-01', matters: '请写明文号', periodWorkingDays: 5 });
    expect(notice.body).toMatchObject({ status: 'awaiting_correction', correctionDueOn: '2026-12-08', deemedAbandoned: false, actions: ['corrected'] });
    expect((await call(leader, 'POST', `/api/info-requests/${id}/abandon`, {})).body.error).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_PERIOD_RUNNING' });
    const board = await call(leader, 'GET', '/api/cases/deadlines?withinDays=30');
    expect((board.body.others as { kind: string; dueOn: string }[]).some((i) => i.kind === 'info_request_correction_period' && i.dueOn === '2026-12-08')).toBe(true);

    at('2026-12-09');
    const detail = await call(leader, 'GET', `/api/info-requests/${id}`);
    expect(detail.body).toMatchObject({ deemedAbandoned: true, actions: ['corrected', 'abandon'] });
    const late = await call(leader, 'POST', `/api/info-requests/${id}/corrected`, { correctedOn: '2026-12-09' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'INFO_REQUEST_CORRECTION_LATE_REASON_REQUIRED', field: 'lateReason' });
    const number = r.body.number as string;
    expect((await call(null, 'GET', `/api/public/info-requests/${number}`)).body).toMatchObject({ status: 'awaiting_correction', correctionDueOn: '2026-12-08', deemedAbandoned: true });

    const closed = await call(leader, 'POST', `/api/info-requests/${id}/abandon`, {});
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'abandoned', abandonedOn: '2026-12-09', dueOn: null, actions: [] });
    expect((await call(leader, 'POST', `/api/info-requests/${id}/reply`, { kind: 'not_exist', content: {}, repliedOn: '2026-12-09' })).status).toBe(409);
    expect((await call(null, 'GET', `/api/public/info-requests/${number}`)).body).toMatchObject({ status: 'abandoned', abandonedOn: '2026-12-09' });
    expect(await audits('info_request', id)).toEqual(['info_request.register', 'info_request.correction_notice', 'info_request.abandon']);
    const t = await call(leader, 'GET', '/api/info-requests/annual-report?year=2026');
    expect(t.body.abandoned).toBeGreaterThanOrEqual(1);
  });

  it('第三十条: a late correction with its 正当理由 recorded reopens the clock', async () => {
    at('2026-12-01');
    const r = await call(leader, 'POST', '/api/info-requests', { ...applicant(), channel: 'in_person', submittedOn: '2026-12-01' });
    await call(leader, 'POST', `/api/info-requests/${r.body.id}/correction`, { noticeOn: '2026-12-01', matters: '请写明文号', periodWorkingDays: 5 });
    at('2026-12-09');
    const ok = await call(leader, 'POST', `/api/info-requests/${r.body.id}/corrected`, { correctedOn: '2026-12-09', lateReason: '邮寄途中延误，有邮戳为证' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'received', lateCorrectionReason: '邮寄途中延误，有邮戳为证', clock: { state: 'running' } });
  });
});
