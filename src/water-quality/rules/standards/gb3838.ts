// GB 3838-2002 地表水环境质量标准 表1 (basic items) and 表2 (supplementary items for drinking-water
// sources), as data. Source: GB 3838-2002 (g230.com, r-can.com.cn copies), shared/domain/environment-data.md §4.1.
import type { Citation } from '../../../law/outcome.js';

export const GB3838_CITATION: Citation = { law: 'GB 3838-2002 地表水环境质量标准', article: '表1' };

/** 'max': the value must be ≤ the limit; 'min': ≥ (DO); 'range': within [low, high] for every class (pH). */
export type LimitDirection = 'max' | 'min' | 'range';

export interface SurfaceParameter {
  key: string;
  nameZh: string;
  unit: string;
  direction: LimitDirection;
  /** Limits of classes I–V (for 'range': [low, high], the same for all classes). */
  limits: readonly number[];
  /** Lakes and reservoirs (湖、库) where they differ (TP). */
  lakeLimits?: readonly number[];
  /** Whether 环办〔2011〕22号 evaluates it for the class (TN, faecal coliform and temperature are separate). */
  evaluated: boolean;
}

export const SURFACE_PARAMETERS: readonly SurfaceParameter[] = [
  { key: 'ph', nameZh: 'pH', unit: '无量纲', direction: 'range', limits: [6, 9], evaluated: true },
  { key: 'do', nameZh: '溶解氧', unit: 'mg/L', direction: 'min', limits: [7.5, 6, 5, 3, 2], evaluated: true },
  { key: 'codmn', nameZh: '高锰酸盐指数', unit: 'mg/L', direction: 'max', limits: [2, 4, 6, 10, 15], evaluated: true },
  { key: 'cod', nameZh: '化学需氧量', unit: 'mg/L', direction: 'max', limits: [15, 15, 20, 30, 40], evaluated: true },
  { key: 'bod5', nameZh: '五日生化需氧量', unit: 'mg/L', direction: 'max', limits: [3, 3, 4, 6, 10], evaluated: true },
  { key: 'nh3n', nameZh: '氨氮', unit: 'mg/L', direction: 'max', limits: [0.15, 0.5, 1.0, 1.5, 2.0], evaluated: true },
  { key: 'tp', nameZh: '总磷', unit: 'mg/L', direction: 'max', limits: [0.02, 0.1, 0.2, 0.3, 0.4], lakeLimits: [0.01, 0.025, 0.05, 0.1, 0.2], evaluated: true },
  { key: 'tn', nameZh: '总氮', unit: 'mg/L', direction: 'max', limits: [0.2, 0.5, 1.0, 1.5, 2.0], evaluated: false },
  { key: 'cu', nameZh: '铜', unit: 'mg/L', direction: 'max', limits: [0.01, 1.0, 1.0, 1.0, 1.0], evaluated: true },
  { key: 'zn', nameZh: '锌', unit: 'mg/L', direction: 'max', limits: [0.05, 1.0, 1.0, 2.0, 2.0], evaluated: true },
  { key: 'fluoride', nameZh: '氟化物', unit: 'mg/L', direction: 'max', limits: [1.0, 1.0, 1.0, 1.5, 1.5], evaluated: true },
  { key: 'se', nameZh: '硒', unit: 'mg/L', direction: 'max', limits: [0.01, 0.01, 0.01, 0.02, 0.02], evaluated: true },
  { key: 'as', nameZh: '砷', unit: 'mg/L', direction: 'max', limits: [0.05, 0.05, 0.05, 0.1, 0.1], evaluated: true },
  { key: 'hg', nameZh: '汞', unit: 'mg/L', direction: 'max', limits: [0.00005, 0.00005, 0.0001, 0.001, 0.001], evaluated: true },
  { key: 'cd', nameZh: '镉', unit: 'mg/L', direction: 'max', limits: [0.001, 0.005, 0.005, 0.005, 0.01], evaluated: true },
  { key: 'cr6', nameZh: '铬（六价）', unit: 'mg/L', direction: 'max', limits: [0.01, 0.05, 0.05, 0.05, 0.1], evaluated: true },
  { key: 'pb', nameZh: '铅', unit: 'mg/L', direction: 'max', limits: [0.01, 0.01, 0.05, 0.05, 0.1], evaluated: true },
  { key: 'cyanide', nameZh: '氰化物', unit: 'mg/L', direction: 'max', limits: [0.005, 0.05, 0.2, 0.2, 0.2], evaluated: true },
  { key: 'phenol', nameZh: '挥发酚', unit: 'mg/L', direction: 'max', limits: [0.002, 0.002, 0.005, 0.01, 0.1], evaluated: true },
  { key: 'petroleum', nameZh: '石油类', unit: 'mg/L', direction: 'max', limits: [0.05, 0.05, 0.05, 0.5, 1.0], evaluated: true },
  { key: 'las', nameZh: '阴离子表面活性剂', unit: 'mg/L', direction: 'max', limits: [0.2, 0.2, 0.2, 0.3, 0.3], evaluated: true },
  { key: 'sulfide', nameZh: '硫化物', unit: 'mg/L', direction: 'max', limits: [0.05, 0.1, 0.2, 0.5, 1.0], evaluated: true },
  { key: 'fecal_coliform', nameZh: '粪大肠菌群', unit: '个/L', direction: 'max', limits: [200, 2000, 10000, 20000, 40000], evaluated: false },
];

