// Browser test of the air- and water-quality pages on demo data: rankings, the station map drawn without
// tiles, the AQI calendar, publication, and the water double index. Skipped without /usr/bin/chromium.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuilt, hasChromium, launchBrowser, login, newPage } from '../../test/e2e/browser.js';
import { createTestDatabase } from '../../test/helpers/db.js';
import { buildApp } from '../platform/http/app.js';
import { seedOrganisation } from '../organisation/seed.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { seedAirAndWaterDemo } from '../demo/air-and-water.js';

describe.skipIf(!hasChromium)('air and water quality pages in the browser', () => {
  let close: () => Promise<void>;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const requests: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    const database = await createTestDatabase();
    const now = new Date('2021-06-01T02:00:00Z');
    await seedOrganisation(database.db, now);
    await addUser(database.db, SYSTEM_ACTOR, { username: 'admin', displayName: '管理员', password: 'e2e-admin-password', role: 'administrator', districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false }, now);
    await seedAirAndWaterDemo(database.db, now, undefined, { stations: 30, days: 40, endOn: '2021-05-31' });
    const app = await buildApp({ database, webDist: resolve('web/dist') });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => { await app.close(); await database.close(); };
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    page.on('request', (r) => requests.push(r.url()));
    await login(page, url, 'admin', 'e2e-admin-password');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('shows the daily district ranking of the latest day and publishes it', async () => {
    await page.getByTestId('menu-air-quality').click();
    await page.waitForURL('**/air-quality/daily');
    await page.getByTestId('daily-ranking').locator('tbody tr').nth(12).waitFor();
    expect(await page.getByTestId('aqi-tag').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.ant-card-head-title').first().textContent()).toContain('2021年5月31日各区市环境空气质量排名');
    await page.getByTestId('publish').click();
    // The publication's request is what the page waits on: its answer (and the time it took) is the report.
    // A confirm click lost in the dialog's opening animation sends nothing: click again while it stays open.
    const started = Date.now();
    const published = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/publish'), { timeout: 120_000 });
    const confirm = page.locator('.ant-modal-confirm-btns .ant-btn-primary');
    for (let attempt = 0; attempt < 3; attempt++) {
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/publish'), { timeout: 10_000 }).then(() => true, () => false);
      await confirm.click({ timeout: 10_000 }).catch(() => undefined);
      if ((await sent) || !(await confirm.count())) break;
    }
    const answer = await published;
    console.log(`[publish] ${answer.status()} after ${Date.now() - started} ms`);
    expect(answer.status(), await answer.text()).toBeLessThan(300);
    await page.getByTestId('publications').waitFor();
    // Any interview/restriction the default rules raised is shown in a dialog: acknowledge it.
    const ok = page.locator('.ant-modal-confirm-btns .ant-btn-primary');
    if (await ok.count()) await ok.first().click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
  });

  it('ranks townships for the month', async () => {
    await page.getByTestId('air-nav').getByText('乡镇月排名').click();
    await page.getByTestId('monthly-ranking').locator('tbody tr').nth(5).waitFor();
  });

  it('draws the station map without fetching tiles', async () => {
    await page.getByTestId('air-nav').getByText('站点地图').click();
    await page.getByTestId('station-map').waitFor();
    await expect.poll(() => page.locator('[data-testid="station-map"] canvas, [data-testid="station-map"] path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(requests.some((r) => r.includes('tile.openstreetmap.org'))).toBe(false);
  });

  it('renders the AQI calendar and the pollutant trends', async () => {
    await page.getByTestId('air-nav').getByText('日历与趋势').click();
    await page.getByTestId('aqi-calendar').locator('canvas').waitFor();
    await page.getByTestId('pollutant-trends').locator('canvas').waitFor();
  });

  it('shows the water double index and the section map', async () => {
    await page.goto(`${url}/water-quality?period=2021`);
    await page.getByTestId('double-index').locator('tbody tr').nth(5).waitFor();
    await page.getByRole('tab', { name: '点位地图' }).click();
    await page.getByTestId('section-map').waitFor();
    expect(errors).toEqual([]);
  });
});
