import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellStatusOf, computeComplianceGrid, computeWatchEntry, isRectificationOverdue, quarterKeyOf, quartersUpTo, seriousViolationsOf, watchClockOf,
  type ComplianceRecords, type QuarterCounts, type SeriousRules,
} from './rules.js';

const T = { seriousFineFen: 10_000_000, seriousExceedanceEvents: 5 };
const zero: QuarterCounts = { inspections: 0, violations: 0, casesFiled: 0, penalties: 0, penaltyFen: 0, exceedanceEvents: 0, rectificationOverdue: 0 };
const empty: ComplianceRecords = { inspectionsOn: [], violationsOn: [], casesFiledOn: [], penalties: [], exceedancesOn: [], rectifications: [] };

describe('12 calendar quarters up to today', () => {
  it('ends with today’s quarter, oldest first, across years', () => {
    const q = quartersUpTo('2026-12-04');
    expect(q).toHaveLength(12);
    expect(q[11]).toEqual({ key: '2026Q4', startOn: '2026-10-01', endOn: '2026-12-31' });
    expect(q[0]).toEqual({ key: '2024Q1', startOn: '2024-01-01', endOn: '2024-03-31' });
    expect(quartersUpTo('2025-02-10', 2).map((x) => x.key)).toEqual(['2024Q4', '2025Q1']);
  });
  it('every civil date lies in exactly one of its quarter bounds', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
      const on = d.toISOString().slice(0, 10);
      const [q] = quartersUpTo(on, 1);
      expect(q!.key).toBe(quarterKeyOf(on));
      expect(on >= q!.startOn && on <= q!.endOn).toBe(true);
    }));
  });
});

describe('cell status by rule (legend: none < compliant < violation < formal_action < serious)', () => {
  it.each<[Partial<QuarterCounts>, string]>([
    [{}, 'none'],
    [{ inspections: 2 }, 'compliant'],
    [{ inspections: 1, violations: 1 }, 'violation'],
    [{ exceedanceEvents: 1 }, 'violation'],
    [{ rectificationOverdue: 1 }, 'violation'],
    [{ violations: 1, casesFiled: 1 }, 'formal_action'],
    [{ penalties: 1, penaltyFen: 5_000_000 }, 'formal_action'],
    [{ penalties: 1, penaltyFen: 10_000_000 }, 'serious'],
    [{ exceedanceEvents: 5 }, 'serious'],
  ])('%o → %s', (c, status) => expect(cellStatusOf({ ...zero, ...c }, T)).toBe(status));
});

describe('the grid buckets records by quarter', () => {
  it('counts each record in its quarter and ignores the future and the older', () => {
    const g = computeComplianceGrid({
      ...empty,
      inspectionsOn: ['2026-11-02', '2026-01-05', '2020-01-01', '2027-01-01'],
      casesFiledOn: ['2026-11-20'],
      penalties: [{ decidedOn: '2026-11-30', fineFen: 8_000_000 }],
      exceedancesOn: ['2026-02-01', '2026-02-02'],
      rectifications: [{ deadlineOn: '2026-03-01', completedOn: null }, { deadlineOn: '2026-12-20', completedOn: null }],
    }, '2026-12-04', T);
    const by = Object.fromEntries(g.map((c) => [c.quarter, c]));
    expect(by['2026Q4']).toMatchObject({ inspections: 1, casesFiled: 1, penalties: 1, penaltyFen: 8_000_000, rectificationOverdue: 0, status: 'formal_action' });
    expect(by['2026Q1']).toMatchObject({ inspections: 1, exceedanceEvents: 2, rectificationOverdue: 1, status: 'violation' });
    expect(g.reduce((n, c) => n + c.inspections, 0)).toBe(2);
  });
  it('a rectification is overdue when finished late or unfinished past its deadline', () => {
    expect(isRectificationOverdue({ deadlineOn: '2026-03-01', completedOn: '2026-03-02' }, '2026-12-04')).toBe(true);
    expect(isRectificationOverdue({ deadlineOn: '2026-03-01', completedOn: '2026-03-01' }, '2026-12-04')).toBe(false);
    expect(isRectificationOverdue({ deadlineOn: '2026-12-04', completedOn: null }, '2026-12-04')).toBe(false);
    expect(isRectificationOverdue({ deadlineOn: '2026-12-03', completedOn: null }, '2026-12-04')).toBe(true);
  });
});

const RULES: SeriousRules = { formalActionDays: 90, exceedanceDays: 3, exceedanceWindowDays: 30, leadSources: ['transfer'] };

