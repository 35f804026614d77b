// Browser test of the penalty procedure: one major case from lead to archive through the web UI,
// each step taken by the user whose role it is, in their own browser context. The server and the
// browsers share a pinned clock so every deadline is deterministic. The gate refusing collective
// discussion before legal review (行政处罚法 第五十八条) is shown on the case page.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { loginHeaders, nextCreditCode } from '../helpers/app.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { listDistrictsWithTownships } from '../../src/organisation/queries.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

/** China noon on a civil date: the server's and the browsers' "now". */
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const PASSWORD = 'e2e-case-password';
const ENTERPRISE = '烟台渤海精细化工有限公司';

const PEOPLE = {
  leader: { role: 'bureau_leader', displayName: '王局长' },
  officerA: { role: 'enforcement_officer', displayName: '执法员甲', credentialNo: '37060021001' },
  officerB: { role: 'enforcement_officer', displayName: '执法员乙', credentialNo: '37060021002' },
  officerC: { role: 'enforcement_officer', displayName: '执法员丙', credentialNo: '37060021003' },
  reviewer: { role: 'legal_reviewer', displayName: '审核员赵', holdsLegalQualification: true },
  member1: { role: 'committee_member', displayName: '委员钱' },
  member2: { role: 'committee_member', displayName: '委员孙' },
  member3: { role: 'committee_member', displayName: '委员李' },
} satisfies Record<string, { role: Role; displayName: string; credentialNo?: string; holdsLegalQualification?: boolean }>;
type Who = keyof typeof PEOPLE;

