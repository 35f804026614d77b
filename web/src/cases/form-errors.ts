import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, errorMessage, messageWithCitation, messageWithoutField } from '../app/api';

type Path = (string | number)[];

/**
 * Maps a server `error.field` ('fineFen', 'findings.evidence', 'opinions.0.opinion', 'proposal.facts')
 * onto a form path, or null when the form has no such field.
 */
export function formPathOf(field: string | undefined, names: readonly string[], aliases: Record<string, Path> = {}): Path | null {
  if (!field) return null;
  if (aliases[field]) return aliases[field];
  const parts: Path = field.split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  // Step bodies nest the proposal; the forms lay its fields out flat.
  if (parts[0] === 'proposal' && parts.length > 1) parts.shift();
  const head = String(parts[0]);
  if (aliases[head]) return [...aliases[head], ...parts.slice(1)];
  return names.includes(head) ? parts : null;
}

/**
 * Shows an API error on the form: on its field when the server names one the form has (400/409/422),
 * else returns the message (with its article) for a banner.
 */
export function applyApiError(
  form: FormInstance,
  e: unknown,
  t: TFunction,
  names: readonly string[],
  aliases: Record<string, Path> = {},
): string {
  if (!(e instanceof ApiError)) return errorMessage(e);
  const cite = (m: string) => messageWithCitation(m, e, (law, article) => t('app.citation', { law, article }));
  const path = [400, 409, 422].includes(e.status) ? formPathOf(e.field, names, aliases) : null;
  if (path) {
    form.setFields([{ name: path, errors: [cite(messageWithoutField(e))] }]);
    form.scrollToField(path, { block: 'center' });
    return '';
  }
  return cite(e.message);
}
