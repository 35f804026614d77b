import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';

type Headers = Record<string, string>;
interface Figure { no: string; value: number | null; text: string; drill: string | null; note: string | null; yearOnYear?: number | null }

describe(`the year-end rule-of-law report through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2021-01-06T10:00:00+08:00');
  let leader: Headers;
  let reviewer: Headers;
  const call = async (headers: Headers | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : null, raw: res.rawPayload, headers: res.headers };
  };
  const figure = (body: { figures: Figure[] }, no: string) => body.figures.find((f) => f.no === no)!;
  const meeting = (kind: string, heldOn: string) => ({ kind, title: `${heldOn}会议`, heldOn, lawStudy: { topic: '民法典', materials: '民法典全文', speaker: '局长' } });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    leader = await ctx.loginAs('bureau_leader');
    reviewer = await ctx.loginAs('legal_reviewer');
  }, 120_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 200, 200, 422, 200], ['bureau_leader', 200, 403, 422, 200], ['legal_reviewer', 200, 200, 403, 200], ['enforcement_officer', 200, 403, 403, 200],
    ['committee_member', 200, 403, 403, 200], ['district_staff', 200, 403, 403, 200], ['licensing_staff', 200, 403, 403, 403], ['public', 401, 401, 401, 401],
  ] as const)('role matrix: %s reads %i, edits %i, finalises %i, drills into cases %i', async (who, read, edit, finalise, records) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    expect((await call(headers, 'GET', '/api/annual-report/2019')).status).toBe(read);
    expect((await call(headers, 'PUT', '/api/annual-report/2019/paragraphs/problems', { text: `${who}的修改` })).status).toBe(edit);
    // 2021 has not ended on 2021-01-06: those allowed to finalise are refused by the rule (422), the rest by the role.
    expect((await call(headers, 'POST', '/api/annual-report/2021/finalise')).status).toBe(finalise);
    const drill = await call(headers, 'GET', '/api/annual-report/2019/records/21');
    expect(drill.status).toBe(records);
    if (records === 200) expect(drill.body.items).toEqual([]);
  });

  it('only the leader (and the administrator) finalises; bad input names the field', async () => {
    expect((await call(reviewer, 'POST', '/api/annual-report/2018/finalise')).status).toBe(403);
    const future = await call(leader, 'GET', '/api/annual-report/2022');
    expect([future.status, future.body.error.code, future.body.error.field]).toEqual([422, 'ANNUAL_REPORT_YEAR_IN_FUTURE', 'year']);
    const notEnded = await call(leader, 'POST', '/api/annual-report/2021/finalise');
    expect([notEnded.status, notEnded.body.error.code, notEnded.body.error.field]).toEqual([422, 'ANNUAL_REPORT_YEAR_NOT_ENDED', 'year']);
    expect((await call(reviewer, 'PUT', '/api/annual-report/2020/paragraphs/nonsense', { text: 'x' })).status).toBe(400);
    expect((await call(reviewer, 'PUT', '/api/annual-report/2020/paragraphs/intro', { text: '  ' })).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'text' });
  });

  it('numbers where the year has records, 无记录 (not 0) where it has none; edits versioned; finalising freezes the figures', async () => {
    for (const [kind, on] of [['party_group', '2020-03-02'], ['party_group', '2020-06-10'], ['director', '2020-05-05'], ['leadership_study', '2020-04-01']] as const) {
      expect((await call(leader, 'POST', '/api/meetings', meeting(kind, on))).status).toBe(201);
    }
    const live = await call(reviewer, 'GET', '/api/annual-report/2020');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('draft');
    expect(figure(live.body, '4a')).toMatchObject({ value: 2, text: '2次', drill: '/meetings?year=2020&kind=party_group' });
    expect(figure(live.body, '4b')).toMatchObject({ value: 1, text: '1次' });
    expect(figure(live.body, '2')).toMatchObject({ value: 1 });
    expect(figure(live.body, '21')).toMatchObject({ value: null, text: '无记录' });
    expect(figure(live.body, '22')).toMatchObject({ value: null, text: '无记录' });
    expect(figure(live.body, '15')).toMatchObject({ value: null, text: '无记录', drill: '/campaigns', note: 'no campaign of kind soil_survey in the year' });
    expect(figure(live.body, '29')).toMatchObject({ value: null, text: '无记录', drill: null, note: 'capability not built' });
    const org = live.body.paragraphs.find((p: { key: string }) => p.key === 'organisation');
    expect(org.textZh).toContain('召开党组会议2次，局长办公会议1次');
    expect(org.textZh).toContain('确定无记录工作任务');
    expect(live.body.paragraphs.find((p: { key: string }) => p.key === 'addressee').textZh).toBe('中共烟台市委全面依法治市委员会办公室');
    expect(live.body.actions.finalise).toEqual({ ok: true });

    // The legal department edits: each save a version; {no} tokens stay live figures.
    const v1 = await call(reviewer, 'PUT', '/api/annual-report/2020/paragraphs/organisation', { text: '全年召开党组会议{4a}。' });
    expect([v1.status, v1.body.version]).toEqual([200, 1]);
    const v2 = await call(reviewer, 'PUT', '/api/annual-report/2020/paragraphs/organisation', { text: '全年召开党组会议{4a}，局长办公会议{4b}。' });
    expect(v2.body.version).toBe(2);
    expect((await call(leader, 'POST', '/api/meetings', meeting('party_group', '2020-09-09'))).status).toBe(201);
    const edited = await call(reviewer, 'GET', '/api/annual-report/2020');
    const p = edited.body.paragraphs.find((x: { key: string }) => x.key === 'organisation');
    expect([p.textZh, p.version]).toEqual(['全年召开党组会议3次，局长办公会议1次。', 2]);
    expect(edited.body.versions.filter((v: { key: string }) => v.key === 'organisation').map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const fin = await call(leader, 'POST', '/api/annual-report/2020/finalise');
    expect([fin.status, fin.body.status]).toEqual([200, 'finalised']);
    const again = await call(leader, 'POST', '/api/annual-report/2020/finalise');
    expect([again.status, again.body.error.code]).toEqual([409, 'ANNUAL_REPORT_FINALISED']);
    const late = await call(reviewer, 'PUT', '/api/annual-report/2020/paragraphs/organisation', { text: '改' });
    expect([late.status, late.body.error.code]).toEqual([409, 'ANNUAL_REPORT_FINALISED']);

    // A record added after finalising does not change the finalised figures.
    expect((await call(leader, 'POST', '/api/meetings', meeting('party_group', '2020-12-20'))).status).toBe(201);
    const frozen = await call(reviewer, 'GET', '/api/annual-report/2020');
    expect(figure(frozen.body, '4a')).toMatchObject({ value: 3, text: '3次' });
    expect(frozen.body.actions.edit).toMatchObject({ ok: false, code: 'ANNUAL_REPORT_FINALISED' });

    const report = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'annual_report'))).orderBy(asc(auditLog.seq));
    expect(report.map((a) => a.action)).toEqual(expect.arrayContaining(['annual_report.paragraph_edit', 'annual_report.finalise']));
    expect(report.filter((a) => a.action === 'annual_report.finalise')).toHaveLength(1);

    const doc = await call(reviewer, 'GET', '/api/annual-report/2020/document');
    expect(doc.status).toBe(200);
    const zip = await JSZip.loadAsync(doc.raw);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('烟台市生态环境局关于2020年度法治政府建设情况的报告');
    expect(xml).toContain('一、主要工作举措及成效');
    expect(xml).toContain('中共烟台市委全面依法治市委员会办公室：');
    expect(xml).toContain('二〇二一年一月六日');
  });

  it('two finalisations at once: one wins, the other is refused', async () => {
    const [a, b] = await Promise.all([call(leader, 'POST', '/api/annual-report/2017/finalise'), call(leader, 'POST', '/api/annual-report/2017/finalise')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
