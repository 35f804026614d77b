import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/index.js';
import { appendAudit, type Actor } from '../platform/audit/log.js';
import { refuse, success, type Refusal, type Result } from '../law/outcome.js';
import { zoningUnits, zoningUnitVersions } from './tables.js';
import { checkUnitImport, computeVerdict, type ImportProblem, type SiteCheck, type SiteGeometry } from './rules.js';
import { findCurrentVersion, loadCheckUnits } from './queries.js';
import { indexFor } from './spatial-index.js';

/**
 * Every unit of the current version the site touches, found through the version's R-tree, and the verdict for
 * the industry. The site must be a valid lon/lat geometry (see checkSiteGeometry); no current version gives
 * outside-all-units with versionId null.
 */
export async function checkSite(db: DbOrTx, site: SiteGeometry, industryCode: string | null): Promise<SiteCheck> {
  const version = await findCurrentVersion(db);
  if (!version) return { versionId: null, units: [], ...computeVerdict([], industryCode) };
  const index = await indexFor(version.token, () => loadCheckUnits(db, version.id));
  const touched = index.touching(site);
  return {
    versionId: version.id,
    units: touched.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, demo: u.demo })),
    ...computeVerdict(touched, industryCode),
  };
}

// One lock for the current-version switch: two imports at once queue instead of racing for "current".
const ZONING_IMPORT_LOCK = 7_301_013;
const CHUNK = 500;

export interface ImportOptions { label: string; source: string | null; demo?: boolean }

/**
 * Imports a FeatureCollection of units as a new version that becomes current, all or nothing, audited.
 * A refusal carries every problem found, per feature index.
 */
export async function importUnits(db: DbOrTx, actor: Actor, geojson: unknown, options: ImportOptions, now: Date):
  Promise<Result<{ versionId: number; units: number }> | (Refusal & { problems: ImportProblem[] })> {
  const checked = checkUnitImport(geojson);
  if (!checked.ok) {
    const first = checked.problems[0]!;
    return { ...refuse(first.code, undefined, first.path, first.value === undefined ? undefined : { value: first.value }), problems: checked.problems };
  }
  const demo = options.demo ?? false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ZONING_IMPORT_LOCK})`);
    const previous = await findCurrentVersion(tx);
    if (previous) await tx.update(zoningUnitVersions).set({ isCurrent: false }).where(eq(zoningUnitVersions.id, previous.id));
    const [version] = await tx.insert(zoningUnitVersions).values({
      token: randomUUID(), label: options.label, source: options.source, unitCount: checked.units.length,
      isCurrent: true, demo, importedById: actor.id, importedAt: now,
    }).returning({ id: zoningUnitVersions.id });
    const versionId = version!.id;
    for (let i = 0; i < checked.units.length; i += CHUNK) {
      await tx.insert(zoningUnits).values(checked.units.slice(i, i + CHUNK).map((u) => ({
        versionId, code: u.code, name: u.name, kind: u.kind, district: u.district, geometry: u.geometry,
        minLon: u.box[0], minLat: u.box[1], maxLon: u.box[2], maxLat: u.box[3],
        prohibitedIndustries: u.prohibitedIndustries, restrictedIndustries: u.restrictedIndustries,
        restrictionConditions: u.restrictionConditions, dischargeConditions: u.dischargeConditions, demo,
      })));
    }
    await appendAudit(tx, actor, {
      action: 'zoning.import', entity: 'zoning_unit_version', entityId: versionId,
      before: previous ? { currentVersionId: previous.id } : null,
      after: { label: options.label, source: options.source, units: checked.units.length, demo, codes: checked.units.slice(0, 100).map((u) => u.code) },
    }, now);
    return success({ versionId, units: checked.units.length });
  });
}
