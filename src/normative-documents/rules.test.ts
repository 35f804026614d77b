import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_ARRANGEMENTS } from '../law/data/cn-holidays.js';
import { workingCalendarFromArrangements } from '../law/holiday-arrangement.js';
import {
  checkCleanup, checkCommentClose, checkCommentStart, checkDeliberation, checkFiling, checkIssue, checkPublication, checkReviewOpinion,
  checkStepDate, documentActions, expiryWarning, filingClock, isInForce, reviewDue, validUntil, type DocumentFacts, type NormativeSettings,
} from './rules.js';

const cal = workingCalendarFromArrangements(CN_HOLIDAY_ARRANGEMENTS);
const S: NormativeSettings = { numberPrefix: '烟环规', commentDays: 30, filingDays: 30, validityYears: 5, expiryWarningDays: 90 };
const today = '2026-06-30';
const base: DocumentFacts = {
  status: 'drafting', draftedOn: '2026-01-05', assessedOn: null, commentStartOn: null, commentPlannedEndOn: null, commentEndOn: null,
  review: null, deliberatedOn: null, issuedOn: null, publishedOn: null, filedOn: null, lastCleanupOn: null,
};
const at = (over: Partial<DocumentFacts>): DocumentFacts => ({ ...base, ...over });
const opinion = { passed: true, competence: '本局有权制定', procedure: '程序完备', content: '内容合法' };

describe('dates: not in the future, not before the previous step', () => {
  it('refuses a future date and one before the previous step, naming the field', () => {
    expect(checkStepDate('2026-07-01', null, today, 'x')).toMatchObject({ ok: false, code: 'DATE_IN_FUTURE', field: 'x' });
    expect(checkStepDate('2026-01-01', '2026-01-05', today, 'x')).toMatchObject({ ok: false, code: 'NORMATIVE_DATE_BEFORE_PREVIOUS_STEP', field: 'x' });
    expect(checkStepDate('2026-01-05', '2026-01-05', today, 'x')).toEqual({ ok: true });
  });
});

describe('国办发〔2018〕37号 二(三): public comment normally at least 30 days, every comment answered', () => {
  const assessed = at({ status: 'assessed', assessedOn: '2026-02-01' });
  it('refuses a shorter period without its reason, allows it with one', () => {
    expect(checkCommentStart(assessed, { startOn: '2026-02-02', plannedEndOn: '2026-02-20' }, S, today))
      .toMatchObject({ ok: false, code: 'NORMATIVE_COMMENT_PERIOD_SHORT', field: 'plannedEndOn', citation: { law: '国办发〔2018〕37号' } });
    expect(checkCommentStart(assessed, { startOn: '2026-02-02', plannedEndOn: '2026-02-20', shortReason: '上级限期部署' }, S, today)).toEqual({ ok: true });
    expect(checkCommentStart(assessed, { startOn: '2026-02-02', plannedEndOn: '2026-03-04' }, S, today)).toEqual({ ok: true });
  });
  it('the days are a setting', () => {
    expect(checkCommentStart(assessed, { startOn: '2026-02-02', plannedEndOn: '2026-02-20' }, { ...S, commentDays: 15 }, today)).toEqual({ ok: true });
  });
  const commenting = at({ status: 'commenting', assessedOn: '2026-02-01', commentStartOn: '2026-02-02', commentPlannedEndOn: '2026-03-04' });
  it('refuses closing before the planned end and with unanswered comments', () => {
    expect(checkCommentClose(commenting, { endOn: '2026-03-01', received: 0, answered: 0 }, today)).toMatchObject({ ok: false, code: 'NORMATIVE_COMMENT_PERIOD_NOT_OVER', field: 'endOn' });
    expect(checkCommentClose(commenting, { endOn: '2026-03-04', received: 3, answered: 2 }, today))
      .toMatchObject({ ok: false, code: 'NORMATIVE_COMMENTS_NOT_ANSWERED', field: 'answered', citation: { law: '国办发〔2018〕37号' } });
    expect(checkCommentClose(commenting, { endOn: '2026-03-04', received: 3, answered: 3 }, today)).toEqual({ ok: true });
  });
});

