import { describe, expect, it } from 'vitest';
import { PRECHECK_CODES, runPrechecks, type CaseFileFacts } from './prechecks.js';
import { bandOf, findSheetProblems, findStandardProblems, prefillFromPrechecks, scoreSheet, type SheetLine } from './standard.js';
import { FILE_REVIEW_STANDARD } from '../data/standard.js';

const step = (id: number, kind: string, occurredOn: string) => ({ id, kind, occurredOn });
/** A complete, orderly penalty file: no finding. */
const clean: CaseFileFacts = {
  decisionKind: 'penalty', fineFen: 20_000_00, filedOn: '2020-05-06', filingDueOn: '2020-05-16', filingLateReason: null,
  decisionDueOn: '2020-08-04', decidedOn: '2020-06-10', serviceDueOn: '2020-06-19', servedOn: '2020-06-12',
  statementDueOn: '2020-06-01', statementWaived: false, closedOn: '2020-07-01', archivedOn: '2020-07-02',
  officers: [{ name: '甲', credentialNo: 'A1' }, { name: '乙', credentialNo: 'B1' }],
  steps: [step(1, 'filing', '2020-05-06'), step(2, 'inspection_record', '2020-05-07'), step(3, 'submission', '2020-05-20'), step(4, 'case_review', '2020-05-21'),
    step(5, 'notification', '2020-05-25'), step(6, 'decision', '2020-06-10'), step(7, 'service', '2020-06-12'), step(8, 'payment', '2020-06-20'),
    step(9, 'closure', '2020-07-01'), step(10, 'archive', '2020-07-02')],
  evidenceFiles: [{ id: 1, fileName: '现场照片.jpg', sha256: 'a'.repeat(64) }],
  proposal: { violatedProvisions: '《水污染防治法》第十条', penaltyBasis: '《水污染防治法》第八十三条', discretionReason: null },
  benchmarkFen: 20_000_00, needsLegalReview: false, legalReviewPassed: false,
};
const without = (kind: string) => ({ ...clean, steps: clean.steps.filter((s) => s.kind !== kind) });
const checks = (f: CaseFileFacts) => runPrechecks(f).map((x) => x.check);

describe('pre-checks against case files built to break each rule', () => {
  it('a complete file has no finding', () => {
    expect(runPrechecks(clean)).toEqual([]);
  });
  it.each([
    ['filing', '立案审批表'], ['notification', '事先'], ['decision', '行政处罚决定书'], ['service', '送达回证'], ['closure', '结案审批表'],
  ])('missing documents: without %s → 缺少%s', (kind, document) => {
    const f = runPrechecks(without(kind)).filter((x) => x.check === 'MISSING_DOCUMENT');
    expect(f.map((x) => x.detail).join()).toContain(document);
  });
  it('行政处罚法 第四十条: no inspection or inquiry record is a missing document', () => {
    expect(runPrechecks(without('inspection_record'))).toContainEqual(expect.objectContaining({ check: 'MISSING_DOCUMENT', citation: { law: '行政处罚法', article: '第四十条' } }));
  });
  it('an exemption needs its 不予行政处罚决定书 but no prior notice', () => {
    const f: CaseFileFacts = { ...without('notification'), decisionKind: 'exemption', fineFen: 0, benchmarkFen: null };
    expect(checks(f)).toEqual([]);
    expect(runPrechecks({ ...f, steps: f.steps.filter((s) => s.kind !== 'decision') }).map((x) => x.detail)).toContain('缺少不予行政处罚决定书');
  });
  it('deadlines: filing late without reason, decision after 90 days (第六十条), service late (第六十一条), decision inside the statement window (第四十四条)', () => {
    expect(runPrechecks({ ...clean, filedOn: '2020-05-17' })).toContainEqual(expect.objectContaining({ check: 'DEADLINE_MISSED' }));
    expect(checks({ ...clean, filedOn: '2020-05-17', filingLateReason: '节假日顺延' })).toEqual([]);
    expect(runPrechecks({ ...clean, decidedOn: '2020-08-05' })).toContainEqual(expect.objectContaining({ check: 'DEADLINE_MISSED', citation: { law: '行政处罚法', article: '第六十条' } }));
    expect(runPrechecks({ ...clean, servedOn: '2020-06-22' })).toContainEqual(expect.objectContaining({ check: 'DEADLINE_MISSED', citation: { law: '行政处罚法', article: '第六十一条' } }));
    expect(runPrechecks({ ...clean, statementDueOn: '2020-06-10' })).toContainEqual(expect.objectContaining({ check: 'DEADLINE_MISSED', citation: { law: '行政处罚法', article: '第四十四条' } }));
    expect(checks({ ...clean, statementDueOn: '2020-06-10', statementWaived: true })).toEqual([]);
  });
  it('行政处罚法 第四十七条: evidence without a SHA-256', () => {
    const f = runPrechecks({ ...clean, evidenceFiles: [...clean.evidenceFiles, { id: 2, fileName: '询问录音.mp3', sha256: null }, { id: 3, fileName: 'x.pdf', sha256: 'not-a-hash' }] });
    expect(f.filter((x) => x.check === 'EVIDENCE_WITHOUT_HASH').map((x) => x.detail)).toEqual([expect.stringContaining('询问录音.mp3'), expect.stringContaining('x.pdf')]);
  });
  it('steps out of order: a decision dated before the notification, an archive before closure', () => {
    const f = { ...clean, steps: clean.steps.map((s) => (s.kind === 'notification' ? { ...s, occurredOn: '2020-06-11' } : s.kind === 'archive' ? { ...s, occurredOn: '2020-06-30' } : s)) };
    expect(runPrechecks(f).filter((x) => x.check === 'STEPS_OUT_OF_ORDER').map((x) => x.detail)).toEqual([
      '“作出决定”（2020-06-10）早于“事先告知”（2020-06-11）', '“归档”（2020-06-30）早于“结案”（2020-07-01）',
    ]);
  });
  it('行政处罚法 第四十二条: fewer than two credentialed officers', () => {
    expect(runPrechecks({ ...clean, officers: [{ name: '甲', credentialNo: 'A1' }, { name: '丙', credentialNo: null }] })).toContainEqual(expect.objectContaining({ check: 'TOO_FEW_OFFICERS', citation: { law: '行政处罚法', article: '第四十二条' } }));
  });
  it('行政处罚法 第五十九条: a penalty without its legal basis', () => {
    expect(checks({ ...clean, proposal: { ...clean.proposal!, penaltyBasis: ' ' } })).toEqual(['LEGAL_BASIS_MISSING']);
  });
  it('行政处罚法 第三十四条: a fine off the benchmark without a reason', () => {
    expect(checks({ ...clean, fineFen: 15_000_00 })).toEqual(['DISCRETION_UNEXPLAINED']);
    expect(checks({ ...clean, fineFen: 15_000_00, proposal: { ...clean.proposal!, discretionReason: '主动消除危害后果' } })).toEqual([]);
  });
  it('行政处罚法 第五十八条: a major case without a passed legal review', () => {
    expect(checks({ ...clean, needsLegalReview: true })).toEqual(['LEGAL_REVIEW_MISSING']);
    expect(checks({ ...clean, needsLegalReview: true, legalReviewPassed: true })).toEqual([]);
  });
  it('a closed file not archived', () => {
    expect(checks({ ...without('archive'), archivedOn: null })).toEqual(['NOT_ARCHIVED']);
  });
});

