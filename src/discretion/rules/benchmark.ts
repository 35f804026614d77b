// Discretion benchmarks (自由裁量基准) as data, and the formula that turns the officer's factor levels
// into a fine inside the legal range, with one line per factor saying how it moved the amount.
//
// 行政处罚法 第三十四条: 行政机关可以依法制定行政处罚裁量基准，规范行使行政处罚裁量权。Modelled on the
// 裁量因子 / 裁量等级 / 裁量百分比 method of 生态环境部《关于进一步规范适用环境行政处罚自由裁量权的指导
// 意见》(环执法〔2019〕42号) and Shandong's benchmark (鲁环发〔2020〕1号); the exact formula of those
// texts is unconfirmed here. Ours:
//   position = baseline% + (100 − baseline%) × Σ(weightᵢ × scoreᵢ) / (100 × Σ weightᵢ)
//   fine     = legal minimum + (legal maximum − legal minimum) × position, rounded to the table's unit
// Scores run 0–100 and never fall as a factor's level grows more severe, so the fine is monotonic in
// every factor and never leaves the legal range. Money is integer fen, arithmetic on BigInt.
import { divideRounded, percentOfFen } from '../../law/fen.js';
import { allowed, refuse, type Citation, type Outcome, type Result, success } from '../../law/outcome.js';

export const APL_34: Citation = { law: '行政处罚法', article: '第三十四条' };
export const APL_32: Citation = { law: '行政处罚法', article: '第三十二条' };

/** The seven factors the issue names; a table may use others too. */
export const STANDARD_FACTORS = ['severity', 'duration', 'sensitiveArea', 'repeat', 'cooperation', 'correction', 'consequence'] as const;

export type LegalRange =
  /** 处X元以上Y元以下 (X may be 0 for 处Y元以下). */
  | { kind: 'amount'; minFen: number; maxFen: number }
  /** 处…总投资额百分之一以上百分之五以下: percentages as decimal strings. */
  | { kind: 'percent_of_base'; baseLabel: string; minPercent: string; maxPercent: string }
  /** 处所需处置费用一倍以上三倍以下，不足十万元的按十万元计算. */
  | { kind: 'multiple_of_base'; baseLabel: string; minMultiple: number; maxMultiple: number; baseFloorFen: number };

export interface FactorLevel { key: string; label: string; score: number }
/** Levels listed from the least to the most severe. */
export interface Factor { key: string; label: string; weight: number; levels: FactorLevel[] }

export interface BenchmarkTable {
  code: string;
  version: number;
  title: string;
  violatedProvision: Citation;
  penaltyProvision: Citation;
  range: LegalRange;
  factors: Factor[];
  /** Share of the range every fine starts with (0–100); used where the law sets only a ceiling. */
  baselinePercent: number;
  /** The fine is rounded to this unit (e.g. 10000 fen = 100 yuan) where the range allows. */
  roundingFen: number;
}

export interface CalculationInput { levels: Record<string, string>; baseFen?: number | null }

export interface FactorLine {
  factorKey: string; factorLabel: string; levelKey: string; levelLabel: string; score: number; weight: number;
  /** How far this factor moved the fine above the baseline amount. */
  amountFen: number;
}

export interface Calculation {
  legalMinFen: number;
  legalMaxFen: number;
  baseFen: number | null;
  /** The amount with every factor at its lightest level. */
  baselineFen: number;
  /** Position in the range, in ‰. */
  positionPermille: number;
  lines: FactorLine[];
  /** What rounding to the unit added or took away. */
  roundingAdjustmentFen: number;
  fineFen: number;
}

const PERCENT = /^\d+(?:\.\d{1,6})?$/;

