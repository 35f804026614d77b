// Exceedance and data-quality judgement over monitoring series. Pure: series and limits are passed in.
//
// Legal basis of an exceedance: 水污染防治法 第八十三条第（二）项 and 大气污染防治法 第九十九条第（二）项
// (超过排放标准或者重点污染物排放总量控制指标排放). Which values count (design, confirm with the bureau —
// environment-data.md §5.9, unconfirmed): hourly (2061) Avg, or ZsAvg where the standard sets a reference
// O2, and daily (2031) values; only data flagged N (表 C.1 "正常"); T (超测量上限) raises a suspected
// exceedance for review; real-time data only warns. Consecutive exceedance hours are one event.
import type { Citation } from '../../law/outcome.js';
import type { EventKind, LimitBasis, LimitPeriod } from './vocabulary.js';

export const WATER_EXCEEDANCE: Citation = { law: '水污染防治法', article: '第八十三条', item: '（二）' };
export const AIR_EXCEEDANCE: Citation = { law: '大气污染防治法', article: '第九十九条', item: '（二）' };

export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;
export const unitMsOf = (period: LimitPeriod) => (period === 'hour' ? HOUR_MS : DAY_MS);

export interface LimitRule {
  pollutant: string; period: LimitPeriod; lower: number | null; upper: number | null; useReference: boolean;
  basis: LimitBasis; citation: string; effectiveFrom: string; effectiveTo: string | null;
}
export interface ApplicableLimit { lower: number | null; upper: number | null; useReference: boolean; citation: string }

/** The limits in force on `onDate` for a pollutant and period, combined: the stricter bound of standard and permit applies. */
export function applicableLimit(limits: LimitRule[], pollutant: string, period: LimitPeriod, onDate: string): ApplicableLimit | null {
  let out: ApplicableLimit | null = null;
  for (const l of limits) {
    if (l.pollutant !== pollutant || l.period !== period || l.effectiveFrom > onDate || (l.effectiveTo !== null && l.effectiveTo < onDate)) continue;
    out ??= { lower: null, upper: null, useReference: l.useReference, citation: '' };
    const cites: string[] = out.citation ? [out.citation] : [];
    if (l.upper !== null && (out.upper === null || l.upper < out.upper)) { out.upper = l.upper; out.useReference = l.useReference; cites.unshift(l.citation); }
    if (l.lower !== null && (out.lower === null || l.lower > out.lower)) { out.lower = l.lower; cites.push(l.citation); }
    out.citation = [...new Set(cites)].join('；');
  }
  return out;
}

/** One unit (hour, day, slot) of a series: the value judged and its data flag. */
export interface Unit { at: number; value: number | null; flag: string | null }

export type UnitJudgement = 'exceeds' | 'within' | 'suspected' | 'invalid';

/**
 * HJ 212-2017 表 4: `-Flag` is an optional sub-field; a logger that sends none (44 % of the points in a real
 * 2005-dialect capture) reports no abnormal state, so a missing flag is read as N (正常, 表 C.1) for the
 * exceedance and data-quality rules. The stored point keeps `flag = null`, recording that it was absent.
 */
export const effectiveFlag = (flag: string | null | undefined): string => flag ?? 'N';

/** Only flag N (or no flag) is valid data; T (over range) is a suspected exceedance; every other flag is not judged. */
export function judgeUnit(u: Unit, limit: ApplicableLimit): UnitJudgement {
  const flag = effectiveFlag(u.flag);
  if (flag === 'T') return 'suspected';
  if (flag !== 'N' || u.value === null) return 'invalid';
  if (limit.upper !== null && u.value > limit.upper) return 'exceeds';
  if (limit.lower !== null && u.value < limit.lower) return 'exceeds';
  return 'within';
}

export interface Run { startAt: number; endAt: number; units: number; peakValue: number | null; peakAt: number | null }

/** Consecutive units (each `unitMs` after the last) for which `on` holds, merged into runs; a gap ends a run. */
export function findRuns(units: Unit[], unitMs: number, on: (u: Unit) => boolean, rank: (u: Unit) => number = (u) => u.value ?? 0): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  let best = Number.NEGATIVE_INFINITY;
  let lastAt = Number.NEGATIVE_INFINITY;
  for (const u of [...units].sort((a, b) => a.at - b.at)) {
    if (u.at === lastAt) continue;
    const contiguous = u.at === lastAt + unitMs;
    lastAt = u.at;
    if (!on(u)) { cur = null; continue; }
    if (!cur || !contiguous) { cur = { startAt: u.at, endAt: u.at + unitMs, units: 0, peakValue: null, peakAt: null }; runs.push(cur); best = Number.NEGATIVE_INFINITY; }
    cur.endAt = u.at + unitMs;
    cur.units++;
    const r = rank(u);
    if (u.value !== null && r > best) { best = r; cur.peakValue = u.value; cur.peakAt = u.at; }
  }
  return runs;
}

