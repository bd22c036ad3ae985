// Synthetic data for the referral tests: a municipal social worker's case with one person, organisations
// of the directory, the rules, consents, a referral and its package. No real person.
import type { UserOrganisation } from '../../api/accountTypes';
import type { Case, CasePerson } from '../../api/caseTypes';
import type { BasisRule, LedgerConsent, Referral, ReferralRules } from '../../api/referralTypes';
import type { Handler, Reply } from '../../test/fakeApi';

export const municipality: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
export const coordinator: UserOrganisation = { id: 'org-rc', name: 'Regionkoordinator Nord', kind: 'regional_coordinator' };
export const ngo: UserOrganisation = { id: 'org-ngo', name: 'Skyddade boendet', kind: 'ngo_shelter' };
export const police: UserOrganisation = { id: 'org-pol', name: 'Polisregion Nord', kind: 'police_region' };

export const CASE_ID = '0123456789abcdef0123456789abcdef';
export const BASE = `/api/v1/cases/${CASE_ID}`;
export const ME = 'user-social_worker';

export const stored: Case = {
  id: CASE_ID, code: 'NRM-2026-000045', type: 'trafficking_in_human_beings', status: 'open', organisation_id: 'org-kom',
  created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
  closure_reason: null, steps_version: 'se-manual-2019', access: 'team', break_glass_expires_at: null,
  team: [{ user_id: ME, display_name: 'Test Person', added_by: ME, added_at: '2026-11-20T08:00:00Z' }],
};

export const olena: CasePerson = {
  id: 'p1', code: 'P-2026-000123', role: 'presumed_victim', names: [{ kind: 'name', latin: 'Olena Kovalenko' }],
  date_of_birth: { date: '1990-04' }, claimed_minor: false, gender: 'female', citizenship: {}, languages: ['ukr'],
  documents: [], contact: {}, residence_permit: 'unknown', unaccompanied: false, protection: 'none', added_by: ME,
  added_at: '2026-11-22T10:00:00Z', version: 1,
};

const basis = (code: string, patch: Partial<BasisRule>): BasisRule => ({
  code, title_sv: code, title_en: code, legal_reference_sv: `${code} (sv)`, legal_reference_en: `${code} (en)`,
  justification_required: true, recipient_kinds: [], child_only: false, immediate_danger_only: false, needs_check: false,
  valid_from: '2009-06-30', valid_to: null, ...patch,
});

export const authorityRules: ReferralRules = {
  sender_kind: 'municipal_social_services',
  bases: [
    basis('consent', { title_sv: 'Personens samtycke', title_en: "The person's consent", justification_required: false,
      legal_reference_sv: 'Offentlighets- och sekretesslagen (2009:400) 10 kap. 1 §' }),
    basis('own_task_necessity', { title_sv: 'Nödvändigt för att myndigheten ska kunna fullgöra sin egen verksamhet',
      title_en: 'Necessary for the authority to carry out its own task', legal_reference_sv: 'Offentlighets- och sekretesslagen (2009:400) 10 kap. 2 §' }),
    basis('duty_to_report_child', { title_sv: 'Anmälan om oro för ett barn (orosanmälan)', title_en: 'Report of concern about a child',
      recipient_kinds: ['municipal_social_services'], child_only: true }),
  ],
  purposes: [
    { purpose: 'support', response_days: 7, outcomes: ['support_given', 'other'], usual_recipient_kinds: ['regional_coordinator', 'municipal_social_services', 'ngo_shelter'], suggested_sections: ['identity', 'contact', 'needs_safety'] },
    { purpose: 'shelter', response_days: 2, outcomes: ['shelter_place_given', 'other'], usual_recipient_kinds: ['ngo_shelter', 'municipal_social_services'], suggested_sections: ['identity', 'contact', 'needs_safety'] },
    { purpose: 'report_to_police', response_days: 7, outcomes: ['report_recorded', 'other'], usual_recipient_kinds: ['police_region'], suggested_sections: ['identity', 'contact', 'assessment'] },
  ],
};

export const ngoRules: ReferralRules = {
  sender_kind: 'ngo_shelter',
  bases: [
    basis('consent', { title_sv: 'Personens samtycke', title_en: "The person's consent", justification_required: false }),
    basis('vital_interests', { title_sv: 'Skydd för personens grundläggande intressen vid omedelbar fara',
      title_en: 'The person\'s vital interests, in immediate danger', immediate_danger_only: true,
      legal_reference_sv: 'Dataskyddsförordningen (EU) 2016/679 artikel 6.1 d' }),
  ],
  purposes: authorityRules.purposes,
};

