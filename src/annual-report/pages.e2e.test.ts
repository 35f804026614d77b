// 法治政府建设情况报告 in the browser: the 2020 report shows a figure from the counsel's records and follows it to
// them; the legal department's edit is saved as a version; the leader finalises; the Word document downloads
// (a zip with word/document.xml holding the title). Needs a system Chromium at /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import JSZip from 'jszip';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { loginHeaders } from '../../test/helpers/app.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';

describe.skipIf(!hasChromium)('法治政府建设情况报告 in the browser', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  const nowAt = new Date('2021-01-06T10:00:00+08:00');

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir, clock: () => nowAt });
    browser = await launchBrowser();
    // One counsel review answered in 2020: figure #6 has a record, most others show 无记录.
    const h = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const post = async (url: string, payload: object) => {
      const r = await server.app.inject({ method: 'POST', url, headers: h, payload });
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json() as { id: number };
    };
    const c = await post('/api/counsel', { name: '王律师', kind: 'external', firm: '山东某律师事务所', licenceNo: '13706200010002', termFromOn: '2020-01-01', termToOn: '2020-12-31' });
    const t = await post('/api/counsel/tasks', { counselId: c.id, subjectKind: 'contract', subjectRef: 'HT-2020-01', subjectTitle: '监测设备采购合同审查', assignedOn: '2020-05-01', dueOn: '2020-05-08' });
    await post(`/api/counsel/tasks/${t.id}/opinion`, { opinion: '合同条款合法', answeredOn: '2020-05-06' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('opens the report, follows a figure to its records, edits a paragraph, finalises, downloads the .docx', async () => {
    const { page, errors } = await newPage(browser);
    await login(page, server.url, server.adminUsername, server.adminPassword);
    await page.goto(`${server.url}/annual-report?year=2020`);
    await expect.poll(() => page.getByTestId('annual-report-figure-6').getAttribute('data-value'), { timeout: 20_000 }).toBe('1');
    expect(await page.getByTestId('annual-report-figure-21').innerText()).toBe('无记录');

    await page.getByTestId('annual-report-drill-6').click();
    await page.getByTestId('counsel-page').waitFor();
    await page.getByText('监测设备采购合同审查').first().waitFor();
    await page.goBack();

    await page.getByTestId('annual-report-edit-problems').click();
    await page.getByTestId('annual-report-editor').fill('一是法制工作人员数量少，仅有审核人员{18a}。');
    await clickUntilRequest(page, page.getByTestId('annual-report-save'), (u, m) => m === 'PUT' && u.includes('/paragraphs/problems'));
    await expect.poll(() => page.getByTestId('annual-report-text-problems').innerText(), { timeout: 20_000 }).toContain('仅有审核人员');
    await page.getByTestId('annual-report-versions').getByText('problems').first().waitFor();

    await page.getByTestId('annual-report-finalise').click();
    await clickUntilRequest(page, page.getByTestId('annual-report-finalise-ok'), (u, m) => m === 'POST' && u.endsWith('/finalise'));
    await expect.poll(() => page.getByTestId('annual-report-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('finalised');
    expect(await page.getByTestId('annual-report-edit-problems').isDisabled()).toBe(true);

    const saved = page.waitForEvent('download');
    await page.getByTestId('annual-report-download').click();
    const file = await saved;
    const zip = await JSZip.loadAsync(readFileSync((await file.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('关于2020年度法治政府建设情况的报告');
    expect(errors).toEqual([]);
  });
});
