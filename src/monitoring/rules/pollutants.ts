// HJ 212-2017 表 B.1 / B.2 pollutant codes (and the HJ/T 212-2005 codes they replace), with units.
// Data, not logic: shared/domain/environment-data.md §5.8 [S18][S19].

export interface PollutantInfo { code: string; code2005?: string; name: string; unit: string; medium: 'water' | 'air' | 'other' }

export const POLLUTANTS: readonly PollutantInfo[] = [
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

const BY_2005 = new Map(POLLUTANTS.filter((p) => p.code2005).map((p) => [p.code2005!, p.code]));
const BY_CODE = new Map(POLLUTANTS.map((p) => [p.code, p]));

/** The 2017 code for a code as received: 2005 codes are mapped, anything else is kept as sent. */
export const normalisePollutantCode = (code: string): string => BY_2005.get(code) ?? code;
export const pollutantInfo = (code: string): PollutantInfo | undefined => BY_CODE.get(code);
