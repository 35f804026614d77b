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

  it('lists up to 3 main pollutants worse than Ⅲ by exceedance over the Ⅲ limit', () => {
    const r = classifySurface({ ...clean, nh3n: 3, cod: 45, tp: 0.5, codmn: 16 }, 'river');
    expect(r.class).toBe(6);
    expect(r.mainPollutants).toEqual([
      { key: 'nh3n', nameZh: '氨氮', exceedance: 2 },
      { key: 'tp', nameZh: '总磷', exceedance: 1.5 },
      { key: 'codmn', nameZh: '高锰酸盐指数', exceedance: 1.67 },
    ].sort((a, b) => b.exceedance - a.exceedance));
  });

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
