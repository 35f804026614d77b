// 不予行政处罚 through the API: the ground each decision names (行政处罚法 第五十七条, 第三十条, 第三十一条,
// 第三十三条), the catalogue entry that must describe the case's own violation, and the decision document as
// one text with the bureau's particulars from its settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestContext, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { makeBureau, post, type Bureau, type Person } from '../../test/helpers/cases.js';
import { seedExemptionCatalogue } from '../exemptions/index.js';

const at = (on: string) => new Date(`${on}T12:00:00+08:00`);
const TODAY = '2021-07-19';

async function documentText(ctx: TestContext, who: Person, caseId: number, kind: string): Promise<string> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents/${kind}`, headers: who.headers });
  expect(res.statusCode).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

/** A phrase of three or more characters written twice in a row ("责令你单位责令你单位"). */
const doubled = (text: string) => /([\p{Script=Han}]{3,})\1/u.exec(text)?.[0] ?? null;

describe(`行政处罚法 第五十七条, 第三十条, 第三十一条, 第三十三条: no-penalty decisions through the API (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;

  /** Filed, investigated, proposed (the provision given) and through case review. */
  async function reviewedCase(violated = '《中华人民共和国固体废物污染环境防治法》第七十七条', partyKind: 'organisation' | 'individual' = 'organisation'): Promise<number> {
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查发现违法行为', discoveredOn: TODAY });
    const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, { cause: '未按照规定设置危险废物识别标志', actOn: '2021-07-10', partyKind, officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as number;
    expect((await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: TODAY, officerIds: [b.officerA.id, b.officerB.id], summary: '危险废物贮存间未设置识别标志。' })).status).toBe(200);
    const sub = await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: { penaltyKinds: ['warning'], fineFen: 0, facts: '你单位危险废物贮存间门口未设置危险废物识别标志。', violatedProvisions: violated, penaltyBasis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（一）项', discretionReason: null } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect((await post(ctx, b.reviewer, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '事实清楚' })).status).toBe(200);
    return id;
  }
  const decide = (id: number, body: object) => post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'no_penalty', reasons: '经调查', basis: '《中华人民共和国行政处罚法》', ...body });

  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at(TODAY) });
    b = await makeBureau(ctx);
    await seedExemptionCatalogue(ctx.database.db, at('2020-01-01'));
  });
  afterAll(async () => ctx.close());

  it('第五十七条: a no-penalty decision without a ground is refused, naming the field', async () => {
    const id = await reviewedCase();
    const res = await decide(id, {});
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NO_PENALTY_GROUND_REQUIRED', field: 'noPenaltyGround', citation: { article: '第五十七条' } });
    const bad = await decide(id, { noPenaltyGround: 'because' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('noPenaltyGround');
  });

  it.each([
    ['factsNotEstablished', null, 'organisation', 200, null],
    ['minorCorrected', 'minorCorrectedNoHarm', 'organisation', 200, null],
    ['firstViolation', 'firstViolation', 'organisation', 200, null],
    ['noFault', 'noFault', 'organisation', 200, null],
    ['minorCorrected', null, 'organisation', 422, 'NO_PENALTY_GROUND_NOT_RECORDED'],
    ['minorUnder14', 'minorUnder14', 'individual', 200, null],
    ['noCapacity', 'noCapacity', 'individual', 200, null],
  ] as const)('decides on %s (recorded ground %s, %s party) → %i %s', async (ground, recorded, partyKind, status, code) => {
    const id = await reviewedCase(undefined, partyKind);
    if (recorded) expect((await post(ctx, b.officerA, `/api/exemptions/cases/${id}/grounds`, { ground: recorded, note: '有现场照片及询问笔录为证' })).status).toBe(201);
    const res = await decide(id, { noPenaltyGround: ground });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (code) { expect(res.body.error).toMatchObject({ code, field: 'noPenaltyGround' }); return; }
    const text = await documentText(ctx, b.officerA, id, 'no-penalty-decision');
    // The ground decided, and only it.
    const quoted = { factsNotEstablished: '第五十七条第一款第（三）项', minorCorrected: '没有造成危害后果的，不予行政处罚', firstViolation: '可以不予行政处罚', noFault: '没有主观过错', minorUnder14: '第三十条', noCapacity: '第三十一条' }[ground];
    expect(text).toContain(quoted);
    for (const other of ['第五十七条第一款第（三）项', '可以不予行政处罚', '没有主观过错', '第三十条“', '第三十一条“'].filter((o) => !quoted.includes(o) && !o.includes(quoted))) expect(text).not.toContain(other);
    // 第三十三条第三款: no education was recorded, so none is printed.
    expect(text).not.toContain('批评教育');
  });

  it('an organisation cannot be exempted on an age ground (第三十条)', async () => {
    const id = await reviewedCase();
    const res = await decide(id, { noPenaltyGround: 'minorUnder14' });
    expect(res.body.error).toMatchObject({ code: 'GROUND_NOT_FOR_PARTY', citation: { article: '第三十条' } });
  });

  it('the 不予行政处罚决定书 reads as one text: no doubled phrase, no ISO date, the bureau particulars from settings', async () => {
    // The administrator sets the court and the seal text; the document prints them.
    const settings = (await ctx.app.inject({ method: 'GET', url: '/api/settings', headers: b.admin.headers })).json();
    const value = { ...settings.value, remedies: { ...settings.value.remedies, court: '烟台市芝罘区人民法院' }, sealText: '烟台市生态环境局（行政处罚专用章）' };
    delete value.demoValues;
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/settings', headers: b.admin.headers, payload: { value, version: settings.version, reason: '法院与印章以本局公布为准' } });
    expect(put.statusCode, put.body).toBe(200);
    const id = await reviewedCase();
    expect((await post(ctx, b.officerA, `/api/exemptions/cases/${id}/grounds`, { ground: 'minorCorrectedNoHarm', note: '当场改正' })).status).toBe(201);
    const res = await decide(id, { noPenaltyGround: 'minorCorrected', reasons: '你单位于2021年7月19日当场设置了识别标志，未造成危害后果。', education: { on: TODAY, form: '当面约谈', content: '讲解危险废物识别标志的有关规定。' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const text = await documentText(ctx, b.officerA, id, 'no-penalty-decision');
    expect(doubled(text)).toBeNull();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/。。|，。|；。/);
    expect(text).toContain('烟台市芝罘区人民法院');
    expect(text).toContain('烟台市生态环境局（行政处罚专用章）');
    expect(text).toContain('我局已于2021年7月19日以当面约谈的方式对你单位进行了批评教育：讲解危险废物识别标志的有关规定。');
    expect(text).toMatch(/鉴于你单位于2021年7月19日当场设置了识别标志，未造成危害后果，依据/);
  });
});

describe(`行政处罚法 第三十三条第一款: an exemption applies only to the violation its entry describes (${ENGINE})`, () => {
  let ctx: TestContext;
  let b: Bureau;
  let entries: { id: number; title: string }[];
  const get = (who: Person, url: string) => ctx.app.inject({ method: 'GET', url, headers: who.headers });
  const put = async (who: Person, url: string, payload: object) => {
    const res = await ctx.app.inject({ method: 'PUT', url, headers: who.headers, payload });
    return { status: res.statusCode, body: res.json() };
  };
  beforeAll(async () => {
    ctx = await createTestContext({ clock: () => at(TODAY) });
    b = await makeBureau(ctx);
    await seedExemptionCatalogue(ctx.database.db, at('2020-01-01'));
    entries = (await get(b.officerA, '/api/exemptions/entries')).json().items;
  });
  afterAll(async () => ctx.close());

  async function proposedCase(violated: string): Promise<number> {
    const lead = await post(ctx, b.officerA, '/api/leads', { source: 'inspection', enterpriseId: b.enterpriseId, summary: '现场检查', discoveredOn: TODAY });
    const filed = await post(ctx, b.leader, `/api/leads/${lead.body.id}/file`, { cause: '违法排放水污染物', actOn: '2021-07-10', officerIds: [b.officerA.id, b.officerB.id], leadOfficerId: b.officerA.id });
    const id = filed.body.id as number;
    await post(ctx, b.officerA, `/api/cases/${id}/record-investigation`, { kind: 'inspection_record', occurredOn: TODAY, officerIds: [b.officerA.id, b.officerB.id], summary: '现场检查' });
    await post(ctx, b.officerA, `/api/cases/${id}/submit`, { proposal: { penaltyKinds: ['warning'], fineFen: 0, facts: '该公司违法排放水污染物。', violatedProvisions: violated, penaltyBasis: '《中华人民共和国水污染防治法》第八十三条', discretionReason: null } });
    await post(ctx, b.reviewer, `/api/cases/${id}/case-review`, { outcome: 'passed', opinion: '事实清楚' });
    return id;
  }
  const facts = (entryId: number) => ({ entryId, consequence: 'none', correctionOrderedOn: TODAY, correctedOn: TODAY, intentional: false, attestedNoPriorElsewhere: true, extra: {}, note: '' });

  it('a 暗管 discharge (水污染防治法 第三十九条) is refused under the entry for exceeding standards (第十条)', async () => {
    const id = await proposedCase('《中华人民共和国水污染防治法》第三十九条');
    const entry = entries.find((e) => e.title.includes('超标排放水污染物'))!;
    const res = await put(b.officerA, `/api/exemptions/cases/${id}/facts`, facts(entry.id));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'EXEMPTION_ENTRY_VIOLATION_MISMATCH', field: 'entryId', citation: { article: '第三十三条', paragraph: '第一款' } });
    const applied = await post(ctx, b.leader, `/api/exemptions/cases/${id}/apply`, { correctionOrder: '立即拆除暗管', education: { on: TODAY, form: '约谈', content: '学习法规' } });
    expect(applied.status).toBe(422);
    expect(applied.body.error.code).toBe('EXEMPTION_FACTS_MISSING');
    const decided = await post(ctx, b.leader, `/api/cases/${id}/decide`, { kind: 'exemption', reasons: 'x', basis: 'x', noPenaltyGround: 'firstViolation' });
    expect(decided.status).toBe(422);
    expect(decided.body.error.code).toBe('EXEMPTION_NOT_APPLIED');
  });

  it('the matching entry applies: minor, corrected, harmless is the mandatory first sentence; the document reads as one text', async () => {
    const id = await proposedCase('《中华人民共和国水污染防治法》第十条');
    const entry = entries.find((e) => e.title.includes('超标排放水污染物'))!;
    expect((await put(b.officerA, `/api/exemptions/cases/${id}/facts`, facts(entry.id))).status).toBe(200);
    // The entry's own conditions (e.g. 超标倍数) answered yes.
    const extra = (await get(b.officerA, `/api/exemptions/cases/${id}`)).json().entry.conditions.extra as { key: string }[];
    expect((await put(b.officerA, `/api/exemptions/cases/${id}/facts`, { ...facts(entry.id), extra: Object.fromEntries(extra.map((x) => [x.key, true])) })).status).toBe(200);
    const view = (await get(b.leader, `/api/exemptions/cases/${id}`)).json();
    expect(view, JSON.stringify(view.evaluation)).toMatchObject({ violationMatches: true, ground: 'minorCorrected', groundMandatory: true, actions: { apply: true } });
    const applied = await post(ctx, b.leader, `/api/exemptions/cases/${id}/apply`, { correctionOrder: '责令你单位立即停止超标排放。', education: { on: TODAY, form: '当面约谈', content: '讲解水污染防治法的有关规定' } });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const text = await documentText(ctx, b.officerA, id, 'no-penalty-decision');
    expect(text).toContain('我局责令你单位立即停止超标排放。');
    expect(text).not.toContain('责令你单位责令');
    expect(/([\p{Script=Han}]{3,})\1/u.test(text)).toBe(false);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|本系统|回溯期/);
    expect(text).toContain('违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚');
    expect(text).not.toContain('初次违法且危害后果轻微');
  });
});
