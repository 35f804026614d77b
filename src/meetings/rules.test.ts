import { describe, expect, it } from 'vitest';
import { checkAgenda, checkMeeting, computeMeetingYearFigures, type LawStudy, type MeetingKind } from './rules.js';

const study: LawStudy = { topic: '民法典', materials: '民法典总则编', speaker: '法规科科长' };

describe('meetings: recorded after they are held; study sessions study law', () => {
  it('refuses a future date and a study session without its law study', () => {
    expect(checkMeeting({ kind: 'party_group', heldOn: '2026-12-01', lawStudy: null }, '2026-12-01')).toEqual({ ok: true });
    expect(checkMeeting({ kind: 'party_group', heldOn: '2026-12-02', lawStudy: null }, '2026-12-01')).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'heldOn' });
    expect(checkMeeting({ kind: 'leadership_study', heldOn: '2026-12-01', lawStudy: null }, '2026-12-01')).toMatchObject({ code: 'MEETING_STUDY_TOPIC_REQUIRED', field: 'lawStudy' });
    expect(checkMeeting({ kind: 'leadership_study', heldOn: '2026-12-01', lawStudy: study }, '2026-12-01')).toEqual({ ok: true });
  });
  it('a case agenda item carries the case id', () => {
    expect(checkAgenda([{ kind: 'case', ref: '12', title: '某案' }])).toEqual({ ok: true });
    expect(checkAgenda([{ kind: 'other', ref: null, title: '其他' }, { kind: 'case', ref: 'abc', title: '某案' }])).toMatchObject({ code: 'MEETING_AGENDA_CASE_ID', field: 'agenda.1.ref' });
  });
});

describe('seed-figures #2, #4: meetings by kind with law study; leadership study at least once a quarter', () => {
  const m = (kind: MeetingKind, heldOn: string, withStudy = true) => ({ kind, heldOn, lawStudy: withStudy ? study : null });
  it('counts meetings held in the year by kind and those with law study before business', () => {
    const f = computeMeetingYearFigures([
      m('party_group', '2020-01-10'), m('party_group', '2020-02-10'), m('party_group', '2020-03-10', false), m('director', '2020-04-01'),
      m('party_group', '2019-12-31'), m('leadership_study', '2020-02-01'), m('leadership_study', '2020-08-01'), m('leadership_study', '2020-09-30'),
    ], 2020, '2020-12-31');
    expect(f.byKind.party_group).toEqual({ held: 3, withLawStudy: 2 });
    expect(f.byKind.director).toEqual({ held: 1, withLawStudy: 1 });
    expect(f.studyQuarters).toEqual([
      { quarter: 1, sessions: 1, missing: false }, { quarter: 2, sessions: 0, missing: true },
      { quarter: 3, sessions: 2, missing: false }, { quarter: 4, sessions: 0, missing: false },
    ]);
  });
  it('flags a quarter only once it has ended', () => {
    const f = computeMeetingYearFigures([], 2026, '2026-04-01');
    expect(f.studyQuarters.map((q) => q.missing)).toEqual([true, false, false, false]);
  });
});
