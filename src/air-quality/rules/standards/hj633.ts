// HJ 633 环境空气质量指数（AQI）技术规定: breakpoints, levels and special cases, as data.
// Sources: HJ 633-2012 表1, 表2 and 附录A (text PDF); HJ 633-2026 表1, 表3 (scan), both in
// caiyunapp/aqi-hub docs/; transcribed in shared/domain/environment-data.md §1.
import type { Citation } from '../../../law/outcome.js';
import type { AqiMetric } from '../pollutants.js';

export interface AqiLevel {
  /** Upper AQI of the level (inclusive); the last level is open. */
  maxAqi: number | null;
  level: 1 | 2 | 3 | 4 | 5 | 6;
  levelZh: string;
  categoryZh: string;
  category: 'excellent' | 'good' | 'light' | 'moderate' | 'heavy' | 'severe';
  colourZh: string;
  /** 附录A RGB as hex. */
  colour: string;
}

export interface AqiStandard {
  id: 'HJ633-2012' | 'HJ633-2026';
  effectiveFrom: string;
  /** Citation of the breakpoint table. */
  citation: Citation;
  /** IAQI values of the rows. */
  iaqi: readonly number[];
  /** Concentration limits per row (µg/m³, CO mg/m³); null = the row does not exist for that column. */
  breakpoints: Record<AqiMetric, readonly (number | null)[]>;
  /** Metrics of the daily report (日报). */
  dailyMetrics: readonly AqiMetric[];
  /** Metrics of the real-time report (实时报). */
  hourlyMetrics: readonly AqiMetric[];
  /** SO2 1-hour above its top breakpoint (800): 'use_24h' (2012) or a fixed IAQI (2026: 200). */
  so2HourAboveTop: 'use_24h' | number;
  /** O3 8-hour above its top breakpoint (800): 'use_1h' (2012) or a fixed IAQI (2026: 300). */
  o3EightHourAboveTop: 'use_1h' | number;
  /** Whether 超标污染物 (IAQI > 100) is reported (2012 only). */
  reportsExceedingPollutants: boolean;
  levels: readonly AqiLevel[];
  levelCitation: Citation;
}

const LEVELS: readonly AqiLevel[] = [
  { maxAqi: 50, level: 1, levelZh: '一级', categoryZh: '优', category: 'excellent', colourZh: '绿色', colour: '#00E400' },
  { maxAqi: 100, level: 2, levelZh: '二级', categoryZh: '良', category: 'good', colourZh: '黄色', colour: '#FFFF00' },
  { maxAqi: 150, level: 3, levelZh: '三级', categoryZh: '轻度污染', category: 'light', colourZh: '橙色', colour: '#FF7E00' },
  { maxAqi: 200, level: 4, levelZh: '四级', categoryZh: '中度污染', category: 'moderate', colourZh: '红色', colour: '#FF0000' },
  { maxAqi: 300, level: 5, levelZh: '五级', categoryZh: '重度污染', category: 'heavy', colourZh: '紫色', colour: '#99004C' },
  { maxAqi: null, level: 6, levelZh: '六级', categoryZh: '严重污染', category: 'severe', colourZh: '褐红色', colour: '#7E0023' },
];

const IAQI_ROWS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/** HJ 633-2012 表1 空气质量分指数及对应的污染物项目浓度限值. */
export const HJ633_2012: AqiStandard = {
  id: 'HJ633-2012',
  effectiveFrom: '2016-01-01',
  citation: { law: 'HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）', article: '表1' },
  iaqi: IAQI_ROWS,
  breakpoints: {
    so2_24h: [0, 50, 150, 475, 800, 1600, 2100, 2620],
    so2_1h: [0, 150, 500, 650, 800, null, null, null], // 表1 注(2)
    no2_24h: [0, 40, 80, 180, 280, 565, 750, 940],
    no2_1h: [0, 100, 200, 700, 1200, 2340, 3090, 3840],
    pm10_24h: [0, 50, 150, 250, 350, 420, 500, 600],
    co_24h: [0, 2, 4, 14, 24, 36, 48, 60],
    co_1h: [0, 5, 10, 35, 60, 90, 120, 150],
    o3_1h: [0, 160, 200, 300, 400, 800, 1000, 1200],
    o3_8h: [0, 100, 160, 215, 265, 800, null, null], // 表1 注(3)
    pm25_24h: [0, 35, 75, 115, 150, 250, 350, 500],
  },
  dailyMetrics: ['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_1h', 'o3_8h', 'pm25_24h'],
  hourlyMetrics: ['so2_1h', 'no2_1h', 'pm10_24h', 'co_1h', 'o3_1h', 'o3_8h', 'pm25_24h'],
  so2HourAboveTop: 'use_24h',
  o3EightHourAboveTop: 'use_1h',
  reportsExceedingPollutants: true,
  levels: LEVELS,
  levelCitation: { law: 'HJ 633-2012 环境空气质量指数（AQI）技术规定（试行）', article: '表2' },
};

/** HJ 633-2026 表3 (in force 2026-03-01): PM10 and PM2.5 IAQI-100 limits lowered; fixed special cases. */
export const HJ633_2026: AqiStandard = {
  ...HJ633_2012,
  id: 'HJ633-2026',
  effectiveFrom: '2026-03-01',
  citation: { law: 'HJ 633-2026 环境空气质量指数（AQI）技术规定', article: '表3' },
  breakpoints: {
    ...HJ633_2012.breakpoints,
    pm10_24h: [0, 50, 120, 250, 350, 420, 500, 600],
    pm25_24h: [0, 35, 60, 115, 150, 250, 350, 500],
  },
  dailyMetrics: ['so2_24h', 'no2_24h', 'pm10_24h', 'co_24h', 'o3_8h', 'pm25_24h'],
  // PM 1-hour values are looked up in the daily breakpoints (HJ 633-2026).
  hourlyMetrics: ['so2_1h', 'no2_1h', 'pm10_24h', 'co_1h', 'o3_1h', 'pm25_24h'],
  so2HourAboveTop: 200,
  o3EightHourAboveTop: 300,
  reportsExceedingPollutants: false,
  levelCitation: { law: 'HJ 633-2026 环境空气质量指数（AQI）技术规定', article: '表1' },
};
