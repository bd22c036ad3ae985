// Types of the referral routes (issue 5): the consent ledger of a case, the rules the referral dialog
// offers, referrals as the sender and the recipient see them, and the sealed package's contents.
// The JSON contract: /tmp/brief/referral_api.md, src/http/referral_routes.cpp, src/http/consent_routes.cpp.

/** The interpreter of a consent (never a family member or companion: the server refuses them). */
export interface Interpreter {
  language: string;
  mode: string;
  relationship: string;
  provider?: string;
}

/** Why a person is passed on, in the order the dialog offers them (referrals::AllPurposes()). */
export const PURPOSES = [
  'support', 'shelter', 'return', 'reflection_period_application', 'report_to_police', 'child_protection', 'other',
] as const;
/** The sections of a case a referral or a consent names (access::Section), in scope order. */
export const SECTIONS = [
  'identity', 'contact', 'needs_safety', 'assessment', 'support', 'child_protection', 'proceedings', 'return', 'notes',
] as const;
/** The legal bases of a disclosure (referrals::BasisCode). */
export const BASIS_CODES = ['consent', 'own_task_necessity', 'crime_suspicion', 'duty_to_report_child', 'vital_interests'] as const;
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'withdrawn', 'completed'] as const;
/** How a person gave a consent (referrals::ConsentForm). */
export const CONSENT_FORMS = ['spoken', 'written', 'signed_form', 'other'] as const;
export const DELIVERIES = ['in_app', 'other_means'] as const;
/** Every outcome code the shipped purpose table names (data/rules/referral_purposes.toml). */
export const OUTCOMES = [
  'support_given', 'shelter_place_given', 'return_arranged', 'application_filed', 'decision_made', 'report_recorded',
  'protection_assessment_made', 'fulfilled', 'other',
] as const;
export const REFERRAL_STEPS = ['sent', 'accept', 'decline', 'withdraw', 'complete', 'reminder'] as const;

/** A consent of the ledger (GET /cases/{id}/consents). */
export interface LedgerConsent {
  id: string;
  case_id: string;
  person_id: string;
  person_code: string;
  recipient_organisation_id: string;
  recipient_name: string;
  purpose: string;
  sections: string[];
  given_on: string;
  form: string;
  language: string;
  interpreter: Interpreter | null;
  note: string;
  taken_by: string;
  status: 'given' | 'revoked';
  revoked_on: string | null;
  revoked_by: string | null;
  revocation_reason: string | null;
  recorded_at: string;
  version: number;
}

export interface NewLedgerConsent {
  person_id: string;
  recipient_organisation_id: string;
  purpose: string;
  sections: string[];
  given_on: string;
  form: string;
  language: string;
  interpreter?: Interpreter | null;
  note?: string;
}

/** One dated entry of the disclosure bases, as GET /referral-rules and a referral carry it. */
export interface BasisRule {
  code: string;
  title_sv: string;
  title_en: string;
  legal_reference_sv: string;
  legal_reference_en: string;
  justification_required?: boolean;
  recipient_kinds?: string[];
  child_only?: boolean;
  immediate_danger_only?: boolean;
  needs_check: boolean;
  valid_from: string;
  valid_to?: string | null;
}

export interface PurposeRule {
  purpose: string;
  response_days: number;
  outcomes: string[];
  usual_recipient_kinds: string[];
  suggested_sections: string[];
}

export interface ReferralRules {
  /** The caller's organisation kind. */
  sender_kind: string;
  /** The bases the caller's organisation may use today. */
  bases: BasisRule[];
  purposes: PurposeRule[];
}

export interface NewReferral {
  person_id: string;
  recipient_organisation_id: string;
  purpose: string;
  sections: string[];
  basis: string;
  consent_id?: string;
  justification?: string;
  immediate_danger?: boolean;
  delivery?: string;
}

export interface Named {
  id: string;
  name: string;
}

export interface ReferralStep {
  step: string;
  at_us: number;
  by: Named;
  organisation_id: string;
}

export interface Referral {
  id: string;
  code: string;
  sender: Named;
  recipient: Named;
  /** id and case_code only for the sender's side. */
  source: { kind: string; id?: string; case_code?: string };
  /** Only for the sender's side. */
  person: { id: string; code: string } | null;
  purpose: string;
  sections: string[];
  withheld: string[];
  strip_places: boolean;
  protected_warning: boolean;
  basis: BasisRule;
  consent_id: string | null;
  justification: string;
  status: string;
  sent_on: string;
  respond_by: string;
  overdue: boolean;
  sent_by: Named;
  answered_on: string | null;
  decline_reason: string;
  completed_on: string | null;
  outcome: string;
  recipient_case_id: string | null;
  delivery: string;
  package_available: boolean;
  /** Empty in inbox lists. */
  steps: ReferralStep[];
  version: number;
}

export interface InboxQuery {
  status?: string;
  purpose?: string;
  from?: string;
  due_by?: string;
  limit: number;
  offset: number;
}

export interface InboxPage {
  items: Referral[];
  total: number;
  limit: number;
  offset: number;
}

/** GET /referrals/{id}/package: the package document (src/storage/codec/package_document_codec.hpp), as sealed. */
export interface PackageAnswer {
  referral: Referral;
  package: Record<string, unknown>;
}

export interface Acceptance {
  version: number;
  case_id?: string;
  person_id?: string;
  case_type?: string;
}
