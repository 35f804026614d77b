// What other capabilities may use of air-quality. The demo seed is in ./demo.ts (seedAirAndWaterDemo).
export { recordPublication, computeAnnualAssessment, computeDistrictDailyRanking, computeTownshipMonthlyRanking, type PublicationResult } from './actions.js';
export type { RankingSnapshot, RankingKind, SanctionKind } from './rules/triggers.js';
export { SANCTION_LABELS, RANKING_KINDS } from './rules/triggers.js';
export { computeImprovementPercent, computeChangePercent } from './rules/year-on-year.js';
export { rankWithTies } from './rules/ranking.js';
