import { describe, expect, it } from 'vitest';
import { checkDetentionHandover, checkDetentionOutcome, checkDetentionPriorOrder, checkDetentionTransfer, detentionTransferDueOn, type DetentionFacts } from './detention-transfer.js';
import { DETENTION_SITUATIONS, legalBasisOf } from './kinds.js';
import { TEST_CALENDAR } from './test-calendar.js';

const penalty = { kind: 'penalty', decidedOn: '2020-08-10' };
const facts: DetentionFacts = { status: 'transfer_decided', decidedOn: '2020-08-12', transferDueOn: '2020-08-17', transferredOn: null };

describe('环境保护法 第六十三条: the transfer names one of the four situations', () => {
  it.each(DETENTION_SITUATIONS.map((s, i) => [s, ['（一）', '（二）', '（三）', '（四）'][i]]))('%s is item %s', (situation, item) => {
    expect(legalBasisOf('detention_transfer', situation)[0]).toEqual({ law: '环境保护法', article: '第六十三条', item });
  });
});

describe('行政拘留暂行办法 第二条: the transfer follows the administrative penalty decision', () => {
  it('refuses before the case has a penalty decision', () => {
    for (const d of [null, { kind: 'no_penalty', decidedOn: '2020-08-10' }]) {
      expect(checkDetentionTransfer(d, { decidedOn: '2020-08-12' }, '2020-08-12'))
        .toMatchObject({ ok: false, code: 'DETENTION_TRANSFER_NEEDS_PENALTY_DECISION', citation: { article: '第二条' } });
    }
  });
  it('refuses a transfer decision dated before the penalty decision', () => {
    expect(checkDetentionTransfer(penalty, { decidedOn: '2020-08-09' }, '2020-08-12')).toMatchObject({ code: 'DETENTION_TRANSFER_BEFORE_PENALTY_DECISION', field: 'decidedOn' });
    expect(checkDetentionTransfer(penalty, { decidedOn: '2020-08-10' }, '2020-08-12')).toEqual({ ok: true });
  });
});

describe('行政拘留暂行办法: materials to the police within 3 days of the transfer decision', () => {
  it('3 days after a Wednesday end on Saturday: the next working day', () => {
    expect(detentionTransferDueOn(TEST_CALENDAR, '2020-08-12')).toBe('2020-08-17');
    expect(detentionTransferDueOn(TEST_CALENDAR, '2020-08-10')).toBe('2020-08-13');
  });
  it('a late transfer is recorded only with its reason', () => {
    expect(checkDetentionHandover(facts, { transferredOn: '2020-08-18' }, '2020-08-20')).toMatchObject({ code: 'TRANSFER_LATE_REASON_REQUIRED', field: 'lateReason' });
    expect(checkDetentionHandover(facts, { transferredOn: '2020-08-18', lateReason: '材料补充' }, '2020-08-20')).toEqual({ ok: true });
    expect(checkDetentionHandover(facts, { transferredOn: '2020-08-17' }, '2020-08-20')).toEqual({ ok: true });
  });
  it('refuses a transfer before the decision, or a second one', () => {
    expect(checkDetentionHandover(facts, { transferredOn: '2020-08-11' }, '2020-08-20')).toMatchObject({ code: 'DATE_BEFORE_MEASURE', field: 'transferredOn' });
    expect(checkDetentionHandover({ ...facts, status: 'transferred' }, { transferredOn: '2020-08-13' }, '2020-08-20')).toMatchObject({ code: 'MEASURE_STEP_NOT_ALLOWED' });
  });
});

describe('环境保护法 第六十三条: detention of 5 to 15 days', () => {
  const transferred = { ...facts, status: 'transferred', transferredOn: '2020-08-13' };
  it.each([5, 10, 15])('accepts %i days', (detentionDays) => {
    expect(checkDetentionOutcome(transferred, { outcome: 'detained', decidedOn: '2020-08-20', detentionDays }, '2020-08-20')).toEqual({ ok: true });
  });
  it.each([null, 4, 16])('refuses %s days', (detentionDays) => {
    expect(checkDetentionOutcome(transferred, { outcome: 'detained', decidedOn: '2020-08-20', detentionDays }, '2020-08-20'))
      .toMatchObject({ code: 'DETENTION_DAYS_OUT_OF_RANGE', field: 'detentionDays', citation: { law: '环境保护法', article: '第六十三条' } });
  });
  it('accepted, then decided; not accepted only straight after the transfer; no outcome before it', () => {
    expect(checkDetentionOutcome(transferred, { outcome: 'accepted', decidedOn: '2020-08-14' }, '2020-08-20')).toEqual({ ok: true });
    expect(checkDetentionOutcome({ ...transferred, status: 'accepted' }, { outcome: 'not_detained', decidedOn: '2020-08-20' }, '2020-08-20')).toEqual({ ok: true });
    expect(checkDetentionOutcome({ ...transferred, status: 'accepted' }, { outcome: 'not_accepted', decidedOn: '2020-08-20' }, '2020-08-20')).toMatchObject({ code: 'MEASURE_STEP_NOT_ALLOWED' });
    expect(checkDetentionOutcome(facts, { outcome: 'accepted', decidedOn: '2020-08-14' }, '2020-08-20')).toMatchObject({ code: 'MEASURE_STEP_NOT_ALLOWED' });
    expect(checkDetentionOutcome(transferred, { outcome: 'accepted', decidedOn: '2020-08-12' }, '2020-08-20')).toMatchObject({ code: 'DATE_BEFORE_TRANSFER', field: 'decidedOn' });
  });
});

describe('环境保护法 第六十三条 (一)(二)(四): the earlier order and its refusal are on record', () => {
  const order = { number: '烟环责改〔2020〕3号', servedOn: '2020-07-01', refusal: '拒不停止排污', refusalFoundOn: '2020-07-20' };
  it.each(['no_eia_refusing_stop', 'no_permit_refusing_stop', 'banned_pesticide_refusing_correction'] as const)('%s needs the order', (situation) => {
    expect(checkDetentionPriorOrder({ situation, decidedOn: '2020-08-12' }, '2020-08-12')).toMatchObject({ code: 'PRIOR_ORDER_REQUIRED', field: 'priorOrder', citation: { law: '环境保护法', article: '第六十三条' } });
    expect(checkDetentionPriorOrder({ situation, priorOrder: order, decidedOn: '2020-08-12' }, '2020-08-12')).toEqual({ ok: true });
  });
  it('(三) evading supervision needs none; the refusal follows the order and precedes the transfer', () => {
    expect(checkDetentionPriorOrder({ situation: 'evading_supervision', decidedOn: '2020-08-12' }, '2020-08-12')).toEqual({ ok: true });
    expect(checkDetentionPriorOrder({ situation: 'no_permit_refusing_stop', priorOrder: { ...order, refusalFoundOn: '2020-06-30' }, decidedOn: '2020-08-12' }, '2020-08-12')).toMatchObject({ field: 'priorOrder.refusalFoundOn' });
    expect(checkDetentionPriorOrder({ situation: 'no_permit_refusing_stop', priorOrder: { ...order, refusalFoundOn: '2020-08-13' }, decidedOn: '2020-08-12' }, '2020-08-14')).toMatchObject({ field: 'priorOrder.refusalFoundOn' });
  });
});