describe('serious violations (rules as data: settings.watchList)', () => {
  it('exceedances on N distinct days within W days', () => {
    expect(seriousViolationsOf({ exceedancesOn: ['2026-01-01', '2026-01-01', '2026-01-20'], leads: [], casesFiledOn: [] }, RULES)).toEqual([]);
    expect(seriousViolationsOf({ exceedancesOn: ['2026-01-01', '2026-01-20', '2026-02-15'], leads: [], casesFiledOn: [] }, RULES)).toEqual([]);
    expect(seriousViolationsOf({ exceedancesOn: ['2026-01-01', '2026-01-20', '2026-01-30'], leads: [], casesFiledOn: [] }, RULES))
      .toEqual([{ kind: 'exceedance_days', startOn: '2026-01-01', onOn: '2026-01-30', days: 3 }]);
  });
  it('a lead of a listed source is serious; another source is not', () => {
    const leads = [{ id: 7, source: 'transfer', discoveredOn: '2026-03-01' }, { id: 8, source: 'complaint', discoveredOn: '2026-03-02' }];
    expect(seriousViolationsOf({ exceedancesOn: [], leads, casesFiledOn: [] }, RULES)).toEqual([{ kind: 'lead_source', startOn: '2026-03-01', onOn: '2026-03-01', leadId: 7, source: 'transfer' }]);
  });
});

describe('环境保护法 第五十九条: 拒不改正 found on re-inspection is serious until the 按日连续处罚 is decided (settings.watchList.dailyPenalty)', () => {
  const daily = { measureId: 11, orderServedOn: '2026-03-01', continuingOn: '2026-03-20', decidedOn: null as string | null };
  const f = { exceedancesOn: [], leads: [], casesFiledOn: [], dailyPenalties: [daily] };
  const on = { ...RULES, dailyPenalty: true };
  it('a continuing finding is serious from its day; a measure without one is not; the rule off counts nothing', () => {
    expect(seriousViolationsOf(f, on)).toEqual([{ kind: 'daily_penalty', startOn: '2026-03-01', onOn: '2026-03-20', measureId: 11, formalActionOn: null }]);
    expect(seriousViolationsOf({ ...f, dailyPenalties: [{ ...daily, continuingOn: null }] }, on)).toEqual([]);
    expect(seriousViolationsOf(f, { ...RULES, dailyPenalty: false })).toEqual([]);
  });
  it('listed after the period without the decision; the decision (not a case filed for the original violation) addresses it', () => {
    expect(computeWatchEntry(f, on, '2026-06-18')).toMatchObject({ listed: false, violations: [{ kind: 'daily_penalty', state: 'pending', dueOn: '2026-06-18' }] });
    expect(computeWatchEntry(f, on, '2026-06-19')).toMatchObject({ listed: true, violations: [{ kind: 'daily_penalty', state: 'listed' }] });
    expect(computeWatchEntry({ ...f, casesFiledOn: ['2026-03-05'] }, on, '2026-06-19').listed).toBe(true);
    expect(computeWatchEntry({ ...f, dailyPenalties: [{ ...daily, decidedOn: '2026-04-10' }] }, on, '2026-06-19')).toEqual({ listed: false, violations: [] });
    // A decision dated after today (a clock in the past) does not count yet.
    expect(computeWatchEntry({ ...f, dailyPenalties: [{ ...daily, decidedOn: '2026-07-01' }] }, on, '2026-06-19').listed).toBe(true);
  });
});

describe('the watch-list clock runs from the violation with `now`', () => {
  const v = { kind: 'lead_source' as const, startOn: '2026-03-01', onOn: '2026-03-01', leadId: 7, source: 'transfer' };
  it('pending within the period, listed after it, addressed by a case filed since', () => {
    expect(watchClockOf(v, [], RULES, '2026-05-30')).toEqual({ dueOn: '2026-05-30', daysSince: 90, state: 'pending', addressedOn: null });
    expect(watchClockOf(v, [], RULES, '2026-05-31')).toEqual({ dueOn: '2026-05-30', daysSince: 91, state: 'listed', addressedOn: null });
    expect(watchClockOf(v, ['2026-02-01'], RULES, '2026-06-30').state).toBe('listed');
    expect(watchClockOf(v, ['2026-07-01'], RULES, '2026-07-02')).toMatchObject({ state: 'addressed', addressedOn: '2026-07-01' });
    // A case filed after today (a clock in the past) does not count yet.
    expect(watchClockOf(v, ['2026-07-01'], RULES, '2026-06-30').state).toBe('listed');
  });
  it('an enterprise is listed when any serious violation is unaddressed past the period', () => {
    const f = { exceedancesOn: [], leads: [{ id: 7, source: 'transfer', discoveredOn: '2026-03-01' }], casesFiledOn: [] };
    expect(computeWatchEntry(f, RULES, '2026-04-01').listed).toBe(false);
    expect(computeWatchEntry(f, RULES, '2026-12-04')).toMatchObject({ listed: true, violations: [{ kind: 'lead_source', state: 'listed', daysSince: 278 }] });
    expect(computeWatchEntry({ ...f, casesFiledOn: ['2026-03-05'] }, RULES, '2026-12-04')).toEqual({ listed: false, violations: [] });
  });
});
