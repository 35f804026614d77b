// Reading hourly data files: CSV (UTF-8 or GB18030, as Excel in China saves it) or .xlsx (first sheet).
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import type ExcelJS from 'exceljs';
import { POLLUTANTS, type Pollutant } from './rules/pollutants.js';
import type { HourlyInput } from './rules/hourly-record.js';

export interface FileRow { row: number; input: HourlyInput }
export interface FileProblem { row: number; field: string; code: string }

/** Column headers of the pollutants in files (ASCII, as instruments export them). */
export const POLLUTANT_HEADER: Record<Pollutant, string> = { so2: 'SO2', no2: 'NO2', co: 'CO', o3: 'O3', pm10: 'PM10', pm25: 'PM2.5' };
const LABEL = POLLUTANT_HEADER;

/** Columns of the import layout; the first header is what the template writes, others are accepted. */
export const HOURLY_COLUMNS: { key: string; headers: string[]; required: boolean }[] = [
  { key: 'stationCode', headers: ['站点编码', '站点代码', 'stationCode', 'station_code'], required: true },
  { key: 'date', headers: ['日期', 'date'], required: false },
  { key: 'hour', headers: ['小时', '时', 'hour'], required: false },
  { key: 'time', headers: ['时间', 'time'], required: false },
  ...POLLUTANTS.flatMap((p) => [
    { key: p, headers: [LABEL[p], p, p.toUpperCase()], required: false },
    { key: `${p}Flag`, headers: [`${LABEL[p]}标识`, `${p}Flag`, `${p}_flag`], required: false },
  ]),
];

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  // Fast path: no quoted fields (what instruments and our own exports write).
  if (!text.includes('"')) {
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map((l) => l.split(','));
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** The file's rows as text, header first; null when unreadable. */
export async function readTable(buffer: Buffer, fileName: string): Promise<string[][] | null> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (buffer[0] === 0x50 && buffer[1] === 0x4b);
  if (!isXlsx) return parseCsv(decodeText(buffer));
  const wb = new (await import('exceljs')).default.Workbook();
  try { await wb.xlsx.load(buffer as unknown as ArrayBuffer); } catch { return null; }
  const sheet = wb.worksheets[0];
  if (!sheet) return null;
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value).trim(); });
    out[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(out, (r) => r ?? []);
}

function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Maps a table (header + rows) to hourly inputs with their sheet row numbers (header = row 1). */
export function mapHourlyTable(table: string[][]): { rows: FileRow[]; problems: FileProblem[] } | { missingColumn: string } {
  const header = (table[0] ?? []).map((h) => h.trim());
  const col = new Map<string, number>();
  for (const c of HOURLY_COLUMNS) {
    const idx = header.findIndex((h) => c.headers.some((x) => x.toLowerCase() === h.toLowerCase()));
    if (idx >= 0) col.set(c.key, idx);
  }
  if (!col.has('stationCode')) return { missingColumn: '站点编码' };
  if (!col.has('time') && !(col.has('date') && col.has('hour'))) return { missingColumn: '日期/小时' };
  const rows: FileRow[] = [];
  const problems: FileProblem[] = [];
  // Column indices resolved once, -1 when absent (issue 18: a Map lookup and a closure per cell cost more than the parse).
  const at = (k: string) => col.get(k) ?? -1;
  const [stationCol, dateCol, hourCol, timeCol] = [at('stationCode'), at('date'), at('hour'), at('time')];
  const valueCols = POLLUTANTS.map((p) => at(p));
  const flagCols = POLLUTANTS.map((p) => at(`${p}Flag`));
  const cell = (cells: string[], j: number) => (j < 0 ? '' : (cells[j] ?? '').trim());
  for (let i = 1; i < table.length; i++) {
    const cells = table[i]!;
    if (isBlankRow(cells)) continue;
    let date = cell(cells, dateCol);
    let hour: string = cell(cells, hourCol);
    const time = cell(cells, timeCol);
    if (time) {
      const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2})(?::00(?::00)?)?$/.exec(time.replace(/\//g, '-'));
      if (!m) { problems.push({ row: i + 1, field: 'time', code: 'DATE_INVALID' }); continue; }
      date = m[1]!; hour = m[2]!;
    }
    const values: HourlyInput['values'] = {};
    const flags: HourlyInput['flags'] = {};
    for (let k = 0; k < POLLUTANTS.length; k++) { const p = POLLUTANTS[k]!; values[p] = cell(cells, valueCols[k]!); flags[p] = cell(cells, flagCols[k]!); }
    rows.push({ row: i + 1, input: { stationCode: cell(cells, stationCol), date: date.includes('/') ? date.replace(/\//g, '-') : date, hour, values, flags } });
  }
  return { rows, problems };
}

/** An empty .xlsx in the import layout. */
export async function buildHourlyTemplate(): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  const sheet = wb.addWorksheet('小时数据');
  const headers = ['站点编码', '日期', '小时', ...POLLUTANTS.flatMap((p) => [LABEL[p], `${LABEL[p]}标识`])];
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(['370600051', '2020-06-01', 0, 8, '', 32, '', 0.6, '', 120, '', 61, '', 35, '']);
  sheet.addRow(['说明：小时 0–23 为该小时起点（0 表示 00:00–01:00）；浓度 µg/m³，CO 为 mg/m³；标识按 HJ 212-2017（N 正常，F/M/S/D/C/T/B 无效），空为 N。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
