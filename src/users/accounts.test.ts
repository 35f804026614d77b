// Attacks on sign-in and sessions, re-run as a hostile user would (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, loginHeaders, TEST_PASSWORD, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { MAX_FAILED_LOGINS } from '../platform/auth/lockout.js';
import { auditLog } from '../platform/audit/tables.js';
import { syncChangeFeed } from '../platform/db/change-feed.js';

describe(`sign-in lockout per account and source, account administration (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.loginAs('administrator', { username: 'acct-admin' });
  });
  afterAll(async () => ctx.close());

  const attempt = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  const userId = async (username: string) => ((await ctx.app.inject({ method: 'GET', url: '/api/users', headers: admin })).json().items as { id: number; username: string }[])
    .find((u) => u.username === username)!.id;

  it('9 parallel wrong passwords lock the account (the count is atomic in the database)', async () => {
    await ctx.loginAs('legal_reviewer', { username: 'parallel-target' });
    const results = await Promise.all(Array.from({ length: 9 }, () => attempt('parallel-target', 'wrong-password', '10.1.1.1')));
    expect(results.map((r) => r.statusCode).sort()).toContain(423);
    const right = await attempt('parallel-target', TEST_PASSWORD, '10.1.1.1');
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('anonymous failures from one source do not lock the administrator out from another', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt('acct-admin', 'guess', '203.0.113.9');
    expect((await attempt('acct-admin', TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(423);
    expect((await attempt('acct-admin', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
  });

  it('a locked account and an unknown account answer the same, status and body', async () => {
    await ctx.loginAs('bureau_leader', { username: 'known-leader' });
    for (const name of ['known-leader', 'no-such-user-z']) {
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt(name, 'guess', '198.51.100.7');
    }
    const known = await attempt('known-leader', 'guess', '198.51.100.7');
    const unknown = await attempt('no-such-user-z', 'guess', '198.51.100.7');
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.body).toBe(unknown.body);
    // Before any lock, too.
    const a = await attempt('known-leader', 'guess', '198.51.100.8');
    const b = await attempt('no-such-user-z', 'guess', '198.51.100.8');
    expect([a.statusCode, a.body]).toEqual([b.statusCode, b.body]);
  });

  it('each further lock of the same source lasts longer (back-off)', async () => {
    await ctx.loginAs('committee_member', { username: 'backoff-user' });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt('backoff-user', 'guess', '192.0.2.1');
    const first = await ctx.database.db.execute(sql`select locked_until from login_failures where username = 'backoff-user'`) as unknown as { rows: { locked_until: Date }[] };
    // The lock runs out (moved into the past), the source keeps guessing.
    await ctx.database.db.execute(sql`update login_failures set locked_until = now() - interval '1 second' where username = 'backoff-user'`);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt('backoff-user', 'guess', '192.0.2.1');
    const second = await ctx.database.db.execute(sql`select locked_until, lock_count from login_failures where username = 'backoff-user'`) as unknown as { rows: { locked_until: Date; lock_count: number }[] };
    expect(second.rows[0]!.lock_count).toBe(2);
    const minutes = (d: Date) => (new Date(d).getTime() - Date.now()) / 60_000;
    expect(minutes(second.rows[0]!.locked_until)).toBeGreaterThan(minutes(first.rows[0]!.locked_until) + 10);
  });

  it('an administrator unlocks, disables (ending sessions at once), re-enables and resets a password — audited', async () => {
    const h = await ctx.loginAs('enforcement_officer', { username: 'managed-officer' });
    const id = await userId('managed-officer');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt('managed-officer', 'guess');
    expect((await attempt('managed-officer', TEST_PASSWORD)).statusCode).toBe(423);
    const post = (path: string, payload: object, headers = admin) => ctx.app.inject({ method: 'POST', url: `/api/users/${id}/${path}`, headers, payload });
    expect((await post('unlock', {}, h)).statusCode).toBe(403);
    expect((await post('unlock', { reason: '本人来电确认' })).json()).toMatchObject({ id, cleared: 1 });
    const again = await loginHeaders(ctx.app, 'managed-officer', TEST_PASSWORD);

    expect((await post('disable', { reason: null })).json().error).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expect((await post('disable', { reason: '离职' })).json()).toMatchObject({ active: false, endedSessions: 2 });
    for (const headers of [h, again]) expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    expect((await attempt('managed-officer', TEST_PASSWORD)).json().error.code).toBe('ACCOUNT_DISABLED');
    expect((await post('enable', { reason: '返岗' })).statusCode).toBe(200);

    const reset = await post('reset-password', { reason: '遗忘密码' });
    expect(reset.statusCode).toBe(200);
    const generated = reset.json().password as string;
    expect(generated.length).toBeGreaterThanOrEqual(10);
    expect((await attempt('managed-officer', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await attempt('managed-officer', generated)).statusCode).toBe(200);

    const actions = (await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.locked', 'user.unlock', 'user.disable', 'user.enable', 'user.reset_password']));
    expect(JSON.stringify(await ctx.database.db.select().from(auditLog))).not.toContain(generated);
  });

  it('an administrator cannot disable themselves', async () => {
    const id = await userId('acct-admin');
    const res = await ctx.app.inject({ method: 'POST', url: `/api/users/${id}/disable`, headers: admin, payload: { reason: 'x' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CANNOT_DISABLE_SELF');
  });

  it('a session idle longer than the limit is over', async () => {
    const h = await ctx.loginAs('bureau_leader', { username: 'idle-leader' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: h })).statusCode).toBe(200);
    await ctx.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'
      where user_id = (select id from users where username = 'idle-leader')`);
    // A write from outside the app reaches its session cache through NOTIFY: wait for it, as the app's own writes do.
    await syncChangeFeed(ctx.database.db);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: h })).statusCode).toBe(401);
  });

  it('an unknown district, department or enterprise for a new user is a 422 naming the field', async () => {
    const base = { username: 'dangling-1', displayName: '悬空', password: 'long-enough-password', role: 'district_staff' };
    for (const [field, extra] of [['districtId', { districtId: 999999 }], ['departmentId', { districtId: ctx.districtByCode('370602').id, departmentId: 999999 }],
      ['enterpriseId', { role: 'enterprise_user', enterpriseId: 999999 }]] as const) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { ...base, ...extra } });
      expect(res.statusCode, field).toBe(422);
      expect(res.json().error.field).toBe(field);
    }
  });

  it('行政处罚法 第五十八条第二款: the legal-review start date is set on creation and changed later, audited; only for legal reviewers', async () => {
    const created = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: {
      username: 'reviewer-start', displayName: '审核甲', password: 'long-enough-password', role: 'legal_reviewer', legalReviewStartedOn: '2019-03-01',
    } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().legalReviewStartedOn).toBe('2019-03-01');
    const id = created.json().id as number;
    const set = (who: number, payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: `/api/users/${who}/legal-review-start`, headers: admin, payload });
    const changed = await set(id, { legalReviewStartedOn: '2021-08-02', reason: '核对人事档案' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ id, legalReviewStartedOn: '2021-08-02' });
    const listed = (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: admin })).json().items.find((u: { id: number }) => u.id === id);
    expect(listed.legalReviewStartedOn).toBe('2021-08-02');
    const [row] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.legal_review_start'));
    expect(row).toMatchObject({ entityId: String(id), before: { legalReviewStartedOn: '2019-03-01' }, after: { legalReviewStartedOn: '2021-08-02' }, reason: '核对人事档案' });
    const future = await set(id, { legalReviewStartedOn: '2999-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'legalReviewStartedOn' });
    await ctx.loginAs('enforcement_officer', { username: 'not-a-reviewer' });
    const officer = await set(await userId('not-a-reviewer'), { legalReviewStartedOn: '2020-01-01' });
    expect(officer.statusCode).toBe(422);
    expect(officer.json().error).toMatchObject({ code: 'USER_NOT_LEGAL_REVIEWER', citation: { article: '第五十八条', paragraph: '第二款' } });
    const bad = await set(id, { legalReviewStartedOn: '2021/08/02' });
    expect(bad.statusCode).toBe(400);
  });
});