export const consent = (patch: Partial<LedgerConsent> = {}): LedgerConsent => ({
  id: 'c1', case_id: CASE_ID, person_id: 'p1', person_code: 'P-2026-000123', recipient_organisation_id: coordinator.id,
  recipient_name: coordinator.name, purpose: 'support', sections: ['identity', 'contact', 'needs_safety'],
  given_on: '2026-11-20', form: 'spoken', language: 'ukr', interpreter: null, note: '', taken_by: ME, status: 'given',
  revoked_on: null, revoked_by: null, revocation_reason: null, recorded_at: '2026-11-20T10:00:00Z', version: 1, ...patch,
});

export const referral = (patch: Partial<Referral> = {}): Referral => ({
  id: 'r1', code: 'REF-2026-000012', sender: { id: municipality.id, name: municipality.name },
  recipient: { id: coordinator.id, name: coordinator.name }, source: { kind: 'case', id: CASE_ID, case_code: stored.code },
  person: { id: 'p1', code: 'P-2026-000123' }, purpose: 'support', sections: ['identity', 'contact'], withheld: [],
  strip_places: false, protected_warning: false,
  basis: { ...basis('consent', { title_sv: 'Personens samtycke', title_en: "The person's consent" }), needs_check: true },
  consent_id: 'c1', justification: '', status: 'sent', sent_on: '2026-11-25', respond_by: '2026-12-02', overdue: false,
  sent_by: { id: ME, name: 'Test Person' }, answered_on: null, decline_reason: '', completed_on: null, outcome: '',
  recipient_case_id: null, delivery: 'in_app', package_available: false,
  steps: [{ step: 'sent', at_us: 1_764_064_800_000_000, by: { id: ME, name: 'Test Person' }, organisation_id: municipality.id }],
  version: 1, ...patch,
});

export const packageDoc = {
  format: 1,
  sender: { id: municipality.id, name: municipality.name },
  case: { code: stored.code, type: 'trafficking_in_human_beings' },
  sent_on: '2026-11-25',
  person: 'P-2026-000123',
  sections: {
    identity: {
      role: 'presumed_victim',
      identity: {
        f: 1, names: [{ k: 'name', l: 'Olena Kovalenko', o: 'Олена Коваленко' }], dob: { date: '1990-04' }, minor: false,
        gender: 'female', cit: 'known', countries: ['UKR'], permit: 'none', unacc: false, lang: ['ukr'], docs: [],
      },
    },
    needs_safety: {
      wishes: [{ f: 1, s: '', w: 'Vill bo i en annan stad.', on: '2026-11-22', by: ME }],
      safety_plan: { f: 1, risks: [{ d: 'Förövaren letar', l: 'high' }], meas: [{ d: 'Skyddat boende', r: 'Socialtjänsten' }], call: [], on: '2026-11-22', rev: null, with: true },
    },
    something_new: { colour: 'blue' },
  },
};

const json = (body: unknown, status = 200): Reply => ({ status, body });
export const problem422 = (errors: { field: string; rule: string; detail?: string }[]): Reply => ({
  status: 422,
  body: { type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422, errors: errors.map((e) => ({ detail: '', ...e })) },
});

const org = (o: UserOrganisation) => ({ ...o, active: true, public_authority: o.kind !== 'ngo_shelter', contact: { phone: '', email: '', website: '', postal_address: '' } });
export const directory = [org(police), org(ngo), org(coordinator), org(municipality)];

/** The case page's routes, and the directory, with `extra` going first. */
export function casePageApi(extra: Handler): Handler {
  return (method, path, body) => {
    const own = extra(method, path, body);
    if (own) return own;
    if (path === BASE) return json(stored);
    if (path === `${BASE}/persons`) return json({ items: [olena] });
    if (path === `${BASE}/child-track`) return json({ records: [], alerts: [], missing_alert_open: false });
    if (path === `${BASE}/timeline`) return json({ items: [], total: 0, limit: 500, offset: 0 });
    if (path.endsWith('/notes') || path.endsWith('/attachments')) return json({ items: [], total: 0, limit: 100, offset: 0 });
    if (method === 'GET' && (path.endsWith('/clocks') || path.endsWith('/tasks'))) return json({ items: [] });
    if (method === 'GET' && path === '/api/v1/organisations') return json({ items: directory, total: directory.length, limit: 20, offset: 0 });
    return undefined;
  };
}
