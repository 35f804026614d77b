import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { users } from '../users/index.js';
import { meetingYearFigures } from './index.js';

type Headers = Record<string, string>;

describe(`meetings and law study before business through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  const nowAt = new Date('2026-12-01T10:00:00+08:00');
  let leader: Headers;
  let leaderId: number;
  const call = async (headers: Headers | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json() };
  };
  const meeting = (over: object = {}) => ({
    kind: 'party_group', title: '2026年第10次党组会议', heldOn: '2026-11-20', attendeeUserIds: [leaderId], attendeeNames: ['列席：法规科科长'],
    agenda: [{ kind: 'major_decision', ref: 'JC-2026-01', title: '扬尘治理重大决策' }, { kind: 'case', ref: '7', title: '某公司案' }],
    lawStudy: { topic: '行政复议法（2023年修订）', materials: '行政复议法全文', speaker: '局长' }, ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    leader = await ctx.loginAs('bureau_leader', { username: 'meeting-leader' });
    leaderId = (await ctx.database.db.select().from(users).where(eq(users.username, 'meeting-leader')))[0]!.id;
  }, 120_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 200, 201], ['bureau_leader', 200, 201], ['legal_reviewer', 200, 201], ['enforcement_officer', 200, 403],
    ['committee_member', 200, 403], ['district_staff', 200, 403], ['licensing_staff', 200, 403], ['public', 401, 401],
  ] as const)('role matrix: %s reads %i, records %i', async (who, read, write) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : {});
    expect((await call(headers, 'GET', '/api/meetings')).status).toBe(read);
    expect((await call(headers, 'GET', '/api/meetings/year-figures?year=2026')).status).toBe(read);
    expect((await call(headers, 'POST', '/api/meetings', meeting({ attendeeUserIds: [], kind: 'other', heldOn: '2025-06-01' }))).status).toBe(write);
  });

  it('records meetings with attendees, linked agenda and law study; refusals name the field; audited; counted', async () => {
    const m = await call(leader, 'POST', '/api/meetings', meeting());
    expect(m.status).toBe(201);
    expect(m.body.agenda[1]).toMatchObject({ kind: 'case', ref: '7', link: '/cases/7' });
    const detail = await call(leader, 'GET', `/api/meetings/${m.body.id}`);
    expect(detail.body.attendeeUsers).toEqual([{ id: leaderId, displayName: 'meeting-leader' }]);
    const audit = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'governance_meeting'), eq(auditLog.entityId, String(m.body.id)))).orderBy(asc(auditLog.seq));
    expect(audit.map((a) => a.action)).toEqual(['meeting.record']);

    const future = await call(leader, 'POST', '/api/meetings', meeting({ heldOn: '2026-12-02' }));
    expect([future.status, future.body.error.code, future.body.error.field]).toEqual([422, 'DATE_IN_FUTURE', 'heldOn']);
    const noStudy = await call(leader, 'POST', '/api/meetings', meeting({ kind: 'leadership_study', lawStudy: null }));
    expect(noStudy.body.error).toMatchObject({ code: 'MEETING_STUDY_TOPIC_REQUIRED', field: 'lawStudy' });
    const badCase = await call(leader, 'POST', '/api/meetings', meeting({ agenda: [{ kind: 'case', ref: '某案', title: 'x' }] }));
    expect(badCase.body.error).toMatchObject({ code: 'MEETING_AGENDA_CASE_ID', field: 'agenda.0.ref' });
    const ghost = await call(leader, 'POST', '/api/meetings', meeting({ attendeeUserIds: [999_999] }));
    expect(ghost.body.error).toMatchObject({ code: 'MEETING_ATTENDEE_UNKNOWN', field: 'attendeeUserIds' });
    expect((await call(leader, 'POST', '/api/meetings', meeting({ kind: 'board' }))).status).toBe(400);

    expect((await call(leader, 'POST', '/api/meetings', meeting({ kind: 'director', lawStudy: null }))).status).toBe(201);
    expect((await call(leader, 'POST', '/api/meetings', meeting({ kind: 'leadership_study', heldOn: '2026-02-10', agenda: [] }))).status).toBe(201);
    const fig = await call(leader, 'GET', '/api/meetings/year-figures?year=2026');
    expect(fig.body.byKind).toMatchObject({ party_group: { held: 1, withLawStudy: 1 }, director: { held: 1, withLawStudy: 0 }, leadership_study: { held: 1, withLawStudy: 1 } });
    expect(fig.body.studyQuarters.map((q: { missing: boolean }) => q.missing)).toEqual([false, true, true, false]);
    expect((await meetingYearFigures(ctx.database.db, 2026, nowAt)).byKind.party_group.held).toBe(1);
    expect((await call(leader, 'GET', '/api/meetings?year=2026')).body.items).toHaveLength(3);
    expect((await call(leader, 'GET', '/api/meetings/999999')).status).toBe(404);
  });
});
