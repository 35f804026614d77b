// What lands on each role's workbench (工作台): pure, no I/O; the signed-in principal and today are passed in.
import { can, type Principal } from '../platform/auth/roles.js';
import { yearOf } from '../law/civil-date.js';

export const TASK_KEYS = [
  'investigating', 'notices_to_serve', 'decisions_to_serve', 'overdue_cases',
  'case_review', 'legal_review', 'collective_discussion', 'deciding', 'open_leads', 'threshold_review',
] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

/** The stages a case list can be filtered by (a subset of the procedure's CASE_STAGES). */
export type TaskStage = 'investigating' | 'notification' | 'decided' | 'case_review' | 'legal_review' | 'collective_discussion' | 'deciding';

/** One task group: the case list (or lead list) filter it counts with; its link opens that list with the same filter. */
export type TaskSpec =
  | { key: TaskKey; list: 'cases'; filter: { stage?: TaskStage; officerId?: number; overdue?: true } }
  | { key: TaskKey; list: 'leads'; filter: { status: 'open' } }
  | { key: TaskKey; list: 'workbench/threshold-review'; filter: Record<string, never> };

/**
 * The task groups of a principal. Enforcement officers see the cases they are assigned to (officerId);
 * other roles see every case of their scope (district or city, as the lists scope them).
 */
export function taskSpecsFor(p: Principal): TaskSpec[] {
  const specs: TaskSpec[] = [];
  if (can(p, 'case.write')) {
    const mine = p.role === 'enforcement_officer' ? { officerId: p.id } : {};
    specs.push(
      { key: 'investigating', list: 'cases', filter: { stage: 'investigating', ...mine } },
      { key: 'notices_to_serve', list: 'cases', filter: { stage: 'notification', ...mine } },
      { key: 'decisions_to_serve', list: 'cases', filter: { stage: 'decided', ...mine } },
      { key: 'overdue_cases', list: 'cases', filter: { overdue: true, ...mine } },
    );
  }
  // 审查 (case review) is the leaders' step; legal reviewers hold case.examine too but work the legal-review queue.
  if (can(p, 'case.examine') && (p.role !== 'legal_reviewer')) specs.push({ key: 'case_review', list: 'cases', filter: { stage: 'case_review' } });
  if (can(p, 'case.legal_review')) specs.push({ key: 'legal_review', list: 'cases', filter: { stage: 'legal_review' } });
  if (can(p, 'committee.manage')) specs.push({ key: 'collective_discussion', list: 'cases', filter: { stage: 'collective_discussion' } });
  if (can(p, 'case.decide')) specs.push({ key: 'deciding', list: 'cases', filter: { stage: 'deciding' } });
  if (can(p, 'case.file')) specs.push({ key: 'open_leads', list: 'leads', filter: { status: 'open' } });
  // The hearing-threshold review after the bureau changes its figures (环境行政处罚听证程序规定 第五条) is the legal reviewers'.
  if (can(p, 'case.legal_review')) specs.push({ key: 'threshold_review', list: 'workbench/threshold-review', filter: {} });
  return specs;
}

/** The web route and query string of the list a task group opens (the API list is `/api` + the same). */
export function taskLink(spec: TaskSpec): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(spec.filter)) if (v !== undefined) q.set(k, String(v));
  const query = q.toString();
  return query ? `/${spec.list}?${query}` : `/${spec.list}`;
}

/** The menu entry each task group counts towards. */
export function menuKeyOf(key: TaskKey): 'cases' | 'leads' | 'review-queue' | 'committee' | 'workbench' {
  if (key === 'open_leads') return 'leads';
  // Its list is a workbench page: the workbench entry carries its count.
  if (key === 'threshold_review') return 'workbench';
  if (key === 'legal_review') return 'review-queue';
  if (key === 'collective_discussion') return 'committee';
  return 'cases';
}

/**
 * 行政处罚法 第六十三条, 第六十四条: a fine of 较大数额 (at or above the bureau's hearing threshold, 环境行政处罚听证程序规定
 * 第五条) must come with notice of the right to a hearing. After the threshold changes, an open case whose
 * notice was served without that right but whose proposal now reaches the threshold needs the reviewer
 * (a new notice offering the hearing); a notice that offered a hearing the new figure no longer requires
 * took nothing from the party.
 */
export function needsThresholdReview(item: { notified: boolean; hearingOffered: boolean | null; hearingUnderCurrent: boolean }): boolean {
  return item.notified && item.hearingOffered === false && item.hearingUnderCurrent;
}

export type CalendarBanner =
  | { kind: 'current_year_missing'; year: number }
  | { kind: 'next_year_missing'; year: number };

/**
 * The calendar banner: the State Council publishes next year's holiday arrangement late in the year, so
 * from 1 November a missing next year is announced (deadlines reaching into it are 暂定, computed on the
 * provisional calendar); a missing current year is announced all year.
 */
export function calendarBanner(todayOn: string, recordedYears: readonly number[]): CalendarBanner | null {
  const year = yearOf(todayOn);
  if (!recordedYears.includes(year)) return { kind: 'current_year_missing', year };
  if (todayOn.slice(5) >= '11-01' && !recordedYears.includes(year + 1)) return { kind: 'next_year_missing', year: year + 1 };
  return null;
}
