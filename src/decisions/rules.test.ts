import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_ARRANGEMENTS } from '../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../law/holiday-arrangement.js';
import {
  checkArchive, checkCommentPeriod, checkCommentSubmission, checkDecision, checkDiscussion, checkEvaluation, checkMeetingRecord, checkProposal,
  checkPublication, checkReviewCompletion, checkReviewSubmission, checkStepDate, type DecisionFacts, type MeetingOpinion,
} from './rules.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const base: DecisionFacts = {
  step: 'comment', catalogueStatus: 'published', planned: { hearing: false, experts: false, risk: false },
  comment: { startOn: '2020-06-01', endOn: '2020-06-30', unanswered: 0 },
  hearingOn: null, expertsOn: null, riskOn: null,
  review: { submittedOn: null, completedOn: null, passed: null },
  discussedOn: null, decidedOn: null, publishedOn: null,
};
const LAW = '重大行政决策程序暂行条例';

describe('重大行政决策程序暂行条例 第三条第三款: decisions start from the approved catalogue', () => {
  it('refuses a proposal from a draft catalogue', () => {
    expect(checkProposal({ ...base, step: 'listed', catalogueStatus: 'draft' })).toMatchObject({ ok: false, code: 'DECISION_CATALOGUE_NOT_APPROVED', citation: { law: LAW, article: '第三条' } });
  });
  it.each(['approved', 'published'] as const)('allows a proposal from a catalogue %s', (s) => {
    expect(checkProposal({ ...base, step: 'listed', catalogueStatus: s })).toEqual({ ok: true });
  });
});

describe('重大行政决策程序暂行条例 第十五条第一款: public comment at least 30 days, or a shortened period with its reason', () => {
  it('allows 30 days counted inclusively', () => expect(checkCommentPeriod('2020-06-01', '2020-06-30', null)).toEqual({ ok: true }));
  it('refuses 29 days without a reason', () => {
    expect(checkCommentPeriod('2020-06-01', '2020-06-29', '  ')).toMatchObject({ ok: false, code: 'DECISION_COMMENT_PERIOD_SHORT', field: 'shortenedReason', citation: { article: '第十五条' } });
  });
  it('allows a shortened period with its reason', () => expect(checkCommentPeriod('2020-06-01', '2020-06-10', '防汛紧急')).toEqual({ ok: true }));
  it('refuses an end before the start', () => expect(checkCommentPeriod('2020-06-10', '2020-06-01', 'x')).toMatchObject({ code: 'DECISION_COMMENT_PERIOD_INVALID', field: 'endOn' }));
  it('takes comments only within the period', () => {
    expect(checkCommentSubmission(base, '2020-06-30')).toEqual({ ok: true });
    expect(checkCommentSubmission(base, '2020-07-01')).toMatchObject({ ok: false, code: 'DECISION_COMMENT_CLOSED', citation: { article: '第十五条' } });
    expect(checkCommentSubmission(base, '2020-05-31')).toMatchObject({ ok: false, code: 'DECISION_COMMENT_CLOSED' });
  });
  it('refuses sending the draft for review while the period runs', () => {
    expect(checkReviewSubmission(base, '2020-06-30')).toMatchObject({ ok: false, code: 'DECISION_COMMENT_PERIOD_RUNNING', citation: { article: '第十五条' } });
    expect(checkReviewSubmission(base, '2020-07-01')).toEqual({ ok: true });
  });
});

describe('重大行政决策程序暂行条例 第十八条: every comment answered before legality review', () => {
  it('refuses with an unanswered comment, allows when none is left', () => {
    expect(checkReviewSubmission({ ...base, comment: { ...base.comment, unanswered: 2 } }, '2020-07-01'))
      .toMatchObject({ ok: false, code: 'DECISION_COMMENTS_UNANSWERED', citation: { article: '第十八条' } });
    expect(checkReviewSubmission(base, '2020-07-01')).toEqual({ ok: true });
  });
});

describe('重大行政决策程序暂行条例 第十六条, 第十九条, 第二十二条: planned hearing, expert argumentation, risk assessment done before review', () => {
  it.each([
    ['hearing', 'DECISION_HEARING_MISSING', '第十六条'], ['experts', 'DECISION_EXPERTS_MISSING', '第十九条'], ['risk', 'DECISION_RISK_MISSING', '第二十二条'],
  ] as const)('refuses when the planned %s is missing', (kind, code, article) => {
    const f = { ...base, planned: { ...base.planned, [kind]: true } };
    expect(checkReviewSubmission(f, '2020-07-01')).toMatchObject({ ok: false, code, citation: { article } });
    const done = { ...f, hearingOn: '2020-06-20', expertsOn: '2020-06-20', riskOn: '2020-06-20' };
    expect(checkReviewSubmission(done, '2020-07-01')).toEqual({ ok: true });
  });
});

