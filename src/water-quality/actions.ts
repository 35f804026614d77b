// Load facts → apply the rules → write and audit, one transaction each.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../platform/db/index.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { actorOf, appendAudit, type Actor } from '../platform/audit/log.js';
import { chinaDateOf } from '../law/civil-date.js';
import type { Principal } from '../platform/auth/roles.js';
import { findDistrict, findTownship } from '../organisation/index.js';
import { recordPublication, type PublicationResult, type RankingSnapshot } from '../air-quality/index.js';
import { waterSamples, waterSites } from './tables.js';
import { findSite, findSiteIdByCode, listDistricts, listSamples, listSites, loadSiteCodeIndex, type SiteRow } from './queries.js';
import { findSampleProblems, findSiteProblems, type SiteFields } from './rules/sites.js';
import {
  computeDoubleIndex, computeSeaAndDrinking, computeSurfaceShares, evaluateSite, DEFAULT_DOUBLE_INDEX, type DoubleIndexConfig,
  type DoubleIndexRow, type SiteEvaluation, type SiteKind,
} from './rules/evaluation.js';

async function checkSite(tx: DbOrTx, f: SiteFields, selfId: number | null): Promise<Refusal | null> {
  if (!(await findDistrict(tx, f.districtId))) return refuse('DISTRICT_UNKNOWN', undefined, 'districtId');
  const township = f.townshipId === null ? null : await findTownship(tx, f.townshipId);
  const problem = findSiteProblems(f, f.townshipId === null ? null : township?.districtId)[0];
  if (problem) return refuse(problem.code, undefined, problem.field);
  const holder = await findSiteIdByCode(tx, f.code);
  if (holder !== null && holder !== selfId) return refuse('SITE_CODE_TAKEN', undefined, 'code');
  return null;
}

export async function insertSite(tx: Tx, actor: Actor, f: SiteFields, now: Date, reason: string | null): Promise<number> {
  const [row] = await tx.insert(waterSites).values({ ...f, createdAt: now, updatedAt: now }).returning({ id: waterSites.id });
  await appendAudit(tx, actor, { action: 'water.site.create', entity: 'water_site', entityId: row!.id, after: f, reason }, now);
  return row!.id;
}

export async function createSite(db: Db, principal: Principal, input: SiteFields, now: Date): Promise<Result<SiteRow>> {
  const f = { ...input, code: input.code.trim(), name: input.name.trim() };
  return db.transaction(async (tx) => {
    const problem = await checkSite(tx, f, null);
    if (problem) return problem;
    const id = await insertSite(tx, actorOf(principal), f, now, null);
    return success((await findSite(tx, id))!);
  });
}

export async function updateSite(db: Db, principal: Principal, id: number, input: SiteFields & { version: number }, now: Date): Promise<Result<SiteRow>> {
  const { version, ...rest } = input;
  const f = { ...rest, code: rest.code.trim(), name: rest.name.trim() };
  return db.transaction(async (tx) => {
    const before = await findSite(tx, id);
    if (!before) return refuse('NOT_FOUND');
    if (before.version !== version) return refuse('VERSION_CONFLICT');
    const problem = await checkSite(tx, f, id);
    if (problem) return problem;
    await tx.update(waterSites).set({ ...f, version: version + 1, updatedAt: now }).where(eq(waterSites.id, id));
    await appendAudit(tx, actorOf(principal), { action: 'water.site.update', entity: 'water_site', entityId: id, before, after: f }, now);
    return success((await findSite(tx, id))!);
  });
}

export interface SampleInput { siteCode: string; month: string; sampledOn?: string | null; dry?: boolean; values: Record<string, number> }
export interface SampleError { row: number; field: string; code: string }
export interface SampleImportSummary { rows: number; skipped: number; errors: SampleError[] }

