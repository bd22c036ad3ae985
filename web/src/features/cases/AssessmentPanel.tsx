// The presumed-victim assessment for a person: the conclusion (presumed victim, not, or not yet
// determined), its date and the grounds. Saving keeps a new version.
import { useState, type SubmitEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup, TextAreaField, TextField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { recordApi } from './caseWorkApi';
import type { Assessment } from './caseWorkTypes';
import { SavedLine, type PanelProps } from './RecordPanel';
import { todayInSweden, useFormWrite, usePersonData } from './useCaseWork';

const CONCLUSIONS = ['presumed_victim', 'not_presumed_victim', 'undetermined'] as const;

export function AssessmentPanel({ caseId, person, stamp, editable, onChanged }: PanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const saved = usePersonData(recordApi.assessment, caseId, person.id, stamp);
  const current = saved.data?.current;
  return (
    <section aria-labelledby="assessment-title">
      <h3 id="assessment-title">{t('assessment.title')}</h3>
      <p>{t('assessment.intro')}</p>
      {saved.error ? <ProblemAlert error={saved.error} onRetry={saved.reload} /> : null}
      {!saved.data && !saved.error ? <Loading /> : null}
      {saved.data ? <SavedLine at={current?.recorded_at} /> : null}
      {saved.data && editable ? (
        <AssessmentForm key={current?.id ?? 'new'} caseId={caseId} personId={person.id} current={current ?? null}
          onSaved={() => { onChanged(t('assessment.saved', { code: person.code })); }} />
      ) : null}
      {saved.data && !editable && current ? <p>{i18n.tDynamic(`assessment.conclusion.${current.conclusion}`, current.conclusion)}</p> : null}
    </section>
  );
}

function AssessmentForm({ caseId, personId, current, onSaved }: {
  caseId: string; personId: string; current: Assessment | null; onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [conclusion, setConclusion] = useState(current?.conclusion ?? '');
  const [on, setOn] = useState(current?.assessed_on ?? todayInSweden());
  const [grounds, setGrounds] = useState(current?.grounds ?? '');
  const w = useFormWrite('assessment', {
    conclusion: { id: 'assessment-conclusion', label: t('assessment.field.conclusion') },
    assessed_on: { id: 'assessment-on', label: t('assessment.field.on') },
    grounds: { id: 'assessment-grounds', label: t('assessment.field.grounds') },
    assessed_by: { id: 'assessment-on', label: t('assessment.field.by') },
  });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = [
      ...(conclusion ? [] : [{ field: 'conclusion', rule: 'required', detail: '' }]),
      ...(grounds.trim() ? [] : [{ field: 'grounds', rule: 'required', detail: '' }]),
    ];
    const body: Assessment = { conclusion, assessed_on: on, grounds: grounds.trim() };
    if (await w.run(() => recordApi.saveAssessment(caseId, personId, body), local)) onSaved();
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="assessment-title" onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <FieldGroup id="assessment-conclusion" label={t('assessment.field.conclusion')} errors={w.form.errorsFor('conclusion')}>
        <ul className="choice-list">
          {CONCLUSIONS.map((c) => (
            <li key={c}>
              <input id={`assessment-conclusion-${c}`} type="radio" name="assessment-conclusion" checked={conclusion === c}
                aria-describedby={`assessment-conclusion-${c}-explain`} onChange={() => { setConclusion(c); }} />
              <div>
                <label htmlFor={`assessment-conclusion-${c}`}>{i18n.tDynamic(`assessment.conclusion.${c}`, c)}</label>
                <p id={`assessment-conclusion-${c}-explain`} className="field-hint">
                  {i18n.tDynamic(`assessment.conclusion.${c}.explain`, '')}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <TextField id="assessment-on" label={t('assessment.field.on')} type="date" required value={on}
        errors={[...(w.form.errorsFor('assessed_on') ?? []), ...(w.form.errorsFor('assessed_by') ?? [])]} onChange={setOn} />
      <TextAreaField id="assessment-grounds" label={t('assessment.field.grounds')} hint={t('assessment.grounds.hint')} required
        value={grounds} errors={w.form.errorsFor('grounds')} onChange={setGrounds} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('assessment.save')}</button>
      </div>
    </form>
  );
}
