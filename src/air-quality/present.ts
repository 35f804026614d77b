// Rule outputs in the API's flat shapes, and the rankings as export documents.
import type { DailyRankingRow, PeriodRankingRow } from './rules/areas.js';
import { computeChangePercent } from './rules/year-on-year.js';
import { POLLUTANT_LABELS, type Pollutant } from './rules/pollutants.js';
import { SANCTION_LABELS } from './rules/triggers.js';
import { chineseDate, type ExportColumn, type RankingDocument } from './export.js';

const change = (last: number | null, now: number | null) => (last === null || now === null ? null : computeChangePercent(last, now));

export function presentDailyRow(r: DailyRankingRow) {
  return {
    unitId: r.unitId, unitName: r.unitName, districtId: r.districtId, stations: r.stations, values: r.values,
    aqi: r.aqi, level: r.level, category: r.category, colour: r.colour, primaryPollutants: r.primaryPollutants,
    compositeIndex: r.composite.index, subIndices: r.composite.subIndices as Record<string, number>, largest: r.composite.largest,
    lastYearComposite: r.lastYearComposite, changePercent: change(r.lastYearComposite, r.composite.index),
    value: r.value, rank: r.rank, tied: r.tied,
  };
}
export type DailyRowOut = ReturnType<typeof presentDailyRow>;

export function presentPeriodRow(r: PeriodRankingRow, districtName?: string) {
  const p = r.statistics.pollutants;
  return {
    unitId: r.unitId, unitName: r.unitName, districtId: r.districtId, ...(districtName ? { districtName } : {}), stations: r.stations,
    means: { so2: p.so2.mean, no2: p.no2.mean, pm10: p.pm10.mean, pm25: p.pm25.mean }, co95: p.co.percentile, o3_90: p.o3.percentile,
    goodDayRatio: r.statistics.goodDayRatio, goodDays: r.statistics.goodDays, validAqiDays: r.statistics.validAqiDays,
    complete: Object.values(p).every((s) => s.complete),
    compositeIndex: r.composite.index, subIndices: r.composite.subIndices as Record<string, number>, largest: r.composite.largest,
    lastYearComposite: r.lastYearComposite, changePercent: change(r.lastYearComposite, r.composite.index),
    value: r.value, rank: r.rank, tied: r.tied,
  };
}
export type PeriodRowOut = ReturnType<typeof presentPeriodRow>;

const labels = (ps: readonly string[]) => ps.map((p) => POLLUTANT_LABELS[p as Pollutant] ?? p).join('、') || '—';
const rankText = (r: { rank: number | null; tied: boolean }) => (r.rank === null ? '—' : `${r.rank}${r.tied ? '（并列）' : ''}`);
const pct = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v}%`);

const ISSUER = '烟台市生态环境局';
const BASIS = '依据《环境空气质量指数（AQI）技术规定（试行）》（HJ 633-2012）、《环境空气质量评价技术规范（试行）》（HJ 663-2013）和《城市环境空气质量排名技术规定》，综合指数越小排名越靠前，综合指数相同的并列。';

export function dailyDocument(title: string, on: string, rows: readonly DailyRowOut[], sanctions: readonly { kind: string; reason: string }[], issuedOn: string): RankingDocument<DailyRowOut> {
  const columns: ExportColumn<DailyRowOut>[] = [
    { header: '排名', width: 10, value: rankText }, { header: '区市', width: 22, value: (r) => r.unitName },
    { header: '综合指数', width: 10, value: (r) => r.compositeIndex }, { header: 'AQI', width: 8, value: (r) => r.aqi },
    { header: '空气质量类别', width: 12, value: (r) => r.category }, { header: '首要污染物', width: 14, value: (r) => labels(r.primaryPollutants) },
    { header: 'PM2.5(µg/m³)', width: 12, value: (r) => r.values.pm25 }, { header: 'PM10(µg/m³)', width: 12, value: (r) => r.values.pm10 },
    { header: 'O3-8h(µg/m³)', width: 12, value: (r) => r.values.o3_8h }, { header: 'NO2(µg/m³)', width: 11, value: (r) => r.values.no2 },
    { header: 'SO2(µg/m³)', width: 11, value: (r) => r.values.so2 }, { header: 'CO(mg/m³)', width: 10, value: (r) => r.values.co },
    { header: '同比变化', width: 10, value: (r) => pct(r.changePercent) },
  ];
  return {
    title, columns, rows, issuer: ISSUER, issuedOn,
    intro: [`现将${chineseDate(on)}各区市环境空气质量排名情况通报如下。${BASIS}`],
    notes: sanctions.length ? sanctions.map((s) => `${SANCTION_LABELS[s.kind as keyof typeof SANCTION_LABELS] ?? s.kind}：${s.reason}。`) : ['本期未触发约谈、限批情形。'],
  };
}

export function monthlyDocument(title: string, month: string, rows: readonly PeriodRowOut[], sanctions: readonly { kind: string; reason: string }[], issuedOn: string): RankingDocument<PeriodRowOut> {
  const columns: ExportColumn<PeriodRowOut>[] = [
    { header: '排名', width: 10, value: rankText }, { header: '区市', width: 20, value: (r) => r.districtName ?? '' },
    { header: '乡镇（街道）', width: 18, value: (r) => r.unitName }, { header: '综合指数', width: 10, value: (r) => r.compositeIndex },
    { header: '同比变化', width: 10, value: (r) => pct(r.changePercent) }, { header: '优良天数比例', width: 12, value: (r) => (r.goodDayRatio === null ? null : `${r.goodDayRatio}%`) },
    { header: 'PM2.5(µg/m³)', width: 12, value: (r) => r.means.pm25 }, { header: 'PM10(µg/m³)', width: 12, value: (r) => r.means.pm10 },
    { header: 'O3-8h-90per(µg/m³)', width: 16, value: (r) => r.o3_90 }, { header: 'NO2(µg/m³)', width: 11, value: (r) => r.means.no2 },
    { header: 'SO2(µg/m³)', width: 11, value: (r) => r.means.so2 }, { header: 'CO-95per(mg/m³)', width: 14, value: (r) => r.co95 },
  ];
  return {
    title, columns, rows, issuer: ISSUER, issuedOn,
    intro: [`现将${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月各乡镇（街道）环境空气质量排名情况通报如下。${BASIS}CO 取日均值第95百分位数，O3 取日最大8小时平均第90百分位数。`],
    notes: sanctions.length ? sanctions.map((s) => `${SANCTION_LABELS[s.kind as keyof typeof SANCTION_LABELS] ?? s.kind}：${s.reason}。`) : ['本期未触发约谈、限批情形。'],
  };
}
