// Browser test of 首违不罚: an officer records the facts of a case against the catalogue and sees each
// condition met; the leader applies the exemption, and the enterprise counts among the exempted.
// Skipped without /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { loginHeaders, nextCreditCode } from '../../test/helpers/app.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { addUser } from '../users/actions.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { listDistrictsWithTownships } from '../organisation/queries.js';
import type { Role } from '../platform/auth/roles.js';
import { seedExemptionCatalogue } from './index.js';
import { seedDiscretionTables } from '../discretion/index.js';

const TODAY = '2021-07-19';
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const PASSWORD = 'e2e-exemption-password';
const PEOPLE = {
  leader: { role: 'bureau_leader', displayName: '王局长' },
  officerA: { role: 'enforcement_officer', displayName: '执法员甲', credentialNo: '37060031001' },
  officerB: { role: 'enforcement_officer', displayName: '执法员乙', credentialNo: '37060031002' },
  reviewer: { role: 'legal_reviewer', displayName: '审核员赵', holdsLegalQualification: true },
} satisfies Record<string, { role: Role; displayName: string; credentialNo?: string; holdsLegalQualification?: boolean }>;
type Who = keyof typeof PEOPLE;

describe.skipIf(!hasChromium)('首违不罚 applied to a case in the browser', () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let caseId: number;
  const ids = {} as Record<Who, number>;
  const sessions = new Map<Who, { context: BrowserContext; page: Page; errors: string[] }>();

  async function as(who: Who): Promise<Page> {
    let s = sessions.get(who);
    if (!s) {
      s = await newPage(browser, { timezoneId: 'Asia/Shanghai' });
      await s.context.clock.setFixedTime(at(TODAY));
      sessions.set(who, s);
      await login(s.page, server.url, who, PASSWORD);
    }
    return s.page;
  }

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ clock: () => at(TODAY), loginRateLimit: { max: 100, timeWindow: 60_000 }, webDist: web.dir });
    await seedExemptionCatalogue(server.database.db, at('2020-01-01'));
    // The violation catalogue the panel starts from (the benchmark tables, linked to the entries by provision).
    await seedDiscretionTables(server.database.db, at('2020-01-01'));
    for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username: who, displayName: p.displayName, password: PASSWORD, role: p.role, districtId: null, departmentId: null, enterpriseId: null,
        credentialNo: 'credentialNo' in p ? p.credentialNo : null, holdsLegalQualification: 'holdsLegalQualification' in p && p.holdsLegalQualification,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
      ids[who] = created.value.id;
    }
    // The case up to case review, through the API.
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    const call = async (who: string, password: string, url: string, payload: object) => {
      const res = await server.app.inject({ method: 'POST', url, headers: await loginHeaders(server.app, who, password), payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
      return res.json();
    };
    const enterprise = await call(server.adminUsername, server.adminPassword, '/api/enterprises', {
      creditCode: nextCreditCode('370602'), name: '烟台海岸新材料有限公司', legalRepresentative: '李海岸', districtId: district.id, townshipId: null,
      industryCode: 'C2641', address: '山东省烟台市芝罘区海岸路1号', longitude: 121.4, latitude: 37.5, keyUnitCategories: [], creditRating: 'blue', outfalls: [],
    });
    const lead = await call('officerA', PASSWORD, '/api/leads', { source: 'inspection', enterpriseId: enterprise.id, summary: '现场检查发现建设项目环境影响登记表未备案', discoveredOn: TODAY });
    const filed = await call('leader', PASSWORD, `/api/leads/${lead.id}/file`, { cause: '建设项目环境影响登记表未依法备案', actOn: '2021-07-12', officerIds: [ids.officerA, ids.officerB], leadOfficerId: ids.officerA });
    caseId = filed.id;
    await call('officerA', PASSWORD, `/api/cases/${caseId}/record-investigation`, { kind: 'inspection_record', occurredOn: TODAY, officerIds: [ids.officerA, ids.officerB], summary: '登记表未备案' });
    await call('officerA', PASSWORD, `/api/cases/${caseId}/submit`, { proposal: { penaltyKinds: ['warning'], fineFen: 0, facts: '建设项目环境影响登记表未依法备案。', violatedProvisions: '《中华人民共和国环境影响评价法》第二十二条第四款', penaltyBasis: '《中华人民共和国环境影响评价法》第三十一条第三款', discretionReason: null } });
    await call('reviewer', PASSWORD, `/api/cases/${caseId}/case-review`, { outcome: 'passed', opinion: '事实清楚' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('the officer records the facts and every condition is met', async () => {
    const page = await as('officerA');
    await page.getByTestId('menu-exemptions').click();
    // The table shows a placeholder row while the catalogue loads: wait for its 14 entries.
    await expect
      .poll(() => page.getByTestId('catalogue-entries-1').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 })
      .toBe(14);
    await page.goto(`${server.url}/exemptions/cases/${caseId}`);
    await page.getByTestId('exemption-facts-form').waitFor();
    // The panel starts from the case's violation (its cause was drafted from the catalogue title) and offers
    // the one entry the catalogue links to it, already chosen.
    const violation = page.locator('[data-testid="exemption-violation"][data-ready="true"]');
    await violation.waitFor();
    expect(await violation.getAttribute('data-code')).toBe('EIA-31-3');
    expect(await violation.getAttribute('data-source')).toBe('cause');
    const linked = page.getByTestId('exemption-linked-entries').locator('.ant-radio-wrapper');
    await expect.poll(() => linked.count()).toBe(1);
    expect(await linked.first().innerText()).toContain('登记表未依法备案');
    // Chosen once the panel has applied its pre-selection (an effect after the entries render).
    await expect.poll(() => page.getByTestId('exemption-linked-entries').locator('.ant-radio-wrapper-checked').count()).toBe(1);
    // Every other entry in force stays reachable through the search.
    expect(await page.getByTestId('exemption-entry').count()).toBe(0);
    await page.getByTestId('exemption-entry-search-toggle').click();
    await page.getByTestId('exemption-entry').click();
    await page.keyboard.type('台账');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(2);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('exemption-linked-entries').locator('.ant-radio-wrapper-checked').count()).toBe(1);
    await page.getByTestId('exemption-consequence').getByText('未造成危害后果').click();
    await page.getByTestId('exemption-ordered-on').fill('2021-07-13');
    await page.getByTestId('exemption-corrected-on').fill('2021-07-16');
    await page.getByTestId('exemption-attested').getByText('已核查，无违法记录').click();
    await page.getByTestId('exemption-save').click();
    await page.locator('[data-testid="exemption-status"][data-status="eligible"]').waitFor();
    for (const key of ['firstViolation', 'minorConsequence', 'correctedInTime']) {
      expect(await page.getByTestId(`condition-${key}`).getAttribute('data-result')).toBe('met');
    }
    // The officer may not decide: no apply button.
    expect(await page.getByTestId('exemption-apply').count()).toBe(0);
    expect(sessions.get('officerA')!.errors).toEqual([]);
  });

  it('the leader applies it: the case is decided as 不予行政处罚 and the enterprise is counted', async () => {
    const page = await as('leader');
    await page.goto(`${server.url}/exemptions/cases/${caseId}`);
    await page.getByTestId('exemption-apply').click();
    await page.getByTestId('exemption-education-content').fill('讲解环境影响评价法第二十二条，督促依法备案');
    await page.getByTestId('exemption-apply-confirm').click();
    await page.getByTestId('exemption-applied').waitFor();
    expect(await page.getByTestId('exemption-applied').innerText()).toContain(TODAY);
    await page.getByTestId('exemption-case-link').click();
    await page.locator('[data-testid="case-detail"]').waitFor();
    expect(await page.locator('body').innerText()).toContain('烟环不罚〔2021〕');
    await page.goto(`${server.url}/exemptions`);
    await page.getByRole('tab', { name: '已免罚企业' }).click();
    await expect.poll(() => page.getByTestId('applied-count').getAttribute('data-count')).toBe('1');
    expect(sessions.get('leader')!.errors).toEqual([]);
  });
});
