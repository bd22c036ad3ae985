// Types of the hotline desk's routes (issue 6): setup, routing, consultations, the queue, follow-ups,
// danger steps and the operators. The JSON contract: /tmp/brief/hotline.md (src/http hotline routes).
import type { LedgerConsent, Named } from '../../api/referralTypes';

/** What a contact is about (hotline::Topic), in the order of the quick choices Alt+1..7. */
export const TOPICS = [
  'suspected_trafficking', 'human_exploitation', 'prostitution', 'child', 'demand', 'method_advice', 'other',
] as const;
export const CHANNELS = ['phone', 'email', 'web_request', 'in_person'] as const;
export const URGENCIES = ['immediate_danger', 'urgent', 'normal'] as const;
export const IDENTITY_BASES = ['none', 'consent', 'report_of_concern'] as const;
export const AGE_GROUPS = ['unknown', 'adult', 'child'] as const;
export const GENDERS = ['unknown', 'female', 'male', 'other'] as const;
export const CITIZENSHIP_GROUPS = ['unknown', 'swedish', 'eu_eea', 'outside_eu'] as const;
/** The forms of exploitation (cases::ExploitationForm). */
export const FORMS = [
  'sexual', 'labour', 'forced_begging', 'forced_criminality', 'organ_removal', 'forced_marriage', 'illegal_adoption',
  'surrogacy_exploitation', 'domestic_servitude', 'other',
] as const;
export const QUEUE_STATUSES = ['new', 'assigned', 'waiting_follow_up', 'closed'] as const;
/** The immediate-danger steps (hotline::DangerStep); the system records notified_regional_coordinator. */
export const DANGER_STEPS = [
  'called_112', 'called_police', 'called_social_services_after_hours', 'advised_caller_to_call_112',
  'notified_regional_coordinator',
] as const;
export const SYSTEM_DANGER_STEP = 'notified_regional_coordinator';
/** The queue's views, in the order of the tabs. */
export const QUEUE_VIEWS = ['new', 'mine', 'assigned', 'waiting_follow_up', 'overdue', 'closed', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
/** The sections a consultation can send in a referral. */
export const CONSULTATION_SECTIONS = ['identity', 'contact', 'assessment', 'notes'] as const;

export interface HotlineSetup {
  office_hours: {
    weekdays: number[];
    opens: string;
    closes: string;
    open_now: boolean;
    next_opening_at_us: number | null;
  };
  numbers: { emergency: string; police: string; victim_support: string; hotline: string };
  topics: string[];
  channels: string[];
  urgencies: string[];
  danger_steps: string[];
  routing_rules: { loaded_at_us: number; rules: number };
}

/** What routing needs to know (POST /hotline/routing). */
export interface Situation {
  municipality_code: string;
  topic: string;
  forms: string[];
  age_group: string;
  citizenship: string;
  holds_residence_permit: boolean | null;
  wants_to_report_to_police: boolean;
  wish_to_return: boolean;
  gender: string;
  needs_shelter: boolean;
  immediate_danger: boolean;
  consents_to_sharing: boolean;
  social_services_involve_police: boolean | null;
}

export interface RoutingBasis {
  code: string;
  title_sv: string;
  title_en: string;
  legal_reference_sv: string;
  legal_reference_en: string;
  needs_check: boolean;
}

export interface Recommendation {
  organisation: { id: string; name: string; kind: string };
  /** The reason's code; reason_sv/reason_en are its one line in each language. */
  reason: string;
  reason_sv: string;
  reason_en: string;
  basis: RoutingBasis | null;
  rule_id: string;
  needs_check: boolean;
  free_places: number | null;
  article: { id: string; title_sv: string; title_en: string } | null;
}

export interface Routing {
  place: {
    municipality: { code: string; name: string };
    county: { code: string; name: string };
    police_region: { code: string; name: string };
  };
  recommendations: Recommendation[];
  rules_without_organisation: string[];
}

export interface Caller {
  organisation_id: string;
  organisation_name: string;
  role: string;
  name: string;
  phone: string;
  email: string;
}

export interface DescribedPerson {
  age_group: string;
  approximate_age: number | null;
  gender: string;
  citizenship: string;
  holds_residence_permit: boolean | null;
  forms: string[];
  indicators: string[];
  wants_to_report_to_police: boolean;
  wish_to_return: boolean;
  needs_shelter: boolean;
  social_services_involve_police: boolean | null;
}

export interface Identity {
  name: string;
  date_of_birth: string | null;
  phone: string;
  email: string;
}

export interface RoutingOverride {
  organisation_id: string;
  added: boolean;
  reason: string;
  /** The organisation's name as the server or the picker gave it (not sent back). */
  organisation_name?: string;
}

export interface NewConsultation {
  channel: string;
  received_at_us: number | null;
  duration_seconds: number;
  time_spent_minutes: number;
  caller: Caller;
  language: string;
  interpreter: boolean;
  topic: string;
  municipality_code: string;
  abroad_country: string;
  situation: string;
  person: DescribedPerson;
  immediate_danger: boolean;
  urgency: string;
  identity_basis: string;
  identity: Identity;
  advice: string;
  overrides: RoutingOverride[];
  assign_to_me?: boolean;
}

export interface FollowUp {
  id: string;
  due_on: string | null;
  text: string;
  created_by: Named;
  created_at_us: number;
  done_at_us: number | null;
  done_by: Named | null;
}

export interface DangerStepRecord {
  n: number;
  step: string;
  done_at_us: number;
  /** null: recorded by the system. */
  recorded_by: Named | null;
  recorded_at_us: number;
}

export interface Consultation extends Omit<NewConsultation, 'identity' | 'assign_to_me' | 'received_at_us'> {
  id: string;
  received_at_us: number;
  code: string;
  status: string;
  /** Only when identity_basis is not "none". */
  identity?: Identity;
  assigned_to: Named | null;
  respond_by_us: number;
  overdue: boolean;
  first_response_at_us: number | null;
  closed_at_us: number | null;
  created_by: Named | null;
  created_at_us: number;
  updated_at_us: number;
  version: number;
  caller_organisation: Named | null;
  follow_ups: FollowUp[];
  danger_steps: DangerStepRecord[];
}

export interface ConsultationSummary {
  id: string;
  code: string;
  channel: string;
  received_at_us: number;
  topic: string;
  municipality_code: string;
  abroad_country: string;
  immediate_danger: boolean;
  urgency: string;
  status: string;
  assigned_to: Named | null;
  respond_by_us: number;
  overdue: boolean;
  caller_organisation: Named | null;
  open_follow_ups: number;
}

export interface QueueQuery {
  view: QueueView;
  topic?: string;
  municipality?: string;
  channel?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface QueuePage {
  items: ConsultationSummary[];
  total: number;
  total_capped: boolean;
  limit: number;
  offset: number;
  counts: { new: number; mine: number; overdue: number; waiting_follow_up: number };
}

/** A consent recorded on a consultation (the ledger's Consent; case_id and person_id are ""). */
export type ConsultationConsent = LedgerConsent & { consultation_id?: string };

export interface NewConsultationConsent {
  recipient_organisation_id: string;
  purpose: string;
  sections: string[];
  given_on: string;
  form: string;
  language: string;
  note?: string;
}

export interface NewConsultationReferral {
  recipient_organisation_id: string;
  purpose: string;
  sections: string[];
  basis: string;
  consent_id?: string;
  justification?: string;
  immediate_danger?: boolean;
  delivery?: string;
}
