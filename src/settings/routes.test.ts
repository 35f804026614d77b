import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { fileCase, makeBureau, type Bureau } from '../../test/helpers/cases.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { DEFAULT_SETTINGS } from './rules.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);

describe(`bureau settings through the API: administrators only, validated, audited old → new (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  const get = async (headers: Record<string, string>, url = '/api/settings') => {
    const res = await ctx.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() };
  };
  const put = async (headers: Record<string, string>, payload: object) => {
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/settings', headers, payload });
    return { status: res.statusCode, body: res.json() };
  };
  const editable = (body: { value: Record<string, unknown> }) => { const { demoValues: _d, ...v } = body.value; return structuredClone(v) as unknown as typeof DEFAULT_SETTINGS; };

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at('2021-07-19') });
    b = await makeBureau(ctx);
  });
  afterAll(async () => ctx.close());

  it('the reference seed stored the defaults, with the particulars nobody confirmed marked as demo values', async () => {
    const res = await get(b.admin.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, value: { bureau: { name: '烟台市生态环境局' }, hearingThresholds: { organisationFen: 5_000_000, individualFen: 500_000 }, fineCeilingFen: 100_000_000_000 } });
    expect(res.body.value.demoValues).toContain('payment.accountNumber');
  });

  it.each(['public', 'bureau_leader', 'enforcement_officer', 'legal_reviewer', 'district_staff', 'enterprise_user'] as const)('%s may neither read nor change them', async (who) => {
    const headers = who === 'public' ? {} : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : who === 'enterprise_user' ? { enterpriseId: b.enterpriseId } : {});
    const expected = who === 'public' ? 401 : 403;
    expect((await get(headers)).status).toBe(expected);
    expect((await put(headers, { value: DEFAULT_SETTINGS, version: 1, reason: 'x' })).status).toBe(expected);
    expect((await get(headers, '/api/settings/history')).status).toBe(expected);
  });

  it('400 names the malformed field; 422 a rule across fields; 409 a stale version or no change', async () => {
    const current = await get(b.admin.headers);
    const value = editable(current.body);
    const badPostcode = await put(b.admin.headers, { value: { ...value, bureau: { ...value.bureau, postcode: '2640' } }, version: 1, reason: '更正' });
    expect(badPostcode.status).toBe(400);
    expect(badPostcode.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'value.bureau.postcode' });
    const negative = await put(b.admin.headers, { value: { ...value, fineCeilingFen: 1.5 }, version: 1, reason: '更正' });
    expect(negative.body.error.field).toBe('value.fineCeilingFen');
    const noReason = await put(b.admin.headers, { value, version: 1 });
    expect(noReason.body.error.field).toBe('reason');
    const duplicate = await put(b.admin.headers, { value: { ...value, documentPrefixes: { ...value.documentPrefixes, 'closure-approval': '烟环罚' } }, version: 1, reason: '更正' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error).toMatchObject({ code: 'SETTINGS_PREFIX_DUPLICATE', field: 'documentPrefixes.closure-approval' });
    const tooHigh = await put(b.admin.headers, { value: { ...value, hearingThresholds: { ...value.hearingThresholds, organisationFen: 10_000_000 } }, version: 1, reason: '更正' });
    expect(tooHigh.body.error).toMatchObject({ code: 'HEARING_THRESHOLD_ABOVE_STATUTE', citation: { law: '环境行政处罚听证程序规定', article: '第五条' } });
    expect((await put(b.admin.headers, { value, version: 1, reason: '无变化' })).body.error.code).toBe('SETTINGS_UNCHANGED');
    expect((await put(b.admin.headers, { value, version: 0, reason: '旧版本' })).status).toBe(409);
    expect((await get(b.admin.headers)).body.version).toBe(1);
  });

  it('a change is stored, audited with old → new, who and why, and listed in the history', async () => {
    const value = editable((await get(b.admin.headers)).body);
    value.bureau.address = '山东省烟台市莱山区';
    value.documentPrefixes['filing-approval'] = '烟环立字';
    value.hearingThresholds.organisationFen = 3_000_000;
    const res = await put(b.admin.headers, { value, version: 1, reason: '按省厅规定调整听证标准，并更正地址' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, value: { bureau: { address: '山东省烟台市莱山区' }, hearingThresholds: { organisationFen: 3_000_000 } } });
    expect(res.body.value.demoValues).not.toContain('bureau.address');
    const [row] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.update'));
    expect(row).toMatchObject({
      entity: 'bureau_settings', actorId: b.admin.id, reason: '按省厅规定调整听证标准，并更正地址',
      before: { 'bureau.address': '山东省烟台市', 'documentPrefixes.filing-approval': '烟环立', 'hearingThresholds.organisationFen': 5_000_000 },
      after: { 'bureau.address': '山东省烟台市莱山区', 'documentPrefixes.filing-approval': '烟环立字', 'hearingThresholds.organisationFen': 3_000_000 },
    });
    const history = await get(b.admin.headers, '/api/settings/history');
    expect(history.body.items[0]).toMatchObject({ reason: '按省厅规定调整听证标准，并更正地址', changes: expect.arrayContaining([{ field: 'bureau.address', from: '山东省烟台市', to: '山东省烟台市莱山区' }]) });
    // 环境行政处罚听证程序规定 第五条: the reviewers' list of open cases compares with the figure before the change.
    const review = await get(b.leader.headers, '/api/cases/threshold-review');
    expect(review.body).toMatchObject({ current: { organisationFen: 3_000_000 }, other: { organisationFen: 5_000_000, individualFen: 500_000 }, source: 'settings-change' });
  });

  it('the case procedure reads them: the filing number takes the new prefix; the reviewer ratio the new target', async () => {
    const caseId = await fileCase(ctx, b, '2021-07-19');
    const c = await get(b.officerA.headers, `/api/cases/${caseId}`);
    expect(c.body.number).toMatch(/^烟环立字〔2021〕\d+号$/);
    const current = await get(b.admin.headers);
    const value = editable(current.body);
    value.reviewerRatioTargetPercent = 10;
    expect((await put(b.admin.headers, { value, version: current.body.version, reason: '提高法制审核人员配备目标' })).status).toBe(200);
    expect((await get(b.leader.headers, '/api/cases/reviewer-ratio')).body.minimum).toBeCloseTo(0.1);
  });

  it('行政处罚法 第五十七条第二款: the committee chair is a leader or committee member; the chair and rooms pre-fill new meetings and hearings', async () => {
    const current = await get(b.admin.headers);
    const value = editable(current.body);
    expect(value.committee).toEqual({ chairUserId: null, meetingRoom: '', hearingRoom: '' });
    const officerChair = await put(b.admin.headers, { value: { ...value, committee: { chairUserId: b.officerA.id, meetingRoom: '', hearingRoom: '' } }, version: current.body.version, reason: '设主持人' });
    expect(officerChair.status).toBe(422);
    expect(officerChair.body.error).toMatchObject({ code: 'SETTINGS_CHAIR_NOT_HEAD', field: 'committee.chairUserId', citation: { law: '行政处罚法', article: '第五十七条', paragraph: '第二款' } });
    const unknown = await put(b.admin.headers, { value: { ...value, committee: { chairUserId: 999_999, meetingRoom: '', hearingRoom: '' } }, version: current.body.version, reason: '设主持人' });
    expect(unknown.body.error.code).toBe('SETTINGS_CHAIR_NOT_HEAD');
    const committee = { chairUserId: b.members[0]!.id, meetingRoom: '局三楼会议室', hearingRoom: '局听证室' };
    const saved = await put(b.admin.headers, { value: { ...value, committee }, version: current.body.version, reason: '案审委员会主持人与会议、听证地点' });
    expect(saved.status).toBe(200);
    const history = await get(b.admin.headers, '/api/settings/history');
    expect(history.body.items[0].changes).toEqual(expect.arrayContaining([{ field: 'committee.chairUserId', from: null, to: committee.chairUserId }, { field: 'committee.hearingRoom', from: '', to: '局听证室' }]));
    // A client that does not send the committee keeps it.
    const { committee: _c, ...withoutCommittee } = value;
    const other = await put(b.admin.headers, { value: { ...withoutCommittee, penaltyPublicationWorkingDays: value.penaltyPublicationWorkingDays + 1 }, version: saved.body.version, reason: '公示期限' });
    expect(other.status).toBe(200);
    expect(other.body.value.committee).toEqual(committee);
    // Everyone working on cases reads what new meetings and hearings start from; the public does not.
    const defaults = await get(b.officerA.headers, '/api/cases/procedure-defaults');
    expect(defaults).toEqual({ status: 200, body: { committeeChairId: committee.chairUserId, meetingRoom: '局三楼会议室', hearingRoom: '局听证室' } });
    expect((await get({}, '/api/cases/procedure-defaults')).status).toBe(401);
  });
});
