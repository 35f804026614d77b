// Reading monthly sample files: one row per site and month; parameter columns by key (nh3n) or Chinese name (氨氮).
import { SEA_PARAMETERS } from './rules/standards/gb3097.js';
import { DRINKING_SUPPLEMENTARY, SURFACE_PARAMETERS } from './rules/standards/gb3838.js';
import type { SampleError, SampleInput } from './actions.js';

const PARAMETER_HEADERS = new Map<string, string>();
for (const p of [...SURFACE_PARAMETERS, ...SEA_PARAMETERS, ...DRINKING_SUPPLEMENTARY]) {
  PARAMETER_HEADERS.set(p.key.toLowerCase(), p.key);
  PARAMETER_HEADERS.set(p.nameZh, p.key);
}

export function mapSampleTable(table: string[][]): { rows: { row: number; input: SampleInput }[]; problems: SampleError[] } | { missingColumn: string } {
  const header = (table[0] ?? []).map((h) => h.trim());
  const idx = (names: string[]) => header.findIndex((h) => names.some((n) => n.toLowerCase() === h.toLowerCase()));
  const site = idx(['点位编码', '断面编码', 'siteCode']);
  const month = idx(['月份', 'month']);
  const sampledOn = idx(['采样日期', 'sampledOn']);
  const dry = idx(['断流', 'dry']);
  if (site < 0) return { missingColumn: '点位编码' };
  if (month < 0) return { missingColumn: '月份' };
  const params = header.map((h, i) => [i, PARAMETER_HEADERS.get(h) ?? PARAMETER_HEADERS.get(h.toLowerCase())] as const).filter(([, k]) => k !== undefined) as [number, string][];
  const rows: { row: number; input: SampleInput }[] = [];
  const problems: SampleError[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c.trim())) continue;
    const values: Record<string, number> = {};
    let bad = false;
    for (const [i, key] of params) {
      const t = (cells[i] ?? '').trim();
      if (!t) continue;
      const n = Number(t);
      if (!Number.isFinite(n)) { problems.push({ row: r + 1, field: `values.${key}`, code: 'NUMBER_EXPECTED' }); bad = true; } else values[key] = n;
    }
    if (bad) continue;
    const dryText = dry >= 0 ? (cells[dry] ?? '').trim() : '';
    rows.push({ row: r + 1, input: {
      siteCode: (cells[site] ?? '').trim(), month: (cells[month] ?? '').trim().replace('/', '-'),
      sampledOn: sampledOn >= 0 && cells[sampledOn]?.trim() ? cells[sampledOn]!.trim().replace(/\//g, '-') : null,
      dry: ['是', 'true', '1', 'Y', 'y'].includes(dryText), values,
    } });
  }
  return { rows, problems };
}
