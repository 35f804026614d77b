import { describe, expect, it } from 'vitest';
import {
  checkLifting, checkRectificationPlan, checkRestriction, checkRestrictionExtension, rectificationPlanDueOn, restrictionEndsOn,
  restrictionServiceDueOn, type RestrictionFacts,
} from './production-restriction.js';
import { addMonths } from './periods.js';
import { TEST_CALENDAR } from './test-calendar.js';

const restriction: RestrictionFacts = { mode: 'restriction', decidedOn: '2020-06-01', servedOn: '2020-06-03', extensionMonths: null, planFiledOn: null, lifted: false };

describe('民法典 第二百零二条: a period in months ends on the corresponding day, or the month\'s last day', () => {
  it.each([
    ['2020-06-03', 3, '2020-09-03'],
    ['2020-11-30', 3, '2021-02-28'],
    ['2019-11-30', 3, '2020-02-29'],
    ['2020-10-31', 6, '2021-04-30'],
    ['2020-12-15', 1, '2021-01-15'],
  ])('%s + %i months = %s', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });
});

describe('环境保护法 第六十条, 限制生产、停产整治办法 第十四条 (unconfirmed): restriction at most three months, extendable once by at most three', () => {
  it('a restriction ends three months after service; a suspension runs until lifted', () => {
    expect(restrictionEndsOn(restriction)).toBe('2020-09-03');
    expect(restrictionEndsOn({ ...restriction, extensionMonths: 3 })).toBe('2020-12-03');
    expect(restrictionEndsOn({ ...restriction, mode: 'suspension' })).toBeNull();
  });
  it('allows one extension of up to three months within the period', () => {
    expect(checkRestrictionExtension(restriction, { approvedOn: '2020-09-01', months: 3 }, '2020-09-01')).toEqual({ ok: true });
  });
  it.each([
    [{ approvedOn: '2020-09-01', months: 4 }, restriction, 'RESTRICTION_EXTENSION_TOO_LONG', 'months'],
    [{ approvedOn: '2020-09-04', months: 1 }, restriction, 'RESTRICTION_PERIOD_ENDED', 'approvedOn'],
    [{ approvedOn: '2020-09-01', months: 1 }, { ...restriction, extensionMonths: 1 }, 'RESTRICTION_ALREADY_EXTENDED', undefined],
    [{ approvedOn: '2020-09-01', months: 1 }, { ...restriction, mode: 'suspension' as const }, 'SUSPENSION_NOT_EXTENDABLE', undefined],
  ])('refuses %j', (input, facts, code, field) => {
    const o = checkRestrictionExtension(facts, input, '2020-09-10');
    expect(o).toMatchObject({ ok: false, code, citation: { law: '环境保护主管部门实施限制生产、停产整治办法', article: '第十四条' } });
    if (field) expect(o).toMatchObject({ field });
  });
});

describe('限制生产、停产整治办法 第十三条, 第十五条 (unconfirmed): service within 7 working days, plan within 15 working days', () => {
  it('counts working days on the official calendar', () => {
    // 2020-09-28 (Mon) + 7 working days: 29, 30 Sep, [1–8 Oct holiday], 9 Oct, 10 Oct (Sat, adjusted working day), 12, 13, 14 Oct.
    expect(restrictionServiceDueOn(TEST_CALENDAR, '2020-09-28')).toBe('2020-10-14');
    // 2020-06-10 + 15 working days crosses 端午节 (25–27 June rest, Sunday 28 June worked).
    expect(rectificationPlanDueOn(TEST_CALENDAR, '2020-06-10')).toBe('2020-07-02');
  });
  it('refuses a decision served before it was made', () => {
    expect(checkRestriction({ decidedOn: '2020-06-03', servedOn: '2020-06-02' }, '2020-06-10'))
      .toMatchObject({ code: 'SERVED_BEFORE_DECISION', field: 'servedOn', citation: { article: '第十三条' } });
  });
});

describe('限制生产、停产整治办法 第十七条 (unconfirmed): lifted when the completed rectification is filed', () => {
  it('refuses lifting without a rectification plan on record', () => {
    expect(checkLifting(restriction, { liftedOn: '2020-08-01' }, '2020-08-01')).toMatchObject({ code: 'RECTIFICATION_PLAN_MISSING', citation: { article: '第十五条' } });
  });
  it('lifts after the plan, not before it', () => {
    const planned = { ...restriction, planFiledOn: '2020-06-20' };
    expect(checkLifting(planned, { liftedOn: '2020-08-01' }, '2020-08-01')).toEqual({ ok: true });
    expect(checkLifting(planned, { liftedOn: '2020-06-19' }, '2020-08-01')).toMatchObject({ code: 'LIFTED_BEFORE_PLAN', field: 'liftedOn' });
  });
  it('a plan is filed after service', () => {
    expect(checkRectificationPlan(restriction, { filedOn: '2020-06-02' }, '2020-06-10')).toMatchObject({ code: 'DATE_BEFORE_MEASURE', field: 'filedOn' });
    expect(checkRectificationPlan(restriction, { filedOn: '2020-06-10' }, '2020-06-10')).toEqual({ ok: true });
  });
});