/** Structural problems of a table (for administrators' edits), each with its field. */
export function findTableProblems(t: Omit<BenchmarkTable, 'version'>): { code: string; field: string }[] {
  const p: { code: string; field: string }[] = [];
  const r = t.range;
  if (r.kind === 'amount') {
    if (!Number.isSafeInteger(r.minFen) || r.minFen < 0) p.push({ code: 'RANGE_INVALID', field: 'range.minFen' });
    if (!Number.isSafeInteger(r.maxFen) || r.maxFen <= 0 || r.maxFen < r.minFen) p.push({ code: 'RANGE_INVALID', field: 'range.maxFen' });
  } else if (r.kind === 'percent_of_base') {
    if (!PERCENT.test(r.minPercent)) p.push({ code: 'RANGE_INVALID', field: 'range.minPercent' });
    if (!PERCENT.test(r.maxPercent) || Number(r.maxPercent) < Number(r.minPercent) || Number(r.maxPercent) <= 0) p.push({ code: 'RANGE_INVALID', field: 'range.maxPercent' });
  } else {
    if (!Number.isInteger(r.minMultiple) || r.minMultiple < 0) p.push({ code: 'RANGE_INVALID', field: 'range.minMultiple' });
    if (!Number.isInteger(r.maxMultiple) || r.maxMultiple < r.minMultiple || r.maxMultiple <= 0) p.push({ code: 'RANGE_INVALID', field: 'range.maxMultiple' });
    if (!Number.isSafeInteger(r.baseFloorFen) || r.baseFloorFen < 0) p.push({ code: 'RANGE_INVALID', field: 'range.baseFloorFen' });
  }
  if (!t.factors.length) p.push({ code: 'FACTORS_REQUIRED', field: 'factors' });
  const keys = new Set<string>();
  t.factors.forEach((f, i) => {
    if (keys.has(f.key)) p.push({ code: 'FACTOR_KEY_DUPLICATE', field: `factors.${i}.key` });
    keys.add(f.key);
    if (!Number.isInteger(f.weight) || f.weight <= 0) p.push({ code: 'FACTOR_WEIGHT_INVALID', field: `factors.${i}.weight` });
    if (f.levels.length < 2) p.push({ code: 'FACTOR_LEVELS_TOO_FEW', field: `factors.${i}.levels` });
    const levelKeys = new Set<string>();
    f.levels.forEach((l, j) => {
      if (levelKeys.has(l.key)) p.push({ code: 'LEVEL_KEY_DUPLICATE', field: `factors.${i}.levels.${j}.key` });
      levelKeys.add(l.key);
      if (!Number.isInteger(l.score) || l.score < 0 || l.score > 100) p.push({ code: 'LEVEL_SCORE_INVALID', field: `factors.${i}.levels.${j}.score` });
      // Monotonic in severity: a more severe level never scores lower.
      else if (j > 0 && l.score < f.levels[j - 1]!.score) p.push({ code: 'LEVEL_SCORES_NOT_MONOTONIC', field: `factors.${i}.levels.${j}.score` });
    });
  });
  if (!Number.isInteger(t.baselinePercent) || t.baselinePercent < 0 || t.baselinePercent > 100) p.push({ code: 'BASELINE_INVALID', field: 'baselinePercent' });
  if (!Number.isSafeInteger(t.roundingFen) || t.roundingFen < 1) p.push({ code: 'ROUNDING_INVALID', field: 'roundingFen' });
  return p;
}

/** The legal range in fen; a base amount is required where the range is a share or multiple of one. */
export function computeLegalRange(range: LegalRange, baseFen: number | null | undefined): Result<{ minFen: number; maxFen: number; baseFen: number | null }> {
  if (range.kind === 'amount') return success({ minFen: range.minFen, maxFen: range.maxFen, baseFen: null });
  if (baseFen === null || baseFen === undefined || !Number.isSafeInteger(baseFen) || baseFen <= 0) return refuse('DISCRETION_BASE_REQUIRED', APL_34, 'baseFen');
  if (range.kind === 'percent_of_base') {
    // Inside the range whatever the rounding: the minimum rounds up, the maximum down.
    const minFen = percentOfFen(baseFen, range.minPercent, 'up');
    const maxFen = Math.max(minFen, percentOfFen(baseFen, range.maxPercent, 'down'));
    return success({ minFen, maxFen, baseFen });
  }
  const effective = Math.max(baseFen, range.baseFloorFen);
  const minFen = effective * range.minMultiple;
  const maxFen = effective * range.maxMultiple;
  if (!Number.isSafeInteger(maxFen)) return refuse('AMOUNT_TOO_LARGE', undefined, 'baseFen');
  return success({ minFen, maxFen, baseFen });
}

/** Rounds to the unit while staying in the range; a range narrower than the unit is not rounded. */
function roundInRange(raw: bigint, minFen: bigint, maxFen: bigint, unitFen: bigint): bigint {
  const lowest = divideRounded(minFen, unitFen, 'up') * unitFen;
  const highest = (maxFen / unitFen) * unitFen;
  if (highest < lowest) return raw;
  const r = divideRounded(raw, unitFen, 'half-up') * unitFen;
  return r < lowest ? lowest : r > highest ? highest : r;
}

