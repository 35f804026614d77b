import { describe, expect, it } from 'vitest';
import { calendarBanner, menuKeyOf, needsThresholdReview, taskLink, taskSpecsFor } from './rules.js';
import type { Principal, Role } from '../platform/auth/roles.js';

const principal = (role: Role, id = 7): Principal => ({ id, username: 'u', displayName: 'u', role, districtId: null, enterpriseId: null });

describe('calendar banner: next year\'s holiday arrangement (deadlines into it are 暂定)', () => {
  it('is silent on 10-31 even when next year is not recorded', () => {
    expect(calendarBanner('2026-10-31', [2026])).toBeNull();
  });
  it('announces a missing next year from 11-01', () => {
    expect(calendarBanner('2026-11-01', [2026])).toEqual({ kind: 'next_year_missing', year: 2027 });
    expect(calendarBanner('2026-12-31', [2025, 2026])).toEqual({ kind: 'next_year_missing', year: 2027 });
  });
  it('is silent from 11-01 once next year is recorded', () => {
    expect(calendarBanner('2026-11-01', [2026, 2027])).toBeNull();
    expect(calendarBanner('2026-10-31', [2026, 2027])).toBeNull();
  });
  it('announces a missing current year on any day', () => {
    expect(calendarBanner('2027-01-02', [2026])).toEqual({ kind: 'current_year_missing', year: 2027 });
    expect(calendarBanner('2026-10-31', [2027])).toEqual({ kind: 'current_year_missing', year: 2026 });
  });
});

describe('task groups per role', () => {
  it.each([
    ['enforcement_officer', ['investigating', 'notices_to_serve', 'decisions_to_serve', 'overdue_cases']],
    ['legal_reviewer', ['legal_review', 'threshold_review']],
    ['bureau_leader', ['case_review', 'collective_discussion', 'deciding', 'open_leads']],
    ['committee_member', ['collective_discussion']],
    ['licensing_staff', []],
    ['enterprise_user', []],
  ] as const)('%s', (role, keys) => {
    expect(taskSpecsFor(principal(role)).map((s) => s.key)).toEqual(keys);
  });

  it("an officer's groups are the cases assigned to them; links carry the list's filter", () => {
    const links = taskSpecsFor(principal('enforcement_officer', 42)).map(taskLink);
    expect(links).toEqual(['/cases?stage=investigating&officerId=42', '/cases?stage=notification&officerId=42', '/cases?stage=decided&officerId=42', '/cases?overdue=true&officerId=42']);
    expect(taskSpecsFor(principal('administrator')).map(taskLink)).toContain('/leads?status=open');
    expect(taskSpecsFor(principal('administrator')).map(taskLink)).toContain('/cases?stage=investigating');
  });
});

describe('行政处罚法 第六十三条 (环境行政处罚听证程序规定 第五条): the hearing-threshold review after the figures change', () => {
  const notice = { notified: true, hearingOffered: false, hearingUnderCurrent: true };
  it('needs review: the notice withheld the hearing the figure in force gives', () => {
    expect(needsThresholdReview(notice)).toBe(true);
  });
  it.each([
    ['not yet notified (the notice will apply the figure in force)', { ...notice, notified: false, hearingOffered: null }],
    ['the notice offered the hearing', { ...notice, hearingOffered: true }],
    ['the figure in force gives no hearing either', { ...notice, hearingUnderCurrent: false }],
    ['a hearing offered that the raised figure no longer requires (nothing taken from the party)', { notified: true, hearingOffered: true, hearingUnderCurrent: false }],
  ])('no review: %s', (_name, item) => {
    expect(needsThresholdReview(item)).toBe(false);
  });
  it("is the legal reviewers' task, opening its workbench list; the workbench menu entry counts it", () => {
    const spec = taskSpecsFor(principal('legal_reviewer')).find((s) => s.key === 'threshold_review')!;
    expect(taskLink(spec)).toBe('/workbench/threshold-review');
    expect(menuKeyOf('threshold_review')).toBe('workbench');
    expect(taskSpecsFor(principal('bureau_leader')).some((s) => s.key === 'threshold_review')).toBe(false);
  });
});
