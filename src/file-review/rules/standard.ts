// 案卷评查: a scoring standard as data (items with points and deduction rules) and the score sheet a
// reviewer fills for a closed case. Pure. 国办发〔2018〕118号 asks for case-file review as part of the
// enforcement-supervision system; the item list is modelled on published 环境行政处罚案卷评查 standards
// (the exact national standard's items and bands are unconfirmed here).
import type { PrecheckCode } from './prechecks.js';

export const REVIEW_CATEGORIES = ['subject', 'procedure', 'evidence', 'legalBasis', 'discretion', 'documents', 'deadlines', 'archive'] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export interface DeductionRule {
  code: string;
  text: string;
  /** Points taken per occurrence. */
  points: number;
  /** 否决项: the case is unqualified whatever its score. */
  veto?: boolean;
  /** The automatic pre-check that proposes this deduction. */
  precheck?: PrecheckCode;
}

export interface ReviewItem { code: string; category: ReviewCategory; title: string; points: number; deductions: DeductionRule[] }

export interface Bands { excellentMin: number; qualifiedMin: number }

export interface ScoringStandard { code: string; version: number; title: string; effectiveOn: string; bands: Bands; items: ReviewItem[] }

export type Band = 'excellent' | 'qualified' | 'unqualified';

/** One deduction on a score sheet: which rule, why, and whether the system proposed it. */
export interface SheetLine { itemCode: string; deductionCode: string; note: string; source: 'precheck' | 'reviewer' }

/** A line as scored: `points` is the rule's deduction, `applied` what it actually took within the item's cap. */
export interface ScoredLine extends SheetLine { points: number; applied: number; text: string; veto: boolean }
export interface ScoredItem { code: string; title: string; category: ReviewCategory; points: number; deducted: number; score: number; lines: ScoredLine[] }

export interface ScoreSheet { total: number; maxTotal: number; band: Band; vetoed: boolean; items: ScoredItem[] }

/** The total points of a standard. */
export const maxPoints = (s: Pick<ScoringStandard, 'items'>) => s.items.reduce((t, i) => t + i.points, 0);

/** Structural problems of a standard, each with its field. */
export function findStandardProblems(s: Omit<ScoringStandard, 'version'>): { code: string; field: string }[] {
  const p: { code: string; field: string }[] = [];
  const items = new Set<string>();
  const deductions = new Set<string>();
  s.items.forEach((item, i) => {
    if (items.has(item.code)) p.push({ code: 'ITEM_CODE_DUPLICATE', field: `items.${i}.code` });
    items.add(item.code);
    if (!Number.isInteger(item.points) || item.points <= 0) p.push({ code: 'ITEM_POINTS_INVALID', field: `items.${i}.points` });
    item.deductions.forEach((d, j) => {
      if (deductions.has(d.code)) p.push({ code: 'DEDUCTION_CODE_DUPLICATE', field: `items.${i}.deductions.${j}.code` });
      deductions.add(d.code);
      if (!Number.isInteger(d.points) || d.points <= 0 || d.points > item.points) p.push({ code: 'DEDUCTION_POINTS_INVALID', field: `items.${i}.deductions.${j}.points` });
    });
  });
  const total = maxPoints(s);
  if (total !== 100) p.push({ code: 'STANDARD_TOTAL_NOT_100', field: 'items' });
  if (!Number.isInteger(s.bands.qualifiedMin) || s.bands.qualifiedMin < 0 || s.bands.qualifiedMin > total) p.push({ code: 'BANDS_INVALID', field: 'bands.qualifiedMin' });
  if (!Number.isInteger(s.bands.excellentMin) || s.bands.excellentMin <= s.bands.qualifiedMin || s.bands.excellentMin > total) p.push({ code: 'BANDS_INVALID', field: 'bands.excellentMin' });
  return p;
}

/** A line naming a rule that is not in the standard, or under the wrong item, with its index. */
export function findSheetProblems(s: Pick<ScoringStandard, 'items'>, lines: readonly SheetLine[]): { code: string; field: string }[] {
  const p: { code: string; field: string }[] = [];
  lines.forEach((l, i) => {
    const item = s.items.find((x) => x.code === l.itemCode);
    if (!item) p.push({ code: 'REVIEW_ITEM_UNKNOWN', field: `lines.${i}.itemCode` });
    else if (!item.deductions.some((d) => d.code === l.deductionCode)) p.push({ code: 'REVIEW_DEDUCTION_UNKNOWN', field: `lines.${i}.deductionCode` });
  });
  return p;
}

export function bandOf(total: number, vetoed: boolean, bands: Bands): Band {
  if (vetoed) return 'unqualified';
  return total >= bands.excellentMin ? 'excellent' : total >= bands.qualifiedMin ? 'qualified' : 'unqualified';
}

/**
 * Scores a sheet: each item loses its deductions' points, never more than the item is worth (扣完为止); a veto
 * makes the case unqualified. Where the cap binds, the points actually taken are attributed to the lines in
 * sheet order (each line takes what is left of the item, up to its rule's points), so the lines' `applied`
 * points add up to the item's deduction and any report built from lines adds up to the scores.
 */
export function scoreSheet(s: Pick<ScoringStandard, 'items' | 'bands'>, lines: readonly SheetLine[]): ScoreSheet {
  let vetoed = false;
  const items = s.items.map((item) => {
    let left = item.points;
    const mine = lines.filter((l) => l.itemCode === item.code).flatMap((l) => {
      const rule = item.deductions.find((d) => d.code === l.deductionCode);
      if (!rule) return [];
      if (rule.veto) vetoed = true;
      const applied = Math.min(rule.points, left);
      left -= applied;
      return [{ ...l, points: rule.points, applied, text: rule.text, veto: Boolean(rule.veto) }];
    });
    const deducted = item.points - left;
    return { code: item.code, title: item.title, category: item.category, points: item.points, deducted, score: item.points - deducted, lines: mine };
  });
  const total = items.reduce((t, i) => t + i.score, 0);
  return { total, maxTotal: maxPoints(s), band: bandOf(total, vetoed, s.bands), vetoed, items };
}

/** The deductions the pre-checks propose: for each finding, the first rule of the standard tied to its check. */
export function prefillFromPrechecks(s: Pick<ScoringStandard, 'items'>, findings: readonly { check: PrecheckCode; detail: string }[]): SheetLine[] {
  return findings.flatMap((f) => {
    for (const item of s.items) {
      const rule = item.deductions.find((d) => d.precheck === f.check);
      if (rule) return [{ itemCode: item.code, deductionCode: rule.code, note: f.detail, source: 'precheck' as const }];
    }
    return [];
  });
}
