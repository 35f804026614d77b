import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commonDefects, computeResults, summarise, type ReviewedCase } from './results.js';
import { scoreSheet, type SheetLine } from './standard.js';
import { FILE_REVIEW_STANDARD } from '../data/standard.js';

const d = (deductionCode: string, points = 2, listed = points) => ({ itemCode: deductionCode.slice(0, 2), itemTitle: deductionCode.slice(0, 2), deductionCode, text: deductionCode, points, listed });
const row = (caseId: number, districtName: string, officerName: string, score: number, band: ReviewedCase['band'], deductions = [d('W1-1')]): ReviewedCase =>
  ({ caseId, caseNumber: `N${caseId}`, districtName, officerName, score, band, deductions });

describe('案卷评查 results', () => {
  it('summarises a group: mean to one decimal, the lowest score, the bands', () => {
    expect(summarise('x', [row(1, 'a', 'p', 95, 'excellent'), row(2, 'a', 'p', 80, 'qualified'), row(3, 'a', 'p', 66, 'unqualified')]))
      .toEqual({ key: 'x', cases: 3, meanScore: 80.3, minScore: 66, excellent: 1, qualified: 1, unqualified: 1 });
    expect(summarise('none', [])).toMatchObject({ cases: 0, meanScore: 0 });
  });
  it('groups per unit and per officer, best first', () => {
    const r = computeResults([row(1, '芝罘区', '甲', 95, 'excellent'), row(2, '福山区', '甲', 70, 'qualified'), row(3, '芝罘区', '乙', 85, 'qualified')]);
    expect(r.byUnit.map((g) => [g.key, g.meanScore])).toEqual([['芝罘区', 90], ['福山区', 70]]);
    expect(r.byOfficer.map((g) => [g.key, g.cases])).toEqual([['乙', 1], ['甲', 2]]);
    expect(r.overall.cases).toBe(3);
  });
  it('the most common defects: by cases, then occurrences', () => {
    const defects = commonDefects([row(1, 'a', 'p', 90, 'excellent', [d('T1-1', 3), d('T1-1', 3), d('W1-1')]), row(2, 'a', 'p', 90, 'excellent', [d('W1-1')])]);
    expect(defects.map((x) => [x.deductionCode, x.cases, x.occurrences, x.pointsLost])).toEqual([['W1-1', 2, 2, 4], ['T1-1', 1, 2, 6]]);
  });
  it('reports the points beyond the cap separately from the points lost', () => {
    const defects = commonDefects([row(1, 'a', 'p', 90, 'excellent', [d('D1-3', 10), d('D1-1', 0, 6)])]);
    expect(defects.find((x) => x.deductionCode === 'D1-1')).toMatchObject({ pointsLost: 0, pointsCapped: 6 });
  });
});

// The standard's own rule (评查标准: 各项扣分以该项分值为限，扣完为止 — the demo standard's wording, unconfirmed
// against the bureau's): an item never loses more than it is worth, and the "most common defects" table
// counts the points actually deducted.
describe('评查标准 单项扣分以该项分值为限: the defects table adds up to the points deducted', () => {
  const line = (deductionCode: string): SheetLine => ({ itemCode: deductionCode.slice(0, 2), deductionCode, note: '', source: 'reviewer' });
  const toCase = (caseId: number, lines: SheetLine[]): ReviewedCase => {
    const sheet = scoreSheet(FILE_REVIEW_STANDARD, lines);
    return {
      caseId, caseNumber: `N${caseId}`, districtName: 'a', officerName: 'p', score: sheet.total, band: sheet.band,
      deductions: sheet.items.flatMap((i) => i.lines.map((l) => ({ itemCode: i.code, itemTitle: i.title, deductionCode: l.deductionCode, text: l.text, points: l.applied, listed: l.points }))),
    };
  };

  it('D1 is worth 10: D1-3 (10) then D1-1 (6) deduct 10, and D1-1 is attributed 0 with 6 beyond the cap', () => {
    const sheet = scoreSheet(FILE_REVIEW_STANDARD, [line('D1-3'), line('D1-1')]);
    const d1 = sheet.items.find((i) => i.code === 'D1')!;
    expect(d1).toMatchObject({ points: 10, deducted: 10, score: 0 });
    expect(d1.lines.map((l) => [l.deductionCode, l.points, l.applied])).toEqual([['D1-3', 10, 10], ['D1-1', 6, 0]]);
    const defects = commonDefects([toCase(1, [line('D1-3'), line('D1-1')])]);
    expect(defects.reduce((t, x) => t + x.pointsLost, 0)).toBe(10);
    expect(defects.find((x) => x.deductionCode === 'D1-1')).toMatchObject({ pointsLost: 0, pointsCapped: 6 });
  });

  it('the cap binds part-way: E1-3 ×6 (4 each) on E1 (20) → 20 deducted, the sixth line takes 0, the fifth 4', () => {
    const sheet = scoreSheet(FILE_REVIEW_STANDARD, Array.from({ length: 6 }, () => line('E1-3')));
    expect(sheet.items.find((i) => i.code === 'E1')!.lines.map((l) => l.applied)).toEqual([4, 4, 4, 4, 4, 0]);
    const T1 = scoreSheet(FILE_REVIEW_STANDARD, [line('T1-1'), line('T1-1')]).items.find((i) => i.code === 'T1')!;
    expect(T1.lines.map((l) => l.applied)).toEqual([3, 2]); // T1 is worth 5
  });

  it('property: over any sheets, the defects\' points lost equal the points deducted from the scores', () => {
    const codes = FILE_REVIEW_STANDARD.items.flatMap((i) => i.deductions.map((x) => x.code));
    fc.assert(fc.property(fc.array(fc.array(fc.constantFrom(...codes), { maxLength: 12 }), { minLength: 1, maxLength: 6 }), (sheets) => {
      const cases = sheets.map((codesOfCase, i) => toCase(i + 1, codesOfCase.map(line)));
      const lost = commonDefects(cases).reduce((t, x) => t + x.pointsLost, 0);
      expect(lost).toBe(cases.reduce((t, c) => t + (100 - c.score), 0));
    }));
  });
});
