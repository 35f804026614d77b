import { describe, expect, it } from 'vitest';
import { computeCompositeIndex } from './composite.js';
import { COMPOSITE_INDEX_2018 } from './standards/hj663.js';

describe('城市环境空气质量排名技术规定: composite index I = Σ C_i / S_i', () => {
  it('sums the six single indices exactly and rounds to 2 decimals', () => {
    // 8/60 + 28/40 + 53/70 + 30/35 + 1.2/4 + 154/160 = 3.7101…
    const r = computeCompositeIndex({ so2: 8, no2: 28, pm10: 53, pm25: 30, co: 1.2, o3: 154 }, COMPOSITE_INDEX_2018);
    expect(r.index).toBe(3.71);
    // 154/160 = 0.9625 → 0.962 (half to even)
    expect(r.subIndices).toEqual({ so2: 0.133, no2: 0.7, pm10: 0.757, pm25: 0.857, co: 0.3, o3: 0.962 });
    expect(r.largest).toEqual(['o3']);
    expect(r.complete).toBe(true);
  });

  it('is exact at a rounding boundary: 35/35 + 80/160 + 0.1/4 = 1.525 → 1.52 (half to even)', () => {
    expect(computeCompositeIndex({ pm25: 35, o3: 80, co: 0.1 }, COMPOSITE_INDEX_2018).index).toBe(1.52);
  });

  it('names every pollutant tied for the largest single index', () => {
    expect(computeCompositeIndex({ pm25: 35, pm10: 70, so2: 6 }, COMPOSITE_INDEX_2018).largest.sort()).toEqual(['pm10', 'pm25']);
  });

  it('marks missing pollutants incomplete; none at all has no index', () => {
    expect(computeCompositeIndex({ pm25: 35 }, COMPOSITE_INDEX_2018)).toMatchObject({ index: 1, complete: false });
    expect(computeCompositeIndex({}, COMPOSITE_INDEX_2018).index).toBeNull();
  });

  it('applies weights from the rule set (data, not code)', () => {
    const weighted = { ...COMPOSITE_INDEX_2018, weight: { ...COMPOSITE_INDEX_2018.weight, pm25: 3 } };
    expect(computeCompositeIndex({ pm25: 35, pm10: 70 }, weighted).index).toBe(4);
  });
});
