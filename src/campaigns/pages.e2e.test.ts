// 专项整治 in the browser: a leader creates a campaign in the modal (a free site as target), records an
// inspection with a problem, sees the server refuse 销号 before completion, reports completion, verifies it,
// and the figures follow. Then a dust campaign's overdue item is escalated to a 督办单 (the .docx downloads),
// completed and verified; and an annual task's monthly report is filed for one department while the deadlines
// board and the 月调度 show the other department late. Needs a system Chromium at /usr/bin/chromium; without one
// the suite is skipped.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { chooseOption, clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { loginHeaders } from '../../test/helpers/app.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { departments } from '../organisation/index.js';
import { monthOf, nextMonth } from './annual-rules.js';

const PASSWORD = 'e2e-campaign-password';

describe.skipIf(!hasChromium)('专项整治: create, inspect, complete, verify', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  // The server's clock: pinned while the walk sets up records in the past, the real time otherwise.
  let pinnedAt: Date | null = null;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir, clock: () => pinnedAt ?? new Date() });
    for (const [username, role, displayName, credentialNo] of [['cpOfficer', 'enforcement_officer', '执法员钱', '37060099201']] as const) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username, displayName, password: PASSWORD, role, districtId: null, departmentId: null, enterpriseId: null, credentialNo, holdsLegalQualification: false,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('the leader runs a campaign through one problem, with the server’s refusal shown', async () => {
    const { page, errors, context } = await newPage(browser);
    await login(page, server.url, 'admin', server.adminPassword);
    await page.getByTestId('menu-campaigns').click();
    await page.getByTestId('campaigns-page').getByTestId('empty-state').first().waitFor();
    await page.getByTestId('campaign-create').first().click();
    await page.getByTestId('campaign-name').fill('夏季扬尘专项整治（测试）');
    await page.getByTestId('campaign-basis').fill('《中华人民共和国大气污染防治法》第六十九条');
    // Escape would close the modal: a click on its title closes the multiple select's dropdown.
    await chooseOption(page, page.getByTestId('campaign-districts'), '芝罘区', page.locator('.ant-modal-title'));
    await page.getByTestId('campaign-form').getByPlaceholder('检查内容').fill('施工工地围挡与苫盖');
    await page.getByTestId('campaign-form').getByRole('button', { name: /添加点位/ }).click();
    await page.getByPlaceholder('点位名称').fill('幸福河工地');
    await page.getByPlaceholder('经度').fill('121.35');
    await page.getByPlaceholder('纬度').fill('37.55');
    await expect.poll(() => page.getByPlaceholder('点位名称').inputValue()).toBe('幸福河工地');
    await expect.poll(() => page.getByTestId('campaign-name').inputValue()).toBe('夏季扬尘专项整治（测试）');
    const created = await clickUntilRequest(page, page.locator('.ant-modal-footer .ant-btn-primary'), (url, method) => url.endsWith('/api/campaigns') && method === 'POST');
    expect(created.status()).toBe(201);
    await page.getByRole('link', { name: '夏季扬尘专项整治（测试）' }).click();

    await page.getByTestId('inspection-record').click();
    await chooseOption(page, page.getByTestId('inspection-target'), '幸福河工地');
    await chooseOption(page, page.getByTestId('inspection-owner-district'), '芝罘区');
    await chooseOption(page, page.getByTestId('inspection-officers'), '执法员钱', page.locator('.ant-modal-title'));
    await page.getByTestId('inspection-form').getByText('发现问题').click();
    await page.getByTestId('inspection-form').getByPlaceholder('问题说明').fill('裸土未苫盖');
    const inspected = await clickUntilRequest(page, page.locator('.ant-modal-footer .ant-btn-primary'), (url, method) => url.endsWith('/inspections') && method === 'POST');
    expect(inspected.status()).toBe(201);

    const items = page.getByTestId('campaign-items');
    await items.locator('tbody tr', { hasText: '裸土未苫盖' }).waitFor();
    // (Two-character buttons get a space from antd: found by test id.) 销号 before completion: the server's refusal is shown as it comes.
    await items.locator('[data-testid^="item-verify-"]').click();
    await page.locator('.ant-message', { hasText: '尚未报告整改完成，不能销号' }).waitFor();
    await items.locator('[data-testid^="item-complete-"]').click();
    await page.getByTestId('completion-text').fill('已全部苫盖，见现场照片');
    const completed = await clickUntilRequest(page, page.locator('.ant-modal-footer .ant-btn-primary'), (url) => url.endsWith('/complete'));
    expect(completed.status()).toBe(200);
    await items.locator('.ant-tag', { hasText: '待销号' }).waitFor();
    const verified = await clickUntilRequest(page, items.locator('[data-testid^="item-verify-"]'), (url) => url.endsWith('/verify'));
    expect(verified.status()).toBe(200);
    await items.locator('.ant-tag', { hasText: '已销号' }).waitFor();
    const figures = page.getByTestId('campaign-figures');
    await expect.poll(async () => figures.innerText()).toMatch(/已销号\s*1/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a dust campaign’s overdue item becomes a 督办单 (downloaded), is completed and verified; the monthly dispatch shows a late department', async () => {
    const admin = await loginHeaders(server.app, 'admin', server.adminPassword);
    const inject = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await server.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const todayOn = chinaDateOf(new Date());
    // Set up a month ago: an inspection with a problem, three working days to rectify; overdue today.
    const inspectedOn = addDays(todayOn, -30);
    pinnedAt = new Date(`${inspectedOn}T10:00:00+08:00`);
    const district = (await inject('GET', '/api/organisation/districts')).items.find((d: { name: string }) => d.name === '芝罘区');
    const campaign = await inject('POST', '/api/campaigns', {
      name: '扬尘污染专项整治（督办）', legalBasis: '《中华人民共和国大气污染防治法》第六十九条', startsOn: inspectedOn, endsOn: addDays(todayOn, 30),
      districtIds: [district.id], checklist: [{ code: 'D1', text: '施工工地围挡与苫盖' }],
      targets: [{ kind: 'site', siteName: '滨海路工地', longitude: 121.41, latitude: 37.54 }],
    });
    const officer = (await inject('GET', '/api/auth/me')) as { id?: number; user?: { id: number } };
    const targetId = (await inject('GET', `/api/campaigns/${campaign.id}`)).targets[0].id;
    await inject('POST', `/api/campaigns/${campaign.id}/inspections`, {
      targetId, inspectedOn, officerIds: [officer.id ?? officer.user!.id], ownerDistrictId: district.id, workingDays: 3,
      results: [{ code: 'D1', result: 'problem', note: '渣土车未密闭' }],
    });
    // An annual task created two months ago: its first month's reports are due on the 5th of the next month.
    const firstMonth = monthOf(addDays(todayOn, -60));
    pinnedAt = new Date(`${firstMonth}-10T10:00:00+08:00`);
    const depts = await server.database.db.select().from(departments);
    const lead = depts.find((d) => d.code === 'FGK')!; const co = depts.find((d) => d.code === 'BGS')!;
    const task = await inject('POST', '/api/annual-tasks', {
      year: Number(firstMonth.slice(0, 4)), title: '落实行政执法三项制度（测试）', content: '执法公示、全过程记录、法制审核',
      leadDepartmentId: lead.id, coDepartmentIds: [co.id], dueOn: `${firstMonth.slice(0, 4)}-12-31`,
    });
    // The lead department reports in time (on the 3rd of the next month), in the browser.
    pinnedAt = new Date(`${nextMonth(firstMonth)}-03T10:00:00+08:00`);

    const { page, errors, context } = await newPage(browser);
    await login(page, server.url, 'admin', server.adminPassword);
    await page.getByTestId('menu-annual-tasks').click();
    await chooseOption(page, page.getByTestId('annual-year'), firstMonth.slice(0, 4));
    await page.getByRole('link', { name: '落实行政执法三项制度（测试）' }).click();
    await page.getByTestId('report-file').click();
    await chooseOption(page, page.getByTestId('report-month'), firstMonth);
    await page.getByTestId('report-progress').fill('执法公示平台已上线，全过程记录设备配发到位');
    const filed = await clickUntilRequest(page, page.locator('.ant-modal-footer .ant-btn-primary'), (url) => url.endsWith(`/api/annual-tasks/${task.id}/reports`));
    expect(filed.status()).toBe(201);
    await page.getByTestId('annual-task-reports').locator('tbody tr', { hasText: '执法公示平台已上线' }).waitFor();

    // Today: the other department's report of that month is late, on the deadlines board with a link to the dispatch.
    pinnedAt = null;
    await page.getByTestId('menu-deadlines').click();
    const late = page.getByTestId('deadline-others').locator('tbody tr', { hasText: `${co.name} ${firstMonth} 月报` });
    await late.waitFor();
    expect(await late.getAttribute('data-state')).toBe('overdue');
    await late.getByRole('link').click();
    await page.getByTestId('dispatch-page').waitFor();
    const row = (deptId: number) => page.getByTestId(`dispatch-${task.id}-${deptId}`);
    // The page may first show another month: wait for both rows of this one.
    await expect.poll(async () => row(lead.id).getAttribute('data-state'), { timeout: 20_000 }).toBe('reported');
    await expect.poll(async () => row(co.id).getAttribute('data-state'), { timeout: 20_000 }).toBe('late');

    // The campaign: the overdue item is escalated; its 督办单 downloads as Word.
    await page.getByTestId('menu-campaigns').click();
    await page.getByRole('link', { name: '扬尘污染专项整治（督办）' }).click();
    const items = page.getByTestId('campaign-items');
    const item = items.locator('tbody tr', { hasText: '渣土车未密闭' });
    await item.locator('.ant-tag', { hasText: '已逾期' }).waitFor();
    const escalated = await clickUntilRequest(page, item.locator('[data-testid^="item-escalate-"]'), (url) => url.endsWith('/escalate'));
    expect(escalated.status()).toBe(201);
    const orderButton = item.locator('[data-testid^="item-order-"]');
    await orderButton.waitFor();
    expect(await orderButton.innerText()).toMatch(/烟环督〔\d{4}〕\d+号/);
    const docx = page.waitForResponse((r) => r.url().endsWith('/order'));
    const saved = page.waitForEvent('download');
    await orderButton.click();
    const downloaded = await docx;
    expect(downloaded.status()).toBe(200);
    expect(downloaded.headers()['content-type']).toContain('wordprocessingml');
    const file = await saved;
    expect(file.suggestedFilename()).toMatch(/^督办单-烟环督〔\d{4}〕\d+号\.docx$/);
    expect(statSync((await file.path())!).size).toBeGreaterThan(2_000);
    // Then completed and verified (销号).
    await item.locator('[data-testid^="item-complete-"]').click();
    await page.getByTestId('completion-text').fill('已完成密闭改造，见复查照片');
    const completed = await clickUntilRequest(page, page.locator('.ant-modal-footer .ant-btn-primary'), (url) => url.endsWith('/complete'));
    expect(completed.status()).toBe(200);
    await item.locator('.ant-tag', { hasText: '待销号' }).waitFor();
    const verified = await clickUntilRequest(page, item.locator('[data-testid^="item-verify-"]'), (url) => url.endsWith('/verify'));
    expect(verified.status()).toBe(200);
    await item.locator('.ant-tag', { hasText: '已销号' }).waitFor();
    await expect.poll(async () => page.getByTestId('campaign-figures').innerText(), { timeout: 20_000 }).toMatch(/督办单\s*1[\s\S]*已销号\s*1/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
