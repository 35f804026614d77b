// Which version of each standard applies to data of a given civil date (environment-data.md D1).
import { HJ633_2012, HJ633_2026, type AqiStandard } from './standards/hj633.js';
import { GB3095_2012, GB3095_2026_FINAL, GB3095_2026_TRANSITION, type ConcentrationLimits } from './standards/gb3095.js';
import { COMPOSITE_INDEX_2018, HJ663_2013, type CompositeIndexRules, type EvaluationRules } from './standards/hj663.js';

export interface AirRuleSet {
  aqi: AqiStandard;
  limits: ConcentrationLimits;
  evaluation: EvaluationRules;
  composite: CompositeIndexRules;
}

/** GB 3095-2026 and HJ 633-2026 took effect on 2026-03-01; GB 3095-2026's final limits on 2031-01-01. */
export function airRuleSetFor(on: string): AirRuleSet {
  const aqi = on >= HJ633_2026.effectiveFrom ? HJ633_2026 : HJ633_2012;
  const limits = on >= GB3095_2026_FINAL.effectiveFrom ? GB3095_2026_FINAL
    : on >= GB3095_2026_TRANSITION.effectiveFrom ? GB3095_2026_TRANSITION : GB3095_2012;
  // HJ 663-2026 (exceptional events, 3-year averages) was not available: the 2013 rules stay, as does
  // the 2018 composite index with its divisors (open question after GB 3095-2026, kept as data).
  return { aqi, limits, evaluation: HJ663_2013, composite: COMPOSITE_INDEX_2018 };
}

export { HJ633_2012, HJ633_2026, GB3095_2012, GB3095_2026_TRANSITION, GB3095_2026_FINAL, HJ663_2013, COMPOSITE_INDEX_2018 };
export type { AqiStandard, ConcentrationLimits, EvaluationRules, CompositeIndexRules };
