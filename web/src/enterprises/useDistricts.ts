import { useEffect, useState } from 'react';
import type { District } from '../app/types';
import { loadDistricts } from './api';

export function useDistricts(): { districts: District[]; loading: boolean; error: unknown } {
  const [districts, setDistricts] = useState<District[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadDistricts().then(
      (d) => {
        if (live) {
          setDistricts(d);
          setLoading(false);
        }
      },
      (e: unknown) => {
        if (live) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return { districts, loading, error };
}
