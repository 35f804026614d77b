// What the public reads: the published decisions (list, one, an enterprise's), and the feeds' entries.
import type { Db } from '../platform/db/index.js';
import { refuse, success, type Result } from '../law/outcome.js';
import { findDistrict, findPublicEnterprise, findPublication, latestChanges, listPublic, listPublicDistricts, publicListVersion, type PublicFilter } from './queries.js';
import { publicView } from './actions.js';
import type { FeedEntry } from './feed.js';

/** The list's version, read before the page: an ETag made from it never claims a newer state than its body's. */
export async function publicDecisionListVersion(db: Db): Promise<number> {
  return publicListVersion(db);
}

export async function publicDecisionList(db: Db, f: PublicFilter, page: number, pageSize: number, version?: number) {
  const { total, rows } = await listPublic(db, f, page, pageSize, version);
  return { total, page, pageSize, items: rows.map(publicView) };
}

export async function publicDecision(db: Db, id: number): Promise<Result<ReturnType<typeof publicView>>> {
  const row = await findPublication(db, id);
  return row ? success(publicView(row)) : refuse('NOT_FOUND');
}

/** An enterprise's public page: its name and credit code (法人 data) and its published decisions. */
export async function publicEnterprise(db: Db, id: number) {
  const e = await findPublicEnterprise(db, id);
  if (!e) return refuse('NOT_FOUND');
  const { rows } = await listPublic(db, { enterpriseId: id }, 1, 100);
  // A decision against an individual (个体) is listed under "X某", never under the register's name.
  const decisions = rows.map(publicView).filter((d) => d.enterpriseId === id);
  return success({ id: e.id, name: e.name, creditCode: e.creditCode, districtId: e.districtId, districtName: e.districtName, decisions });
}

export async function publicDistricts(db: Db) {
  return listPublicDistricts(db);
}

/** The feed's title and entries: all decisions, one enterprise's, or one district's. */
export async function feedEntries(db: Db, f: PublicFilter): Promise<Result<{ title: string; entries: FeedEntry[] }>> {
  let title = '行政处罚决定公示';
  if (f.enterpriseId !== undefined) {
    const e = await findPublicEnterprise(db, f.enterpriseId);
    if (!e) return refuse('NOT_FOUND');
    title = `${e.name} 行政处罚决定公示`;
  } else if (f.districtId !== undefined) {
    const d = await findDistrict(db, f.districtId);
    if (!d) return refuse('NOT_FOUND');
    title = `${d.name} 行政处罚决定公示`;
  }
  const rows = await latestChanges(db, f, 50);
  const entries = rows.map(publicView).map((decision, i) => ({ decision, updatedAt: rows[i]!.withdrawnAt ?? rows[i]!.publishedAt }))
    // An individual's decision is not in its register entry's feed (its name would identify the person).
    .filter((e) => f.enterpriseId === undefined || e.decision.enterpriseId === f.enterpriseId);
  return success({ title, entries });
}
