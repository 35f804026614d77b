import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastPlace, rankWithTies } from './ranking.js';

describe('rankings: ties share a rank (并列) and the next rank skips', () => {
  it('ranks ascending with ties 1, 2, 2, 4', () => {
    const r = rankWithTies([{ n: 'a', v: 3.1 }, { n: 'b', v: 2.5 }, { n: 'c', v: 3.1 }, { n: 'd', v: 4 }], (x) => x.v, 'asc');
    expect(r.map((x) => [x.item.n, x.rank, x.tied])).toEqual([['b', 1, false], ['a', 2, true], ['c', 2, true], ['d', 4, false]]);
  });

  it('ranks descending and lists items without a value last, unranked', () => {
    const r = rankWithTies([{ v: 80 }, { v: null }, { v: 95 }], (x) => x.v, 'desc');
    expect(r.map((x) => [x.value, x.rank])).toEqual([[95, 1], [80, 2], [null, null]]);
  });

  it('last place includes everyone tied for it', () => {
    const r = rankWithTies(['a', 'b', 'c'], (x) => (x === 'a' ? 1 : 2), 'asc');
    expect(lastPlace(r)).toEqual(['b', 'c']);
    expect(lastPlace(rankWithTies([] as string[], () => 1, 'asc'))).toEqual([]);
  });

  it('property: rank = 1 + number of strictly better values; equal values share ranks', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), fc.constantFrom('asc' as const, 'desc' as const), (values, order) => {
      const r = rankWithTies(values.map((v, i) => ({ v, i })), (x) => x.v, order);
      for (const x of r) {
        const better = values.filter((v) => (order === 'asc' ? v < x.value! : v > x.value!)).length;
        expect(x.rank).toBe(better + 1);
        expect(x.tied).toBe(values.filter((v) => v === x.value).length > 1);
      }
    }));
  });
});
