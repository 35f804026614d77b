// The shared list page and admin-table page (web/src/app/ListPage.tsx, web/src/monitoring/manage.tsx):
// a data logger changed in its modal form shows in the table after the save, and the audit log's
// filters live in the URL, with an empty state that says what to do and a reset that brings rows back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { listDistrictsWithTownships } from '../../src/organisation/index.js';
import { eq } from 'drizzle-orm';
import { insertEnterprise, outfalls } from '../../src/enterprises/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { enterpriseInput, loginHeaders, type TestContext } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

const zh = JSON.parse(readFileSync(new URL('../../web/src/i18n/zh-CN.json', import.meta.url), 'utf8')) as {
  monitoring: { manage: { edit: string; save: string } }; common: { reset: string }; emptyState: { audit: string };
};

/** antd puts a space between the two characters of a two-character Chinese button label. */
const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

describe.skipIf(!hasChromium)('list and admin-table pages', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let web: { dir: string; remove(): void };
  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    const { database, app } = server;
    const districts = await listDistrictsWithTownships(database.db);
    const ctx = { districtByCode: (code: string) => districts.find((d) => d.code === code)! } as TestContext;
    const enterpriseId = await database.db.transaction((tx) => insertEnterprise(tx, SYSTEM_ACTOR, enterpriseInput(ctx, { name: '烟台表格测试化工有限公司' }), new Date(), null));
    const [outfall] = await database.db.select({ id: outfalls.id }).from(outfalls).where(eq(outfalls.enterpriseId, enterpriseId));
    const headers = await loginHeaders(app, server.adminUsername, server.adminPassword);
    const device = await app.inject({ method: 'POST', url: '/api/monitoring/devices', headers, payload: { mn: 'H4TABLE0001', password: 'logger-pw', kind: 'emission', enterpriseId, outfallId: outfall!.id, intervalS: 60 } });
    if (device.statusCode >= 300) throw new Error(`device: ${device.statusCode} ${device.body}`);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => { await browser?.close(); await server?.close(); web?.remove(); });

  it('changes a data logger in its modal and shows the change; filters, empties and resets the audit log', async () => {
    const { context, page, errors } = await newPage(browser);
    try {
      await login(page, server.url, server.adminUsername, server.adminPassword);
      await page.goto(server.url + '/monitoring/devices');
      const row = page.getByTestId('device-table').locator('tr', { hasText: 'H4TABLE0001' });
      await row.getByRole('button', { name: label(zh.monitoring.manage.edit) }).click();
      const form = page.getByTestId('device-form');
      await form.locator('#intervalS').fill('120');
      await page.getByRole('button', { name: label(zh.monitoring.manage.save) }).click();
      await row.getByRole('cell', { name: '120', exact: true }).waitFor();

      await page.goto(server.url + '/audit?entity=no-such-entity');
      await page.getByTestId('audit-table').getByTestId('empty-state').getByText(zh.emptyState.audit).waitFor();
      await page.getByRole('button', { name: label(zh.common.reset) }).click();
      await page.waitForURL((u) => u.search === '');
      await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
      expect(errors).toEqual([]);
    } finally { await context.close(); }
  });
});
