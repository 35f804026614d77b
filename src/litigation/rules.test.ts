import { describe, expect, it } from 'vitest';
import { countSurchargeDays } from '../law/late-payment.js';
import { checkClose, checkHearing, computeLitigationYearFigures, surchargePausesOf, type ChallengeFacts } from './rules.js';

const open: ChallengeFacts = { kind: 'litigation', filedOn: '2026-03-01', hearings: [], closedOn: null };
const hearing = { heldOn: '2026-04-01', headAppeared: true, appearedBy: '局长', note: null };

describe('行政诉讼法 第三条第三款: who appeared for the bureau at each hearing', () => {
  it('names the head or the staff member entrusted; the date lies between filing and today', () => {
    expect(checkHearing(open, hearing, '2026-04-01')).toEqual({ ok: true });
    expect(checkHearing(open, { ...hearing, headAppeared: false, appearedBy: ' ' }, '2026-04-01')).toMatchObject({ code: 'CHALLENGE_APPEARANCE_REQUIRED', field: 'appearedBy', citation: { law: '行政诉讼法', article: '第三条', paragraph: '第三款' } });
    expect(checkHearing(open, { ...hearing, heldOn: '2026-02-28' }, '2026-04-01')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'heldOn' });
    expect(checkHearing(open, { ...hearing, heldOn: '2026-04-02' }, '2026-04-01')).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'heldOn' });
    expect(checkHearing({ ...open, closedOn: '2026-03-20' }, hearing, '2026-04-01')).toMatchObject({ code: 'CHALLENGE_CLOSED' });
  });
});

describe('行政复议法 第六十三条–第六十八条, 行政诉讼法 第六十九条–第七十七条: closing with an outcome', () => {
  it('a change records what was changed (行政复议法 第六十三条); the date follows the last hearing', () => {
    const heard = { ...open, hearings: [hearing] };
    expect(checkClose(heard, { outcome: 'changed', closedOn: '2026-05-01', changes: null }, '2026-05-01')).toMatchObject({ code: 'CHALLENGE_CHANGES_REQUIRED', field: 'changes', citation: { law: '行政复议法', article: '第六十三条' } });
    expect(checkClose(heard, { outcome: 'changed', closedOn: '2026-05-01', changes: '罚款由5万元变更为3万元' }, '2026-05-01')).toEqual({ ok: true });
    expect(checkClose(heard, { outcome: 'upheld', closedOn: '2026-03-31', changes: null }, '2026-05-01')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'closedOn' });
    expect(checkClose({ ...heard, closedOn: '2026-04-02' }, { outcome: 'upheld', closedOn: '2026-05-01', changes: null }, '2026-05-01')).toMatchObject({ code: 'CHALLENGE_CLOSED' });
  });
});

describe('行政处罚法 第七十三条第三款: a pending challenge stops the surcharge for its interval', () => {
  it('pending: no day from filing up to today counts; closed: the closing day is the last paused day', () => {
    // Due 2021-08-17; filed 08-19; as of 09-10 only 08-18 counts.
    expect(countSurchargeDays('2021-08-17', '2021-09-10', surchargePausesOf([{ filedOn: '2021-08-19', closedOn: null }]), '2021-09-10')).toBe(1);
    // Closed 09-10: 08-18 and 09-11 … 09-13 count.
    expect(countSurchargeDays('2021-08-17', '2021-09-13', surchargePausesOf([{ filedOn: '2021-08-19', closedOn: '2021-09-10' }]), '2021-09-13')).toBe(4);
    expect(countSurchargeDays('2021-08-17', '2021-09-13', surchargePausesOf([]), '2021-09-13')).toBe(27);
  });
});

describe('year rates: challenged, reversed (撤销 + 变更 + 确认违法), head appeared in court', () => {
  it('counts filings, outcomes closed in the year and court hearings', () => {
    const f = computeLitigationYearFigures([
      { kind: 'litigation', filedOn: '2020-02-01', closedOn: '2020-06-01', outcome: 'revoked', hearings: [hearing, { ...hearing, heldOn: '2020-04-01', headAppeared: false, appearedBy: '法规科科长' }].map((h) => ({ ...h, heldOn: h.heldOn.replace('2026', '2020') })) },
      { kind: 'reconsideration', filedOn: '2020-03-01', closedOn: '2020-05-01', outcome: 'changed', hearings: [{ ...hearing, heldOn: '2020-04-10' }] },
      { kind: 'reconsideration', filedOn: '2020-10-01', closedOn: '2020-12-01', outcome: 'upheld', hearings: [] },
      { kind: 'litigation', filedOn: '2020-12-01', closedOn: null, outcome: null, hearings: [] },
      { kind: 'litigation', filedOn: '2019-12-01', closedOn: '2020-01-15', outcome: 'withdrawn', hearings: [] },
    ], 2020);
    expect(f).toMatchObject({
      challenged: { total: 4, reconsideration: 2, litigation: 2 }, closed: 4, reversed: 2, reversalRate: 0.5,
      byOutcome: { revoked: 1, changed: 1, upheld: 1, withdrawn: 1, dismissed: 0, confirmed_unlawful: 0 },
      courtHearings: 2, headAppeared: 1, headAppearanceRate: 0.5,
    });
    expect(computeLitigationYearFigures([], 2020)).toMatchObject({ reversalRate: null, headAppearanceRate: null });
  });
});