describe('国办发〔2018〕115号 二(四): legality review at least 5, at most 15 working days', () => {
  const underReview = at({ status: 'under_review', review: { submittedOn: '2026-03-02', reviewedOn: null, passed: null } }); // a Monday
  it('refuses an opinion after fewer than 5 working days', () => {
    expect(checkReviewOpinion(cal, underReview, { ...opinion, reviewedOn: '2026-03-06' }, today))
      .toMatchObject({ ok: false, code: 'NORMATIVE_REVIEW_TOO_SHORT', field: 'reviewedOn', citation: { law: '国办发〔2018〕115号' } });
    expect(checkReviewOpinion(cal, underReview, { ...opinion, reviewedOn: '2026-03-09' }, today)).toEqual({ ok: true });
  });
  it('refuses an opinion missing competence, procedure or content', () => {
    for (const field of ['competence', 'procedure', 'content'] as const) {
      expect(checkReviewOpinion(cal, underReview, { ...opinion, [field]: ' ', reviewedOn: '2026-03-10' }, today))
        .toMatchObject({ ok: false, code: 'NORMATIVE_REVIEW_OPINION_INCOMPLETE', field });
    }
  });
  it('the review is due 15 working days after submission, skipping the 清明 holiday', () => {
    expect(reviewDue(cal, '2026-03-02')).toMatchObject({ earliestOn: '2026-03-09', dueOn: '2026-03-23' });
    const due = reviewDue(cal, '2026-03-30').dueOn;
    expect(due > '2026-04-20').toBe(true);
  });
});

describe('国办发〔2018〕115号 二(二), 37号 二(五): no collective deliberation without a passed legality review', () => {
  it.each(['drafting', 'assessed', 'commenting', 'comment_closed', 'under_review'] as const)('refuses %s as unreviewed', (status) => {
    expect(checkDeliberation(at({ status }), '2026-04-01', today)).toMatchObject({ ok: false, code: 'NORMATIVE_REVIEW_MISSING', citation: { law: '国办发〔2018〕115号' } });
  });
  it('refuses a failed review and allows a passed one on or after its date', () => {
    const review = { submittedOn: '2026-03-02', reviewedOn: '2026-03-12', passed: false };
    expect(checkDeliberation(at({ status: 'review_failed', review }), '2026-04-01', today)).toMatchObject({ ok: false, code: 'NORMATIVE_REVIEW_NOT_PASSED' });
    const passed = at({ status: 'review_passed', review: { ...review, passed: true } });
    expect(checkDeliberation(passed, '2026-03-11', today)).toMatchObject({ ok: false, code: 'NORMATIVE_DATE_BEFORE_PREVIOUS_STEP', field: 'meetingOn' });
    expect(checkDeliberation(passed, '2026-03-12', today)).toEqual({ ok: true });
  });
});