/** Imports monthly samples (one per site and month: a re-import replaces it), all-or-nothing unless skipInvalid. */
export async function importSamples(db: Db, actor: Actor, rows: readonly { row: number; input: SampleInput }[], parseErrors: readonly SampleError[],
  options: { skipInvalid: boolean; source: string }, now: Date): Promise<Result<SampleImportSummary> | (Refusal & { errors: SampleError[] })> {
  const codes = await loadSiteCodeIndex(db);
  const kinds = new Map((await listSites(db)).map((s) => [s.id, s.kind as SiteKind]));
  const errors: SampleError[] = [...parseErrors];
  const today = chinaDateOf(now);
  const good: { siteId: number; month: string; sampledOn: string; values: Record<string, number>; dry: boolean }[] = [];
  const seen = new Set<string>();
  for (const { row, input } of rows) {
    const siteId = codes.get(String(input.siteCode ?? '').trim());
    if (siteId === undefined) { errors.push({ row, field: 'siteCode', code: 'SITE_UNKNOWN' }); continue; }
    const problems = findSampleProblems(kinds.get(siteId)!, input.month, input.values ?? {}, input.dry ?? false);
    const sampledOn = input.sampledOn ?? `${input.month}-15`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(sampledOn) || !sampledOn.startsWith(input.month)) problems.push({ field: 'sampledOn', code: 'DATE_INVALID' });
    // A sample cannot be recorded before it is taken (without a date, the month must have begun).
    else if (input.sampledOn ? sampledOn > today : input.month > today.slice(0, 7)) problems.push({ field: input.sampledOn ? 'sampledOn' : 'month', code: 'DATE_IN_FUTURE' });
    if (problems.length) { for (const p of problems) errors.push({ row, ...p }); continue; }
    const key = `${siteId}|${input.month}`;
    if (seen.has(key)) { errors.push({ row, field: 'month', code: 'SAMPLE_DUPLICATE_IN_FILE' }); continue; }
    seen.add(key);
    good.push({ siteId, month: input.month, sampledOn, values: input.values ?? {}, dry: input.dry ?? false });
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length && !options.skipInvalid) return { ...refuse('IMPORT_HAS_ERRORS'), errors };
  return db.transaction(async (tx) => {
    for (let i = 0; i < good.length; i += 1000) {
      await tx.insert(waterSamples).values(good.slice(i, i + 1000).map((g) => ({ ...g, createdAt: now, updatedAt: now })))
        .onConflictDoUpdate({ target: [waterSamples.siteId, waterSamples.month], set: { values: sql`excluded.values`, dry: sql`excluded.dry`, sampledOn: sql`excluded.sampled_on`, updatedAt: now } });
    }
    const skipped = new Set(errors.map((e) => e.row)).size;
    await appendAudit(tx, actor, { action: 'water.sample.import', entity: 'water_sample_import', entityId: options.source, after: { rows: good.length, skipped } }, now);
    return success({ rows: good.length, skipped, errors });
  });
}

/** A period is a year (YYYY) or a month (YYYY-MM): its first and last month. */
export function periodMonths(period: string): { from: string; to: string } {
  return period.length === 4 ? { from: `${period}-01`, to: `${period}-12` } : { from: period, to: period };
}

export function previousPeriod(period: string, n = 1): string {
  if (period.length === 4) return String(Number(period) - n);
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7);
}

/** Every active site evaluated over the period. */
export async function evaluatePeriod(db: DbOrTx, period: string): Promise<(SiteEvaluation & { site: SiteRow })[]> {
  const { from, to } = periodMonths(period);
  const sites = (await listSites(db)).filter((s) => s.active);
  const samples = await listSamples(db, from, to);
  const bySite = new Map<number, typeof samples>();
  for (const s of samples) { const l = bySite.get(s.siteId); if (l) l.push(s); else bySite.set(s.siteId, [s]); }
  return sites.map((site) => ({
    ...evaluateSite({ id: site.id, name: site.name, kind: site.kind, level: site.level, body: site.body, districtId: site.districtId, targetClass: site.targetClass },
      bySite.get(site.id) ?? []),
    site,
  })).filter((e) => e.sampleCount > 0 || e.dry);
}

export async function computeWaterSummary(db: DbOrTx, period: string, config: DoubleIndexConfig = DEFAULT_DOUBLE_INDEX) {
  const evals = await evaluatePeriod(db, period);
  const ds = await listDistricts(db);
  const sections = evals.filter((e) => e.kind === 'section');
  const doubleIndex = computeDoubleIndex(ds.map((d) => ({ districtId: d.id, districtName: d.name, evals: evals.filter((e) => e.districtId === d.id) })), config);
  return {
    period, config, evaluations: evals,
    sections: computeSurfaceShares(sections),
    nationalSections: computeSurfaceShares(sections.filter((e) => e.level === 'national')),
    seaAndDrinking: computeSeaAndDrinking(evals),
    doubleIndex,
  };
}

const snapshotOf = (period: string, rows: readonly DoubleIndexRow[]): RankingSnapshot => ({
  period, rows: rows.map((r) => ({ unitId: r.districtId, unitName: r.districtName, rank: r.excellentRank, value: r.excellentIndex, lastYearValue: null })),
});

export const doubleIndexTitle = (period: string) => period.length === 4
  ? `${period}年各区市水环境质量优良指数和达标指数排名` : `${Number(period.slice(0, 4))}年${Number(period.slice(5))}月各区市水环境质量优良指数和达标指数排名`;

/** Publishes the double-index ranking of a period (recorded) and raises any triggered sanctions. */
export async function publishDoubleIndex(db: Db, principal: Principal, period: string, now: Date): Promise<Result<PublicationResult>> {
  const summary = await computeWaterSummary(db, period);
  if (!summary.doubleIndex.some((r) => r.excellentRank !== null)) return refuse('RANKING_EMPTY', undefined, 'period');
  const history: RankingSnapshot[] = [snapshotOf(period, summary.doubleIndex)];
  for (let n = 1; n < 6; n++) {
    const p = previousPeriod(period, n);
    history.unshift(snapshotOf(p, (await computeWaterSummary(db, p)).doubleIndex));
  }
  return success(await recordPublication(db, principal, {
    ranking: 'water_district_period', period, title: doubleIndexTitle(period),
    snapshot: { doubleIndex: summary.doubleIndex, sections: summary.sections, nationalSections: summary.nationalSections, seaAndDrinking: summary.seaAndDrinking, config: summary.config },
    history, districtOf: (id: number) => ({ districtId: id, townshipId: null }),
  }, now));
}
