// 行政规范性文件 in the browser: a draft entered in the register (dated weeks ago) has its comment period and
// legality review seeded through the API (those periods take weeks), then is deliberated, numbered and issued,
// published and filed from its page; the public list (no login) then shows it. Needs a system Chromium at /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { loginHeaders } from '../../test/helpers/app.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';

describe.skipIf(!hasChromium)('行政规范性文件 in the browser', { timeout: 180_000 }, () => {
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

  it('draft → deliberation → 统一编号印发 → publication → filing → the public list', async () => {
    const headers = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const ago = (n: number) => addDays(chinaDateOf(new Date()), -n);
    const post = async (url: string, payload: object) => {
      const res = await server.app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const title = '烟台市生态环境局关于推行环境监管“白名单”制度的规定';
    const { page, errors } = await newPage(browser);
    await login(page, server.url, server.adminUsername, server.adminPassword);
    await page.getByTestId('menu-normative-documents').click();
    // 起草 in the register, dated 70 days ago.
    await page.getByTestId('nd-new').click();
    await page.getByTestId('nd-title').fill(title);
    await page.getByTestId('nd-unit').fill('政策法规科');
    await page.getByTestId('nd-body').fill('第一条 为优化营商环境……');
    const draftedOn = page.locator('.ant-modal .ant-picker input');
    await draftedOn.click();
    await draftedOn.fill(ago(70));
    await draftedOn.press('Enter');
    const drafted = await clickUntilRequest(page, page.getByTestId('nd-draft-ok'), (url, method) => method === 'POST' && url.endsWith('/api/normative-documents'));
    expect(drafted.status()).toBe(201);
    const { id } = await drafted.json() as { id: number };
    const u = `/api/normative-documents/${id}`;
    await post(`${u}/assessment`, { assessedOn: ago(68), summary: '必要性、可行性评估' });
    await post(`${u}/comment/start`, { startOn: ago(66), plannedEndOn: ago(35) });
    await post(`${u}/comment/close`, { endOn: ago(35), received: 1, answered: 1, answerSummary: '已采纳' });
    await post(`${u}/review/submit`, { submittedOn: ago(30) });
    await post(`${u}/review/opinion`, { reviewedOn: ago(12), passed: true, competence: '主体合法', procedure: '程序合法', content: '内容合法' });

    await page.reload();
    await page.getByTestId('normative-documents-list').getByRole('link', { name: title }).click();
    const step = async (action: string, fill?: Record<string, string>) => {
      await page.getByTestId(`nd-action-${action}`).click();
      for (const [field, value] of Object.entries(fill ?? {})) await page.getByTestId(`nd-field-${field}`).fill(value);
      const res = await clickUntilRequest(page, page.getByTestId('nd-step-ok'), (url, method) => method === 'POST' && url.includes(`/api/normative-documents/${id}/`));
      expect(res.status()).toBe(200);
    };
    await step('deliberate', { note: '局务会议审议通过' });
    await step('issue');
    await expect.poll(async () => page.getByTestId('nd-number').innerText(), { timeout: 20_000 }).toMatch(/^烟环规〔\d{4}〕1号$/);
    await step('publish', { channel: '烟台市生态环境局网站' });
    await step('file', { filedWith: '烟台市人民政府' });
    await expect.poll(async () => page.getByTestId('nd-filing-tag').innerText(), { timeout: 20_000 }).toContain('按期备案');

    const { page: pub, errors: pubErrors } = await newPage(browser);
    await pub.goto(`${server.url}/public/normative-documents`);
    await expect.poll(async () => pub.getByTestId('public-normative-documents-list').innerText(), { timeout: 20_000 }).toContain(title);
    await pub.getByRole('link', { name: title }).click();
    await expect.poll(async () => pub.getByTestId('public-normative-document').innerText(), { timeout: 20_000 }).toContain('为优化营商环境');
    expect([...errors, ...pubErrors]).toEqual([]);
  });
});
