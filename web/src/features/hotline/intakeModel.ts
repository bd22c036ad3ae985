// The intake form's model, pure: what the operator has recorded so far, the situation routing is asked
// about, the body saved, the problems found before sending, and the keyboard shortcuts of the form.
import type { FormProblem } from '../../components/formProblems';
import {
  TOPICS, type Consultation, type DescribedPerson, type NewConsultation, type RoutingOverride, type Situation,
} from './hotlineTypes';

export interface IntakeDraft {
  channel: string;
  /** When the contact came in, as a local "YYYY-MM-DDTHH:MM" (the browser's, i.e. Swedish, time). */
  receivedAt: string;
  /** Minutes in all, as typed; '' lets the call's length (rounded up) stand for it. */
  timeSpent: string;
  callerOrg: { id: string; name: string; kind: string } | null;
  callerOrgName: string;
  callerRole: string;
  callerName: string;
  callerPhone: string;
  callerEmail: string;
  language: string;
  interpreter: boolean;
  topic: string;
  abroad: boolean;
  municipalityCode: string;
  abroadCountry: string;
  situation: string;
  person: Omit<DescribedPerson, 'approximate_age'> & { approximate_age: string };
  immediateDanger: boolean;
  urgency: string;
  identityBasis: string;
  identity: { name: string; dateOfBirth: string; phone: string; email: string };
  advice: string;
  overrides: RoutingOverride[];
  /** A follow-up to add when saved ('' none). */
  followUpText: string;
  followUpDue: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM-DDTHH:MM" of a time in the browser's time zone, for a datetime-local input. */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Microseconds since the epoch of a datetime-local value; null when empty or unreadable. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms * 1000;
}

export function emptyIntake(now: Date): IntakeDraft {
  return {
    channel: 'phone', receivedAt: toLocalInput(now), timeSpent: '',
    callerOrg: null, callerOrgName: '', callerRole: '', callerName: '', callerPhone: '', callerEmail: '',
    language: 'swe', interpreter: false, topic: '', abroad: false, municipalityCode: '', abroadCountry: '', situation: '',
    person: {
      age_group: 'unknown', approximate_age: '', gender: 'unknown', citizenship: 'unknown', holds_residence_permit: null,
      forms: [], indicators: [], wants_to_report_to_police: false, wish_to_return: false, needs_shelter: false,
      social_services_involve_police: null,
    },
    immediateDanger: false, urgency: 'normal', identityBasis: 'none',
    identity: { name: '', dateOfBirth: '', phone: '', email: '' },
    advice: '', overrides: [], followUpText: '', followUpDue: '',
  };
}

/** The draft of a saved consultation, to go on recording it. */
export function intakeFromConsultation(c: Consultation): IntakeDraft {
  return {
    channel: c.channel, receivedAt: toLocalInput(new Date(c.received_at_us / 1000)),
    timeSpent: c.time_spent_minutes ? String(c.time_spent_minutes) : '',
    callerOrg: c.caller.organisation_id
      ? { id: c.caller.organisation_id, name: c.caller_organisation?.name ?? c.caller.organisation_name, kind: '' } : null,
    callerOrgName: c.caller.organisation_id ? '' : c.caller.organisation_name,
    callerRole: c.caller.role, callerName: c.caller.name, callerPhone: c.caller.phone, callerEmail: c.caller.email,
    language: c.language, interpreter: c.interpreter, topic: c.topic,
    abroad: c.abroad_country !== '', municipalityCode: c.municipality_code, abroadCountry: c.abroad_country,
    situation: c.situation,
    person: { ...c.person, approximate_age: c.person.approximate_age === null ? '' : String(c.person.approximate_age) },
    immediateDanger: c.immediate_danger, urgency: c.urgency, identityBasis: c.identity_basis,
    identity: {
      name: c.identity?.name ?? '', dateOfBirth: c.identity?.date_of_birth ?? '', phone: c.identity?.phone ?? '',
      email: c.identity?.email ?? '',
    },
    advice: c.advice, overrides: c.overrides.map((o) => ({ ...o })), followUpText: '', followUpDue: '',
  };
}

/** Marks or clears immediate danger: marked, the urgency is immediate danger (the server forces it too). */
export function withDanger(d: IntakeDraft, on: boolean): IntakeDraft {
  if (on) return { ...d, immediateDanger: true, urgency: 'immediate_danger' };
  return { ...d, immediateDanger: false, urgency: d.urgency === 'immediate_danger' ? 'urgent' : d.urgency };
}

/** Report of concern is for a child only: another age group falls back to no identity basis. */
export function withAgeGroup(d: IntakeDraft, ageGroup: string): IntakeDraft {
  const identityBasis = ageGroup !== 'child' && d.identityBasis === 'report_of_concern' ? 'none' : d.identityBasis;
  const person = { ...d.person, age_group: ageGroup, social_services_involve_police: ageGroup === 'child' ? d.person.social_services_involve_police : null };
  return { ...d, identityBasis, person };
}

/** Whether identity fields may be filled: only with the person's consent or, for a child, a report of concern. */
export function identityAllowed(identityBasis: string): boolean {
  return identityBasis === 'consent' || identityBasis === 'report_of_concern';
}

