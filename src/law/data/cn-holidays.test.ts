import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_ARRANGEMENTS } from './cn-holidays.js';
import { findArrangementProblems } from '../holiday-arrangement.js';
import { isWeekend } from '../civil-date.js';

describe('国务院办公厅 holiday notices 2020–2026 (行政处罚法 第八十五条 working days)', () => {
  it('covers 2020 through 2026, each year once, with its document number', () => {
    expect(CN_HOLIDAY_ARRANGEMENTS.map((a) => a.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const a of CN_HOLIDAY_ARRANGEMENTS) {
      expect(a.source).toMatch(/^国办发明电〔\d{4}〕\d+号/);
      for (const d of a.days) expect(d.source).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
    }
  });

  it.each(CN_HOLIDAY_ARRANGEMENTS.map((a) => [a.year, a] as const))('%i passes the arrangement checks', (year, a) => {
    expect(findArrangementProblems(year, a.days)).toEqual([]);
  });

  // Days off / weekend days worked per notice (2023 without 2022-12-31; 2020 after the extension).
  it.each([[2020, 30, 6], [2021, 31, 7], [2022, 31, 7], [2023, 26, 7], [2024, 28, 8], [2025, 28, 5], [2026, 33, 6]])(
    '%i has %i rest days and %i adjusted working days', (year, restCount, workCount) => {
      const a = CN_HOLIDAY_ARRANGEMENTS.find((x) => x.year === year)!;
      expect(a.days.filter((d) => d.kind === 'rest')).toHaveLength(restCount);
      const work = a.days.filter((d) => d.kind === 'work');
      expect(work).toHaveLength(workCount);
      expect(work.every((d) => isWeekend(d.on))).toBe(true);
    });

  it('2020: the Spring Festival extension (国办发明电〔2020〕1号) replaces the Saturday worked on 1 February', () => {
    const y2020 = CN_HOLIDAY_ARRANGEMENTS[0]!.days;
    expect(y2020.filter((d) => d.source === '国办发明电〔2020〕1号').map((d) => d.on)).toEqual(['2020-01-31', '2020-02-01', '2020-02-02']);
    expect(y2020.some((d) => d.on === '2020-02-01' && d.kind === 'work')).toBe(false);
  });
});
