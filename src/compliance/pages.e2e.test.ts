// The public portal end to end (issue 16, "Done when"): without login, find an enterprise from a published
// decision, read the decision and the enterprise's 12-quarter grid, download the list as xlsx, fetch the
// enterprise's Atom feed (validated), report a data error and get a ticket; then, logged in, the bureau leader
// answers with a correction and the public decision page shows it as 已更正. Needs /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { eq } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../test/helpers/server.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from '../../test/e2e/browser.js';
import type { TestContext } from '../../test/helpers/app.js';
import { fileCase, makeBureau } from '../../test/helpers/cases.js';
import { addUser } from '../users/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/log.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import { cases } from '../cases/index.js';

const PASSWORD = 'e2e-compliance-password';
const DECISION_NUMBER = '烟环罚〔2026〕951号';
const ATOM = 'http://www.w3.org/2005/Atom';

interface XmlNode { name: string; uri: string; attrs: Record<string, string>; text: string; children: XmlNode[] }
/** A real XML parse with namespaces (saxes): throws on a document that is not well-formed. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on('opentag', (t) => {
    const node: XmlNode = { name: t.local, uri: t.uri, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : v.value])), text: '', children: [] };
    if (stack.length) stack[stack.length - 1]!.children.push(node); else root = node;
    stack.push(node);
  });
  parser.on('text', (s) => { if (stack.length) stack[stack.length - 1]!.text += s; });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('error', (e) => { throw e; });
  parser.write(xml).close();
  return root!;
}
const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name && c.uri === ATOM);

describe.skipIf(!hasChromium)('公众门户: grid, decision, xlsx, feed, error report → correction shown', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let enterpriseId: number;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir, loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    const districts = await listDistrictsWithTownships(server.database.db);
    const ctx = { app: server.app, database: server.database, districts, districtByCode: (c: string) => districts.find((d) => d.code === c)! } as unknown as TestContext;
    const b = await makeBureau(ctx);
    enterpriseId = b.enterpriseId;
    const todayOn = chinaDateOf(new Date());
    const filedOn = addDays(todayOn, -1);
    const caseId = await fileCase(ctx, b, filedOn);
    await server.database.db.update(cases).set({
      decisionKind: 'penalty', decidedOn: todayOn, decisionNumber: DECISION_NUMBER, decisionFineFen: 3_000_000,
      proposal: {
        penaltyKinds: ['fine'], fineFen: 3_000_000, violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null,
        facts: '经查，该公司废水总排口化学需氧量超标排放。',
      },
      decision: { penaltyKinds: ['fine'], reasons: '超标排放', basis: '《中华人民共和国水污染防治法》第八十三条第（二）项' },
    }).where(eq(cases.id, caseId));
    const published = await server.app.inject({ method: 'POST', url: `/api/disclosure/cases/${caseId}/publish`, headers: b.reviewer.headers });
    if (published.statusCode !== 201) throw new Error(published.body);
    const created = await addUser(server.database.db, SYSTEM_ACTOR, {
      username: 'cpLeader', displayName: '局长周', password: PASSWORD, role: 'bureau_leader', districtId: null, departmentId: null, enterpriseId: null, credentialNo: null, holdsLegalQualification: false,
    }, new Date());
    if (!created.ok) throw new Error(created.code);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('the public reads, downloads, subscribes and reports; the leader corrects; the public sees 已更正', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + '/public');
    await page.getByRole('link', { name: DECISION_NUMBER }).click();
    const decisionUrl = page.url();
    await page.getByTestId('decision-facts').waitFor();
    expect(await page.getByTestId('public-decision-page').innerText()).toContain('罚款人民币30,000元');

    // 报告数据错误 from the decision page: the form is prefilled with the record; the ticket is shown.
    await page.getByTestId('report-error-link').click();
    await page.getByTestId('er-description').fill('处罚依据应为第八十三条第（三）项');
    const sent = await clickUntilRequest(page, page.getByTestId('er-submit'), (url, method) => url.endsWith('/api/public/error-reports') && method === 'POST');
    expect(sent.status()).toBe(201);
    const ticket = (await page.getByTestId('er-ticket').innerText()).trim();
    expect(ticket).toMatch(/^SJCW\d{4}-[A-Z0-9]{8}$/);
    const ticketUrl = page.url();

    // Find the enterprise from the decision and read its grid.
    await page.goto(decisionUrl);
    await page.getByRole('link', { name: '烟台测试化工有限公司' }).click();
    await page.getByTestId('compliance-grid').waitFor();
    const quarter = `${chinaDateOf(new Date()).slice(0, 4)}Q${Math.floor((Number(chinaDateOf(new Date()).slice(5, 7)) - 1) / 3) + 1}`;
    await expect.poll(() => page.getByTestId(`grid-${quarter}`).getAttribute('data-status'), { timeout: 20_000 }).toBe('formal_action');
    expect(await page.getByTestId('compliance-legend').innerText()).toContain('严重');

    // The list as xlsx (a zip: PK), from the enterprise page's link.
    const xlsxHref = await page.getByTestId('download-xlsx').getAttribute('href');
    const xlsx = await page.request.get(server.url + xlsxHref);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // The enterprise's Atom feed validates: root feed in the Atom namespace with id/title/updated, entries with id/title/updated/link.
    const feedHref = await page.getByTestId('feed-link').getAttribute('href');
    expect(feedHref).toBe(`/api/public/feeds/enterprises/${enterpriseId}`);
    const feed = await page.request.get(server.url + feedHref);
    expect(feed.headers()['content-type']).toContain('application/atom+xml');
    const root = parseXml(await feed.text());
    expect(root).toMatchObject({ name: 'feed', uri: ATOM });
    for (const k of ['id', 'title', 'updated']) expect(child(root, k)?.text, k).toBeTruthy();
    const entries = root.children.filter((c) => c.name === 'entry');
    expect(entries).toHaveLength(1);
    for (const k of ['id', 'title', 'updated']) expect(child(entries[0]!, k)?.text, k).toBeTruthy();
    expect(child(entries[0]!, 'title')!.text).toContain(DECISION_NUMBER);
    expect(child(entries[0]!, 'link')?.attrs.href).toMatch(/\/public\/decisions\/\d+$/);

    // Logged in: the leader answers the report with a correction of the basis.
    const staff = await newPage(browser);
    await login(staff.page, server.url, 'cpLeader', PASSWORD);
    await staff.page.goto(`${server.url}/info-requests/error-reports`);
    const row = staff.page.getByTestId('error-reports-list').locator('tr', { hasText: ticket });
    await row.locator('button[data-testid^="er-answer-"]').click();
    await staff.page.getByTestId('er-note').fill('已核实并更正处罚依据');
    await staff.page.getByTestId('er-correction-field').click();
    await staff.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '处罚依据' }).first().click();
    await staff.page.getByTestId('er-correction-value').fill('《中华人民共和国水污染防治法》第八十三条第（三）项');
    const answered = await clickUntilRequest(staff.page, staff.page.locator('.ant-modal-footer .ant-btn-primary'), (url, method) => url.endsWith('/answer') && method === 'POST');
    expect(answered.status()).toBe(200);
    await row.getByText('已更正').waitFor();
    expect(staff.errors).toEqual([]);
    await staff.context.close();

    // The public decision page now carries the corrected basis and says what was fixed and when.
    await page.goto(decisionUrl);
    const notice = page.getByTestId('correction-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('第八十三条第（三）项');
    expect(await page.getByTestId('public-decision-page').innerText()).toContain('已更正');
    await page.goto(ticketUrl);
    await expect.poll(() => page.getByTestId('er-status').innerText(), { timeout: 20_000 }).toContain('已核实并更正处罚依据');
    expect(errors).toEqual([]);
    await context.close();
  });
});
