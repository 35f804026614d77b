import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, computeCreditCodeCheckCharacter, findCreditCodeProblem } from './credit-code.js';

describe('GB 32100-2015 统一社会信用代码', () => {
  it.each([
    '91350100M000100Y43', // the standard's commonly cited example
    '914403001922038216',
    '91370602MA3C00000' + computeCreditCodeCheckCharacter('91370602MA3C00000'),
  ])('accepts valid %s', (code) => {
    expect(findCreditCodeProblem(code)).toBeNull();
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(findCreditCodeProblem(' 91350100m000100y43 ')).toBeNull();
  });

  it.each([
    ['too short', '91350100M000100Y4', 'CREDIT_CODE_LENGTH'],
    ['too long', '91350100M000100Y433', 'CREDIT_CODE_LENGTH'],
    ['empty', '', 'CREDIT_CODE_LENGTH'],
    ['letter I is not used', '91350100M000100I43', 'CREDIT_CODE_CHARACTER'],
    ['letter O is not used', '91350100O000100Y43', 'CREDIT_CODE_CHARACTER'],
    ['punctuation', '91350100M000100-43', 'CREDIT_CODE_CHARACTER'],
    ['unknown registration authority B', 'B1350100M000100Y43', 'CREDIT_CODE_AUTHORITY'],
    ['type 5 not issued by 工商 (9)', '95350100M000100Y43', 'CREDIT_CODE_TYPE'],
    ['division code with letters', '9135A100M000100Y43', 'CREDIT_CODE_DIVISION'],
    ['wrong check character', '91350100M000100Y44', 'CREDIT_CODE_CHECK_CHARACTER'],
    ['transposed digits', '91351000M000100Y43', 'CREDIT_CODE_CHECK_CHARACTER'],
  ])('refuses %s', (_label, code, problem) => {
    expect(findCreditCodeProblem(code)).toBe(problem);
  });

  const body = fc.tuple(
    fc.constantFrom('9'), fc.constantFrom('1', '2', '3'),
    fc.stringMatching(/^\d{6}$/),
    fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 9, maxLength: 9 }),
  ).map(([a, t, div, org]) => a + t + div + org.join(''));

  it('property: the computed check character always validates', () => {
    fc.assert(fc.property(body, (b) => findCreditCodeProblem(b + computeCreditCodeCheckCharacter(b)) === null));
  });

  it('property: any other check character is refused', () => {
    fc.assert(fc.property(body, fc.constantFrom(...CREDIT_CODE_CHARSET), (b, ch) => {
      fc.pre(ch !== computeCreditCodeCheckCharacter(b));
      return findCreditCodeProblem(b + ch) === 'CREDIT_CODE_CHECK_CHARACTER';
    }));
  });

  it('property: changing any single body character is detected', () => {
    fc.assert(fc.property(body, fc.integer({ min: 8, max: 16 }), fc.constantFrom(...CREDIT_CODE_CHARSET), (b, pos, ch) => {
      fc.pre(b[pos] !== ch);
      const code = b + computeCreditCodeCheckCharacter(b);
      const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
      return findCreditCodeProblem(changed) === 'CREDIT_CODE_CHECK_CHARACTER';
    }));
  });
});
