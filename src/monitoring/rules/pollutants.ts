// HJ 212-2017 表 B.1 / B.2 pollutant codes (and the HJ/T 212-2005 codes they replace), with units.
// Data, not logic: the full table is pollutant-codes.ts (cited there); the curated names and symbol units
// below are shared/domain/environment-data.md §5.8 [S18][S19] and win where both have a code.
import { HJ212_CODE_TABLE, HJ212_CODE_TABLE_SOURCE } from './pollutant-codes.js';

export interface PollutantInfo { code: string; code2005?: string; name: string; unit: string; medium: 'water' | 'air' | 'other' }

const CURATED: readonly PollutantInfo[] = [
  { code: 'w00000', code2005: 'B01', name: '污水流量', unit: 'L/s', medium: 'water' },
  { code: 'w01001', code2005: '001', name: 'pH值', unit: '', medium: 'water' },
  { code: 'w01018', code2005: '011', name: '化学需氧量', unit: 'mg/L', medium: 'water' },
  { code: 'w21003', code2005: '060', name: '氨氮', unit: 'mg/L', medium: 'water' },
  { code: 'w21011', code2005: '101', name: '总磷', unit: 'mg/L', medium: 'water' },
  { code: 'w21001', code2005: '065', name: '总氮', unit: 'mg/L', medium: 'water' },
  { code: 'w01019', name: '高锰酸盐指数', unit: 'mg/L', medium: 'water' },
  { code: 'w01009', name: '溶解氧', unit: 'mg/L', medium: 'water' },
  { code: 'w01010', name: '水温', unit: '℃', medium: 'water' },
  { code: 'w01012', code2005: '003', name: '悬浮物', unit: 'mg/L', medium: 'water' },
  { code: 'w01017', code2005: '010', name: '五日生化需氧量', unit: 'mg/L', medium: 'water' },
  { code: 'w01014', name: '电导率', unit: 'µS/cm', medium: 'water' },
  { code: 'w21016', code2005: '070', name: '氰化物', unit: 'mg/L', medium: 'water' },
  { code: 'w21017', code2005: '072', name: '氟化物', unit: 'mg/L', medium: 'water' },
  { code: 'a00000', code2005: 'B02', name: '废气流量', unit: 'm³/s', medium: 'air' },
  { code: 'a21026', code2005: '02', name: '二氧化硫', unit: 'mg/m³', medium: 'air' },
  { code: 'a21002', code2005: '03', name: '氮氧化物', unit: 'mg/m³', medium: 'air' },
  { code: 'a21005', code2005: '04', name: '一氧化碳', unit: 'mg/m³', medium: 'air' },
  { code: 'a34013', code2005: '01', name: '烟尘（颗粒物）', unit: 'mg/m³', medium: 'air' },
  { code: 'a24088', name: '非甲烷总烃', unit: 'mg/m³', medium: 'air' },
  { code: 'a24087', code2005: '25', name: '总烃', unit: 'mg/m³', medium: 'air' },
  { code: 'a21004', name: '二氧化氮', unit: 'mg/m³', medium: 'air' },
  { code: 'a19001', code2005: 'S01', name: '氧含量', unit: '%', medium: 'air' },
  { code: 'a01011', code2005: 'S02', name: '烟气流速', unit: 'm/s', medium: 'air' },
  { code: 'a01012', code2005: 'S03', name: '烟气温度', unit: '℃', medium: 'air' },
  { code: 'a01013', code2005: 'S08', name: '烟气压力', unit: 'kPa', medium: 'air' },
  { code: 'a01014', code2005: 'S05', name: '烟气湿度', unit: '%', medium: 'air' },
  { code: 'a05002', name: '甲烷', unit: 'mg/m³', medium: 'air' },
  { code: 'a34002', name: 'PM10', unit: 'µg/m³', medium: 'air' },
  { code: 'a34004', name: 'PM2.5', unit: 'µg/m³', medium: 'air' },
  { code: 'LA', name: 'A声级', unit: 'dB', medium: 'other' },
];

/** The table's unit words as symbols. */
const UNIT_SYMBOLS: Record<string, string> = {
  '升/秒': 'L/s', '无量纲': '', '[色]度': '度', '毫克/升': 'mg/L', '微克/升': 'µg/L', '纳克/升': 'ng/L', '个/升': '个/L',
  '贝可[勒尔]/升': 'Bq/L', '摄氏度': '℃', '微西[门子]/厘米': 'µS/cm', '立方米/秒': 'm³/s', '%': '%', '千帕': 'kPa', '米/秒': 'm/s',
  '[角]度': '°', '平方米': 'm²', '毫克/立方米': 'mg/m³', '纳克/立方米': 'ng/m³', '吨/平方千米x月': 't/(km²·月)', '分贝': 'dB',
};

const mediumOf = (code: string): PollutantInfo['medium'] => (code.startsWith('w') ? 'water' : code.startsWith('a') ? 'air' : 'other');

export const POLLUTANTS: readonly PollutantInfo[] = (() => {
  const curated = new Map(CURATED.map((p) => [p.code, p]));
  const out: PollutantInfo[] = [];
  for (const [code, name, code2005, unit] of HJ212_CODE_TABLE) {
    const c = curated.get(code);
    out.push(c ?? { code, ...(code2005 ? { code2005 } : {}), name, unit: UNIT_SYMBOLS[unit] ?? unit, medium: mediumOf(code) });
  }
  for (const c of CURATED) if (!out.some((p) => p.code === c.code)) out.push(c);
  return out;
})();

export const POLLUTANT_CODE_SOURCE = HJ212_CODE_TABLE_SOURCE;

const BY_2005 = new Map(POLLUTANTS.filter((p) => p.code2005).map((p) => [p.code2005!, p.code]));
const BY_CODE = new Map(POLLUTANTS.map((p) => [p.code, p]));

/** The 2017 code for a code as received: 2005 codes are mapped (附录 B 原编码), anything else is kept as sent. */
export const normalisePollutantCode = (code: string): string => BY_2005.get(code) ?? code;
export const pollutantInfo = (code: string): PollutantInfo | undefined => BY_CODE.get(code);

/**
 * 附录 B: process-monitoring codes e/g + 3 digits + 2-digit equipment number (e101xx, g119xx), site-information
 * codes i + 5 digits (i33401 …; i3331x is i + 4 digits + equipment digit). Matched by shape, as the table
 * templates them.
 */
const TEMPLATED = /^(?:[eg]\d{5}|i\d{5})$/;

/**
 * Whether a code (after 2005 mapping) is one the standard defines: a row of 表 B.1/B.2, a noise code, or a
 * templated process / site-information code. Anything else is listed as unknown, not stored as a series.
 */
export const isKnownPollutantCode = (code: string): boolean => BY_CODE.has(code) || TEMPLATED.test(code);
