import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercentFor, heapGrowingPercentOf } from './memory.js';
import { readConfig } from './config.js';

describe('the server heap setting (ECOGOV_HEAP_GROWING_PERCENT)', () => {
  it('unset: 30 % with PGlite (the database shares the process), V8\'s own with PostgreSQL', () => {
    expect(heapGrowingPercentFor(heapGrowingPercentOf(undefined), 'pglite')).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(heapGrowingPercentFor(heapGrowingPercentOf(' '), 'postgres')).toBeNull();
    expect(readConfig({}).heapGrowingPercent).toBeUndefined();
  });
  it('a number or off applies to either engine', () => {
    expect(heapGrowingPercentFor(heapGrowingPercentOf('60'), 'postgres')).toBe(60);
    expect(heapGrowingPercentFor(heapGrowingPercentOf('off'), 'pglite')).toBeNull();
    expect(readConfig({ ECOGOV_HEAP_GROWING_PERCENT: '100' }).heapGrowingPercent).toBe(100);
  });
  it('anything else is refused, naming the setting and the rule', () => {
    for (const bad of ['9', '301', '1.5', '-30', 'thirty', '30%']) {
      expect(() => readConfig({ ECOGOV_HEAP_GROWING_PERCENT: bad })).toThrow(/ECOGOV_HEAP_GROWING_PERCENT: expected a whole number from 10 to 300 or "off"/);
    }
  });
});
