import { describe, expect, it } from 'vitest';
import { checkAcceptance, missingMaterials } from './materials.js';
import { checkApproval, checkCommitmentPath, checkIntake, checkPauseEnd, checkPauseStart, checkRefusal, REFUSAL_GROUNDS, type ReviewFacts } from './decision.js';
import { classifyProject, entriesForIndustry, findCatalogueEntry, highestCategory } from './catalogue.js';

const review = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  status: 'accepted', category: 'form', pauses: [], tolerated: [], siteVerdict: 'allowed', commitmentPath: false,
  publicity: { requiredDays: 0, startOn: null, endsOn: null }, hearing: { required: false, noticeOn: null, requestDueOn: null, requestedOn: null },
  todayOn: '2026-12-04', ...over,
});
const allForm = ['application-letter', 'basic-info-form', 'business-licence', 'eia-form', 'project-approval', 'land-use', 'total-load'];

describe('建设项目环境影响评价分类管理名录（2021年版） (subset): classification', () => {
  it('finds rows by GB/T 4754 code and applies the first tier whose condition holds (名录 第五条)', () => {
    const [plating] = entriesForIndustry('2021', 'C3360');
    expect(plating!.item).toBe(67);
    expect(classifyProject(plating!, { sensitiveArea: false, processes: ['electroplating'], scale: null })).toBe('report');
    expect(classifyProject(plating!, { sensitiveArea: false, processes: [], scale: null })).toBe('form');
    const food = findCatalogueEntry('2021', 17)!;
    expect(classifyProject(food, { sensitiveArea: true, processes: [], scale: null })).toBe('form');
    expect(classifyProject(food, { sensitiveArea: false, processes: [], scale: null })).toBe('registration');
    expect(highestCategory(['form', 'report', 'registration'])).toBe('report');
  });
});

describe('行政许可法 第三十二条: complete → accepted; incomplete → one notice listing everything; 容缺 only for listed items', () => {
  it('lists every missing item at once', () => {
    expect(missingMaterials({ category: 'form', supplied: ['application-letter'], tolerated: [] }).map((m) => m.code))
      .toEqual(['basic-info-form', 'business-licence', 'eia-form', 'project-approval', 'land-use', 'total-load']);
  });
  it('accepts a complete application, and one with a tolerable item missing under a written commitment', () => {
    expect(checkAcceptance({ category: 'form', supplied: allForm, tolerated: [] }, '2026-12-04').ok).toBe(true);
    const tolerated = [{ code: 'land-use', commitment: '承诺30日内补交', supplyByOn: '2027-01-04' }];
    expect(checkAcceptance({ category: 'form', supplied: allForm.filter((c) => c !== 'land-use'), tolerated }, '2026-12-04').ok).toBe(true);
  });
  it('refuses 容缺 for an item not on the tolerance list, without a commitment, or without a later supply-by date', () => {
    const without = (code: string) => allForm.filter((c) => c !== code);
    expect(checkAcceptance({ category: 'form', supplied: without('eia-form'), tolerated: [{ code: 'eia-form', commitment: 'x', supplyByOn: '2027-01-04' }] }, '2026-12-04'))
      .toMatchObject({ ok: false, code: 'EIA_ITEM_NOT_TOLERABLE', field: 'tolerated.0.code', citation: { article: '第三十二条' } });
    expect(checkAcceptance({ category: 'form', supplied: without('land-use'), tolerated: [{ code: 'land-use', commitment: ' ', supplyByOn: '2027-01-04' }] }, '2026-12-04'))
      .toMatchObject({ code: 'EIA_COMMITMENT_REQUIRED' });
    expect(checkAcceptance({ category: 'form', supplied: without('land-use'), tolerated: [{ code: 'land-use', commitment: 'x', supplyByOn: '2026-12-04' }] }, '2026-12-04'))
      .toMatchObject({ code: 'EIA_SUPPLY_BY_INVALID', field: 'tolerated.0.supplyByOn' });
    expect(checkAcceptance({ category: 'form', supplied: without('eia-form'), tolerated: [] }, '2026-12-04'))
      .toMatchObject({ code: 'EIA_MATERIALS_INCOMPLETE', citation: { article: '第三十二条' } });
  });
  it('登记表 is filed, not taken in for approval (建设项目环境保护管理条例 第九条)', () => {
    expect(checkIntake({ status: 'received', category: 'registration' })).toMatchObject({ code: 'EIA_REGISTRATION_NOT_APPROVED', citation: { article: '第九条' } });
    expect(checkIntake({ status: 'accepted', category: 'form' })).toMatchObject({ code: 'EIA_NOT_AWAITING_INTAKE' });
  });
});

