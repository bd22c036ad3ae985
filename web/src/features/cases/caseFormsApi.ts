// Types and typed calls of the case page's forms for closing and reopening a case, its exploitation,
// its criminal proceedings with the offences in force on a day, and a running clock's renewal and
// revocation (docs/api/openapi.yaml: CaseCloseInput, ExploitationRecordInput, ProceedingsInput,
// OffenceList, ClockRenewalInput).
import { cached } from '../../api/cache';
import { apiFetch, withQuery } from '../../api/client';
import type { Case } from '../../api/caseTypes';
import type { Clock } from './caseWorkTypes';

type Sig = AbortSignal | undefined;
const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

/** The reasons a case closes with, in the order the form offers them. */
export const CLOSURE_REASONS = [
  'safe_return_completed', 'integrated', 'declined_support', 'lost_contact', 'not_a_trafficking_case', 'transferred_abroad',
] as const;

export const EXPLOITATION_FORMS = [
  'sexual', 'labour', 'forced_begging', 'forced_criminality', 'organ_removal', 'forced_marriage', 'illegal_adoption',
  'surrogacy_exploitation', 'domestic_servitude', 'other',
] as const;
export const LABOUR_SECTORS = [
  'berry_picking', 'agriculture', 'forestry', 'construction', 'restaurants', 'hotels', 'cleaning', 'beauty_services',
  'car_wash', 'retail', 'manufacturing', 'transport', 'warehouse', 'fishing', 'other',
] as const;

export interface ExploitationFormEntry {
  form: string;
  sector?: string | null;
  details?: string;
}

export interface ExploitationPlaces {
  municipalities?: string[];
  recruitment_countries?: string[];
  transit_countries?: string[];
  exploitation_countries?: string[];
}

/** YYYY, YYYY-MM or YYYY-MM-DD at either end; either may be open. */
export interface ExploitationPeriod {
  from?: string | null;
  to?: string | null;
}

export interface ExploitationInput {
  forms: ExploitationFormEntry[];
  places?: ExploitationPlaces;
  period?: ExploitationPeriod;
}

export interface ExploitationVersions {
  current: (ExploitationInput & { id: string; recorded_by: string; recorded_at: string }) | null;
  history: unknown[];
}

export const INVESTIGATION_LEADERS = ['police', 'prosecutor'] as const;
export const PROSECUTION_OUTCOMES = ['indictment', 'no_prosecution', 'prosecution_waiver', 'summary_penalty_order'] as const;
export const COURT_LEVELS = ['district_court', 'court_of_appeal', 'supreme_court'] as const;
export const VERDICTS = ['convicted', 'partly_convicted', 'acquitted'] as const;
export const SENTENCE_KINDS = [
  'prison', 'conditional_sentence', 'probation', 'fine', 'youth_service', 'youth_care', 'forensic_care', 'other',
] as const;
export const APPEALED_BY = ['prosecutor', 'defendant', 'injured_party'] as const;
export const INJURED_PARTY_STATUSES = ['not_decided', 'injured_party', 'not_injured_party'] as const;

export interface OffenceEntry {
  offence_id: string;
  version_id: string;
  grade?: string;
  committed?: string | null;
  description?: string;
}

/** One dated version of an offence as GET /api/v1/offences sends it (OffenceVersion). */
export interface OffenceVersion {
  offence_id: string;
  version_id: string;
  name_en: string;
  name_sv: string;
  legal_reference: string;
  valid_from: string;
  valid_to: string | null;
  sources: string[];
  grades: { id: string; name_en: string; name_sv: string }[];
  needs_description: boolean;
  needs_check: boolean;
  note: string;
  /** The version just before, when the law gave it another name. */
  renamed_from: { version_id: string; name_en: string; name_sv: string; legal_reference: string; valid_from: string; valid_to: string | null } | null;
}

export interface OffenceList {
  on: string;
  catalog_version: string;
  items: OffenceVersion[];
}

export interface Sentence {
  kind: string;
  months?: number;
  details?: string;
}

export interface Judgment {
  level: string;
  court: string;
  case_number?: string;
  delivered_on: string;
  verdict: string;
  sentence?: Sentence | null;
  final?: boolean;
}

export interface Appeal {
  from_level: string;
  by: string;
  lodged_on: string;
}

export interface InjuredParty {
  person_id: string;
  status: string;
  since?: string | null;
}

export interface ProceedingsFields {
  police_report_numbers: string[];
  offences: OffenceEntry[];
  investigation: { opened_on: string; led_by: string; closed_on?: string | null; closing_reason?: string } | null;
  prosecution: { outcome: string; decided_on: string } | null;
  judgments: Judgment[];
  appeals: Appeal[];
  injured_parties: InjuredParty[];
}

export interface ProceedingsInput extends ProceedingsFields {
  expected_version: number;
}

export interface Proceedings extends ProceedingsFields {
  case_id: string;
  version: number;
  recorded_by: string | null;
  recorded_at: string | null;
  versions: { version: number; recorded_by: string; recorded_at: string }[];
}

export interface ClockRenewalInput {
  decided_on: string;
  applicant?: string;
  applied_on?: string;
  ends_on?: string;
  conditions?: string[];
}

export const closureApi = {
  close: (id: string, reason: string) => apiFetch<Case>(`${casePath(id)}/close`, { method: 'POST', body: { reason } }),
  reopen: (id: string) => apiFetch<Case>(`${casePath(id)}/reopen`, { method: 'POST', body: {} }),
};

export const exploitationApi = {
  get: (id: string, signal?: Sig) => apiFetch<ExploitationVersions>(`${casePath(id)}/exploitation`, { signal }),
  save: (id: string, body: ExploitationInput) => apiFetch<unknown>(`${casePath(id)}/exploitation`, { method: 'PUT', body }),
};

export const proceedingsApi = {
  get: (id: string, signal?: Sig) => apiFetch<Proceedings>(`${casePath(id)}/proceedings`, { signal }),
  save: (id: string, body: ProceedingsInput) => apiFetch<Proceedings>(`${casePath(id)}/proceedings`, { method: 'PUT', body }),
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The offences in force on `on` (YYYY-MM-DD; anything else: today in Sweden), loaded once per day asked. */
export const offencesApi = {
  list: (on?: string) => {
    const day = on && ISO_DAY.test(on) ? on : '';
    return cached(`offences:${day}`, () => apiFetch<OffenceList>(withQuery('/api/v1/offences', { on: day })));
  },
};

export const clockChangeApi = {
  renew: (id: string, clockId: string, body: ClockRenewalInput) =>
    apiFetch<Clock>(`${casePath(id)}/clocks/${encodeURIComponent(clockId)}/renewal`, { method: 'POST', body }),
  revoke: (id: string, clockId: string, revokedOn: string) =>
    apiFetch<Clock>(`${casePath(id)}/clocks/${encodeURIComponent(clockId)}/revocation`, {
      method: 'POST', body: { revoked_on: revokedOn },
    }),
};
