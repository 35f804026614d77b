// The workbench's read model. Every count comes from the list query of the page it links to, with the
// same filter and the same principal (so the same district scope): the count is that list's total, from
// the count the list itself runs (countCases, countLeads) or the items the board lists (openDeadlineItems).
import type { Db } from '../platform/db/index.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { chinaDateOf } from '../law/civil-date.js';
import { casesBetweenHearingThresholds, countCases, countLeads, deadlineBoard, listMeetings, openDeadlineItems, type DeadlineItem } from '../cases/index.js';
import { hearingThresholdsBefore } from '../settings/index.js';
import { listEvents } from '../monitoring/index.js';
import { computeDistrictDailyRanking, dataExtent, loadAreaUnits } from '../air-quality/index.js';
import { listRecordedYears } from '../calendar/index.js';
import { calendarBanner, menuKeyOf, needsThresholdReview, taskLink, taskSpecsFor, type TaskKey, type TaskSpec } from './rules.js';

/** "Due soon" on the workbench: within seven natural days. */
export const WORKBENCH_DUE_DAYS = 7;
const EXCEEDANCE_FILTER = { group: 'exceedance', ongoing: true } as const;
const EXCEEDANCE_LINK = '/monitoring/events?group=exceedance&ongoing=true';

/**
 * The hearing-threshold review (环境行政处罚听证程序规定 第五条; 行政处罚法 第六十三条): the figures in force and
 * those before the latest change, and the open cases between them whose notice withheld a hearing the
 * figure in force gives. The task's count is this list's length.
 */
export async function listThresholdReview(db: Db, p: Principal) {
  const before = await hearingThresholdsBefore(db);
  // Old figure first, the one in force second: `hearingUnderNew` is the hearing under the figure in force.
  const between = await casesBetweenHearingThresholds(db, p, before.thresholds, before.current);
  const items = between.map(({ hearingUnderNew, ...i }) => ({ ...i, hearingUnderCurrent: hearingUnderNew })).filter(needsThresholdReview);
  return { current: before.current, previous: before.thresholds, source: before.source, changedAt: before.changedAt?.toISOString() ?? null, total: items.length, items };
}

async function countTask(db: Db, p: Principal, spec: TaskSpec, todayOn: string): Promise<number> {
  if (spec.list === 'leads') return countLeads(db, p, spec.filter.status);
  if (spec.list === 'workbench/threshold-review') return (await listThresholdReview(db, p)).total;
  const { overdue, ...filter } = spec.filter;
  return countCases(db, p, { ...filter, overdueOn: overdue ? todayOn : undefined });
}

export async function loadTasks(db: Db, p: Principal, now: Date): Promise<{ key: TaskKey; count: number; link: string }[]> {
  if (!can(p, 'case.read')) return [];
  const todayOn = chinaDateOf(now);
  return Promise.all(taskSpecsFor(p).map(async (spec) => ({ key: spec.key, count: await countTask(db, p, spec, todayOn), link: taskLink(spec) })));
}

/** The deadlines board's items the workbench shows: an enforcement officer's only those of the cases assigned to them. */
function ownDeadlines<T extends Pick<DeadlineItem, 'officerIds'>>(p: Principal, items: T[]): T[] {
  return p.role === 'enforcement_officer' ? items.filter((i) => i.officerIds.includes(p.id)) : items;
}

/** Overdue and due within seven days, from the deadlines board; an enforcement officer's only those of the cases assigned to them. */
export async function loadDeadlines(db: Db, p: Principal, now: Date) {
  if (!can(p, 'case.read')) return null;
  const board = await deadlineBoard(db, p, now, WORKBENCH_DUE_DAYS);
  const officer = p.role === 'enforcement_officer';
  const shown = ownDeadlines(p, board.items);
  return {
    withinDays: WORKBENCH_DUE_DAYS,
    scope: officer ? 'mine' as const : 'all' as const,
    overdue: shown.filter((i) => i.state === 'overdue').length,
    dueSoon: shown.filter((i) => i.state === 'due_soon').length,
    link: `/deadlines?withinDays=${WORKBENCH_DUE_DAYS}`,
    items: shown.slice(0, 8).map((i) => ({
      kind: i.kind, caseId: i.caseId, leadId: i.leadId, number: i.number, dueOn: i.dueOn, state: i.state, provisional: i.provisional,
    })),
  };
}

