// Compliance history and watch list: load the records → apply the rules with `now`. Nothing is stored: each
// request recomputes from the records (the grid and the list can never disagree with them).
import type { Db } from '../platform/db/index.js';
import { can, type Principal } from '../platform/auth/roles.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { addDays, chinaDateOf } from '../law/civil-date.js';
import { loadBureauSettings, type BureauSettings } from '../settings/index.js';
import { CELL_STATUSES, computeComplianceGrid, computeWatchEntry, quartersUpTo, type GridCell, type GridThresholds, type SeriousRules } from './rules.js';
import {
  countDistrictEnterprises, enterpriseNames, findDistrictRow, findEnterpriseIdentity, latestPositiveListEntry, loadComplianceRecords, loadWatchFacts,
  permitsOfEnterprise, type Scope,
} from './queries.js';

const thresholdsOf = (s: BureauSettings): GridThresholds => ({ seriousFineFen: s.majorCase.largeFineOrganisationFen, seriousExceedanceEvents: s.watchList.exceedanceDays });
const rulesOf = (s: BureauSettings): SeriousRules => ({
  formalActionDays: s.watchList.formalActionDays, exceedanceDays: s.watchList.exceedanceDays, exceedanceWindowDays: s.watchList.exceedanceWindowDays, leadSources: s.watchList.leadSources,
  dailyPenalty: s.watchList.dailyPenalty,
});

export interface ComplianceGrid {
  todayOn: string;
  legend: { status: string }[];
  thresholds: GridThresholds;
  quarters: GridCell[];
}

async function gridOf(db: Db, scope: Scope, now: Date): Promise<ComplianceGrid> {
  const todayOn = chinaDateOf(now);
  const settings = await loadBureauSettings(db);
  const quarters = quartersUpTo(todayOn);
  const records = await loadComplianceRecords(db, scope, quarters[0]!.startOn);
  const thresholds = thresholdsOf(settings);
  return { todayOn, legend: CELL_STATUSES.map((status) => ({ status })), thresholds, quarters: computeComplianceGrid(records, todayOn, thresholds) };
}

/** The enterprise's public compliance page: identity, permits, positive-list status, the 12-quarter grid. */
export async function enterpriseCompliance(db: Db, id: number, now: Date): Promise<Result<unknown>> {
  const e = await findEnterpriseIdentity(db, id);
  if (!e) return refuse('NOT_FOUND');
  const [grid, permits, positive] = await Promise.all([gridOf(db, { enterpriseId: id }, now), permitsOfEnterprise(db, id), latestPositiveListEntry(db, id)]);
  return success({
    enterprise: e,
    permits: permits.map((p) => ({ number: p.number, managementClass: p.managementClass, status: p.status, validFrom: p.validFrom, validTo: p.validTo, endedOn: p.endedOn })),
    // Only a published entry is public (an approved one is not yet announced).
    positiveList: { listed: positive?.status === 'published', since: positive?.status === 'published' && positive.publishedAt ? chinaDateOf(positive.publishedAt) : null },
    ...grid,
  });
}

export async function districtCompliance(db: Db, id: number, now: Date): Promise<Result<unknown>> {
  const d = await findDistrictRow(db, id);
  if (!d) return refuse('NOT_FOUND');
  const [grid, enterpriseCount] = await Promise.all([gridOf(db, { districtId: id }, now), countDistrictEnterprises(db, id)]);
  return success({ district: d, enterpriseCount, ...grid });
}

/** Three years back: older violations are out of the grid's view too. */
const WATCH_LOOKBACK_DAYS = 3 * 366;

/** The watch list recomputed for `now`: listed enterprises (and, for staff, those still within the period). */
async function computeWatchList(db: Db, districtId: number | null, now: Date, includePending: boolean) {
  const todayOn = chinaDateOf(now);
  const settings = await loadBureauSettings(db);
  const rules = rulesOf(settings);
  const facts = await loadWatchFacts(db, districtId, addDays(todayOn, -WATCH_LOOKBACK_DAYS), rules.leadSources, rules.dailyPenalty === true);
  const entries = [...facts].map(([enterpriseId, f]) => ({ enterpriseId, f, w: computeWatchEntry(f, rules, todayOn) }))
    .filter((x) => x.w.listed || (includePending && x.w.violations.length > 0));
  const names = new Map((await enterpriseNames(db, entries.map((x) => x.enterpriseId))).map((n) => [n.id, n]));
  const items = entries.map((x) => ({ ...names.get(x.enterpriseId)!, enterpriseId: x.enterpriseId, listed: x.w.listed, violations: x.w.violations, leadSummaries: x.f.leadSummaries }))
    .sort((a, b) => Math.max(0, ...b.violations.map((v) => v.daysSince)) - Math.max(0, ...a.violations.map((v) => v.daysSince)) || a.enterpriseId - b.enterpriseId);
  return { todayOn, rules, publicView: settings.watchList.publicView, items };
}

/** Staff: listed and pending enterprises with the reason of each violation (a lead's summary too), within the user's district. */
export async function internalWatchList(db: Db, principal: Principal, now: Date): Promise<Result<unknown>> {
  if (!can(principal, 'case.read')) return refuse('FORBIDDEN');
  const w = await computeWatchList(db, principal.districtId, now, true);
  return success({
    todayOn: w.todayOn, rules: w.rules, publicView: w.publicView,
    items: w.items.map(({ leadSummaries, ...i }) => ({ ...i, violations: i.violations.map((v) => ({ ...v, reason: v.leadId ? leadSummaries.get(v.leadId) ?? null : null })) })),
  });
}

/** The public: only when the bureau publishes the list (settings.watchList.publicView); no lead summaries. */
export async function publicWatchList(db: Db, now: Date) {
  const settings = await loadBureauSettings(db);
  if (!settings.watchList.publicView) return { published: false as const, todayOn: chinaDateOf(now), items: [] };
  const w = await computeWatchList(db, null, now, false);
  return {
    published: true as const, todayOn: w.todayOn, formalActionDays: w.rules.formalActionDays,
    items: w.items.map((i) => ({
      enterpriseId: i.enterpriseId, name: i.name, creditCode: i.creditCode, districtName: i.districtName,
      violations: i.violations.filter((v) => v.state === 'listed').map((v) => ({ kind: v.kind, onOn: v.onOn, dueOn: v.dueOn, daysSince: v.daysSince, days: v.days ?? null, source: v.source ?? null })),
    })),
  };
}
