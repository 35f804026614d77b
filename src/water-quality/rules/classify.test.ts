import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessDrinkingSource, classifySea, classifySeaParameter, classifySurface, classifySurfaceParameter, meetsTarget } from './classify.js';
import { SURFACE_PARAMETERS } from './standards/gb3838.js';
import { SEA_PARAMETERS } from './standards/gb3097.js';

const param = (key: string) => SURFACE_PARAMETERS.find((p) => p.key === key)!;
const clean = { ph: 7.5, do: 8, codmn: 1.5, cod: 10, bod5: 2, nh3n: 0.1, tp: 0.01 };

describe('GB 3838-2002 表1: each parameter at each class limit', () => {
  // At a limit the value belongs to the best class with that limit (COD 15 → Ⅰ: shared limits go to the better class).
  const cases = SURFACE_PARAMETERS.filter((p) => p.direction === 'max').flatMap((p) => p.limits.map((limit, i) => {
    const best = p.limits.findIndex((l) => l === limit) + 1;
    return [p.key, limit, best, i + 1] as const;
  }));
  it.each(cases)('%s at %d → class %d (limit of class %d)', (key, limit, best) => {
    expect(classifySurfaceParameter(param(key), limit, 'river')).toBe(best);
  });

  it.each(SURFACE_PARAMETERS.filter((p) => p.direction === 'max').map((p) => [p.key, p.limits[4]!] as const))('%s just above the Ⅴ limit → 劣Ⅴ', (key, limit) => {
    expect(classifySurfaceParameter(param(key), limit * 1.01, 'river')).toBe(6);
  });

  it.each([[7.5, 1], [7.49, 2], [6, 2], [5, 3], [4.99, 4], [3, 4], [2, 5], [1.99, 6]] as const)('DO (≥) %d → class %d', (v, c) => {
    expect(classifySurfaceParameter(param('do'), v, 'river')).toBe(c);
  });

  it.each([[6, 1], [9, 1], [5.99, 6], [9.01, 6]] as const)('pH %d → %d (outside 6–9 is 劣Ⅴ)', (v, c) => {
    expect(classifySurfaceParameter(param('ph'), v, 'river')).toBe(c);
  });

  it('TP uses the lake/reservoir limits for lakes: 0.05 → Ⅲ (lake), Ⅱ (river)', () => {
    expect(classifySurfaceParameter(param('tp'), 0.05, 'lake')).toBe(3);
    expect(classifySurfaceParameter(param('tp'), 0.05, 'river')).toBe(2);
  });

  it('compares exactly at tiny limits: Hg 0.00005 → Ⅰ, 0.000051 → Ⅲ', () => {
    expect(classifySurfaceParameter(param('hg'), 0.00005, 'river')).toBe(1);
    expect(classifySurfaceParameter(param('hg'), 0.000051, 'river')).toBe(3);
  });

  it('property: a worse value never gets a better class', () => {
    fc.assert(fc.property(fc.constantFrom(...SURFACE_PARAMETERS.filter((p) => p.direction === 'max')), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (p, a, b) => {
      const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
      expect(classifySurfaceParameter(p, lo, 'river')).toBeLessThanOrEqual(classifySurfaceParameter(p, hi, 'river'));
    }));
  });
});

describe('环办〔2011〕22号 单因子评价: the worst parameter decides', () => {
  it('names the parameters driving the class', () => {
    const r = classifySurface({ ...clean, nh3n: 0.8, cod: 18 }, 'river');
    expect(r.class).toBe(3);
    expect(r.drivers.sort()).toEqual(['cod', 'nh3n']);
    expect(r.mainPollutants).toEqual([]);
  });

  it('no main pollutants for a section of class Ⅲ or better', () => {
    expect(classifySurface({ ...clean, nh3n: 1.0 }, 'river').mainPollutants).toEqual([]);
  });

  it('the driving (worst-class) parameters stay listed separately from the main pollutants', () => {
    const r = classifySurface({ ...clean, nh3n: 3, cod: 45 }, 'river');
    expect(r.drivers.sort()).toEqual(['cod', 'nh3n']);
  });
});

