// Money and refusal texts every page shows the same way (amounts are integer fen end to end).
import type { TFunction } from 'i18next';
import { formatYuan, parseYuanToFen } from '../../../src/law/fen';
import { MESSAGES } from '../../../src/platform/i18n/messages';
import type { Citation } from '../../../src/law/outcome';
import { currentLang } from '../i18n';

export { formatYuan };

/** The article a rule or refusal cites (《行政处罚法》第五十八条第一款), in the UI language. */
export function citationText(t: TFunction, c: Citation | undefined): string {
  if (!c) return '';
  return t('app.citation', { law: c.law, article: `${c.article}${c.paragraph ?? ''}${c.item ?? ''}` });
}

/** The message for a refusal code in the UI language (the server's own catalogue), with its article. */
export function refusalText(t: TFunction, code: string | undefined, citation?: Citation): string {
  const entry = code ? MESSAGES[code] : undefined;
  const message = entry ? entry[currentLang()] : (code ?? '');
  return message + citationText(t, citation);
}

/** An amount typed in yuan (InputNumber stringMode) → integer fen, or null when it is not an amount. */
export function yuanToFen(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const r = parseYuanToFen(String(v));
  return r.ok ? r.value : null;
}

export const fenToYuanInput = (fen: number | null | undefined): string | undefined =>
  fen === null || fen === undefined ? undefined : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
