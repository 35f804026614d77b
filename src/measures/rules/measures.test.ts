import { describe, expect, it } from 'vitest';
import { applyEvent, availableEvents, checkCreate, checkEvent, dueOnOf, isFinal, newRecord, outcomeOf, statusOf, type CreateInput, type MeasureContext } from './measures.js';
import { TEST_CALENDAR } from './test-calendar.js';
import type { MeasureRecord } from './records.js';

const ctx = (over: Partial<MeasureContext> = {}): MeasureContext => ({
  todayOn: '2020-07-01', archived: false, caseDecision: { kind: 'penalty', fineFen: 5_000_000, decidedOn: '2020-06-01', penaltyKinds: ['fine', 'suspension'], decisionNumber: '停1号' },
  cal: TEST_CALENDAR, caseRef: { id: 1, enterpriseId: 7 }, ...over,
});
const ALL = { write: true, approve: true };

const inputs: Record<MeasureRecord['kind'], CreateInput> = {
  daily_penalty: { kind: 'daily_penalty', ground: 'exceeding_standards', violation: '超标排放', orderNumber: '责改1号', orderServedOn: '2020-06-01' },
  seizure: { kind: 'seizure', mode: 'seal', ground: 'toxic_or_hazardous', seriousPollutionCaused: false, decisionNumber: '封1号', decidedOn: '2020-06-01', implementedOn: '2020-06-01', emergency: false, items: [{ name: '泵', specification: '', quantity: '1', location: '' }] },
  production_restriction: { kind: 'production_restriction', mode: 'suspension', ground: 'evading_supervision', decisionNumber: '停1号', decidedOn: '2020-06-01', servedOn: '2020-06-02', requirements: '停产整治' },
  detention_transfer: { kind: 'detention_transfer', situation: 'no_permit_refusing_stop', persons: [{ name: '李某', position: '厂长' }], facts: '无证排污拒不停止', decidedOn: '2020-06-02',
    // 环境保护法 第六十三条 (二): the order to stop discharging and the refusal.
    priorOrder: { number: '烟环责停〔2020〕1号', servedOn: '2020-05-10', refusal: '拒不停止排污', refusalFoundOn: '2020-05-20' } },
  crime_transfer: { kind: 'crime_transfer', suspectedCrime: '污染环境罪', facts: '倾倒危险废物', reportOn: '2020-06-02' },
};

describe('a new measure of each kind: status, deadline, and the events it offers', () => {
  it.each([
    ['daily_penalty', 'awaiting_reinspection', '2020-07-01', ['reinspection']],
    ['seizure', 'in_force', '2020-07-01', ['extension', 'release']],
    ['production_restriction', 'in_force', '2020-06-23', ['plan']],
    ['detention_transfer', 'transfer_decided', '2020-06-05', ['transfer']],
    ['crime_transfer', 'awaiting_approval', '2020-06-05', ['approval']],
  ] as const)('%s starts %s, due %s, offering %j', (kind, status, dueOn, allowed) => {
    expect(checkCreate(inputs[kind], ctx())).toEqual({ ok: true });
    const r = newRecord(inputs[kind], ctx());
    expect(statusOf(r)).toBe(status);
    expect(dueOnOf(r)).toBe(dueOn);
    expect(isFinal(r)).toBe(false);
    expect(outcomeOf(r)).toBeNull();
    expect(availableEvents(r, ctx(), ALL).filter((a) => a.allowed).map((a) => a.event)).toEqual(allowed);
  });

  it('an archived case offers nothing and refuses everything', () => {
    const r = newRecord(inputs.seizure, ctx());
    expect(checkCreate(inputs.seizure, ctx({ archived: true }))).toMatchObject({ code: 'CASE_ARCHIVED' });
    expect(availableEvents(r, ctx({ archived: true }), ALL).every((a) => !a.allowed && a.code === 'CASE_ARCHIVED')).toBe(true);
    expect(checkEvent(r, 'release', { releasedOn: '2020-06-10', ground: 'handled', note: '' }, ctx({ archived: true }))).toMatchObject({ code: 'CASE_ARCHIVED' });
  });

  it('approval events are offered only to those who approve', () => {
    const r = newRecord(inputs.crime_transfer, ctx());
    expect(availableEvents(r, ctx(), { write: true, approve: false }).map((a) => a.event)).toEqual(['transfer', 'outcome']);
    expect(availableEvents(r, ctx(), { write: false, approve: true }).map((a) => a.event)).toEqual(['approval']);
  });

  it('a detention transfer runs to its outcome and then offers nothing', () => {
    let r = newRecord(inputs.detention_transfer, ctx());
    r = applyEvent(r, 'transfer', { transferredOn: '2020-06-03', receivingOrgan: '烟台市公安局' }, ctx());
    expect([statusOf(r), dueOnOf(r)]).toEqual(['transferred', null]);
    r = applyEvent(r, 'outcome', { outcome: 'accepted', decidedOn: '2020-06-04', note: '' }, ctx());
    expect([statusOf(r), isFinal(r)]).toEqual(['accepted', false]);
    r = applyEvent(r, 'outcome', { outcome: 'detained', decidedOn: '2020-06-05', detentionDays: 7, note: '' }, ctx());
    expect([statusOf(r), isFinal(r), outcomeOf(r)]).toEqual(['detained', true, { status: 'detained', detentionDays: 7 }]);
    expect(availableEvents(r, ctx(), ALL).every((a) => !a.allowed && a.code === 'MEASURE_CLOSED')).toBe(true);
  });

  it('a crime transfer not approved is final, with the reasons on record', () => {
    const r = applyEvent(newRecord(inputs.crime_transfer, ctx()), 'approval', { decidedOn: '2020-06-03', approved: false, reason: '不构成犯罪' }, ctx());
    expect([statusOf(r), isFinal(r)]).toEqual(['not_approved', true]);
    expect(r.kind === 'crime_transfer' && r.approval?.reason).toBe('不构成犯罪');
  });

  it('a daily penalty is decided at the case fine times the days, and keeps that figure', () => {
    let r = newRecord(inputs.daily_penalty, ctx());
    r = applyEvent(r, 'reinspection', { inspectedOn: '2020-06-11', officerIds: [1, 2, 2], finding: 'continuing', note: '' }, ctx());
    expect(r.kind === 'daily_penalty' && r.reinspections[0]!.officerIds).toEqual([1, 2]);
    expect(checkEvent(r, 'decide', { decidedOn: '2020-06-12', decisionNumber: null }, ctx())).toMatchObject({ ok: false, code: 'DAILY_PENALTY_CASE_REQUIRED' });
    const linkedDecision = { caseId: 2, enterpriseId: 7, kind: 'penalty', penaltyKinds: ['fine'], fineFen: 50_000_000, decisionNumber: '罚2号', decidedOn: '2020-06-12' };
    expect(checkEvent(r, 'decide', { decidedOn: '2020-06-12', decisionNumber: null, penaltyCaseId: 2 }, ctx({ linkedDecision }))).toEqual({ ok: true });
    r = applyEvent(r, 'decide', { decidedOn: '2020-06-12', decisionNumber: null, penaltyCaseId: 2 }, ctx({ linkedDecision }));
    expect(outcomeOf(r)).toEqual({ status: 'decided', totalFen: 50_000_000, days: 10 });
    expect(r.kind === 'daily_penalty' && r.decision).toMatchObject({ decisionNumber: '罚2号', penaltyCaseId: 2 });
  });
});
