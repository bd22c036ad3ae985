// Types of the case routes (docs/api/openapi.yaml, tag `cases`).

/** The kinds of case an organisation keeps, in the order the new-case form offers them. */
export const CASE_TYPES = [
  'trafficking_in_human_beings',
  'human_exploitation',
  'child_sexual_act_purchase_exploitation',
  'prostitution_exit_support',
  'return_only',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseSummary {
  id: string;
  code: string;
  /** A CaseType; a newer server may send one this app does not know yet. */
  type: string;
  /** A CaseStatus, as for `type`. */
  status: string;
  organisation_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TeamMember {
  user_id: string;
  display_name: string;
  added_by: string;
  added_at: string;
}

export interface Case extends CaseSummary {
  closure_reason: string | null;
  steps_version: string;
  team: TeamMember[];
  /** How the caller sees the case: on its team, or opened by break-glass in this session. */
  access: 'team' | 'break_glass';
  /** When the caller's break-glass opening ends; null on the team. */
  break_glass_expires_at: string | null;
}

export interface CaseList {
  items: CaseSummary[];
  /** Exact up to 1,000; above, 1000 with `total_capped` set (more cases match). */
  total: number;
  total_capped?: boolean;
  limit: number;
  offset: number;
}

export interface CaseQuery {
  status?: string;
  /** One or more case types, comma-separated. */
  type?: string;
  limit: number;
  offset: number;
}

// Persons of a case (CasePersonInput, CasePerson, searchPersons).

/** Roles a person can have in a case, in the order the form offers them. */
export const PERSON_ROLES = ['presumed_victim', 'accompanying_child', 'witness', 'suspect', 'buyer_of_sexual_services'] as const;
/** Roles only a public authority's case may hold (the server answers 422 otherwise). */
export const AUTHORITY_ROLES: readonly string[] = ['suspect', 'buyer_of_sexual_services'];
export const GENDERS = ['female', 'male', 'other', 'not_recorded'] as const;
export const CITIZENSHIP_STATUSES = ['known', 'stateless', 'unknown'] as const;
/**
 * A person's right to stay in Sweden, in the order the form offers it: `none` = a foreign national
 * without a Swedish residence permit or right of residence (the reflection period may apply).
 */
export const RESIDENCE_PERMITS = ['none', 'has_permit', 'unknown'] as const;
export type ResidencePermit = (typeof RESIDENCE_PERMITS)[number];

export interface PersonName {
  kind?: 'name' | 'alias';
  /** The name in Latin letters. */
  latin: string;
  /** The name in its own script, when it has one. */
  original?: string;
}

/** A full or partial date (YYYY, YYYY-MM, YYYY-MM-DD), or an estimated age range. */
export type DateOfBirth = { date: string } | { age_min: number; age_max: number; estimated_on: string };

export interface Citizenship {
  status?: string;
  countries?: string[];
}

export interface ContactDetails {
  phones?: string[];
  emails?: string[];
  address?: string;
  notes?: string;
}

export interface CasePersonInput {
  role: string;
  names?: PersonName[];
  date_of_birth?: DateOfBirth | null;
  claimed_minor?: boolean;
  gender?: string;
  citizenship?: Citizenship;
  languages?: string[];
  contact?: ContactDetails;
  /** Absent = unknown. */
  residence_permit?: ResidencePermit;
  /** A child in Sweden without a parent or another adult in the parent's place; absent = false. */
  unaccompanied?: boolean;
}

export interface CasePerson {
  id: string;
  code: string;
  role: string;
  names: PersonName[];
  date_of_birth: DateOfBirth | null;
  claimed_minor: boolean;
  gender: string;
  citizenship: Citizenship;
  languages: string[];
  documents: unknown[];
  contact: ContactDetails;
  residence_permit: ResidencePermit;
  unaccompanied: boolean;
  protection: string;
  added_by: string;
  added_at: string;
  version: number;
}

export interface FoundPerson extends CasePerson {
  case_id: string;
  /** How the name matched: as written, or by sound. */
  match: 'exact' | 'phonetic';
}