describe.skipIf(!hasChromium)('a major case from lead to archive in the browser', () => {
  let today = at('2021-07-19');
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  const ids = {} as Record<Who, number>;
  const sessions = new Map<Who, { context: BrowserContext; page: Page; errors: string[] }>();
  let caseUrl = '';

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ clock: () => today, loginRateLimit: { max: 100, timeWindow: 60_000 }, webDist: web.dir });
    for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username: who, displayName: p.displayName, password: PASSWORD, role: p.role, districtId: null, departmentId: null, enterpriseId: null,
        credentialNo: 'credentialNo' in p ? p.credentialNo : null, holdsLegalQualification: 'holdsLegalQualification' in p && p.holdsLegalQualification,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
      ids[who] = created.value.id;
    }
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    const admin = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const enterprise = await server.app.inject({
      method: 'POST', url: '/api/enterprises', headers: admin,
      payload: {
        creditCode: nextCreditCode('370602'), name: ENTERPRISE, legalRepresentative: '张渤海', districtId: district.id, townshipId: null,
        industryCode: 'C2614', address: '山东省烟台市芝罘区渤海路8号', longitude: 121.4, latitude: 37.5, keyUnitCategories: ['water'],
        creditRating: 'blue', outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }],
      },
    });
    if (enterprise.statusCode !== 201) throw new Error(enterprise.body);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  /** Moves the server's and every browser's clock to China noon on `on`. */
  async function setToday(on: string) {
    today = at(on);
    for (const s of sessions.values()) await s.context.clock.setFixedTime(today);
  }

  /** The page of a user, signed in on first use in a context of its own. */
  async function as(who: Who): Promise<Page> {
    let s = sessions.get(who);
    if (!s) {
      s = await newPage(browser, { timezoneId: 'Asia/Shanghai' });
      await s.context.clock.setFixedTime(today);
      sessions.set(who, s);
      await login(s.page, server.url, who, PASSWORD);
    }
    return s.page;
  }

  const field = (page: Page, testId: string) =>
    page.locator(`:is(input,textarea)[data-testid="${testId}"], [data-testid="${testId}"] :is(input,textarea)`).first();

  /** Chooses `label` in an antd Select (typing it first when the select searches). */
  async function pick(page: Page, testId: string, label: string, search = false) {
    await page.getByTestId(testId).click();
    if (search) await page.keyboard.type(label);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  }

  /** Chooses several labels in a multiple Select, then closes its dropdown. */
  async function pickMany(page: Page, testId: string, labels: string[]) {
    await page.getByTestId(testId).click();
    for (const label of labels) {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
    }
    await page.locator('.ant-modal-title:visible').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
  }

  async function fillDate(page: Page, testId: string, on: string) {
    const input = page.getByTestId(testId).locator('input');
    await input.click();
    await input.fill(on);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(on);
  }

  async function openCase(page: Page) {
    await page.goto(caseUrl);
    await page.getByTestId('case-detail').waitFor().catch(async (e: unknown) => {
      throw new Error(`the case page did not show: ${String(e)}\n${(await page.locator('body').innerText()).slice(0, 500)}`);
    });
  }

  /** Opens a step's form from the action panel. */
  async function openAction(page: Page, action: string) {
    await page.locator(`[data-testid="action-${action}"][data-allowed="true"]`).click();
    await page.getByTestId(`action-form-${action}`).waitFor();
  }

  /** Submits the open step form and waits for the case to reach `stage`. */
  async function submitAction(page: Page, action: string, stage: string) {
    await page.getByTestId('action-modal-submit').click();
    const form = page.getByTestId(`action-form-${action}`);
    const refusals = form.locator('[data-testid=action-error], .ant-form-item-explain-error');
    // Done when the form has closed; a refusal left on the form is the failure to report.
    await expect.poll(async () => ((await form.count()) === 0 ? 'closed' : (await refusals.allTextContents()).join(' | ') || 'pending'), { timeout: 45_000 }).toBe('closed');
    await page.locator(`[data-testid="case-detail"][data-stage="${stage}"]`).waitFor();
  }

  async function createMeeting(page: Page, location: string, attendees: string[]) {
    await page.goto(server.url + '/committee');
    await page.getByTestId('committee-page').waitFor();
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-form').waitFor();
    await field(page, 'field-location').fill(location);
    await pickMany(page, 'field-memberIds', [PEOPLE.member1.displayName, PEOPLE.member2.displayName, PEOPLE.member3.displayName]);
    await pickMany(page, 'field-attendeeIds', attendees);
    await pick(page, 'field-chairId', PEOPLE.member1.displayName);
    await page.getByTestId('meeting-submit').click();
    await page.getByTestId('meeting-form').waitFor({ state: 'detached' });
    await page.locator('[data-testid=meeting-table] tbody tr.ant-table-row', { hasText: location }).waitFor();
  }

  it('walks lead → filing → investigation → reviews → committee → notification → hearing → decision → payment → archive', async () => {
    // 线索: an officer registers two leads; one is filed, the other waits (the deadlines board shows it later).
    const officer = await as('officerA');
    await officer.goto(server.url + '/leads');
    await officer.getByTestId('lead-list').waitFor();
    expect(await officer.getByTestId('menu-leads').textContent()).toBe('案件线索');
    for (const summary of ['现场检查发现废水总排口化学需氧量超标排放', '群众投诉厂区夜间异味']) {
      await officer.getByTestId('lead-register').click();
      await officer.getByTestId('lead-register-form').waitFor();
      await pick(officer, 'field-enterpriseId', '渤海精细', true);
      await field(officer, 'field-summary').fill(summary);
      await officer.getByTestId('lead-register-submit').click();
      await officer.getByTestId('lead-register-form').waitFor({ state: 'detached' });
      await officer.locator('[data-testid=lead-table] tbody tr', { hasText: summary }).waitFor();
    }

    // 立案: the leader files the first lead with two credentialed officers.
    const leader = await as('leader');
    await leader.goto(server.url + '/leads');
    await leader.locator('[data-testid=lead-table] tbody tr', { hasText: '化学需氧量' }).getByTestId('lead-file').click();
    await leader.getByTestId('lead-file-form').waitFor();
    await field(leader, 'field-cause').fill('超标排放水污染物');
    await pickMany(leader, 'field-officerIds', [PEOPLE.officerA.displayName, PEOPLE.officerB.displayName]);
    await pick(leader, 'field-leadOfficerId', PEOPLE.officerA.displayName);
    await leader.getByTestId('lead-file-submit').click();
    await leader.waitForURL(/\/cases\/\d+$/);
    await leader.locator('[data-testid="case-detail"][data-stage="investigating"]').waitFor();
    caseUrl = leader.url();
    expect(await leader.getByTestId('case-number').textContent()).toBe('烟环立〔2021〕1号');
    // 行政处罚法 第六十条: 90 days from 19 July is Sunday 17 October → Monday 18 October.
    expect(await leader.getByTestId('case-decision-due').textContent()).toContain('2021-10-18');
    expect(await leader.getByTestId('case-officers').textContent()).toContain('37060021001');

    // 调查取证 and the proposal: 200 000 yuan makes the case major (legal review, committee, hearing right).
    await openCase(officer);
    await openAction(officer, 'record_investigation');
    await field(officer, 'field-summary').fill('现场检查废水总排口，采样送检，COD 超标 2.1 倍');
    await submitAction(officer, 'record_investigation', 'investigating');
    await officer.getByTestId('case-timeline').getByTestId('step-inspection_record').waitFor();
    await openAction(officer, 'submit');
    await field(officer, 'field-fineYuan').fill('200000');
    await field(officer, 'field-facts').fill('2021年7月19日，该公司废水总排口化学需氧量超标排放。');
    await field(officer, 'field-violatedProvisions').fill('《中华人民共和国水污染防治法》第十条');
    await field(officer, 'field-penaltyBasis').fill('《中华人民共和国水污染防治法》第八十三条第（二）项');
    await submitAction(officer, 'submit', 'case_review');
    expect(await officer.getByTestId('case-proposed-fine').textContent()).toBe('¥200,000.00');

    // 案件审查 by the leader, who did not investigate.
    await openCase(leader);
    await openAction(leader, 'case_review');
    await field(leader, 'field-opinion').fill('事实清楚，证据充分，同意提交法制审核');
    await submitAction(leader, 'case_review', 'legal_review');

    // The committee meets, but the case has not passed legal review: the gate refuses the discussion.
    const member = await as('member1');
    await createMeeting(member, '局三楼会议室', [PEOPLE.member1.displayName, PEOPLE.member2.displayName]);
    await openCase(member);
    await member.locator('[data-testid="action-collective_discussion"][data-allowed="false"]').waitFor();
    const gate = member.getByTestId('action-refusal-collective_discussion');
    expect(await gate.getAttribute('data-code')).toBe('LEGAL_REVIEW_MISSING');
    expect(await gate.textContent()).toContain('重大案件未经法制审核，不得集体讨论或作出决定');
    expect(await gate.textContent()).toContain('行政处罚法 第五十八条');

    // 法制审核: the queue shows the case and the reviewer ratio; a "passed" review with a failed point is refused on that point.
    const reviewer = await as('reviewer');
    await reviewer.goto(server.url + '/review-queue');
    await reviewer.getByTestId('review-queue').waitFor();
    expect(await reviewer.getByTestId('reviewer-ratio').textContent()).toContain('33.3%');
    await reviewer.locator('[data-testid="review-table"] tbody tr', { hasText: '烟环立〔2021〕1号' }).getByTestId('case-link').click();
    await reviewer.getByTestId('case-detail').waitFor();
    await openAction(reviewer, 'legal_review');
    await reviewer.getByTestId('finding-evidence-ok').click();
    await field(reviewer, 'finding-evidence-note').fill('缺少采样记录');
    await field(reviewer, 'field-opinion').fill('同意');
    await reviewer.getByTestId('action-modal-submit').click();
    const findingError = reviewer.getByTestId('action-form-legal_review').locator('.ant-form-item-explain-error');
    await findingError.first().waitFor();
    expect(await findingError.first().textContent()).toContain('行政处罚法 第五十八条');
    await reviewer.getByTestId('finding-evidence-ok').click();
    await field(reviewer, 'finding-evidence-note').fill('采样记录已补充');
    await submitAction(reviewer, 'legal_review', 'collective_discussion');
    expect(await reviewer.getByTestId('case-reviews').textContent()).toContain('采样记录已补充');

    // 集体讨论 at the meeting, with the attending members' opinions.
    await openCase(member);
    await openAction(member, 'collective_discussion');
    await pick(member, 'field-meetingId', '局三楼会议室');
    await field(member, `opinion-${ids.member1}`).fill('同意罚款二十万元');
    await field(member, `opinion-${ids.member2}`).fill('同意');
    await field(member, 'field-conclusion').fill('同意对该公司罚款二十万元');
    await submitAction(member, 'collective_discussion', 'notification');

    // 事先告知 with the hearing right (a large fine): 5 working days to state and to ask for a hearing.
    await openCase(officer);
    await openAction(officer, 'notify');
    await submitAction(officer, 'notify', 'awaiting_statement');
    expect(await officer.getByTestId('case-deadlines').textContent()).toContain('2021-07-26');

    // 听证: requested on 22 July; the investigator cannot host; 7 working days' notice.
    await setToday('2021-07-22');
    await openCase(officer);
    await openAction(officer, 'request_hearing');
    await submitAction(officer, 'request_hearing', 'hearing');
    await openAction(officer, 'schedule_hearing');
    await pick(officer, 'field-hostId', PEOPLE.officerA.displayName, true);
    await fillDate(officer, 'field-scheduledOn', '2021-08-02');
    await field(officer, 'field-location').fill('局听证室');
    await officer.getByTestId('action-modal-submit').click();
    const hostError = officer.getByTestId('action-form-schedule_hearing').locator('.ant-form-item-explain-error');
    await hostError.first().waitFor();
    expect(await hostError.first().textContent()).toContain('行政处罚法 第六十四条');
    await pick(officer, 'field-hostId', PEOPLE.officerC.displayName, true);
    await submitAction(officer, 'schedule_hearing', 'hearing');
    expect(await officer.getByTestId('hearing-host').textContent()).toBe(PEOPLE.officerC.displayName);

    // The host holds the hearing; the case goes back to legal review (第五十八条 (二)) and the committee.
    await setToday('2021-08-02');
    const host = await as('officerC');
    await openCase(host);
    await openAction(host, 'hold_hearing');
    await field(host, 'field-record').fill('当事人对超标事实无异议，请求从轻处罚');
    await submitAction(host, 'hold_hearing', 'legal_review');
    await openCase(reviewer);
    await openAction(reviewer, 'legal_review');
    await field(reviewer, 'field-opinion').fill('听证后复核，同意');
    await submitAction(reviewer, 'legal_review', 'collective_discussion');
    await createMeeting(member, '局五楼会议室', [PEOPLE.member1.displayName, PEOPLE.member2.displayName, PEOPLE.member3.displayName]);
    await openCase(member);
    await openAction(member, 'collective_discussion');
    await pick(member, 'field-meetingId', '局五楼会议室');
    await field(member, `opinion-${ids.member3}`).fill('维持原处罚意见');
    await field(member, 'field-conclusion').fill('维持罚款二十万元');
    await submitAction(member, 'collective_discussion', 'deciding');

    // 作出决定: the fine is prefilled in yuan and sent in fen; the decision gets its number.
    await openCase(leader);
    await openAction(leader, 'decide');
    expect(await field(leader, 'field-fineYuan').inputValue()).toBe('200000.00');
    await submitAction(leader, 'decide', 'decided');
    expect(await leader.getByTestId('case-decision-number').textContent()).toBe('烟环罚〔2021〕1号');
    expect(await leader.getByTestId('case-decided-fine').textContent()).toBe('¥200,000.00');

    // 送达 and 缴款 within 15 days: due equals the fine, no surcharge.
    await openCase(officer);
    await openAction(officer, 'serve');
    await submitAction(officer, 'serve', 'executing');
    expect(await officer.getByTestId('payment-due').textContent()).toBe('¥200,000.00');
    await openAction(officer, 'pay');
    await field(officer, 'field-receiptNo').fill('FS-2021-0802');
    await submitAction(officer, 'pay', 'executing');
    expect(await officer.getByTestId('payment-paid').textContent()).toBe('¥200,000.00');
    expect(await officer.getByTestId('payment-outstanding').textContent()).toBe('¥0.00');

    // The deadlines board: the unfiled lead's 15-day filing window ends tomorrow.
    await leader.goto(server.url + '/deadlines');
    await leader.getByTestId('deadline-board').waitFor();
    expect(await leader.getByTestId('deadline-today').textContent()).toContain('2021-08-02');
    await leader.locator('[data-testid=deadline-items] tbody tr[data-state="due_soon"]', { hasText: '2021-08-03' }).waitFor();

    // 结案 and 归档: afterwards the case is frozen.
    await openCase(leader);
    await openAction(leader, 'close');
    await field(leader, 'field-summary').fill('罚款已缴清，结案');
    await submitAction(leader, 'close', 'closed');
    await openCase(officer);
    await openAction(officer, 'archive');
    await submitAction(officer, 'archive', 'archived');
    await officer.getByTestId('case-archived-notice').waitFor();
    expect(await officer.locator('[data-testid^="action-"][data-allowed="true"]').count()).toBe(0);
    for (const kind of ['filing', 'legal_review', 'collective_discussion', 'hearing_held', 'decision', 'service', 'payment', 'closure', 'archive']) {
      expect(await officer.getByTestId('case-timeline').getByTestId(`step-${kind}`).count()).toBeGreaterThan(0);
    }

    // The case list finds it by number, archived.
    await officer.goto(server.url + '/cases?q=' + encodeURIComponent('烟环立〔2021〕1号'));
    await officer.locator('[data-testid="case-row-烟环立〔2021〕1号"][data-stage="archived"]').waitFor();

    // With 21 officers to one legal reviewer the ratio falls below 5 %: the review queue warns.
    for (let i = 1; i <= 18; i++) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username: `extra-officer-${i}`, displayName: `新增执法员${i}`, password: PASSWORD, role: 'enforcement_officer', districtId: null,
        departmentId: null, enterpriseId: null, credentialNo: `370600219${String(i).padStart(2, '0')}`, holdsLegalQualification: false,
      }, new Date());
      expect(created.ok).toBe(true);
    }
    await reviewer.goto(server.url + '/review-queue');
    expect(await reviewer.getByTestId('reviewer-ratio-warning').textContent()).toContain('4.8%');

    for (const [who, s] of sessions) expect({ who, errors: s.errors }).toEqual({ who, errors: [] });
  }, 300_000);
});
