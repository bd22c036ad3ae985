// The identity and contact fields of a person, shared by the form that adds a person and the one that
// corrects one: names (Latin and original script, aliases), date of birth as a full or partial date or
// an estimated age range, claimed minor, whether a child is unaccompanied (asked while the person may
// be a child), gender, citizenship, the residence permit (not asked of a Swedish citizen), languages
// and contact details. Every id starts with `prefix`, so both forms can be on the page at once.
import type { Dispatch, SetStateAction } from 'react';
import { CITIZENSHIP_STATUSES, GENDERS, RESIDENCE_PERMITS, type PersonName, type ResidencePermit } from '../../api/caseTypes';
import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { basePath, problemMessage, type FormProblem } from '../../components/formProblems';
import type { I18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/sv';
import { LanguagePicker } from '../orgs/LanguagePicker';
import type { PersonDraft } from './AddPersonForm';
import { CountryPicker } from './CountryPicker';
import { draftMayBeChild, draftSwedishCitizen } from './personRules';

type T = I18n['t'];

/** The residence-permit choices in plain words. */
export const PERMIT_CHOICE: Record<ResidencePermit, MessageKey> = {
  none: 'person.permit.choice.none', has_permit: 'person.permit.choice.has_permit', unknown: 'person.permit.choice.unknown',
};

/** Where each problem field of the person's own fields points (for useFormProblems). */
export function personFieldTargets(t: T, prefix: string, dobMode: PersonDraft['dobMode']) {
  const dobId = dobMode === 'date' ? `${prefix}-dob` : `${prefix}-age-min`;
  return {
    'names.latin': { id: `${prefix}-name-0-latin`, label: t('person.field.latin', { n: 1 }) },
    'names.original': { id: `${prefix}-name-0-original`, label: t('person.field.original', { n: 1 }) },
    names: { id: `${prefix}-name-0-latin`, label: t('person.field.names') },
    date_of_birth: { id: dobId, label: t('person.field.dateOfBirth') },
    'date_of_birth.date': { id: `${prefix}-dob`, label: t('person.field.dateOfBirth') },
    'date_of_birth.age_min': { id: `${prefix}-age-min`, label: t('person.field.ageMin') },
    'date_of_birth.age_max': { id: `${prefix}-age-max`, label: t('person.field.ageMax') },
    'date_of_birth.estimated_on': { id: `${prefix}-age-min`, label: t('person.field.dateOfBirth') },
    gender: { id: `${prefix}-gender`, label: t('person.field.gender') },
    citizenship: { id: `${prefix}-citizenship`, label: t('person.field.citizenship') },
    'citizenship.status': { id: `${prefix}-citizenship`, label: t('person.field.citizenship') },
    'citizenship.countries': { id: `${prefix}-countries`, label: t('person.field.countries') },
    residence_permit: { id: `${prefix}-residence-permit`, label: t('person.field.residencePermit') },
    unaccompanied: { id: `${prefix}-unaccompanied`, label: t('person.field.unaccompanied') },
    languages: { id: `${prefix}-languages`, label: t('person.field.languages') },
    'contact.phones': { id: `${prefix}-phone`, label: t('person.field.phone') },
    'contact.emails': { id: `${prefix}-email`, label: t('person.field.email') },
    'contact.notes': { id: `${prefix}-notes`, label: t('person.field.notes') },
  };
}

/** The messages of a form's problems, by field: `errorsUnder` takes a field and what lies under it. */
export function problemLists(i18n: I18n, scope: string, problems: readonly FormProblem[]) {
  const text = (p: FormProblem) => problemMessage(i18n, scope, p);
  const errorsUnder = (...fields: string[]) => {
    const list = problems.filter((p) => fields.some((f) => basePath(p.field) === f
      || basePath(p.field).startsWith(`${f}.`))).map(text);
    return list.length ? list : undefined;
  };
  const nameErrors = (i: number, part: 'latin' | 'original') => {
    const list = problems.filter((p) => p.field === `names[${i}].${part}` || (i === 0 && p.field === 'names' && part === 'latin')).map(text);
    return list.length ? list : undefined;
  };
  return { errorsUnder, nameErrors };
}

interface Props<D extends PersonDraft> {
  prefix: string;
  d: D;
  setD: Dispatch<SetStateAction<D>>;
  errorsUnder: (...fields: string[]) => string[] | undefined;
  nameErrors: (i: number, part: 'latin' | 'original') => string[] | undefined;
  i18n: I18n;
}

export function PersonFields<D extends PersonDraft>({ prefix, d, setD, errorsUnder, nameErrors, i18n }: Props<D>) {
  const { t } = i18n;
  const set = (patch: Partial<PersonDraft>) => { setD((x) => ({ ...x, ...patch })); };
  const setName = (i: number, patch: Partial<PersonName>) => {
    setD((x) => ({ ...x, names: x.names.map((n, j) => (j === i ? { ...n, ...patch } : n)) }));
  };
  return (
    <>
      <FieldGroup id={`${prefix}-names`} label={t('person.field.names')} hint={t('person.names.hint')}>
        {d.names.map((n, i) => (
          <div key={i} className="name-row">
            <TextField id={`${prefix}-name-${i}-latin`} label={t('person.field.latin', { n: i + 1 })} autoComplete="off"
              spellCheck={false} value={n.latin} errors={nameErrors(i, 'latin')} onChange={(latin) => { setName(i, { latin }); }} />
            <TextField id={`${prefix}-name-${i}-original`} label={t('person.field.original', { n: i + 1 })} autoComplete="off"
              spellCheck={false} value={n.original ?? ''} errors={nameErrors(i, 'original')}
              onChange={(original) => { setName(i, { original }); }} />
            <CheckboxField id={`${prefix}-name-${i}-alias`} label={t('person.field.alias')} checked={n.kind === 'alias'}
              onChange={(on) => { setName(i, { kind: on ? 'alias' : 'name' }); }} />
          </div>
        ))}
        <button type="button" className="button button--secondary"
          onClick={() => { set({ names: [...d.names, { kind: 'alias', latin: '', original: '' }] }); }}>
          {t('person.names.more')}
        </button>
      </FieldGroup>

      <FieldGroup id={`${prefix}-dob-group`} label={t('person.field.dateOfBirth')} errors={errorsUnder('date_of_birth')}>
        <ul className="choice-list">
          {(['date', 'estimate'] as const).map((m) => (
            <li key={m}>
              <input id={`${prefix}-dob-mode-${m}`} type="radio" name={`${prefix}-dob-mode`} checked={d.dobMode === m}
                onChange={() => { set({ dobMode: m }); }} />
              <label htmlFor={`${prefix}-dob-mode-${m}`}>{t(m === 'date' ? 'person.dob.known' : 'person.dob.estimate')}</label>
            </li>
          ))}
        </ul>
        {d.dobMode === 'date' ? (
          <TextField id={`${prefix}-dob`} label={t('person.field.dobDate')} hint={t('person.dob.hint')} autoComplete="off"
            inputMode="numeric" value={d.dob} onChange={(dob) => { set({ dob }); }} />
        ) : (
          <>
            <TextField id={`${prefix}-age-min`} label={t('person.field.ageMin')} type="number" min={0} max="120" value={d.ageMin}
              onChange={(ageMin) => { set({ ageMin }); }} />
            <TextField id={`${prefix}-age-max`} label={t('person.field.ageMax')} type="number" min={0} max="120" value={d.ageMax}
              onChange={(ageMax) => { set({ ageMax }); }} />
          </>
        )}
        <CheckboxField id={`${prefix}-claimed-minor`} label={t('person.field.claimedMinor')} checked={d.claimedMinor}
          errors={errorsUnder('claimed_minor')} onChange={(claimedMinor) => { set({ claimedMinor }); }} />
      </FieldGroup>
      {draftMayBeChild(d) ? (
        <CheckboxField id={`${prefix}-unaccompanied`} label={t('person.field.unaccompanied')} hint={t('person.unaccompanied.hint')}
          checked={d.unaccompanied} errors={errorsUnder('unaccompanied')} onChange={(unaccompanied) => { set({ unaccompanied }); }} />
      ) : null}

      <SelectField id={`${prefix}-gender`} label={t('person.field.gender')} value={d.gender} errors={errorsUnder('gender')}
        options={[{ value: '', label: t('person.notGiven') }, ...GENDERS.map((g) => ({ value: g, label: i18n.tDynamic(`gender.${g}`, g) }))]}
        onChange={(gender) => { set({ gender }); }} />
      <SelectField id={`${prefix}-citizenship`} label={t('person.field.citizenship')} value={d.citizenship}
        errors={errorsUnder('citizenship.status')}
        options={[{ value: '', label: t('person.notGiven') }, ...CITIZENSHIP_STATUSES.map((s) => ({ value: s, label: i18n.tDynamic(`citizenship.${s}`, s) }))]}
        onChange={(citizenship) => { set({ citizenship }); }} />
      {d.citizenship === 'known' ? (
        <CountryPicker id={`${prefix}-countries`} label={t('person.field.countries')} hint={t('person.countries.hint')}
          value={d.countries} errors={errorsUnder('citizenship.countries')} onChange={(countries) => { set({ countries }); }} />
      ) : null}
      {draftSwedishCitizen(d) ? (
        <p id={`${prefix}-residence-permit`} className="field-hint">{t('person.permit.swedishCitizen')}</p>
      ) : (
        <FieldGroup id={`${prefix}-residence-permit`} label={t('person.field.residencePermit')} hint={t('person.permit.hint')}
          errors={errorsUnder('residence_permit')}>
          <ul className="choice-list">
            {RESIDENCE_PERMITS.map((v) => (
              <li key={v}>
                <input id={`${prefix}-residence-permit-${v}`} type="radio" name={`${prefix}-residence-permit`} value={v}
                  checked={d.residencePermit === v} onChange={() => { set({ residencePermit: v }); }} />
                <label htmlFor={`${prefix}-residence-permit-${v}`}>{t(PERMIT_CHOICE[v])}</label>
              </li>
            ))}
          </ul>
        </FieldGroup>
      )}
      <LanguagePicker id={`${prefix}-languages`} label={t('person.field.languages')} hint={t('person.languages.hint')}
        value={d.languages} errors={errorsUnder('languages')} onChange={(languages) => { set({ languages }); }} />

      <FieldGroup id={`${prefix}-contact`} label={t('person.contact.title')} hint={t('person.contact.hint')}>
        <TextField id={`${prefix}-phone`} label={t('person.field.phone')} type="tel" autoComplete="off" value={d.phone}
          errors={errorsUnder('contact.phones')} onChange={(phone) => { set({ phone }); }} />
        <TextField id={`${prefix}-email`} label={t('person.field.email')} type="email" autoComplete="off" value={d.email}
          errors={errorsUnder('contact.emails')} onChange={(email) => { set({ email }); }} />
        <TextAreaField id={`${prefix}-notes`} label={t('person.field.notes')} value={d.notes}
          errors={errorsUnder('contact.notes', 'contact.address')} onChange={(notes) => { set({ notes }); }} />
      </FieldGroup>
    </>
  );
}
