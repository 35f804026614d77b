import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkFineAgainstBenchmark, computeBenchmarkFine, computeLegalRange, findTableProblems, formatProvision, tableInForceOn, type BenchmarkTable, type Factor } from './benchmark.js';
import { DISCRETION_TABLES as SEED } from '../data/tables.js';

const DISCRETION_TABLES: BenchmarkTable[] = SEED.map((t) => ({ ...t, version: 1 }));
import { computeConsistency, deviationPermille } from './consistency.js';

const WAN = 10_000_00;
const factor = (key: string, weight: number, scores: number[]): Factor =>
  ({ key, label: key, weight, levels: scores.map((score, i) => ({ key: `l${i}`, label: `L${i}`, score })) });
const apl99: BenchmarkTable = {
  code: 'T', version: 1, title: '超标排放大气污染物', violatedProvision: { law: '大气污染防治法', article: '第十八条' },
  penaltyProvision: { law: '大气污染防治法', article: '第九十九条', item: '（二）' },
  range: { kind: 'amount', minFen: 10 * WAN, maxFen: 100 * WAN },
  factors: [factor('severity', 60, [0, 50, 100]), factor('cooperation', 40, [0, 100])], baselinePercent: 0, roundingFen: 100_00,
};
const levels = (severity: string, cooperation: string) => ({ levels: { severity, cooperation } });

