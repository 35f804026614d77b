// 三线一单 in the browser: licensing staff find no units (the empty state), import a GeoJSON file that the server
// refuses feature by feature, then a valid one; the units appear on the map, and a site check for a chemical plant
// in the water-source unit is prohibited, with the reasons. Needs a system Chromium at /usr/bin/chromium; without
// one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';

const PASSWORD = 'e2e-zoning-password';
const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const units = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'ZH37061110001', name: '门楼水库水源保护单元', kind: '优先保护', prohibited: ['C26'] }, geometry: square(121.2, 37.37, 121.29, 37.44) },
    { type: 'Feature', properties: { code: 'ZH37061120001', name: '开发区工业单元', kind: '重点管控', restricted: ['C26'], restrictionConditions: '须进入化工园区' }, geometry: square(121.2, 37.52, 121.28, 37.57) },
  ],
};

describe.skipIf(!hasChromium)('三线一单: import units and check a site', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    const created = await addUser(server.database.db, SYSTEM_ACTOR, {
      username: 'zoningStaff', displayName: '审批科王', password: PASSWORD, role: 'licensing_staff', districtId: null, departmentId: null,
      enterpriseId: null, credentialNo: null, holdsLegalQualification: false,
    }, new Date());
    if (!created.ok) throw new Error(created.code);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('licensing staff import units and a prohibited site is shown with its reasons', async () => {
    const { page, errors } = await newPage(browser);
    await login(page, server.url, 'zoningStaff', PASSWORD);
    await page.getByTestId('menu-zoning').click();
    await page.getByTestId('zoning-page').getByTestId('empty-state').waitFor();
    await page.getByTestId('zoning-import').first().click();

    const bad = { ...units, features: [...units.features, { type: 'Feature', properties: { code: 'ZH37061110001', name: '重复', kind: '一般管控' }, geometry: square(121.3, 37.3, 121.4, 37.4) }] };
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'bad.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByTestId('zoning-import-label').fill('烟台市环境管控单元（测试）');
    const refused = await clickUntilRequest(page, page.getByTestId('zoning-import-submit'), (url) => url.endsWith('/api/zoning/import'));
    expect(refused.status()).toBe(422);
    await page.getByTestId('zoning-import-problem').filter({ hasText: '环境管控单元编码重复' }).waitFor();

    await page.locator('.ant-modal .ant-upload-list-item button').first().click(); // removes the refused file
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'units.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(units)) });
    const imported = await clickUntilRequest(page, page.getByTestId('zoning-import-submit'), (url) => url.endsWith('/api/zoning/import'));
    expect(imported.status()).toBe(201);
    await page.getByTestId('zoning-version').filter({ hasText: '烟台市环境管控单元（测试）' }).waitFor();
    await expect.poll(() => page.locator('path.zoning-unit').count(), { timeout: 20_000 }).toBe(2);

    await page.getByTestId('zoning-lon').fill('121.25');
    await page.getByTestId('zoning-lat').fill('37.4');
    await page.getByTestId('zoning-industry').fill('C2614');
    await page.getByTestId('zoning-check').click();
    await page.locator('[data-testid="zoning-verdict"][data-verdict="prohibited"]').waitFor();
    await page.getByTestId('zoning-reasons').filter({ hasText: '门楼水库水源保护单元（ZH37061110001）禁止准入行业 C26' }).waitFor();
    await expect.poll(() => page.locator('path.zoning-unit-touched').count(), { timeout: 20_000 }).toBe(1);
    expect(errors).toEqual([]);
  });
});
