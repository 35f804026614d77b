// Demo water sites for Yantai and twelve months of samples: 11 national sections on target (one dry),
// provincial and municipal sections of mixed quality, drinking-water sources all attaining, near-shore
// sea points all excellent (the seed's 2020 picture). Deterministic.
import { count } from 'drizzle-orm';
import type { Db } from '../platform/db/index.js';
import { SYSTEM_ACTOR, appendAudit } from '../platform/audit/log.js';
import { createRandom, type Random } from '../platform/random.js';
import { listDistrictsWithTownships } from '../organisation/index.js';
import { waterSamples, waterSites } from './tables.js';
import { insertSite } from './actions.js';
import { SURFACE_PARAMETERS } from './rules/standards/gb3838.js';
import { SEA_PARAMETERS } from './rules/standards/gb3097.js';
import type { SiteFields } from './rules/sites.js';
import type { SiteKind, SiteLevel } from './rules/evaluation.js';

export type Plan = [code: string, name: string, kind: SiteKind, level: SiteLevel, body: 'river' | 'lake', water: string, county: string, lon: number, lat: number, target: number, quality: number];

/** [code, name, kind, level, body, water, county code, lon, lat, target class, typical class]. quality 0 = dry all year. */
export const SITES: Plan[] = [
  ['GK01', '夹河福山高新区断面', 'section', 'national', 'river', '大沽夹河', '370611', 121.26, 37.49, 3, 3],
  ['GK02', '黄水河入海口断面', 'section', 'national', 'river', '黄水河', '370681', 120.52, 37.67, 4, 3],
  ['GK03', '界河入海口断面', 'section', 'national', 'river', '界河', '370685', 120.32, 37.46, 4, 4],
  ['GK04', '五龙河口断面', 'section', 'national', 'river', '五龙河', '370682', 120.95, 36.73, 3, 3],
  ['GK05', '王河入海口断面', 'section', 'national', 'river', '王河', '370683', 119.88, 37.33, 4, 4],
  ['GK06', '沁水河口断面', 'section', 'national', 'river', '沁水河', '370612', 121.62, 37.42, 4, 3],
  ['GK07', '辛安河口断面', 'section', 'national', 'river', '辛安河', '370613', 121.52, 37.45, 4, 4],
  ['GK08', '东村河口断面', 'section', 'national', 'river', '东村河', '370687', 121.17, 36.75, 3, 3],
  ['GK09', '门楼水库坝前', 'section', 'national', 'lake', '门楼水库', '370611', 121.20, 37.38, 2, 2],
  ['GK10', '平畅河入海口断面', 'section', 'national', 'river', '平畅河', '370614', 120.83, 37.80, 4, 0],
  ['GK11', '清洋河清洋桥断面', 'section', 'national', 'river', '清洋河', '370686', 120.95, 37.30, 3, 2],
  ['SK01', '泳汶河口断面', 'section', 'provincial', 'river', '泳汶河', '370681', 120.43, 37.63, 4, 4],
  ['SK02', '白沙河入海口断面', 'section', 'provincial', 'river', '白沙河', '370676', 121.18, 37.62, 4, 5],
  ['SK03', '龙山河断面', 'section', 'provincial', 'river', '龙山河', '370614', 120.90, 37.78, 4, 4],
  ['SK04', '南阳河断面', 'section', 'provincial', 'river', '南阳河', '370683', 120.02, 37.15, 4, 3],
  ['SK05', '蚬河断面', 'section', 'provincial', 'river', '蚬河', '370682', 120.75, 36.97, 3, 3],
  ['SK06', '留格河断面', 'section', 'provincial', 'river', '留格河', '370687', 121.05, 36.82, 3, 2],
  ['SJ01', '逛荡河断面', 'section', 'municipal', 'river', '逛荡河', '370602', 121.40, 37.52, 4, 5],
  ['SJ02', '鱼鸟河断面', 'section', 'municipal', 'river', '鱼鸟河', '370613', 121.45, 37.44, 4, 4],
  ['SJ03', '黄金河断面', 'section', 'municipal', 'river', '黄金河', '370671', 121.56, 37.43, 4, 6],
  ['SJ04', '八里沙河断面', 'section', 'municipal', 'river', '八里沙河', '370676', 121.23, 37.57, 4, 4],
  ['SJ05', '钟家河断面', 'section', 'municipal', 'river', '钟家河', '370612', 121.58, 37.37, 3, 3],
  ['SJ06', '诸流河断面', 'section', 'municipal', 'river', '诸流河', '370685', 120.40, 37.30, 3, 3],
  ['SJ07', '苏家店河断面', 'section', 'municipal', 'river', '苏家店河', '370686', 120.80, 37.36, 3, 2],
  ['YY01', '门楼水库水源地', 'drinking_source', 'municipal', 'lake', '门楼水库', '370611', 121.21, 37.39, 3, 2],
  ['YY02', '王屋水库水源地', 'drinking_source', 'municipal', 'lake', '王屋水库', '370681', 120.55, 37.50, 3, 2],
  ['YY03', '沐浴水库水源地', 'drinking_source', 'municipal', 'lake', '沐浴水库', '370612', 121.55, 37.28, 3, 2],
  ['YY04', '老岚水库水源地', 'drinking_source', 'municipal', 'lake', '老岚水库', '370686', 120.90, 37.33, 3, 2],
  ['YY05', '城子水库水源地', 'drinking_source', 'municipal', 'lake', '城子水库', '370685', 120.45, 37.28, 3, 3],
  ['YY06', '高陵水库水源地', 'drinking_source', 'municipal', 'lake', '高陵水库', '370683', 120.05, 37.08, 3, 2],
  ['HY01', '芝罘湾近岸点位', 'sea_point', 'national', 'river', '黄海', '370602', 121.43, 37.57, 2, 1],
  ['HY02', '套子湾近岸点位', 'sea_point', 'national', 'river', '渤海', '370676', 121.30, 37.60, 2, 2],
  ['HY03', '四十里湾近岸点位', 'sea_point', 'national', 'river', '黄海', '370613', 121.55, 37.48, 2, 1],
  ['HY04', '养马岛近岸点位', 'sea_point', 'national', 'river', '黄海', '370612', 121.65, 37.47, 2, 1],
  ['HY05', '蓬莱近岸点位', 'sea_point', 'national', 'river', '渤海', '370614', 120.75, 37.83, 2, 2],
  ['HY06', '龙口湾近岸点位', 'sea_point', 'national', 'river', '渤海', '370681', 120.30, 37.64, 2, 2],
  ['HY07', '莱州湾近岸点位', 'sea_point', 'national', 'river', '渤海', '370683', 119.85, 37.25, 2, 2],
  ['HY08', '海阳近岸点位', 'sea_point', 'national', 'river', '黄海', '370687', 121.25, 36.70, 2, 1],
];

