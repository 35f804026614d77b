// 环评审批 in the browser: an enterprise user applies online for a 报告表 with one tolerated (容缺) item missing;
// licensing staff accept it under 容缺 and pause the clock for expert review (the leader's approval is blocked,
// citing 第四十五条, while it runs); the item is supplied; the leader approves and the 批复 downloads as Word;
// the clock and the 三线一单 site check are shown. A chemical project in a 优先保护 unit is blocked for approval
// (第十一条（一）) and refused on its ground. Needs a system Chromium at /usr/bin/chromium; else skipped.
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import { addUser } from '../users/index.js';
import { computeCreditCodeCheckCharacter } from '../enterprises/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { loginHeaders } from '../../test/helpers/app.js';

const PASSWORD = 'e2e-eia-password';
const option = (page: Page, text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();
const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

describe.skipIf(!hasChromium)('环评审批: 容缺, pause, approval, refusal for a prohibited site', { timeout: 240_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let enterpriseId: number;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    const admin = await loginHeaders(server.app, 'admin', server.adminPassword);
    const districts = (await server.app.inject({ method: 'GET', url: '/api/organisation/districts', headers: admin })).json();
    const district = (districts.items ?? districts).find((d: { code: string }) => d.code === '370602');
    const created = await server.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: {
      creditCode: `91370602MA3E8A001${computeCreditCodeCheckCharacter('91370602MA3E8A001')}`, name: '烟台环评测试有限公司', legalRepresentative: '李测试', districtId: district.id, townshipId: null,
      industryCode: 'C3360', address: '烟台市芝罘区测试路8号', longitude: 121.55, latitude: 37.35, keyUnitCategories: [], creditRating: null, outfalls: [],
    } });
    if (created.statusCode !== 201) throw new Error(created.body);
    enterpriseId = created.json().id;
    for (const [username, role, displayName, eid] of [
      ['eiaEnt', 'enterprise_user', '企业申报员', enterpriseId], ['eiaStaff', 'licensing_staff', '审批科员', null], ['eiaLeader', 'bureau_leader', '局领导审', null],
    ] as const) {
      const r = await addUser(server.database.db, SYSTEM_ACTOR, {
        username, displayName, password: PASSWORD, role, districtId: null, departmentId: null, enterpriseId: eid, credentialNo: null, holdsLegalQualification: false,
      }, new Date());
      if (!r.ok) throw new Error(r.code);
    }
    const zoning = await server.app.inject({ method: 'POST', url: '/api/zoning/import', headers: admin, payload: {
      label: '测试管控单元', source: null, geojson: { type: 'FeatureCollection', features: [
        { type: 'Feature', properties: { code: 'ZH37060210001', name: '水源保护单元', kind: '优先保护', prohibited: ['C26'], restricted: [] }, geometry: square(121.2, 37.3, 121.3, 37.4) },
        { type: 'Feature', properties: { code: 'ZH37060230001', name: '一般管控单元', kind: '一般管控', prohibited: [], restricted: [] }, geometry: square(121.5, 37.3, 121.6, 37.4) },
      ] },
    } });
    if (zoning.statusCode !== 201) throw new Error(zoning.body);
    // The walk approves on the day it accepts: this bureau publishes no intended-approval publicity (a setting;
    // the publicity and its wait are covered by routes.test.ts).
    const current = (await server.app.inject({ method: 'GET', url: '/api/settings', headers: admin })).json();
    const { demoValues: _d, ...value } = current.value;
    const put = await server.app.inject({ method: 'PUT', url: '/api/settings', headers: admin, payload: {
      value: { ...value, licensing: { ...value.licensing, approvalPublicityWorkingDays: 0 } }, version: current.version, reason: '本局不设拟批准公示（测试）',
    } });
    if (put.statusCode !== 200) throw new Error(put.body);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('an enterprise applies with one item under 容缺; staff accept and pause; the item is supplied; the leader approves; the 批复 downloads', async () => {
    const ent = await newPage(browser);
    await login(ent.page, server.url, 'eiaEnt', PASSWORD);
    await ent.page.getByTestId('menu-licensing').click();
    await ent.page.getByTestId('eia-page').getByTestId('empty-state').first().waitFor();
    await ent.page.getByTestId('eia-apply').first().click();
    const form = ent.page.getByTestId('eia-apply-form');
    await ent.page.getByTestId('eia-project-name').fill('烟台某金属表面处理项目');
    await ent.page.getByTestId('eia-site-address').fill('烟台市芝罘区测试路8号');
    await ent.page.getByTestId('eia-longitude').fill('121.55');
    await ent.page.getByTestId('eia-latitude').fill('37.35');
    await ent.page.getByTestId('eia-industry').fill('C3360');
    await ent.page.getByTestId('eia-investment').fill('12000000');
    await ent.page.getByTestId('eia-catalogue-item').click();
    await option(ent.page, '金属表面处理').click();
    for (const name of ['审批申请书', '审批基础信息表', '营业执照', '环境影响报告表（全本', '项目审批、核准', '总量指标']) {
      await ent.page.getByTestId('eia-supplied').getByText(name, { exact: false }).click();
    }
    await ent.page.getByTestId('eia-tolerated').getByText('用地预审', { exact: false }).click();
    await ent.page.getByTestId('eia-commitment').fill('承诺30日内补交规划选址意见');
    const response = await clickUntilRequest(ent.page, ent.page.getByTestId('eia-apply-submit'), (url, method) => url.endsWith('/api/eia/applications') && method === 'POST');
    expect(response.status(), await response.text()).toBe(201);
    const id = (await response.json()).id as number;
    await ent.page.getByTestId('eia-detail').waitFor();
    await ent.page.getByTestId('eia-intake-timer').waitFor();
    await expect.poll(async () => ent.page.getByTestId('zoning-verdict').getAttribute('data-verdict'), { timeout: 20_000 }).toBe('allowed');
    expect(await form.count()).toBe(0);

    // Licensing staff accept under 容缺 and pause the clock for an expert review.
    const staff = await newPage(browser);
    await login(staff.page, server.url, 'eiaStaff', PASSWORD);
    await staff.page.goto(`${server.url}/licensing/${id}`);
    const accepted = await clickUntilRequest(staff.page, staff.page.getByTestId('eia-action-accept'), (url) => url.endsWith('/accept'));
    expect(accepted.status()).toBe(200);
    await expect.poll(async () => staff.page.getByTestId('eia-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('accepted');
    await staff.page.getByTestId('eia-clock').waitFor();
    await staff.page.getByTestId('eia-statutory-due').waitFor();
    await staff.page.getByTestId('eia-action-pause').click();
    const paused = await clickUntilRequest(staff.page, staff.page.getByTestId('eia-pause-submit'), (url) => url.endsWith('/pauses'));
    expect(paused.status()).toBe(201);
    await staff.page.getByTestId('eia-pauses').locator('tbody tr', { hasText: '专家评审' }).waitFor();

    // While the pause runs, the leader's approval is blocked with the article.
    const leader = await newPage(browser);
    await login(leader.page, server.url, 'eiaLeader', PASSWORD);
    await leader.page.goto(`${server.url}/licensing/${id}`);
    await expect.poll(async () => leader.page.getByTestId('eia-blocked-approve').getAttribute('data-code'), { timeout: 20_000 }).toBe('EIA_REVIEW_PAUSED');

    const resumed = await clickUntilRequest(staff.page, staff.page.getByTestId('eia-action-resume'), (url) => url.endsWith('/pauses/end'));
    expect(resumed.status()).toBe(200);
    const supplied = await clickUntilRequest(staff.page, staff.page.getByTestId('eia-supply-land-use'), (url) => url.endsWith('/supply'));
    expect(supplied.status()).toBe(200);

    await leader.page.reload();
    await leader.page.getByTestId('eia-action-approve').click();
    const decided = await clickUntilRequest(leader.page, leader.page.getByTestId('eia-decision-submit'), (url) => url.endsWith('/decision'));
    expect(decided.status()).toBe(200);
    const docButton = leader.page.getByTestId('eia-document');
    await docButton.waitFor();
    expect(await docButton.innerText()).toMatch(/烟环审〔\d{4}〕\d+号/);
    const docx = leader.page.waitForResponse((r) => r.url().endsWith('/document'));
    const saved = leader.page.waitForEvent('download');
    await docButton.click();
    const downloaded = await docx;
    expect(downloaded.status()).toBe(200);
    expect(downloaded.headers()['content-type']).toContain('wordprocessingml');
    const file = await saved;
    expect(file.suggestedFilename()).toMatch(/^批复-烟环审〔\d{4}〕\d+号\.docx$/);
    expect(statSync((await file.path())!).size).toBeGreaterThan(2_000);
    await expect.poll(async () => leader.page.getByTestId('eia-clock').getAttribute('data-state'), { timeout: 20_000 }).toBe('decided');
    for (const p of [ent, staff, leader]) { expect(p.errors).toEqual([]); await p.context.close(); }
  });

  it('a chemical project in a 优先保护 unit that prohibits it: approval blocked (第十一条（一）), refused on the ground', async () => {
    const entHeaders = await loginHeaders(server.app, 'eiaEnt', PASSWORD);
    const staffHeaders = await loginHeaders(server.app, 'eiaStaff', PASSWORD);
    const created = await server.app.inject({ method: 'POST', url: '/api/eia/applications', headers: entHeaders, payload: {
      kind: 'new', projectName: '某化工原料项目', siteAddress: '烟台市芝罘区水源地旁', site: square(121.22, 37.32, 121.25, 37.35), industryCode: 'C2614',
      investmentFen: 500_000_000_00, catalogueItem: 44, sensitiveArea: false, processes: [], scale: null, category: 'report', tolerated: [],
      supplied: ['application-letter', 'basic-info-form', 'business-licence', 'eia-report', 'public-participation', 'project-approval', 'land-use', 'total-load'],
    } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect((await server.app.inject({ method: 'POST', url: `/api/eia/applications/${id}/accept`, headers: staffHeaders, payload: {} })).statusCode).toBe(200);
    const { page, errors, context } = await newPage(browser);
    await login(page, server.url, 'eiaLeader', PASSWORD);
    await page.goto(`${server.url}/licensing/${id}`);
    await expect.poll(async () => page.getByTestId('zoning-verdict').getAttribute('data-verdict'), { timeout: 20_000 }).toBe('prohibited');
    expect(await page.getByTestId('eia-blocked-approve').getAttribute('data-code')).toBe('EIA_SITE_PROHIBITED');
    await page.getByTestId('eia-action-refuse').click();
    // The grounds render as the dialog opens: tick until the tick holds.
    const ground = page.getByTestId('eia-grounds').locator('.ant-checkbox-wrapper', { hasText: '选址、布局、规模' });
    await expect.poll(async () => {
      if ((await ground.getAttribute('class'))?.includes('ant-checkbox-wrapper-checked')) return true;
      await ground.click();
      return (await ground.getAttribute('class'))?.includes('ant-checkbox-wrapper-checked') ?? false;
    }, { timeout: 30_000 }).toBe(true);
    const decided = await clickUntilRequest(page, page.getByTestId('eia-decision-submit'), (url) => url.endsWith('/decision'));
    expect(decided.status()).toBe(200);
    await expect.poll(async () => page.getByTestId('eia-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('refused');
    expect(await page.getByTestId('eia-document').innerText()).toMatch(/烟环不审〔\d{4}〕\d+号/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
