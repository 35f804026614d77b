import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../app/api';

/** Loads data for the current inputs, with abort on change, an error message and a reload. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): { data: T | null; loading: boolean; error: string | null; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    load(ctrl.signal).then(
      (v) => { setData(v); setLoading(false); },
      (e: unknown) => { if (ctrl.signal.aborted) return; setError(errorMessage(e)); setLoading(false); },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload };
}
