// Correcting a person of a case (PUT …/persons/{id}): the form's draft made from the person as read,
// the request body (what the form does not show — documents, the address, further phone numbers and
// e-mail addresses — is sent back as read, since the server replaces the whole record), and which
// protection changes raise protection (the case's places leave lists and statistics).
import type { CasePersonInput } from '../../api/caseTypes';
import { apiFetch } from '../../api/client';
import { permitOf, personInput, unaccompaniedOf, type PersonDraft } from './AddPersonForm';
import type { MergeablePerson } from './mergeApi';

/** The levels the edit form offers; an assumed identity is never given to or taken from a record. */
export const EDITABLE_PROTECTION = ['none', 'secrecy_marking', 'protected_registration'] as const;
const ORDER = ['none', 'secrecy_marking', 'protected_registration', 'assumed_identity'];

export interface PersonEditDraft extends PersonDraft {
  protection: string;
}

export interface CasePersonUpdateInput extends Omit<CasePersonInput, 'role'> {
  documents?: unknown[];
  protection: string;
  expected_version: number;
}

/** Whether going from `before` to `after` raises protection (from none, or to a stricter level). */
export const raisesProtection = (before: string, after: string) =>
  after !== 'none' && ORDER.indexOf(after) > ORDER.indexOf(before);

/** The draft of the edit form for `p` as read. */
export function editDraft(p: MergeablePerson): PersonEditDraft {
  const dob = p.date_of_birth;
  return {
    role: p.role,
    names: p.names.length ? p.names.map((n) => ({ kind: n.kind ?? 'name', latin: n.latin, original: n.original ?? '' }))
      : [{ kind: 'name', latin: '', original: '' }],
    dobMode: dob && 'age_min' in dob ? 'estimate' : 'date',
    dob: dob && 'date' in dob ? dob.date : '',
    ageMin: dob && 'age_min' in dob ? String(dob.age_min) : '',
    ageMax: dob && 'age_max' in dob ? String(dob.age_max) : '',
    claimedMinor: p.claimed_minor,
    gender: p.gender,
    citizenship: p.citizenship.status ?? '',
    countries: p.citizenship.countries ?? [],
    residencePermit: p.residence_permit,
    unaccompanied: p.unaccompanied,
    languages: p.languages,
    phone: p.contact.phones?.[0] ?? '',
    email: p.contact.emails?.[0] ?? '',
    notes: p.contact.notes ?? '',
    protection: p.protection,
  };
}

/** A document as read, in the shape the server reads (no null expiry). */
function documentInput(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object') return doc;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (v !== null && v !== '') out[k] = v;
  return out;
}

/** The request body: the edited fields from the draft, the rest of `p` as read. */
export function updateInput(p: MergeablePerson, d: PersonEditDraft, today: string): CasePersonUpdateInput {
  const { names, date_of_birth, claimed_minor, gender, citizenship, languages, contact: typed } = personInput(d, today);
  const edited = { names, date_of_birth, claimed_minor, gender, citizenship, languages };
  const contact = { ...typed };
  const phones = [...(contact.phones ?? []), ...(p.contact.phones ?? []).slice(1)];
  const emails = [...(contact.emails ?? []), ...(p.contact.emails ?? []).slice(1)];
  if (phones.length) contact.phones = phones;
  if (emails.length) contact.emails = emails;
  if (p.contact.address) contact.address = p.contact.address;
  // The server replaces the whole record: both are sent as they now stand, even at their defaults.
  const input: CasePersonUpdateInput = {
    protection: d.protection, expected_version: p.version, residence_permit: permitOf(d), unaccompanied: unaccompaniedOf(d, today),
  };
  for (const [k, v] of Object.entries(edited)) if (v !== undefined) Object.assign(input, { [k]: v });
  if (Object.keys(contact).length) input.contact = contact;
  if (p.documents.length) input.documents = p.documents.map(documentInput);
  return input;
}

export const updatePerson = (caseId: string, personId: string, input: CasePersonUpdateInput) =>
  apiFetch<MergeablePerson>(`/api/v1/cases/${encodeURIComponent(caseId)}/persons/${encodeURIComponent(personId)}`,
    { method: 'PUT', body: input });
