// Amounts as a document states them: 人民币贰拾万元整（¥200,000.00）. The capitals and the ¥ form
// come from src/law/fen.ts (中国人民银行《正确填写票据和结算凭证的基本规定》).
import { formatChineseAmount, formatYuan } from '../../law/fen.js';

/** 20000000 → '人民币贰拾万元整（¥200,000.00）', as a decision states a fine. */
export function formatFenForDocument(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`amount must be a non-negative integer of fen: ${fen}`);
  return `人民币${formatChineseAmount(fen)}（${formatYuan(fen)}）`;
}
