// 排污许可 in the browser: the administrator (who holds the licensing permissions) applies on an enterprise's
// behalf, accepts the application, the decision clock shows, the permit is issued and listed with its validity.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { loginHeaders, nextCreditCode } from '../../test/helpers/app.js';
import { listDistrictsWithTownships } from '../organisation/index.js';

describe.skipIf(!hasChromium)('排污许可: apply, accept, issue', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let enterpriseId: number;
  let creditCode: string;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    const headers = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    creditCode = nextCreditCode('370602');
    const res = await server.app.inject({ method: 'POST', url: '/api/enterprises', headers, payload: {
      creditCode, name: '烟台许可测试化工有限公司', legalRepresentative: '王测试', districtId: district.id, townshipId: null, industryCode: 'C2614',
      address: '山东省烟台市芝罘区测试路1号', longitude: 121.4, latitude: 37.5, keyUnitCategories: ['water'], creditRating: 'blue',
      outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }],
    } });
    if (res.statusCode !== 201) throw new Error(res.body);
    enterpriseId = res.json().id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('an application goes from received to an issued permit, with its clock shown', async () => {
    const { page, errors, context } = await newPage(browser);
    await login(page, server.url, 'admin', server.adminPassword);
    await page.getByTestId('menu-permits').click();
    await page.getByTestId('permits-page').getByTestId('empty-state').first().waitFor();
    await page.getByTestId('permit-apply').first().click();
    // The enterprise is picked from the registry, then one permitted outfall with a COD limit is entered.
    await page.getByTestId('permit-apply-enterprise').click();
    await page.keyboard.type('烟台许可测试');
    await page.getByTestId(`enterprise-option-${enterpriseId}`).click();
    await page.getByTestId('permit-apply-number').fill(`${creditCode}001P`);
    await page.getByTestId('permit-outfall-add').click();
    await page.getByTestId('permit-outfall-0').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'DW001' }).first().click();
    await page.getByTestId('permit-outfall-location-0').fill('厂区东侧');
    await page.getByTestId('permit-limit-add-0').click();
    await page.getByTestId('permit-limit-pollutant-0-0').fill('w01018');
    await page.locator('[data-testid="permit-limit-concentration-0-0"] input, input[data-testid="permit-limit-concentration-0-0"]').first().fill('60');
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/permit-applications') && r.request().method() === 'POST');
    await page.getByTestId('permit-apply-ok').click();
    expect((await applied).status()).toBe(201);
    expect((await applied).request().postDataJSON().outfalls).toEqual([{ outfallId: expect.any(Number), location: '厂区东侧', limits: [
      { pollutant: 'w01018', period: 'hour', concentration: 60, concentrationUnit: 'mg/L', annualTotal: null, annualTotalUnit: null },
    ] }]);
    const applicationId = (await (await applied).json()).id as number;

    await page.getByRole('tab', { name: '申请与时限' }).click();
    await page.getByTestId(`permit-accept-${applicationId}`).click();
    const accepted = await clickUntilRequest(page, page.getByTestId('permit-step-ok'), (url) => url.endsWith(`/api/permit-applications/${applicationId}/accept`));
    expect(accepted.status()).toBe(200);
    // 简化管理: decision within 20 working days (排污许可管理条例 第十二条第一款).
    await expect.poll(() => page.getByTestId(`permit-clock-${applicationId}`).textContent(), { timeout: 20_000 }).toContain('审批截止');

    await page.getByTestId(`permit-decide-${applicationId}`).click();
    const decided = await clickUntilRequest(page, page.getByTestId('permit-step-ok'), (url) => url.endsWith(`/api/permit-applications/${applicationId}/decide`));
    expect(decided.status()).toBe(200);
    const permitId = (await decided.json()).permit.id as number;

    await page.getByRole('tab', { name: '许可证与登记' }).click();
    await page.getByTestId(`permit-link-${permitId}`).click();
    await page.getByTestId('permit-detail').waitFor();
    await expect.poll(() => page.getByTestId('permit-detail').textContent(), { timeout: 20_000 }).toContain(`${creditCode}001P`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
