import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../law/civil-date.js';
import { checkDailyPenaltyDecision, checkReinspection, computeDailyPenalty, dailyPenaltyStatus, type Reinspection } from './daily-penalty.js';

const FINE = 10_000_000; // 十万元
const base = { originalFineFen: FINE, orderNumber: '烟环责改〔2021〕3号', orderServedOn: '2021-03-01', reinspectionDueOn: '2021-03-31' };
const r = (inspectedOn: string, finding: Reinspection['finding'] = 'continuing'): Reinspection => ({ inspectedOn, officerIds: [1, 2], finding, note: '' });

describe('环境保护法 第五十九条, 按日连续处罚办法 第十七条: days from the day after service to the re-inspection that found the discharge', () => {
  it('served 1 March, found still discharging on 11 March: 2–11 March, 10 days', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11')] });
    expect(c).toMatchObject({ startOn: '2021-03-02', endOn: '2021-03-11', days: 10, dailyFen: FINE, totalFen: 100_000_000, cycleEnded: false });
  });

  it('再次复查仍拒不改正的，计罚日数累计执行: a second re-inspection still finding it extends the count', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11'), r('2021-03-25')] });
    expect(c).toMatchObject({ endOn: '2021-03-25', days: 24, totalFen: 240_000_000 });
  });

  it('第十三条 (unconfirmed number): an obstructed re-inspection counts as refusing to correct', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11', 'obstructed')] });
    expect(c.days).toBe(10);
    expect(c.lines.some((l) => l.zh.includes('拒绝、阻挠复查') && l.citation?.article === '第十三条')).toBe(true);
  });

  it('第十八条: a re-inspection finding the violation corrected ends the cycle at the last continuing one', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11'), r('2021-03-20', 'corrected')] });
    expect(c).toMatchObject({ endOn: '2021-03-11', days: 10, cycleEnded: true });
    expect(c.lines.at(-3)).toMatchObject({ citation: { article: '第十八条' } });
  });

  it('corrected at the first re-inspection: no day counted, no daily penalty', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11', 'corrected')] });
    expect(c).toMatchObject({ endOn: null, days: 0, totalFen: 0, cycleEnded: true });
  });

  it.each([
    ['2020-02-28', '2020-03-01', 2], // 29 February counted in a leap year
    ['2021-09-30', '2021-10-08', 8], // natural days: the National Day holiday is counted
    ['2021-12-31', '2022-01-01', 1],
  ])('served %s, re-inspected %s: %i days (natural days, holidays included)', (servedOn, on, days) => {
    expect(computeDailyPenalty({ ...base, orderServedOn: servedOn, reinspectionDueOn: addDays(servedOn, 30), reinspections: [r(on)] }).days).toBe(days);
  });

  it('explains each step, ending with the multiplication in yuan and in capitals', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11')] });
    expect(c.lines[0]).toMatchObject({ zh: expect.stringContaining('¥100,000.00'), citation: { law: '环境保护主管部门实施按日连续处罚办法', article: '第十九条' } });
    expect(c.lines[1]!.zh).toContain('2021-03-02 起计罚');
    expect(c.lines.at(-1)).toMatchObject({
      zh: '按日连续处罚罚款数额 = ¥100,000.00 × 10 日 = ¥1,000,000.00（大写：壹佰万元整）',
      citation: { article: '第十九条', paragraph: '第二款' },
    });
  });

  it('without a fine decision yet, counts the days but gives no total', () => {
    const c = computeDailyPenalty({ ...base, originalFineFen: null, reinspections: [r('2021-03-11')] });
    expect(c).toMatchObject({ days: 10, totalFen: null });
  });

  it('第十二条 (unconfirmed): a re-inspection later than 30 days after service is flagged, and still counts', () => {
    const c = computeDailyPenalty({ ...base, reinspections: [r('2021-04-06')] });
    expect(c.days).toBe(36);
    expect(c.lines[2]!.zh).toContain('超过送达后三十日的复查期限');
  });
});

describe('按日连续处罚办法 第十九条: the total is the original fine times the days counted (property)', () => {
  const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2020-01-01', n));
  it('total = fine × (last continuing re-inspection − service); more continuing re-inspections never lower it', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 100_000_000_00 }), day, fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
      (fine, servedOn, gaps) => {
        const dates = gaps.reduce<string[]>((acc, g) => [...acc, addDays(acc.at(-1) ?? servedOn, g)], []);
        let previous = 0;
        for (let k = 1; k <= dates.length; k++) {
          const c = computeDailyPenalty({ ...base, originalFineFen: fine, orderServedOn: servedOn, reinspectionDueOn: addDays(servedOn, 30), reinspections: dates.slice(0, k).map((d) => r(d)) });
          expect(c.days).toBe(daysBetween(servedOn, dates[k - 1]!));
          expect(c.totalFen).toBe(fine * c.days);
          expect(c.totalFen!).toBeGreaterThan(previous);
          previous = c.totalFen!;
        }
      },
    ));
  });
});

