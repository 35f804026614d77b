// 学法考试 in the browser: a leader creates an exam in the modal; two enrolled officers start it, answer
// against the timer and submit — one passes, one fails; the leader reads coverage (2/2) and pass rate (50 %).
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { trainingQuestions } from '../../src/training/tables.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { seedQuestionBank } from '../../src/training/index.js';
import { clickUntilRequest, hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';
import { eq, inArray } from 'drizzle-orm';
import { loginHeaders, nextCreditCode } from '../helpers/app.js';
import { cases } from '../../src/cases/index.js';
import { listDistrictsWithTownships } from '../../src/organisation/index.js';
import { chinaDateOf } from '../../src/law/civil-date.js';

const PASSWORD = 'e2e-training-password';

describe.skipIf(!hasChromium)('学法考试: create, sit, results', { timeout: 180_000 }, () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ webDist: web.dir });
    await seedQuestionBank(server.database.db, new Date());
    for (const [username, role, displayName, credentialNo] of [
      ['trLeader', 'bureau_leader', '王局长', null], ['trOfficer', 'enforcement_officer', '执法员赵', '37060099101'],
      ['trOfficer2', 'enforcement_officer', '执法员钱', '37060099102'], ['trReviewer', 'legal_reviewer', '法制审核员孙', null],
    ] as const) {
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

  /**
   * One officer sits the exam in the browser: the paper's questions come from the start response, their keys
   * from the bank; `right` answers every question correctly, otherwise every one wrongly (a multiple-choice
   * question with every option correct is answered with one option: all or nothing).
   */
  async function sit(page: Page, right: boolean) {
    await page.getByTestId('menu-training').click();
    await page.getByRole('link', { name: '2026年度学法考试（测试）' }).click();
    const started = await clickUntilRequest(page, page.getByTestId('training-start'), (url, method) => url.endsWith('/sitting') && method === 'POST');
    const paper = (await started.json()) as { questions: { id: number; options: string[] }[] };
    const keys = new Map((await server.database.db.select().from(trainingQuestions).where(inArray(trainingQuestions.id, paper.questions.map((q) => q.id))))
      .map((q) => [q.id, q.answer]));
    await page.getByTestId('training-timer').waitFor();
    const questions = page.getByTestId('training-question');
    await questions.first().waitFor();
    expect(await questions.count()).toBe(paper.questions.length);
    for (const [i, q] of paper.questions.entries()) {
      const key = keys.get(q.id)!;
      const wrong = q.options.map((_, j) => j).find((j) => !key.includes(j));
      const choose = right ? key : wrong === undefined ? [key[0]!] : [wrong];
      const options = questions.nth(i).locator('.ant-radio-wrapper, .ant-checkbox-wrapper');
      for (const j of choose) await options.nth(j).click();
    }
    await page.getByTestId('training-submit').click();
    const submitted = await clickUntilRequest(page, page.locator('.ant-modal-confirm-btns .ant-btn-primary'), (url) => url.endsWith('/sitting/submit'));
    expect(submitted.status()).toBe(200);
    const result = page.getByTestId('training-result');
    await result.waitFor();
    expect(await result.getAttribute('data-passed')).toBe(String(right));
    expect(await page.getByTestId('training-submit').count()).toBe(0);
  }

  it('the leader creates an exam; two officers sit it once, one passes and one fails; the leader sees 2/2 sat and 50 % passed', async () => {
    const leader = await newPage(browser);
    await login(leader.page, server.url, 'trLeader', PASSWORD);
    await leader.page.getByTestId('menu-training').click();
    await leader.page.getByTestId('training-page').getByTestId('empty-state').first().waitFor();
    await leader.page.getByTestId('training-create').first().click();
    await leader.page.getByTestId('training-title').fill('2026年度学法考试（测试）');
    const created = await clickUntilRequest(leader.page, leader.page.locator('.ant-modal-footer .ant-btn-primary'), (url, method) => url.endsWith('/api/training/exams') && method === 'POST');
    expect(created.status()).toBe(201);
    await leader.page.getByRole('link', { name: '2026年度学法考试（测试）' }).waitFor();

    for (const [username, right] of [['trOfficer', true], ['trOfficer2', false]] as const) {
      const officer = await newPage(browser);
      await login(officer.page, server.url, username, PASSWORD);
      await sit(officer.page, right);
      expect(officer.errors).toEqual([]);
      await officer.context.close();
    }

    await leader.page.getByRole('link', { name: '2026年度学法考试（测试）' }).click();
    const units = leader.page.getByTestId('training-units');
    // One unit (both officers are city-wide): enrolled 2, sat 2, coverage 100 %, passed 1, pass rate 50 %.
    const row = units.locator('tbody tr', { hasText: '50%' }).first();
    await row.waitFor({ timeout: 20_000 });
    expect((await row.locator('td').allInnerTexts()).slice(1)).toEqual(['2', '2', '100%', '1', '50%']);
    // The same year in the year's figures; study sessions and the popularisation list are still empty.
    await leader.page.getByTestId('training-nav-figures').click();
    const yearRow = leader.page.getByTestId('training-figures-units').locator('tbody tr', { hasText: '50%' }).first();
    await yearRow.waitFor({ timeout: 20_000 });
    expect((await yearRow.locator('td').allInnerTexts()).slice(1)).toEqual(['2', '2', '100%', '1', '50%']);
    await leader.page.getByTestId('training-nav-study').click();
    await leader.page.getByTestId('study-page').getByTestId('empty-state').waitFor();
    // 学法: the leader records the quarter's leadership study with both officers attending.
    await leader.page.getByTestId('study-record').first().click();
    await leader.page.getByTestId('study-topic').fill('学习新修订的行政处罚法');
    // Chosen by typing the name into the select's search (one option left) and Enter.
    const choose = async (testId: string, names: string[]) => {
      const input = leader.page.getByTestId(testId).locator('input');
      await input.click();
      for (const name of names) {
        await input.fill(name);
        await leader.page.locator('.ant-select-item-option-active', { hasText: name }).waitFor();
        await input.press('Enter');
      }
      // Away from the select closes its list (Escape would close the modal too).
      await leader.page.getByTestId('study-topic').click();
    };
    await choose('study-host', ['王局长']);
    await choose('study-attendees', ['执法员赵', '执法员钱']);
    const recorded = await clickUntilRequest(leader.page, leader.page.getByTestId('study-ok'), (url, method) => url.endsWith('/api/training/study-sessions') && method === 'POST');
    expect(recorded.status()).toBe(201);
    const sessionRow = leader.page.getByTestId('study-page').locator('tbody tr', { hasText: '学习新修订的行政处罚法' });
    await sessionRow.waitFor({ timeout: 20_000 });
    expect(await sessionRow.innerText()).toContain('王局长');
    await leader.page.getByTestId('training-nav-popularisation').click();
    await leader.page.getByTestId('popularisation-page').getByTestId('empty-state').first().waitFor();
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });

  it('以案释法: an officer drafts a typical case from a closed case (identity removed), a legal reviewer publishes it', async () => {
    // A closed case of an enterprise with a name, a legal representative and an address (seeded through the API).
    const admin = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const officerApi = await loginHeaders(server.app, 'trOfficer', PASSWORD);
    const leaderApi = await loginHeaders(server.app, 'trLeader', PASSWORD);
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    const ent = await server.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin, payload: {
      creditCode: nextCreditCode('370602'), name: '烟台市芝罘区鑫泰化工有限公司', legalRepresentative: '王建国', districtId: district.id, townshipId: district.townships[0]?.id ?? null,
      industryCode: 'C2614', address: '烟台市芝罘区幸福路88号', longitude: 121.4, latitude: 37.5, keyUnitCategories: ['water'], creditRating: 'blue',
      outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }],
    } });
    expect(ent.statusCode, ent.body).toBe(201);
    const today = chinaDateOf(new Date());
    const lead = await server.app.inject({ method: 'POST', url: '/api/leads', headers: officerApi, payload: { source: 'inspection', enterpriseId: ent.json().id, summary: '现场检查发现废水超标排放', discoveredOn: today } });
    expect(lead.statusCode, lead.body).toBe(201);
    const officerId = (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: officerApi })).json();
    const officer2Id = (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: await loginHeaders(server.app, 'trOfficer2', PASSWORD) })).json();
    const idOf = (me: { id?: number; user?: { id: number } }) => me.id ?? me.user!.id;
    const filed = await server.app.inject({ method: 'POST', url: `/api/leads/${lead.json().id}/file`, headers: leaderApi, payload: {
      cause: '超标排放水污染物', actOn: today, officerIds: [idOf(officerId), idOf(officer2Id)], leadOfficerId: idOf(officerId),
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    } });
    expect(filed.statusCode, filed.body).toBe(201);
    const caseRow = filed.json() as { id: number; number: string };
    // The case's end is seeded (the whole procedure is walked elsewhere): closed, with the facts as proposed.
    await server.database.db.update(cases).set({
      stage: 'closed', closedAt: new Date(),
      proposal: { penaltyKinds: ['fine'], fineFen: 20_000_000, facts: '烟台市芝罘区鑫泰化工有限公司（法定代表人王建国，电话13812345678）废水总排口化学需氧量超标排放。', violatedProvisions: '《中华人民共和国水污染防治法》第十条', penaltyBasis: '《中华人民共和国水污染防治法》第八十三条第（二）项', discretionReason: null },
    }).where(eq(cases.id, caseRow.id));

    const officer = await newPage(browser);
    await login(officer.page, server.url, 'trOfficer', PASSWORD);
    await officer.page.getByTestId('menu-training').click();
    await officer.page.getByTestId('training-nav-typical-cases').click();
    await officer.page.getByTestId('typical-cases-page').getByTestId('empty-state').waitFor();
    await officer.page.getByTestId('tc-draft').first().click();
    // The closed cases load while the dialog opens: choose until the choice holds (the OK button enables).
    const draftOk = officer.page.getByTestId('tc-draft-ok');
    await expect.poll(async () => {
      if (await draftOk.isEnabled()) return true;
      const option = officer.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: caseRow.number });
      if (!(await option.isVisible())) await officer.page.getByTestId('tc-case').click();
      await option.click({ timeout: 10_000 }).catch(() => undefined);
      return draftOk.isEnabled();
    }, { timeout: 60_000 }).toBe(true);
    await draftOk.click();
    const facts = officer.page.getByTestId('tc-facts');
    await facts.waitFor();
    await expect.poll(() => facts.inputValue(), { timeout: 20_000 }).toContain('芝罘区某公司');
    const drafted = await facts.inputValue();
    expect(drafted).toContain('王某');
    expect(drafted).not.toMatch(/鑫泰|王建国|13812345678/);
    expect(await officer.page.getByTestId('tc-title').inputValue()).toBe('芝罘区某公司超标排放水污染物案');
    await officer.page.getByTestId('tc-lesson').fill('企业应当保证水污染防治设施正常运行，达标排放。');
    const submitted = await clickUntilRequest(officer.page, officer.page.getByTestId('tc-submit'), (url, method) => url.endsWith('/submit') && method === 'POST');
    expect(submitted.status()).toBe(200);
    await officer.page.locator('[data-testid="tc-status"][data-status="submitted"]').waitFor();
    const url = officer.page.url();

    const reviewer = await newPage(browser);
    await login(reviewer.page, server.url, 'trReviewer', PASSWORD);
    await reviewer.page.goto(url);
    await reviewer.page.getByTestId('tc-approve').click();
    await reviewer.page.locator('[data-testid="tc-status"][data-status="published"]').waitFor({ timeout: 20_000 });
    expect(await reviewer.page.getByTestId('tc-text').innerText()).toContain('企业应当保证水污染防治设施正常运行');
    expect(officer.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
    await officer.context.close();
    await reviewer.context.close();
  });
});
