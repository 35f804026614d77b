// GB 3097-1997 海水水质标准 表1 (the items near-shore evaluation uses), as data. Class I and the class II
// DO/COD/DIN/PO4/oil values are sourced (environment-data.md §4.5 [S15][S16]); the other class III/IV values
// match the standard as recalled but were not confirmed against a readable copy.
import type { Citation } from '../../../law/outcome.js';

export const GB3097_CITATION: Citation = { law: 'GB 3097-1997 海水水质标准', article: '表1' };

/** 'max' ≤; 'min_exclusive' > (DO: 溶解氧 >); 'range' within [low, high] per class. */
export interface SeaParameter {
  key: string;
  nameZh: string;
  direction: 'max' | 'min_exclusive' | 'range';
  /** Classes 一–四; for 'range' each entry is [low, high]. */
  limits: readonly (number | readonly [number, number])[];
}

export const SEA_PARAMETERS: readonly SeaParameter[] = [
  { key: 'ph', nameZh: 'pH', direction: 'range', limits: [[7.8, 8.5], [7.8, 8.5], [6.8, 8.8], [6.8, 8.8]] },
  { key: 'do', nameZh: '溶解氧', direction: 'min_exclusive', limits: [6, 5, 4, 3] },
  { key: 'cod', nameZh: '化学需氧量', direction: 'max', limits: [2, 3, 4, 5] },
  { key: 'din', nameZh: '无机氮（以N计）', direction: 'max', limits: [0.2, 0.3, 0.4, 0.5] },
  { key: 'po4', nameZh: '活性磷酸盐（以P计）', direction: 'max', limits: [0.015, 0.03, 0.03, 0.045] },
  { key: 'petroleum', nameZh: '石油类', direction: 'max', limits: [0.05, 0.05, 0.3, 0.5] },
];

export const SEA_CLASS_LABELS: Record<number, string> = { 1: '第一类', 2: '第二类', 3: '第三类', 4: '第四类', 5: '劣四类' };
