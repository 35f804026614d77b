// Pure rules of the year-end rule-of-law report (法治政府建设情况报告): how figures are written, and the report's gates.
import { allowed, refuse, type Outcome } from '../law/outcome.js';

/** A computed figure: a number, or null when the capability holds no record for the year (written "无记录", never 0). */
export type FigureNumber = number | null;
export const NO_RECORD = '无记录';

/** "N余次" as the seed writes counts it rounds: down to tens ("20余次" for 23); under ten the number itself. */
export function formatRoughCount(n: number, unit = '次'): string {
  if (n < 10) return `${n}${unit}`;
  return `${Math.floor(n / 10) * 10}余${unit}`;
}

/** "N余万元" from integer fen, truncated to 10 000 yuan (1 633.27 万元 → "1633余万元"); under 10 000 yuan: yuan. */
export function formatWanYuan(fen: number): string {
  const wan = Math.floor(fen / 1_000_000);
  if (wan < 1) return `${Math.floor(fen / 100)}元`;
  return fen % 1_000_000 === 0 ? `${wan}万元` : `${wan}余万元`;
}

/** A share written as the seed writes it: "100%" when whole, otherwise up to `decimals` places, trailing zeros dropped. */
export function formatPercent(share: number | null, decimals = 2): string {
  if (share === null) return NO_RECORD;
  const scale = 10 ** decimals;
  const r = Math.round(share * scale) / scale;
  return `${r.toFixed(decimals).replace(/\.?0+$/, '')}%`;
}

/** numerator ÷ denominator in percent, or null without a denominator. */
export function computeShare(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (numerator / denominator) * 100;
}

/** Change on the previous year in percent (positive = more), two decimals; null when either year has no record or last is 0. */
export function computeYearOnYear(last: FigureNumber, now: FigureNumber): number | null {
  if (last === null || now === null || last === 0) return null;
  return Math.round(((now - last) / last) * 10_000) / 100;
}

/** "同比增长12.5%" / "同比下降3.8%" / "与上年持平"; "无上年记录" without a comparison. */
export function formatYearOnYear(change: number | null): string {
  if (change === null) return '无上年记录';
  if (change === 0) return '与上年持平';
  return change > 0 ? `同比增长${formatPercent(change)}` : `同比下降${formatPercent(-change)}`;
}

/** A figure's text: the number with its unit, or 无记录. */
export function formatFigure(n: FigureNumber, unit: string): string {
  return n === null ? NO_RECORD : `${n}${unit}`;
}

/** Counts that are 0 mean "no record of that kind in the year" (seed-figures.md: 无记录, not 0). */
export const recordOrNull = (n: number): FigureNumber => (n === 0 ? null : n);

export type ReportStatus = 'draft' | 'finalised';

/** A finalised report never changes: no paragraph edit, no second finalisation. */
export function checkReportEditable(status: ReportStatus): Outcome {
  return status === 'finalised' ? refuse('ANNUAL_REPORT_FINALISED') : allowed;
}

/** The year can be finalised only once it has ended (its figures are complete). */
export function checkFinalise(status: ReportStatus, year: number, todayOn: string): Outcome {
  if (status === 'finalised') return refuse('ANNUAL_REPORT_FINALISED');
  if (todayOn <= `${year}-12-31`) return refuse('ANNUAL_REPORT_YEAR_NOT_ENDED', undefined, 'year');
  return allowed;
}
