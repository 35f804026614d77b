import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, post, PROPOSAL, type Bureau, type Person } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import { caseOfficers } from '../cases/tables.js';
import { seedFileReviewStandard } from './index.js';
import { FILE_REVIEW_STANDARD } from './data/standard.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const TODAY = '2021-07-19';

describe(`案卷评查 through the API (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let closedId: number;
  let openId: number;
  const get = (who: Person, url: string) => ctx.app.inject({ method: 'GET', url, headers: who.headers }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const put = async (who: Person, url: string, payload: unknown) => {
    const res = await ctx.app.inject({ method: 'PUT', url, headers: who.headers, payload: payload as object });
    return { status: res.statusCode, body: res.json() };
  };
  const audits = async (action: string) => (await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;

  /** A 20 000-yuan penalty case taken to closure (not archived). */
  async function closedCase(): Promise<number> {
    const id = await fileCase(ctx, b, TODAY);
    const step = (who: Person, name: string, payload: unknown) => post(ctx, who, `/api/cases/${id}/${name}`, payload).then((r) => { expect(r.status, JSON.stringify(r.body)).toBe(200); });
    await step(b.officerA, 'record-investigation', { kind: 'inspection_record', occurredOn: TODAY, officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' });
    await step(b.officerA, 'submit', { proposal: PROPOSAL(20_000_00) });
    await step(b.reviewer, 'case-review', { outcome: 'passed', opinion: '同意' });
    await step(b.officerA, 'notify', { servedOn: TODAY, content: '拟罚款两万元' });
    await step(b.officerA, 'statement', { receivedOn: TODAY, waived: true });
    await step(b.leader, 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen: 20_000_00, reasons: '事实清楚', basis: '《水污染防治法》第八十三条' });
    await step(b.officerA, 'serve', { servedOn: TODAY, method: 'in_person', receiver: '王测试' });
    await step(b.officerA, 'pay', { paidOn: TODAY, amountFen: 20_000_00 });
    await step(b.leader, 'close', { summary: '罚款已缴清' });
    return id;
  }

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at(TODAY) });
    b = await makeBureau(ctx);
    expect(await seedFileReviewStandard(ctx.database.db, at('2020-01-01'))).toEqual({ created: true });
    expect(await seedFileReviewStandard(ctx.database.db, at('2020-01-01'))).toEqual({ created: false });
    closedId = await closedCase();
    openId = await fileCase(ctx, b, TODAY);
  });
  afterAll(async () => ctx.close());

  it.each([
    ['GET', '/api/file-review/cases', 'enforcement_officer', 403], ['GET', '/api/file-review/cases', 'legal_reviewer', 200], ['GET', '/api/file-review/cases', 'bureau_leader', 200],
    ['GET', '/api/file-review/results?year=2021', 'committee_member', 403], ['GET', '/api/file-review/standards', 'enforcement_officer', 200],
    ['POST', '/api/file-review/standards', 'legal_reviewer', 403],
  ] as const)('role check: %s %s as %s → %i', async (method, url, role, status) => {
    const headers = await ctx.loginAs(role);
    const res = await ctx.app.inject({ method, url, headers, payload: method === 'POST' ? { ...FILE_REVIEW_STANDARD, effectiveOn: '2030-01-01' } : undefined });
    expect(res.statusCode).toBe(status);
  });

  it('the workbench lists closed cases; the pre-checks fill what the system knows', async () => {
    const list = await get(b.reviewer2, '/api/file-review/cases?year=2021');
    expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([closedId]);
    expect(list.body.items[0]).toMatchObject({ reviews: 0, latestScore: null, myStatus: null });
    const file = await get(b.reviewer2, `/api/file-review/cases/${closedId}`);
    expect(file.status).toBe(200);
    expect(file.body.findings.map((f: { check: string }) => f.check)).toEqual(['NOT_ARCHIVED']);
    expect(file.body.prefill).toEqual([{ itemCode: 'A1', deductionCode: 'A1-1', note: '已结案但尚未归档', source: 'precheck' }]);
    expect(file.body.standard).toMatchObject({ code: 'YT-AJPC', version: 1 });
    expect(file.body.actions.review).toBe(true);
  });

  it('only closed cases; never the reviewer\'s own case', async () => {
    const open = await put(b.reviewer2, `/api/file-review/cases/${openId}/review`, { lines: [], submit: false });
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe('CASE_NOT_CLOSED');
    await ctx.database.db.insert(caseOfficers).values({ caseId: closedId, userId: b.reviewer.id, lead: false });
    const own = await put(b.reviewer, `/api/file-review/cases/${closedId}/review`, { lines: [], submit: false });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('FILE_REVIEWER_IS_INVESTIGATOR');
    await ctx.database.db.delete(caseOfficers).where(eq(caseOfficers.userId, b.reviewer.id));
  });

  it('a score sheet: draft, named errors, submit, then final', async () => {
    const url = `/api/file-review/cases/${closedId}/review`;
    const shape = await put(b.reviewer2, url, { lines: [{ itemCode: 'A1' }], submit: false });
    expect(shape.status).toBe(400);
    expect(shape.body.error.field).toBe('lines.0.deductionCode');
    const wrong = await put(b.reviewer2, url, { lines: [{ itemCode: 'A1', deductionCode: 'S1-1', note: '' }], submit: false });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'REVIEW_DEDUCTION_UNKNOWN', field: 'lines.0.deductionCode' });
    const draft = await put(b.reviewer2, url, { lines: [{ itemCode: 'A1', deductionCode: 'A1-1', note: '未归档', source: 'precheck' }, { itemCode: 'E1', deductionCode: 'E1-3', note: '询问笔录缺少签名' }], submit: false });
    expect(draft.status).toBe(200);
    expect(draft.body.mine).toMatchObject({ status: 'draft', score: 93, band: 'excellent' });
    const submitted = await put(b.reviewer2, url, { lines: [{ itemCode: 'A1', deductionCode: 'A1-1', note: '未归档', source: 'precheck' }, { itemCode: 'E1', deductionCode: 'E1-3', note: '询问笔录缺少签名' }, { itemCode: 'D1', deductionCode: 'D1-3', note: '畸重' }], comment: '整体规范', submit: true });
    expect(submitted.body.mine).toMatchObject({ status: 'submitted', score: 83, band: 'qualified' });
    const sheet = submitted.body.reviews[0].sheet;
    expect(sheet.items.find((i: { code: string }) => i.code === 'D1')).toMatchObject({ deducted: 10, score: 0, lines: [expect.objectContaining({ deductionCode: 'D1-3', points: 10, text: '处罚明显不当、畸轻畸重' })] });
    expect(submitted.body.actions.review).toBe(false);
    const again = await put(b.reviewer2, url, { lines: [], submit: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('FILE_REVIEW_ALREADY_SUBMITTED');
    expect(await audits('file_review.save')).toBe(1);
    expect(await audits('file_review.submit')).toBe(1);
  });

  it('results per unit and per officer, with bands and the most common defects; exported to Excel', async () => {
    const r = await get(b.leader, '/api/file-review/results?year=2021');
    expect(r.body.overall).toMatchObject({ cases: 1, meanScore: 83, qualified: 1, excellent: 0, unqualified: 0 });
    expect(r.body.byUnit).toEqual([expect.objectContaining({ key: '芝罘区', cases: 1 })]);
    expect(r.body.byOfficer).toEqual([expect.objectContaining({ cases: 1 })]);
    expect(r.body.defects.map((d: { deductionCode: string }) => d.deductionCode)).toEqual(['A1-1', 'D1-3', 'E1-3']);
    expect(r.body.defects[1]).toMatchObject({ itemTitle: '自由裁量', cases: 1, occurrences: 1, pointsLost: 10 });
    // The defects table counts the points actually deducted (per-item cap): it adds up to 100 − the scores.
    expect(r.body.defects.reduce((t: number, d: { pointsLost: number }) => t + d.pointsLost, 0)).toBe(100 - 83);
    expect(r.body.defects[1]).toMatchObject({ pointsCapped: 0 });
    expect((await get(b.leader, '/api/file-review/results?year=2020')).body.overall.cases).toBe(0);
    const missingYear = await get(b.leader, '/api/file-review/results');
    expect(missingYear.status).toBe(400);
    expect(missingYear.body.error.field).toBe('year');
    const x = await ctx.app.inject({ method: 'GET', url: '/api/file-review/results/export?year=2021', headers: b.leader.headers });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按单位', '按办案人员', '常见问题', '评查明细']);
    expect(wb.getWorksheet('评查明细')!.getRow(2).getCell(5).value).toBe('合格');
  });

  it('administrators publish the next version of the standard; a malformed one names its field', async () => {
    const bad = await post(ctx, b.admin, '/api/file-review/standards', { ...FILE_REVIEW_STANDARD, effectiveOn: '2022-01-01', items: FILE_REVIEW_STANDARD.items.slice(1) });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'STANDARD_TOTAL_NOT_100', field: 'items' });
    const ok = await post(ctx, b.admin, '/api/file-review/standards', { ...FILE_REVIEW_STANDARD, effectiveOn: '2022-01-01', bands: { excellentMin: 95, qualifiedMin: 75 } });
    expect(ok.status).toBe(201);
    expect(ok.body.version).toBe(2);
    const s = await get(b.reviewer, '/api/file-review/standards');
    expect(s.body.inForce.version).toBe(1);
    expect(s.body.versions).toHaveLength(2);
  });
});
