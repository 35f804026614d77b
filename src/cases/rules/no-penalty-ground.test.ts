import { describe, expect, it } from 'vitest';
import { checkNoPenaltyGround, NO_PENALTY_GROUND_INFO, NO_PENALTY_GROUNDS } from './no-penalty-ground.js';
import { checkGovernmentApproval } from './government-approval.js';

const base = { decisionKind: 'no_penalty' as const, partyKind: 'organisation' as const, recordedGrounds: [] as string[] };

describe('行政处罚法 第五十七条第一款: a no-penalty decision names its ground', () => {
  it('refuses a decision without one, naming the field', () => {
    expect(checkNoPenaltyGround({ ...base, ground: null })).toMatchObject({ ok: false, code: 'NO_PENALTY_GROUND_REQUIRED', field: 'noPenaltyGround', citation: { article: '第五十七条' } });
  });
  it('(三) 违法事实不能成立 needs no recorded ground', () => {
    expect(checkNoPenaltyGround({ ...base, ground: 'factsNotEstablished' })).toEqual({ ok: true });
    expect(NO_PENALTY_GROUND_INFO.factsNotEstablished.citation).toMatchObject({ article: '第五十七条', item: '（三）' });
  });
});

describe('行政处罚法 第三十三条: first sentence mandatory, second discretionary, 第二款 no fault', () => {
  it('第一款 first sentence (轻微并及时改正，没有造成危害后果) is mandatory and has no first-violation condition', () => {
    expect(NO_PENALTY_GROUND_INFO.minorCorrected).toMatchObject({ mandatory: true, text: expect.not.stringContaining('初次') });
    expect(NO_PENALTY_GROUND_INFO.firstViolation).toMatchObject({ mandatory: false, text: expect.stringContaining('可以不予行政处罚') });
  });
  it.each(['minorCorrected', 'firstViolation', 'noFault'] as const)('%s is decided only with the ground recorded on the case', (ground) => {
    expect(checkNoPenaltyGround({ ...base, ground })).toMatchObject({ code: 'NO_PENALTY_GROUND_NOT_RECORDED', field: 'noPenaltyGround', citation: { article: '第三十三条' } });
    expect(checkNoPenaltyGround({ ...base, ground, recordedGrounds: [NO_PENALTY_GROUND_INFO[ground].recordedAs!] })).toEqual({ ok: true });
  });
  it('a catalogue exemption rests only on 第三十三条第一款', () => {
    expect(checkNoPenaltyGround({ ...base, decisionKind: 'exemption', ground: 'firstViolation' })).toEqual({ ok: true });
    expect(checkNoPenaltyGround({ ...base, decisionKind: 'exemption', ground: 'minorCorrected' })).toEqual({ ok: true });
    expect(checkNoPenaltyGround({ ...base, decisionKind: 'exemption', ground: 'noFault' })).toMatchObject({ code: 'NO_PENALTY_GROUND_NOT_FOR_EXEMPTION' });
  });
});

describe('行政处罚法 第三十条, 第三十一条: age and mental capacity are grounds of natural persons', () => {
  it.each(['minorUnder14', 'noCapacity'] as const)('%s is refused for an organisation, allowed for a recorded citizen', (ground) => {
    expect(checkNoPenaltyGround({ ...base, ground, recordedGrounds: [ground] })).toMatchObject({ code: 'GROUND_NOT_FOR_PARTY', citation: { article: ground === 'minorUnder14' ? '第三十条' : '第三十一条' } });
    expect(checkNoPenaltyGround({ ...base, partyKind: 'individual', ground, recordedGrounds: [ground] })).toEqual({ ok: true });
  });
  it('every ground has its article text', () => {
    for (const g of NO_PENALTY_GROUNDS) expect(NO_PENALTY_GROUND_INFO[g].text).toMatch(/不予行政处罚/);
  });
});

describe('环境保护法 第六十条: 责令关闭 only with the approving people\'s government on record', () => {
  const approval = { approver: '烟台市人民政府', documentNumber: '烟政字〔2021〕5号', approvedOn: '2021-03-01' };
  it('refuses a closure without the approval, or approved by someone else, or after the decision', () => {
    expect(checkGovernmentApproval({ penaltyKinds: ['closure'], approval: null, decidedOn: '2021-03-02' })).toMatchObject({ code: 'GOVERNMENT_APPROVAL_REQUIRED', field: 'governmentApproval', citation: { law: '环境保护法', article: '第六十条' } });
    expect(checkGovernmentApproval({ penaltyKinds: ['closure'], approval: { ...approval, approver: '烟台市生态环境局' }, decidedOn: '2021-03-02' })).toMatchObject({ code: 'GOVERNMENT_APPROVAL_NOT_BY_GOVERNMENT' });
    expect(checkGovernmentApproval({ penaltyKinds: ['closure'], approval, decidedOn: '2021-02-28' })).toMatchObject({ code: 'GOVERNMENT_APPROVAL_AFTER_DECISION', field: 'governmentApproval.approvedOn' });
  });
  it('accepts a recorded approval; a restriction or suspension needs none', () => {
    expect(checkGovernmentApproval({ penaltyKinds: ['closure'], approval, decidedOn: '2021-03-02' })).toEqual({ ok: true });
    expect(checkGovernmentApproval({ penaltyKinds: ['suspension', 'fine'], approval: null, decidedOn: '2021-03-02' })).toEqual({ ok: true });
  });
});
