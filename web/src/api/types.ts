// Payload types of the OpenNRM HTTP API v1, as docs/api/README.md describes them.

export interface Population {
  count: number;
  year: number;
}

export type PoliceRegionId = 'nord' | 'mitt' | 'bergslagen' | 'stockholm' | 'vast' | 'ost' | 'syd';

export interface PoliceRegion {
  id: PoliceRegionId;
  name: string;
  name_en: string;
  seat: string;
  counties: string[];
}

export interface County {
  code: string;
  name: string;
  short_name: string;
  letter: string;
  police_region: PoliceRegionId;
  population: Population | null;
  municipality_count: number;
}

export interface Municipality {
  code: string;
  name: string;
  county_code: string;
  population: Population | null;
}

export interface CountyDetail extends County {
  municipalities: Municipality[];
}

export interface MunicipalityDetail extends Municipality {
  county: { code: string; name: string; letter: string };
  police_region: { id: PoliceRegionId; name: string; name_en: string };
}

export interface ItemList<T> {
  items: T[];
}

/** GeoJSON as served by /api/v1/geo/maps/*: positions are [longitude, latitude]. */
export type Position = [number, number] | [number, number, number];
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface CountyFeatureProperties {
  code: string;
  name: string;
  letter: string;
  police_region: PoliceRegionId;
}

export interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: Geometry;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name_en: string;
  name_sv: string;
}

export interface Language {
  code: string;
  name_en: string;
  name_sv: string;
  scope: string;
  type: string;
}

export interface LanguageList {
  items: Language[];
  total: number;
}

export interface Service {
  code: string;
  name_en: string;
  name_sv: string;
  group: string;
}

export interface ServiceCatalog {
  version: string;
  items: Service[];
}

export const ORGANISATION_KINDS = [
  'national_unit',
  'county_board',
  'municipal_social_services',
  'regional_coordinator',
  'police_region',
  'prosecution_authority',
  'migration_agency',
  'work_environment_authority',
  'tax_agency',
  'customs',
  'iom',
  'ngo_shelter',
  'health_care',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface OrganisationKindInfo {
  code: OrganisationKind;
  public_authority: boolean;
}

export const COVERAGE_SCOPES = ['national', 'police_regions', 'counties', 'municipalities'] as const;
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];

export const GENDERS = ['women', 'men', 'any'] as const;
export type Gender = (typeof GENDERS)[number];
export const AGE_GROUPS = ['adults', 'children', 'any'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface Contact {
  phone?: string;
  email?: string;
  website?: string;
  postal_address?: string;
}

export interface Coverage {
  scope: CoverageScope;
  codes: string[];
}

export interface CapacityEntry {
  gender: Gender;
  age_group: AgeGroup;
  places: number;
}

export interface Occupancy {
  occupied: number;
  /** A calendar date, YYYY-MM-DD. */
  reported_on: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  public_authority: boolean;
  active: boolean;
  contact: Required<Contact>;
  coverage: Coverage;
  services: string[];
  languages: string[];
  capacity: CapacityEntry[];
  occupancy: Occupancy | null;
  free_places: number | null;
  has_protected_address: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind | '';
  contact?: Contact;
  coverage: Coverage;
  services?: string[];
  languages?: string[];
  capacity?: CapacityEntry[];
  occupancy?: Occupancy | null;
  active?: boolean;
  /** Write-only: the server never returns it, only has_protected_address. */
  protected_address?: string;
}

export interface OrganisationUpdate extends OrganisationInput {
  version: number;
}

export interface OrganisationPage {
  items: Organisation[];
  total: number;
  limit: number;
  offset: number;
}

export type ActiveFilter = 'true' | 'false' | 'all';

export interface OrganisationQuery {
  q?: string;
  kind?: string;
  municipality?: string;
  service?: string;
  active?: ActiveFilter;
  limit?: number;
  offset?: number;
}

export interface CoverageAnswer {
  municipality: { code: string; name: string };
  county: { code: string; name: string };
  police_region: { id: PoliceRegionId; name: string; name_en: string };
  service: string | null;
  items: Organisation[];
}

/** One broken rule in an RFC 9457 problem document. */
export interface FieldProblem {
  field: string;
  rule: string;
  detail: string;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  request_id?: string;
  errors: FieldProblem[];
  /** 403 login-incomplete: the login step the session is at (an extension member). */
  stage?: string;
  /** 429 too-many-attempts: seconds to wait, from the Retry-After header. */
  retry_after?: number;
}
