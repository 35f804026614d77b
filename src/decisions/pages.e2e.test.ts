// 重大行政决策 in the browser: the leader's catalogue for 2020 is drafted, approved and published; a decision is
// started and put to public comment; the discussion button stays disabled citing 第二十五条第二款 (no legality
// review yet); the public comments without login; staff answer; review and meeting are recorded through the API;
// the decision is made and published in the browser. Needs a system Chromium at /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { loginHeaders } from '../../test/helpers/app.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { seedCalendar } from '../calendar/index.js';

describe.skipIf(!hasChromium)('重大行政决策 in the browser', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let nowAt = new Date('2020-03-02T10:00:00+08:00');
  const at = (on: string) => { nowAt = new Date(`${on}T10:00:00+08:00`); };

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir, clock: () => nowAt });
    await seedCalendar(server.database.db, nowAt);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  const submitStep = (page: Page, path: string) =>
    clickUntilRequest(page, page.getByTestId('decision-step-submit'), (u, m) => m === 'POST' && new URL(u).pathname.endsWith(path));

  it('from the catalogue to publication, one gate refused with its article', async () => {
    const { page, errors } = await newPage(browser);
    await login(page, server.url, server.adminUsername, server.adminPassword);
    await page.getByTestId('menu-decisions').click();
    await page.getByTestId('decisions-page').waitFor();
    await page.getByTestId('decision-catalogue-year').fill('2020');
    await page.getByTestId('decision-catalogue-create').click();
    await page.getByTestId('decision-add-item-2020').click();
    await page.getByTestId('decision-item-title').fill('烟台市2020年扬尘污染防治方案');
    await page.getByTestId('decision-item-department').fill('大气环境科');
    await clickUntilRequest(page, page.getByTestId('decision-item-submit'), (u, m) => m === 'POST' && u.includes('/items'));
    await page.getByTestId('decision-items-2020').getByText('烟台市2020年扬尘污染防治方案').waitFor();
    await page.getByTestId('decision-approve-2020').click();
    await page.getByTestId('decision-publish-2020').click();
    await expect.poll(() => page.getByTestId('decision-catalogue-status-2020').getAttribute('data-status'), { timeout: 20_000 }).toBe('published');

    await page.getByTestId('decision-items-2020').getByText('烟台市2020年扬尘污染防治方案').click();
    await page.getByTestId('decision-action-propose').click();
    await page.getByTestId('decision-field-draftText').fill('一、工地扬尘“六个百分之百”……');
    await submitStep(page, '/propose');
    await page.getByTestId('decision-action-comment').click();
    await submitStep(page, '/comment');
    // 第二十五条第二款: the meeting waits for a passed legality review — the button is disabled and the article cited.
    await page.getByTestId('decision-blocked-discuss').waitFor();
    expect(await page.getByTestId('decision-gate-discuss').innerText()).toContain('第二十五条第二款');
    const id = Number(new URL(page.url()).pathname.split('/').pop());

    // The public comments without login.
    const { page: pub, errors: pubErrors } = await newPage(browser);
    await pub.goto(`${server.url}/public/major-decisions`);
    await pub.getByTestId(`public-major-decision-${id}`).click();
    await pub.getByTestId('public-major-decision-content').fill('建议增加渣土车密闭运输要求');
    await pub.getByTestId('public-major-decision-submit').click();
    await pub.getByTestId('public-major-decision-sent').waitFor();

    // After the period: staff answer the comment; the answer is published.
    at('2020-04-02');
    await page.reload();
    await page.locator('[data-testid^="decision-answer-"]').first().click();
    await page.getByTestId('decision-answer-text').fill('已采纳，第三条增加渣土车密闭运输');
    await clickUntilRequest(page, page.getByTestId('decision-answer-submit'), (u, m) => m === 'POST' && u.includes('/answer'));
    await page.getByTestId('decision-comments').getByText('已采纳，第三条增加渣土车密闭运输').waitFor();
    await pub.reload();
    await pub.getByTestId('public-major-decision-answers').getByText('已采纳，第三条增加渣土车密闭运输').waitFor();

    // Legality review and the meeting through the API (their forms are covered by the API tests).
    const h = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const post = async (path: string, payload: object) => {
      const r = await server.app.inject({ method: 'POST', url: `/api/decisions/${id}/${path}`, headers: h, payload });
      expect(r.statusCode, r.body).toBe(200);
    };
    await post('review-submit', { submittedOn: '2020-04-02' });
    at('2020-04-20');
    await post('review', { completedOn: '2020-04-14', passed: true, competence: '符合', procedure: '已履行', content: '合法', reviewerOpinion: '同意提交讨论', counselOpinion: '无法律障碍' });
    await post('discuss', {
      discussedOn: '2020-04-15', meetingKind: 'party_group', attendees: ['甲', '乙'], conclusion: 'adopt',
      opinions: [{ name: '甲', isHead: false, stance: 'agree', text: '' }, { name: '乙', isHead: true, stance: 'agree', text: '同意' }],
    });

    await page.reload();
    await page.getByTestId('decision-review-opinion').waitFor();
    await page.getByTestId('decision-action-decide').click();
    await page.getByTestId('decision-field-decisionText').fill('同意印发实施');
    await submitStep(page, '/decide');
    await page.getByTestId('decision-action-publish').click();
    await page.getByTestId('decision-field-channel').fill('烟台市生态环境局门户网站');
    await submitStep(page, '/publish');
    await expect.poll(() => page.getByTestId('decision-step').getAttribute('data-step'), { timeout: 20_000 }).toBe('published');
    expect(await page.getByTestId('decision-published-on').innerText()).toBe('2020-04-20');
    expect([...errors, ...pubErrors]).toEqual([]);
  });
});
