import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './api';

export interface Loaded<T> {
  /** The last data loaded (kept while a reload runs, so a table does not flash empty). */
  data: T | null;
  loading: boolean;
  /** The failure of the last load, as a message for LoadError; null when it succeeded. */
  error: string | null;
  reload(): void;
}

/**
 * Loads data for the current inputs: runs `fetcher` again when a dep changes or on reload(), aborts
 * the request it replaces (its late answer or failure is dropped), and says loading and error.
 */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    fetcher(ctrl.signal).then(
      (v) => { if (ctrl.signal.aborted) return; setData(v); setLoading(false); },
      (e: unknown) => { if (ctrl.signal.aborted) return; setError(errorMessage(e)); setLoading(false); },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}
