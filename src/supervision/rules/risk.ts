// An explainable risk score per enterprise: each factor's value, weight and points, from versioned
// weights (data). The score orders inspections; it decides nothing on its own.
import type { CreditRating } from '../../enterprises/index.js';

export type IndustryRisk = 'high' | 'medium' | 'low';

export interface RiskFacts {
  complaints12m: number;
  substantiatedComplaints12m: number;
  exceedanceEvents12m: number;
  electricityEvents12m: number;
  dataQualityEvents12m: number;
  overdueRectifications: number;
  penalties24m: number;
  exemptions24m: number;
  creditRating: CreditRating | null;
  keyUnit: boolean;
  industryRisk: IndustryRisk;
}

export interface RiskWeights {
  /** Points per occurrence, and the most points the factor can add. */
  perCount: Record<CountFactor, { points: number; cap: number }>;
  credit: Record<CreditRating | 'none', number>;
  keyUnit: number;
  industry: Record<IndustryRisk, number>;
}

export const COUNT_FACTORS = [
  'complaints12m', 'substantiatedComplaints12m', 'exceedanceEvents12m', 'electricityEvents12m', 'dataQualityEvents12m',
  'overdueRectifications', 'penalties24m', 'exemptions24m',
] as const;
export type CountFactor = (typeof COUNT_FACTORS)[number];
export type RiskFactor = CountFactor | 'creditRating' | 'keyUnit' | 'industryRisk';

export interface RiskContribution { factor: RiskFactor; value: number | string | boolean | null; points: number; weight: string }
/**
 * `sum`: the contributions' points added up; `score`: the sum kept within 0–100. `clamped` says when they
 * differ ('floor': a negative sum, e.g. good credit with nothing against it, shown as 0; 'ceiling': above 100),
 * so a score shown with its factors always adds up: score = sum, or the bound named.
 */
export interface RiskScore { score: number; sum: number; clamped: 'floor' | 'ceiling' | null; weightsVersion: number; contributions: RiskContribution[] }

/** Sum of each factor's points (capped per factor), clamped to 0–100 and saying so; contributions listed for the explanation. */
export function computeRiskScore(facts: RiskFacts, weights: RiskWeights, weightsVersion: number): RiskScore {
  const contributions: RiskContribution[] = [];
  for (const f of COUNT_FACTORS) {
    const w = weights.perCount[f];
    const points = Math.min(facts[f] * w.points, w.cap);
    contributions.push({ factor: f, value: facts[f], points, weight: `${w.points} × n, ≤ ${w.cap}` });
  }
  const credit = weights.credit[facts.creditRating ?? 'none'];
  contributions.push({ factor: 'creditRating', value: facts.creditRating, points: credit, weight: String(credit) });
  contributions.push({ factor: 'keyUnit', value: facts.keyUnit, points: facts.keyUnit ? weights.keyUnit : 0, weight: String(weights.keyUnit) });
  const industry = weights.industry[facts.industryRisk];
  contributions.push({ factor: 'industryRisk', value: facts.industryRisk, points: industry, weight: String(industry) });
  const sum = Math.round(contributions.reduce((s, c) => s + c.points, 0) * 10) / 10;
  const clamped = sum < 0 ? 'floor' : sum > 100 ? 'ceiling' : null;
  return { score: Math.max(0, Math.min(100, sum)), sum, clamped, weightsVersion, contributions };
}

/**
 * Industry risk by GB/T 4754-2017 code prefix (longest prefix wins). The bureau's own classification,
 * kept as data: chemical, pharmaceutical, petroleum, smelting, electroplating, paper, dyeing, power and
 * cement are high (unconfirmed: no published Yantai list was found).
 */
export const INDUSTRY_RISK_PREFIXES: Record<string, IndustryRisk> = {
  C25: 'high', C26: 'high', C27: 'high', C31: 'high', C32: 'high', C3360: 'high', C22: 'high', C1713: 'high', C1752: 'high',
  D44: 'high', C3011: 'high', C19: 'medium', C13: 'medium', C14: 'medium', C15: 'medium', C29: 'medium', C30: 'medium',
  C33: 'medium', C34: 'medium', C35: 'medium', C36: 'medium', C38: 'medium', C39: 'medium', N77: 'medium', E: 'medium',
};

export function classifyIndustryRisk(industryCode: string): IndustryRisk {
  for (let len = industryCode.length; len >= 1; len--) {
    const hit = INDUSTRY_RISK_PREFIXES[industryCode.slice(0, len)];
    if (hit) return hit;
  }
  return 'low';
}
