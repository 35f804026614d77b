import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { counselYearFigures } from './index.js';

type Headers = Record<string, string>;

describe(`legal counsel register and review tasks through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2026-12-01T10:00:00+08:00');
  let reviewer: Headers;
  const call = async (headers: Headers | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const audits = async (entity: string, id: number) =>
    (await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq))).map((a) => a.action);
  const counsel = (over: object = {}) => ({ name: '张律师', kind: 'external', firm: '山东某律师事务所', licenceNo: '13706200010001', termFromOn: '2026-01-01', termToOn: '2026-12-31', ...over });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    reviewer = await ctx.loginAs('legal_reviewer');
  }, 120_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 200, 201], ['bureau_leader', 200, 201], ['legal_reviewer', 200, 201], ['enforcement_officer', 200, 403],
    ['committee_member', 200, 403], ['district_staff', 200, 403], ['licensing_staff', 200, 403], ['public', 401, 401],
  ] as const)('role matrix: %s reads %i, registers %i', async (who, read, write) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    expect((await call(headers, 'GET', '/api/counsel')).status).toBe(read);
    expect((await call(headers, 'GET', '/api/counsel/tasks')).status).toBe(read);
    expect((await call(headers, 'GET', '/api/counsel/year-figures?year=2026')).status).toBe(read);
    expect((await call(headers, 'POST', '/api/counsel', counsel({ name: `律师${who}` }))).status).toBe(write);
  });

  it('registers a counsel, assigns a task, answers it once; each change audited; the year counts it', async () => {
    const c = await call(reviewer, 'POST', '/api/counsel', counsel({ kind: 'public_lawyer', firm: null, name: '李公职律师' }));
    expect(c.status).toBe(201);
    expect(await audits('counsel', c.body.id)).toEqual(['counsel.register']);
    const bad = await call(reviewer, 'POST', '/api/counsel', counsel({ termToOn: '2025-01-01' }));
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([422, 'COUNSEL_TERM_ENDS_BEFORE_START', 'termToOn']);
    expect((await call(reviewer, 'POST', '/api/counsel', counsel({ kind: 'judge' }))).status).toBe(400);

    const task = { counselId: c.body.id, subjectKind: 'major_case', subjectRef: '42', subjectTitle: '某公司超标排放案', assignedOn: '2026-11-20', dueOn: '2026-11-27' };
    const outOfTerm = await call(reviewer, 'POST', '/api/counsel/tasks', { ...task, assignedOn: '2025-11-20' });
    expect(outOfTerm.body.error).toMatchObject({ code: 'COUNSEL_OUT_OF_TERM', field: 'counselId' });
    expect((await call(reviewer, 'POST', '/api/counsel/tasks', { ...task, counselId: 999_999 })).body.error).toMatchObject({ code: 'COUNSEL_UNKNOWN', field: 'counselId' });
    const t = await call(reviewer, 'POST', '/api/counsel/tasks', task);
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ link: '/cases/42', answered: false });

    const early = await call(reviewer, 'POST', `/api/counsel/tasks/${t.body.id}/opinion`, { opinion: '合法', answeredOn: '2026-11-19' });
    expect([early.status, early.body.error.code, early.body.error.field]).toEqual([422, 'DATE_BEFORE_PREVIOUS_STEP', 'answeredOn']);
    const future = await call(reviewer, 'POST', `/api/counsel/tasks/${t.body.id}/opinion`, { opinion: '合法', answeredOn: '2026-12-02' });
    expect(future.body.error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'answeredOn' });
    const answered = await call(reviewer, 'POST', `/api/counsel/tasks/${t.body.id}/opinion`, { opinion: '程序合法，证据充分', answeredOn: '2026-11-25' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ answered: true, answeredOn: '2026-11-25' });
    const again = await call(reviewer, 'POST', `/api/counsel/tasks/${t.body.id}/opinion`, { opinion: '再次', answeredOn: '2026-11-26' });
    expect([again.status, again.body.error.code]).toEqual([409, 'COUNSEL_TASK_ALREADY_ANSWERED']);
    expect(await audits('counsel_task', t.body.id)).toEqual(['counsel.task_assign', 'counsel.task_answer']);

    expect((await call(reviewer, 'GET', `/api/counsel/${c.body.id}`)).body.tasks).toHaveLength(1);
    expect((await call(reviewer, 'GET', `/api/counsel/tasks/${t.body.id}`)).body.counsel.name).toBe('李公职律师');
    expect((await call(reviewer, 'GET', '/api/counsel/tasks/999999')).status).toBe(404);
    const year = await call(reviewer, 'GET', '/api/counsel/year-figures?year=2026');
    expect(year.body).toMatchObject({ answered: 1, byKind: { major_case: 1 }, byCounsel: [{ counselId: c.body.id, name: '李公职律师', answered: 1 }] });
    expect(await counselYearFigures(ctx.database.db, 2025)).toMatchObject({ answered: 0 });
    expect((await call(reviewer, 'GET', '/api/counsel/year-figures?year=abc')).status).toBe(400);
  });
});
