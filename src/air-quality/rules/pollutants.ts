// The six basic pollutants of GB 3095 and the averaging times their indices use.

export const POLLUTANTS = ['so2', 'no2', 'co', 'o3', 'pm10', 'pm25'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

/** Bit of each pollutant in an hourly record's invalid mask. */
export const POLLUTANT_BIT: Record<Pollutant, number> = { so2: 1, no2: 2, co: 4, o3: 8, pm10: 16, pm25: 32 };

export const POLLUTANT_LABELS: Record<Pollutant, string> = {
  so2: 'SO₂', no2: 'NO₂', co: 'CO', o3: 'O₃', pm10: 'PM₁₀', pm25: 'PM₂.₅',
};
export const POLLUTANT_NAMES_ZH: Record<Pollutant, string> = {
  so2: '二氧化硫', no2: '二氧化氮', co: '一氧化碳', o3: '臭氧', pm10: '可吸入颗粒物', pm25: '细颗粒物',
};

/** µg/m³ except CO in mg/m³ (GB 3095-2012 表1). */
export const UNIT: Record<Pollutant, 'µg/m³' | 'mg/m³'> = {
  so2: 'µg/m³', no2: 'µg/m³', co: 'mg/m³', o3: 'µg/m³', pm10: 'µg/m³', pm25: 'µg/m³',
};

/** Decimals a reported concentration keeps: µg/m³ as integers, CO to 0.1 mg/m³ (HJ 633-2026 4.2.2, GB/T 8170). */
export const DECIMALS: Record<Pollutant, 0 | 1> = { so2: 0, no2: 0, co: 1, o3: 0, pm10: 0, pm25: 0 };

/** IAQI columns of HJ 633 表1: a pollutant and an averaging time. */
export const AQI_METRICS = ['so2_24h', 'so2_1h', 'no2_24h', 'no2_1h', 'pm10_24h', 'co_24h', 'co_1h', 'o3_1h', 'o3_8h', 'pm25_24h'] as const;
export type AqiMetric = (typeof AQI_METRICS)[number];

export const METRIC_POLLUTANT: Record<AqiMetric, Pollutant> = {
  so2_24h: 'so2', so2_1h: 'so2', no2_24h: 'no2', no2_1h: 'no2', pm10_24h: 'pm10', co_24h: 'co', co_1h: 'co',
  o3_1h: 'o3', o3_8h: 'o3', pm25_24h: 'pm25',
};

/** Concentrations of one averaging period, rounded or not; absent or null = not valid. */
export type Concentrations = Partial<Record<AqiMetric, number | null>>;
