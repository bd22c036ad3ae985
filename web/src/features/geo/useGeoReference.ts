// Police regions, counties and municipalities, loaded once and looked up by code.
import { useMemo } from 'react';
import { loadGeoReference, type GeoReference } from '../../api/cache';
import type { County, Municipality, PoliceRegion } from '../../api/types';
import { useApi } from '../../api/useApi';

export interface GeoLookup extends GeoReference {
  region: (id: string) => PoliceRegion | undefined;
  county: (code: string) => County | undefined;
  municipality: (code: string) => Municipality | undefined;
}

function index<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((i) => [key(i), i]));
}

export function useGeoReference(): { geo: GeoLookup | undefined; error: unknown; reload: () => void } {
  const { data, error, reload } = useApi(loadGeoReference);
  const geo = useMemo(() => {
    if (!data) return undefined;
    const regions = index(data.regions, (r) => r.id);
    const counties = index(data.counties, (c) => c.code);
    const municipalities = index(data.municipalities, (m) => m.code);
    return {
      ...data,
      region: (id: string) => regions.get(id),
      county: (code: string) => counties.get(code),
      municipality: (code: string) => municipalities.get(code),
    };
  }, [data]);
  return { geo, error, reload };
}
