// 案卷评查 results: per unit and per officer, the bands, and the most common defects. Pure.
import type { Band } from './standard.js';

export interface ReviewedCase {
  caseId: number;
  caseNumber: string;
  districtName: string;
  officerName: string;
  score: number;
  band: Band;
  /** `points`: what the line actually took, within its item's cap; `listed`: the rule's nominal points. */
  deductions: { itemCode: string; itemTitle: string; deductionCode: string; text: string; points: number; listed: number }[];
}

export interface GroupResult { key: string; cases: number; meanScore: number; minScore: number; excellent: number; qualified: number; unqualified: number }
/**
 * `pointsLost`: the points the defect actually cost, after each item's cap (they add up to the points deducted
 * from the scores); `pointsCapped`: what the rule's nominal points would have added beyond the cap.
 */
export interface Defect { deductionCode: string; itemCode: string; itemTitle: string; text: string; occurrences: number; cases: number; pointsLost: number; pointsCapped: number }

export function summarise(key: string, rows: readonly ReviewedCase[]): GroupResult {
  const n = rows.length;
  return {
    key, cases: n,
    // One decimal place, rounded half up, as reports print it.
    meanScore: n ? Math.round((rows.reduce((s, r) => s + r.score, 0) * 10) / n) / 10 : 0,
    minScore: n ? Math.min(...rows.map((r) => r.score)) : 0,
    excellent: rows.filter((r) => r.band === 'excellent').length,
    qualified: rows.filter((r) => r.band === 'qualified').length,
    unqualified: rows.filter((r) => r.band === 'unqualified').length,
  };
}

function groups(rows: readonly ReviewedCase[], key: (r: ReviewedCase) => string): GroupResult[] {
  const m = new Map<string, ReviewedCase[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return [...m].map(([k, l]) => summarise(k, l)).sort((a, b) => b.meanScore - a.meanScore || a.key.localeCompare(b.key));
}

/** The defects found most often: by the number of cases they appear in, then occurrences. */
export function commonDefects(rows: readonly ReviewedCase[]): Defect[] {
  const m = new Map<string, Defect & { caseIds: Set<number> }>();
  for (const r of rows) {
    for (const d of r.deductions) {
      const e = m.get(d.deductionCode) ?? { deductionCode: d.deductionCode, itemCode: d.itemCode, itemTitle: d.itemTitle, text: d.text, occurrences: 0, cases: 0, pointsLost: 0, pointsCapped: 0, caseIds: new Set<number>() };
      e.occurrences += 1;
      e.pointsLost += d.points;
      e.pointsCapped += d.listed - d.points;
      e.caseIds.add(r.caseId);
      e.cases = e.caseIds.size;
      m.set(d.deductionCode, e);
    }
  }
  return [...m.values()].map(({ caseIds: _c, ...d }) => d).sort((a, b) => b.cases - a.cases || b.occurrences - a.occurrences || a.deductionCode.localeCompare(b.deductionCode));
}

export function computeResults(rows: readonly ReviewedCase[]) {
  return { overall: summarise('全市', rows), byUnit: groups(rows, (r) => r.districtName), byOfficer: groups(rows, (r) => r.officerName), defects: commonDefects(rows) };
}
