// The in-memory R-tree over one version's units (turf's geojson-rbush): a site check looks only at the units whose
// box meets the site's box, then asks turf whether the site really touches each. One tree per version, kept while
// that version is current and rebuilt when another becomes current.
// The turf modules used, not the whole @turf/turf (≈0.5 s of CPU at start; issue 18). Same version: @turf/turf pins them.
import { geojsonRbush } from '@turf/geojson-rbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { boxOf, siteTouchesUnit, type SiteGeometry, type ZoningUnit } from './rules.js';

export class UnitIndex {
  private readonly tree = geojsonRbush<Polygon | MultiPolygon, { i: number }>();
  constructor(readonly units: readonly ZoningUnit[]) {
    this.tree.load(units.map((u, i): Feature<Polygon | MultiPolygon, { i: number }> =>
      ({ type: 'Feature', bbox: boxOf(u.geometry), geometry: u.geometry, properties: { i } })));
  }

  /** Every unit the site touches (inside or on the boundary), in unit order. */
  touching(site: SiteGeometry): ZoningUnit[] {
    const candidates = this.tree.search(boxOf(site)).features.map((f) => f.properties.i).sort((a, b) => a - b);
    return candidates.map((i) => this.units[i]!).filter((u) => siteTouchesUnit(site, u.geometry));
  }
}

// Keyed by the version's token (unique across databases), so tests on separate databases never share a tree.
const MAX_CACHED = 4;
const cache = new Map<string, Promise<UnitIndex>>();

/** The tree of the version named `token`, building it once from `load` (in-flight builds are shared). */
export function indexFor(token: string, load: () => Promise<ZoningUnit[]>): Promise<UnitIndex> {
  const hit = cache.get(token);
  if (hit) return hit;
  const built = load().then((units) => new UnitIndex(units));
  built.catch(() => cache.delete(token));
  cache.set(token, built);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return built;
}
