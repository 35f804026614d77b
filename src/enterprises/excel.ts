// Excel import and export of the registry (exceljs). Row numbers are the sheet's own.
// exceljs is loaded when a workbook is made or read, not at start (issue 18: a later start within 5 s).
import type ExcelJS from 'exceljs';
import type { DivisionIndex } from '../organisation/index.js';
import {
  CREDIT_RATING_LABELS, CREDIT_RATINGS, KEY_UNIT_CATEGORIES, KEY_UNIT_LABELS, OUTFALL_KIND_LABELS,
  type CreditRating, type EnterpriseFields, type KeyUnitCategory, type OutfallInput,
} from './rules/enterprise.js';
import type { ImportError } from './actions.js';

export interface ImportRow { row: number; fields: EnterpriseFields }

export const COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', width: 22, required: true },
  { key: 'name', header: '企业名称', width: 30, required: true },
  { key: 'legalRepresentative', header: '法定代表人', width: 12, required: true },
  { key: 'district', header: '区市', width: 14, required: true },
  { key: 'township', header: '乡镇街道', width: 14, required: false },
  { key: 'industryCode', header: '行业代码', width: 10, required: true },
  { key: 'address', header: '地址', width: 36, required: true },
  { key: 'longitude', header: '经度', width: 12, required: false },
  { key: 'latitude', header: '纬度', width: 12, required: false },
  { key: 'keyUnitCategories', header: '重点排污单位类别', width: 20, required: false },
  { key: 'creditRating', header: '信用等级', width: 10, required: false },
  { key: 'outfalls', header: '排放口', width: 40, required: false },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const LIST_SEPARATOR = /[,，;；、]/;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

const byLabel = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => labels[k] === text || k === text.toLowerCase());

/** `DW001:废水总排口;DA001:锅炉排口` → outfalls; the kind follows the code's second letter. */
function parseOutfalls(text: string): OutfallInput[] | null {
  if (!text) return [];
  const out: OutfallInput[] = [];
  for (const part of text.split(/[;；\n]/).map((s) => s.trim()).filter(Boolean)) {
    const [code, ...nameParts] = part.split(/[:：]/);
    const c = code!.trim().toUpperCase();
    const kind = c[1] === 'W' ? 'water' : c[1] === 'A' ? 'air' : null;
    if (!kind) return null;
    out.push({ code: c, name: nameParts.join(':').trim() || `${OUTFALL_KIND_LABELS[kind]}排放口`, kind });
  }
  return out;
}

/** Reads the first sheet; each bad cell becomes an error with its row, the rest typed fields. */
export async function parseEnterpriseWorkbook(buffer: Buffer, divisions: DivisionIndex): Promise<{ rows: ImportRow[]; errors: ImportError[] } | { unreadable: true } | { missingColumn: string }> {
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { unreadable: true };
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { unreadable: true };
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => headerIndex.set(cellText(cell.value), col));
  const colOf = new Map<ColumnKey, number>();
  for (const c of COLUMNS) {
    const idx = headerIndex.get(c.header);
    if (idx === undefined) { if (c.required) return { missingColumn: c.header }; continue; }
    colOf.set(c.key, idx);
  }
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (k: ColumnKey) => { const i = colOf.get(k); return i === undefined ? '' : cellText(row.getCell(i).value); };
    if (COLUMNS.every((c) => get(c.key) === '')) continue;
    const rowErrors: ImportError[] = [];
    const fail = (field: string, code: string) => rowErrors.push({ row: r, field, code });
    for (const c of COLUMNS) if (c.required && get(c.key) === '') fail(c.key === 'district' ? 'districtId' : c.key, 'REQUIRED');
    const district = get('district') ? divisions.district(get('district')) : null;
    if (get('district') && !district) fail('districtId', 'DISTRICT_UNKNOWN');
    let townshipId: number | null = null;
    if (get('township') && district) {
      const t = divisions.township(district.id, get('township'));
      if (!t) fail('townshipId', 'TOWNSHIP_NOT_IN_DISTRICT'); else townshipId = t.id;
    }
    const num = (k: 'longitude' | 'latitude') => {
      const s = get(k);
      if (s === '') return null;
      const n = Number(s);
      if (!Number.isFinite(n)) { fail(k, 'NUMBER_EXPECTED'); return null; }
      return n;
    };
    const longitude = num('longitude');
    const latitude = num('latitude');
    const keyUnitCategories: KeyUnitCategory[] = [];
    for (const part of get('keyUnitCategories').split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean)) {
      const k = byLabel(KEY_UNIT_LABELS, part) ?? KEY_UNIT_CATEGORIES.find((c) => c === part);
      if (k) keyUnitCategories.push(k); else fail('keyUnitCategories', 'VALUE_UNKNOWN');
    }
    let creditRating: CreditRating | null = null;
    if (get('creditRating')) {
      const k = byLabel(CREDIT_RATING_LABELS, get('creditRating')) ?? CREDIT_RATINGS.find((c) => c === get('creditRating'));
      if (k) creditRating = k; else fail('creditRating', 'VALUE_UNKNOWN');
    }
    const parsedOutfalls = parseOutfalls(get('outfalls'));
    if (parsedOutfalls === null) fail('outfalls', 'OUTFALL_CODE_FORMAT');
    if (rowErrors.length) { errors.push(...rowErrors); continue; }
    rows.push({
      row: r,
      fields: {
        creditCode: get('creditCode'), name: get('name'), legalRepresentative: get('legalRepresentative'),
        districtId: district!.id, townshipId, industryCode: get('industryCode'), address: get('address'),
        longitude, latitude, keyUnitCategories, creditRating, outfalls: parsedOutfalls ?? [],
      },
    });
  }
  return { rows, errors };
}

export interface ExportRow {
  creditCode: string; name: string; legalRepresentative: string; districtName: string; townshipName: string | null;
  industryCode: string; address: string; longitude: number | null; latitude: number | null;
  keyUnitCategories: KeyUnitCategory[]; creditRating: CreditRating | null; outfalls: { code: string; name: string }[];
}

/** The registry as a workbook in the import layout, so an export can be edited and re-imported. */
export async function buildEnterpriseWorkbook(rows: ExportRow[]): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'EcoGov';
  const sheet = wb.addWorksheet('企业名录');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow({
      creditCode: r.creditCode, name: r.name, legalRepresentative: r.legalRepresentative, district: r.districtName,
      township: r.townshipName ?? '', industryCode: r.industryCode, address: r.address,
      longitude: r.longitude ?? '', latitude: r.latitude ?? '',
      keyUnitCategories: r.keyUnitCategories.map((k) => KEY_UNIT_LABELS[k]).join(','),
      creditRating: r.creditRating ? CREDIT_RATING_LABELS[r.creditRating] : '',
      outfalls: r.outfalls.map((o) => `${o.code}:${o.name}`).join(';'),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
