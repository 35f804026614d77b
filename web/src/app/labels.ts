import type { TFunction } from 'i18next';

export const CREDIT_RATINGS = ['green', 'blue', 'yellow', 'red', 'black'] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

export const KEY_UNIT_CATEGORIES = ['water', 'air', 'soil', 'noise', 'risk'] as const;
export type KeyUnitCategory = (typeof KEY_UNIT_CATEGORIES)[number];

export const OUTFALL_KINDS = ['water', 'air'] as const;
export type OutfallKind = (typeof OUTFALL_KINDS)[number];

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
