// Reference data changes rarely: load each kind once per page load and share it.
import { geoApi, refApi } from './endpoints';
import type { County, Municipality, PoliceRegion, ServiceCatalog } from './types';

const promises = new Map<string, Promise<unknown>>();

/** Runs `load` once per key; a failed load is forgotten so the next call retries. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = promises.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    promises.set(key, p);
    p.catch(() => promises.delete(key));
  }
  return p;
}

/** For tests: forget everything. */
export function clearCache(): void {
  promises.clear();
}

export interface GeoReference {
  regions: PoliceRegion[];
  counties: County[];
  municipalities: Municipality[];
}

// The loaders ignore the abort signal on purpose: the shared result outlives any one component.
export const loadGeoReference = (): Promise<GeoReference> =>
  cached('geo', async () => {
    const [regions, counties, municipalities] = await Promise.all([
      geoApi.policeRegions(),
      geoApi.counties(),
      geoApi.municipalities(),
    ]);
    return { regions: regions.items, counties: counties.items, municipalities: municipalities.items };
  });

export const loadServices = (): Promise<ServiceCatalog> => cached('services', () => refApi.services());

