// The CP number reader's fast path (digits without slicing) must read every value exactly as Number() does,
// and refuse what the general reader refuses (HJ 212-2017 表 4: numeric fields).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCp } from './hj212.js';

/** The general reader, as it was before the fast path (the reference). */
function reference(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 32) return null;
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46)) return null;
  const last = s.charCodeAt(n - 1);
  if (!((last >= 48 && last <= 57) || last === 46)) return null;
  if (n > 1 && c0 === 48) { const c1 = s.charCodeAt(1) | 0x20; if (c1 === 120 || c1 === 98 || c1 === 111) return null; }
  const v = +s;
  return v === v && v !== Infinity && v !== -Infinity ? v : null;
}

const read = (s: string): number | null => {
  const r = parseCp(`DataTime=20240315103000;w01018-Rtd=${s},w01018-Flag=N`);
  return r.ok ? r.value.values[0]!.rtd! : null;
};

describe('HJ 212-2017 表 4 numeric fields: the fast reader equals Number()', () => {
  it('decimals of up to 20 digits, signs, leading zeros and points', () => {
    const decimal = fc.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{0,12}$/), fc.constantFrom('', '.'), fc.stringMatching(/^[0-9]{0,8}$/))
      .map(([sign, a, dot, b]) => `${sign}${a}${dot}${b}`)
      .filter((s) => s.length > 0 && !/[,;]/.test(s));
    fc.assert(fc.property(decimal, (s) => { expect(Object.is(read(s), reference(s))).toBe(true); }), { numRuns: 5000 });
  });

  it('anything else is read by the general reader (exponents, garbage)', () => {
    for (const s of ['1.2E-3', '1e5', '0x10', '0b1', '--5', '1.2.3', '-', '.', '+', ' 5', '5 ', 'abc', '123456789012345678', '0.1234567890123456', 'Infinity', '-0', '007.50']) {
      expect(Object.is(read(s), reference(s))).toBe(true);
    }
  });

  it('a field name that is not in 表 4 stays a parameter', () => {
    const r = parseCp('DataTime=20240315103000;w01018-constructor=5;w01018-Rtd=1.5');
    expect(r.ok && r.value.params['w01018-constructor']).toBe('5');
    expect(r.ok && r.value.values[0]!.rtd).toBe(1.5);
  });
});
