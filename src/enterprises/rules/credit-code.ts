// GB 32100-2015 法人和其他组织统一社会信用代码编码规则.
// 18 characters: registration authority (1), organisation type (1), administrative division (6),
// organisation code (9, GB 11714 with its own check character), check character (1).

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // no I, O, S, V, Z
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authorities and the organisation types each may register (GB 32100-2015 表1). */
const TYPES_BY_AUTHORITY: Record<string, string> = {
  '1': '1239',   // 机构编制
  '5': '1239',   // 民政
  '9': '123',    // 工商 (市场监管)
  'Y': '1',      // 其他
  '2': '19', '3': '1459', '4': '129', '6': '129', '7': '129', '8': '129', 'A': '129', 'N': '1239',
};

export type CreditCodeProblem =
  | 'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARACTER' | 'CREDIT_CODE_AUTHORITY' | 'CREDIT_CODE_TYPE'
  | 'CREDIT_CODE_DIVISION' | 'CREDIT_CODE_CHECK_CHARACTER';

/** The check character for the first 17 characters (which must be in the charset). */
export function computeCreditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Validates a unified social credit code; returns null when valid, else the first problem. */
export function findCreditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return 'CREDIT_CODE_LENGTH';
  for (const ch of code) if (!CREDIT_CODE_CHARSET.includes(ch)) return 'CREDIT_CODE_CHARACTER';
  const types = TYPES_BY_AUTHORITY[code[0]!];
  if (types === undefined) return 'CREDIT_CODE_AUTHORITY';
  if (!types.includes(code[1]!)) return 'CREDIT_CODE_TYPE';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'CREDIT_CODE_DIVISION';
  if (computeCreditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'CREDIT_CODE_CHECK_CHARACTER';
  return null;
}

export const normaliseCreditCode = (raw: string): string => raw.trim().toUpperCase();
