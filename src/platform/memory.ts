// The server's garbage-collector setting. V8 sizes a large machine's heap lazily: while the HJ 212 gateway
// ingests, objects that live until their batch commits are promoted, and the old generation grew to
// 154–280 MB of mostly dead objects before a full collection (issue 18, target 4: RSS < 400 MB), against a
// live heap of ≈ 40 MB. A heap growing factor of 1.3 collects sooner (bench/monitoring.ts, figures in its header).
// With PGlite, whose database lives in the same process (≈ 180 MB), that is the default: RSS during ingest
// 384–390 MB instead of 500–650 MB. With PostgreSQL the database has processes of its own and the server stays
// at 310–320 MB with V8's own sizing, which costs ≈ 10 % less CPU per stored point (8.7 vs 9.8–12.9 µs): there
// V8 keeps its own unless the setting says otherwise.
import v8 from 'node:v8';

export const DEFAULT_HEAP_GROWING_PERCENT = 30;

/** ECOGOV_HEAP_GROWING_PERCENT: unset → the engine's default (undefined); 'off' → V8's own (null); else 10–300. */
export function heapGrowingPercentOf(value: string | undefined): number | null | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v === 'off') return null;
  const n = Number(v);
  if (!/^[0-9]+$/.test(v) || n < 10 || n > 300) throw new Error(`ECOGOV_HEAP_GROWING_PERCENT: expected a whole number from 10 to 300 or "off", got "${v}"`);
  return n;
}

/** The percent to apply (null: V8's own) for a setting and the database engine in use. */
export function heapGrowingPercentFor(setting: number | null | undefined, engine: 'pglite' | 'postgres'): number | null {
  if (setting !== undefined) return setting;
  return engine === 'pglite' ? DEFAULT_HEAP_GROWING_PERCENT : null;
}

/** Applies the setting to this process (V8 reads the flag at each full collection). */
export function tuneHeap(percent: number | null): void {
  if (percent !== null) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