/** A value of a parameter that lands in class `cls` (the middle of its band), with some spread. */
function surfaceValue(key: string, cls: number, body: 'river' | 'lake', random: Random, main: boolean): number {
  const p = SURFACE_PARAMETERS.find((x) => x.key === key)!;
  if (p.direction === 'range') return Math.round((7 + random.next() * 1.2) * 100) / 100;
  const limits = body === 'lake' && p.lakeLimits ? p.lakeLimits : p.limits;
  if (p.direction === 'min') return Math.round((cls <= 1 ? 8 + random.next() : limits[cls - 1]! + random.next() * ((limits[cls - 2] ?? limits[cls - 1]! + 1) - limits[cls - 1]!)) * 100) / 100;
  if (!main) return Math.round(limits[0]! * (0.1 + random.next() * 0.4) * 1e6) / 1e6; // metals etc.: well within class I
  const hi = cls >= 6 ? limits[4]! * 1.6 : limits[cls - 1]!;
  const lo = cls <= 1 ? 0 : limits[Math.min(cls, 6) - 2]!;
  return Math.round((lo + (hi - lo) * (0.3 + random.next() * 0.6)) * 1e4) / 1e4;
}

const MAIN = new Set(['codmn', 'cod', 'bod5', 'nh3n', 'tp']);