describe('行政许可法 第四十五条: pauses with their written notice', () => {
  const p = { kind: 'expert-review' as const, startOn: '2026-12-07', endOn: null, noticeOn: '2026-12-07' };
  it('one open pause at a time, not before acceptance, the notice not before the start', () => {
    expect(checkPauseStart(review(), { startOn: '2026-12-07', noticeOn: '2026-12-07' }, '2026-12-04').ok).toBe(true);
    expect(checkPauseStart(review({ pauses: [p] }), { startOn: '2026-12-08', noticeOn: '2026-12-08' }, '2026-12-04')).toMatchObject({ code: 'EIA_PAUSE_OPEN', citation: { article: '第四十五条' } });
    expect(checkPauseStart(review(), { startOn: '2026-12-01', noticeOn: '2026-12-01' }, '2026-12-04')).toMatchObject({ code: 'EIA_PAUSE_BEFORE_ACCEPTANCE', field: 'startOn' });
    expect(checkPauseStart(review(), { startOn: '2026-12-07', noticeOn: '2026-12-06' }, '2026-12-04')).toMatchObject({ code: 'EIA_PAUSE_NOTICE_BEFORE_START', field: 'noticeOn' });
    expect(checkPauseEnd(review(), '2026-12-08')).toMatchObject({ code: 'EIA_NO_OPEN_PAUSE' });
    expect(checkPauseEnd(review({ pauses: [p] }), '2026-12-06')).toMatchObject({ code: 'EIA_PAUSE_END_BEFORE_START', field: 'endOn' });
  });
});

describe('建设项目环境保护管理条例 第十一条: the decision', () => {
  it('approval waits for tolerated items (容缺) to be supplied', () => {
    expect(checkApproval(review({ tolerated: [{ code: 'land-use', commitment: 'x', supplyByOn: '2027-01-04', suppliedOn: null }] })))
      .toMatchObject({ ok: false, code: 'EIA_TOLERATED_ITEM_OUTSTANDING' });
    expect(checkApproval(review({ tolerated: [{ code: 'land-use', commitment: 'x', supplyByOn: '2027-01-04', suppliedOn: '2026-12-10' }] })).ok).toBe(true);
  });
  it('第十一条（一）: a site the zoning check prohibits is not approved; restricted or outside is for the reviewer', () => {
    expect(checkApproval(review({ siteVerdict: 'prohibited' }))).toMatchObject({ code: 'EIA_SITE_PROHIBITED', citation: { article: '第十一条', item: '（一）' } });
    expect(checkApproval(review({ siteVerdict: 'restricted' })).ok).toBe(true);
  });
  it('no decision while paused or before acceptance', () => {
    expect(checkApproval(review({ pauses: [{ kind: 'hearing', startOn: '2026-12-07', endOn: null, noticeOn: '2026-12-07' }] }))).toMatchObject({ code: 'EIA_REVIEW_PAUSED' });
    expect(checkApproval(review({ status: 'received' }))).toMatchObject({ code: 'EIA_NOT_UNDER_REVIEW' });
  });
  it('a refusal names at least one of the five grounds of 第十一条', () => {
    expect(REFUSAL_GROUNDS.map((g) => g.item)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
    expect(checkRefusal(review(), [])).toMatchObject({ code: 'EIA_REFUSAL_GROUNDS_REQUIRED', citation: { article: '第十一条' } });
    expect(checkRefusal(review(), ['made-up'])).toMatchObject({ code: 'EIA_REFUSAL_GROUND_UNKNOWN', field: 'grounds.0' });
    expect(checkRefusal(review(), ['non-conforming']).ok).toBe(true);
  });
  it('优化营商环境条例 第四十条: 告知承诺 only for categories the bureau lists', () => {
    expect(checkCommitmentPath('form', [])).toMatchObject({ code: 'EIA_COMMITMENT_NOT_OFFERED', citation: { article: '第四十条' } });
    expect(checkCommitmentPath('form', ['form']).ok).toBe(true);
  });
});
