// Typed calls for each API route the web app uses.
import { apiFetch, withQuery } from './client';
import type {
  County, CountyDetail, CountyFeatureProperties, CoverageAnswer, FeatureCollection, ItemList,
  LanguageList, Municipality, Organisation, OrganisationInput, OrganisationKindInfo, OrganisationPage,
  OrganisationQuery, OrganisationUpdate, PoliceRegion, ServiceCatalog,
} from './types';

const V1 = '/api/v1';
type Sig = AbortSignal | undefined;

export const geoApi = {
  policeRegions: (signal?: Sig) => apiFetch<ItemList<PoliceRegion>>(`${V1}/geo/police-regions`, { signal }),
  counties: (signal?: Sig) => apiFetch<ItemList<County>>(`${V1}/geo/counties`, { signal }),
  county: (code: string, signal?: Sig) =>
    apiFetch<CountyDetail>(`${V1}/geo/counties/${encodeURIComponent(code)}`, { signal }),
  municipalities: (signal?: Sig) => apiFetch<ItemList<Municipality>>(`${V1}/geo/municipalities`, { signal }),
  countyMap: (signal?: Sig) =>
    apiFetch<FeatureCollection<CountyFeatureProperties>>(`${V1}/geo/maps/counties`, { signal }),
};

export const refApi = {
  services: (signal?: Sig) => apiFetch<ServiceCatalog>(`${V1}/ref/services`, { signal }),
  organisationKinds: (signal?: Sig) =>
    apiFetch<ItemList<OrganisationKindInfo>>(`${V1}/ref/organisation-kinds`, { signal }),
  languages: (q: string, limit: number, signal?: Sig) =>
    apiFetch<LanguageList>(withQuery(`${V1}/ref/languages`, { q, limit }), { signal }),
};

const orgPath = (id: string) => `${V1}/organisations/${encodeURIComponent(id)}`;

export const orgApi = {
  list: (query: OrganisationQuery, signal?: Sig) =>
    apiFetch<OrganisationPage>(withQuery(`${V1}/organisations`, { ...query }), { signal }),
  get: (id: string, signal?: Sig) => apiFetch<Organisation>(orgPath(id), { signal }),
  create: (input: OrganisationInput) =>
    apiFetch<Organisation>(`${V1}/organisations`, { method: 'POST', body: input }),
  update: (id: string, input: OrganisationUpdate) =>
    apiFetch<Organisation>(orgPath(id), { method: 'PUT', body: input }),
  setActive: (id: string, active: boolean, version: number) =>
    apiFetch<Organisation>(`${orgPath(id)}/${active ? 'activate' : 'deactivate'}`, {
      method: 'POST',
      body: { version },
    }),
  coverage: (municipality: string, service: string | undefined, signal?: Sig) =>
    apiFetch<CoverageAnswer>(withQuery(`${V1}/organisations/coverage`, { municipality, service }), { signal }),
};
