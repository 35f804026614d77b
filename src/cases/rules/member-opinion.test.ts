import { describe, expect, it } from 'vitest';
import { checkMemberOpinion, checkOpinionChange, isCurrentOpinion, mergeDiscussionOpinions, opinionTextOf, type MemberOpinionFacts } from './member-opinion.js';

const open: MemberOpinionFacts = {
  memberId: 7, meeting: { heldOn: '2021-07-20', attendeeIds: [7, 8] }, stage: 'collective_discussion', concluded: false,
  predecessors: [{ code: 'DATE_BEFORE_FILING', on: '2021-07-19' }, { code: 'DATE_BEFORE_LEGAL_REVIEW', on: '2021-07-20' }], todayOn: '2021-07-21',
};

describe('行政处罚法 第五十七条第二款: an attending member records his own opinion', () => {
  it('allows an attendee while the case awaits discussion at a meeting after the filing and reviews', () => {
    expect(checkMemberOpinion(open)).toEqual({ ok: true });
  });
  it('refuses a member who did not attend (第五十七条第二款)', () => {
    expect(checkMemberOpinion({ ...open, memberId: 9 })).toMatchObject({ ok: false, code: 'OPINION_NOT_AN_ATTENDEE', field: 'meetingId', citation: { article: '第五十七条', paragraph: '第二款' } });
  });
  it('行政处罚法 第四十七条: refuses a meeting held before the filing', () => {
    expect(checkMemberOpinion({ ...open, meeting: { ...open.meeting, heldOn: '2021-07-18' } }))
      .toMatchObject({ ok: false, code: 'DATE_BEFORE_FILING', field: 'meetingId', citation: { article: '第四十七条' } });
  });
  it('refuses a case in another stage (第五十七条)', () => {
    expect(checkMemberOpinion({ ...open, stage: 'legal_review' })).toMatchObject({ ok: false, code: 'CASE_NOT_IN_COLLECTIVE_DISCUSSION', citation: { article: '第五十七条' } });
  });
  it('refuses once the meeting has concluded the discussion, whatever the stage now (第五十七条)', () => {
    expect(checkMemberOpinion({ ...open, concluded: true, stage: 'notification' })).toMatchObject({ ok: false, code: 'DISCUSSION_ALREADY_CONCLUDED', citation: { article: '第五十七条' } });
  });
});

describe('行政处罚法 第四十七条: changing or withdrawing a recorded opinion says why', () => {
  const agree = { stance: 'agree' as const, words: '' };
  it('a first opinion needs no reason; withdrawing none is refused', () => {
    expect(checkOpinionChange(null, agree, null)).toEqual({ ok: true });
    expect(checkOpinionChange(null, null, 'x')).toMatchObject({ ok: false, code: 'OPINION_NOT_RECORDED' });
  });
  it('a change or withdrawal without a reason is refused; the same opinion again is not a change', () => {
    expect(checkOpinionChange(agree, { stance: 'abstain', words: '' }, ' ')).toMatchObject({ ok: false, code: 'OPINION_CHANGE_REASON_REQUIRED', field: 'reason', citation: { article: '第四十七条' } });
    expect(checkOpinionChange(agree, null, undefined)).toMatchObject({ ok: false, code: 'OPINION_CHANGE_REASON_REQUIRED' });
    expect(checkOpinionChange(agree, { stance: 'agree', words: ' ' }, null)).toEqual({ ok: true });
    expect(checkOpinionChange(agree, { stance: 'disagree', words: '证据不足' }, '会前阅卷后改变意见')).toEqual({ ok: true });
  });
});

describe('行政处罚法 第五十七条第二款: the concluded discussion takes self-recorded opinions as recorded', () => {
  const recorded = [{ memberId: 8, stance: 'disagree' as const, words: '罚款过重', updatedAt: '2021-07-20T02:00:00.000Z' }];
  it('merges minuted and self-recorded opinions in order of attendance and marks the self-recorded', () => {
    const merged = mergeDiscussionOpinions([{ memberId: 7, opinion: '同意' }], recorded, [8, 7]);
    expect(merged).toEqual({
      ok: true,
      opinions: [
        { memberId: 8, opinion: '不同意：罚款过重', selfRecorded: true, stance: 'disagree', recordedAt: '2021-07-20T02:00:00.000Z' },
        { memberId: 7, opinion: '同意', selfRecorded: false },
      ],
    });
  });
  it('accepts an entry that repeats the recorded opinion, refuses one that rewrites it, naming the member', () => {
    expect(mergeDiscussionOpinions([{ memberId: 8, opinion: opinionTextOf('disagree', '罚款过重') }], recorded, [7, 8])).toMatchObject({ ok: true });
    expect(mergeDiscussionOpinions([{ memberId: 7, opinion: '同意' }, { memberId: 8, opinion: '同意' }], recorded, [7, 8]))
      .toMatchObject({ ok: false, code: 'OPINION_SELF_RECORDED', field: 'opinions.1.opinion', params: { memberId: 8 }, citation: { article: '第五十七条' } });
  });
  it('refuses a member twice and a discussion without any opinion', () => {
    expect(mergeDiscussionOpinions([{ memberId: 7, opinion: '同意' }, { memberId: 7, opinion: '反对' }], [], [7])).toMatchObject({ ok: false, code: 'OPINION_MEMBER_TWICE', field: 'opinions.1.memberId' });
    expect(mergeDiscussionOpinions([], [], [7])).toMatchObject({ ok: false, code: 'OPINIONS_REQUIRED', field: 'opinions' });
  });
  it('words the stance as the record carries it', () => {
    expect(opinionTextOf('agree', '')).toBe('同意拟处理意见');
    expect(opinionTextOf('abstain', ' 回避 ')).toBe('弃权：回避');
  });
});

describe('行政处罚法 第五十七条, 第五十八条: only an opinion on the proposal as it now stands counts', () => {
  it('is current when recorded after the case review and the legal review, not before either', () => {
    expect(isCurrentOpinion('2021-07-19T05:00:00.000Z', ['2021-07-19T04:00:00.000Z', '2021-07-19T05:00:00.000Z'])).toBe(true);
    expect(isCurrentOpinion('2021-07-19T05:00:00.000Z', ['2021-07-19T04:00:00.000Z', '2021-07-19T06:00:00.000Z'])).toBe(false);
    expect(isCurrentOpinion('2021-07-19T05:00:00.000Z', ['2021-07-19T07:00:00.000Z', null])).toBe(false);
    expect(isCurrentOpinion('2021-07-19T05:00:00.000Z', [null, null])).toBe(true);
  });
});