describe('国办发〔2018〕37号 二(六): 统一印发 after deliberation; publication after issue; filing after publication', () => {
  it('refuses issuing before deliberation, and twice', () => {
    expect(checkIssue(at({ status: 'review_passed' }), { issuedOn: '2026-04-01', effectiveOn: '2026-04-01' }, today)).toMatchObject({ ok: false, code: 'NORMATIVE_DELIBERATION_MISSING' });
    expect(checkIssue(at({ status: 'issued', issuedOn: '2026-04-01' }), { issuedOn: '2026-04-02', effectiveOn: '2026-04-02' }, today)).toMatchObject({ ok: false, code: 'NORMATIVE_ALREADY_ISSUED' });
    expect(checkIssue(at({ status: 'deliberated', deliberatedOn: '2026-04-01' }), { issuedOn: '2026-04-02', effectiveOn: '2026-04-01' }, today)).toMatchObject({ ok: false, field: 'effectiveOn' });
    expect(checkIssue(at({ status: 'deliberated', deliberatedOn: '2026-04-01' }), { issuedOn: '2026-04-02', effectiveOn: '2026-05-01' }, today)).toEqual({ ok: true });
    // 37号 二(六) 统一编号: a government document carries the government's number; the bureau's is numbered from its series.
    const ready = at({ status: 'deliberated', deliberatedOn: '2026-04-01' });
    expect(checkIssue(ready, { issuedOn: '2026-04-02', effectiveOn: '2026-04-02', level: 'government', documentNumber: '烟政发〔2026〕3号' }, today)).toEqual({ ok: true });
    expect(checkIssue(ready, { issuedOn: '2026-04-02', effectiveOn: '2026-04-02', level: 'government', documentNumber: ' ' }, today))
      .toMatchObject({ ok: false, code: 'NORMATIVE_DOCUMENT_NUMBER_LEVEL', field: 'documentNumber', citation: { law: '国办发〔2018〕37号' } });
    expect(checkIssue(ready, { issuedOn: '2026-04-02', effectiveOn: '2026-04-02', level: 'bureau', documentNumber: '烟环发〔2026〕1号' }, today))
      .toMatchObject({ ok: false, code: 'NORMATIVE_DOCUMENT_NUMBER_LEVEL' });
  });
  it('政府信息公开条例 第二十条(一): publication only once issued', () => {
    expect(checkPublication(at({ status: 'deliberated' }), '2026-04-03', today)).toMatchObject({ ok: false, code: 'NORMATIVE_NOT_ISSUED' });
    expect(checkPublication(at({ status: 'issued', issuedOn: '2026-04-02' }), '2026-04-03', today)).toEqual({ ok: true });
  });
  it('山东省令第337号: filing after publication, once; the clock flags late filing', () => {
    expect(checkFiling(at({ status: 'issued', issuedOn: '2026-04-02' }), '2026-04-03', today)).toMatchObject({ ok: false, code: 'NORMATIVE_NOT_PUBLISHED' });
    expect(checkFiling(at({ status: 'published', publishedOn: '2026-04-03', filedOn: '2026-04-05' }), '2026-04-06', today)).toMatchObject({ ok: false, code: 'NORMATIVE_ALREADY_FILED' });
    expect(checkFiling(at({ status: 'published', publishedOn: '2026-04-03' }), '2026-04-05', today)).toEqual({ ok: true });
    expect(filingClock('2026-04-03', null, S, '2026-05-03')).toMatchObject({ dueOn: '2026-05-03', overdue: false, daysLeft: 0 });
    expect(filingClock('2026-04-03', null, S, '2026-05-04')).toMatchObject({ overdue: true });
    expect(filingClock('2026-04-03', '2026-05-10', S, today)).toMatchObject({ onTime: false });
    expect(filingClock('2026-04-03', '2026-05-10', { ...S, filingDays: 40 }, today)).toMatchObject({ onTime: true });
  });
});

describe('国办发〔2018〕37号 四: validity and clean-up', () => {
  it('validity runs the set years from the effective date; warnings come the set days before', () => {
    expect(validUntil('2026-04-01', 5)).toBe('2031-03-31');
    expect(expiryWarning('2031-03-31', S, '2030-12-31')).toMatchObject({ daysLeft: 90, expired: false });
    expect(expiryWarning('2031-03-31', S, '2030-12-30')).toBeNull();
  });
  it('in force: published, not ended, within validity', () => {
    const d = { publishedOn: '2026-04-03', effectiveOn: '2026-04-01', validUntilOn: '2031-03-31', endedOn: null };
    expect(isInForce(d, '2026-04-02')).toBe(false);
    expect(isInForce(d, '2026-04-03')).toBe(true);
    expect(isInForce(d, '2031-04-01')).toBe(false);
    expect(isInForce({ ...d, endedOn: '2027-01-01' }, '2027-01-01')).toBe(false);
  });
  it('cleans up only documents in force, not before the last clean-up', () => {
    expect(checkCleanup(at({ status: 'repealed' }), '2026-05-01', today)).toMatchObject({ ok: false, code: 'NORMATIVE_NOT_IN_FORCE' });
    expect(checkCleanup(at({ status: 'published', publishedOn: '2026-04-03', lastCleanupOn: '2026-05-02' }), '2026-05-01', today)).toMatchObject({ ok: false, field: 'cleanedOn' });
    expect(checkCleanup(at({ status: 'published', publishedOn: '2026-04-03' }), '2026-05-01', today)).toEqual({ ok: true });
  });
  it('lists the actions the state allows', () => {
    expect(documentActions(at({ status: 'review_passed' }))).toEqual(['deliberate']);
    expect(documentActions(at({ status: 'published', filedOn: null }))).toEqual(['file', 'cleanup']);
    expect(documentActions(at({ status: 'repealed' }))).toEqual([]);
  });
});