describe('the scoring standard', () => {
  it('the demo standard is well formed: 100 points, every pre-check tied to a deduction', () => {
    expect(findStandardProblems(FILE_REVIEW_STANDARD)).toEqual([]);
    const tied = new Set(FILE_REVIEW_STANDARD.items.flatMap((i) => i.deductions.map((d) => d.precheck)).filter(Boolean));
    for (const code of PRECHECK_CODES) expect(tied.has(code), code).toBe(true);
  });
  it('names the field of each problem', () => {
    const bad = { ...FILE_REVIEW_STANDARD, bands: { excellentMin: 60, qualifiedMin: 70 }, items: [{ ...FILE_REVIEW_STANDARD.items[0]!, deductions: [{ code: 'X', text: 'x', points: 99 }] }] };
    expect(findStandardProblems(bad).map((p) => `${p.code}@${p.field}`)).toEqual(['DEDUCTION_POINTS_INVALID@items.0.deductions.0.points', 'STANDARD_TOTAL_NOT_100@items', 'BANDS_INVALID@bands.qualifiedMin', 'BANDS_INVALID@bands.excellentMin']);
  });
  it('scores: deductions capped at the item, bands at 90 and 70, a veto makes the case unqualified', () => {
    const l = (itemCode: string, deductionCode: string): SheetLine => ({ itemCode, deductionCode, note: '', source: 'reviewer' });
    expect(scoreSheet(FILE_REVIEW_STANDARD, [])).toMatchObject({ total: 100, band: 'excellent', vetoed: false });
    const capped = scoreSheet(FILE_REVIEW_STANDARD, [l('T1', 'T1-1'), l('T1', 'T1-1')]);
    expect(capped.total).toBe(95);
    expect(capped.items.find((i) => i.code === 'T1')).toMatchObject({ deducted: 5, score: 0 });
    expect(scoreSheet(FILE_REVIEW_STANDARD, [l('D1', 'D1-3'), l('T1', 'T1-1')]).band).toBe('qualified');
    expect(scoreSheet(FILE_REVIEW_STANDARD, [l('S1', 'S1-1')])).toMatchObject({ total: 90, band: 'unqualified', vetoed: true });
    expect([bandOf(90, false, FILE_REVIEW_STANDARD.bands), bandOf(89, false, FILE_REVIEW_STANDARD.bands), bandOf(70, false, FILE_REVIEW_STANDARD.bands), bandOf(69, false, FILE_REVIEW_STANDARD.bands)])
      .toEqual(['excellent', 'qualified', 'qualified', 'unqualified']);
  });
  it('pre-check findings become proposed deductions with their detail', () => {
    const lines = prefillFromPrechecks(FILE_REVIEW_STANDARD, runPrechecks({ ...clean, servedOn: '2020-06-22', officers: [] }));
    expect(lines).toEqual([
      { itemCode: 'T1', deductionCode: 'T1-1', note: expect.stringContaining('送达'), source: 'precheck' },
      { itemCode: 'S1', deductionCode: 'S1-2', note: expect.stringContaining('少于两名'), source: 'precheck' },
    ]);
  });
  it('a sheet line must name a rule of the standard under its item', () => {
    expect(findSheetProblems(FILE_REVIEW_STANDARD, [{ itemCode: 'Z9', deductionCode: 'x', note: '', source: 'reviewer' }, { itemCode: 'T1', deductionCode: 'S1-1', note: '', source: 'reviewer' }]))
      .toEqual([{ code: 'REVIEW_ITEM_UNKNOWN', field: 'lines.0.itemCode' }, { code: 'REVIEW_DEDUCTION_UNKNOWN', field: 'lines.1.deductionCode' }]);
  });
});