/** Today's committee meetings (they are recorded on the day, never ahead) that the principal chairs, sits on or attends; cases waiting for one are the collective_discussion task. */
export async function loadMeetings(db: Db, p: Principal, now: Date) {
  if (!can(p, 'committee.manage')) return null;
  const todayOn = chinaDateOf(now);
  const mine = (await listMeetings(db))
    .filter((m) => m.heldOn >= todayOn && (m.chairId === p.id || m.memberIds.includes(p.id) || m.attendeeIds.includes(p.id)))
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  return { count: mine.length, link: '/committee', items: mine.slice(0, 5).map((m) => ({ id: m.id, heldOn: m.heldOn, location: m.location })) };
}

export async function loadExceedances(db: Db, p: Principal) {
  if (!can(p, 'monitoring.read')) return null;
  const { total, items } = await listEvents(db, p, EXCEEDANCE_FILTER, { page: 1, pageSize: 5 });
  return {
    count: total, link: EXCEEDANCE_LINK,
    items: items.map((r) => ({ id: r.event.id, kind: r.event.kind, enterpriseName: r.enterpriseName, pollutant: r.event.pollutant, startAt: r.event.startAt.toISOString() })),
  };
}

/** Today's AQI of the city and the principal's district with its rank; if today has no data yet, the latest day that has. */
export async function loadAir(db: Db, p: Principal, now: Date) {
  if (!can(p, 'quality.read')) return null;
  const todayOn = chinaDateOf(now);
  const units = await loadAreaUnits(db);
  const hasData = (rows: { stations: number }[]) => rows.some((r) => r.stations > 0);
  let on = todayOn;
  let rows = await computeDistrictDailyRanking(db, on, 'composite', units.districts);
  if (!hasData(rows)) {
    const last = (await dataExtent(db)).last;
    if (!last) return { on: null, isToday: false, link: '/air-quality/daily', city: null, district: null, ranked: 0 };
    on = last;
    rows = await computeDistrictDailyRanking(db, on, 'composite', units.districts);
  }
  const [cityRow] = await computeDistrictDailyRanking(db, on, 'composite', [units.city]);
  const own = p.districtId === null ? undefined : rows.find((r) => r.districtId === p.districtId);
  const pick = (r: (typeof rows)[number]) => ({ aqi: r.aqi, category: r.category, colour: r.colour });
  return {
    on, isToday: on === todayOn, link: `/air-quality/daily?date=${on}`,
    city: cityRow && cityRow.stations > 0 ? pick(cityRow) : null,
    district: own && own.stations > 0 ? { unitName: own.unitName, ...pick(own), rank: own.rank, tied: own.tied } : null,
    ranked: rows.filter((r) => r.rank !== null).length,
  };
}

export async function loadCalendarStatus(db: Db, p: Principal, now: Date) {
  const banner = calendarBanner(chinaDateOf(now), await listRecordedYears(db));
  return { banner, link: can(p, 'calendar.manage') ? '/calendar' : null };
}

/** Overdue and due within seven days: the board's items (as loadDeadlines shows them), counted without the board's extras. */
async function countDeadlines(db: Db, p: Principal, now: Date): Promise<number | null> {
  if (!can(p, 'case.read')) return null;
  return ownDeadlines(p, await openDeadlineItems(db, p, chinaDateOf(now), WORKBENCH_DUE_DAYS)).length;
}

async function countExceedances(db: Db, p: Principal): Promise<number | null> {
  if (!can(p, 'monitoring.read')) return null;
  return (await listEvents(db, p, EXCEEDANCE_FILTER, { page: 1, pageSize: 1 })).total;
}

/**
 * The menu badges: open work per menu entry, from the same counts the workbench shows. Fetched on every
 * navigation, so each count is the list's own count query, not the list (nor the whole board).
 */
export async function loadBadges(db: Db, p: Principal, now: Date): Promise<Record<string, number>> {
  const badges: Record<string, number> = {};
  const add = (key: string, n: number | null) => { if (n) badges[key] = (badges[key] ?? 0) + n; };
  const [tasks, deadlines, events] = await Promise.all([loadTasks(db, p, now), countDeadlines(db, p, now), countExceedances(db, p)]);
  // Overdue cases are also counted in their stage's group: not twice on the menu.
  for (const t of tasks) if (t.key !== 'overdue_cases') add(menuKeyOf(t.key), t.count);
  add('deadlines', deadlines);
  add('monitoring', events);
  return badges;
}

export async function loadWorkbench(db: Db, p: Principal, now: Date) {
  return {
    todayOn: chinaDateOf(now),
    role: p.role,
    tasks: await loadTasks(db, p, now),
    deadlines: await loadDeadlines(db, p, now),
    meetings: await loadMeetings(db, p, now),
    exceedances: await loadExceedances(db, p),
    air: await loadAir(db, p, now),
    calendar: await loadCalendarStatus(db, p, now),
  };
}
