// Year-on-year change of a concentration or index, as the seed reports it (PM10 improved 17.19 %).
import { divRoundHalfEven } from './decimal.js';

const toScaled = (v: number, decimals: number) => Math.round(v * 10 ** decimals);

/**
 * Percent improvement = (last year − this year) / last year × 100, rounded half to even to `decimals`;
 * positive = better. Inputs are reported values (at most `inputDecimals` decimals). Null when last year is 0.
 * Seed (2020 vs 2019): PM10 64 → 53 µg/m³ gives 17.19 %.
 */
export function computeImprovementPercent(lastYear: number, thisYear: number, decimals = 2, inputDecimals = 3): number | null {
  const last = toScaled(lastYear, inputDecimals);
  const now = toScaled(thisYear, inputDecimals);
  if (last === 0) return null;
  const scale = 10 ** decimals;
  const sign = last < 0 ? -1 : 1;
  return divRoundHalfEven(sign * (last - now) * 100 * scale, Math.abs(last)) / scale;
}

/**
 * Change rate (环办监测函〔2017〕197号 变化幅度) = (this − last) / last × 100: negative = improved,
 * positive = worse. The opposite sign of `computeImprovementPercent`.
 */
export function computeChangePercent(lastYear: number, thisYear: number, decimals = 2): number | null {
  const improvement = computeImprovementPercent(lastYear, thisYear, decimals);
  return improvement === null ? null : improvement === 0 ? 0 : -improvement;
}
