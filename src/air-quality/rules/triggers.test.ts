import { describe, expect, it } from 'vitest';
import { checkTriggerRule, evaluateTriggers, type RankingSnapshot, type TriggerRule } from './triggers.js';

const snap = (period: string, ranks: [number, number | null, number | null, number | null][]): RankingSnapshot => ({
  period, rows: ranks.map(([unitId, rank, value, lastYearValue]) => ({ unitId, unitName: `区${unitId}`, rank, value, lastYearValue })),
});
const streak: TriggerRule = { id: 1, name: '连续3日末位约谈', ranking: 'air_district_daily', kind: 'last_place_streak', consecutive: 3, thresholdPercent: null, action: 'interview', active: true };
const worse: TriggerRule = { id: 2, name: '同比恶化10%限批', ranking: 'air_township_monthly', kind: 'worsening', consecutive: null, thresholdPercent: 10, action: 'approval_restriction', active: true };

describe('大气污染防治法 第二十二条: interview and approval-restriction triggers', () => {
  it('fires for a unit last in each of N consecutive periods, ties included', () => {
    const history = [
      snap('2021-05-01', [[1, 1, 3, null], [2, 3, 5, null], [3, 2, 4, null]]),
      snap('2021-05-02', [[1, 1, 3, null], [2, 2, 5, null], [3, 2, 5, null]]),
      snap('2021-05-03', [[1, 1, 3, null], [2, 3, 6, null], [3, 2, 4, null]]),
    ];
    const hits = evaluateTriggers([streak], 'air_district_daily', history);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ unitId: 2, action: 'interview', period: '2021-05-03', citation: { law: '中华人民共和国大气污染防治法', article: '第二十二条' } });
    expect(hits[0]!.reason).toContain('连续3期排名末位');
  });

  it('does not fire with fewer periods than N, when the streak breaks, or for inactive rules', () => {
    const two = [snap('d1', [[1, 1, 1, null], [2, 2, 2, null]]), snap('d2', [[1, 1, 1, null], [2, 2, 2, null]])];
    expect(evaluateTriggers([streak], 'air_district_daily', two)).toEqual([]);
    const broken = [snap('d0', [[1, 2, 2, null], [2, 1, 1, null]]), ...two];
    expect(evaluateTriggers([streak], 'air_district_daily', broken)).toEqual([]);
    const three = [snap('d0', [[1, 1, 1, null], [2, 2, 2, null]]), ...two];
    expect(evaluateTriggers([{ ...streak, active: false }], 'air_district_daily', three)).toEqual([]);
    expect(evaluateTriggers([streak], 'air_township_monthly', three)).toEqual([]);
  });

  it('fires when the year-on-year worsening exceeds the threshold (not at it)', () => {
    const s = snap('2021-05', [[1, 1, 4.4, 4.0], [2, 2, 4.41, 4.0], [3, 3, 5, null]]);
    const hits = evaluateTriggers([worse], 'air_township_monthly', [s]);
    expect(hits.map((h) => h.unitId)).toEqual([2]);
    expect(hits[0]!.reason).toContain('10.25%');
  });

  it('水污染防治法 第二十条: water rankings cite the water law', () => {
    const rule: TriggerRule = { ...streak, ranking: 'water_district_period', consecutive: 1 };
    const hits = evaluateTriggers([rule], 'water_district_period', [snap('2021', [[1, 1, 90, null], [2, 2, 80, null]])]);
    expect(hits[0]!.citation).toMatchObject({ law: '中华人民共和国水污染防治法', article: '第二十条' });
  });

  it('a rule needs the parameter of its kind', () => {
    expect(checkTriggerRule({ ...streak, consecutive: null })).toMatchObject({ ok: false, code: 'TRIGGER_CONSECUTIVE_REQUIRED', field: 'consecutive' });
    expect(checkTriggerRule({ ...worse, thresholdPercent: null })).toMatchObject({ ok: false, code: 'TRIGGER_THRESHOLD_REQUIRED', field: 'thresholdPercent' });
    expect(checkTriggerRule(streak)).toEqual({ ok: true });
  });
});
