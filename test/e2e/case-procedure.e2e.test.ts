// Browser test of the penalty procedure: one major case from lead to archive through the web UI,
// each step taken by the user whose role it is, in their own browser context. The server and the
// browsers share a pinned clock so every deadline is deterministic. The gate refusing collective
// discussion before legal review (行政处罚法 第五十八条) is shown on the case page.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { loginHeaders, nextCreditCode } from '../helpers/app.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { listDistrictsWithTownships } from '../../src/organisation/queries.js';
import { seedDiscretionTables } from '../../src/discretion/index.js';
import { seedExemptionCatalogue } from '../../src/exemptions/index.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

/** China noon on a civil date: the server's and the browsers' "now". */
const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const PASSWORD = 'e2e-case-password';
const ENTERPRISE = '烟台渤海精细化工有限公司';
/**
 * The major case's effort from lead to served decision as this walk reaches it (clicks, free-text fields typed):
 * 37 and 3 (issue 12's target: at most 40 and 5). A change that costs the user more fails here.
 */
const CLICKS_REACHED = 37;
const TYPED_REACHED = 3;

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
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    // 执法员乙 works in the party's district (芝罘区): the filing proposes them beside the lead's registrant.
    for (const [who, p] of Object.entries(PEOPLE) as [Who, (typeof PEOPLE)[Who]][]) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username: who, displayName: p.displayName, password: PASSWORD, role: p.role, districtId: who === 'officerB' ? district.id : null, departmentId: null, enterpriseId: null,
        credentialNo: 'credentialNo' in p ? p.credentialNo : null, holdsLegalQualification: 'holdsLegalQualification' in p && p.holdsLegalQualification,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
      ids[who] = created.value.id;
    }
    // The penalty provisions and their legal ranges (行政处罚法 第三十四条) the proposal chooses from.
    await seedDiscretionTables(server.database.db, at('2020-01-01'));
    // The first-violation exemption list: the violation catalogue names its entries beside each violation.
    await seedExemptionCatalogue(server.database.db, at('2020-01-01'));
    const admin = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    // The administrator set the committee's standing chair and the usual rooms once (bureau settings).
    const settings = (await server.app.inject({ method: 'GET', url: '/api/settings', headers: admin })).json() as { value: Record<string, unknown>; version: number };
    const { demoValues: _demo, ...value } = settings.value;
    const put = await server.app.inject({
      method: 'PUT', url: '/api/settings', headers: admin,
      payload: { value: { ...value, committee: { chairUserId: ids.member1, meetingRoom: '局三楼会议室', hearingRoom: '局听证室' } }, version: settings.version, reason: '案审委员会主持人与会议、听证地点' },
    });
    if (put.statusCode !== 200) throw new Error(put.body);
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
    // Where the walk got to, with the time of each step (for a failure on a loaded machine).
    if (trace.length) console.log(`[walk trace]\n  ${trace.slice(-60).join('\n  ')}`);
    if (server?.slowRequests.length) console.log(`[slow requests]\n  ${server.slowRequests.join('\n  ')}`);
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

  // The officer's effort for the major case, counted from the lead to the served decision: every click,
  // and every free-text field typed into (dates and searches in a picker are not free text). Clicks
  // and texts on deliberate detours (a refused step shown on purpose, the re-notification) count apart.
  const effort = { counting: false, detour: false, clicks: 0, typed: 0, detourClicks: 0, detourTyped: 0, log: [] as string[] };
  const trace: string[] = [];
  const started = Date.now();
  function count(kind: 'click' | 'typed', what: string) {
    trace.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${kind} ${what}`);
    if (!effort.counting) return;
    if (effort.detour) effort[kind === 'click' ? 'detourClicks' : 'detourTyped']++;
    else effort[kind === 'click' ? 'clicks' : 'typed']++;
    effort.log.push(`${effort.detour ? '(detour) ' : ''}${kind} ${what}`);
  }
  const mark = (what: string) => trace.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
  async function click(target: Locator, what: string, counted = true) {
    await target.click();
    if (counted) count('click', what);
  }
  async function fill(page: Page, testId: string, value: string) {
    await field(page, testId).fill(value);
    count('typed', testId);
  }
  async function detour<T>(fn: () => Promise<T>): Promise<T> {
    effort.detour = true;
    try {
      return await fn();
    } finally {
      effort.detour = false;
    }
  }

  /**
   * Chooses `label` in an antd Select (typing it first when the select searches). The options are looked
   * up in this select's own dropdown (found by its listbox id), never in any dropdown that happens to be
   * open; a select that waits for its options carries data-loaded / data-ready, and the pick is retried
   * when the choice did not take (a re-render closed the dropdown under the click).
   */
  async function pick(page: Page, testId: string, label: string, search = false, counted = true, force = false) {
    const select = page.getByTestId(testId);
    await select.and(page.locator(':not([data-loaded="false"]):not([data-ready="false"])')).waitFor();
    // Already chosen (pre-filled by the form): nothing to do.
    if (!force && (await select.locator('.ant-select-selection-item').allTextContents()).some((v) => v.includes(label))) return;
    const listId = await select.locator('input[aria-controls], input[role=combobox]').first().getAttribute('id');
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}_list"]`) });
    for (let attempt = 0; ; attempt++) {
      await click(select, `pick ${testId}`, counted && attempt === 0);
      if (search) await page.keyboard.type(label);
      const option = dropdown.locator('.ant-select-item-option', { hasText: label }).first();
      await option.waitFor();
      await click(option, `option ${label}`, counted && attempt === 0);
      const taken = await expect.poll(() => select.locator('.ant-select-selection-item').allTextContents().then((x) => x.some((v) => v.includes(label))), { timeout: 5_000 })
        .toBe(true).then(() => true, () => false);
      if (taken) return;
      if (attempt >= 2) throw new Error(`the choice ${label} did not take in ${testId}`);
      await page.keyboard.press('Escape');
    }
  }

  /** Chooses several labels in a multiple Select (in its own dropdown), then closes it. */
  async function pickMany(page: Page, testId: string, labels: string[]) {
    const select = page.getByTestId(testId);
    const listId = await select.locator('input[aria-controls], input[role=combobox]').first().getAttribute('id');
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}_list"]`) });
    await click(select, `pick ${testId}`);
    for (const label of labels) {
      await click(dropdown.locator('.ant-select-item-option', { hasText: label }).first(), `option ${label}`);
      // The same wait as pick's (vitest's default 1 s failed in CI under load: the choice took later).
      await expect.poll(() => select.locator('.ant-select-selection-item').allTextContents().then((x) => x.some((v) => v.includes(label))), { timeout: 5_000 }).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dropdown.and(page.locator(':visible')).waitFor({ state: 'detached' }).catch(() => undefined);
  }

  async function fillDate(page: Page, testId: string, on: string) {
    const input = page.getByTestId(testId).locator('input');
    await click(input, `date ${testId}`);
    await input.fill(on);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(on);
  }

  async function openCase(page: Page) {
    mark('goto case');
    await page.goto(caseUrl);
    mark('case page loaded');
    await page.getByTestId('case-detail').waitFor().catch(async (e: unknown) => {
      throw new Error(`the case page did not show: ${String(e)}\n${(await page.locator('body').innerText()).slice(0, 500)}`);
    });
  }

  /**
   * The step's form: already open on the case page when it is the next step and this user takes it (no
   * click), else opened from the action panel.
   */
  async function openAction(page: Page, action: string) {
    await page.locator(`[data-testid="action-${action}"][data-allowed="true"]`).waitFor();
    if (await page.locator(`[data-testid="next-step-form"][data-action="${action}"]`).count()) mark(`inline ${action}`);
    else await click(page.locator(`[data-testid="action-${action}"][data-allowed="true"]`), `open ${action}`);
    await page.getByTestId(`action-form-${action}`).waitFor();
  }

  /** Submits the open step form and waits for the case to reach `stage`. */
  async function submitAction(page: Page, action: string, stage: string) {
    const form = page.getByTestId(`action-form-${action}`);
    const refusals = form.locator('[data-testid=action-error], .ant-form-item-explain-error');
    const button = page.getByTestId('action-modal-submit');
    const version = await page.getByTestId('case-detail').getAttribute('data-version');
    // The step is sent when its POST leaves the page. A click that did not reach the form (a re-render
    // under it on a loaded machine) sends nothing and leaves the form idle: click again only then.
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/'), { timeout: 20_000 }).then(() => true, () => false);
    await click(button, `submit ${action}`);
    mark(`sent ${action}: ${await sent}`);
    if (!(await sent) && (await form.count()) > 0 && (await refusals.count()) === 0 && !(await button.evaluate((b) => b.classList.contains('ant-btn-loading'), undefined, { timeout: 1_000 }).catch(() => true))) {
      await button.click();
    }
    // Done when the case has changed (a new version; the form has gone or is the next step's); a refusal left on
    // the form is the failure to report. (Waiting on the page's own state: reading a form that has just closed
    // would wait for it the locator's full timeout.)
    const closed = await page.locator(`[data-testid="case-detail"]:not([data-version="${version}"])`).waitFor({ timeout: 120_000 }).then(() => true, () => false);
    if (!closed) {
      const refused = (await refusals.allTextContents()).join(' | ');
      const pending = (await form.innerText({ timeout: 1_000 }).catch(() => '')).slice(0, 600);
      throw new Error(`${action} did not close: ${refused || pending} ${[...sessions.values()].flatMap((x) => x.errors).join('; ').slice(0, 300)}`);
    }
    mark(`form closed ${action}`);
    await page.locator(`[data-testid="case-detail"][data-stage="${stage}"]`).waitFor({ timeout: 120_000 }).catch(async (e: unknown) => {
      throw new Error(`the case did not reach ${stage}: ${String(e)}\n${(await page.locator('body').innerText()).slice(0, 400)}\n${[...sessions.values()].flatMap((x) => x.errors).join('; ').slice(0, 400)}`);
    });
  }

  /**
   * A committee meeting: the standing members are pre-filled as members and attendees, the chair and the room
   * from the bureau's settings; `absent` are taken off the attendance.
   */
  async function createMeeting(page: Page, absent: string[]) {
    await page.goto(server.url + '/committee');
    await page.getByTestId('committee-page').waitFor();
    await page.locator('[data-testid=meeting-table]').waitFor();
    await click(page.getByTestId('meeting-new'), 'meeting-new');
    await page.getByTestId('meeting-form').waitFor();
    const attendees = page.getByTestId('field-attendeeIds');
    for (const m of [PEOPLE.member1, PEOPLE.member2, PEOPLE.member3]) {
      await attendees.locator('.ant-select-selection-item', { hasText: m.displayName }).waitFor();
    }
    await expect.poll(() => field(page, 'field-location').inputValue()).toBe('局三楼会议室');
    // An absence is this meeting's circumstance, not the procedure's cost: counted apart.
    if (absent.length) effort.detour = true;
    for (const name of absent) {
      await click(attendees.locator('.ant-select-selection-item', { hasText: name }).locator('.ant-select-selection-item-remove'), `absent ${name}`);
      await attendees.locator('.ant-select-selection-item', { hasText: name }).waitFor({ state: 'detached' });
    }
    effort.detour = false;
    await pick(page, 'field-chairId', PEOPLE.member1.displayName); // pre-filled from the settings: no click
    await click(page.getByTestId('meeting-submit'), 'meeting-submit');
    await page.getByTestId('meeting-form').waitFor({ state: 'detached' });
  }

  /**
   * 集体讨论: picks the meeting once its options have loaded, waits for the attendees' opinion rows it
   * brings (picking again if they did not come), and records each attendee's stance.
   */
  async function discuss(page: Page, meetingLabel: string, attendees: Who[]) {
    const rows = page.getByTestId('field-opinions');
    for (let attempt = 0; ; attempt++) {
      // The rows did not come: choose the meeting again (the form fills the rows on every selection).
      await pick(page, 'field-meetingId', meetingLabel, false, attempt === 0, attempt > 0);
      const arrived = await rows.and(page.locator(`[data-count="${attendees.length}"]`)).waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (arrived) break;
      if (attempt >= 2) throw new Error(`no opinion rows after picking ${meetingLabel}: ${await rows.innerText()}`);
    }
    // 全体同意: every attending member agrees (a member who recorded their own opinion keeps it).
    await click(page.getByTestId('opinions-all-agree'), 'opinions-all-agree');
    for (const who of attendees) {
      await page.getByTestId(`opinion-${ids[who]}`).locator('.ant-radio-button-wrapper-checked', { hasText: '同意' }).waitFor();
    }
  }

  it('walks lead → filing → investigation → reviews → committee → notification → hearing → decision → payment → archive', async () => {
    // 线索: an officer registers the lead (the party picked from the registry: name, credit code, district).
    effort.counting = true;
    const officer = await as('officerA');
    await officer.goto(server.url + '/leads');
    await officer.getByTestId('lead-list').waitFor();
    expect(await officer.getByTestId('menu-leads').textContent()).toBe('案件线索');
    const registerLead = async (summary: string) => {
      await click(officer.getByTestId('lead-register'), 'lead-register');
      await officer.getByTestId('lead-register-form').waitFor();
      await pick(officer, 'field-enterpriseId', '渤海精细', true);
      await fill(officer, 'field-summary', summary);
      await click(officer.getByTestId('lead-register-submit'), 'lead-register-submit');
      await officer.getByTestId('lead-register-form').waitFor({ state: 'detached' });
      await officer.locator('[data-testid=lead-table] tbody tr', { hasText: summary }).waitFor();
    };
    await registerLead('现场检查发现废水总排口化学需氧量超标排放');
    // A second lead waits unfiled (the deadlines board shows it later): not part of the major case's effort.
    effort.counting = false;
    await registerLead('群众投诉厂区夜间异味');
    effort.counting = true;

    // 立案: the leader files the first lead; the registering officer is proposed, one more is added; the
    // violation picked from the catalogue drafts the 案由.
    const leader = await as('leader');
    await leader.goto(server.url + '/leads');
    await click(leader.locator('[data-testid=lead-table] tbody tr', { hasText: '化学需氧量' }).getByTestId('lead-file'), 'lead-file');
    await leader.getByTestId('lead-file-form').waitFor();
    await leader.getByTestId('field-officerIds').locator('.ant-select-selection-item', { hasText: PEOPLE.officerA.displayName }).waitFor();
    await leader.getByTestId('field-officerIds').locator('.ant-select-selection-item', { hasText: PEOPLE.officerB.displayName }).waitFor();
    await pick(leader, 'field-violation', 'WPL-83-2', true);
    await expect.poll(() => field(leader, 'field-cause').inputValue()).toBe(`${ENTERPRISE}涉嫌超过水污染物排放标准或者超过重点水污染物排放总量控制指标排放水污染物案`);
    expect(await leader.getByTestId('field-leadOfficerId').textContent()).toContain(PEOPLE.officerA.displayName);
    await click(leader.getByTestId('lead-file-submit'), 'lead-file-submit');
    await leader.waitForURL(/\/cases\/\d+$/);
    await leader.locator('[data-testid="case-detail"][data-stage="investigating"]').waitFor();
    caseUrl = leader.url();
    expect(await leader.getByTestId('case-number').textContent()).toBe('烟环立〔2021〕1号');
    // 行政处罚法 第六十条: 90 days from 19 July is Sunday 17 October → Monday 18 October.
    expect(await leader.getByTestId('case-decision-due').textContent()).toContain('2021-10-18');
    expect(await leader.getByTestId('case-officers').textContent()).toContain('37060021001');

    // 调查取证 and the proposal: the violation comes from the 案由, its provisions fill in, the calculator
    // inside the form gives the fine (行政处罚法 第三十四条); 208 000 yuan makes the case major.
    await openCase(officer);
    await openAction(officer, 'record_investigation');
    await fill(officer, 'field-summary', '现场检查废水总排口，采样送检，COD 超标 2.1 倍');
    await submitAction(officer, 'record_investigation', 'investigating');
    await officer.getByTestId('case-timeline').getByTestId('step-inspection_record').waitFor();
    await openAction(officer, 'submit');
    const proposal = officer.getByTestId('action-form-submit');
    await proposal.locator('[data-testid=violation-summary][data-code="WPL-83-2"]').waitFor();
    expect(await field(officer, 'field-violatedProvisions').inputValue()).toBe('《中华人民共和国水污染防治法》第十条');
    expect(await field(officer, 'field-penaltyBasis').inputValue()).toBe('《中华人民共和国水污染防治法》第八十三条第（二）项');
    expect(await field(officer, 'field-facts').inputValue()).toContain('COD 超标 2.1 倍');
    expect(await proposal.getByTestId('violation-range').textContent()).toBe('¥100,000.00 – ¥1,000,000.00');
    expect(await proposal.getByTestId('violation-exemptions').textContent()).toContain('超标排放水污染物，超标轻微');
    // 违法次数 comes from the records (the party has no earlier penalty): pre-set and marked, not clicked.
    const recordedRepeat = proposal.locator('[data-testid="calc-factor-repeat-recorded"][data-level="first"]');
    await recordedRepeat.waitFor();
    expect(await recordedRepeat.textContent()).toBe('据系统记录：两年内首次');
    await proposal.getByTestId('calc-factor-repeat').locator('.ant-radio-button-wrapper-checked', { hasText: '两年内首次' }).waitFor();
    const levels: Record<string, string> = { severity: '一般', duration: '1日以内', sensitiveArea: '非环境敏感区', cooperation: '积极配合', correction: '限期内改正', consequence: '未造成危害后果' };
    for (const [factor, level] of Object.entries(levels)) {
      await click(proposal.getByTestId(`calc-factor-${factor}`).getByText(level, { exact: true }), `factor ${factor}`);
    }
    await proposal.locator('[data-testid=calc-result][data-fen="20800000"]').waitFor();
    await expect.poll(() => field(officer, 'field-fineYuan').inputValue()).toBe('208000.00');
    await submitAction(officer, 'submit', 'case_review');
    expect(await officer.getByTestId('case-proposed-fine').textContent()).toBe('¥208,000.00');

    // 案件审查 by the leader, who did not investigate: the usual opinion is drafted.
    await openCase(leader);
    await openAction(leader, 'case_review');
    expect(await field(leader, 'field-opinion').inputValue()).toContain('同意提交法制审核');
    await submitAction(leader, 'case_review', 'legal_review');

    // The committee meets (its standing members pre-filled), but the case has not passed legal review: the gate refuses.
    const member = await as('member1');
    await createMeeting(member, [PEOPLE.member3.displayName]);
    await openCase(member);
    await member.locator('[data-testid="action-collective_discussion"][data-allowed="false"]').waitFor();
    const gate = member.getByTestId('action-refusal-collective_discussion');
    expect(await gate.getAttribute('data-code')).toBe('LEGAL_REVIEW_MISSING');
    expect(await gate.textContent()).toContain('重大案件未经法制审核，不得集体讨论或作出决定');
    expect(await gate.textContent()).toContain('行政处罚法 第五十八条');

    // 法制审核: the queue shows the case and the reviewer ratio. The seven points start unset, with the facts,
    // evidence and proposal beside them; the reviewer judges evidence "no", then "以上各项均符合" sets the six
    // still unset to yes and leaves that one; a "passed" review with a failed point is refused on that point.
    const reviewer = await as('reviewer');
    await reviewer.goto(server.url + '/review-queue');
    await reviewer.getByTestId('review-queue').waitFor();
    expect(await reviewer.getByTestId('reviewer-ratio').textContent()).toContain('33.3%');
    await click(reviewer.locator('[data-testid="review-table"] tbody tr', { hasText: '烟环立〔2021〕1号' }).getByTestId('case-link'), 'case-link');
    await reviewer.getByTestId('case-detail').waitFor();
    await openAction(reviewer, 'legal_review');
    const review = reviewer.getByTestId('action-form-legal_review');
    expect(await review.getByTestId('review-context-facts').textContent()).toContain('COD 超标 2.1 倍');
    expect(await review.getByTestId('review-context-proposal').textContent()).toContain('《中华人民共和国水污染防治法》第八十三条第（二）项');
    expect(await review.getByTestId('review-context-evidence').textContent()).toContain('现场检查废水总排口');
    const checked = review.locator('[data-testid^="finding-"][data-testid$="-ok"] .ant-radio-button-wrapper-checked');
    expect(await checked.count()).toBe(0);
    expect(await review.getByTestId('findings-carried-over').count()).toBe(0);
    const points = ['subject', 'authority', 'procedure', 'facts', 'evidence', 'legalBasis', 'discretion'];
    // The "no" on evidence exists only to show the refusal: counted with that detour.
    await detour(() => click(review.getByTestId('finding-evidence-no'), 'finding evidence'));
    await click(review.getByTestId('findings-all-yes'), 'findings-all-yes');
    await expect.poll(() => checked.count()).toBe(points.length);
    expect(await review.getByTestId('finding-evidence-ok').locator('.ant-radio-button-wrapper-checked').textContent()).toBe('有问题');
    await detour(async () => {
      await fill(reviewer, 'field-opinion', '同意');
      await click(reviewer.getByTestId('action-modal-submit'), 'submit refused review');
      const findingError = review.locator('.ant-form-item-explain-error');
      await findingError.first().waitFor();
      expect(await findingError.first().textContent()).toContain('行政处罚法 第五十八条');
      await click(review.getByTestId('finding-evidence-yes'), 'finding evidence again');
    });
    await submitAction(reviewer, 'legal_review', 'collective_discussion');
    expect(await reviewer.getByTestId('case-reviews').textContent()).toContain('同意');

    // 集体讨论 at the meeting held after the filing: each attending member's own stance.
    await openCase(member);
    await openAction(member, 'collective_discussion');
    await discuss(member, '局三楼会议室', ['member1', 'member2']);
    expect(await field(member, 'field-conclusion').inputValue()).toContain('罚款¥208,000.00');
    await submitAction(member, 'collective_discussion', 'notification');

    // 事先告知 with the hearing right (a large fine): 5 working days to state and to ask for a hearing.
    await openCase(officer);
    await openAction(officer, 'notify');
    await submitAction(officer, 'notify', 'awaiting_statement');
    expect(await officer.getByTestId('case-deadlines').textContent()).toContain('2021-07-26');

    // 重新告知 (行政处罚法 第四十四条, 第六十二条): a warning is added, so the party is notified anew; the new
    // notice re-opens the statement and hearing rights, and the reviews re-run on it (after the hearing).
    await setToday('2021-07-20');
    await openCase(officer);
    await detour(async () => {
      await openAction(officer, 'renotify');
      await pickMany(officer, 'field-penaltyKinds', ['警告']);
      await fill(officer, 'field-reason', '拟增加警告');
      await submitAction(officer, 'renotify', 'legal_review');
    });
    await officer.getByTestId('case-timeline').getByTestId('step-renotification').waitFor();

    // 听证: requested on 22 July; the investigator cannot host; 7 working days' notice.
    await setToday('2021-07-22');
    await openCase(officer);
    await openAction(officer, 'request_hearing');
    await submitAction(officer, 'request_hearing', 'hearing');
    await openAction(officer, 'schedule_hearing');
    await fillDate(officer, 'field-scheduledOn', '2021-08-02');
    // The room and the host are proposed: the bureau's hearing room, and the credentialed officer who did not investigate.
    await expect.poll(() => field(officer, 'field-location').inputValue()).toBe('局听证室');
    await officer.getByTestId('field-hostId').locator('.ant-select-selection-item', { hasText: PEOPLE.officerC.displayName }).waitFor();
    await detour(async () => {
      await pick(officer, 'field-hostId', PEOPLE.officerA.displayName, true);
      await click(officer.getByTestId('action-modal-submit'), 'submit refused host');
      const hostError = officer.getByTestId('action-form-schedule_hearing').locator('.ant-form-item-explain-error');
      await hostError.first().waitFor();
      expect(await hostError.first().textContent()).toContain('行政处罚法 第六十四条');
      await pick(officer, 'field-hostId', PEOPLE.officerC.displayName, true);
    });
    await submitAction(officer, 'schedule_hearing', 'hearing');
    expect(await officer.getByTestId('hearing-host').textContent()).toBe(PEOPLE.officerC.displayName);

    // The host holds the hearing; the case goes back to legal review (第五十八条 (二)) and the committee.
    await setToday('2021-08-02');
    const host = await as('officerC');
    await openCase(host);
    await openAction(host, 'hold_hearing');
    await fill(host, 'field-record', '当事人对超标事实无异议，请求从轻处罚');
    await submitAction(host, 'hold_hearing', 'legal_review');
    // The re-review after the hearing starts from the first review's findings, marked as carried over: no point clicked.
    await openCase(reviewer);
    await openAction(reviewer, 'legal_review');
    expect(await review.getByTestId('findings-carried-over').textContent()).toContain('沿用 2021-07-19 审核意见');
    for (const p of points) await review.getByTestId(`finding-${p}-ok`).locator('.ant-radio-button-wrapper-checked', { hasText: '合法' }).waitFor();
    expect(await checked.count()).toBe(points.length);
    await expect.poll(() => field(reviewer, 'field-opinion').inputValue()).toContain('同意');
    await submitAction(reviewer, 'legal_review', 'collective_discussion');
    await createMeeting(member, []);
    await openCase(member);
    await openAction(member, 'collective_discussion');
    // Only the meeting after the hearing is offered: the first one has discussed the case already.
    await discuss(member, '2021-08-02', ['member1', 'member2', 'member3']);
    await submitAction(member, 'collective_discussion', 'deciding');

    // 作出决定: the fine is prefilled in yuan and sent in fen; the decision gets its number.
    await openCase(leader);
    await openAction(leader, 'decide');
    expect(await field(leader, 'field-fineYuan').inputValue()).toBe('208000.00');
    expect(await leader.getByTestId('field-penaltyKinds').textContent()).toContain('警告');
    await submitAction(leader, 'decide', 'decided');
    expect(await leader.getByTestId('case-decision-number').textContent()).toBe('烟环罚〔2021〕1号');
    expect(await leader.getByTestId('case-decided-fine').textContent()).toBe('¥208,000.00');

    // 送达: the served decision ends the count.
    await openCase(officer);
    await openAction(officer, 'serve');
    await submitAction(officer, 'serve', 'executing');
    effort.counting = false;
    console.log(`[major case effort, lead → served decision] clicks ${effort.clicks}, free-text fields ${effort.typed}; `
      + `detours (refusals shown on purpose, re-notification) clicks ${effort.detourClicks}, free-text fields ${effort.detourTyped}\n  ${effort.log.join('\n  ')}`);
    // The counts may only fall: raise these only with a reason in the review.
    expect(effort.clicks).toBeLessThanOrEqual(CLICKS_REACHED);
    expect(effort.typed).toBeLessThanOrEqual(TYPED_REACHED);

    // 缴款 within 15 days: due equals the fine, no surcharge.
    expect(await officer.getByTestId('payment-due').textContent()).toBe('¥208,000.00');
    await openAction(officer, 'pay');
    await fill(officer, 'field-receiptNo', 'FS-2021-0802');
    await submitAction(officer, 'pay', 'executing');
    expect(await officer.getByTestId('payment-paid').textContent()).toBe('¥208,000.00');
    expect(await officer.getByTestId('payment-outstanding').textContent()).toBe('¥0.00');

    // The deadlines board: the unfiled lead's 15-day filing window ends tomorrow.
    await leader.goto(server.url + '/deadlines');
    await leader.getByTestId('deadline-board').waitFor();
    expect(await leader.getByTestId('deadline-today').textContent()).toContain('2021-08-02');
    await leader.locator('[data-testid=deadline-items] tbody tr[data-state="due_soon"]', { hasText: '2021-08-03' }).waitFor();

    // 结案 and 归档: afterwards the case is frozen.
    await openCase(leader);
    await openAction(leader, 'close');
    await fill(leader, 'field-summary', '罚款已缴清，结案');
    await submitAction(leader, 'close', 'closed');
    await openCase(officer);
    await openAction(officer, 'archive');
    await submitAction(officer, 'archive', 'archived');
    await officer.getByTestId('case-archived-notice').waitFor();
    expect(await officer.locator('[data-testid^="action-"][data-allowed="true"]').count()).toBe(0);
    for (const kind of ['filing', 'legal_review', 'collective_discussion', 'renotification', 'hearing_request', 'hearing_held', 'decision', 'service', 'payment', 'closure', 'archive']) {
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
  }, 900_000);
});