/** How far a value lies outside the limit: the peak of a range test below its lower bound is the lowest value. */
const excessOf = (limit: ApplicableLimit) => (u: Unit): number =>
  u.value === null ? Number.NEGATIVE_INFINITY : limit.upper !== null && u.value > limit.upper ? u.value - limit.upper : (limit.lower ?? 0) - u.value;

export interface DetectedEvent { kind: EventKind; run: Run; limit: ApplicableLimit | null }

/** Data flags that are data-quality events of their own (表 C.1). */
export const FLAG_EVENTS: Record<string, EventKind> = {
  F: 'instrument_stopped', D: 'instrument_fault', M: 'maintenance', C: 'calibration', S: 'manual_value', B: 'data_gap',
};

/** Identical valid values for this many consecutive units is a constant-value (数据恒值) event. */
export const CONSTANT_RUN_UNITS = 6;

/** Exceedance, suspected-exceedance, flag and constant-value events of one pollutant's series. */
export function detectSeriesEvents(units: Unit[], unitMs: number, limit: ApplicableLimit | null): DetectedEvent[] {
  const out: DetectedEvent[] = [];
  if (limit) {
    for (const run of findRuns(units, unitMs, (u) => judgeUnit(u, limit) === 'exceeds', excessOf(limit))) out.push({ kind: 'exceedance', run, limit });
    for (const run of findRuns(units, unitMs, (u) => judgeUnit(u, limit) === 'suspected')) out.push({ kind: 'suspected_exceedance', run, limit });
  }
  for (const [flag, kind] of Object.entries(FLAG_EVENTS)) {
    for (const run of findRuns(units, unitMs, (u) => u.flag === flag)) out.push({ kind, run, limit: null });
  }
  for (const run of findConstantRuns(units, unitMs, CONSTANT_RUN_UNITS)) out.push({ kind: 'constant_value', run, limit: null });
  return out;
}

/** Runs of at least `minUnits` consecutive valid (N) units with exactly the same value. */
export function findConstantRuns(units: Unit[], unitMs: number, minUnits: number): Run[] {
  const sorted = [...units].sort((a, b) => a.at - b.at);
  const runs: Run[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i]!;
    let j = i + 1;
    if (effectiveFlag(first.flag) === 'N' && first.value !== null) {
      while (j < sorted.length && effectiveFlag(sorted[j]!.flag) === 'N' && sorted[j]!.value === first.value && sorted[j]!.at === sorted[j - 1]!.at + unitMs) j++;
      if (j - i >= minUnits) runs.push({ startAt: first.at, endAt: sorted[j - 1]!.at + unitMs, units: j - i, peakValue: first.value, peakAt: first.at });
    }
    i = j;
  }
  return runs;
}

/**
 * Hourly average from minute records (2051 Avg) when no hourly record (2061) was sent: the arithmetic mean
 * of the valid (N) minute records, provided they cover at least 45 minutes of the hour (HJ 75-2017 有效
 * 小时均值, unconfirmed for wastewater). The flag is N when valid, else the most frequent other flag.
 */
export function hourlyAverageFromMinutes(records: { value: number | null; flag: string | null }[], minuteIntervalMin: number): { value: number | null; flag: string | null } {
  const valid = records.filter((r) => effectiveFlag(r.flag) === 'N' && r.value !== null);
  if (valid.length * minuteIntervalMin >= 45) {
    return { value: valid.reduce((s, r) => s + r.value!, 0) / valid.length, flag: 'N' };
  }
  const counts = new Map<string, number>();
  for (const r of records) { const f = effectiveFlag(r.flag); if (f !== 'N') counts.set(f, (counts.get(f) ?? 0) + 1); }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { value: null, flag: top ? top[0] : null };
}

/** A device is offline when nothing arrived for three of its upload intervals (design; unconfirmed). */
export const OFFLINE_INTERVALS = 3;
export const isOffline = (lastSeenAt: number, intervalS: number, nowMs: number) => nowMs - lastSeenAt > OFFLINE_INTERVALS * intervalS * 1000;
