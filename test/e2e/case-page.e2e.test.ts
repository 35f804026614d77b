// The case page says what is next: 下一步 (what · who · by when), the stage bar, only the steps the user may
// take as buttons, and the others behind "为什么不能…" with the missing precondition and its article.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { loginHeaders, nextCreditCode } from '../helpers/app.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { listDistrictsWithTownships } from '../../src/organisation/queries.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

const TODAY = new Date('2021-07-19T12:00:00+08:00');
const PASSWORD = 'e2e-case-page-password';

describe.skipIf(!hasChromium)('the case page: next step, stage bar, why not', () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let caseId = 0;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ clock: () => TODAY, webDist: web.dir });
    const ids: Record<string, number> = {};
    for (const [username, role, displayName, credentialNo] of [
      ['pageLeader', 'bureau_leader', '李局长', null], ['pageOfficerA', 'enforcement_officer', '执法员周', '37060021101'], ['pageOfficerB', 'enforcement_officer', '执法员吴', '37060021102'],
    ] as const) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username, displayName, password: PASSWORD, role, districtId: null, departmentId: null, enterpriseId: null, credentialNo, holdsLegalQualification: false,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
      ids[username] = created.value.id;
    }
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    const admin = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const enterprise = await server.app.inject({
      method: 'POST', url: '/api/enterprises', headers: admin,
      payload: {
        creditCode: nextCreditCode('370602'), name: '烟台渤海印染有限公司', legalRepresentative: '孙海', districtId: district.id, townshipId: null,
        industryCode: 'C1713', address: '山东省烟台市芝罘区海港路2号', longitude: 121.4, latitude: 37.5, keyUnitCategories: ['water'],
        creditRating: 'blue', outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }],
      },
    });
    if (enterprise.statusCode !== 201) throw new Error(enterprise.body);
    const officer = await loginHeaders(server.app, 'pageOfficerA', PASSWORD);
    const lead = await server.app.inject({ method: 'POST', url: '/api/leads', headers: officer, payload: { source: 'inspection', enterpriseId: enterprise.json().id, summary: '废水超标', discoveredOn: '2021-07-19' } });
    if (lead.statusCode !== 201) throw new Error(lead.body);
    const filed = await server.app.inject({
      method: 'POST', url: `/api/leads/${lead.json().id}/file`, headers: await loginHeaders(server.app, 'pageLeader', PASSWORD),
      payload: { cause: '超标排放水污染物', actOn: '2021-07-19', officerIds: [ids.pageOfficerA, ids.pageOfficerB], leadOfficerId: ids.pageOfficerA, major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false } },
    });
    if (filed.statusCode !== 201) throw new Error(filed.body);
    caseId = filed.json().id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('an officer sees 下一步, the stage, the step to take, and why not the others', async () => {
    const { page, context, errors } = await newPage(browser, { timezoneId: 'Asia/Shanghai' });
    await context.clock.setFixedTime(TODAY);
    await login(page, server.url, 'pageOfficerA', PASSWORD);
    await page.goto(`${server.url}/cases/${caseId}`);
    const next = page.locator('[data-testid="next-step"][data-what="record_investigation"]');
    await next.waitFor();
    // 行政处罚法 第六十条: 2021-07-19 + 90 days falls on a Sunday → Monday 2021-10-18.
    expect(await next.getAttribute('data-by')).toBe('2021-10-18');
    await page.getByTestId('next-step-who').filter({ hasText: '执法员周' }).waitFor();
    expect(await next.textContent()).toContain('调查取证记录');
    expect(await page.getByTestId('stage-bar').getAttribute('data-stage')).toBe('investigating');
    expect(await page.getByTestId('stage-step-investigating').getAttribute('data-state')).toBe('current');

    await page.locator('[data-testid="action-record_investigation"][data-allowed="true"]').waitFor();
    // The refused steps are not offered: they wait behind the collapsed "为什么不能…".
    expect(await page.locator('[data-testid="action-notify"][data-allowed="false"]').isVisible()).toBe(false);
    await page.getByTestId('why-not').getByText('为什么不能').click();
    await page.getByTestId('why-not-notify').waitFor();
    const refusal = page.getByTestId('action-refusal-notify');
    expect(await refusal.getAttribute('data-code')).toBe('SUBMISSION_REQUIRED');
    expect(await refusal.textContent()).toContain('须先调查终结并提交案件审查');
    expect(await refusal.textContent()).toContain('行政处罚法 第五十七条');
    if (process.env.CASE_PAGE_SCREENSHOT) await page.screenshot({ path: process.env.CASE_PAGE_SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