describe('环办〔2011〕22号 主要污染指标的确定: up to three indicators above Ⅲ', () => {
  const keys = (m: Record<string, number>) => classifySurface({ ...clean, ...m }, 'river').mainPollutants.map((p) => p.key);

  it('(C − S_Ⅲ)/S_Ⅲ: NH3-N 3 over 1.0 → 2 倍; TP 0.5 over 0.2 → 1.5 倍; CODMn 16 over 6 → 1.67 倍', () => {
    const r = classifySurface({ ...clean, nh3n: 3, tp: 0.5, codmn: 16 }, 'river');
    expect(r.mainPollutants).toEqual([
      { key: 'nh3n', nameZh: '氨氮', class: 6, exceedance: 2, exceedanceBasis: 'ratio', toxic: false },
      { key: 'codmn', nameZh: '高锰酸盐指数', class: 6, exceedance: 1.67, exceedanceBasis: 'ratio', toxic: false },
      { key: 'tp', nameZh: '总磷', class: 6, exceedance: 1.5, exceedanceBasis: 'ratio', toxic: false },
    ]);
  });

  it('takes at most three', () => {
    expect(keys({ nh3n: 3, tp: 0.5, codmn: 16, cod: 45, bod5: 12 })).toHaveLength(3);
  });

  it('orders by class before the multiple: a class Ⅴ indicator with a larger multiple follows a 劣Ⅴ one', () => {
    // BOD5 9.9 is Ⅴ (≤10) and 1.48 倍; NH3-N 2.1 is 劣Ⅴ and only 1.1 倍.
    expect(keys({ bod5: 9.9, nh3n: 2.1 })).toEqual(['nh3n', 'bod5']);
  });

  it('fills up from lower classes above Ⅲ when the worst class has fewer than three (Ⅳ after 劣Ⅴ)', () => {
    // NH3-N 2.1 劣Ⅴ; COD 25 Ⅳ (0.25 倍); CODMn 8 Ⅳ (0.33 倍); BOD5 3.5 Ⅲ is not a pollution indicator.
    expect(keys({ nh3n: 2.1, cod: 25, codmn: 8, bod5: 3.5 })).toEqual(['nh3n', 'codmn', 'cod']);
  });

  it('only indicators above Ⅲ count: a class Ⅲ indicator is never listed', () => {
    expect(keys({ nh3n: 1.2, cod: 20 })).toEqual(['nh3n']);
  });

  it.each([
    ['cyanide', 0.21], ['pb', 0.06], ['cr6', 0.06], ['hg', 0.0002], ['cd', 0.006], ['as', 0.06],
  ] as const)('toxic %s above Ⅲ comes first, ahead of worse-class indicators ("优先作为主要污染指标")', (key, value) => {
    const r = keys({ nh3n: 6, tp: 1, codmn: 16, [key]: value });
    expect(r[0]).toBe(key);
    expect(r).toEqual([key, 'nh3n', 'tp']);
  });

  it('copper, zinc and selenium are not on the toxic priority list: they rank by class and multiple', () => {
    // Zn 2.5 is 劣Ⅴ (1.5 倍); NH3-N 5 is 劣Ⅴ (4 倍).
    expect(keys({ nh3n: 5, zn: 2.5 })).toEqual(['nh3n', 'zn']);
  });

  it('several toxic indicators: among them by class, then multiple (Hg 0.002 劣Ⅴ before Pb 0.06 Ⅳ)', () => {
    expect(keys({ nh3n: 5, pb: 0.06, hg: 0.002 })).toEqual(['hg', 'pb', 'nh3n']);
  });

  it('DO (a minimum) gets the inverse multiple (S_Ⅲ − C)/C: DO 2.5 → (5 − 2.5)/2.5 = 1 倍, ranked with the others', () => {
    const r = classifySurface({ ...clean, do: 2.5, nh3n: 1.8, cod: 38 }, 'river');
    expect(r.mainPollutants[0]).toEqual({ key: 'do', nameZh: '溶解氧', class: 5, exceedance: 1, exceedanceBasis: 'inverse', toxic: false });
    expect(r.mainPollutants.map((p) => p.key)).toEqual(['do', 'cod', 'nh3n']);
  });

  it('DO within Ⅲ has no multiple', () => {
    expect(classifySurface({ ...clean, do: 5 }, 'river').parameters.find((p) => p.key === 'do')).toMatchObject({ exceedance: null, exceedanceBasis: 'inverse' });
  });

  it('pH (a range, no multiple) is listed after indicators with a multiple in the same class (劣Ⅴ)', () => {
    const r = classifySurface({ ...clean, ph: 9.5, nh3n: 2.1 }, 'river');
    expect(r.mainPollutants).toEqual([
      { key: 'nh3n', nameZh: '氨氮', class: 6, exceedance: 1.1, exceedanceBasis: 'ratio', toxic: false },
      { key: 'ph', nameZh: 'pH', class: 6, exceedance: null, exceedanceBasis: 'none', toxic: false },
    ]);
  });

  it('pH 劣Ⅴ still comes before a class Ⅴ indicator (class first)', () => {
    expect(keys({ ph: 5.5, bod5: 9.9 })).toEqual(['ph', 'bod5']);
  });

  it('lakes use the lake TP limit for the multiple: TP 0.15 in a lake → (0.15 − 0.05)/0.05 = 2 倍', () => {
    expect(classifySurface({ ...clean, tp: 0.15 }, 'lake').mainPollutants).toEqual([
      { key: 'tp', nameZh: '总磷', class: 5, exceedance: 2, exceedanceBasis: 'ratio', toxic: false },
    ]);
  });

  it('property: at most 3, all above Ⅲ, toxic ones first, classes never increase within each group', () => {
    const gen = fc.record(Object.fromEntries(SURFACE_PARAMETERS.filter((p) => p.evaluated && p.direction === 'max')
      .map((p) => [p.key, fc.double({ min: 0, max: p.limits[4]! * 2, noNaN: true })])) as Record<string, fc.Arbitrary<number>>);
    fc.assert(fc.property(gen, (m) => {
      const r = classifySurface({ ...clean, ...m }, 'river');
      const main = r.mainPollutants;
      expect(main.length).toBeLessThanOrEqual(3);
      expect(main.every((p) => p.class > 3)).toBe(true);
      const above = r.parameters.filter((p) => p.class > 3).length;
      expect(main.length).toBe(Math.min(3, above));
      for (let i = 1; i < main.length; i++) {
        const [a, b] = [main[i - 1]!, main[i]!];
        expect(Number(a.toxic)).toBeGreaterThanOrEqual(Number(b.toxic));
        if (a.toxic === b.toxic) expect(a.class).toBeGreaterThanOrEqual(b.class);
        if (a.toxic === b.toxic && a.class === b.class) expect(a.exceedance!).toBeGreaterThanOrEqual(b.exceedance!);
      }
    }));
  });
});

