// Risk weights, version 1: the bureau's starting weights (data, versioned; a new version is a new row).
import type { RiskWeights } from './rules/risk.js';

export const RISK_WEIGHTS_V1: RiskWeights = {
  perCount: {
    complaints12m: { points: 4, cap: 12 },
    substantiatedComplaints12m: { points: 6, cap: 18 },
    exceedanceEvents12m: { points: 5, cap: 20 },
    electricityEvents12m: { points: 4, cap: 12 },
    dataQualityEvents12m: { points: 1, cap: 5 },
    overdueRectifications: { points: 8, cap: 16 },
    penalties24m: { points: 5, cap: 15 },
    exemptions24m: { points: 1, cap: 2 },
  },
  credit: { green: -5, blue: 0, yellow: 8, red: 15, black: 25, none: 3 },
  keyUnit: 8,
  industry: { high: 10, medium: 5, low: 0 },
};
