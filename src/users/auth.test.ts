import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { isLocked, LOCKOUT_MINUTES, lockoutMinutes, MAX_FAILED_LOGINS, MAX_LOCKOUT_MINUTES } from '../platform/auth/lockout.js';
import { hashPassword, verifyPassword } from '../platform/auth/password.js';
import { checkRoleAssignment } from '../platform/auth/roles.js';

describe('passwords and lockout rules', () => {
  it('scrypt hashes verify only the right password and never repeat', async () => {
    const a = await hashPassword('s3cret-password');
    const b = await hashPassword('s3cret-password');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('s3cret-password', a)).toBe(true);
    expect(await verifyPassword('s3cret-passwore', a)).toBe(false);
  });
  it(`locks for ${LOCKOUT_MINUTES} minutes, doubling with each further lock up to a day`, () => {
    const now = new Date('2021-07-15T09:00:00+08:00');
    const lockedUntil = new Date(now.getTime() + lockoutMinutes(0) * 60_000);
    expect(isLocked(lockedUntil, new Date(lockedUntil.getTime() - 1))).toBe(true);
    expect(isLocked(lockedUntil, lockedUntil)).toBe(false);
    expect([0, 1, 2, 3].map(lockoutMinutes)).toEqual([15, 30, 60, 120]);
    expect(lockoutMinutes(50)).toBe(MAX_LOCKOUT_MINUTES);
  });
  it('行政处罚法 第四十二条: an enforcement officer needs a credential number', () => {
    expect(checkRoleAssignment({ role: 'enforcement_officer', districtId: null, enterpriseId: null, credentialNo: null }))
      .toEqual({ ok: false, code: 'CREDENTIAL_REQUIRED', field: 'credentialNo' });
    expect(checkRoleAssignment({ role: 'enforcement_officer', districtId: null, enterpriseId: null, credentialNo: '37060019001' })).toEqual({ ok: true });
    expect(checkRoleAssignment({ role: 'district_staff', districtId: null, enterpriseId: null, credentialNo: null }).ok).toBe(false);
    expect(checkRoleAssignment({ role: 'enterprise_user', districtId: null, enterpriseId: null, credentialNo: null }).ok).toBe(false);
  });
});

describe(`sign-in, sessions, CSRF and headers (${ENGINE})`, () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await createTestContext(); });
  afterAll(async () => ctx.close());

  it('logs in with an HTTP-only session cookie and reports the user, permissions and CSRF token', async () => {
    await ctx.loginAs('district_staff', { districtCode: '370602', username: 'zhifu-a' });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhifu-a', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ecogov_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json().user).toMatchObject({ username: 'zhifu-a', role: 'district_staff', districtName: '芝罘区' });
    expect(res.json().user.permissions).toContain('enterprise.import');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ecogov_session=${cookie.value}` } });
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('refuses a wrong password, then locks the account after repeated failures', async () => {
    await ctx.loginAs('legal_reviewer', { username: 'reviewer-x' });
    const attempt = (password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reviewer-x', password } });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const res = await attempt('wrong');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('LOGIN_FAILED');
    }
    expect((await attempt('wrong')).statusCode).toBe(423);
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('LOGIN_FAILED');
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const h = await ctx.loginAs('administrator');
    const { 'x-csrf-token': _token, ...cookieOnly } = h;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/enterprises', headers: cookieOnly, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...cookieOnly, 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('logout ends the session', async () => {
    const h = await ctx.loginAs('bureau_leader');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: h })).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: h })).statusCode).toBe(401);
  });

  it('sends helmet security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('unknown API routes are a JSON 404 and malformed JSON a 400, never a stack trace', async () => {
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/node_modules|\.ts:\d+/);
  });

  it('only administrators manage users; a new officer needs a credential number', async () => {
    const admin = await ctx.loginAs('administrator');
    const leader = await ctx.loginAs('bureau_leader');
    const body = { username: 'new-officer', displayName: '新执法人员', password: 'long-enough-password', role: 'enforcement_officer' };
    expect((await ctx.app.inject({ method: 'POST', url: '/api/users', headers: leader, payload: body })).statusCode).toBe(403);
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: body });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'CREDENTIAL_REQUIRED', field: 'credentialNo' });
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { ...body, credentialNo: '37060019099' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).not.toHaveProperty('passwordHash');
  });
});

describe(`login rate limit (${ENGINE})`, () => {
  it('answers 429 past the per-client limit', async () => {
    const ctx = await createTestContext({ loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await ctx.close();
    }
  });
});