describe('行政处罚法 第三十四条: the benchmark formula', () => {
  it('the lightest levels give the legal minimum, the heaviest the maximum', () => {
    expect(computeBenchmarkFine(apl99, levels('l0', 'l0'))).toMatchObject({ ok: true, value: { fineFen: 10 * WAN, legalMinFen: 10 * WAN, legalMaxFen: 100 * WAN, positionPermille: 0 } });
    expect(computeBenchmarkFine(apl99, levels('l2', 'l1'))).toMatchObject({ ok: true, value: { fineFen: 100 * WAN, positionPermille: 1000 } });
  });
  it('one line per factor says how far it moved the amount; the lines add up to the fine', () => {
    const r = computeBenchmarkFine(apl99, levels('l1', 'l1'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 10万 + 90万 × (60×50 + 40×100)/(100×100) = 10万 + 63万 = 73万
    expect(r.value.fineFen).toBe(73 * WAN);
    expect(r.value.lines.map((l) => [l.factorKey, l.amountFen])).toEqual([['severity', 27 * WAN], ['cooperation', 36 * WAN]]);
    expect(r.value.baselineFen + r.value.lines.reduce((s, l) => s + l.amountFen, 0) + r.value.roundingAdjustmentFen).toBe(r.value.fineFen);
  });
  it('a baseline moves the lightest fine up for ranges with only a ceiling (处五万元以下)', () => {
    const t: BenchmarkTable = { ...apl99, range: { kind: 'amount', minFen: 0, maxFen: 5 * WAN }, baselinePercent: 10 };
    expect(computeBenchmarkFine(t, levels('l0', 'l0'))).toMatchObject({ value: { fineFen: 5000_00, baselineFen: 5000_00 } });
  });
  it('rounds to the table unit without leaving the range', () => {
    const t: BenchmarkTable = { ...apl99, range: { kind: 'amount', minFen: 5000_00, maxFen: 20000_00 }, roundingFen: 1000_00, factors: [factor('severity', 1, [0, 33, 100])] };
    expect(computeBenchmarkFine(t, { levels: { severity: 'l1' } })).toMatchObject({ value: { fineFen: 10000_00, roundingAdjustmentFen: 50_00 } });
  });
  it('refuses a missing, unknown or extra factor level, naming the field', () => {
    expect(computeBenchmarkFine(apl99, { levels: { severity: 'l0' } })).toMatchObject({ ok: false, code: 'DISCRETION_LEVEL_REQUIRED', field: 'levels.cooperation' });
    expect(computeBenchmarkFine(apl99, levels('l9', 'l0'))).toMatchObject({ ok: false, code: 'DISCRETION_LEVEL_UNKNOWN', field: 'levels.severity' });
    expect(computeBenchmarkFine(apl99, { levels: { severity: 'l0', cooperation: 'l0', mood: 'l0' } })).toMatchObject({ ok: false, code: 'DISCRETION_FACTOR_UNKNOWN', field: 'levels.mood' });
  });
});

describe('环境影响评价法 第三十一条第一款: 1 %–5 % of the total investment', () => {
  const eia: BenchmarkTable = { ...apl99, range: { kind: 'percent_of_base', baseLabel: '总投资额', minPercent: '1', maxPercent: '5' } };
  it('needs the total investment', () => {
    expect(computeBenchmarkFine(eia, levels('l0', 'l0'))).toMatchObject({ ok: false, code: 'DISCRETION_BASE_REQUIRED', field: 'baseFen', citation: { article: '第三十四条' } });
  });
  it('a 2 000万 project: 20万 to 100万', () => {
    expect(computeLegalRange(eia.range, 2000 * WAN)).toEqual({ ok: true, value: { minFen: 20 * WAN, maxFen: 100 * WAN, baseFen: 2000 * WAN } });
    expect(computeBenchmarkFine(eia, { ...levels('l2', 'l1'), baseFen: 2000 * WAN })).toMatchObject({ value: { fineFen: 100 * WAN } });
  });
  it('odd amounts: the minimum rounds up and the maximum down, so both stay inside 1 %–5 %', () => {
    expect(computeLegalRange(eia.range, 12345)).toEqual({ ok: true, value: { minFen: 124, maxFen: 617, baseFen: 12345 } });
  });
});

describe('固体废物污染环境防治法 第一百一十二条: 3–5 times the disposal cost, counted as at least 20万', () => {
  const swl: BenchmarkTable = { ...apl99, range: { kind: 'multiple_of_base', baseLabel: '所需处置费用', minMultiple: 3, maxMultiple: 5, baseFloorFen: 20 * WAN } };
  it('a disposal cost below 20万 counts as 20万: the fine is 60万 to 100万', () => {
    expect(computeLegalRange(swl.range, 5 * WAN)).toMatchObject({ value: { minFen: 60 * WAN, maxFen: 100 * WAN } });
    expect(computeLegalRange(swl.range, 30 * WAN)).toMatchObject({ value: { minFen: 90 * WAN, maxFen: 150 * WAN } });
  });
});

describe('table checks (administrators edit tables as data)', () => {
  it('accepts every seeded table', () => {
    for (const t of DISCRETION_TABLES) expect(findTableProblems(t), t.code).toEqual([]);
  });
  it('names the field of each problem', () => {
    const bad = { ...apl99, range: { kind: 'amount' as const, minFen: 10, maxFen: 5 }, baselinePercent: 101, roundingFen: 0,
      factors: [factor('a', 0, [50, 40]), factor('a', 1, [0])] };
    expect(findTableProblems(bad).map((p) => `${p.code}@${p.field}`)).toEqual([
      'RANGE_INVALID@range.maxFen', 'FACTOR_WEIGHT_INVALID@factors.0.weight', 'LEVEL_SCORES_NOT_MONOTONIC@factors.0.levels.1.score',
      'FACTOR_KEY_DUPLICATE@factors.1.key', 'FACTOR_LEVELS_TOO_FEW@factors.1.levels', 'BASELINE_INVALID@baselinePercent', 'ROUNDING_INVALID@roundingFen',
    ]);
  });
  it('formats provisions as decisions cite them', () => {
    expect(formatProvision(apl99.penaltyProvision)).toBe('《大气污染防治法》第九十九条第（二）项');
  });
});

/** Every table of the seed, and its extreme levels. */
const lightest = (t: BenchmarkTable) => Object.fromEntries(t.factors.map((f) => [f.key, f.levels[0]!.key]));
const heaviest = (t: BenchmarkTable) => Object.fromEntries(t.factors.map((f) => [f.key, f.levels.at(-1)!.key]));
const BASE = 1234_5678_00;

describe('every seeded benchmark table: boundaries (行政处罚法 第三十四条, never outside the legal range)', () => {
  it('has at least 20 tables, covering the articles the issue names', () => {
    expect(DISCRETION_TABLES.length).toBeGreaterThanOrEqual(20);
    const cited = DISCRETION_TABLES.map((t) => formatProvision(t.penaltyProvision)).join(' ');
    for (const a of ['环境影响评价法》第三十一条', '大气污染防治法》第九十九条', '大气污染防治法》第一百零八条', '水污染防治法》第八十三条', '固体废物污染环境防治法》', '排污许可管理条例》']) expect(cited).toContain(a);
  });
  it.each(DISCRETION_TABLES.map((t) => [t.code, t] as const))('%s: lightest = legal minimum (or baseline), heaviest = legal maximum', (_code, t) => {
    const baseFen = t.range.kind === 'amount' ? null : BASE;
    const low = computeBenchmarkFine(t, { levels: lightest(t), baseFen });
    const high = computeBenchmarkFine(t, { levels: heaviest(t), baseFen });
    if (!low.ok || !high.ok) throw new Error('calculation refused');
    expect(low.value.fineFen).toBeGreaterThanOrEqual(low.value.legalMinFen);
    expect(low.value.fineFen - low.value.baselineFen).toBeLessThan(t.roundingFen);
    // Amount ranges sit on the rounding grid: exactly the statutory bounds; a base amount's bounds round inwards.
    if (t.baselinePercent === 0 && t.range.kind === 'amount') expect(low.value.fineFen).toBe(low.value.legalMinFen);
    if (t.range.kind === 'amount') expect(high.value.fineFen).toBe(high.value.legalMaxFen);
    expect(low.value.fineFen - low.value.legalMinFen).toBeLessThan(t.roundingFen + low.value.baselineFen - low.value.legalMinFen);
    expect(high.value.legalMaxFen - high.value.fineFen).toBeLessThan(t.roundingFen);
    expect(high.value.fineFen).toBeLessThanOrEqual(high.value.legalMaxFen);
    expect(high.value.fineFen).toBeGreaterThan(0);
  });
});

describe('property: every seeded table stays in the legal range and is monotonic in severity', () => {
  const tableArb = fc.constantFrom(...DISCRETION_TABLES);
  it('raising any one factor\'s level never lowers the fine, and the fine never leaves the range', () => {
    fc.assert(fc.property(tableArb, fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), fc.nat({ max: 9 }), fc.integer({ min: 1, max: 1e12 }),
      (t, picks, which, baseFen) => {
        const chosen = t.factors.map((f, i) => picks[i]! % f.levels.length);
        const levelsOf = (idx: number[]) => Object.fromEntries(t.factors.map((f, i) => [f.key, f.levels[idx[i]!]!.key]));
        const k = which % t.factors.length;
        const f = t.factors[k]!;
        const up = chosen.map((c, i) => (i === k ? Math.min(c + 1, f.levels.length - 1) : c));
        const a = computeBenchmarkFine(t, { levels: levelsOf(chosen), baseFen });
        const b = computeBenchmarkFine(t, { levels: levelsOf(up), baseFen });
        if (!a.ok || !b.ok) return false;
        expect(a.value.fineFen).toBeGreaterThanOrEqual(a.value.legalMinFen);
        expect(a.value.fineFen).toBeLessThanOrEqual(a.value.legalMaxFen);
        expect(b.value.fineFen).toBeGreaterThanOrEqual(a.value.fineFen);
        return true;
      }), { numRuns: 500 });
  });
  it('on random valid tables too', () => {
    const factorArb = fc.record({ weight: fc.integer({ min: 1, max: 50 }), scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }).map((s) => s.sort((x, y) => x - y)) });
    const arb = fc.record({
      minFen: fc.integer({ min: 0, max: 1e9 }), span: fc.integer({ min: 1, max: 1e9 }), baseline: fc.integer({ min: 0, max: 100 }),
      rounding: fc.constantFrom(1, 100, 10000, 100000), factors: fc.array(factorArb, { minLength: 1, maxLength: 7 }), pick: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    });
    fc.assert(fc.property(arb, (g) => {
      const t: BenchmarkTable = { ...apl99, range: { kind: 'amount', minFen: g.minFen, maxFen: g.minFen + g.span }, baselinePercent: g.baseline, roundingFen: g.rounding,
        factors: g.factors.map((f, i) => factor(`f${i}`, f.weight, f.scores)) };
      expect(findTableProblems(t)).toEqual([]);
      let previous = -1;
      // Walk every factor from lightest to heaviest, one step at a time: the fine never falls.
      const idx = t.factors.map(() => 0);
      const fine = () => { const r = computeBenchmarkFine(t, { levels: Object.fromEntries(t.factors.map((f, i) => [f.key, f.levels[idx[i]!]!.key])) }); if (!r.ok) throw new Error(r.code); return r.value; };
      for (let i = 0; i < t.factors.length; i++) {
        for (let j = 0; j < t.factors[i]!.levels.length; j++) {
          idx[i] = j;
          const v = fine();
          expect(v.fineFen).toBeGreaterThanOrEqual(previous);
          expect(v.fineFen).toBeGreaterThanOrEqual(g.minFen);
          expect(v.fineFen).toBeLessThanOrEqual(g.minFen + g.span);
          previous = v.fineFen;
        }
      }
    }), { numRuns: 300 });
  });
});

