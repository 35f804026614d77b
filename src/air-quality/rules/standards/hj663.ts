// HJ 663-2013 环境空气质量评价技术规范（试行）: how daily and annual statistics are formed and judged, as data.
// Percentiles per pollutant: HJ 663-2013 年评价项目 (SO2, NO2: 98th; PM10, PM2.5, CO: 95th of daily
// means; O3: 90th of daily max 8-hour), confirmed against several independent implementations
// (clause numbers not verified, so citations name the clause); the composite index follows 城市环境空气质量排名技术规定 (环办监测〔2018〕19号).
import type { Citation } from '../../../law/outcome.js';
import type { Pollutant } from '../pollutants.js';

export interface EvaluationRules {
  id: 'HJ663-2013';
  citation: Citation;
  /** Percentile of the daily series compared with the 24-hour (O3: 8-hour) limit. */
  percentile: Record<Pollutant, 90 | 95 | 98>;
  /** Pollutants whose annual mean is also compared with the annual limit. */
  annualMean: readonly Pollutant[];
  percentileCitation: Citation;
  /** O3 daily max 8-hour: the moving windows that start at these hours of the day (00–07 … 16–23). */
  o3WindowStartHours: { first: number; last: number };
  /** Valid 8-hour windows a day needs for a valid daily max 8-hour value. */
  o3MinValidWindows: number;
  /** With fewer valid windows, the day still counts when its max exceeds the 8-hour limit. */
  o3ValidIfAboveLimit: boolean;
  o3Citation: Citation;
}

export const HJ663_2013: EvaluationRules = {
  id: 'HJ663-2013',
  citation: { law: 'HJ 663-2013 环境空气质量评价技术规范（试行）', article: '评价方法' },
  percentile: { so2: 98, no2: 98, pm10: 95, pm25: 95, co: 95, o3: 90 },
  annualMean: ['so2', 'no2', 'pm10', 'pm25'],
  percentileCitation: { law: 'HJ 663-2013 环境空气质量评价技术规范（试行）', article: '年评价项目', paragraph: '百分位数' },
  o3WindowStartHours: { first: 0, last: 16 },
  o3MinValidWindows: 14,
  o3ValidIfAboveLimit: true,
  o3Citation: { law: 'HJ 663-2013 环境空气质量评价技术规范（试行）', article: '数据统计有效性', paragraph: '臭氧日最大8小时平均' },
};

/** 环境空气质量综合指数 (城市环境空气质量排名技术规定): I = Σ w_i · C_i / S_i. */
export interface CompositeIndexRules {
  id: string;
  citation: Citation;
  /** S_i: annual grade II for SO2, NO2, PM10, PM2.5; 24-hour for CO; 8-hour for O3. */
  divisor: Record<Pollutant, number>;
  /** w_i: 1 for every pollutant under the 2018 rules. */
  weight: Record<Pollutant, number>;
  /** Decimals of the published index. */
  decimals: number;
}

export const COMPOSITE_INDEX_2018: CompositeIndexRules = {
  id: '环办监测〔2018〕19号',
  citation: { law: '城市环境空气质量排名技术规定（环办监测〔2018〕19号）', article: '综合指数计算方法' },
  divisor: { so2: 60, no2: 40, pm10: 70, pm25: 35, co: 4, o3: 160 },
  weight: { so2: 1, no2: 1, pm10: 1, pm25: 1, co: 1, o3: 1 },
  decimals: 2,
};
