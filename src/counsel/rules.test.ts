import { describe, expect, it } from 'vitest';
import { checkCounselTerm, checkOpinion, checkTaskAssignment, computeCounselYearFigures } from './rules.js';

const term = { termFromOn: '2026-01-01', termToOn: '2026-12-31' };

describe('counsel review tasks: assignment and opinion dates', () => {
  it('a task is assigned inside the counsel’s term, due not before the assignment, never in the future', () => {
    expect(checkTaskAssignment({ assignedOn: '2026-03-01', dueOn: '2026-03-10' }, term, '2026-12-01')).toEqual({ ok: true });
    expect(checkTaskAssignment({ assignedOn: '2025-12-31', dueOn: '2026-01-10' }, term, '2026-12-01')).toMatchObject({ code: 'COUNSEL_OUT_OF_TERM', field: 'counselId' });
    expect(checkTaskAssignment({ assignedOn: '2026-03-01', dueOn: '2026-02-28' }, term, '2026-12-01')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'dueOn' });
    expect(checkTaskAssignment({ assignedOn: '2026-12-02', dueOn: '2026-12-10' }, term, '2026-12-01')).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'assignedOn' });
    expect(checkTaskAssignment({ assignedOn: '2030-01-01', dueOn: '2030-01-02' }, { termFromOn: '2020-01-01', termToOn: null }, '2030-01-01')).toEqual({ ok: true });
  });

  it('the opinion is given once, dated between the assignment and today', () => {
    const t = { assignedOn: '2026-03-01', answeredOn: null };
    expect(checkOpinion(t, '2026-03-01', '2026-03-05')).toEqual({ ok: true });
    expect(checkOpinion(t, '2026-02-28', '2026-03-05')).toMatchObject({ code: 'DATE_BEFORE_PREVIOUS_STEP', field: 'answeredOn' });
    expect(checkOpinion(t, '2026-03-06', '2026-03-05')).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'answeredOn' });
    expect(checkOpinion({ ...t, answeredOn: '2026-03-02' }, '2026-03-03', '2026-03-05')).toMatchObject({ code: 'COUNSEL_TASK_ALREADY_ANSWERED' });
  });

  it('a term does not end before it starts', () => {
    expect(checkCounselTerm({ termFromOn: '2026-01-01', termToOn: '2025-12-31' })).toMatchObject({ code: 'COUNSEL_TERM_ENDS_BEFORE_START', field: 'termToOn' });
    expect(checkCounselTerm({ termFromOn: '2026-01-01', termToOn: null })).toEqual({ ok: true });
  });
});

describe('seed-figures #6: counsel reviews "20余次" count the tasks answered in the year', () => {
  it('counts answered tasks of the year per counsel and kind; rounds the phrase down to tens', () => {
    const tasks = [
      ...Array.from({ length: 18 }, () => ({ counselId: 1, subjectKind: 'normative_document' as const, answeredOn: '2020-05-01' })),
      ...Array.from({ length: 5 }, () => ({ counselId: 2, subjectKind: 'hearing' as const, answeredOn: '2020-11-30' })),
      { counselId: 2, subjectKind: 'hearing' as const, answeredOn: null },
      { counselId: 2, subjectKind: 'contract' as const, answeredOn: '2021-01-01' },
    ];
    const f = computeCounselYearFigures(tasks, 2020);
    expect(f).toMatchObject({ answered: 23, reportPhrase: '20余次', byKind: { normative_document: 18, hearing: 5, contract: 0 } });
    expect(f.byCounsel).toEqual([{ counselId: 1, answered: 18, byKind: { normative_document: 18 } }, { counselId: 2, answered: 5, byKind: { hearing: 5 } }]);
    expect(computeCounselYearFigures(tasks, 2021).reportPhrase).toBe('1次');
  });
});