describe('versions: the table in force on a day', () => {
  const v = [{ version: 1, effectiveOn: '2020-01-01' }, { version: 2, effectiveOn: '2022-08-01' }, { version: 3, effectiveOn: '2022-08-01' }];
  it.each([['2019-12-31', null], ['2020-01-01', 1], ['2022-07-31', 1], ['2022-08-01', 3]] as const)('%s → v%s', (on, want) => {
    expect(tableInForceOn(v, on)?.version ?? null).toBe(want);
  });
});

describe('行政处罚法 第三十四条: a fine departing from the benchmark needs a written reason', () => {
  const base = { computedFen: 50 * WAN, legalMinFen: 10 * WAN, legalMaxFen: 100 * WAN, fineFen: 50 * WAN, reason: null, mitigationRecorded: false, penaltyProvision: apl99.penaltyProvision };
  it('the computed fine needs no reason; no calculation, no check', () => {
    expect(checkFineAgainstBenchmark(base)).toEqual({ ok: true });
    expect(checkFineAgainstBenchmark({ ...base, computedFen: null, fineFen: 1 })).toEqual({ ok: true });
  });
  it('another amount needs a reason, with the computed fine in the refusal', () => {
    expect(checkFineAgainstBenchmark({ ...base, fineFen: 40 * WAN })).toMatchObject({ ok: false, code: 'DISCRETION_DEPARTURE_REASON_REQUIRED', field: 'discretionReason', citation: { article: '第三十四条' }, params: { computedFen: 50 * WAN } });
    expect(checkFineAgainstBenchmark({ ...base, fineFen: 40 * WAN, reason: '  ' })).toMatchObject({ ok: false });
    expect(checkFineAgainstBenchmark({ ...base, fineFen: 40 * WAN, reason: '当事人主动消除危害后果' })).toEqual({ ok: true });
  });
  it('never above the legal maximum, citing the penalty article', () => {
    expect(checkFineAgainstBenchmark({ ...base, fineFen: 100 * WAN + 1, reason: '情节特别严重' })).toMatchObject({ ok: false, code: 'FINE_ABOVE_LEGAL_RANGE', citation: { article: '第九十九条' }, field: 'fineFen' });
  });
  it('行政处罚法 第三十二条: below the minimum only with a recorded mitigation ground', () => {
    expect(checkFineAgainstBenchmark({ ...base, fineFen: 5 * WAN, reason: '减轻处罚' })).toMatchObject({ ok: false, code: 'FINE_BELOW_LEGAL_RANGE', citation: { article: '第三十二条' } });
    expect(checkFineAgainstBenchmark({ ...base, fineFen: 5 * WAN, reason: '减轻处罚', mitigationRecorded: true })).toEqual({ ok: true });
  });
});

