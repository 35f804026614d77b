// A calendar year of demo monthly samples, as import rows (the SampleInput the import page and API take), for the
// demo registry (demo.ts SITES): the 11 national sections on their annual target, one of them (平畅河) dry (断流)
// in the dry season and measured the other months; drinking-water sources class Ⅲ or better in every monitoring;
// near-shore sea points 一–二类 in every monitoring (the seed's 2020). Deterministic.
import { createRandom } from '../platform/random.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import { SITES, seaSample, surfaceSample } from './demo.js';
import type { SampleInput } from './actions.js';
import type { SiteFields } from './rules/sites.js';

type Division = Awaited<ReturnType<typeof listDistrictsWithTownships>>[number];

/** The demo registry's sites (the same codes and fields as seedWaterDemo's). */
export function planWaterSites(divisions: readonly Division[]): SiteFields[] {
  return SITES.map(([code, name, kind, level, body, water, county, lon, lat, target]) => ({
    code, name, kind, level, body, waterName: water, districtId: divisions.find((d) => d.code === county)!.id, townshipId: null,
    longitude: lon, latitude: lat, targetClass: target, active: true,
  }));
}

/** Months a seasonal river runs dry (断流): Shandong's dry season, winter and spring. */
const DRY_SEASON = new Set(['01', '02', '03', '04', '05', '12']);

/** Twelve monthly samples per site for the year, sampled between the 5th and the 20th. */
export function planWaterYear(year: number): SampleInput[] {
  const random = createRandom(3838_2002 + year);
  const rows: SampleInput[] = [];
  for (const [code, , kind, level, body, , , , , target, quality] of SITES) {
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      // The registry's "dry all year" section (quality 0) runs dry in the dry season only and meets its target when it flows.
      const seasonal = quality === 0;
      const dry = seasonal ? DRY_SEASON.has(month.slice(5)) : kind === 'section' && level !== 'national' && random.chance(0.04);
      const cls = seasonal ? target : quality;
      const values = dry ? {} : kind === 'sea_point' ? seaSample(cls, random) : surfaceSample(kind, cls, body, random);
      rows.push({ siteCode: code, month, sampledOn: `${month}-${String(random.int(5, 20)).padStart(2, '0')}`, dry, values });
    }
  }
  return rows;
}
