// The server's garbage-collector setting. V8 sizes a large machine's heap lazily: while the HJ 212 gateway
// ingests, objects that live until their batch commits are promoted, and the old generation grew to
// 236–280 MB of mostly dead objects before a full collection (issue 18, target 4: RSS < 400 MB), against a
// live heap of ≈ 40 MB. A heap growing factor of 1.3 collects sooner: at the peak 85–93 MB used, the same
// points/s (bench/monitoring.ts --pglite-only, figures in its header).
import v8 from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 30;

/** ECOGOV_HEAP_GROWING_PERCENT: 'off' keeps V8's own; else a whole number 10–300 (percent). */
export function heapGrowingPercentOf(value: string | undefined): number | null {
  const v = value?.trim();
  if (!v) return DEFAULT_HEAP_GROWING_PERCENT;
  if (v === 'off') return null;
  const n = Number(v);
  if (!/^[0-9]+$/.test(v) || n < 10 || n > 300) throw new Error(`ECOGOV_HEAP_GROWING_PERCENT: expected a whole number from 10 to 300 or "off", got "${v}"`);
  return n;
}

/** Applies the setting to this process (V8 reads the flag at each full collection). */
export function tuneHeap(percent: number | null): void {
  if (percent !== null) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
