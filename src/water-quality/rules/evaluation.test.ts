import { describe, expect, it } from 'vitest';
import { averageSamples, computeDoubleIndex, computeSeaAndDrinking, computeSurfaceShares, evaluateSite, type SiteFacts, type Sample } from './evaluation.js';

const section = (id: number, districtId: number, targetClass = 3, level: SiteFacts['level'] = 'national'): SiteFacts =>
  ({ id, name: `断面${id}`, kind: 'section', level, body: 'river', districtId, targetClass });
const month = (m: number, values: Record<string, number>, dry = false): Sample => ({ month: `2020-${String(m).padStart(2, '0')}`, values, dry });
const good = { ph: 7.5, do: 7, codmn: 3, cod: 14, bod5: 2, nh3n: 0.4, tp: 0.08 }; // Ⅱ
const poor = { ...good, nh3n: 1.8 }; // Ⅴ

describe('环办〔2011〕22号: period evaluation of a section', () => {
  it('averages each parameter over the non-dry samples, then classifies', () => {
    const avg = averageSamples([month(1, { nh3n: 0.4 }), month(2, { nh3n: 1.2 }), month(3, { nh3n: 9 }, true)]);
    expect(avg).toEqual({ values: { nh3n: 0.8 }, dry: false, sampleCount: 2 });
    const e = evaluateSite(section(1, 1), [month(1, good), month(2, { ...good, nh3n: 1.2 })]);
    expect(e).toMatchObject({ class: 3, meetsTarget: true, excellent: true, drivers: ['nh3n'] });
  });

  it('a section dry all period is excluded from shares and indices', () => {
    const e = evaluateSite(section(1, 1), [month(1, good, true)]);
    expect(e).toMatchObject({ dry: true, class: null, meetsTarget: null });
    expect(computeSurfaceShares([e])).toMatchObject({ assessed: 0, dry: 1, withDryMonths: 0 });
  });

  it('shares: 优良 Ⅰ–Ⅲ, 劣Ⅴ, on target', () => {
    const evals = [
      evaluateSite(section(1, 1), [month(1, good)]),
      evaluateSite(section(2, 1), [month(1, poor)]),
      evaluateSite(section(3, 1, 5), [month(1, poor)]),
      evaluateSite(section(4, 1), [month(1, { ...good, nh3n: 2.5 })]),
    ];
    expect(computeSurfaceShares(evals)).toMatchObject({ assessed: 4, excellent: 1, excellentShare: 25, worstClass: 1, worstShare: 25, onTarget: 2, onTargetShare: 50 });
  });
});

describe('double index (configured formulas, double-index.md): ranking with ties', () => {
  const evals = (districtId: number, classes: ('good' | 'poor')[]) => classes.map((c, i) => evaluateSite(section(districtId * 10 + i, districtId), [month(1, c === 'good' ? good : poor)]));

  it('ranks both indices descending; equal values share a rank', () => {
    const rows = computeDoubleIndex([
      { districtId: 1, districtName: '芝罘区', evals: evals(1, ['good', 'good']) },
      { districtId: 2, districtName: '福山区', evals: evals(2, ['good', 'poor']) },
      { districtId: 3, districtName: '牟平区', evals: evals(3, ['good', 'good', 'good']) },
      { districtId: 4, districtName: '莱山区', evals: [] },
    ]);
    expect(rows.map((r) => [r.districtName, r.excellentIndex, r.excellentRank, r.complianceIndex, r.complianceRank])).toEqual([
      ['芝罘区', 100, 1, 100, 1], ['牟平区', 100, 1, 100, 1], ['福山区', 50, 3, 50, 3], ['莱山区', null, null, null, null],
    ]);
  });

  it('the CWQI variant ranks ascending (smaller is cleaner)', () => {
    const rows = computeDoubleIndex([
      { districtId: 1, districtName: 'A', evals: evals(1, ['poor']) },
      { districtId: 2, districtName: 'B', evals: evals(2, ['good']) },
    ], { excellent: 'mean_cwqi', compliance: 'share_on_target', levels: ['national'], decimals: 2 });
    expect(rows[0]!.districtName).toBe('B');
    expect(rows[0]!.excellentIndex!).toBeLessThan(rows[1]!.excellentIndex!);
  });
});

describe('near-shore sea (GB 3097-1997) and drinking-water sources', () => {
  it('excellent ratio counts 一、二类 points; attainment rate counts attaining sources', () => {
    const sea = (id: number, din: number): SiteFacts => ({ id, name: `点位${id}`, kind: 'sea_point', level: 'national', body: 'river', districtId: 1, targetClass: 2 });
    const src: SiteFacts = { id: 9, name: '门楼水库', kind: 'drinking_source', level: 'municipal', body: 'lake', districtId: 1, targetClass: 3 };
    const sv = { ph: 8.1, do: 7, cod: 1.5, po4: 0.01, petroleum: 0.02 };
    const e = [
      evaluateSite(sea(1, 0.1), [month(1, { ...sv, din: 0.1 })]),
      evaluateSite(sea(2, 0.25), [month(1, { ...sv, din: 0.25 })]),
      evaluateSite(sea(3, 0.35), [month(1, { ...sv, din: 0.35 })]),
      evaluateSite(src, [month(1, { ...good, tp: 0.02 })]),
    ];
    expect(computeSeaAndDrinking(e)).toEqual({ seaPoints: 3, seaExcellent: 2, seaExcellentShare: 66.7, drinkingSources: 1, drinkingAttaining: 1, drinkingAttainmentRate: 100 });
  });
});

describe('drinking-water sources: attaining in every monitoring (seed-figures.md row 12)', () => {
  const src: SiteFacts = { id: 9, name: '门楼水库', kind: 'drinking_source', level: 'municipal', body: 'lake', districtId: 1, targetClass: 3 };
  it('a source with one monitoring above class Ⅲ does not attain, even when its annual mean does', () => {
    const e = evaluateSite(src, [month(1, { ...good, tp: 0.02 }), month(2, { ...good, tp: 0.08 }), month(3, { ...good, tp: 0.02 })]);
    expect(e).toMatchObject({ class: 3, meetsTarget: false }); // mean TP 0.04 ≤ 0.05 (lake Ⅲ), February 0.08 > 0.05
    expect(computeSeaAndDrinking([e])).toMatchObject({ drinkingSources: 1, drinkingAttaining: 0, drinkingAttainmentRate: 0 });
  });
  it('dry months are not monitorings; every wet monitoring within Ⅲ attains', () => {
    const e = evaluateSite(src, [month(1, { ...good, tp: 0.02 }), month(2, { ...good, tp: 0.9 }, true)]);
    expect(e).toMatchObject({ meetsTarget: true, drySamples: 1, sampleCount: 1 });
  });
});