describe('环办〔2011〕22号: targets', () => {
  it('ignores TN and faecal coliform for the class (evaluated separately)', () => {
    expect(classifySurface({ ...clean, tn: 5, fecal_coliform: 100000 }, 'river').class).toBe(1);
  });

  it('a section attains its target when its class is the target or better', () => {
    expect(meetsTarget(3, 3)).toBe(true);
    expect(meetsTarget(2, 3)).toBe(true);
    expect(meetsTarget(4, 3)).toBe(false);
  });
});

describe('GB 3097-1997 表1: sea-water classes at each limit', () => {
  const cases = SEA_PARAMETERS.filter((p) => p.direction === 'max').flatMap((p) => p.limits.map((limit) => [p.key, limit as number, (p.limits.indexOf(limit) + 1)] as const));
  it.each(cases)('%s at %d → class %d', (key, limit, cls) => {
    expect(classifySeaParameter(key, limit)).toBe(cls);
  });
  it('DO must exceed the limit (溶解氧 >): 6 → 二类, 6.01 → 一类; ≤ 3 → 劣四类', () => {
    expect(classifySeaParameter('do', 6)).toBe(2);
    expect(classifySeaParameter('do', 6.01)).toBe(1);
    expect(classifySeaParameter('do', 3)).toBe(5);
  });
  it('pH 7.8–8.5 for 一、二类, 6.8–8.8 for 三、四类', () => {
    expect(classifySeaParameter('ph', 8.2)).toBe(1);
    expect(classifySeaParameter('ph', 8.6)).toBe(3);
    expect(classifySeaParameter('ph', 9)).toBe(5);
  });
  it('the worst parameter decides: DIN 0.35 → 三类', () => {
    expect(classifySea({ ph: 8.1, do: 7, cod: 1.5, din: 0.35, po4: 0.01, petroleum: 0.02 })).toMatchObject({ class: 3, drivers: ['din'] });
  });
});

describe('GB 3838-2002 表2: drinking-water sources', () => {
  it('attain at class Ⅲ or better with supplementary items within limits', () => {
    expect(assessDrinkingSource({ ...clean, sulfate: 100, fe: 0.2 }, 'lake')).toMatchObject({ attains: true, class: 1 });
    expect(assessDrinkingSource({ ...clean, mn: 0.15 }, 'lake')).toMatchObject({ attains: false, exceeded: ['mn'] });
    expect(assessDrinkingSource({ ...clean, nh3n: 1.2 }, 'lake')).toMatchObject({ attains: false, class: 4 });
  });
});
