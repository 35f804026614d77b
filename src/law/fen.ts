// Money as integer fen (分). Amounts are JavaScript safe integers (|x| ≤ 2^53 − 1 fen, about
// 90 万亿 yuan), so they travel through JSON and bigint(mode 'number') columns unchanged; every
// product and quotient is computed on BigInt and rounded once, explicitly. No floating point.

import { refuse, success, type Result } from './outcome.js';

export type Rounding = 'half-up' | 'down' | 'up';

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`);
}

function toSafeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount out of range: ${v}`);
  return Number(v);
}

/** n / d rounded as asked, for n ≥ 0 and d > 0; half-up rounds halves away from zero. */
export function divideRounded(n: bigint, d: bigint, rounding: Rounding): bigint {
  if (d <= 0n || n < 0n) throw new RangeError('divideRounded expects n ≥ 0 and d > 0');
  const q = n / d;
  const r = n % d;
  if (r === 0n || rounding === 'down') return q;
  if (rounding === 'up') return q + 1n;
  return 2n * r >= d ? q + 1n : q;
}

// Optional ¥/￥ sign, digits with or without correct thousands separators, at most two decimals,
// optional 元. '1,234.5', '16330000.00', '¥ 200', '300元'. Not: '1,23,4', '.5', '1.234', '-5', '1e3'.
const YUAN = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:元)?$/;

/** Parses a yuan amount written by a person or a spreadsheet into fen. */
export function parseYuanToFen(text: string, field = 'amount'): Result<number> {
  const m = YUAN.exec(text.trim());
  if (!m) return refuse('AMOUNT_FORMAT', undefined, field);
  const yuan = BigInt(m[1]!.replaceAll(',', ''));
  const fen = yuan * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return refuse('AMOUNT_TOO_LARGE', undefined, field);
  return success(Number(fen));
}

/** '1234.50' (no sign, no separators), e.g. for spreadsheets and document fields. */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const abs = BigInt(Math.abs(fen));
  return `${fen < 0 ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** '¥1,234.50'. */
export function formatYuan(fen: number): string {
  const plain = fenToYuanString(Math.abs(fen));
  const [whole, cents] = plain.split('.') as [string, string];
  return `${fen < 0 ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** One group of four digits, e.g. 1005 → 壹仟零伍; zeros inside collapse to one 零, trailing zeros drop. */
function groupToChinese(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + IN_GROUP[pos]!;
  }
  return out;
}

/** Whole yuan in capitals: 壹拾万零柒佰; 壹拾 keeps its 壹 as bank rules require. */
function yuanToChinese(yuan: bigint): string {
  if (yuan === 0n) return '零';
  const groups: number[] = [];
  for (let v = yuan; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  let out = '';
  let zeroBefore = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) { zeroBefore = out !== ''; continue; }
    // A group below 1000 after a higher group reads with a 零 (壹万零伍佰), as does one after an empty group.
    if (out && (zeroBefore || g < 1000)) out += '零';
    zeroBefore = false;
    out += groupToChinese(g) + GROUPS[i]!;
  }
  return out;
}

/**
 * The amount in Chinese capitals as written on decisions and receipts (中国人民银行《正确填写票据和
 * 结算凭证的基本规定》): 壹万贰仟叁佰肆拾伍元整, 壹仟肆佰零玖元伍角整, 叁佰贰拾伍元零肆分, 伍角整.
 * 整 follows 元 or 角 when nothing smaller follows; a 0 in the 角 place before a non-zero 分 is written 零.
 */
export function formatChineseAmount(fen: number): string {
  assertFen(fen);
  const abs = BigInt(Math.abs(fen));
  const yuan = abs / 100n;
  const jiao = Number((abs / 10n) % 10n);
  const fenDigit = Number(abs % 10n);
  let out = fen < 0 ? '负' : '';
  if (yuan > 0n || (jiao === 0 && fenDigit === 0)) out += `${yuanToChinese(yuan)}元`;
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  if (fenDigit > 0) return `${out}${DIGITS[fenDigit]}分`;
  return `${out}整`;
}

const PERCENT = /^(\d+)(?:\.(\d{1,6}))?$/;

/**
 * `percent` % of a non-negative amount, rounded to the fen as asked ('half-up' for 四舍五入).
 * `percent` is a decimal string ('3', '0.5') so that no binary fraction creeps in.
 */
export function percentOfFen(amountFen: number, percent: string, rounding: Rounding): number {
  assertFen(amountFen);
  if (amountFen < 0) throw new RangeError('percentOfFen expects a non-negative amount');
  const m = PERCENT.exec(percent);
  if (!m) throw new RangeError(`not a percentage: ${percent}`);
  const decimals = m[2] ?? '';
  const numerator = BigInt(m[1]! + decimals);
  const denominator = 100n * 10n ** BigInt(decimals.length);
  return toSafeNumber(divideRounded(BigInt(amountFen) * numerator, denominator, rounding));
}
