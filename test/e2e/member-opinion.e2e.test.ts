// 我的意见 (行政处罚法 第五十七条第二款): a committee member records his own opinion on the case page; the
// collective-discussion form shows it read-only, "全体同意" sets the others, and the record marks it.
// Needs a system Chromium at /usr/bin/chromium; without one the suite is skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { loginHeaders, nextCreditCode } from '../helpers/app.js';
import { ALL_FINDINGS_OK, PROPOSAL } from '../helpers/cases.js';
import { addUser } from '../../src/users/actions.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/log.js';
import { listDistrictsWithTownships } from '../../src/organisation/queries.js';
import { seedDiscretionTables } from '../../src/discretion/index.js';
import { DISCRETION_TABLES } from '../../src/discretion/data/tables.js';
import { committeeDiscussions } from '../../src/cases/tables.js';
import { hasChromium, launchBrowser, login, newPage, webSnapshot } from './browser.js';

const TODAY = new Date('2021-07-19T12:00:00+08:00');
const PASSWORD = 'e2e-member-opinion-password';

describe.skipIf(!hasChromium)('我的意见: members record their own opinions', () => {
  let server: TestServer;
  let web: ReturnType<typeof webSnapshot>;
  let browser: Browser;
  let caseId = 0;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    web = webSnapshot();
    server = await startTestServer({ clock: () => TODAY, webDist: web.dir });
    await seedDiscretionTables(server.database.db, new Date('2020-01-01T00:00:00+08:00'), [{ ...DISCRETION_TABLES.find((t) => t.code === 'WPL-83-2')!, code: 'TEST-WPL-83-2' }]);
    for (const [username, role, displayName, credentialNo, qualified] of [
      ['moLeader', 'bureau_leader', '王局长', null, false], ['moOfficerA', 'enforcement_officer', '执法员赵', '37060031101', false],
      ['moOfficerB', 'enforcement_officer', '执法员钱', '37060031102', false], ['moReviewer', 'legal_reviewer', '法制员孙', null, true],
      ['moMember1', 'committee_member', '委员周', null, false], ['moMember2', 'committee_member', '委员吴', null, false], ['moMember3', 'committee_member', '委员郑', null, false],
    ] as const) {
      const created = await addUser(server.database.db, SYSTEM_ACTOR, {
        username, displayName, password: PASSWORD, role, districtId: null, departmentId: null, enterpriseId: null, credentialNo, holdsLegalQualification: qualified,
      }, new Date());
      if (!created.ok) throw new Error(created.code);
      ids[username] = created.value.id;
    }
    const as = async (username: string) => loginHeaders(server.app, username, PASSWORD);
    const call = async (username: string, url: string, payload: object, expected = 200) => {
      const res = await server.app.inject({ method: 'POST', url, headers: await as(username), payload });
      if (res.statusCode !== expected) throw new Error(`${url}: ${res.body}`);
      return res.json();
    };
    const district = (await listDistrictsWithTownships(server.database.db)).find((d) => d.code === '370602')!;
    const admin = await loginHeaders(server.app, server.adminUsername, server.adminPassword);
    const created = await server.app.inject({
      method: 'POST', url: '/api/enterprises', headers: admin,
      payload: {
        creditCode: nextCreditCode('370602'), name: '烟台海港化工有限公司', legalRepresentative: '孙海', districtId: district.id, townshipId: null,
        industryCode: 'C2614', address: '山东省烟台市芝罘区海港路8号', longitude: 121.4, latitude: 37.5, keyUnitCategories: ['water'],
        creditRating: 'blue', outfalls: [{ code: 'DW001', name: '废水总排口', kind: 'water' }],
      },
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    const enterprise = created.json();
    const lead = await call('moOfficerA', '/api/leads', { source: 'inspection', enterpriseId: enterprise.id, summary: '废水超标', discoveredOn: '2021-07-19' }, 201);
    const filed = await call('moLeader', `/api/leads/${lead.id}/file`, {
      cause: '超标排放水污染物', actOn: '2021-07-19', officerIds: [ids.moOfficerA, ids.moOfficerB], leadOfficerId: ids.moOfficerA,
      major: { majorPublicInterest: false, complexSeveralLegalRelations: false, requiredByOtherLaw: false },
    }, 201);
    caseId = filed.id;
    await call('moOfficerA', `/api/cases/${caseId}/record-investigation`, { kind: 'inspection_record', occurredOn: '2021-07-19', officerIds: [ids.moOfficerA, ids.moOfficerB], summary: '现场检查' });
    await call('moOfficerA', `/api/cases/${caseId}/submit`, { proposal: PROPOSAL(200_000_00) });
    await call('moLeader', `/api/cases/${caseId}/case-review`, { outcome: 'passed', opinion: '事实清楚' });
    const reviewed = await call('moReviewer', `/api/cases/${caseId}/legal-review`, { findings: ALL_FINDINGS_OK, outcome: 'passed', opinion: '同意' });
    if (reviewed.stage !== 'collective_discussion') throw new Error(reviewed.stage);
    const members = [ids.moMember1!, ids.moMember2!, ids.moMember3!];
    await call('moMember1', '/api/committee/meetings', { heldOn: '2021-07-19', location: '局二楼会议室', chairId: members[0], memberIds: members, attendeeIds: members }, 201);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    web?.remove();
  });

  it('a member records his dissent on the case page; the discussion form shows it read-only and 全体同意 sets the rest', async () => {
    const member2 = await newPage(browser, { timezoneId: 'Asia/Shanghai' });
    await member2.context.clock.setFixedTime(TODAY);
    await login(member2.page, server.url, 'moMember2', PASSWORD);
    await member2.page.goto(`${server.url}/cases/${caseId}`);
    const card = member2.page.getByTestId('member-opinion-card');
    await card.waitFor();
    await card.getByTestId('my-opinion-stance').getByText('不同意', { exact: true }).click();
    await card.getByTestId('my-opinion-save').click();
    // A dissent gives its reasons: the form says so before anything is sent.
    await card.locator('.ant-form-item-explain-error').filter({ hasText: '不同意须写明理由' }).waitFor();
    await card.getByTestId('my-opinion-words').fill('罚款过重');
    await card.getByTestId('my-opinion-save').click();
    await card.getByTestId('member-opinion-recorded').filter({ hasText: '不同意：罚款过重' }).waitFor();
    expect(member2.errors).toEqual([]);

    const member1 = await newPage(browser, { timezoneId: 'Asia/Shanghai' });
    await member1.context.clock.setFixedTime(TODAY);
    await login(member1.page, server.url, 'moMember1', PASSWORD);
    await member1.page.goto(`${server.url}/cases/${caseId}`);
    await member1.page.locator('[data-testid="action-collective_discussion"][data-allowed="true"]').click();
    const form = member1.page.getByTestId('action-form-collective_discussion');
    await form.waitFor();
    await form.locator('[data-testid="field-opinions"][data-count="3"]').waitFor();
    const own = form.locator(`[data-testid="opinion-${ids.moMember2}"][data-self-recorded="true"]`);
    await own.filter({ hasText: '不同意：罚款过重' }).waitFor();
    await form.getByTestId('opinions-all-agree').click();
    for (const who of ['moMember1', 'moMember3']) {
      await form.getByTestId(`opinion-${ids[who]}`).locator('.ant-radio-button-wrapper-checked').filter({ hasText: '同意' }).waitFor();
    }
    await member1.page.getByTestId('action-modal-submit').click();
    await member1.page.locator('[data-testid="case-detail"][data-stage="notification"]').waitFor({ timeout: 60_000 });
    const [stored] = await server.database.db.select().from(committeeDiscussions).where(eq(committeeDiscussions.caseId, caseId));
    expect(stored!.opinions).toEqual([
      { memberId: ids.moMember1, opinion: '同意拟处理意见', selfRecorded: false },
      { memberId: ids.moMember2, opinion: '不同意：罚款过重', selfRecorded: true, stance: 'disagree', recordedAt: TODAY.toISOString() },
      { memberId: ids.moMember3, opinion: '同意拟处理意见', selfRecorded: false },
    ]);
    expect(member1.errors).toEqual([]);
  });
});
