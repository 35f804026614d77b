import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { and, asc, eq } from 'drizzle-orm';
import { createTestContext, enterpriseInput, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { auditLog } from '../platform/audit/tables.js';
import type { Role } from '../platform/auth/roles.js';
import { seedCalendar } from '../calendar/index.js';
import { decisionYearFigures } from './index.js';

type Headers = Record<string, string>;

describe(`重大行政决策 through the API (${ENGINE})`, { timeout: 120_000 }, () => {
  let ctx: TestContext;
  let nowAt = new Date('2020-03-01T10:00:00+08:00');
  const at = (on: string) => { nowAt = new Date(`${on}T10:00:00+08:00`); };
  let leader: Headers; let legal: Headers;
  const call = async (headers: Headers | null, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: headers ?? {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.headers['content-type']?.toString().includes('json') ? res.json() : res.rawPayload, headers: res.headers };
  };
  const audits = async (entity: string, id: number) =>
    (await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))).orderBy(asc(auditLog.seq))).map((a) => a.action);
  const item = (over: object = {}) => ({ title: '烟台市2020年大气污染防治攻坚方案', department: '大气环境科', plannedHearing: true, plannedExperts: true, plannedRisk: false, ...over });
  let catalogueId = 0;
  let enterpriseId = 0;

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => nowAt });
    await seedCalendar(ctx.database.db, nowAt);
    leader = await ctx.loginAs('bureau_leader');
    legal = await ctx.loginAs('legal_reviewer');
    at('2020-01-10');
    const c = await call(legal, 'POST', '/api/decisions/catalogues', { year: 2020 });
    expect(c.status).toBe(201);
    catalogueId = c.body.id;
    enterpriseId = (await call(await ctx.loginAs('administrator'), 'POST', '/api/enterprises', enterpriseInput(ctx))).body.id;
  }, 120_000);
  afterAll(async () => ctx.close());

  it.each([
    ['administrator', 200, 201], ['bureau_leader', 200, 403], ['legal_reviewer', 200, 201], ['enforcement_officer', 200, 403],
    ['district_staff', 200, 403], ['licensing_staff', 200, 403], ['committee_member', 200, 403], ['enterprise_user', 403, 403], ['public', 401, 401],
  ] as const)('role matrix: %s reads %i, adds an item %i', async (who, read, write) => {
    const headers = who === 'public' ? null : await ctx.loginAs(who as Role, who === 'district_staff' ? { districtCode: '370602' } : who === 'enterprise_user' ? { enterpriseId } : {});
    expect((await call(headers, 'GET', '/api/decisions')).status).toBe(read);
    expect((await call(headers, 'GET', '/api/decisions/year-figures?year=2020')).status).toBe(read);
    expect((await call(headers, 'POST', '/api/decisions/catalogues/999999/items', item())).status).toBe(write === 201 ? 404 : write);
  });

  it('role matrix: only decision.decide approves the catalogue, only decision.review records the review', async () => {
    expect((await call(legal, 'POST', `/api/decisions/catalogues/${catalogueId}/approve`, { on: '2020-01-10' })).status).toBe(403);
    expect((await call(leader, 'POST', '/api/decisions/999999/review', {
      completedOn: '2020-01-10', passed: true, competence: 'a', procedure: 'b', content: 'c', reviewerOpinion: 'd', counselOpinion: 'e',
    })).status).toBe(403);
  });

  it('第三条 … 第三十六条: a decision runs from the catalogue to post-evaluation, each gate refused in turn, each change audited', async () => {
    at('2020-01-10');
    const added = await call(legal, 'POST', `/api/decisions/catalogues/${catalogueId}/items`, item());
    expect(added.status).toBe(201);
    const id = added.body.id as number;
    // 第三条第三款: not before the catalogue is approved.
    const early = await call(legal, 'POST', `/api/decisions/${id}/propose`, { proposedOn: '2020-01-10', draftText: '草案' });
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'DECISION_CATALOGUE_NOT_APPROVED', citation: { article: '第三条' } } } });
    expect((await call(leader, 'POST', `/api/decisions/catalogues/${catalogueId}/approve`, { on: '2020-01-15' })).body.error.code).toBe('DATE_IN_FUTURE');
    expect((await call(leader, 'POST', `/api/decisions/catalogues/${catalogueId}/approve`, { on: '2020-01-10' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/catalogues/${catalogueId}/publish`, { on: '2020-01-10' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/catalogues/${catalogueId}/items`, item())).body.error.code).toBe('DECISION_CATALOGUE_NOT_DRAFT');

    at('2020-03-02');
    expect((await call(legal, 'POST', `/api/decisions/${id}/propose`, { proposedOn: '2020-01-09', draftText: '草案' })).body.error)
      .toMatchObject({ code: 'DECISION_DATE_BEFORE_PREVIOUS_STEP', field: 'proposedOn' });
    expect((await call(legal, 'POST', `/api/decisions/${id}/propose`, { proposedOn: '2020-03-02', draftText: '方案草案全文' })).status).toBe(200);
    // 第十五条: 20 days without a reason → 422 naming the field.
    const short = await call(legal, 'POST', `/api/decisions/${id}/comment`, { startOn: '2020-03-02', endOn: '2020-03-21' });
    expect(short).toMatchObject({ status: 422, body: { error: { code: 'DECISION_COMMENT_PERIOD_SHORT', field: 'shortenedReason', citation: { article: '第十五条' } } } });
    expect((await call(legal, 'POST', `/api/decisions/${id}/comment`, { startOn: '2020-03-02', endOn: '2020-03-31' })).status).toBe(200);

    // The public comments without login; an answer is published with it.
    expect((await call(null, 'GET', '/api/public/major-decisions')).body.items.some((d: { id: number }) => d.id === id)).toBe(true);
    const comment = await call(null, 'POST', `/api/public/major-decisions/${id}/comments`, { authorName: '李四', content: '建议增加扬尘管控措施' });
    expect(comment.status).toBe(201);
    expect((await call(null, 'POST', `/api/public/major-decisions/${id}/comments`, { content: '' })).status).toBe(400);
    expect((await call(null, 'GET', `/api/public/major-decisions/${id}`)).body).toMatchObject({ received: 1, comments: [], open: true });

    at('2020-04-01');
    expect((await call(null, 'POST', `/api/public/major-decisions/${id}/comments`, { content: '迟到的意见' })).body.error.code).toBe('DECISION_COMMENT_CLOSED');
    // 第十八条: every comment answered before the legality review; 第十六条: the planned hearing held.
    expect((await call(legal, 'POST', `/api/decisions/${id}/review-submit`, { submittedOn: '2020-04-01' })).body.error)
      .toMatchObject({ code: 'DECISION_COMMENTS_UNANSWERED', citation: { article: '第十八条' } });
    expect((await call(legal, 'POST', `/api/decisions/${id}/comments/${comment.body.id}/answer`, { answer: '已采纳，增加第五条扬尘管控' })).status).toBe(200);
    const pub = (await call(null, 'GET', `/api/public/major-decisions/${id}`)).body;
    expect(pub.comments).toEqual([expect.objectContaining({ content: '建议增加扬尘管控措施', answer: '已采纳，增加第五条扬尘管控' })]);
    expect(JSON.stringify(pub)).not.toContain('李四');
    expect((await call(legal, 'POST', `/api/decisions/${id}/review-submit`, { submittedOn: '2020-04-01' })).body.error)
      .toMatchObject({ code: 'DECISION_HEARING_MISSING', citation: { article: '第十六条' } });
    expect((await call(legal, 'POST', `/api/decisions/${id}/risk`, { assessedOn: '2020-04-01', level: 'low', report: 'x' })).body.error.code).toBe('DECISION_STEP_NOT_PLANNED');
    expect((await call(legal, 'POST', `/api/decisions/${id}/hearing`, { heldOn: '2020-03-20', summary: '听证会意见' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${id}/experts`, { heldOn: '2020-03-25', opinion: '专家论证可行' })).status).toBe(200);

    // 第二十五条第二款: no discussion before the review.
    const detail = (await call(legal, 'GET', `/api/decisions/${id}`)).body;
    expect(detail.actions).toContainEqual(expect.objectContaining({ name: 'discuss', allowed: false, refusal: expect.objectContaining({ code: 'DECISION_REVIEW_MISSING' }) }));
    expect(detail.actions).toContainEqual({ name: 'review-submit', allowed: true });
    expect((await call(legal, 'POST', `/api/decisions/${id}/discuss`, meeting('2020-04-01'))).body.error).toMatchObject({ code: 'DECISION_REVIEW_MISSING', citation: { article: '第二十五条' } });
    expect((await call(legal, 'POST', `/api/decisions/${id}/review-submit`, { submittedOn: '2020-03-24' })).body.error.code).toBe('DECISION_DATE_BEFORE_PREVIOUS_STEP');
    expect((await call(legal, 'POST', `/api/decisions/${id}/review-submit`, { submittedOn: '2020-04-01' })).status).toBe(200);

    // 第二十六条第二款: 7 working days; Qingming 2020-04-04..06 is a rest block — 04-01 + 7 working days = 04-13.
    at('2020-04-20');
    const review = { passed: true, competence: '属于本局法定职权', procedure: '已履行公众参与、听证、专家论证程序', content: '内容合法', reviewerOpinion: '同意提交集体讨论', counselOpinion: '法律顾问：无法律障碍' };
    expect((await call(legal, 'POST', `/api/decisions/${id}/review`, { ...review, completedOn: '2020-04-10' })).body.error)
      .toMatchObject({ code: 'DECISION_REVIEW_TOO_SHORT', field: 'completedOn', citation: { article: '第二十六条' } });
    expect((await call(legal, 'POST', `/api/decisions/${id}/review`, { ...review, completedOn: '2020-04-13' })).status).toBe(200);
    const doc = await call(legal, 'GET', `/api/decisions/${id}/review-opinion`);
    expect(doc.status).toBe(200);
    const xml = await (await JSZip.loadAsync(doc.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('合法性审查意见书');
    expect(xml).toContain('法律顾问：无法律障碍');

    // 第三十条: the head last, reasons where the head departs from the majority.
    expect((await call(leader, 'POST', `/api/decisions/${id}/decide`, { decidedOn: '2020-04-20', decisionText: '印发实施' })).body.error.code).toBe('DECISION_DISCUSSION_MISSING');
    const bad = meeting('2020-04-15');
    bad.opinions.reverse();
    expect((await call(legal, 'POST', `/api/decisions/${id}/discuss`, bad)).body.error).toMatchObject({ code: 'DECISION_HEAD_NOT_LAST', field: 'opinions' });
    expect((await call(legal, 'POST', `/api/decisions/${id}/discuss`, meeting('2020-04-15'))).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${id}/publish`, { publishedOn: '2020-04-20', channel: '局门户网站' })).body.error)
      .toMatchObject({ code: 'DECISION_NOT_DECIDED', citation: { article: '第三十二条' } });
    expect((await call(leader, 'POST', `/api/decisions/${id}/decide`, { decidedOn: '2020-04-16', decisionText: '印发实施' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${id}/publish`, { publishedOn: '2020-04-20', channel: '局门户网站' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${id}/archive`, { archivedOn: '2020-04-20', reference: '2020-永久-01' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${id}/evaluate`, { evaluatedOn: '2020-04-20', text: '效果良好' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${id}/evaluate`, { evaluatedOn: '2020-04-20', text: '效果良好' })).body.error.code).toBe('DECISION_STEP_DONE');

    expect(await audits('decision_item', id)).toEqual([
      'decision.item.add', 'decision.propose', 'decision.comment', 'decision.hearing', 'decision.experts', 'decision.review-submit',
      'decision.review', 'decision.discuss', 'decision.decide', 'decision.publish', 'decision.archive', 'decision.evaluate',
    ]);
    expect(await audits('decision_comment', comment.body.id)).toEqual(['decision.comment.submit', 'decision.comment.answer']);
    expect(await audits('decision_catalogue', catalogueId)).toEqual(['decision.catalogue.create', 'decision.catalogue.approve', 'decision.catalogue.publish']);

    const figures = (await call(leader, 'GET', '/api/decisions/year-figures?year=2020')).body;
    expect(figures).toMatchObject({
      year: 2020, catalogueItems: 1, comments: { received: 1, answered: 1 }, hearings: 1, expertArgumentations: 1, riskAssessments: 0,
      legalityReviews: 1, collectiveDiscussions: 1, decided: 1, published: 1, byStepReached: { proposed: 1, evaluated: 1 },
    });
    expect(await decisionYearFigures(ctx.database.db, 2020)).toEqual(figures);
    expect((await call(leader, 'GET', '/api/decisions/year-figures?year=1')).status).toBe(400);
  });

  it('第二十五条第二款: a draft found unlawful does not go to the meeting', async () => {
    at('2020-05-01');
    const c = await call(legal, 'POST', '/api/decisions/catalogues', { year: 2021 });
    // A 2021 catalogue drafted in 2020 is allowed; items run as in any year.
    const i = (await call(legal, 'POST', `/api/decisions/catalogues/${c.body.id}/items`, item({ plannedHearing: false, plannedExperts: false }))).body.id as number;
    expect((await call(leader, 'POST', `/api/decisions/catalogues/${c.body.id}/approve`, { on: '2020-05-01' })).status).toBe(200);
    await call(legal, 'POST', `/api/decisions/${i}/propose`, { proposedOn: '2020-05-01', draftText: 'x' });
    expect((await call(legal, 'POST', `/api/decisions/${i}/comment`, { startOn: '2020-05-01', endOn: '2020-05-10', shortenedReason: '汛期前须出台' })).status).toBe(200);
    at('2020-06-01');
    expect((await call(legal, 'POST', `/api/decisions/${i}/review-submit`, { submittedOn: '2020-05-11' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${i}/review`, { completedOn: '2020-05-25', passed: false, competence: 'a', procedure: 'b', content: '与上位法抵触', reviewerOpinion: '不合法', counselOpinion: 'e' })).status).toBe(200);
    expect((await call(legal, 'POST', `/api/decisions/${i}/discuss`, meeting('2020-05-26'))).body.error).toMatchObject({ code: 'DECISION_REVIEW_NOT_PASSED', citation: { article: '第二十五条' } });
  });
});

function meeting(on: string) {
  return {
    discussedOn: on, meetingKind: 'director_office', attendees: ['张副局长', '王副局长', '李局长'],
    opinions: [
      { name: '张副局长', isHead: false, stance: 'agree', text: '同意' },
      { name: '王副局长', isHead: false, stance: 'agree', text: '同意' },
      { name: '李局长', isHead: true, stance: 'agree', text: '同意，印发实施' },
    ],
    conclusion: 'adopt',
  };
}
