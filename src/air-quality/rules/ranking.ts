// Rankings with ties: equal values share a rank (并列), the next rank skips (1, 2, 2, 4).

export interface Ranked<T> {
  item: T;
  value: number | null;
  /** null for items without a value: listed last, unranked. */
  rank: number | null;
  tied: boolean;
}

/**
 * Ranks by `value`, ascending (smaller is better: composite index, concentration) or descending
 * (larger is better: good-day ratio, double index). Ties compare the values as given, so round first.
 */
export function rankWithTies<T>(items: readonly T[], value: (item: T) => number | null, order: 'asc' | 'desc'): Ranked<T>[] {
  const withValue = items.map((item) => ({ item, value: value(item) }));
  const ranked = withValue.filter((r) => r.value !== null) as { item: T; value: number }[];
  ranked.sort((a, b) => (order === 'asc' ? a.value - b.value : b.value - a.value));
  const out: Ranked<T>[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    const prev = out[i - 1];
    const rank = prev && prev.value === r.value ? prev.rank! : i + 1;
    out.push({ item: r.item, value: r.value, rank, tied: false });
  }
  for (let i = 0; i < out.length; i++) {
    out[i]!.tied = (i > 0 && out[i - 1]!.rank === out[i]!.rank) || (i + 1 < out.length && out[i + 1]!.rank === out[i]!.rank);
  }
  for (const r of withValue) if (r.value === null) out.push({ item: r.item, value: null, rank: null, tied: false });
  return out;
}

/** The items sharing the last rank (倒数第一), none when nothing is ranked. */
export function lastPlace<T>(ranked: readonly Ranked<T>[]): T[] {
  const ranks = ranked.filter((r) => r.rank !== null).map((r) => r.rank!);
  if (!ranks.length) return [];
  const worst = Math.max(...ranks);
  return ranked.filter((r) => r.rank === worst).map((r) => r.item);
}
