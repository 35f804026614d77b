// Exact decimal arithmetic for thresholds and rounding (environment-data.md D3): values are carried
// as integers of a fixed scale, so 75 never becomes 75.0000001 at a category boundary.

/** Integer quotient rounded half to even: GB/T 8170-2008 数值修约规则 (四舍六入五成双). `d` > 0. */
export function divRoundHalfEven(n: number, d: number): number {
  let q = Math.floor(n / d);
  while (q * d > n) q--;
  while ((q + 1) * d <= n) q++;
  const twice = 2 * (n - q * d);
  if (twice > d) return q + 1;
  if (twice < d) return q;
  return q % 2 === 0 ? q : q + 1;
}

/** ⌈n / d⌉ for integers, d > 0. */
export function ceilDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  while (q * d > n) q--;
  while ((q + 1) * d <= n) q++;
  return q * d === n ? q : q + 1;
}

/** A measured value as an integer number of thousandths (inputs carry at most 3 decimals). */
export const toMilli = (v: number): number => Math.round(v * 1000);

/** Rounds a value to `decimals` places, half to even (GB/T 8170). */
export function roundHalfEven(v: number, decimals: number): number {
  const scale = 10 ** decimals;
  return divRoundHalfEven(toMilli(v), 1000 / scale) / scale;
}

export function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}
export const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;
