// 合规记录 (compliance history, after US EPA ECHO's 12-quarter view) and the watch list of serious violations
// without timely formal action. Pure: records in (as civil dates), cells and entries out; `todayOn` is passed in.
// Nothing here is a hand-set flag: every status is derived from the records by the rules below.
// The thresholds are the bureau's policy (settings.watchList, settings.majorCase), not statute: no article applies.
import { addDays } from '../law/civil-date.js';

export interface Quarter { key: string; startOn: string; endOn: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The calendar quarter a civil date lies in, as 2026Q3. */
export const quarterKeyOf = (on: string) => `${on.slice(0, 4)}Q${Math.floor((Number(on.slice(5, 7)) - 1) / 3) + 1}`;

/** The last `n` calendar quarters up to and including today's, oldest first. */
export function quartersUpTo(todayOn: string, n = 12): Quarter[] {
  let y = Number(todayOn.slice(0, 4));
  let q = Math.floor((Number(todayOn.slice(5, 7)) - 1) / 3);
  const out: Quarter[] = [];
  for (let i = 0; i < n; i++) {
    const m0 = q * 3 + 1;
    out.unshift({ key: `${y}Q${q + 1}`, startOn: `${y}-${pad(m0)}-01`, endOn: `${y}-${pad(m0 + 2)}-${pad(lastDay(y, m0 + 2))}` });
    if (--q < 0) { q = 3; y -= 1; }
  }
  return out;
}

export interface QuarterCounts {
  inspections: number; violations: number; casesFiled: number; penalties: number; penaltyFen: number;
  exceedanceEvents: number; rectificationOverdue: number;
}

/** The legend, worst last: each cell takes the worst status its counts reach. */
export const CELL_STATUSES = ['none', 'compliant', 'violation', 'formal_action', 'serious'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export interface GridThresholds {
  /** A quarter's penalties at or above this total are serious (the bureau's 重大案件 fine, settings.majorCase). */
  seriousFineFen: number;
  /** This many exceedance events in a quarter are serious (settings.watchList.exceedanceDays). */
  seriousExceedanceEvents: number;
}

/**
 * none: nothing recorded; compliant: inspected, nothing found; violation: something found (a lead, a problem,
 * an exceedance, an overdue rectification) without a case; formal_action: a case filed or a penalty decided;
 * serious: penalties or exceedances at the serious thresholds.
 */
export function cellStatusOf(c: QuarterCounts, t: GridThresholds): CellStatus {
  if ((c.penalties > 0 && c.penaltyFen >= t.seriousFineFen) || c.exceedanceEvents >= t.seriousExceedanceEvents) return 'serious';
  if (c.casesFiled > 0 || c.penalties > 0) return 'formal_action';
  if (c.violations > 0 || c.exceedanceEvents > 0 || c.rectificationOverdue > 0) return 'violation';
  if (c.inspections > 0) return 'compliant';
  return 'none';
}

/** The records the grid counts, each by its civil date. */
export interface ComplianceRecords {
  inspectionsOn: string[];
  violationsOn: string[];
  casesFiledOn: string[];
  penalties: { decidedOn: string; fineFen: number }[];
  exceedancesOn: string[];
  /** Rectifications (campaign items, supervision orders): overdue when finished late or unfinished past the deadline. */
  rectifications: { deadlineOn: string; completedOn: string | null }[];
}

/** Finished after its deadline, or unfinished with the deadline passed (counted in the deadline's quarter). */
export const isRectificationOverdue = (r: { deadlineOn: string; completedOn: string | null }, todayOn: string) =>
  (r.completedOn === null ? todayOn > r.deadlineOn : r.completedOn > r.deadlineOn);

export interface GridCell extends QuarterCounts { quarter: string; startOn: string; endOn: string; status: CellStatus }

/** The 12-quarter grid: the records bucketed by quarter, each cell's status by `cellStatusOf`. */
export function computeComplianceGrid(r: ComplianceRecords, todayOn: string, t: GridThresholds, n = 12): GridCell[] {
  const quarters = quartersUpTo(todayOn, n);
  const cells = new Map(quarters.map((q) => [q.key, { inspections: 0, violations: 0, casesFiled: 0, penalties: 0, penaltyFen: 0, exceedanceEvents: 0, rectificationOverdue: 0 }]));
  const at = (on: string) => (on <= todayOn ? cells.get(quarterKeyOf(on)) : undefined);
  for (const on of r.inspectionsOn) { const c = at(on); if (c) c.inspections++; }
  for (const on of r.violationsOn) { const c = at(on); if (c) c.violations++; }
  for (const on of r.casesFiledOn) { const c = at(on); if (c) c.casesFiled++; }
  for (const p of r.penalties) { const c = at(p.decidedOn); if (c) { c.penalties++; c.penaltyFen += p.fineFen; } }
  for (const on of r.exceedancesOn) { const c = at(on); if (c) c.exceedanceEvents++; }
  for (const x of r.rectifications) { const c = at(x.deadlineOn); if (c && isRectificationOverdue(x, todayOn)) c.rectificationOverdue++; }
  return quarters.map((q) => { const c = cells.get(q.key)!; return { quarter: q.key, startOn: q.startOn, endOn: q.endOn, ...c, status: cellStatusOf(c, t) }; });
}

// ── Watch list ──

/** The serious-violation rules as data (settings.watchList). */
export interface SeriousRules {
  formalActionDays: number;
  exceedanceDays: number;
  exceedanceWindowDays: number;
  leadSources: string[];
  /**
   * 按日连续处罚 (环境保护法 第五十九条): a re-inspection that found the violation continuing (拒不改正) is serious;
   * the 按日连续处罚 decision (src/measures) is its formal action. Off: such findings are not counted.
   */
  dailyPenalty?: boolean;
}

/** A 按日连续处罚 measure: the first re-inspection finding the violation continuing (or obstructed), and the decision, if made. */
export interface DailyPenaltyFact { measureId: number; orderServedOn: string; continuingOn: string | null; decidedOn: string | null }

export interface WatchFacts {
  /** Days with an exceedance event (duplicates allowed). */
  exceedancesOn: string[];
  leads: { id: number; source: string; discoveredOn: string }[];
  casesFiledOn: string[];
  dailyPenalties?: DailyPenaltyFact[];
}

export type SeriousKind = 'exceedance_days' | 'lead_source' | 'daily_penalty';
export interface SeriousViolation {
  kind: SeriousKind;
  /** When it began (the first counted day, the lead's discovery): a case filed from then on answers it. */
  startOn: string;
  /** When it became serious (the Nth exceedance day, the lead's discovery): the clock runs from here. */
  onOn: string;
  days?: number; leadId?: number; source?: string;
  /** daily_penalty: the measure, and the day its 按日连续处罚 decision was made (the formal action), if it was. */
  measureId?: number; formalActionOn?: string | null;
}

/**
 * Exceedance events on at least N distinct days within W days (windows do not overlap: after one is counted,
 * the next starts after it); every lead of a listed source.
 */
export function seriousViolationsOf(f: WatchFacts, rules: SeriousRules): SeriousViolation[] {
  const out: SeriousViolation[] = [];
  const days = [...new Set(f.exceedancesOn)].sort();
  let from = 0;
  for (let i = 0; i < days.length; i++) {
    while (from < i && days[from]! < addDays(days[i]!, -(rules.exceedanceWindowDays - 1))) from++;
    if (i - from + 1 >= rules.exceedanceDays) {
      out.push({ kind: 'exceedance_days', startOn: days[from]!, onOn: days[i]!, days: i - from + 1 });
      from = i + 1;
    }
  }
  for (const l of f.leads) if (rules.leadSources.includes(l.source)) out.push({ kind: 'lead_source', startOn: l.discoveredOn, onOn: l.discoveredOn, leadId: l.id, source: l.source });
  // 环境保护法 第五十九条: 拒不改正 found on re-inspection is what a daily penalty answers; the clock runs from that finding.
  if (rules.dailyPenalty) {
    for (const d of f.dailyPenalties ?? []) {
      if (d.continuingOn) out.push({ kind: 'daily_penalty', startOn: d.orderServedOn, onOn: d.continuingOn, measureId: d.measureId, formalActionOn: d.decidedOn });
    }
  }
  return out.sort((a, b) => (a.onOn < b.onOn ? -1 : a.onOn > b.onOn ? 1 : 0));
}

export type WatchState = 'addressed' | 'pending' | 'listed';
export interface WatchClock { dueOn: string; daysSince: number; state: WatchState; addressedOn: string | null }

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * A serious violation is addressed by a case filed on or after it began; unaddressed past `formalActionDays`
 * calendar days from when it became serious, the enterprise is listed.
 */
export function watchClockOf(v: SeriousViolation, casesFiledOn: string[], rules: SeriousRules, todayOn: string): WatchClock {
  const dueOn = addDays(v.onOn, rules.formalActionDays);
  // A daily penalty is answered by its own decision (a case filed for the original violation came before it, so it does not count).
  const addressedOn = v.kind === 'daily_penalty'
    ? (v.formalActionOn && v.formalActionOn <= todayOn ? v.formalActionOn : null)
    : [...casesFiledOn].sort().find((on) => on >= v.startOn && on <= todayOn) ?? null;
  const state: WatchState = addressedOn ? 'addressed' : todayOn > dueOn ? 'listed' : 'pending';
  return { dueOn, daysSince: daysBetween(v.onOn, todayOn), state, addressedOn };
}

export interface WatchEntryOf { violations: (SeriousViolation & WatchClock)[]; listed: boolean }

/** The enterprise's serious violations with their clocks; listed when any is unaddressed past its period. */
export function computeWatchEntry(f: WatchFacts, rules: SeriousRules, todayOn: string): WatchEntryOf {
  const violations = seriousViolationsOf(f, rules).filter((v) => v.onOn <= todayOn)
    .map((v) => ({ ...v, ...watchClockOf(v, f.casesFiledOn, rules, todayOn) }))
    .filter((v) => v.state !== 'addressed');
  return { violations, listed: violations.some((v) => v.state === 'listed') };
}
