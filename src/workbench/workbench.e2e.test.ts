// Browser check of the workbench (工作台): after login an officer lands on it, and a task count opens
// the case list filtered the same way, showing as many cases as the count said. Skipped without /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { loginHeaders, nextCreditCode } from '../../test/helpers/app.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';

const TODAY = '2021-07-19';
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const PASSWORD = 'e2e-workbench-password';

describe.skipIf(!hasChromium)('workbench in the browser', () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ clock: () => at(TODAY), loginRateLimit: { max: 100, timeWindow: 60_000 }, webDist: web.dir });
    for (const [username, role, credentialNo] of [['leader', 'bureau_leader', null], ['officerA', 'enforcement_officer', '37060041001'], ['officerB', 'enforcement_officer', '37060041002']] as const) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username, displayName: username, password: PASSWORD, role, districtId: null, departmentId: null, enterpriseId: null, credentialNo, holdsLegalQualification: false,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
      ids[username] = created.value.id;
    }
    const call = async (who: string, password: string, url: string, payload: object) => {
      const res = await server.app.inject({ method: 'POST', url, headers: await loginHeaders(server.app, who, password), payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
      return res.json();
    };
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    const enterprise = await call(server.adminUsername, server.adminPassword, '/api/enterprises', {
      creditCode: nextCreditCode('370602'), name: '烟台工作台测试化工有限公司', legalRepresentative: '周测试', districtId: district.id, townshipId: null,
      industryCode: 'C2614', address: '山东省烟台市芝罘区测试路9号', longitude: 121.4, latitude: 37.5, keyUnitCategories: [], creditRating: 'blue', outfalls: [],
    });
    // Two cases of officer A under investigation.
    for (const summary of ['现场检查发现废水超标排放', '群众举报夜间异味']) {
      const lead = await call('officerA', PASSWORD, '/api/leads', { source: 'inspection', enterpriseId: enterprise.id, summary, discoveredOn: TODAY });
      await call('leader', PASSWORD, `/api/leads/${lead.id}/file`, { cause: '超标排放水污染物', actOn: TODAY, officerIds: [ids.officerA, ids.officerB], leadOfficerId: ids.officerA });
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('an officer lands on the workbench; a task opens the list it counts', async () => {
    const { context, page, errors } = await newPage(browser, { timezoneId: 'Asia/Shanghai' });
    try {
      await login(page, server.url, 'officerA', PASSWORD);
      await page.getByTestId('workbench-loaded').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      const task = page.getByTestId('task-investigating');
      expect(await task.locator('.ant-statistic-content-value').textContent()).toBe('2');
      // The cases menu carries the officer's open work as a badge.
      await expect.poll(() => page.getByTestId('menu-badge-cases').textContent()).toBe('2');
      await task.click();
      await page.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('stage') === 'investigating' && u.searchParams.get('officerId') === String(ids.officerA));
      await expect.poll(() => page.locator('[data-testid=case-table] tbody tr[data-stage=investigating]').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
