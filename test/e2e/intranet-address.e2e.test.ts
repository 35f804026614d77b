// The web app over plain http on a non-localhost address (issue 10): no upgrade-insecure-requests, no
// HSTS, no Secure cookie unless ECOGOV_SECURE_COOKIES; an administrator signs in and opens 用户管理.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.js';
import type { Database } from '../../src/platform/db/index.js';
import { seedReferenceData } from '../../src/platform/db/reference-data.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { createTestDatabase } from '../helpers/db.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

describe.skipIf(!hasChromium)('plain http on 127.0.0.2', { timeout: 240_000 }, () => {
  let database: Database;
  let app: FastifyInstance;
  let browser: Browser;
  let web: { dir: string; remove(): void };
  let url: string;
  beforeAll(async () => {
    web = webSnapshot();
    database = await createTestDatabase();
    await seedReferenceData(database.db, new Date(), { rulesAsData: false });
    const created = await addUser(database.db, SYSTEM_ACTOR, {
      username: 'intranet-admin', displayName: '系统管理员', password: 'intranet-password', role: 'administrator', districtId: null,
      departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false,
    }, new Date());
    if (!created.ok) throw new Error(created.code);
    app = await buildApp({ database, webDist: web.dir });
    url = await app.listen({ port: 0, host: '127.0.0.2' });
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => { await browser?.close(); await app?.close(); await database?.close(); web?.remove(); });

  it('loads, signs in over http and shows the users page', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const { context, page, errors } = await newPage(browser);
    try {
      const first = await page.goto(url + '/login');
      expect(first!.headers()['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
      await login(page, url, 'intranet-admin', 'intranet-password');
      const cookie = (await context.cookies()).find((c) => c.name === 'ecogov_session');
      expect(cookie).toMatchObject({ domain: '127.0.0.2', secure: false, httpOnly: true });
      await page.goto(url + '/users');
      await expect(page.getByTestId('users-table').getByText('intranet-admin').waitFor()).resolves.toBeUndefined();
      expect(errors).toEqual([]);
    } finally { await context.close(); }
  });
});