/** What routing is asked about; null while no municipality is chosen (abroad, or not yet known). */
export function situationOf(d: IntakeDraft): Situation | null {
  if (d.abroad || !/^\d{4}$/.test(d.municipalityCode)) return null;
  return {
    municipality_code: d.municipalityCode,
    topic: d.topic || 'other',
    forms: d.person.forms,
    age_group: d.person.age_group,
    citizenship: d.person.citizenship,
    holds_residence_permit: d.person.holds_residence_permit,
    wants_to_report_to_police: d.person.wants_to_report_to_police,
    wish_to_return: d.person.wish_to_return,
    gender: d.person.gender,
    needs_shelter: d.person.needs_shelter,
    immediate_danger: d.immediateDanger,
    consents_to_sharing: d.identityBasis === 'consent',
    social_services_involve_police: d.person.age_group === 'child' ? d.person.social_services_involve_police : null,
  };
}

function ageOf(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/** The body of POST /consultations (PUT adds the version): identity only with an identity basis. */
export function consultationBody(d: IntakeDraft, durationSeconds: number): NewConsultation {
  const withIdentity = identityAllowed(d.identityBasis);
  const spent = Number(d.timeSpent.trim());
  const minutes = d.timeSpent.trim() && Number.isFinite(spent) ? Math.max(0, Math.round(spent)) : Math.ceil(durationSeconds / 60);
  return {
    channel: d.channel,
    received_at_us: fromLocalInput(d.receivedAt),
    duration_seconds: Math.max(0, Math.round(durationSeconds)),
    time_spent_minutes: minutes,
    caller: {
      organisation_id: d.callerOrg?.id ?? '',
      organisation_name: d.callerOrg ? d.callerOrg.name : d.callerOrgName.trim(),
      role: d.callerRole.trim(), name: d.callerName.trim(), phone: d.callerPhone.trim(), email: d.callerEmail.trim(),
    },
    language: d.language,
    interpreter: d.interpreter,
    topic: d.topic || 'other',
    municipality_code: d.abroad ? '' : d.municipalityCode,
    abroad_country: d.abroad ? d.abroadCountry : '',
    situation: d.situation,
    person: {
      ...d.person,
      approximate_age: ageOf(d.person.approximate_age),
      social_services_involve_police: d.person.age_group === 'child' ? d.person.social_services_involve_police : null,
    },
    immediate_danger: d.immediateDanger,
    urgency: d.immediateDanger ? 'immediate_danger' : d.urgency,
    identity_basis: d.identityBasis,
    identity: withIdentity
      ? { name: d.identity.name.trim(), date_of_birth: d.identity.dateOfBirth || null, phone: d.identity.phone.trim(), email: d.identity.email.trim() }
      : { name: '', date_of_birth: null, phone: '', email: '' },
    advice: d.advice,
    overrides: d.overrides.map((o) => ({ organisation_id: o.organisation_id, added: o.added, reason: o.reason.trim() })),
  };
}

/** What the form can tell before sending, named as the server would. */
export function intakeProblems(d: IntakeDraft): FormProblem[] {
  const out: FormProblem[] = [];
  if (!d.topic) out.push({ field: 'topic', rule: 'required', detail: '' });
  const age = d.person.approximate_age.trim();
  if (age && (!/^\d{1,3}$/.test(age) || Number(age) > 120)) out.push({ field: 'person.approximate_age', rule: 'out_of_range', detail: '' });
  if (d.abroad && !d.abroadCountry) out.push({ field: 'abroad_country', rule: 'required', detail: '' });
  d.overrides.forEach((o, i) => {
    if (!o.reason.trim()) out.push({ field: `overrides[${i}].reason`, rule: 'required', detail: '' });
  });
  if (d.followUpDue && !d.followUpText.trim()) out.push({ field: 'follow_up.text', rule: 'required', detail: '' });
  return out;
}

/** A keyboard shortcut of the intake form. */
export type Shortcut =
  | { kind: 'topic'; topic: string }
  | { kind: 'danger' | 'knowledge' | 'timer' | 'save' | 'routing' | 'situation' };

interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const ALT_KEYS: Partial<Record<string, Exclude<Shortcut['kind'], 'topic'>>> = {
  KeyD: 'danger', KeyK: 'knowledge', KeyT: 'timer', KeyR: 'routing', KeyS: 'situation',
};

/**
 * The shortcut a key press means, or null: Alt+1..7 a topic, Alt+D immediate danger, Alt+K the knowledge
 * base, Alt+T the call timer, Alt+R the routing suggestions, Alt+S the situation, Ctrl+Enter (⌘+Enter)
 * save. Alt with Ctrl is AltGr on Swedish keyboards (@, £, $, {): never a shortcut. The physical key
 * (`code`) decides, so that ⌥ on a Mac, which types other characters, works too.
 */
export function shortcutOf(e: KeyLike): Shortcut | null {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) return { kind: 'save' };
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const digit = /^(?:Digit|Numpad)([1-7])$/.exec(e.code)?.[1];
  if (digit) {
    const topic = TOPICS[Number(digit) - 1];
    return topic ? { kind: 'topic', topic } : null;
  }
  const kind = ALT_KEYS[e.code];
  return kind ? { kind } : null;
}

/** "1:05", "12:00", "1:02:03": a duration in seconds as a clock. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
