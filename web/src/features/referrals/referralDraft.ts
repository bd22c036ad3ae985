// The referral dialog's model, pure: what the sender has chosen so far, which consents of the ledger
// cover it, which bases without consent fit the recipient, what each step still lacks, and the body
// sent. The server decides the disclosure on its own (referrals::DecideDisclosure); this only offers
// what can work and says early what is missing.
import type { BasisRule, LedgerConsent, NewReferral, PurposeRule } from '../../api/referralTypes';
import type { FormProblem } from '../../components/formProblems';

export interface ReferralDraft {
  personId: string;
  purpose: string;
  recipient: { id: string; name: string; kind: string } | null;
  sections: string[];
  /** "consent:<consent id>", or the code of a basis without consent; '' none chosen. */
  basis: string;
  justification: string;
  immediateDanger: boolean;
  /** '' lets the server choose (in the app when the recipient has users, else by other means). */
  delivery: string;
}

export const emptyDraft = (personId = ''): ReferralDraft => ({
  personId, purpose: '', recipient: null, sections: [], basis: '', justification: '', immediateDanger: false, delivery: '',
});

/** The dialog's four steps: who and where, what, why, summary. */
export const STEP_COUNT = 4;

/** Kinds of organisation that are not public authorities and disclose under data-protection law. */
const NON_AUTHORITY_KINDS: readonly string[] = ['iom', 'ngo_shelter', 'health_care', 'other'];
const POLICE_KINDS: readonly string[] = ['police_region', 'prosecution_authority'];
/** The sections an NGO's or IOM's support records live in (referrals::SupportRecordSections). */
const SUPPORT_RECORD_SECTIONS: readonly string[] = ['support', 'needs_safety', 'notes'];

/** An NGO or IOM (any non-authority) sending to the police or the prosecution: support never depends on reporting. */
export function supportNeverDependsOnReporting(senderKind: string, recipientKind: string | undefined): boolean {
  return NON_AUTHORITY_KINDS.includes(senderKind) && recipientKind !== undefined && POLICE_KINDS.includes(recipientKind);
}

export function purposeRule(purposes: readonly PurposeRule[], purpose: string): PurposeRule | undefined {
  return purposes.find((p) => p.purpose === purpose);
}

/** The consent's id when the basis chosen is a consent, else null. */
export function chosenConsentId(basis: string): string | null {
  return basis.startsWith('consent:') ? basis.slice('consent:'.length) : null;
}

/** The consents of the ledger that cover this person, recipient, purpose and every chosen section (not revoked). */
export function coveringConsents(consents: readonly LedgerConsent[], d: ReferralDraft): LedgerConsent[] {
  if (!d.recipient) return [];
  const recipientId = d.recipient.id;
  return consents.filter((c) => c.status === 'given' && c.person_id === d.personId && c.recipient_organisation_id === recipientId
    && c.purpose === d.purpose && d.sections.every((s) => c.sections.includes(s)));
}

/** The person's consents in force for this recipient and purpose that leave out a chosen section. */
export function narrowerConsents(consents: readonly LedgerConsent[], d: ReferralDraft): LedgerConsent[] {
  if (!d.recipient) return [];
  const recipientId = d.recipient.id;
  return consents.filter((c) => c.status === 'given' && c.person_id === d.personId && c.recipient_organisation_id === recipientId
    && c.purpose === d.purpose && !d.sections.every((s) => c.sections.includes(s)));
}

/** The bases without consent the sender may use that let data go to this recipient's kind. */
export function basesWithoutConsent(bases: readonly BasisRule[], recipientKind: string | undefined): BasisRule[] {
  return bases.filter((b) => b.code !== 'consent'
    && (!b.recipient_kinds?.length || (recipientKind !== undefined && b.recipient_kinds.includes(recipientKind))));
}

/** The basis rule the draft relies on (the consent rule for a consent), or undefined. */
export function chosenBasis(bases: readonly BasisRule[], basis: string): BasisRule | undefined {
  const code = chosenConsentId(basis) !== null ? 'consent' : basis;
  return bases.find((b) => b.code === code);
}

/** Items with the purpose's usual recipient kinds first, in the order the purpose lists them; stable otherwise. */
export function usualFirst<T extends { kind: string }>(items: readonly T[], usualKinds: readonly string[]): T[] {
  const rank = (k: string) => {
    const i = usualKinds.indexOf(k);
    return i < 0 ? usualKinds.length : i;
  };
  return items.map((item, n) => ({ item, n })).sort((a, b) => rank(a.item.kind) - rank(b.item.kind) || a.n - b.n).map((x) => x.item);
}

/** YYYY-MM-DD plus `days` (civil dates, no time zone). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The step (0-based) where the field a server problem names is chosen. */
export function stepOfField(field: string): number {
  const f = field.replace(/\[\d+\]/g, '').split('.')[0] ?? '';
  if (f === 'person_id' || f === 'recipient_organisation_id' || f === 'purpose') return 0;
  if (f === 'sections') return 1;
  if (f === 'basis' || f === 'consent_id' || f === 'justification' || f === 'immediate_danger') return 2;
  return 3;
}

const required = (field: string): FormProblem => ({ field, rule: 'required', detail: '' });

/** What step `step` still lacks before the next one, as the server would name it (`senderKind`: the
 * sender organisation's kind, for the rule that support records reach the police only with consent or
 * in immediate danger). */
export function stepProblems(step: number, d: ReferralDraft, bases: readonly BasisRule[], senderKind = ''): FormProblem[] {
  const out: FormProblem[] = [];
  if (step === 0) {
    if (!d.personId) out.push(required('person_id'));
    if (!d.purpose) out.push(required('purpose'));
    if (!d.recipient) out.push(required('recipient_organisation_id'));
  } else if (step === 1) {
    if (!d.sections.length) out.push(required('sections'));
  } else if (step === 2) {
    const rule = chosenBasis(bases, d.basis);
    if (!d.basis || !rule) out.push({ field: 'basis', rule: 'no_basis', detail: '' });
    else if (chosenConsentId(d.basis) === null) {
      if (rule.justification_required && !d.justification.trim()) out.push({ field: 'justification', rule: 'justification_required', detail: '' });
      if (rule.immediate_danger_only && !d.immediateDanger) out.push({ field: 'immediate_danger', rule: 'basis_needs_immediate_danger', detail: '' });
    }
    const danger = d.basis === 'vital_interests' && d.immediateDanger;
    if (d.basis && chosenConsentId(d.basis) === null && !danger && supportNeverDependsOnReporting(senderKind, d.recipient?.kind)
      && d.sections.some((s) => SUPPORT_RECORD_SECTIONS.includes(s))) {
      out.push({ field: 'basis', rule: 'support_records_to_police_need_consent', detail: '' });
    }
  }
  return out;
}

/** The body of POST /cases/{id}/referrals for the draft. */
export function referralBody(d: ReferralDraft): NewReferral {
  const consentId = chosenConsentId(d.basis);
  const body: NewReferral = {
    person_id: d.personId,
    recipient_organisation_id: d.recipient?.id ?? '',
    purpose: d.purpose,
    sections: d.sections,
    basis: consentId !== null ? 'consent' : d.basis,
  };
  if (consentId !== null) body.consent_id = consentId;
  else if (d.justification.trim()) body.justification = d.justification.trim();
  if (consentId === null && d.immediateDanger) body.immediate_danger = true;
  if (d.delivery) body.delivery = d.delivery;
  return body;
}