/** The fine a table gives for the chosen factor levels, with one line per factor. */
export function computeBenchmarkFine(t: BenchmarkTable, input: CalculationInput): Result<Calculation> {
  for (const f of t.factors) {
    const chosen = input.levels[f.key];
    if (chosen === undefined) return refuse('DISCRETION_LEVEL_REQUIRED', APL_34, `levels.${f.key}`);
    if (!f.levels.some((l) => l.key === chosen)) return refuse('DISCRETION_LEVEL_UNKNOWN', APL_34, `levels.${f.key}`);
  }
  const unknown = Object.keys(input.levels).find((k) => !t.factors.some((f) => f.key === k));
  if (unknown) return refuse('DISCRETION_FACTOR_UNKNOWN', APL_34, `levels.${unknown}`);
  const range = computeLegalRange(t.range, input.baseFen);
  if (!range.ok) return range;
  const min = BigInt(range.value.minFen);
  const span = BigInt(range.value.maxFen) - min;
  const weights = BigInt(t.factors.reduce((s, f) => s + f.weight, 0));
  const baseline = BigInt(t.baselinePercent);
  // position = [baseline × 100 × W + (100 − baseline) × Σ wᵢsᵢ] / (100 × 100 × W)
  const denominator = 100n * 100n * weights;
  const chosen = t.factors.map((f) => ({ f, level: f.levels.find((l) => l.key === input.levels[f.key])! }));
  const weighted = chosen.reduce((s, { f, level }) => s + BigInt(f.weight) * BigInt(level.score), 0n);
  const numerator = baseline * 100n * weights + (100n - baseline) * weighted;
  const raw = min + divideRounded(span * numerator, denominator, 'half-up');
  const baselineFen = min + divideRounded(span * baseline * 100n * weights, denominator, 'half-up');
  const fine = roundInRange(raw, min, BigInt(range.value.maxFen), BigInt(t.roundingFen));
  const lines: FactorLine[] = chosen.map(({ f, level }) => ({
    factorKey: f.key, factorLabel: f.label, levelKey: level.key, levelLabel: level.label, score: level.score, weight: f.weight,
    amountFen: Number(divideRounded(span * (100n - baseline) * BigInt(f.weight) * BigInt(level.score), denominator, 'down')),
  }));
  const explained = Number(baselineFen) + lines.reduce((s, l) => s + l.amountFen, 0);
  return success({
    legalMinFen: range.value.minFen, legalMaxFen: range.value.maxFen, baseFen: range.value.baseFen,
    baselineFen: Number(baselineFen), positionPermille: Number(divideRounded(numerator * 1000n, denominator, 'half-up')),
    lines, roundingAdjustmentFen: Number(fine) - explained, fineFen: Number(fine),
  });
}

/** 《大气污染防治法》第九十九条第（二）项, as decisions cite it. */
export function formatProvision(c: Citation): string {
  return `《${c.law}》${c.article}${c.paragraph ?? ''}${c.item ? `第${c.item}项` : ''}`;
}

/** The version in force on a day: the latest effective date on or before it (ties: the higher version). */
export function tableInForceOn<T extends { version: number; effectiveOn: string }>(versions: readonly T[], on: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveOn > on) continue;
    if (!best || v.effectiveOn > best.effectiveOn || (v.effectiveOn === best.effectiveOn && v.version > best.version)) best = v;
  }
  return best;
}

export interface DepartureFacts {
  /** The benchmark's fine for this case, or null where no calculation was stored. */
  computedFen: number | null;
  legalMinFen: number | null;
  legalMaxFen: number | null;
  fineFen: number;
  reason: string | null;
  /** A 行政处罚法 第三十条–第三十二条 ground is recorded on the case. */
  mitigationRecorded: boolean;
  penaltyProvision: Citation | null;
}

/**
 * 行政处罚法 第三十四条: a fine that departs from the benchmark's needs a written reason (the legal review
 * sees it); never above the legal maximum; below the minimum only as 减轻处罚 on a 第三十二条 ground.
 */
export function checkFineAgainstBenchmark(f: DepartureFacts): Outcome {
  if (f.computedFen === null) return allowed;
  if (f.legalMaxFen !== null && f.fineFen > f.legalMaxFen) {
    return refuse('FINE_ABOVE_LEGAL_RANGE', f.penaltyProvision ?? undefined, 'fineFen', { legalMaxFen: f.legalMaxFen });
  }
  if (f.legalMinFen !== null && f.fineFen < f.legalMinFen && f.fineFen > 0 && !f.mitigationRecorded) {
    return refuse('FINE_BELOW_LEGAL_RANGE', APL_32, 'fineFen', { legalMinFen: f.legalMinFen });
  }
  if (f.fineFen !== f.computedFen && !f.reason?.trim()) {
    return refuse('DISCRETION_DEPARTURE_REASON_REQUIRED', APL_34, 'discretionReason', { computedFen: f.computedFen });
  }
  return allowed;
}
