// The team's form that adds a person to a case: role (explained), names (Latin and original script),
// date of birth as a full or partial date or an estimated age range, gender, citizenship, residence
// permit, whether a child is unaccompanied, languages and contact details. The server's field
// problems show beside the field they name.
import { useState, type SubmitEvent } from 'react';
import {
  PERSON_ROLES, type CasePerson, type CasePersonInput, type PersonName, type ResidencePermit,
} from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup } from '../../components/fields';
import { useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { PersonFields, personFieldTargets, problemLists } from './PersonFields';
import { personRoleExplanation, personRoleLabel } from './personLabels';
import { draftMayBeChild, draftSwedishCitizen } from './personRules';

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
  /** Not asked (and not sent) for a Swedish citizen. */
  residencePermit: ResidencePermit;
  /** Only asked (and sent) while the person may be a child. */
  unaccompanied: boolean;
  languages: string[];
  phone: string;
  email: string;
  notes: string;
}

export const emptyPerson = (): PersonDraft => ({
  role: '', names: [{ kind: 'name', latin: '', original: '' }], dobMode: 'date', dob: '', ageMin: '', ageMax: '',
  claimedMinor: false, gender: '', citizenship: '', countries: [], residencePermit: 'unknown', unaccompanied: false,
  languages: [], phone: '', email: '', notes: '',
});

/** The residence permit to record: unknown for a Swedish citizen, whom the question does not concern. */
export const permitOf = (d: PersonDraft): ResidencePermit => (draftSwedishCitizen(d) ? 'unknown' : d.residencePermit);

/** Whether to record the person as an unaccompanied child: ticked, and the person may be a child. */
export const unaccompaniedOf = (d: PersonDraft, today: string): boolean =>
  d.unaccompanied && draftMayBeChild(d, Number(today.slice(0, 4)));

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
  if (permitOf(d) !== 'unknown') input.residence_permit = permitOf(d);
  if (unaccompaniedOf(d, today)) input.unaccompanied = true;
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
  const form = useFormProblems('person', {
    role: { id: 'person-role', label: t('person.field.role') },
    ...personFieldTargets(t, 'person', d.dobMode),
  });
  const { errorsUnder, nameErrors } = problemLists(i18n, 'person', form.problems);

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

      <PersonFields prefix="person" d={d} setD={setD} errorsUnder={errorsUnder} nameErrors={nameErrors} i18n={i18n} />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>{busy ? t('action.saving') : t('person.add.button')}</button>
      </div>
    </form>
  );
}
