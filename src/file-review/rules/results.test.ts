import { describe, expect, it } from 'vitest';
import { commonDefects, computeResults, summarise, type ReviewedCase } from './results.js';

const d = (deductionCode: string, points = 2) => ({ itemCode: deductionCode.slice(0, 2), itemTitle: deductionCode.slice(0, 2), deductionCode, text: deductionCode, points });
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
});