describe('重大行政决策程序暂行条例 第二十六条第二款: legality review takes at least 7 working days', () => {
  const f: DecisionFacts = { ...base, step: 'review-submitted', review: { submittedOn: '2020-09-28', completedOn: null, passed: null } };
  // National Day 2020: 10-01..10-08 rest, Sat 10-10 a working day; the 7th working day after 09-28 is 10-14.
  it('refuses on the 6th working day, across the holiday', () => {
    expect(checkReviewCompletion(cal, f, '2020-10-13')).toMatchObject({ ok: false, code: 'DECISION_REVIEW_TOO_SHORT', field: 'completedOn', citation: { article: '第二十六条', paragraph: '第二款' } });
  });
  it('allows the 7th working day', () => expect(checkReviewCompletion(cal, f, '2020-10-14')).toEqual({ ok: true }));
  it('refuses a review of a draft never sent', () => {
    expect(checkReviewCompletion(cal, base, '2020-10-14')).toMatchObject({ ok: false, code: 'DECISION_REVIEW_NOT_SUBMITTED' });
  });
});

describe('重大行政决策程序暂行条例 第二十五条第二款: no collective discussion before a passed legality review', () => {
  it('refuses an unreviewed draft', () => expect(checkDiscussion(base)).toMatchObject({ ok: false, code: 'DECISION_REVIEW_MISSING', citation: { article: '第二十五条', paragraph: '第二款' } }));
  it('refuses a draft found unlawful', () => {
    expect(checkDiscussion({ ...base, step: 'reviewed', review: { submittedOn: '2020-07-01', completedOn: '2020-07-10', passed: false } }))
      .toMatchObject({ ok: false, code: 'DECISION_REVIEW_NOT_PASSED', citation: { article: '第二十五条' } });
  });
  it('allows a passed draft', () => {
    expect(checkDiscussion({ ...base, step: 'reviewed', review: { submittedOn: '2020-07-01', completedOn: '2020-07-10', passed: true } })).toEqual({ ok: true });
  });
});

describe('重大行政决策程序暂行条例 第三十条第二款: the head speaks last; departing from the majority needs reasons', () => {
  const m = (name: string, stance: MeetingOpinion['stance'], isHead = false): MeetingOpinion => ({ name, stance, isHead, text: '' });
  it('refuses when the head does not speak last', () => {
    expect(checkMeetingRecord([m('局长', 'agree', true), m('副局长', 'agree')], 'adopt', null))
      .toMatchObject({ ok: false, code: 'DECISION_HEAD_NOT_LAST', field: 'opinions', citation: { article: '第三十条', paragraph: '第二款' } });
  });
  it('refuses a record without the head', () => expect(checkMeetingRecord([m('副局长', 'agree')], 'adopt', null)).toMatchObject({ code: 'DECISION_HEAD_OPINION_REQUIRED' }));
  it('refuses adopting against the majority without reasons, allows it with them', () => {
    const ops = [m('甲', 'disagree'), m('乙', 'disagree'), m('丙', 'agree'), m('局长', 'agree', true)];
    expect(checkMeetingRecord(ops, 'adopt', ' ')).toMatchObject({ ok: false, code: 'DECISION_DEPARTURE_REASON_REQUIRED', field: 'departureReason' });
    expect(checkMeetingRecord(ops, 'adopt', '风险可控，时间紧迫')).toEqual({ ok: true });
    expect(checkMeetingRecord(ops, 'reject', null)).toEqual({ ok: true });
  });
  it('allows following the majority without reasons', () => {
    expect(checkMeetingRecord([m('甲', 'agree'), m('乙', 'abstain'), m('局长', 'agree', true)], 'adopt', null)).toEqual({ ok: true });
  });
});

describe('重大行政决策程序暂行条例 第三十条第一款, 第三十二条, 第三十三条, 第三十六条: decision, publication, archive, post-evaluation in order', () => {
  it('no decision before collective discussion', () => {
    expect(checkDecision(base)).toMatchObject({ ok: false, code: 'DECISION_DISCUSSION_MISSING', citation: { article: '第三十条', paragraph: '第一款' } });
    expect(checkDecision({ ...base, step: 'discussed', discussedOn: '2020-08-01' })).toEqual({ ok: true });
  });
  it('no publication before the decision', () => {
    expect(checkPublication(base)).toMatchObject({ ok: false, code: 'DECISION_NOT_DECIDED', citation: { article: '第三十二条' } });
    expect(checkPublication({ ...base, step: 'decided', decidedOn: '2020-08-02' })).toEqual({ ok: true });
  });
  it('archive after publication, evaluation after archive', () => {
    expect(checkArchive(base)).toMatchObject({ code: 'DECISION_NOT_PUBLISHED', citation: { article: '第三十三条' } });
    expect(checkArchive({ ...base, step: 'published', publishedOn: '2020-08-03' })).toEqual({ ok: true });
    expect(checkEvaluation({ ...base, step: 'published', publishedOn: '2020-08-03' })).toMatchObject({ code: 'DECISION_NOT_ARCHIVED' });
    expect(checkEvaluation({ ...base, step: 'archived', publishedOn: '2020-08-03' })).toEqual({ ok: true });
  });
});

describe('dates entered: not before the previous step, not in the future', () => {
  it.each([
    ['2020-06-01', '2020-06-02', '2020-07-01', 'DECISION_DATE_BEFORE_PREVIOUS_STEP'],
    ['2020-07-02', '2020-06-02', '2020-07-01', 'DATE_IN_FUTURE'],
  ])('%s after %s with today %s → %s', (on, prev, today, code) => {
    expect(checkStepDate(on, prev, today, 'f')).toMatchObject({ ok: false, code, field: 'f' });
  });
  it('allows the same day as the previous step', () => expect(checkStepDate('2020-06-02', '2020-06-02', '2020-07-01', 'f')).toEqual({ ok: true }));
});
