// Bad input and deployment defaults (issue 10): NUL bytes, CSP over plain http, HOST, evidence directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/helpers/app.js';
import { createTestDatabase, ENGINE } from '../../../test/helpers/db.js';
import { buildApp } from './app.js';
import { startServer } from './server.js';
import { readConfig } from '../config.js';

describe(`NUL bytes in any string are a 400 naming the field (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => { ctx = await createTestContext(); admin = await ctx.loginAs('administrator'); });
  afterAll(async () => ctx.close());

  it.each([
    ['login', { method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: TEST_PASSWORD } }, 'username', false],
    ['search', { method: 'GET', url: '/api/enterprises?q=%E5%8C%96%00' }, 'q', true],
    ['body', { method: 'POST', url: '/api/enterprises', payload: { name: '烟台\u0000化工', outfalls: [{ code: 'DW\u0000' }] } }, 'name', true],
    ['nested', { method: 'POST', url: '/api/users', payload: { username: 'nul-user', displayName: '张三', password: 'pass\u0000word-long', role: 'administrator' } }, 'password', true],
  ] as const)('%s', async (_name, request, field, signedIn) => {
    const res = await ctx.app.inject({ ...request, headers: signedIn ? admin : {} } as never);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'NUL_CHARACTER', field });
  });
});

describe('CSP and HSTS follow ECOGOV_SECURE_COOKIES: the app loads over plain http on an intranet address', () => {
  it.each([[false], [true]])('secure cookies %s', async (secureCookies) => {
    const database = await createTestDatabase();
    const app = await buildApp({ database, secureCookies });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(String(res.headers['content-security-policy']).includes('upgrade-insecure-requests')).toBe(secureCookies);
      expect('strict-transport-security' in res.headers).toBe(secureCookies);
    } finally { await app.close(); await database.close(); }
  });
});

describe('deployment configuration', () => {
  it('HOST defaults to 127.0.0.1; ECOGOV_SECURE_COOKIES; evidence, audit key and demo login live in the data directory', () => {
    const c = readConfig({ ECOGOV_DATA_DIR: '/srv/x/pglite' });
    expect(c).toMatchObject({ host: '127.0.0.1', secureCookies: false, dataDir: '/srv/x/pglite', evidenceDir: '/srv/x/pglite/evidence',
      auditKeyFile: '/srv/x/pglite/audit-checkpoint.key', evidenceMaxBytes: 200 * 1024 ** 2 });
    expect(readConfig({ HOST: '0.0.0.0', ECOGOV_SECURE_COOKIES: '1', ECOGOV_EVIDENCE_DIR: '/mnt/evidence' }))
      .toMatchObject({ host: '0.0.0.0', secureCookies: true, evidenceDir: '/mnt/evidence' });
  });

  describe('startServer', () => {
    let dir: string;
    beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ecogov-serve-')); });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['127.0.0.1', '0.0.0.0'])('listens on HOST=%s, removes interrupted uploads, creates the audit key with mode 0600', async (host) => {
      const config = readConfig({ HOST: host, PORT: '0', ECOGOV_DATA_DIR: join(dir, host), ECOGOV_WEB_DIST: join(dir, 'none') });
      mkdirSync(join(config.evidenceDir, 'tmp'), { recursive: true });
      const part = join(config.evidenceDir, 'tmp', 'interrupted.part');
      writeFileSync(part, 'half a video');
      const database = await createTestDatabase();
      const server = await startServer(config, { logger: false, database });
      try {
        expect((server.app.server.address() as { address: string }).address).toBe(host);
        expect(existsSync(part)).toBe(false);
        expect(statSync(config.auditKeyFile).mode & 0o777).toBe(0o600);
      } finally { await server.close(); await database.close(); }
    });
  });
});