describe('the consistency report', () => {
  const row = (tableCode: string, districtName: string, officerName: string, computedFen: number, decidedFen: number) =>
    ({ tableCode, tableTitle: tableCode, districtName, officerName, computedFen, decidedFen });
  it('deviation in ‰ of the computed fine', () => {
    expect(deviationPermille(100, 90)).toBe(-100);
    expect(deviationPermille(300, 301)).toBe(3);
    expect(deviationPermille(0, 5)).toBe(0);
  });
  it('spreads per violation type, district and officer', () => {
    const r = computeConsistency([
      row('A', '芝罘区', '甲', 100 * WAN, 100 * WAN), row('A', '芝罘区', '乙', 100 * WAN, 80 * WAN), row('A', '福山区', '甲', 50 * WAN, 60 * WAN), row('B', '福山区', '乙', 20 * WAN, 20 * WAN),
    ]);
    expect(r.map((x) => [x.key, x.cases, x.departures])).toEqual([['A', 3, 2], ['B', 1, 0]]);
    const a = r[0]!;
    expect([a.decidedMinFen, a.decidedMedianFen, a.decidedMaxFen]).toEqual([60 * WAN, 80 * WAN, 100 * WAN]);
    expect([a.minDeviationPermille, a.maxDeviationPermille, a.meanDeviationPermille, a.meanAbsDeviationPermille]).toEqual([-200, 200, 0, 133]);
    expect(a.byDistrict.map((d) => [d.key, d.cases])).toEqual([['芝罘区', 2], ['福山区', 1]]);
    expect(a.byOfficer.map((d) => [d.key, d.meanDeviationPermille])).toEqual([['甲', 100], ['乙', -200]]);
  });
});
