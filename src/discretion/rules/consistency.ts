// The consistency report: for each violation type, how the fines actually decided spread against the
// benchmark, overall, per district and per officer. Pure arithmetic over decided cases.

export interface DecidedFine {
  tableCode: string;
  tableTitle: string;
  districtName: string;
  officerName: string;
  computedFen: number;
  decidedFen: number;
}

export interface Spread {
  key: string;
  cases: number;
  decidedMinFen: number;
  decidedMaxFen: number;
  decidedMedianFen: number;
  computedTotalFen: number;
  decidedTotalFen: number;
  /** Decided vs computed, per case, in ‰ of the computed fine: the mean, the mean of absolute values, the extremes. */
  meanDeviationPermille: number;
  meanAbsDeviationPermille: number;
  minDeviationPermille: number;
  maxDeviationPermille: number;
  /** Cases whose decided fine differs from the computed one. */
  departures: number;
}

export interface ViolationTypeSpread extends Spread { title: string; byDistrict: Spread[]; byOfficer: Spread[] }

/** (decided − computed) / computed in ‰, rounded half away from zero; 0 when nothing was computed. */
export function deviationPermille(computedFen: number, decidedFen: number): number {
  if (computedFen <= 0) return 0;
  const d = ((decidedFen - computedFen) * 1000) / computedFen;
  return Math.sign(d) * Math.round(Math.abs(d));
}

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : Math.round((sorted[n / 2 - 1]! + sorted[n / 2]!) / 2);
}

export function computeSpread(key: string, rows: readonly DecidedFine[]): Spread {
  const decided = rows.map((r) => r.decidedFen).sort((a, b) => a - b);
  const devs = rows.map((r) => deviationPermille(r.computedFen, r.decidedFen));
  const n = rows.length;
  return {
    key, cases: n,
    decidedMinFen: decided[0] ?? 0, decidedMaxFen: decided.at(-1) ?? 0, decidedMedianFen: n ? median(decided) : 0,
    computedTotalFen: rows.reduce((s, r) => s + r.computedFen, 0), decidedTotalFen: rows.reduce((s, r) => s + r.decidedFen, 0),
    meanDeviationPermille: n ? Math.round(devs.reduce((s, d) => s + d, 0) / n) : 0,
    meanAbsDeviationPermille: n ? Math.round(devs.reduce((s, d) => s + Math.abs(d), 0) / n) : 0,
    minDeviationPermille: n ? Math.min(...devs) : 0, maxDeviationPermille: n ? Math.max(...devs) : 0,
    departures: rows.filter((r) => r.decidedFen !== r.computedFen).length,
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** One entry per violation type (benchmark table), largest first, with its district and officer breakdowns. */
export function computeConsistency(rows: readonly DecidedFine[]): ViolationTypeSpread[] {
  return [...groupBy(rows, (r) => r.tableCode)].map(([code, list]) => ({
    ...computeSpread(code, list),
    title: list[0]!.tableTitle,
    byDistrict: [...groupBy(list, (r) => r.districtName)].map(([k, l]) => computeSpread(k, l)).sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key)),
    byOfficer: [...groupBy(list, (r) => r.officerName)].map(([k, l]) => computeSpread(k, l)).sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key)),
  })).sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key));
}
