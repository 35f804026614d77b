// Reconsideration and litigation through the API, and 行政处罚法 第七十三条第三款 through the case's amount due.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { ALL_FINDINGS_OK, fileCase, makeBureau, post, PROPOSAL, type Bureau } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { litigationYearFigures } from './index.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`行政复议 and 行政诉讼 through the API (${ENGINE})`, { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let b: Bureau;
  let today = at('2021-08-02');
  const setToday = (on: string) => { today = at(on); };
  const act = (who: keyof Bureau, caseId: number, name: string, payload: unknown) => post(ctx, b[who] as Bureau['admin'], `/api/cases/${caseId}/${name}`, payload);
  const get = async (url: string, who = b.admin) => { const r = await ctx.app.inject({ method: 'GET', url, headers: who.headers }); return { status: r.statusCode, body: r.json() }; };
  const ok = (r: { status: number; body: unknown }) => { expect(r.status, JSON.stringify(r.body)).toBeLessThan(300); return r.body as Record<string, unknown> & { stage: string; id: number }; };
  const audits = async (id: number) =>
    (await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'challenge'), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq))).map((a) => a.action);

  /** A fine of 10 000 元 decided and served on `on` (as in src/cases/enforcement.routes.test.ts). */
  async function servedFine(on: string, fineFen = 10_000_00) {
    setToday(on);
    const id = await fileCase(ctx, b, on);
    ok(await act('officerA', id, 'record-investigation', { kind: 'inspection_record', occurredOn: on, officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' }));
    ok(await act('officerA', id, 'submit', { proposal: PROPOSAL(fineFen) }));
    let c = ok(await act('leader', id, 'case-review', { outcome: 'passed', opinion: '事实清楚' }));
    if (c.stage === 'legal_review') c = ok(await act('reviewer', id, 'legal-review', { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '通过' }));
    ok(await act('officerA', id, 'notify', { servedOn: on, content: '告知' }));
    ok(await act('officerA', id, 'statement', { receivedOn: on, content: '', waived: true }));
    ok(await act('leader', id, 'decide', { kind: 'penalty', penaltyKinds: ['fine'], fineFen, reasons: '违法事实清楚', basis: '水污染防治法第八十三条' }));
    ok(await act('officerA', id, 'serve', { servedOn: on, method: 'in_person', receiver: '王测试' }));
    return id;
  }
  const challenge = (over: object = {}) => ({
    kind: 'litigation', subjectKind: 'licence', subjectId: 'PW-2021-001', subjectTitle: '排污许可证核发', applicant: '某化工有限公司', body: '烟台市芝罘区人民法院', filedOn: '2021-08-02', ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => today });
    b = await makeBureau(ctx);
  }, 180_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 200, 201], ['bureau_leader', 200, 201], ['legal_reviewer', 200, 201], ['enforcement_officer', 200, 403],
    ['committee_member', 200, 403], ['district_staff', 200, 403], ['licensing_staff', 200, 403], ['public', 401, 401],
  ] as const)('role matrix: %s reads %i, records %i', async (who, read, write) => {
    setToday('2021-08-02');
    const headers = who === 'public' ? {} : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    const inject = async (method: 'GET' | 'POST', url: string, payload?: object) => (await ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })).statusCode;
    expect(await inject('GET', '/api/litigation')).toBe(read);
    expect(await inject('GET', '/api/litigation/year-figures?year=2021')).toBe(read);
    expect(await inject('POST', '/api/litigation', challenge({ subjectId: `PW-${who}` }))).toBe(write);
  });

  it('行政处罚法 第七十三条第三款: a pending challenge of the case stops its surcharge; it runs again after closing', async () => {
    const caseId = await servedFine('2021-08-02'); // due 2021-08-17
    setToday('2021-08-20');
    expect((await get(`/api/cases/${caseId}`)).body.amountDueFen).toBe(10_000_00 + 90_000); // 3 days overdue
    const early = await post(ctx, b.reviewer, '/api/litigation', challenge({ subjectKind: 'case', subjectId: String(caseId), filedOn: '2021-08-01' }));
    expect(early.body.error).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'filedOn' });
    const unknown = await post(ctx, b.reviewer, '/api/litigation', challenge({ subjectKind: 'case', subjectId: '999999' }));
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([422, 'CHALLENGE_SUBJECT_UNKNOWN', 'subjectId']);
    const filed = ok(await post(ctx, b.reviewer, '/api/litigation', challenge({ kind: 'reconsideration', body: '烟台市人民政府', subjectKind: 'case', subjectId: String(caseId), subjectTitle: '某公司案', filedOn: '2021-08-19' })));
    expect(filed).toMatchObject({ pending: true, link: `/cases/${caseId}` });
    setToday('2021-09-10');
    expect((await get(`/api/cases/${caseId}`)).body.amountDueFen).toBe(10_000_00 + 30_000); // only 08-18 counts
    ok(await post(ctx, b.reviewer, `/api/litigation/${filed.id}/close`, { outcome: 'upheld', closedOn: '2021-09-10' }));
    setToday('2021-09-13');
    expect((await get(`/api/cases/${caseId}`)).body.amountDueFen).toBe(10_000_00 + 120_000); // 08-18, 09-11 … 09-13
    expect(await audits(filed.id)).toEqual(['challenge.record', 'challenge.close']);
  });

  it('行政强制法 第五十三条: while a challenge of the case is pending in the register, the court is neither offered nor accepted; after it ends the window runs from its end', async () => {
    const caseId = await servedFine('2021-08-02');
    setToday('2021-09-12');
    ok(await act('officerA', caseId, 'remind', { servedOn: '2021-09-12', content: '催告书' }));
    setToday('2022-01-20');
    const filed = ok(await post(ctx, b.reviewer, '/api/litigation', challenge({ subjectKind: 'case', subjectId: String(caseId), subjectTitle: '某公司案', filedOn: '2022-01-20' })));
    setToday('2022-03-01');
    const court = await act('leader', caseId, 'court-enforcement', { appliedOn: '2022-03-01', court: '芝罘区人民法院' });
    expect([court.status, court.body.error.code, court.body.error.citation]).toEqual([409, 'REMEDY_PENDING', { law: '行政强制法', article: '第五十三条' }]);
    const page = (await get(`/api/cases/${caseId}`, b.leader)).body;
    expect(page.actions.find((a: { action: string }) => a.action === 'court_enforcement')).toMatchObject({ allowed: false, code: 'REMEDY_PENDING' });
    const board = (await get('/api/cases/deadlines', b.leader)).body;
    expect(board.courtEnforcement.find((w: { caseId: number }) => w.caseId === caseId)).toMatchObject({ remedyPending: true });
    ok(await post(ctx, b.reviewer, `/api/litigation/${filed.id}/close`, { outcome: 'upheld', closedOn: '2022-03-01' }));
    const window = (await get(`/api/cases/${caseId}`, b.leader)).body.courtEnforcementWindow;
    expect(window).toMatchObject({ periodEndsOn: '2022-03-01', earliestOn: '2022-03-02', latestOn: '2022-06-01' });
    setToday('2022-03-02');
    expect(ok(await act('leader', caseId, 'court-enforcement', { appliedOn: '2022-03-02', court: '芝罘区人民法院' })).courtEnforcementAppliedOn).toBe('2022-03-02');
  });

  it('行政强制法 第五十三条 on the deadlines board: every unpaid fine\'s window, read for all cases at once, is the one its own page shows; only the challenged case is pending', async () => {
    const quiet = await servedFine('2022-04-01');
    const reminded = await servedFine('2022-04-01');
    const challenged = await servedFine('2022-04-01');
    setToday('2022-05-06');
    ok(await act('officerA', reminded, 'remind', { servedOn: '2022-05-06', content: '催告书' }));
    ok(await post(ctx, b.reviewer, '/api/litigation', challenge({ subjectKind: 'case', subjectId: String(challenged), subjectTitle: '某公司案', filedOn: '2022-05-06' })));
    const board = (await get('/api/cases/deadlines', b.leader)).body.courtEnforcement as { caseId: number; earliestOn: string; latestOn: string; reminderServedOn: string | null; remedyPending: boolean }[];
    for (const id of [quiet, reminded, challenged]) {
      const item = board.find((w) => w.caseId === id)!;
      const page = (await get(`/api/cases/${id}`, b.leader)).body.courtEnforcementWindow;
      expect(item, `case ${id}`).toMatchObject({ earliestOn: page.earliestOn, latestOn: page.latestOn, remedyPending: id === challenged, reminderServedOn: id === reminded ? '2022-05-06' : null });
    }
  });

  it('行政诉讼法 第三条第三款 and the outcomes: hearings, closing once, what changed; the year’s rates', async () => {
    setToday('2021-10-08');
    const c = ok(await post(ctx, b.leader, '/api/litigation', challenge({ filedOn: '2021-09-01', subjectKind: 'disclosure_reply', subjectId: 'YSQ2021-ABC' })));
    const noOne = await post(ctx, b.leader, `/api/litigation/${c.id}/hearings`, { heldOn: '2021-09-20', headAppeared: false, appearedBy: '' });
    expect(noOne.body.error).toMatchObject({ code: 'CHALLENGE_APPEARANCE_REQUIRED', field: 'appearedBy', citation: { law: '行政诉讼法', article: '第三条' } });
    const before = await post(ctx, b.leader, `/api/litigation/${c.id}/hearings`, { heldOn: '2021-08-31', headAppeared: true, appearedBy: '局长' });
    expect([before.status, before.body.error.field]).toEqual([422, 'heldOn']);
    ok(await post(ctx, b.leader, `/api/litigation/${c.id}/hearings`, { heldOn: '2021-09-20', headAppeared: true, appearedBy: '王局长' }));
    ok(await post(ctx, b.leader, `/api/litigation/${c.id}/hearings`, { heldOn: '2021-09-28', headAppeared: false, appearedBy: '法规科 李科长（受委托）' }));
    const noChange = await post(ctx, b.leader, `/api/litigation/${c.id}/close`, { outcome: 'changed', closedOn: '2021-10-08' });
    expect(noChange.body.error).toMatchObject({ code: 'CHALLENGE_CHANGES_REQUIRED', field: 'changes' });
    const beforeHearing = await post(ctx, b.leader, `/api/litigation/${c.id}/close`, { outcome: 'upheld', closedOn: '2021-09-25' });
    expect(beforeHearing.body.error).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'closedOn' });
    const future = await post(ctx, b.leader, `/api/litigation/${c.id}/close`, { outcome: 'upheld', closedOn: '2021-10-09' });
    expect(future.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'closedOn' });
    const closed = ok(await post(ctx, b.leader, `/api/litigation/${c.id}/close`, { outcome: 'changed', closedOn: '2021-10-08', changes: '答复内容变更为予以公开' }));
    expect(closed).toMatchObject({ reversed: true, pending: false, actions: [] });
    const twice = await post(ctx, b.leader, `/api/litigation/${c.id}/close`, { outcome: 'upheld', closedOn: '2021-10-08' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CHALLENGE_CLOSED']);
    expect(await audits(c.id)).toEqual(['challenge.record', 'challenge.hearing', 'challenge.hearing', 'challenge.close']);
    expect((await post(ctx, b.leader, '/api/litigation', challenge({ kind: 'appeal' }))).status).toBe(400);
    expect((await get('/api/litigation/999999')).status).toBe(404);

    const fig = (await get('/api/litigation/year-figures?year=2021')).body;
    expect(fig).toMatchObject({ closed: 2, reversed: 1, reversalRate: 0.5, byOutcome: { upheld: 1, changed: 1 }, courtHearings: 2, headAppeared: 1, headAppearanceRate: 0.5 });
    expect(fig.challenged.total).toBeGreaterThanOrEqual(2);
    expect((await litigationYearFigures(ctx.database.db, 2020)).challenged.total).toBe(0);
  });
});
