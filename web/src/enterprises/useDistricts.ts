import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
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

const KIND_ORDER: District['kind'][] = ['district', 'county_city', 'development_zone'];

/** Select options grouped 区 / 县级市 / 开发区, in the server's order within each group. */
export function districtOptions(districts: District[], t: TFunction) {
  return KIND_ORDER.map((kind) => ({
    label: t(`districtKind.${kind}`),
    title: t(`districtKind.${kind}`),
    options: districts.filter((d) => d.kind === kind).map((d) => ({ value: d.id, label: d.name })),
  })).filter((g) => g.options.length > 0);
}
