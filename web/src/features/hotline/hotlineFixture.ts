// Synthetic data for the hotline tests: the setup, a routing answer, a consultation about berry pickers
// in Kiruna and queue rows. No real person.
import type { Handler, Reply } from '../../test/fakeApi';
import type { Consultation, ConsultationSummary, HotlineSetup, QueuePage, Routing } from './hotlineTypes';

export const OPERATOR_ID = 'user-hotline_operator';
export const CID = 'c0ffee00c0ffee00c0ffee00c0ffee00';

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const problem422 = (errors: { field: string; rule: string; detail?: string }[]): Reply => ({
  status: 422,
  body: { type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422, errors: errors.map((e) => ({ detail: '', ...e })) },
});

export function setup(openNow = true): HotlineSetup {
  return {
    office_hours: { weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:00', open_now: openNow, next_opening_at_us: null },
    numbers: { emergency: '112', police: '114 14', victim_support: '116 006', hotline: '020-390 000' },
    topics: [], channels: [], urgencies: [],
    danger_steps: ['called_112', 'called_police', 'called_social_services_after_hours', 'notified_regional_coordinator', 'advised_caller_to_call_112'],
    routing_rules: { loaded_at_us: 1, rules: 16 },
  };
}

export const routingAnswer: Routing = {
  place: {
    municipality: { code: '2584', name: 'Kiruna' },
    county: { code: '25', name: 'Norrbottens län' },
    police_region: { code: 'nord', name: 'Polisregion Nord' },
  },
  recommendations: [
    {
      organisation: { id: 'org-rc', name: 'Regionkoordinator Nord', kind: 'regional_coordinator' },
      reason: 'regional_coordinator', reason_sv: 'Regional samordnare för polisregionen där situationen finns.',
      reason_en: 'The regional coordinator of the police region where the situation is.',
      basis: { code: 'consent', title_sv: 'Personens samtycke', title_en: "The person's consent",
        legal_reference_sv: 'OSL 10 kap. 1 §', legal_reference_en: 'Public Access and Secrecy Act, ch. 10 s. 1', needs_check: false },
      rule_id: 'coordinator', needs_check: false, free_places: null,
      article: { id: 'a1', title_sv: 'Regionala samordnare', title_en: 'Regional coordinators' },
    },
    {
      organisation: { id: 'org-arb', name: 'Arbetsmiljöverket', kind: 'work_environment_authority' },
      reason: 'labour_inspection', reason_sv: 'Arbetskraftsexploatering: Arbetsmiljöverket kan inspektera arbetsplatsen.',
      reason_en: 'Labour exploitation: the Work Environment Authority can inspect the workplace.',
      basis: { code: 'own_task_necessity', title_sv: 'Nödvändigt för myndighetens uppgift', title_en: "Necessary for the authority's task",
        legal_reference_sv: 'OSL 10 kap. 2 §', legal_reference_en: 'ch. 10 s. 2', needs_check: true },
      rule_id: 'labour', needs_check: true, free_places: null, article: null,
    },
    {
      organisation: { id: 'org-ngo', name: 'Skyddade boendet', kind: 'ngo_shelter' },
      reason: 'shelter', reason_sv: 'Skyddat boende med plats för vuxna män.', reason_en: 'A shelter with places for adult men.',
      basis: null, rule_id: 'shelter', needs_check: false, free_places: 3, article: null,
    },
  ],
  rules_without_organisation: [],
};

export function consultation(patch: Partial<Consultation> = {}): Consultation {
  return {
    id: CID, code: 'KON-2026-000123', channel: 'phone', received_at_us: Date.parse('2026-07-20T08:00:00Z') * 1000,
    duration_seconds: 300, time_spent_minutes: 10,
    caller: { organisation_id: '', organisation_name: 'Socialtjänsten i Kiruna', role: 'socialsekreterare', name: 'Test Handläggare', phone: '', email: '' },
    language: 'swe', interpreter: false, topic: 'suspected_trafficking', municipality_code: '2584', abroad_country: '',
    situation: 'Bärplockare bor i en lada och får ingen lön.',
    person: {
      age_group: 'adult', approximate_age: null, gender: 'male', citizenship: 'outside_eu', holds_residence_permit: true,
      forms: ['labour'], indicators: [], wants_to_report_to_police: false, wish_to_return: false, needs_shelter: false,
      social_services_involve_police: null,
    },
    immediate_danger: false, urgency: 'normal', identity_basis: 'none', advice: 'Kontakta regional samordnare.', overrides: [],
    status: 'assigned', assigned_to: { id: OPERATOR_ID, name: 'Test Person' },
    respond_by_us: Date.parse('2026-07-20T16:00:00Z') * 1000, overdue: false, first_response_at_us: null, closed_at_us: null,
    created_by: { id: OPERATOR_ID, name: 'Test Person' }, created_at_us: Date.parse('2026-07-20T08:05:00Z') * 1000,
    updated_at_us: Date.parse('2026-07-20T08:05:00Z') * 1000, version: 1, caller_organisation: null, follow_ups: [], danger_steps: [],
    ...patch,
  };
}

export function summary(id: string, patch: Partial<ConsultationSummary> = {}): ConsultationSummary {
  return {
    id, code: `KON-2026-${id.padStart(6, '0')}`, channel: 'phone', received_at_us: Date.parse('2026-07-20T08:00:00Z') * 1000,
    topic: 'suspected_trafficking', municipality_code: '2584', abroad_country: '', immediate_danger: false, urgency: 'normal',
    status: 'new', assigned_to: null, respond_by_us: Date.parse('2099-01-01T00:00:00Z') * 1000, overdue: false,
    caller_organisation: { id: 'org-kom', name: 'Kiruna socialtjänst' }, open_follow_ups: 0, ...patch,
  };
}

export function queuePage(items: ConsultationSummary[], patch: Partial<QueuePage> = {}): QueuePage {
  return {
    items, total: items.length, total_capped: false, limit: 50, offset: 0,
    counts: { new: 4, mine: 2, overdue: 1, waiting_follow_up: 3 }, ...patch,
  };
}

/** The routes every hotline page asks for (setup, operators, routing), then `more`. */
export function hotlineApi(more: Handler = () => undefined, routing: Routing = routingAnswer, openNow = true): Handler {
  return (method, path, body) => {
    const r = more(method, path, body);
    if (r) return r;
    if (method === 'GET' && path === '/api/v1/hotline/setup') return ok(setup(openNow));
    if (method === 'GET' && path === '/api/v1/hotline/operators') return ok({ items: [{ id: OPERATOR_ID, name: 'Test Person' }, { id: 'u2', name: 'Annan Operatör' }] });
    if (method === 'POST' && path === '/api/v1/hotline/routing') return ok(routing);
    if (method === 'GET' && path.startsWith('/api/v1/organisations')) return ok({ items: [], total: 0, limit: 20, offset: 0 });
    return undefined;
  };
}
