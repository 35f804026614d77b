// GB 3095 环境空气质量标准: concentration limits (表1) and the minimum data for a valid statistic (表4), as data.
// Sources: GB 3095-2012 表1 (onxelh.cn copy) and GB 3095-2026 表1/表4 (page images in caiyunapp/aqi-hub);
// shared/domain/environment-data.md §2.
import type { Citation } from '../../../law/outcome.js';
import type { Pollutant } from '../pollutants.js';

export interface ConcentrationLimits {
  id: 'GB3095-2012' | 'GB3095-2026-transition' | 'GB3095-2026-final';
  effectiveFrom: string;
  citation: Citation;
  /** Grade II (二级, 二类区) limits; µg/m³, CO mg/m³. */
  gradeII: {
    annual: Partial<Record<Pollutant, number>>;
    daily: Partial<Record<Pollutant, number>>;
    hourly: Partial<Record<Pollutant, number>>;
    o3EightHour: number;
  };
  gradeI: {
    annual: Partial<Record<Pollutant, number>>;
    daily: Partial<Record<Pollutant, number>>;
    hourly: Partial<Record<Pollutant, number>>;
    o3EightHour: number;
  };
  validity: DataValidity;
}

/** 表4 污染物浓度数据有效性的最低要求. */
export interface DataValidity {
  citation: Citation;
  /** Hourly values for a daily mean (SO2, NO2, CO, PM10, PM2.5). */
  minHoursPerDay: number;
  /** Hourly values in an 8-hour mean (O3). */
  minHoursPerEightHours: number;
  /** Daily values per year for an annual statistic. */
  minDaysPerYear: number;
  /** Daily values per month (February: `minDaysInFebruary`). */
  minDaysPerMonth: number;
  minDaysInFebruary: number;
}

const VALIDITY_2012: DataValidity = {
  citation: { law: 'GB 3095-2012 环境空气质量标准', article: '表4' },
  minHoursPerDay: 20, minHoursPerEightHours: 6, minDaysPerYear: 324, minDaysPerMonth: 27, minDaysInFebruary: 25,
};

export const GB3095_2012: ConcentrationLimits = {
  id: 'GB3095-2012',
  effectiveFrom: '2016-01-01',
  citation: { law: 'GB 3095-2012 环境空气质量标准', article: '表1' },
  gradeII: {
    annual: { so2: 60, no2: 40, pm10: 70, pm25: 35 },
    daily: { so2: 150, no2: 80, co: 4, pm10: 150, pm25: 75 },
    hourly: { so2: 500, no2: 200, co: 10, o3: 200 },
    o3EightHour: 160,
  },
  gradeI: {
    annual: { so2: 20, no2: 40, pm10: 40, pm25: 15 },
    daily: { so2: 50, no2: 80, co: 4, pm10: 50, pm25: 35 },
    hourly: { so2: 150, no2: 200, co: 10, o3: 160 },
    o3EightHour: 100,
  },
  validity: VALIDITY_2012,
};

/** GB 3095-2026 transition limits (2026-03-01 to 2030-12-31): PM grade II tightened. */
export const GB3095_2026_TRANSITION: ConcentrationLimits = {
  ...GB3095_2012,
  id: 'GB3095-2026-transition',
  effectiveFrom: '2026-03-01',
  citation: { law: 'GB 3095-2026 环境空气质量标准', article: '表1', paragraph: '过渡期限值' },
  gradeII: {
    ...GB3095_2012.gradeII,
    annual: { ...GB3095_2012.gradeII.annual, pm10: 60, pm25: 30 },
    daily: { ...GB3095_2012.gradeII.daily, pm10: 120, pm25: 60 },
  },
  validity: { ...VALIDITY_2012, citation: { law: 'GB 3095-2026 环境空气质量标准', article: '表4' } },
};

/** GB 3095-2026 final limits (from 2031-01-01). */
export const GB3095_2026_FINAL: ConcentrationLimits = {
  ...GB3095_2026_TRANSITION,
  id: 'GB3095-2026-final',
  effectiveFrom: '2031-01-01',
  citation: { law: 'GB 3095-2026 环境空气质量标准', article: '表1' },
  gradeII: {
    annual: { so2: 20, no2: 30, pm10: 50, pm25: 25 },
    daily: { so2: 50, no2: 50, co: 4, pm10: 100, pm25: 50 },
    hourly: { so2: 150, no2: 200, co: 10, o3: 200 },
    o3EightHour: 160,
  },
  gradeI: {
    annual: { so2: 20, no2: 30, pm10: 20, pm25: 10 },
    daily: { so2: 50, no2: 50, co: 4, pm10: 50, pm25: 25 },
    hourly: { so2: 150, no2: 200, co: 10, o3: 160 },
    o3EightHour: 100,
  },
};
