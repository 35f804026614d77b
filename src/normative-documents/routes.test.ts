import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { and, asc, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';
import { normativeDocumentYearFigures } from './index.js';

type Headers = Record<string, string>;

describe(`行政规范性文件 through the API (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2026-06-30T10:00:00+08:00');
  let leader: Headers; let reviewer: Headers;
  const call = async (headers: Headers | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload, headers: res.headers };
  };
  const audits = async (id: number) =>
    (await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'normative_document'), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq))).map((a) => a.action);
  const draft = async (title = '烟台市生态环境局关于规范排污许可事中事后监管的规定') =>
    (await call(reviewer, 'POST', '/api/normative-documents', { title, draftingUnit: '政策法规科', body: '第一条 为规范……\n第二条 本规定适用于……', draftedOn: '2026-01-05' })).body.id as number;
  /** Runs a draft to the point just before issue. */
  const toDeliberated = async (id: number) => {
    const u = `/api/normative-documents/${id}`;
    expect((await call(reviewer, 'POST', `${u}/assessment`, { assessedOn: '2026-01-10', summary: '必要性、可行性评估' })).status).toBe(200);
    expect((await call(reviewer, 'POST', `${u}/comment/start`, { startOn: '2026-01-12', plannedEndOn: '2026-02-11' })).status).toBe(200);
    expect((await call(reviewer, 'POST', `${u}/comment/close`, { endOn: '2026-02-11', received: 2, answered: 2, answerSummary: '采纳1条' })).status).toBe(200);
    expect((await call(reviewer, 'POST', `${u}/review/submit`, { submittedOn: '2026-02-24' })).status).toBe(200);
    expect((await call(reviewer, 'POST', `${u}/review/opinion`, { reviewedOn: '2026-03-03', passed: true, competence: '主体合法', procedure: '程序合法', content: '内容合法' })).status).toBe(200);
    expect((await call(reviewer, 'POST', `${u}/deliberation`, { meetingOn: '2026-03-10', meetingKind: 'bureau_affairs', note: '局务会议审议通过' })).status).toBe(200);
  };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    leader = await ctx.loginAs('bureau_leader');
    reviewer = await ctx.loginAs('legal_reviewer');
  }, 120_000);
  afterAll(async () => ctx.close());

  it('draft → … → filing → public list → clean-up, each step audited, refusals cited', async () => {
    const id = await draft();
    const u = `/api/normative-documents/${id}`;
    // 115号: no deliberation before the review.
    const early = await call(reviewer, 'POST', `${u}/deliberation`, { meetingOn: '2026-01-06', meetingKind: 'bureau_affairs', note: '' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'NORMATIVE_REVIEW_MISSING', citation: { law: '国办发〔2018〕115号' } });
    expect((await call(reviewer, 'POST', `${u}/assessment`, { assessedOn: '2026-01-04', summary: '评估' })).body.error)
      .toMatchObject({ code: 'NORMATIVE_DATE_BEFORE_PREVIOUS_STEP', field: 'assessedOn' });
    expect((await call(reviewer, 'POST', `${u}/assessment`, { assessedOn: '2026-07-01', summary: '评估' })).body.error).toMatchObject({ code: 'DATE_IN_FUTURE' });
    expect((await call(reviewer, 'POST', `${u}/assessment`, { assessedOn: '2026-01-10', summary: '评估' })).body.actions).toEqual(['comment_start']);
    const short = await call(reviewer, 'POST', `${u}/comment/start`, { startOn: '2026-01-12', plannedEndOn: '2026-01-20' });
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'NORMATIVE_COMMENT_PERIOD_SHORT', field: 'plannedEndOn' });
    await call(reviewer, 'POST', `${u}/comment/start`, { startOn: '2026-01-12', plannedEndOn: '2026-02-11' });
    expect((await call(reviewer, 'POST', `${u}/comment/close`, { endOn: '2026-02-11', received: 3, answered: 1, answerSummary: '' })).body.error)
      .toMatchObject({ code: 'NORMATIVE_COMMENTS_NOT_ANSWERED', field: 'answered' });
    await call(reviewer, 'POST', `${u}/comment/close`, { endOn: '2026-02-11', received: 3, answered: 3, answerSummary: '采纳2条' });
    await call(reviewer, 'POST', `${u}/review/submit`, { submittedOn: '2026-02-24' });
    // The leader holds no normative_doc.review.
    expect((await call(leader, 'POST', `${u}/review/opinion`, { reviewedOn: '2026-03-03', passed: true, competence: 'a', procedure: 'b', content: 'c' })).status).toBe(403);
    expect((await call(reviewer, 'POST', `${u}/review/opinion`, { reviewedOn: '2026-02-26', passed: true, competence: 'a', procedure: 'b', content: 'c' })).body.error)
      .toMatchObject({ code: 'NORMATIVE_REVIEW_TOO_SHORT', field: 'reviewedOn' });
    const failed = await call(reviewer, 'POST', `${u}/review/opinion`, { reviewedOn: '2026-03-03', passed: false, competence: '主体合法', procedure: '未征求相关部门意见', content: '第五条增设义务' });
    expect(failed.body).toMatchObject({ status: 'review_failed', actions: ['review_submit'] });
    expect((await call(reviewer, 'POST', `${u}/deliberation`, { meetingOn: '2026-03-05', meetingKind: 'bureau_affairs', note: '' })).body.error).toMatchObject({ code: 'NORMATIVE_REVIEW_NOT_PASSED' });
    await call(reviewer, 'POST', `${u}/review/submit`, { submittedOn: '2026-03-05' });
    await call(reviewer, 'POST', `${u}/review/opinion`, { reviewedOn: '2026-03-12', passed: true, competence: '主体合法', procedure: '程序合法', content: '内容合法' });
    await call(reviewer, 'POST', `${u}/deliberation`, { meetingOn: '2026-03-16', meetingKind: 'director_office', note: '局长办公会议审议通过' });
    // The reviewer holds no normative_doc.issue; the leader signs.
    expect((await call(reviewer, 'POST', `${u}/issue`, { issuedOn: '2026-03-20' })).status).toBe(403);
    const issued = await call(leader, 'POST', `${u}/issue`, { issuedOn: '2026-03-20', effectiveOn: '2026-04-20' });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', documentNumber: '烟环规〔2026〕1号', validUntilOn: '2031-04-19' });
    expect((await call(null, 'GET', '/api/public/normative-documents')).body.items.map((d: { id: number }) => d.id)).not.toContain(id);
    expect((await call(reviewer, 'POST', `${u}/filing`, { filedOn: '2026-03-21', filedWith: '烟台市人民政府' })).body.error).toMatchObject({ code: 'NORMATIVE_NOT_PUBLISHED' });
    const published = await call(reviewer, 'POST', `${u}/publication`, { publishedOn: '2026-03-21', channel: '烟台市生态环境局网站' });
    // Published on 03-21, due 04-20 (30 days, a setting); unfiled on 06-30 it shows overdue.
    expect(published.body).toMatchObject({ filingClock: { dueOn: '2026-04-20', overdue: true }, actions: ['file', 'cleanup'] });
    const filed = await call(reviewer, 'POST', `${u}/filing`, { filedOn: '2026-04-25', filedWith: '烟台市人民政府' });
    expect(filed.body).toMatchObject({ filingClock: { onTime: false }, actions: ['cleanup'] });
    // Public: no login, in force, no internal fields.
    const list = await call(null, 'GET', '/api/public/normative-documents');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id, documentNumber: '烟环规〔2026〕1号' }));
    expect(JSON.stringify(list.body)).not.toContain('主体合法');
    expect((await call(null, 'GET', `/api/public/normative-documents/${id}`)).body).toMatchObject({ title: expect.stringContaining('排污许可') });
    // Word documents.
    const doc = await call(reviewer, 'GET', `${u}/document`);
    expect(doc.status).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('烟台市生态环境局文件');
    expect(xml).toContain('烟环规〔2026〕1号');
    expect(xml).toContain('C00000');
    const op = await call(reviewer, 'GET', `${u}/reviews/1/opinion`);
    const opXml = await (await JSZip.loadAsync(op.body as Buffer)).file('word/document.xml')!.async('string');
    expect(opXml).toContain('合法性审核意见书');
    expect(opXml).toContain('未征求相关部门意见');
    // 修改: a new draft linked to the old; the old stays in force until the amendment is published.
    const amended = await call(reviewer, 'POST', `${u}/cleanup`, { cleanedOn: '2026-06-01', outcome: 'amend', note: '上位法修改' });
    expect(amended.body.cleanups).toHaveLength(1);
    const newId = amended.body.cleanups[0].newDraftId as number;
    expect((await call(reviewer, 'GET', `/api/normative-documents/${newId}`)).body).toMatchObject({ status: 'drafting', amendsId: id });
    expect(await audits(id)).toEqual([
      'normative_document.draft', 'normative_document.assess', 'normative_document.comment_start', 'normative_document.comment_close',
      'normative_document.review_submit', 'normative_document.review_opinion', 'normative_document.review_submit', 'normative_document.review_opinion',
      'normative_document.deliberate', 'normative_document.issue', 'normative_document.publish', 'normative_document.file', 'normative_document.cleanup',
    ]);
    // 废止 removes it from the in-force list.
    await call(reviewer, 'POST', `${u}/cleanup`, { cleanedOn: '2026-06-10', outcome: 'repeal', note: '废止' });
    expect((await call(null, 'GET', '/api/public/normative-documents')).body.items.map((d: { id: number }) => d.id)).not.toContain(id);
    const figures = await normativeDocumentYearFigures(ctx.database.db, 2026);
    expect(figures).toMatchObject({ issued: 1, published: 1, filedLate: 1, filedOnTime: 0, reviewed: 2, reviewPassed: 1, cleanedUp: { amend: 1, repeal: 1, retain: 0 }, repealed: 1, inForceAtYearEnd: 0 });
    expect(figures.drafted).toBeGreaterThanOrEqual(1);
    expect((await call(leader, 'GET', '/api/normative-documents/year-figures?year=2026')).body).toMatchObject({ issued: 1 });
  });

  it('统一编号: parallel issues never share a number, and one document is issued once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) { const id = await draft(`并发印发测试${i}`); await toDeliberated(id); ids.push(id); }
    const results = await Promise.all([...ids, ids[0]!].map((id) => call(leader, 'POST', `/api/normative-documents/${id}/issue`, { issuedOn: '2026-03-20' })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(6);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(['NORMATIVE_ALREADY_ISSUED']);
    const numbers = ok.map((r) => r.body.numberSeq as number);
    expect(new Set(numbers).size).toBe(6);
    expect(new Set(ok.map((r) => r.body.documentNumber)).size).toBe(6);
  });

  it('修改: the amendment, once published, replaces the document it amends in the public list', async () => {
    const oldId = await draft('修改测试原文件');
    await toDeliberated(oldId);
    await call(leader, 'POST', `/api/normative-documents/${oldId}/issue`, { issuedOn: '2026-03-20' });
    await call(reviewer, 'POST', `/api/normative-documents/${oldId}/publication`, { publishedOn: '2026-03-21', channel: '网站' });
    const newId = (await call(reviewer, 'POST', `/api/normative-documents/${oldId}/cleanup`, { cleanedOn: '2026-04-01', outcome: 'amend', note: '需修改' })).body.cleanups[0].newDraftId as number;
    const u = `/api/normative-documents/${newId}`;
    await call(reviewer, 'POST', `${u}/assessment`, { assessedOn: '2026-04-02', summary: '评估' });
    await call(reviewer, 'POST', `${u}/comment/start`, { startOn: '2026-04-03', plannedEndOn: '2026-05-03' });
    await call(reviewer, 'POST', `${u}/comment/close`, { endOn: '2026-05-06', received: 0, answered: 0, answerSummary: '' });
    await call(reviewer, 'POST', `${u}/review/submit`, { submittedOn: '2026-05-07' });
    await call(reviewer, 'POST', `${u}/review/opinion`, { reviewedOn: '2026-05-20', passed: true, competence: '合法', procedure: '合法', content: '合法' });
    await call(reviewer, 'POST', `${u}/deliberation`, { meetingOn: '2026-05-25', meetingKind: 'bureau_affairs', note: '' });
    await call(leader, 'POST', `${u}/issue`, { issuedOn: '2026-05-26' });
    let ids = (await call(null, 'GET', '/api/public/normative-documents')).body.items.map((d: { id: number }) => d.id);
    expect(ids).toContain(oldId);
    expect(ids).not.toContain(newId);
    expect((await call(reviewer, 'POST', `${u}/publication`, { publishedOn: '2026-05-27', channel: '网站' })).status).toBe(200);
    ids = (await call(null, 'GET', '/api/public/normative-documents')).body.items.map((d: { id: number }) => d.id);
    expect(ids).toContain(newId);
    expect(ids).not.toContain(oldId);
    expect((await call(reviewer, 'GET', `/api/normative-documents/${oldId}`)).body).toMatchObject({ status: 'replaced', endedOn: '2026-05-27', replacedById: newId, actions: [] });
    expect(await audits(oldId)).toContain('normative_document.replace');
  });

  it('起草层级: a document drafted for the municipal government is recorded under the government’s number; the year counts each level', async () => {
    const before = await normativeDocumentYearFigures(ctx.database.db, 2026);
    expect((await call(reviewer, 'POST', '/api/normative-documents', { title: 't', draftingUnit: '科室', draftingLevel: 'province', body: '正文', draftedOn: '2026-01-05' })).body.error)
      .toMatchObject({ code: 'INVALID_INPUT', field: 'draftingLevel' });
    const created = await call(reviewer, 'POST', '/api/normative-documents', { title: '烟台市人民政府关于划定高污染燃料禁燃区的通告', draftingUnit: '大气环境科', draftingLevel: 'government', body: '一、禁燃区范围……', draftedOn: '2026-01-05' });
    expect(created.body).toMatchObject({ draftingLevel: 'government' });
    const id = created.body.id as number;
    await toDeliberated(id);
    const u = `/api/normative-documents/${id}`;
    const unnumbered = await call(leader, 'POST', `${u}/issue`, { issuedOn: '2026-03-20' });
    expect([unnumbered.status, unnumbered.body.error.code, unnumbered.body.error.field]).toEqual([422, 'NORMATIVE_DOCUMENT_NUMBER_LEVEL', 'documentNumber']);
    const issued = await call(leader, 'POST', `${u}/issue`, { issuedOn: '2026-03-20', documentNumber: '烟政发〔2026〕3号' });
    expect(issued.body).toMatchObject({ status: 'issued', documentNumber: '烟政发〔2026〕3号', numberSeq: null });
    // A bureau document takes the next number of the bureau's series; a number entered for it is refused, and a number is never used twice.
    const own = await draft('层级测试本局文件');
    await toDeliberated(own);
    expect((await call(leader, 'POST', `/api/normative-documents/${own}/issue`, { issuedOn: '2026-03-20', documentNumber: '烟环发〔2026〕9号' })).body.error).toMatchObject({ code: 'NORMATIVE_DOCUMENT_NUMBER_LEVEL' });
    expect((await call(leader, 'POST', `/api/normative-documents/${own}/issue`, { issuedOn: '2026-03-20' })).body).toMatchObject({ draftingLevel: 'bureau', documentNumber: expect.stringMatching(/^烟环规〔2026〕\d+号$/) });
    const twin = (await call(reviewer, 'POST', '/api/normative-documents', { title: '重号测试', draftingUnit: '科室', draftingLevel: 'government', body: '正文', draftedOn: '2026-01-05' })).body.id as number;
    await toDeliberated(twin);
    const taken = await call(leader, 'POST', `/api/normative-documents/${twin}/issue`, { issuedOn: '2026-03-20', documentNumber: '烟政发〔2026〕3号' });
    expect([taken.status, taken.body.error.code]).toEqual([422, 'NORMATIVE_DOCUMENT_NUMBER_TAKEN']);
    const after = (await call(leader, 'GET', '/api/normative-documents/year-figures?year=2026')).body;
    expect(after.issuedByLevel).toEqual({ government: before.issuedByLevel.government + 1, bureau: before.issuedByLevel.bureau + 1 });
    expect((await call(reviewer, 'GET', '/api/normative-documents')).body.items.find((d: { id: number }) => d.id === id)).toMatchObject({ draftingLevel: 'government' });
  });

  it('the prefix, filing period and validity are the bureau’s settings', async () => {
    const admin = await ctx.loginAs('administrator');
    const current = (await call(admin, 'GET', '/api/settings')).body;
    const value = { ...current.value, normativeDocuments: { numberPrefix: '烟环规字', commentDays: 30, filingDays: 60, validityYears: 3, expiryWarningDays: 90 } };
    delete value.demoValues;
    expect((await call(admin, 'PUT', '/api/settings', { value, version: current.version, reason: '规范性文件设置' })).status).toBe(200);
    const id = await draft('设置测试');
    await toDeliberated(id);
    const issued = await call(leader, 'POST', `/api/normative-documents/${id}/issue`, { issuedOn: '2026-03-20' });
    expect(issued.body.documentNumber).toMatch(/^烟环规字〔2026〕\d+号$/);
    expect(issued.body.validUntilOn).toBe('2029-03-19');
    const published = await call(reviewer, 'POST', `/api/normative-documents/${id}/publication`, { publishedOn: '2026-03-21', channel: '网站' });
    expect(published.body.filingClock).toMatchObject({ dueOn: '2026-05-20' });
  });

  it.each([
    ['administrator', 200, 201], ['bureau_leader', 200, 201], ['legal_reviewer', 200, 201], ['enforcement_officer', 200, 403],
    ['licensing_staff', 200, 403], ['committee_member', 200, 403], ['public', 401, 401],
  ] as const)('%s: register %i, draft %i', async (who, read, write) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who as Role);
    expect((await call(headers, 'GET', '/api/normative-documents')).status).toBe(read);
    expect((await call(headers, 'POST', '/api/normative-documents', { title: '角色测试', draftingUnit: '科室', body: '正文', draftedOn: '2026-01-05' })).status).toBe(write);
  });

  it('bad input names the field; unknown ids are 404', async () => {
    const bad = await call(reviewer, 'POST', '/api/normative-documents', { title: '', draftingUnit: '科室', body: '正文', draftedOn: '2026-01-05' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'title' });
    expect((await call(reviewer, 'POST', '/api/normative-documents', { title: 't', draftingUnit: '科室', body: '正文', draftedOn: '2026-02-30' })).status).toBe(400);
    expect((await call(reviewer, 'GET', '/api/normative-documents/999999')).status).toBe(404);
    expect((await call(reviewer, 'POST', '/api/normative-documents/999999/assessment', { assessedOn: '2026-01-10', summary: 'x' })).status).toBe(404);
    expect((await call(null, 'GET', '/api/public/normative-documents/999999')).status).toBe(404);
  });
});
