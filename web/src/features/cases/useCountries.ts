// The ISO 3166-1 countries from /api/v1/ref/countries, fetched once and kept for the page's life.
import { useEffect, useState } from 'react';
import { refApi } from '../../api/endpoints';
import type { Country } from '../../api/types';

let cached: Country[] | null = null;

/** The countries, or an empty list until they have loaded (or when they cannot be). */
export function useCountries(): readonly Country[] {
  const [list, setList] = useState<Country[]>(cached ?? []);
  useEffect(() => {
    if (cached) return;
    const ctl = new AbortController();
    refApi.countries(ctl.signal).then(
      (r) => {
        cached = r.items;
        setList(r.items);
      },
      () => undefined,
    );
    return () => { ctl.abort(); };
  }, []);
  return list;
}
