// The team's form that corrects a person of the case: the same identity and contact fields as when
// adding (PersonFields), and the protection level. Raising protection asks for a confirmation that says
// what happens (the case's places leave lists and statistics; only the team sees the person); an
// assumed identity is never given to or taken from a record (add the person anew). The server's field
// problems show beside the field they name; a stale version asks for a reload.
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/fields';
import { useFormProblems, validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { localPersonProblems } from './AddPersonForm';
import type { MergeablePerson } from './mergeApi';
import { PersonFields, personFieldTargets, problemLists } from './PersonFields';
import {
  EDITABLE_PROTECTION, editDraft, raisesProtection, updateInput, updatePerson, type PersonEditDraft,
} from './personEdit';

interface Props {
  caseId: string;
  person: MergeablePerson;
  onSaved: (p: MergeablePerson) => void;
  onCancel: () => void;
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const PREFIX = 'person-edit';

export function EditPersonForm({ caseId, person, onSaved, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState<PersonEditDraft>(() => editDraft(person));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('person', {
    ...personFieldTargets(t, PREFIX, d.dobMode),
    protection: { id: `${PREFIX}-protection`, label: t('personEdit.field.protection') },
    person_id: { id: `${PREFIX}-names`, label: t('person.field.names') },
    role: { id: `${PREFIX}-names`, label: t('person.field.role') },
  });
  const { errorsUnder, nameErrors } = problemLists(i18n, 'person', form.problems);
  const assumed = person.protection === 'assumed_identity';
  const levelLabel = (level: string) => i18n.tDynamic(`personEdit.protection.${level}`, level);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await updatePerson(caseId, person.id, updateInput(person, d, todayIso())));
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = localPersonProblems(d);
    form.setProblems(local);
    if (local.length) return;
    if (raisesProtection(person.protection, d.protection)) {
      setConfirming(true);
      return;
    }
    void save();
  };

  const conflict = isApiError(failure) && failure.kind === 'conflict';
  if (confirming) {
    return (
      <section className="narrow-form" aria-labelledby="person-edit-confirm-title">
        <h3 id="person-edit-confirm-title">{t('personEdit.confirm.title', { code: person.code })}</h3>
        <p>{t('personEdit.confirm.level', { level: levelLabel(d.protection) })}</p>
        <ul>
          <li>{t('personEdit.confirm.places')}</li>
          <li>{t('personEdit.confirm.team')}</li>
          <li>{t('personEdit.confirm.lowering')}</li>
        </ul>
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void save()}>
            {busy ? t('action.saving') : t('personEdit.confirm.button')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => { setConfirming(false); }}>
            {t('personEdit.back')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form className="narrow-form" noValidate aria-labelledby="person-edit-title" onSubmit={submit}>
      <h3 id="person-edit-title">{t('personEdit.title', { code: person.code })}</h3>
      <p>{t('personEdit.intro')}</p>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {conflict ? <p role="alert" className="alert alert--error">{t('personEdit.conflict')}</p> : null}
      {failure && !conflict ? <ProblemAlert error={failure} /> : null}
      <PersonFields prefix={PREFIX} d={d} setD={setD} errorsUnder={errorsUnder} nameErrors={nameErrors} i18n={i18n} />
      {assumed ? (
        <p id={`${PREFIX}-protection`}>
          <strong>{t('personEdit.field.protection')}:</strong> {levelLabel('assumed_identity')}.{' '}
          {t('personEdit.protection.assumedKept')}
        </p>
      ) : (
        <SelectField id={`${PREFIX}-protection`} label={t('personEdit.field.protection')} hint={t('personEdit.protection.hint')}
          value={d.protection} errors={errorsUnder('protection')}
          options={EDITABLE_PROTECTION.map((level) => ({ value: level, label: levelLabel(level) }))}
          onChange={(protection) => { setD((x) => ({ ...x, protection })); }} />
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>{busy ? t('action.saving') : t('personEdit.button')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
