// The organisation form's state, and its conversion to and from the API's types.
import type {
  AgeGroup, CoverageScope, FieldProblem, Gender, Organisation, OrganisationInput, OrganisationKind,
} from '../../api/types';

export interface CapacityRow {
  /** Stable React key; not sent to the server. */
  key: number;
  gender: Gender;
  age_group: AgeGroup;
  places: string;
}

export interface OrgFormState {
  name: string;
  kind: OrganisationKind | '';
  active: boolean;
  phone: string;
  email: string;
  website: string;
  postalAddress: string;
  scope: CoverageScope;
  codes: string[];
  services: string[];
  languages: string[];
  capacity: CapacityRow[];
  occupancyReported: boolean;
  occupied: string;
  reportedOn: string;
  /** Write-only: empty means "keep what is stored" (or none, for a new organisation). */
  protectedAddress: string;
}

export const MAX_PLACES = 100000;

let nextRowKey = 1;
export function newCapacityRow(): CapacityRow {
  return { key: nextRowKey++, gender: 'any', age_group: 'any', places: '' };
}

export function emptyForm(): OrgFormState {
  return {
    name: '', kind: '', active: true, phone: '', email: '', website: '', postalAddress: '',
    scope: 'municipalities', codes: [], services: [], languages: [], capacity: [],
    occupancyReported: false, occupied: '', reportedOn: '', protectedAddress: '',
  };
}

export function fromOrganisation(o: Organisation): OrgFormState {
  return {
    name: o.name,
    kind: o.kind,
    active: o.active,
    phone: o.contact.phone,
    email: o.contact.email,
    website: o.contact.website,
    postalAddress: o.contact.postal_address,
    scope: o.coverage.scope,
    codes: [...o.coverage.codes],
    services: [...o.services],
    languages: [...o.languages],
    capacity: o.capacity.map((c) => ({ ...newCapacityRow(), gender: c.gender, age_group: c.age_group, places: String(c.places) })),
    occupancyReported: o.occupancy !== null,
    occupied: o.occupancy ? String(o.occupancy.occupied) : '',
    reportedOn: o.occupancy?.reported_on ?? '',
    protectedAddress: '',
  };
}

/** Parses a whole number as typed; NaN for anything else (empty, decimals, letters). */
export function parseWhole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}

/**
 * Problems the browser can see before sending: the counts must be whole numbers, or they could not be
 * sent as JSON numbers. Everything else is the server's to judge. Paths use the server's format.
 */
export function localProblems(s: OrgFormState): FieldProblem[] {
  const problems: FieldProblem[] = [];
  s.capacity.forEach((row, i) => {
    if (Number.isNaN(parseWhole(row.places))) {
      problems.push({ field: `capacity[${i}].places`, rule: 'integer', detail: 'A whole number.' });
    }
  });
  if (s.occupancyReported) {
    if (Number.isNaN(parseWhole(s.occupied))) {
      problems.push({ field: 'occupancy.occupied', rule: 'integer', detail: 'A whole number.' });
    }
    if (!s.reportedOn) problems.push({ field: 'occupancy.reported_on', rule: 'required', detail: 'A date.' });
  }
  return problems;
}

/** The request body. REQUIRES: localProblems(s) is empty. */
export function toInput(s: OrgFormState): OrganisationInput {
  const input: OrganisationInput = {
    name: s.name.trim(),
    kind: s.kind,
    active: s.active,
    contact: {
      phone: s.phone.trim(),
      email: s.email.trim(),
      website: s.website.trim(),
      postal_address: s.postalAddress.trim(),
    },
    coverage: { scope: s.scope, codes: s.scope === 'national' ? [] : [...s.codes] },
    services: [...s.services],
    languages: [...s.languages],
    capacity: s.capacity.map((r) => ({ gender: r.gender, age_group: r.age_group, places: parseWhole(r.places) })),
    occupancy: s.occupancyReported ? { occupied: parseWhole(s.occupied), reported_on: s.reportedOn } : null,
  };
  // Absent means "keep the stored one": never send an empty string that would wipe it.
  if (s.protectedAddress.trim() !== '') input.protected_address = s.protectedAddress.trim();
  return input;
}