export function surfaceSample(kind: SiteKind, cls: number, body: 'river' | 'lake', random: Random): Record<string, number> {
  const values: Record<string, number> = {};
  // Mostly at the typical class; in some months the worst driver is one class better.
  const monthClass = random.chance(0.25) && cls > 1 ? cls - 1 : cls;
  const driver = [...MAIN][random.int(0, MAIN.size - 1)]!;
  for (const p of SURFACE_PARAMETERS) {
    const main = MAIN.has(p.key);
    const c = p.key === driver ? monthClass : main ? Math.max(1, monthClass - random.int(0, 1)) : 1;
    values[p.key] = surfaceValue(p.key, p.key === 'do' ? Math.min(c, 3) : c, body, random, main || p.key === 'do');
  }
  delete values.fecal_coliform;
  if (kind === 'drinking_source') Object.assign(values, { sulfate: 60 + random.int(0, 80), chloride: 40 + random.int(0, 60), nitrate: 1 + random.next() * 3, fe: 0.05 + random.next() * 0.1, mn: 0.01 + random.next() * 0.04 });
  return values;
}

export function seaSample(cls: number, random: Random): Record<string, number> {
  const values: Record<string, number> = {};
  for (const p of SEA_PARAMETERS) {
    if (p.direction === 'range') { values[p.key] = Math.round((8.0 + random.next() * 0.3) * 100) / 100; continue; }
    const limits = p.limits as number[];
    if (p.direction === 'min_exclusive') { values[p.key] = Math.round((limits[cls - 1]! + 0.3 + random.next() * 1.5) * 100) / 100; continue; }
    const lo = cls === 1 ? 0 : limits[cls - 2]!;
    const hi = limits[cls - 1]!;
    values[p.key] = Math.round((lo + (hi - lo) * (0.2 + random.next() * 0.7)) * 1e4) / 1e4;
    if (values[p.key]! <= lo) values[p.key] = Math.round((lo + (hi - lo) * 0.5) * 1e4) / 1e4;
  }
  return values;
}

/** Seeds the sites and twelve months of samples ending at `endMonth`; idempotent. */
export async function seedWaterDemo(db: Db, now: Date, endMonth: string, onProgress?: (step: string, done: number, total: number) => void): Promise<{ sites: number; samples: number }> {
  const [existing] = await db.select({ n: count() }).from(waterSites);
  if (Number(existing?.n ?? 0) > 0) return { sites: 0, samples: 0 };
  const divisions = await listDistrictsWithTownships(db);
  const random = createRandom(3838_2002);
  const [y, m] = endMonth.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, m - 12 + i, 1)).toISOString().slice(0, 7));
  let samples = 0;
  await db.transaction(async (tx) => {
    const rows: (typeof waterSamples.$inferInsert)[] = [];
    for (const [code, name, kind, level, body, water, county, lon, lat, target, quality] of SITES) {
      const d = divisions.find((x) => x.code === county)!;
      const f: SiteFields = { code, name, kind, level, body, waterName: water, districtId: d.id, townshipId: null, longitude: lon, latitude: lat, targetClass: target, active: true };
      const siteId = await insertSite(tx, SYSTEM_ACTOR, f, now, '演示数据');
      for (const month of months) {
        const dry = quality === 0 || (kind === 'section' && level !== 'national' && random.chance(0.04));
        const values = dry ? {} : kind === 'sea_point' ? seaSample(quality, random) : surfaceSample(kind, quality, body, random);
        rows.push({ siteId, month, sampledOn: `${month}-${String(random.int(5, 20)).padStart(2, '0')}`, values, dry, createdAt: now, updatedAt: now });
      }
    }
    for (let i = 0; i < rows.length; i += 500) await tx.insert(waterSamples).values(rows.slice(i, i + 500));
    samples = rows.length;
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'water.sample.import', entity: 'water_sample_import', entityId: `demo ${months[0]}…${endMonth}`, after: { sites: SITES.length, samples }, reason: '演示数据' }, now);
  });
  onProgress?.('water sites', SITES.length, SITES.length);
  return { sites: SITES.length, samples };
}