/** GB 3838-2002 表2 集中式生活饮用水地表水源地补充项目 (one limit each). */
export const DRINKING_SUPPLEMENTARY: readonly { key: string; nameZh: string; limit: number }[] = [
  { key: 'sulfate', nameZh: '硫酸盐', limit: 250 },
  { key: 'chloride', nameZh: '氯化物', limit: 250 },
  { key: 'nitrate', nameZh: '硝酸盐（以N计）', limit: 10 },
  { key: 'fe', nameZh: '铁', limit: 0.3 },
  { key: 'mn', nameZh: '锰', limit: 0.1 },
];
export const DRINKING_CITATION: Citation = { law: 'GB 3838-2002 地表水环境质量标准', article: '表2' };

/** 环办〔2011〕22号 地表水环境质量评价办法（试行）: categories and colours of the classes. */
export const SURFACE_CLASS_LABELS: Record<number, { nameZh: string; qualityZh: string; colour: string }> = {
  1: { nameZh: 'Ⅰ类', qualityZh: '优', colour: '#0070C0' },
  2: { nameZh: 'Ⅱ类', qualityZh: '优', colour: '#0070C0' },
  3: { nameZh: 'Ⅲ类', qualityZh: '良好', colour: '#00B050' },
  4: { nameZh: 'Ⅳ类', qualityZh: '轻度污染', colour: '#FFFF00' },
  5: { nameZh: 'Ⅴ类', qualityZh: '中度污染', colour: '#FFC000' },
  6: { nameZh: '劣Ⅴ类', qualityZh: '重度污染', colour: '#FF0000' },
};
export const EVALUATION_CITATION: Citation = { law: '地表水环境质量评价办法（试行）（环办〔2011〕22号）', article: '单因子评价法' };
export const MAIN_POLLUTANT_CITATION: Citation = { law: '地表水环境质量评价办法（试行）（环办〔2011〕22号）', article: '主要污染指标的确定' };

/**
 * Indicators that come first among the main pollutants when they exceed class Ⅲ.
 * 环办〔2011〕22号 主要污染指标的确定: "当氰化物或铅、铬等重金属超标时，优先作为主要污染指标" (wording
 * (unconfirmed): the text of the method itself could not be read; the Dazhou 2015-10 and Guangyuan 2021-06
 * bulletins that apply it quote only the "前三项" sentence). The issue names cyanide, lead and hexavalent chromium.
 * "Other toxic heavy metals" are taken as the GB 3838 表1 items that GB 8978-1996 lists as 第一类污染物
 * (总汞、总镉、六价铬、总砷、总铅 — arsenic is a metalloid but is a 第一类污染物 there); Cu, Zn and Se are not.
 * A bureau that reads the method differently changes this list (data, not code).
 */
export const TOXIC_PRIORITY_KEYS: readonly string[] = ['cyanide', 'pb', 'cr6', 'hg', 'cd', 'as'];