describe('按日连续处罚办法 第十七条, 第十八条; 行政处罚法 第四十二条: what a re-inspection record must be', () => {
  const facts = { archived: false, decided: false, orderServedOn: '2021-03-01', reinspections: [] as Reinspection[] };
  const ok = { inspectedOn: '2021-03-11', officerIds: [1, 2] };
  const today = '2021-04-01';

  it('accepts a dated re-inspection after service by two officers', () => {
    expect(checkReinspection(facts, ok, today)).toEqual({ ok: true });
  });
  it.each(['2021-02-27', '2021-03-01'])('refuses a re-inspection on %s, not after the order was served', (inspectedOn) => {
    expect(checkReinspection(facts, { ...ok, inspectedOn }, today)).toMatchObject({
      ok: false, code: 'REINSPECTION_NOT_AFTER_ORDER_SERVED', field: 'inspectedOn', citation: { article: '第十七条' },
    });
  });
  it('refuses a re-inspection dated before the last one recorded', () => {
    expect(checkReinspection({ ...facts, reinspections: [r('2021-03-11')] }, { ...ok, inspectedOn: '2021-03-10' }, today))
      .toMatchObject({ code: 'REINSPECTION_OUT_OF_ORDER', field: 'inspectedOn' });
  });
  it('refuses one officer, or the same officer twice (行政处罚法 第四十二条)', () => {
    for (const officerIds of [[1], [1, 1]]) {
      expect(checkReinspection(facts, { ...ok, officerIds }, today)).toMatchObject({ code: 'TWO_OFFICERS_REQUIRED', field: 'officerIds', citation: { law: '行政处罚法', article: '第四十二条' } });
    }
  });
  it('refuses a date in the future', () => {
    expect(checkReinspection(facts, { ...ok, inspectedOn: '2021-04-02' }, today)).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'inspectedOn' });
  });
  it('第十八条: no re-inspection after one found the violation corrected; a new cycle is a new measure', () => {
    expect(checkReinspection({ ...facts, reinspections: [r('2021-03-11', 'corrected')] }, { ...ok, inspectedOn: '2021-03-20' }, today))
      .toMatchObject({ code: 'DAILY_PENALTY_CYCLE_ENDED', citation: { article: '第十八条' } });
  });
  it('no re-inspection once the daily penalty is decided', () => {
    expect(checkReinspection({ ...facts, decided: true }, ok, today)).toMatchObject({ code: 'MEASURE_CLOSED' });
  });
  it('status follows the re-inspections', () => {
    expect(dailyPenaltyStatus({ decided: false, reinspections: [] })).toBe('awaiting_reinspection');
    expect(dailyPenaltyStatus({ decided: false, reinspections: [r('2021-03-11')] })).toBe('violation_continuing');
    expect(dailyPenaltyStatus({ decided: false, reinspections: [r('2021-03-11'), r('2021-03-12', 'corrected')] })).toBe('corrected');
    expect(dailyPenaltyStatus({ decided: true, reinspections: [r('2021-03-11')] })).toBe('decided');
  });
});

describe('环境保护法 第五十九条, 按日连续处罚办法 第七条: the daily-penalty decision follows the original fine decision', () => {
  const computation = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11')] });
  const original = { decidedOn: '2021-03-05', fineFen: FINE };
  const today = '2021-04-01';
  it('is allowed after the fine decision and the counted re-inspection', () => {
    expect(checkDailyPenaltyDecision({ decided: false, computation, originalDecision: original }, { decidedOn: '2021-03-15' }, today)).toEqual({ ok: true });
  });
  it('is refused without a decision imposing a fine', () => {
    for (const originalDecision of [null, { ...original, fineFen: 0 }]) {
      expect(checkDailyPenaltyDecision({ decided: false, computation, originalDecision }, { decidedOn: '2021-03-15' }, today))
        .toMatchObject({ code: 'ORIGINAL_FINE_DECISION_MISSING', citation: { law: '环境保护主管部门实施按日连续处罚办法', article: '第七条' } });
    }
  });
  it('is refused when dated before the original decision, or before the re-inspection it counts to', () => {
    expect(checkDailyPenaltyDecision({ decided: false, computation, originalDecision: original }, { decidedOn: '2021-03-04' }, today))
      .toMatchObject({ code: 'DAILY_PENALTY_BEFORE_ORIGINAL_DECISION', field: 'decidedOn' });
    expect(checkDailyPenaltyDecision({ decided: false, computation, originalDecision: original }, { decidedOn: '2021-03-10' }, today))
      .toMatchObject({ code: 'DATE_BEFORE_REINSPECTION', field: 'decidedOn' });
  });
  it('is refused when no day was counted', () => {
    const none = computeDailyPenalty({ ...base, reinspections: [r('2021-03-11', 'corrected')] });
    expect(checkDailyPenaltyDecision({ decided: false, computation: none, originalDecision: original }, { decidedOn: '2021-03-15' }, today))
      .toMatchObject({ code: 'DAILY_PENALTY_NO_CONTINUING_VIOLATION', citation: { article: '第十七条' } });
  });
});
