import { describe, expect, it } from 'vitest';
import { recordedRepeat, type PartyCase } from './repeat.js';

const decided = (id: number, decidedOn: string | null, decisionKind: string | null = 'penalty', revoked = false): PartyCase =>
  ({ id, number: `烟环罚〔2020〕${id}号`, decisionKind, decidedOn, revoked });

describe('违法次数 from the records (裁量基准 factor repeat: 两年内首次 / 第二次 / 三次及以上)', () => {
  it('is the first within two years when the party has no earlier punished case', () => {
    expect(recordedRepeat(10, '2021-07-19', [])).toEqual({ level: 'first', counted: [], fromOn: '2019-07-19', beforeOn: '2021-07-19' });
  });

  it('counts earlier cases decided with a penalty within two years before the filing: one → second, two or more → third', () => {
    expect(recordedRepeat(10, '2021-07-19', [decided(1, '2020-03-01')]).level).toBe('second');
    const r = recordedRepeat(10, '2021-07-19', [decided(2, '2021-01-05'), decided(1, '2020-03-01'), decided(3, '2019-12-31')]);
    expect(r.level).toBe('third');
    expect(r.counted.map((c) => c.decidedOn)).toEqual(['2019-12-31', '2020-03-01', '2021-01-05']);
  });

  it('counts only penalties: no-penalty, exemption, transfer, withdrawal and undecided cases are not punished violations', () => {
    const r = recordedRepeat(10, '2021-07-19', [
      decided(1, '2020-03-01', 'no_penalty'), decided(2, '2020-04-01', 'exemption'), decided(3, '2020-05-01', 'transfer'),
      decided(4, '2020-06-01', 'withdrawal'), decided(5, null, null),
    ]);
    expect(r).toMatchObject({ level: 'first', counted: [] });
  });

  it('leaves out a penalty revoked on reconsideration or in court', () => {
    expect(recordedRepeat(10, '2021-07-19', [decided(1, '2020-03-01', 'penalty', true)]).level).toBe('first');
  });

  it('the two years run back from the filing date: the same day two years before counts, the day before does not', () => {
    expect(recordedRepeat(10, '2021-07-19', [decided(1, '2019-07-19')]).level).toBe('second');
    expect(recordedRepeat(10, '2021-07-19', [decided(1, '2019-07-18')]).level).toBe('first');
  });

  it('counts only decisions before the filing date, never the case itself', () => {
    expect(recordedRepeat(10, '2021-07-19', [decided(1, '2021-07-19'), decided(2, '2021-08-01'), decided(10, '2021-05-01')]).level).toBe('first');
  });

  it('from 29 February the window starts on 28 February two years earlier (民法典 第二百零二条)', () => {
    const r = recordedRepeat(10, '2024-02-29', [decided(1, '2022-02-28'), decided(2, '2022-02-27')]);
    expect(r.fromOn).toBe('2022-02-28');
    expect(r.counted.map((c) => c.id)).toEqual([1]);
  });
});
