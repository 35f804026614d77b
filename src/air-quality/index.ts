// What other capabilities may use of air-quality. The demo bureau (src/demo/air-and-water.ts) seeds from ./demo.ts.
export { recordPublication, computeAnnualAssessment, computeDistrictDailyRanking, computeTownshipMonthlyRanking, type PublicationResult } from './actions.js';
export type { RankingSnapshot, RankingKind, SanctionKind } from './rules/triggers.js';
export { SANCTION_LABELS, RANKING_KINDS } from './rules/triggers.js';
export { computeImprovementPercent, computeChangePercent } from './rules/year-on-year.js';
export { rankWithTies } from './rules/ranking.js';
export { dataExtent, loadAreaUnits } from './queries.js';
export { seedAirDemo, type AirDemoOptions, type DemoProgress } from './demo.js';
export { attachmentHeader, buildRankingBulletin, buildRankingWorkbook, DOCX_TYPE, XLSX_TYPE, type RankingDocument } from './export.js';
export { readTable } from './hourly-file.js';
export { listPublications } from './queries.js';
export { registerRankingListener, type RankingListener, type RankingPublishedEvent } from './listeners.js';
// The demo bureau's 2019–2020 (src/demo/year-2020-environment.ts): stations and hourly rows through the same actions as the pages.
export { createStation, importHourly, type HourlyImportSummary } from './actions.js';
export { countHoursByStationMonth, loadStationCodeIndex } from './queries.js';
export { planAirYear, planUrbanStations, type AirYearPlan, type YearTargets as AirYearTargets } from './demo-years.js';
