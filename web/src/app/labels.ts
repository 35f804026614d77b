import type { TFunction } from 'i18next';

import type { CreditRating } from '../../../src/enterprises/rules/enterprise';

// The registry's vocabularies come from the server's own rules, so the two never drift apart.
export {
  CREDIT_RATINGS, KEY_UNIT_CATEGORIES, OUTFALL_KINDS,
  type CreditRating, type KeyUnitCategory, type OutfallKind,
} from '../../../src/enterprises/rules/enterprise';

/** antd Tag colours for credit ratings. */
export const CREDIT_RATING_COLOR: Record<CreditRating, string> = {
  green: 'green',
  blue: 'blue',
  yellow: 'gold',
  red: 'red',
  black: '#262626',
};

export function roleLabel(t: TFunction, role: string): string {
  return t(`role.${role}`, { defaultValue: role });
}

export function creditRatingLabel(t: TFunction, rating: string): string {
  return t(`creditRating.${rating}`, { defaultValue: rating });
}

export function keyUnitLabel(t: TFunction, cat: string): string {
  return t(`keyUnit.${cat}`, { defaultValue: cat });
}

export function outfallKindLabel(t: TFunction, kind: string): string {
  return t(`outfallKind.${kind}`, { defaultValue: kind });
}
