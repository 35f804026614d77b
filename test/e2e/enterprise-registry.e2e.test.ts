// Browser test of the enterprise registry: log in, import an .xlsx, search, switch language.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../helpers/server.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

// GB 32100-2015 unified social credit code: 17 characters + a check character.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(base17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(base17[i]!) * WEIGHTS[i]!;
  return base17 + CHARSET[(31 - (sum % 31)) % 31];
}

const HEADERS = ['统一社会信用代码', '企业名称', '法定代表人', '区市', '乡镇街道', '行业代码', '地址', '经度', '纬度', '重点排污单位类别', '信用等级', '排放口'];

const suffix = String(Math.floor(Math.random() * 90_000) + 10_000).slice(0, 4);
const codes = [1, 2, 3].map((n) => creditCode(`91370602MA3C${suffix}${n}`));
const good = [
  [codes[0], `烟台测试化工有限公司${suffix}`, '张三', '芝罘区', '向阳街道', 'C2614', '烟台市芝罘区测试路1号', 121.39, 37.54, '水环境,大气环境', '良好', 'DW001:废水总排口;DA001:锅炉排口'],
  [codes[1], `烟台测试电镀有限公司${suffix}`, '李四', '芝罘区', '东山街道', 'C3360', '烟台市芝罘区测试路2号', 121.41, 37.52, '水环境', '环保诚信', 'DW001:废水总排口'],
  [codes[2], `烟台测试食品有限公司${suffix}`, '王五', '福山区', '', 'C1391', '烟台市福山区测试路3号', null, null, '', '', ''],
];
// Wrong check character: the server must refuse this row.
const badCode = codes[0]!.slice(0, 17) + (codes[0]!.endsWith('0') ? '1' : '0');
const bad = [badCode, `烟台测试错误有限公司${suffix}`, '赵六', '芝罘区', '向阳街道', 'C2614', '烟台市芝罘区测试路4号', null, null, '', '', ''];

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!hasChromium)('enterprise registry in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[] = [];

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    browser = await launchBrowser();
    ({ page, errors: consoleErrors } = await newPage(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('logs in, imports, searches and switches to English', async () => {
    // Log in through the login page.
    await page.goto(server.url + '/');
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').fill(server.adminUsername);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBeTruthy();
    await login(page, server.url, server.adminUsername, server.adminPassword);
    // The landing page is the workbench (工作台); the registry is one menu entry away.
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('menu-enterprises').click();
    await page.waitForURL('**/enterprises');
    await page.getByTestId('enterprise-list').waitFor();
    expect(await page.getByTestId('menu-enterprises').textContent()).toBe('企业名录');

    // Import: the bad row makes the server refuse the whole file...
    await page.getByTestId('enterprise-import').click();
    const modal = page.getByTestId('import-modal');
    await modal.waitFor();
    await modal.locator('input[type=file]').setInputFiles({
      name: 'enterprises.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([...good, bad]),
    });
    await page.getByTestId('import-submit').click();
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    const errorRows = refused.locator('[data-testid=import-errors] tbody tr.ant-table-row');
    await expect.poll(() => errorRows.count(), { timeout: 20_000 }).toBe(1);
    expect(await errorRows.first().textContent()).toContain('5'); // sheet row 5

    // ...and re-submitting with "skip invalid rows" imports the rest.
    await page.getByTestId('import-resubmit-skip').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await page.getByTestId('import-created').locator('.ant-statistic-content-value').textContent()).toBe('3');
    expect(await page.getByTestId('import-skipped').locator('.ant-statistic-content-value').textContent()).toBe('1');
    await page.getByTestId('import-close').click();
    await modal.waitFor({ state: 'detached' });

    // Search by one credit code: exactly that enterprise.
    const target = codes[1]!;
    const search = page.getByTestId('enterprise-search'); // the <input> itself
    await search.fill(target);
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === target);
    const rows = page.locator('[data-testid=enterprise-table] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().getByTestId('enterprise-credit-code').textContent()).toBe(target);
    expect(await rows.first().textContent()).toContain(`烟台测试电镀有限公司${suffix}`);

    // Detail page shows its outfall.
    await rows.first().getByTestId('enterprise-name').click();
    await page.getByTestId('enterprise-detail').waitFor();
    expect(await page.getByTestId('enterprise-outfalls').textContent()).toContain('DW001');
    await page.goBack();
    await page.getByTestId('enterprise-list').waitFor();

    // Switch the UI to English.
    await page.getByTestId('lang-switch').click();
    await page.locator('.ecogov-lang-popup .ant-select-item-option', { hasText: 'English' }).click();
    await expect.poll(() => page.getByTestId('menu-enterprises').textContent()).toBe('Enterprises');
    expect(await page.evaluate('localStorage.getItem("ecogov.lang")')).toBe('en');
    expect(await page.getByTestId('enterprise-list').locator('.ant-card-head-title').textContent()).toBe('Enterprises');

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('menu-enterprises').textContent()).toBe('Enterprises');

    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
