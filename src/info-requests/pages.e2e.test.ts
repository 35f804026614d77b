// 依申请公开 in the browser: without login the public files a request and reads its status by the receipt
// number; logged in, the bureau confirms receipt and replies (not_exist); the public then sees it answered.
// A data-error report is filed without login and its ticket page shows it open; the bureau answers it and
// the ticket page shows the correction. Needs a system Chromium at /usr/bin/chromium; without one it is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';

describe.skipIf(!hasChromium)('依申请公开 and data-error reports in the browser', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('the public files and follows a request; the bureau answers it', async () => {
    const { page: pub, errors } = await newPage(browser);
    await pub.goto(`${server.url}/public/requests`);
    await pub.getByTestId('ir-name').fill('王小明');
    await pub.getByTestId('ir-id').fill('370602199001011234');
    await pub.getByTestId('ir-phone').fill('13800000000');
    await pub.getByTestId('ir-description').fill('某企业2026年环评批复');
    await pub.getByTestId('ir-submit').click();
    const filed = pub.getByTestId('info-request-filed');
    await filed.waitFor();
    const number = /YSQ\d{4}-[A-Z2-9]{8}/.exec(await filed.innerText())![0];
    await pub.getByTestId('ir-lookup-number').fill(number);
    await pub.getByTestId('ir-lookup').click();
    await expect.poll(async () => pub.getByTestId('ir-status').innerText(), { timeout: 20_000 }).toContain('待确认收到');
    expect(await pub.getByTestId('ir-status').innerText()).not.toContain('王小明');

    const { page: staff, errors: staffErrors } = await newPage(browser);
    await login(staff, server.url, 'admin', server.adminPassword);
    await staff.getByTestId('menu-info-requests').click();
    await staff.getByTestId('info-requests-list').getByRole('link', { name: number }).click();
    await staff.getByTestId('ir-action-receive').click();
    await staff.getByTestId('ir-step-ok').click();
    await staff.getByTestId('ir-action-reply').waitFor();
    await staff.getByTestId('ir-action-reply').click();
    await staff.getByTestId('ir-reply-kind').click();
    await staff.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '信息不存在' }).first().click();
    await staff.getByTestId('ir-step-ok').click();
    await staff.getByTestId('ir-document').waitFor();

    await pub.getByTestId('ir-lookup').click();
    await expect.poll(async () => pub.getByTestId('ir-status').innerText(), { timeout: 20_000 }).toContain('已答复');

    // 报告数据错误 → ticket → answered by the bureau → the ticket page shows the correction.
    await pub.goto(`${server.url}/public/error-reports?kind=air-ranking&id=2026-12-01`);
    await pub.getByTestId('er-description').fill('罚款金额有误');
    await pub.getByTestId('er-submit').click();
    await pub.getByTestId('er-status-tag').waitFor();
    expect(await pub.getByTestId('er-status-tag').innerText()).toBe('办理中');
    const ticketUrl = pub.url();

    await staff.goto(`${server.url}/info-requests/error-reports`);
    await staff.getByTestId('error-reports-list').locator('button[data-testid^="er-answer-"]').first().click();
    await staff.getByTestId('er-note').fill('罚款金额已更正');
    await staff.locator('.ant-modal-footer .ant-btn-primary').click();
    await staff.getByTestId('error-reports-list').getByText('已更正').waitFor();

    await pub.goto(ticketUrl);
    await expect.poll(async () => pub.getByTestId('er-status').innerText(), { timeout: 20_000 }).toContain('罚款金额已更正');
    expect([...errors, ...staffErrors]).toEqual([]);
  });
});
