import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../app/api';
import { enterpriseApi } from './api';
import type { Enterprise } from './types';

export function useEnterprise(id: string | undefined) {
  const [enterprise, setEnterprise] = useState<Enterprise | null>(null);
  const [loading, setLoading] = useState(!!id);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!id) return;
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    enterpriseApi.get(id, ctrl.signal).then(
      (e) => {
        setEnterprise(e);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [id, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { enterprise, setEnterprise, loading, error, reload };
}
