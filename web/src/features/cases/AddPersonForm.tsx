// The team's form that adds a person to a case: role (explained), names (Latin and original script),
// date of birth as a full or partial date or an estimated age range, gender, citizenship, languages
// and contact details. The server's field problems show beside the field they name.
import { useState, type SubmitEvent } from 'react';
import {
  CITIZENSHIP_STATUSES, GENDERS, PERSON_ROLES, type CasePerson, type CasePersonInput, type PersonName,
} from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { problemMessage, useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { LanguagePicker } from '../orgs/LanguagePicker';
import { CountryPicker } from './CountryPicker';
import { personRoleExplanation, personRoleLabel } from './personLabels';

const DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;

export interface PersonDraft {
  role: string;
  names: PersonName[];
  dobMode: 'date' | 'estimate';
  dob: string;
  ageMin: string;
  ageMax: string;
  claimedMinor: boolean;
  gender: string;
  citizenship: string;
  countries: string[];
  languages: string[];
  phone: string;
  email: string;
  notes: string;
}

export const emptyPerson = (): PersonDraft => ({
  role: '', names: [{ kind: 'name', latin: '', original: '' }], dobMode: 'date', dob: '', ageMin: '', ageMax: '',
  claimedMinor: false, gender: '', citizenship: '', countries: [], languages: [], phone: '', email: '', notes: '',
});

/** Problems the form can see before asking the server. */
export function localPersonProblems(d: PersonDraft): FormProblem[] {
  const out: FormProblem[] = [];
  if (!d.role) out.push({ field: 'role', rule: 'required', detail: '' });
  d.names.forEach((n, i) => {
    if (!n.latin.trim() && n.original?.trim()) out.push({ field: `names[${i}].latin`, rule: 'required', detail: '' });
  });
  if (d.dobMode === 'date' && d.dob.trim() && !DATE.test(d.dob.trim())) out.push({ field: 'date_of_birth.date', rule: 'format', detail: '' });
  if (d.dobMode === 'estimate' && (d.ageMin || d.ageMax)) {
    const min = Number(d.ageMin);
    const max = Number(d.ageMax);
    const ok = (v: number, s: string) => s.trim() !== '' && Number.isInteger(v) && v >= 0 && v <= 120;
    if (!ok(min, d.ageMin)) out.push({ field: 'date_of_birth.age_min', rule: 'range', detail: '' });
    if (!ok(max, d.ageMax)) out.push({ field: 'date_of_birth.age_max', rule: 'range', detail: '' });
    if (ok(min, d.ageMin) && ok(max, d.ageMax) && min > max) out.push({ field: 'date_of_birth.age_max', rule: 'order', detail: '' });
  }
  return out;
}

/** The request body; `today` (YYYY-MM-DD) is when an age was estimated. Empty fields are left out. */
export function personInput(d: PersonDraft, today: string): CasePersonInput {
  const input: CasePersonInput = { role: d.role };
  const names = d.names.filter((n) => n.latin.trim()).map((n) => ({
    kind: n.kind ?? 'name', latin: n.latin.trim(), ...(n.original?.trim() ? { original: n.original.trim() } : {}),
  }));
  if (names.length) input.names = names;
  if (d.dobMode === 'date' && d.dob.trim()) input.date_of_birth = { date: d.dob.trim() };
  if (d.dobMode === 'estimate' && d.ageMin && d.ageMax) {
    input.date_of_birth = { age_min: Number(d.ageMin), age_max: Number(d.ageMax), estimated_on: today };
  }
  if (d.claimedMinor) input.claimed_minor = true;
  if (d.gender) input.gender = d.gender;
  if (d.citizenship) input.citizenship = { status: d.citizenship, ...(d.citizenship === 'known' ? { countries: d.countries } : {}) };
  if (d.languages.length) input.languages = d.languages;
  const contact = {
    ...(d.phone.trim() ? { phones: [d.phone.trim()] } : {}),
    ...(d.email.trim() ? { emails: [d.email.trim()] } : {}),
    ...(d.notes.trim() ? { notes: d.notes.trim() } : {}),
  };
  if (Object.keys(contact).length) input.contact = contact;
  return input;
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function AddPersonForm({ caseId, onAdded }: { caseId: string; onAdded: (p: CasePerson) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState<PersonDraft>(emptyPerson);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const set = (patch: Partial<PersonDraft>) => { setD((x) => ({ ...x, ...patch })); };
  const setName = (i: number, patch: Partial<PersonName>) => {
    setD((x) => ({ ...x, names: x.names.map((n, j) => (j === i ? { ...n, ...patch } : n)) }));
  };
  const dobId = d.dobMode === 'date' ? 'person-dob' : 'person-age-min';
  const form = useFormProblems('person', {
    role: { id: 'person-role', label: t('person.field.role') },
    'names.latin': { id: 'person-name-0-latin', label: t('person.field.latin', { n: 1 }) },
    'names.original': { id: 'person-name-0-original', label: t('person.field.original', { n: 1 }) },
    names: { id: 'person-name-0-latin', label: t('person.field.names') },
    date_of_birth: { id: dobId, label: t('person.field.dateOfBirth') },
    'date_of_birth.date': { id: 'person-dob', label: t('person.field.dateOfBirth') },
    'date_of_birth.age_min': { id: 'person-age-min', label: t('person.field.ageMin') },
    'date_of_birth.age_max': { id: 'person-age-max', label: t('person.field.ageMax') },
    'date_of_birth.estimated_on': { id: 'person-age-min', label: t('person.field.dateOfBirth') },
    gender: { id: 'person-gender', label: t('person.field.gender') },
    citizenship: { id: 'person-citizenship', label: t('person.field.citizenship') },
    'citizenship.status': { id: 'person-citizenship', label: t('person.field.citizenship') },
    'citizenship.countries': { id: 'person-countries', label: t('person.field.countries') },
    languages: { id: 'person-languages', label: t('person.field.languages') },
    'contact.phones': { id: 'person-phone', label: t('person.field.phone') },
    'contact.emails': { id: 'person-email', label: t('person.field.email') },
    'contact.notes': { id: 'person-notes', label: t('person.field.notes') },
  });
  const text = (p: FormProblem) => problemMessage(i18n, 'person', p);
  /** Messages for problems whose field is `field` or lies under it (`date_of_birth` holds `date_of_birth.date`). */
  const errorsUnder = (...fields: string[]) => {
    const list = form.problems.filter((p) => fields.some((f) => p.field.replace(/\[\d+\]/g, '') === f
      || p.field.replace(/\[\d+\]/g, '').startsWith(`${f}.`))).map(text);
    return list.length ? list : undefined;
  };
  const nameErrors = (i: number, part: 'latin' | 'original') => {
    const list = form.problems.filter((p) => p.field === `names[${i}].${part}` || (i === 0 && p.field === 'names' && part === 'latin')).map(text);
    return list.length ? list : undefined;
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = localPersonProblems(d);
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      const p = await caseApi.addPerson(caseId, personInput(d, todayIso()));
      setD(emptyPerson());
      onAdded(p);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="person-add-title" onSubmit={(e) => void submit(e)}>
      <h3 id="person-add-title">{t('person.add.title')}</h3>
      <p>{t('person.add.intro')}</p>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <FieldGroup id="person-role" label={t('person.field.role')} hint={t('person.role.hint')} errors={errorsUnder('role')}>
        <ul className="choice-list">
          {PERSON_ROLES.map((r) => (
            <li key={r}>
              <input id={`person-role-${r}`} type="radio" name="person-role" value={r} checked={d.role === r}
                aria-describedby={`person-role-${r}-explain`} onChange={() => { set({ role: r }); }} />
              <div>
                <label htmlFor={`person-role-${r}`}>{personRoleLabel(i18n, r)}</label>
                <p id={`person-role-${r}-explain`} className="field-hint">{personRoleExplanation(i18n, r)}</p>
              </div>
            </li>
          ))}
        </ul>
      </FieldGroup>

      <FieldGroup id="person-names" label={t('person.field.names')} hint={t('person.names.hint')}>
        {d.names.map((n, i) => (
          <div key={i} className="name-row">
            <TextField id={`person-name-${i}-latin`} label={t('person.field.latin', { n: i + 1 })} autoComplete="off"
              spellCheck={false} value={n.latin} errors={nameErrors(i, 'latin')} onChange={(latin) => { setName(i, { latin }); }} />
            <TextField id={`person-name-${i}-original`} label={t('person.field.original', { n: i + 1 })} autoComplete="off"
              spellCheck={false} value={n.original ?? ''} errors={nameErrors(i, 'original')}
              onChange={(original) => { setName(i, { original }); }} />
            <CheckboxField id={`person-name-${i}-alias`} label={t('person.field.alias')} checked={n.kind === 'alias'}
              onChange={(on) => { setName(i, { kind: on ? 'alias' : 'name' }); }} />
          </div>
        ))}
        <button type="button" className="button button--secondary"
          onClick={() => { set({ names: [...d.names, { kind: 'alias', latin: '', original: '' }] }); }}>
          {t('person.names.more')}
        </button>
      </FieldGroup>

      <FieldGroup id="person-dob-group" label={t('person.field.dateOfBirth')} errors={errorsUnder('date_of_birth')}>
        <ul className="choice-list">
          {(['date', 'estimate'] as const).map((m) => (
            <li key={m}>
              <input id={`person-dob-mode-${m}`} type="radio" name="person-dob-mode" checked={d.dobMode === m}
                onChange={() => { set({ dobMode: m }); }} />
              <label htmlFor={`person-dob-mode-${m}`}>{t(m === 'date' ? 'person.dob.known' : 'person.dob.estimate')}</label>
            </li>
          ))}
        </ul>
        {d.dobMode === 'date' ? (
          <TextField id="person-dob" label={t('person.field.dobDate')} hint={t('person.dob.hint')} autoComplete="off"
            inputMode="numeric" value={d.dob} onChange={(dob) => { set({ dob }); }} />
        ) : (
          <>
            <TextField id="person-age-min" label={t('person.field.ageMin')} type="number" min={0} max="120" value={d.ageMin}
              onChange={(ageMin) => { set({ ageMin }); }} />
            <TextField id="person-age-max" label={t('person.field.ageMax')} type="number" min={0} max="120" value={d.ageMax}
              onChange={(ageMax) => { set({ ageMax }); }} />
          </>
        )}
        <CheckboxField id="person-claimed-minor" label={t('person.field.claimedMinor')} checked={d.claimedMinor}
          errors={errorsUnder('claimed_minor')} onChange={(claimedMinor) => { set({ claimedMinor }); }} />
      </FieldGroup>

      <SelectField id="person-gender" label={t('person.field.gender')} value={d.gender} errors={errorsUnder('gender')}
        options={[{ value: '', label: t('person.notGiven') }, ...GENDERS.map((g) => ({ value: g, label: i18n.tDynamic(`gender.${g}`, g) }))]}
        onChange={(gender) => { set({ gender }); }} />
      <SelectField id="person-citizenship" label={t('person.field.citizenship')} value={d.citizenship}
        errors={errorsUnder('citizenship.status')}
        options={[{ value: '', label: t('person.notGiven') }, ...CITIZENSHIP_STATUSES.map((s) => ({ value: s, label: i18n.tDynamic(`citizenship.${s}`, s) }))]}
        onChange={(citizenship) => { set({ citizenship }); }} />
      {d.citizenship === 'known' ? (
        <CountryPicker id="person-countries" label={t('person.field.countries')} hint={t('person.countries.hint')}
          value={d.countries} errors={errorsUnder('citizenship.countries')} onChange={(countries) => { set({ countries }); }} />
      ) : null}
      <LanguagePicker id="person-languages" label={t('person.field.languages')} hint={t('person.languages.hint')}
        value={d.languages} errors={errorsUnder('languages')} onChange={(languages) => { set({ languages }); }} />

      <FieldGroup id="person-contact" label={t('person.contact.title')} hint={t('person.contact.hint')}>
        <TextField id="person-phone" label={t('person.field.phone')} type="tel" autoComplete="off" value={d.phone}
          errors={errorsUnder('contact.phones')} onChange={(phone) => { set({ phone }); }} />
        <TextField id="person-email" label={t('person.field.email')} type="email" autoComplete="off" value={d.email}
          errors={errorsUnder('contact.emails')} onChange={(email) => { set({ email }); }} />
        <TextAreaField id="person-notes" label={t('person.field.notes')} value={d.notes}
          errors={errorsUnder('contact.notes', 'contact.address')} onChange={(notes) => { set({ notes }); }} />
      </FieldGroup>

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>{busy ? t('action.saving') : t('person.add.button')}</button>
      </div>
    </form>
  );
}
