// The team's form that merges a duplicate record into a person of the case: choose the other record
// (same role, never an assumed identity), then a confirm step that says what happens — the kept record
// gains the other's names and details, the other stays readable and points to it, no undo. The server's
// field problems show beside the choice; a stale version asks for a reload.
import { useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup } from '../../components/fields';
import { problemMessage, useFormProblems, validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { mergeCandidates, mergePersons, type MergeablePerson } from './mergeApi';
import { personRoleLabel } from './personLabels';

interface Props {
  caseId: string;
  kept: MergeablePerson;
  persons: readonly MergeablePerson[];
  onMerged: (kept: MergeablePerson, merged: MergeablePerson) => void;
  onCancel: () => void;
}

const nameOf = (p: MergeablePerson) => p.names.map((n) => n.latin).join(', ');

export function MergePersonForm({ caseId, kept, persons, onMerged, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const candidates = mergeCandidates(kept, persons);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const label = t('merge.field.duplicate', { code: kept.code });
  const form = useFormProblems('merge', {
    duplicate_person_id: { id: 'merge-duplicate', label },
    person_id: { id: 'merge-duplicate', label },
  });
  const errors = form.problems.map((p) => problemMessage(i18n, 'merge', p));
  const duplicate = candidates.find((p) => p.id === chosen);

  const next = (e: SubmitEvent) => {
    e.preventDefault();
    if (!duplicate) {
      form.setProblems([{ field: 'duplicate_person_id', rule: 'required', detail: '' }]);
      return;
    }
    form.setProblems([]);
    setConfirming(true);
  };

  const merge = async () => {
    if (!duplicate) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await mergePersons(caseId, kept.id, {
        duplicate_person_id: duplicate.id,
        expected_version: kept.version,
        duplicate_expected_version: duplicate.version,
      });
      onMerged(result, duplicate);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) {
        form.setProblems(problems);
        setConfirming(false);
      } else {
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const conflict = isApiError(failure) && failure.kind === 'conflict';
  return (
    <form className="narrow-form" noValidate aria-labelledby="merge-title" onSubmit={next}>
      <h3 id="merge-title">{t('merge.title', { code: kept.code })}</h3>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure && !conflict ? <ProblemAlert error={failure} /> : null}
      {conflict ? <div className="alert alert--error" role="alert"><p>{t('merge.conflict')}</p></div> : null}
      {candidates.length === 0 ? (
        <>
          <p>{t('merge.none')}</p>
          <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
        </>
      ) : !confirming || !duplicate ? (
        <>
          <p>{t('merge.intro', { code: kept.code })}</p>
          <FieldGroup id="merge-duplicate" label={label} hint={t('merge.duplicate.hint')} errors={errors.length ? errors : undefined}>
            <ul className="choice-list">
              {candidates.map((p) => (
                <li key={p.id}>
                  <input id={`merge-duplicate-${p.id}`} type="radio" name="merge-duplicate" value={p.id}
                    checked={chosen === p.id} onChange={() => { setChosen(p.id); }} />
                  <label htmlFor={`merge-duplicate-${p.id}`}>
                    {p.code} – <span dir="auto">{nameOf(p) || t('person.noName')}</span>
                    <span className="muted"> ({personRoleLabel(i18n, p.role)})</span>
                  </label>
                </li>
              ))}
            </ul>
          </FieldGroup>
          <div className="form-actions">
            <button type="submit" className="button">{t('merge.next')}</button>
            <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
          </div>
        </>
      ) : (
        <section aria-labelledby="merge-confirm-title">
          <h4 id="merge-confirm-title">{t('merge.confirm.title')}</h4>
          <p>{t('merge.confirm.kept', { kept: kept.code, merged: duplicate.code })}</p>
          <p>{t('merge.confirm.merged', { kept: kept.code, merged: duplicate.code })}</p>
          <p><strong>{t('merge.confirm.final')}</strong></p>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void merge()}>
              {busy ? t('merge.busy') : t('merge.button')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy}
              onClick={() => { setConfirming(false); }}>{t('merge.back')}</button>
          </div>
        </section>
      )}
    </form>
  );
}
