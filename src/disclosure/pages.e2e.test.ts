// 行政处罚公示 in the browser: a legal reviewer previews the redacted record of a penalty decision and publishes
// it; then, without login, the public list shows it, the decision page shows no personal data, and the list
// downloads as xlsx. Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import type { TestContext } from '../../test/helpers/app.js';
import { fileCase, makeBureau } from '../../test/helpers/cases.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { chinaDateOf } from '../law/civil-date.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import { cases } from '../cases/index.js';

const PASSWORD = 'e2e-disclosure-password';
const DECISION_NUMBER = '烟环罚〔2026〕901号';

describe.skipIf(!hasChromium)('行政处罚公示: publish, then read it without login', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let caseId: number;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const districts = await listDistrictsWithTownships(server.database.db);
    const ctx = { app: server.app, database: server.database, districts, districtByCode: (c: string) => districts.find((d) => d.code === c)! } as unknown as TestContext;
    const b = await makeBureau(ctx);
    const todayOn = chinaDateOf(new Date());
    caseId = await fileCase(ctx, b, todayOn);
    await server.database.db.update(cases).set({
      decisionKind: 'penalty', decidedOn: todayOn, decisionNumber: DECISION_NUMBER, decisionFineFen: 8_000_000,
      proposal: {
        penaltyKinds: ['fine'], fineFen: 8_000_000, violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null,
        facts: '经查，法定代表人王测试（身份证号370602197001011234，手机13812345678）组织生产期间，废水总排口化学需氧量超标。',
      },
      decision: { penaltyKinds: ['fine'], reasons: '超标排放', basis: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
    }).where(eq(cases.id, caseId));
    const created = await addUser(server.database.db, SYSTEM_ACTOR, {
      username: 'dsReviewer', displayName: '法制审核员孙', password: PASSWORD, role: 'legal_reviewer', districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: true,
    }, new Date());
    if (!created.ok) throw new Error(created.code);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('the reviewer publishes; the public list, the decision page and the xlsx download work without login', async () => {
    const staff = await newPage(browser);
    await login(staff.page, server.url, 'dsReviewer', PASSWORD);
    await staff.page.getByTestId('menu-disclosure').click();
    await staff.page.getByTestId(`preview-${caseId}`).click();
    const preview = staff.page.getByTestId('publication-preview');
    await preview.waitFor();
    await expect.poll(() => preview.innerText(), { timeout: 20_000 }).toContain('王某');
    expect(await preview.innerText()).not.toMatch(/王测试|370602197001011234|13812345678/);
    const published = await clickUntilRequest(staff.page, staff.page.getByTestId('publish-confirm'), (url, method) => url.endsWith('/publish') && method === 'POST');
    expect(published.status()).toBe(201);
    await staff.page.getByTestId('disclosure-published-list').getByText(DECISION_NUMBER).waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // Without login: a fresh context, no cookies.
    const { page, errors, context } = await newPage(browser, { });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + '/public');
    await page.getByTestId('public-layout').waitFor();
    expect(page.url()).not.toContain('/login');
    await page.getByRole('link', { name: DECISION_NUMBER }).click();
    const facts = page.getByTestId('decision-facts');
    await facts.waitFor();
    await expect.poll(() => facts.innerText(), { timeout: 20_000 }).toContain('王某');
    const text = await page.getByTestId('public-decision-page').innerText();
    expect(text).toContain('罚款人民币80,000元');
    expect(text).not.toMatch(/王测试|测试路1号|\d{17}[\dXx]|1[3-9]\d{9}/);

    await page.getByRole('link', { name: /返回列表/ }).click();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('download-xlsx').click();
    const file = await (await downloading).path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });
});
